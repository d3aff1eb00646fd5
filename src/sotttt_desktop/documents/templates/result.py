"""The result document of every procedure in the catalogue (REFERENCE.md §1).

permit / certificate / confirmation: a titled document ("GIẤY PHÉP …") with the issuer, legal
bases, "CHO PHÉP:" / "CHỨNG NHẬN:" / "XÁC NHẬN:" and the fields of the holder and the subject.
approval: an official letter (công văn) with "V/v" under the number, addressed to the holder.
decision: a Quyết định with its articles. Amend, extend and reissue say which document they
replace. The wording of each kind is in this module; the facts come with the data.
"""

from __future__ import annotations

from typing import Any

from sotttt_desktop.documents.model import Article, Block, Document, Field, Para
from sotttt_desktop.documents.templates import Template
from sotttt_desktop.documents.templates.common import agency_title, day, ddmmyyyy, header, signature

VERBS = {"permit": "CHO PHÉP:", "certificate": "CHỨNG NHẬN:", "confirmation": "XÁC NHẬN:"}
# a transfer has none: its title says it, and the body names the document it replaces
ACTION_SUMMARY = {
    "amend": "Sửa đổi, bổ sung {kind_lower} số {number} ngày {date}",
    "extend": "Gia hạn {kind_lower} số {number} ngày {date}",
    "reissue": "Cấp lại {kind_lower} số {number} ngày {date}",
}


def _holder_fields(holder: dict[str, Any], start: int) -> tuple[list[Block], int]:
    n = start
    label = "Họ và tên" if holder.get("kind") == "person" else "Tên tổ chức"  # party kinds
    fields: list[Block] = [Field(f"{n}. {label}", holder.get("name", ""), bold=True)]
    n += 1
    if holder.get("address"):
        fields.append(Field(f"{n}. Địa chỉ", holder["address"]))
        n += 1
    if holder.get("tax_code"):
        fields.append(Field(f"{n}. Mã số thuế", holder["tax_code"]))
        n += 1
    if holder.get("citizen_id"):
        fields.append(Field(f"{n}. Số định danh cá nhân", holder["citizen_id"]))
        n += 1
    if holder.get("representative"):
        fields.append(Field(f"{n}. Người đại diện theo pháp luật", holder["representative"]))
        n += 1
    return fields, n


def _content_fields(data: dict[str, Any], start: int) -> list[Block]:
    n = start
    # the family's declared contents, in declared order (permits/); a permit of an undeclared
    # kind prints its subject
    lines = data.get("content_lines") or [("Nội dung", data.get("subject", ""))]
    fields: list[Block] = []
    for label, value in lines:
        fields.append(Field(f"{n}. {label}", str(value)))
        n += 1
    if data.get("valid_until"):
        fields.append(Field(f"{n}. Thời hạn", "từ ngày {start} đến ngày {end}".format(
            start=ddmmyyyy(data.get("valid_from")), end=ddmmyyyy(data["valid_until"]))))
        n += 1
    statutory = data.get("statutory")  # what the legal form adds (rights and obligations…)
    if statutory:
        fields.append(Field(f"{n}. {statutory['label']}", "\n".join(statutory["lines"])))
        n += 1
    changes = data.get("changes") or []  # an amendment, extension, reissue: what changed
    if changes:
        fields.append(Field(f"{n}. Nội dung thay đổi so với văn bản được thay thế", "\n".join(
            f"{label}: {' '.join(now.split())}"
            + (f" (trước đây: {' '.join(before.split())})" if before else "")
            for label, before, now in changes)))
    return fields


def _legal_bases(data: dict[str, Any]) -> tuple[str, ...]:
    bases = [data["agency_basis"]] if data.get("agency_basis") else []
    bases += [f"Căn cứ {basis}" for basis in data.get("legal_basis", [])]
    dossier = data.get("dossier") or {}
    holder = data["holder"]["name"]
    if dossier:
        bases.append(f"Xét hồ sơ đề nghị của {holder} (mã hồ sơ {dossier['code']}, tiếp nhận "
                     f"ngày {ddmmyyyy(dossier.get('received_on'))})")
    if data.get("unit_name"):
        bases.append(f"Theo đề nghị của Trưởng {data['unit_name'][0].lower()}"
                     f"{data['unit_name'][1:]}")
    return tuple(f"{b.rstrip(';.')}{'.' if i == len(bases) - 1 else ';'}"
                 for i, b in enumerate(bases))


def _summary(data: dict[str, Any]) -> str:
    replaced = data.get("replaces")
    pattern = ACTION_SUMMARY.get(data.get("action", ""))
    if not (pattern and replaced):
        return ""
    kind = replaced.get("title") or data["title"]
    return pattern.format(kind_lower=kind[0].lower() + kind[1:], number=replaced["number"],
                          date=ddmmyyyy(replaced.get("issued_on")))


def _recipients(data: dict[str, Any], first: str) -> tuple[str, ...]:
    unit = data.get("unit_abbreviation") or ""
    return (first, *data.get("extra_recipients", []), f"Lưu: VT, {unit}".rstrip(", "))


def _titled(data: dict[str, Any]) -> Document:
    kind = data.get("result_kind", "permit")
    holder_fields, n = _holder_fields(data["holder"], 1)
    body: list[Block] = [Para(VERBS.get(kind, "CHO PHÉP:"), "centre_bold"), *holder_fields,
                         *_content_fields(data, n)]
    replaced = data.get("replaces")
    if replaced:
        old = replaced.get("title") or data["title"]
        body.append(Para(f"Văn bản này thay thế {old[0].lower()}{old[1:]} số "
                         f"{replaced['number']} ngày {ddmmyyyy(replaced.get('issued_on'))}."))
    body.append(Para(f"{data['holder']['name']} có trách nhiệm thực hiện đúng nội dung ghi "
                     "trong văn bản này và các quy định của pháp luật có liên quan./."))
    return header(data, "A4", date=day(data.get("issued_on")), number=data.get("number"),
                  title=data["title"], summary=_summary(data),
                  issuer=f"GIÁM ĐỐC {data['profile']['agency_name']}",
                  legal_bases=_legal_bases(data), body=tuple(body),
                  signature=signature(data.get("signer")),
                  recipients=_recipients(data, data["holder"]["name"]),
                  qr_payload=data.get("qr_payload"), metadata_title=data["title"])


def _letter(data: dict[str, Any]) -> Document:
    agency = agency_title(data["profile"])
    holder = data["holder"]["name"]
    dossier = data.get("dossier") or {}
    opening = (f"{agency} nhận được hồ sơ của {holder} (mã hồ sơ {dossier.get('code', '')}, "
               f"tiếp nhận ngày {ddmmyyyy(dossier.get('received_on'))}) đề nghị "
               f"{data['procedure_name'][0].lower()}{data['procedure_name'][1:]}.")
    bases = ", ".join(data.get("legal_basis", []))
    body: list[Block] = [Para(opening)]
    replaced = data.get("replaces")
    if replaced:
        old = replaced.get("title") or data["title"]
        body.append(Para(f"Văn bản liên quan: {old[0].lower()}{old[1:]} số {replaced['number']} "
                         f"ngày {ddmmyyyy(replaced.get('issued_on'))}."))
    if bases:
        body.append(Para(f"Căn cứ {bases}; sau khi xem xét hồ sơ, {agency} chấp thuận "
                         "với các nội dung sau:"))
    else:
        body.append(Para(f"Sau khi xem xét hồ sơ, {agency} chấp thuận với các nội dung sau:"))
    body += _content_fields(data, 1)
    body.append(Para(f"Đề nghị {holder} thực hiện đúng nội dung được chấp thuận và các quy "
                     "định của pháp luật có liên quan./."))
    return header(data, "A4", date=day(data.get("issued_on")), number=data.get("number"),
                  letter_summary=data.get("letter_summary")
                  or f"{data['title'][0].lower()}{data['title'][1:]}",
                  addressees=(holder,), body=tuple(body),
                  signature=signature(data.get("signer")),
                  recipients=_recipients(data, "Như trên"), qr_payload=data.get("qr_payload"),
                  metadata_title=data["title"])


def _decision(data: dict[str, Any]) -> Document:
    holder = data["holder"]["name"]
    holder_fields, n = _holder_fields(data["holder"], 1)
    content: list[str] = []
    for f in holder_fields + _content_fields(data, n):
        if isinstance(f, Field):  # a value of several lines: a dash list under its label
            lines = f.lines()
            content += ([f"{f.label}:", *(f"- {line}" for line in lines)] if len(lines) > 1
                        else [f"{f.label}: {f.value.strip()}"])
    replaced = data.get("replaces")
    first = data["title"]
    if replaced:
        first += (f" (đối với văn bản số {replaced['number']} ngày "
                  f"{ddmmyyyy(replaced.get('issued_on'))})")
    unit = data.get("unit_name") or "các phòng, đơn vị có liên quan"
    articles = (
        Article(1, "", (f"{first}, cụ thể như sau:", *content)),
        Article(2, "", ("Quyết định này có hiệu lực kể từ ngày ký.",)),
        Article(3, "", (f"Chánh Văn phòng Sở, Trưởng {unit[0].lower()}{unit[1:]}, {holder} và "
                        "các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành "
                        "Quyết định này./.",)),
    )
    return header(data, "A4", date=day(data.get("issued_on")), number=data.get("number"),
                  title="QUYẾT ĐỊNH", summary=f"Về việc {data['title'][0].lower()}"
                  f"{data['title'][1:]}", issuer=f"GIÁM ĐỐC {data['profile']['agency_name']}",
                  legal_bases=_legal_bases(data),
                  body=(Para("QUYẾT ĐỊNH:", "centre_bold"), *articles),
                  signature=signature(data.get("signer")),
                  recipients=("Như Điều 3", *data.get("extra_recipients", []),
                              f"Lưu: VT, {data.get('unit_abbreviation') or ''}".rstrip(", ")),
                  qr_payload=data.get("qr_payload"), metadata_title=data["title"])


def build(data: dict[str, Any]) -> Document:
    kind = data.get("result_kind", "permit")
    if kind == "approval":
        return _letter(data)
    if kind == "decision":
        return _decision(data)
    return _titled(data)


TEMPLATE = Template(
    kind="permit", title="Văn bản kết quả của thủ tục (giấy phép, giấy chứng nhận, giấy xác "
    "nhận, văn bản chấp thuận, quyết định) — cấp mới, sửa đổi, gia hạn, cấp lại",
    form="Thể thức theo Nghị định 30/2020/NĐ-CP; nội dung theo thủ tục trong danh mục",
    version="2026-11-30", subject="permit", snapshot=True, build=build)
