"""The sector statistics of TT 04/2022/TT-BTTTT (services/sector_statistics.py): an ND 30 report
(BÁO CÁO, A4 portrait) carrying the declared table of an annex — one row per indicator with its
unit and the value of the period, sub-rows indented — counted from the registers as they stood
at the period's end. One template per declared table; a draft leaves the number blank, a report
recorded as sent prints its number and the figures it was sent with."""

from __future__ import annotations

from typing import Any

from sotttt_desktop.documents.model import Document, Para, TableBlock
from sotttt_desktop.documents.templates import Template
from sotttt_desktop.documents.templates.common import agency_title, day, header, signature
from sotttt_desktop.documents.templates.one_stop_statistics import report_day


def _build(data: dict[str, Any]) -> Document:
    period = data["period"]
    agency = agency_title(data["profile"])
    as_of = report_day(data["as_of"])
    first, last = report_day(period["start"]), report_day(period["end"])
    unfinished = str(data["as_of"]) < str(period["end"])
    label = period["label"] + (f" (đến ngày {as_of})" if unfinished else "")
    title = f"{data['title'][:1].lower()}{data['title'][1:]}"
    body = [
        Para(f"Thực hiện {data['basis']}, {agency} báo cáo {title} {period['label']} (kỳ báo cáo "
             f"từ ngày {first} đến ngày {last}; số liệu tính đến ngày {as_of}) như sau:"),
        TableBlock(("STT", "Chỉ tiêu", "Đơn vị tính", label[:1].upper() + label[1:]),
                   tuple(tuple(row) for row in data["rows"]),
                   (0.07, 0.61, 0.14, 0.18), font_size=10,
                   align=("CENTER", "LEFT", "CENTER", "RIGHT"),
                   bold_rows=tuple(i for i, row in enumerate(data["rows"]) if row[0])),
        Para(f"Ghi chú: Số liệu được tổng hợp từ cơ sở dữ liệu quản lý của Sở theo lịch sử cập "
             f"nhật; số liệu hiện có tính đến ngày {as_of}; chỉ tiêu phát sinh “trong kỳ” tính "
             f"từ ngày {first} đến ngày {as_of}."),
    ]
    if data.get("entered_later"):
        body.append(Para(f"Có {data['entered_later']} hồ sơ được cập nhật vào cơ sở dữ liệu sau "
                         f"ngày {as_of} nhưng có ngày cấp phép, phê duyệt hoặc tiếp nhận trước "
                         "ngày đó: số liệu của các hồ sơ này được tổng hợp theo nội dung tại thời "
                         "điểm cập nhật."))
    if data.get("undated_later"):
        body.append(Para(f"Chỉ tiêu ghi “–”: chưa tổng hợp được do có {data['undated_later']} "
                         f"hồ sơ được cập nhật sau ngày {as_of} nhưng không có thông tin về ngày "
                         "phát sinh."))
    if data.get("recipient"):
        body.append(Para(f"{agency} báo cáo {data['recipient']}./."))
    number = data.get("number") or f"      /BC-{data['profile']['abbreviation']}"
    recipients = [r for r in (data.get("recipient"), "Lưu: VT") if r]
    return header(data, "A4", date=day(data.get("printed_on")), number=number, title="BÁO CÁO",
                  summary=f"{data['title']} {label}", body=tuple(body),
                  signature=signature(data.get("signer")), recipients=tuple(recipients),
                  reference=data["form"],
                  metadata_title=f"Báo cáo {title} {period['label']}")


def templates() -> tuple[Template, ...]:
    """One template per declared table (resources/reference/sector_statistics)."""
    from sotttt_desktop.services.sector_statistics import tables

    return tuple(Template(kind=table.kind, title=f"Báo cáo {table.title[:1].lower()}"
                          f"{table.title[1:]}",
                          form=f"Mẫu 1.4 Phụ lục III Nghị định 30/2020/NĐ-CP kèm {table.form}",
                          version="2026-12-07b", subject="report", snapshot=False, build=_build)
                 for table in tables().values())
