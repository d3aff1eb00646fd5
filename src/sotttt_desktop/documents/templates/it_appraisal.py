"""The letter notifying the result of an IT investment appraisal (a công văn, Mẫu 1.5 Appendix
III of ND 30/2020): "V/v thông báo kết quả thẩm định …", the investor as addressee, the decree
in force on the letter's date, what was received and when, the project's particulars, the
conclusion, the signature and "Nơi nhận". Its number is the one the register of outgoing
documents gave the step "send the appraisal result"."""

from __future__ import annotations

from typing import Any

from sotttt_desktop.documents.model import Document, Para
from sotttt_desktop.documents.templates import Template
from sotttt_desktop.documents.templates.common import agency_title, day, header, signature


def _build(data: dict[str, Any]) -> Document:
    agency = agency_title(data["profile"])
    # a project of public investment has an investor and a total investment; a task of the
    # recurrent budget a unit using the funds and an estimate
    recurrent = data.get("funding_key") == "recurrent"
    investor_word = "Đơn vị sử dụng kinh phí" if recurrent else "Chủ đầu tư"
    value_word = "Dự toán" if recurrent else "Tổng mức đầu tư"
    body = [Para(f"{citation};") for citation in data["legal_bases"]]
    body += [
        Para(f"{agency} nhận được hồ sơ đề nghị {data['request']} của {data['investor']} "
             f"ngày {data['received']}{data['completed']}."),
        Para(f"Sau khi xem xét, {agency} thông báo kết quả thẩm định như sau:"),
        Para(f"1. Tên {data['subject_word']}: {data['project']}."),
        Para(f"2. {investor_word}: {data['investor']}."),
        Para(f"3. Nguồn vốn: {data['funding']}."),
        Para(f"4. {value_word}: {data['value']}."),
        Para("5. Kết luận thẩm định:"),
        *(Para(line.strip()) for line in data["conclusion"].splitlines() if line.strip()),
        Para(f"{agency} thông báo để {data['investor']} biết, hoàn thiện hồ sơ, trình cấp có "
             "thẩm quyền phê duyệt theo quy định./."),
    ]
    return header(data, "A4", date=day(data.get("printed_on")), number=data["number"],
                  letter_summary=data["summary"], addressees=(data["investor"],),
                  body=tuple(body), signature=signature(data.get("signer")),
                  recipients=tuple(data["recipients"]),
                  metadata_title=f"Công văn {data['summary']}")


TEMPLATE = Template(kind="it-appraisal-result", title="Công văn thông báo kết quả thẩm định",
                    form="Mẫu 1.5 Phụ lục III Nghị định 30/2020/NĐ-CP (công văn)",
                    version="2026-12-07", subject="case", snapshot=False, build=_build)
