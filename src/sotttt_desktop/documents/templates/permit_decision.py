"""Decisions suspending or revoking a permit (DESIGN §5, permit lifecycle).

The data names the power (the article and the instrument in force on the decision's date), the
kind's name and the clerk's sentences (resources/documents/texts.toml); the template only puts
them in the articles. Data stored before the power was data keeps its first wording.
"""

from __future__ import annotations

from typing import Any

from sotttt_desktop.documents.model import Article, Document, Para
from sotttt_desktop.documents.templates import Template
from sotttt_desktop.documents.templates.common import day, ddmmyyyy, header, signature
from sotttt_desktop.documents.templates.parties import holder_phrase


def _build(data: dict[str, Any], action: str) -> Document:
    if "wording" not in data:
        return _build_first(data, action)
    permit = data["permit"]
    party = permit.get("holder_party") or {"name": permit["holder"]}
    words = data["wording"]
    fill = {"kind": data["kind_name"], "number": permit["number"],
            "date": ddmmyyyy(permit["issued_on"]), "holder": holder_phrase(party),
            "holder_name": party.get("name") or permit["holder"],
            "until": ddmmyyyy(data.get("until"))}
    first = [words["operative"].format(**fill), f"Lý do: {data['reason'].rstrip('.')}."]
    power = data.get("power") or {}
    if power:
        instrument = power["instrument"] + (", đã được sửa đổi, bổ sung" if power.get("amended")
                                            else "")
        first.append((words["power"] if power.get("article") else words["power_without_article"])
                     .format(article=power.get("article", ""), instrument=instrument))
    bases = [data["agency_basis"]] if data.get("agency_basis") else []
    bases += list(data.get("legal_bases", []))
    if data.get("unit_name"):
        bases.append(f"Theo đề nghị của Trưởng {data['unit_name'][0].lower()}"
                     f"{data['unit_name'][1:]}")
    bases = [f"{b.rstrip(';.')}{'.' if i == len(bases) - 1 else ';'}" for i, b in enumerate(bases)]
    holder = fill["holder_name"]
    articles = (
        Article(1, "", tuple(first)),
        Article(2, "", ("Quyết định này có hiệu lực kể từ ngày ký.",
                        words["obligation"].format(**fill))),
        Article(3, "", (f"Chánh Văn phòng Sở, Trưởng các phòng, đơn vị có liên quan và {holder} "
                        "chịu trách nhiệm thi hành Quyết định này./.",)),
    )
    verb = "đình chỉ" if action == "suspend" else "thu hồi"
    return header(data, "A4", date=day(data.get("decided_on")), number=data.get("number"),
                  title="QUYẾT ĐỊNH", summary=words["summary"].format(**fill),
                  issuer=f"GIÁM ĐỐC {data['profile']['agency_name']}",
                  legal_bases=tuple(bases), body=(Para("QUYẾT ĐỊNH:", "centre_bold"), *articles),
                  signature=signature(data.get("signer")),
                  recipients=("Như Điều 3", *data.get("extra_recipients", []),
                              f"Lưu: VT, {data.get('unit_abbreviation') or ''}".rstrip(", ")),
                  metadata_title=f"Quyết định {verb} {permit['number']}")


def _build_first(data: dict[str, Any], action: str) -> Document:
    """The wording of decisions issued before the powers were data (reprints stay identical)."""
    permit = data["permit"]
    holder = permit["holder"]
    kind = permit["title"][0].lower() + permit["title"][1:]
    verb = "Đình chỉ" if action == "suspend" else "Thu hồi"
    first = (f"{verb} {kind} số {permit['number']} cấp ngày {ddmmyyyy(permit['issued_on'])} "
             f"cho {holder}")
    if action == "suspend":
        first += f" đến hết ngày {ddmmyyyy(data.get('until'))}"
    bases = [data["agency_basis"]] if data.get("agency_basis") else []
    bases += [f"Căn cứ {b}" for b in data.get("legal_basis", [])]
    if data.get("unit_name"):
        bases.append(f"Theo đề nghị của Trưởng {data['unit_name'][0].lower()}"
                     f"{data['unit_name'][1:]}")
    bases = [f"{b.rstrip(';.')}{'.' if i == len(bases) - 1 else ';'}" for i, b in enumerate(bases)]
    articles = (
        Article(1, "", (f"{first}.", f"Lý do: {data['reason'].rstrip('.')}.")),
        Article(2, "", ("Quyết định này có hiệu lực kể từ ngày ký.",
                f"{holder} có trách nhiệm chấp hành Quyết định này; "
                 + ("không được hoạt động theo văn bản nêu tại Điều 1 trong thời gian bị đình chỉ."
                    if action == "suspend" else
                    "nộp lại bản chính văn bản bị thu hồi cho Sở trong thời hạn 05 ngày làm việc "
                    "kể từ ngày nhận Quyết định này."),)),
        Article(3, "", (f"Chánh Văn phòng Sở, Trưởng các phòng, đơn vị có liên quan và {holder} "
                        "chịu trách nhiệm thi hành Quyết định này./.",)),
    )
    return header(data, "A4", date=day(data.get("decided_on")), number=data.get("number"),
                  title="QUYẾT ĐỊNH", summary=f"Về việc {verb.lower()} {kind} số "
                  f"{permit['number']}", issuer=f"GIÁM ĐỐC {data['profile']['agency_name']}",
                  legal_bases=tuple(bases), body=(Para("QUYẾT ĐỊNH:", "centre_bold"), *articles),
                  signature=signature(data.get("signer")),
                  recipients=("Như Điều 3", f"Lưu: VT, {data.get('unit_abbreviation') or ''}"
                              .rstrip(", ")),
                  metadata_title=f"Quyết định {verb.lower()} {permit['number']}")


SUSPENSION = Template(
    kind="permit-suspension", title="Quyết định đình chỉ giấy phép, giấy chứng nhận",
    form="Quyết định (cá biệt), Mẫu 1.2 Phụ lục III Nghị định 30/2020/NĐ-CP",
    version="2026-12-06.2", subject="permit", snapshot=True,
    build=lambda data: _build(data, "suspend"))
REVOCATION = Template(
    kind="permit-revocation", title="Quyết định thu hồi giấy phép, giấy chứng nhận",
    form="Quyết định (cá biệt), Mẫu 1.2 Phụ lục III Nghị định 30/2020/NĐ-CP",
    version="2026-12-06.2", subject="permit", snapshot=True,
    build=lambda data: _build(data, "revoke"))
