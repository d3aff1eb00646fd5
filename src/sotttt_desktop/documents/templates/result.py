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
from sotttt_desktop.documents.templates.parties import holder_fields

VERBS = {"permit": "CHO PHÉP:", "certificate": "CHỨNG NHẬN:", "confirmation": "XÁC NHẬN:"}
# the heading of what an amendment or extension changed (a reissue, a transfer: "Nội dung thay
# đổi")
CHANGES_LABEL = {"amend": "Nội dung sửa đổi, bổ sung", "extend": "Nội dung gia hạn"}
# a transfer has none: its title says it, and the body names the document it replaces
ACTION_SUMMARY = {
    "amend": "Sửa đổi, bổ sung {kind_lower} số {number} ngày {date}",
    "extend": "Gia hạn {kind_lower} số {number} ngày {date}",
    "reissue": "Cấp lại {kind_lower} số {number} ngày {date}",
}


def _holder_fields(holder: dict[str, Any], start: int) -> tuple[list[Block], int]:
    return holder_fields(holder, start)  # worded by the party's kind (parties.py)


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
        # an extension moves the end only: "gia hạn đến ngày … (thời hạn trước đây: …)"
        term = "từ ngày {start} đến ngày {end}".format(
            start=ddmmyyyy(data.get("valid_from")), end=ddmmyyyy(data["valid_until"]))
        if data.get("action") == "extend":
            before = next((b for label, b, _now in data.get("changes") or []
                           if label == "Thời hạn"), "")
            term = f"gia hạn đến ngày {ddmmyyyy(data['valid_until'])}" + (
                f" (thời hạn trước đây: {before})" if before else "")
        fields.append(Field(f"{n}. Thời hạn", term))
        n += 1
    statutory = data.get("statutory")  # what the legal form adds (rights and obligations…)
    if statutory:
        fields.append(Field(f"{n}. {statutory['label']}", "\n".join(statutory["lines"])))
        n += 1
    changes = data.get("changes") or []  # an amendment, extension, reissue: what changed
    if data.get("action") == "extend" and data.get("valid_until"):
        changes = [c for c in changes if c[0] != "Thời hạn"]  # said on the term's line
    if changes:
        label = CHANGES_LABEL.get(data.get("action", ""), "Nội dung thay đổi")
        fields.append(Field(f"{n}. {label}", "\n".join(
            f"{label}: {' '.join(now.split())}"
            + (f" (trước đây: {' '.join(before.split())})" if before else "")
            for label, before, now in changes)))
    return fields


def _citations(data: dict[str, Any]) -> list[str]:
    """The instruments as cited on the document's date ("Căn cứ Luật Báo chí ngày …"); data
    issued before the instruments were data carries fragments ("Luật Báo chí 2016, Điều 34")."""
    if "legal_bases" in data:
        return list(data["legal_bases"])
    return [f"Căn cứ {basis}" for basis in data.get("legal_basis", [])]


def _legal_bases(data: dict[str, Any]) -> tuple[str, ...]:
    bases = [data["agency_basis"]] if data.get("agency_basis") else []
    bases += _citations(data)
    dossier = data.get("dossier") or {}
    holder = data["holder"]["name"]
    if dossier:
        considering = data.get("document_considering") or "hồ sơ đề nghị"
        bases.append(f"Xét {considering} của {holder} (mã hồ sơ {dossier['code']}, tiếp nhận "
                     f"ngày {ddmmyyyy(dossier.get('received_on'))})")
    if data.get("unit_name"):
        bases.append(f"Theo đề nghị của Trưởng {data['unit_name'][0].lower()}"
                     f"{data['unit_name'][1:]}")
    return tuple(f"{b.rstrip(';.')}{'.' if i == len(bases) - 1 else ';'}"
                 for i, b in enumerate(bases))


def _worded(data: dict[str, Any], name: str) -> str:
    """A wording of the catalogue (document_summary, document_operative) with the number and
    date of the document replaced; "" when it names one and there is none."""
    text = data.get(name) or ""
    replaced = data.get("replaces") or {}
    if "{" in text and not replaced:
        return ""
    return text.format(number=replaced.get("number", ""),
                       date=ddmmyyyy(replaced.get("issued_on")))


def _summary(data: dict[str, Any]) -> str:
    if "document_title" in data:
        return _worded(data, "document_summary")
    replaced = data.get("replaces")
    pattern = ACTION_SUMMARY.get(data.get("action", ""))
    if not (pattern and replaced):
        return ""
    kind = replaced.get("title") or data["title"]
    return pattern.format(kind_lower=kind[0].lower() + kind[1:], number=replaced["number"],
                          date=ddmmyyyy(replaced.get("issued_on")))


def _title(data: dict[str, Any]) -> str:
    return data.get("document_title") or data["title"]


def _replaced_name(data: dict[str, Any]) -> str:
    """The replaced document as a text names it: "Giấy phép thiết lập …" (a specific document
    keeps its capital); data of the old form gave the register's title, lower-cased."""
    replaced = data.get("replaces") or {}
    if "document_title" in data:
        return replaced.get("document_title") or replaced.get("title") or _title(data)
    old = replaced.get("title") or data["title"]
    return old[0].lower() + old[1:]


def _bases_in_a_sentence(data: dict[str, Any]) -> str:
    """The citations run on in a letter's sentence: "Căn cứ A; B" ("" without any)."""
    if "legal_bases" in data:
        texts = [c.removeprefix("Căn cứ ").rstrip(";.") for c in data["legal_bases"]]
        return f"Căn cứ {'; '.join(texts)}" if texts else ""
    bases = ", ".join(data.get("legal_basis", []))
    return f"Căn cứ {bases}" if bases else ""


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
        # a transfer names whom the replaced document was issued to
        former = replaced.get("holder") or ""
        issued_to = f" cấp cho {former}" if former and former != data["holder"]["name"] else ""
        body.append(Para(f"Văn bản này thay thế {_replaced_name(data)} số "
                         f"{replaced['number']} ngày {ddmmyyyy(replaced.get('issued_on'))}"
                         f"{issued_to}."))
    body.append(Para(f"{data['holder']['name']} có trách nhiệm thực hiện đúng nội dung ghi "
                     "trong văn bản này và các quy định của pháp luật có liên quan./."))
    return header(data, "A4", date=day(data.get("issued_on")), number=data.get("number"),
                  title=_title(data), summary=_summary(data),
                  issuer=f"GIÁM ĐỐC {data['profile']['agency_name']}",
                  legal_bases=_legal_bases(data), body=tuple(body),
                  signature=signature(data.get("signer")),
                  recipients=_recipients(data, data["holder"]["name"]),
                  qr_payload=data.get("qr_payload"), metadata_title=data["title"])


def _letter(data: dict[str, Any]) -> Document:
    agency = agency_title(data["profile"])
    holder = data["holder"]["name"]
    dossier = data.get("dossier") or {}
    request = data.get("document_summary") or data["procedure_name"]  # what was asked for
    opening = (f"{agency} nhận được hồ sơ của {holder} (mã hồ sơ {dossier.get('code', '')}, "
               f"tiếp nhận ngày {ddmmyyyy(dossier.get('received_on'))}) đề nghị "
               f"{request[0].lower()}{request[1:]}.")
    bases = _bases_in_a_sentence(data)
    body: list[Block] = [Para(opening)]
    replaced = data.get("replaces")
    if replaced:
        body.append(Para(f"Văn bản liên quan: {_replaced_name(data)} số {replaced['number']} "
                         f"ngày {ddmmyyyy(replaced.get('issued_on'))}."))
    # what the letter does: approves (the default), or as the catalogue words it (an
    # appraisal "có ý kiến thẩm định"), and what it then asks of the holder
    verb = _worded(data, "document_operative") or "chấp thuận"
    if bases:
        body.append(Para(f"{bases}; sau khi xem xét hồ sơ, {agency} {verb} "
                         "với các nội dung sau:"))
    else:
        body.append(Para(f"Sau khi xem xét hồ sơ, {agency} {verb} với các nội dung sau:"))
    body += _content_fields(data, 1)
    body.append(Para(_worded(data, "document_closing") or
                     f"Đề nghị {holder} thực hiện đúng nội dung được chấp thuận và các quy "
                     "định của pháp luật có liên quan./."))
    return header(data, "A4", date=day(data.get("issued_on")), number=data.get("number"),
                  letter_summary=data.get("document_summary") or data.get("letter_summary")
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
    summary = f"Về việc {data['title'][0].lower()}{data['title'][1:]}"
    if "document_title" in data:
        first = _worded(data, "document_operative") or data["title"]
        summary = _summary(data) or summary
    elif replaced:
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
                  title="QUYẾT ĐỊNH", summary=summary, issuer=f"GIÁM ĐỐC {data['profile']['agency_name']}",
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
    version="2026-12-07.2", subject="permit", snapshot=True, build=build)
