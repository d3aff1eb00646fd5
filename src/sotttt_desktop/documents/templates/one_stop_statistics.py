"""The one-stop statistics report (services/one_stop_statistics.py): an ND 30 report (BÁO CÁO,
A4 landscape for the wide table) carrying Biểu số 06/VPCP/KSTT of TT 01/2020/TT-VPCP — received
(total, carried over, online, at the counter or by post), settled (total, early, on time, late),
pending (total, within the limit, overdue), then withdrawn — the total first, each area in bold
with its procedures under it. A draft leaves the number blank for the văn thư; a report recorded
as sent (services/reports.py) prints its number and the figures it was sent with."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sotttt_desktop.documents.model import ChartBlock, Document, Para, TableBlock
from sotttt_desktop.documents.templates import Template
from sotttt_desktop.documents.templates.common import agency_title, day, header, signature
from sotttt_desktop.services.one_stop_statistics import COLUMNS

FORM = "Biểu số 06/VPCP/KSTT ban hành kèm theo Thông tư số 01/2020/TT-VPCP"
FORM_TITLE = ("Tình hình, kết quả giải quyết thủ tục hành chính tại cơ quan, đơn vị trực tiếp "
              "giải quyết thủ tục hành chính")
GROUPS = (("STT", 1), ("Lĩnh vực, thủ tục hành chính", 1), ("Số hồ sơ nhận giải quyết", 4),
          ("Số hồ sơ đã giải quyết", 4), ("Số hồ sơ đang giải quyết", 3),
          ("Hồ sơ xin rút", 1))
HEADER = ("", "", "Tổng số", "Từ kỳ trước chuyển qua", "Mới tiếp nhận trực tuyến",
          "Mới tiếp nhận trực tiếp, bưu chính", "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn",
          "Tổng số", "Trong hạn", "Quá hạn", "")
WIDTHS = (0.04, 0.24) + (0.06,) * 12


def grouped(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def report_day(value: Any) -> str:  # noqa: ANN401 - a date or its ISO text (a frozen report)
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return f"{value:%d/%m/%Y}"


def table_rows(data: dict[str, Any], *, numbers: bool = True
               ) -> tuple[tuple[tuple[Any, ...], ...], tuple[int, ...]]:
    """The rows of the table (the total, each area, its procedures) and which are bold; counts
    as printed text, or as numbers for a workbook (`numbers=False`)."""
    shown = grouped if numbers else int

    def counts(row: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(shown(row[c]) for c in COLUMNS)

    rows: list[tuple[Any, ...]] = [("", "Tổng cộng", *counts(data["total"]))]
    bold = [0]
    for number, area in enumerate(data["areas"], start=1):
        bold.append(len(rows))
        rows.append((str(number), f"Lĩnh vực {area['name']}", *counts(area)))
        rows += [("", f"– {p['name']}", *counts(p)) for p in area["procedures"]]
    return tuple(rows), tuple(bold)


def _build(data: dict[str, Any]) -> Document:
    period = data["period"]
    agency = agency_title(data["profile"])
    unit = f" của {data['unit_name']}" if data.get("unit_name") else ""
    counted_to = data["as_of"] if str(data["as_of"]) < str(period["end"]) else period["end"]
    unfinished = "; kỳ báo cáo chưa kết thúc" if counted_to != period["end"] else ""
    rows, bold = table_rows(data)
    rate = data.get("on_time_rate")
    body = [
        Para(f"Thực hiện Thông tư số 01/2020/TT-VPCP ngày 21/10/2020 của Bộ trưởng, Chủ nhiệm "
             f"Văn phòng Chính phủ quy định chi tiết thi hành Nghị định số 61/2018/NĐ-CP ngày "
             f"23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải "
             f"quyết thủ tục hành chính, {agency} báo cáo tình hình, kết quả giải quyết thủ tục hành chính{unit} "
             f"{period['label']} (số liệu từ ngày {report_day(period['start'])} đến ngày "
             f"{report_day(counted_to)}{unfinished}; hồ sơ đang giải quyết tính đến ngày "
             f"{report_day(data['as_of'])}) như sau:"),
        Para(f"{FORM_TITLE} ({FORM}; đơn vị tính: hồ sơ)", "centre"),
        TableBlock(HEADER, rows, WIDTHS, font_size=8.5, groups=GROUPS, bold_rows=bold,
                   align=("CENTER", "LEFT", *("RIGHT",) * 12)),
    ]
    body.append(Para(""))  # a line between the table and what follows
    settled = [area for area in data["areas"] if area["settled"]]
    if settled:  # the dashboard's picture of the period, drawn in the report
        body.append(ChartBlock(
            "Hồ sơ đã giải quyết theo lĩnh vực", tuple(a["name"] for a in settled),
            (("Trước hạn, đúng hạn", tuple(a["early"] + a["on_time"] for a in settled)),
             ("Quá hạn", tuple(a["late"] for a in settled)))))
    if rate is not None:
        body.append(Para(f"Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn trên tổng số hồ sơ đã "
                         f"giải quyết: {str(rate).replace('.', ',')}%."))
    body.append(Para("Hồ sơ do tổ chức, cá nhân xin rút không tính vào số hồ sơ đã giải quyết; "
                     "thời gian chờ tổ chức, cá nhân bổ sung hồ sơ không tính vào thời hạn giải "
                     "quyết."))
    if not unit and data.get("recipient"):
        body.append(Para(f"{agency} báo cáo {data['recipient']}./."))
    number = data.get("number") or f"      /BC-{data['profile']['abbreviation']}"
    # a unit's count is the Department's internal figure, not the report to the province
    recipients = (["Ban Giám đốc Sở", "Lưu: VT"] if unit else
                  [r for r in (data.get("recipient"), "Lưu: VT, BPMC") if r])
    return header(data, "A4-landscape", date=day(data.get("printed_on")), number=number,
                  title="BÁO CÁO",
                  summary=f"Tình hình, kết quả giải quyết thủ tục hành chính{unit} "
                          f"{period['label']}",
                  body=tuple(body), signature=signature(data.get("signer")),
                  recipients=tuple(recipients), reference=FORM,
                  metadata_title="Báo cáo tình hình, kết quả giải quyết thủ tục hành chính "
                                 f"{period['label']}")


TEMPLATE = Template(kind="one-stop-statistics",
                    title="Báo cáo tình hình, kết quả giải quyết thủ tục hành chính",
                    form="Mẫu 1.4 Phụ lục III Nghị định 30/2020/NĐ-CP kèm Biểu số 06/VPCP/KSTT "
                         "(Thông tư 01/2020/TT-VPCP)",
                    version="2026-12-07c", subject="report", snapshot=False, build=_build)
