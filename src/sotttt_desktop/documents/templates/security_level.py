"""The two documents of a level proposal (ND 85/2016 Art. 12, 14–17): the appraisal opinion on a
level-3 proposal (a công văn, Mẫu 1.5 Appendix III of ND 30/2020) to the unit that submitted the
dossier, which completes it and submits it to the owner (chủ quản) for approval; and the
Department's decision approving a level 1–2 proposal (Mẫu 1.2), which the owner's security unit
appraises and approves. Both are numbered by the register of outgoing documents when the step
that issues them is taken; the system's particulars are its register's."""

from __future__ import annotations

from typing import Any

from sotttt_desktop.documents.model import Article, Document, Para
from sotttt_desktop.documents.templates import Template
from sotttt_desktop.documents.templates.common import agency_title, day, header, signature


def _level_line(data: dict[str, Any]) -> str:
    """"cấp độ 3 theo Điều 9 Nghị định số 85/2016/NĐ-CP (cung cấp dịch vụ …)"."""
    if data["article"]:
        return (f"cấp độ {data['level']} theo {data['article']} {data['basis_cited']} "
                f"({data['criterion']})")
    if not data["reason"]:
        return f"cấp độ {data['level']}"
    return (f"cấp độ {data['level']} (theo đề xuất của chủ quản hệ thống thông tin: "
            f"{data['reason'].rstrip('.')})")


def _particulars(data: dict[str, Any]) -> list[str]:
    lines = [f"Tên hệ thống thông tin: {data['system']}.",
             f"Chủ quản hệ thống thông tin: {data['owner']}."]
    if data["operator"]:
        lines.append(f"Đơn vị vận hành: {data['operator']}.")
    return [f"{n}. {line}" for n, line in enumerate(lines, start=1)]


def _received(data: dict[str, Any]) -> str:
    completed = f" (hồ sơ đầy đủ, hợp lệ ngày {data['completed']})" if data["completed"] and \
        data["completed"] != data["received"] else ""
    return f"ngày {data['received']}{completed}"


def _opinion(data: dict[str, Any]) -> Document:
    agency = agency_title(data["profile"])
    about = f"thẩm định hồ sơ đề xuất cấp độ an toàn hệ thống thông tin {data['system']}"
    particulars = _particulars(data)
    basis = f"khoản 2 Điều 12 và Điều 17 {data['basis_cited']}"
    closing = (f"Đề nghị {data['submitter']} hoàn thiện hồ sơ, trình {data['owner']} phê duyệt "
               f"theo quy định tại {basis}./." if data["submitter"] != data["owner"] else
               f"Đề nghị {data['owner']} xem xét, phê duyệt hồ sơ đề xuất cấp độ theo quy định "
               f"tại {basis}./.")
    body = [Para(f"{citation};") for citation in data["legal_bases"]]
    body += [
        Para(f"{agency} nhận được hồ sơ đề xuất cấp độ an toàn hệ thống thông tin "
             f"{data['system']} của {data['submitter']} {_received(data)}."),
        Para(f"Sau khi xem xét, {agency} có ý kiến thẩm định như sau:"),
        *(Para(line) for line in particulars),
        Para(f"{len(particulars) + 1}. Cấp độ đề xuất: {_level_line(data)}."),
        Para(f"{len(particulars) + 2}. Ý kiến thẩm định:"),
        *(Para(line.strip()) for line in data["conclusion"].splitlines() if line.strip()),
        Para(closing),
    ]
    return header(data, "A4", date=day(data.get("printed_on")), number=data["number"],
                  letter_summary=about, addressees=(data["submitter"],), body=tuple(body),
                  signature=signature(data.get("signer")),
                  recipients=("Như trên", *((data["owner"],) if data["owner"] !=
                                            data["submitter"] else ()),
                              f"Lưu: VT, {data['unit_abbreviation']}".rstrip(", ")),
                  metadata_title=f"Công văn {about}")


def _approval(data: dict[str, Any]) -> Document:
    bases = [data["agency_basis"]] if data["agency_basis"] else []
    bases += data["legal_bases"]
    bases.append(f"Xét hồ sơ đề xuất cấp độ an toàn hệ thống thông tin của {data['submitter']} "
                 f"{_received(data)}")
    if data["unit_name"]:
        bases.append(f"Theo đề nghị của Trưởng {data['unit_name'][0].lower()}"
                     f"{data['unit_name'][1:]}")
    bases = [f"{b.rstrip(';.')}{'.' if i == len(bases) - 1 else ';'}" for i, b in enumerate(bases)]
    years = data["review_months"] // 12
    operator = data["operator"] or data["owner"]
    in_force = "Quyết định này có hiệu lực kể từ ngày ký."
    carried_out = ", ".join(dict.fromkeys(p for p in (data["owner"], data["operator"]) if p))
    articles = (
        Article(1, "", (f"Phê duyệt hồ sơ đề xuất cấp độ an toàn hệ thống thông tin "
                        f"{data['system']}: {_level_line(data)}.", *_particulars(data))),
        Article(2, "", (f"{operator} tổ chức triển khai phương án bảo đảm an toàn thông tin "
                        "theo cấp độ được phê duyệt.",
                        f"{data['owner']} tổ chức kiểm tra, đánh giá rủi ro an toàn thông tin "
                        f"của hệ thống định kỳ {years:02d} năm một lần theo quy định tại điểm c "
                        f"khoản 2 Điều 20 {data['basis_cited']}.")),
        Article(3, "", (in_force,
                        f"Chánh Văn phòng Sở, Trưởng các phòng, đơn vị có liên quan và "
                        f"{carried_out} chịu trách nhiệm thi hành Quyết định này./.")),
    )
    summary = f"Về việc phê duyệt hồ sơ đề xuất cấp độ an toàn hệ thống thông tin {data['system']}"
    return header(data, "A4", date=day(data.get("printed_on")), number=data["number"],
                  title="QUYẾT ĐỊNH", summary=summary,
                  issuer=f"GIÁM ĐỐC {data['profile']['agency_name']}",
                  legal_bases=tuple(bases), body=(Para("QUYẾT ĐỊNH:", "centre_bold"), *articles),
                  signature=signature(data.get("signer")),
                  recipients=("Như Điều 3",
                              f"Lưu: VT, {data['unit_abbreviation']}".rstrip(", ")),
                  metadata_title=f"Quyết định phê duyệt cấp độ {data['system']}")


OPINION = Template(kind="security-level-opinion",
                   title="Công văn thẩm định hồ sơ đề xuất cấp độ an toàn hệ thống thông tin",
                   form="Mẫu 1.5 Phụ lục III Nghị định 30/2020/NĐ-CP (công văn)",
                   version="2026-12-07", subject="case", snapshot=False, build=_opinion)
APPROVAL = Template(kind="security-level-approval",
                    title="Quyết định phê duyệt hồ sơ đề xuất cấp độ an toàn hệ thống thông tin",
                    form="Mẫu 1.2 Phụ lục III Nghị định 30/2020/NĐ-CP (quyết định)",
                    version="2026-12-07", subject="case", snapshot=False, build=_approval)
