"""The leaders' dashboard as a printed internal report (services/dashboard.py document_data):
the agency header, "BÁO CÁO NHANH" on the work of the Department on a day, then each chart of the
dashboard drawn in the PDF (ChartBlock) with its figures in a table under it: dossiers settled
early or on time by month, open dossiers by area, overdue and at-risk by unit, open cases by
their clocks, permits ending soon, open cases by officer."""

from __future__ import annotations

from typing import Any

from sotttt_desktop.documents.model import ChartBlock, Document, Para, TableBlock
from sotttt_desktop.documents.templates import Template
from sotttt_desktop.documents.templates.common import day, header
from sotttt_desktop.documents.templates.one_stop_statistics import grouped, report_day
from sotttt_desktop.services.dashboard import COLOURS


def _table(first: str, headers: tuple[str, ...], rows: list[tuple[Any, ...]]) -> TableBlock:
    width = 0.5 / max(len(headers), 1)
    return TableBlock((first, *headers),
                      tuple((str(label), *(grouped(v) if isinstance(v, int) else str(v)
                                           for v in values)) for label, *values in rows),
                      (0.5, *(width,) * len(headers)), font_size=9,
                      align=("LEFT", *("RIGHT",) * len(headers)))


def _section(number: int, title: str, chart: ChartBlock | None, table: TableBlock | None,
             empty: str = "Không có số liệu.") -> list[Any]:
    body: list[Any] = [Para(f"{number}. {title}", "heading")]
    if chart is None or table is None:
        return [*body, Para(empty)]
    return [*body, chart, table, Para("")]


def _build(data: dict[str, Any]) -> Document:
    body: list[Any] = []
    months = data.get("on_time")
    if months is not None:
        labels = tuple(f"{m['month'][5:]}/{m['month'][2:4]}" for m in months)
        body += _section(1, "Hồ sơ thủ tục hành chính đã giải quyết theo tháng (12 tháng gần nhất)",
                         ChartBlock("", labels, (
                             ("Trước hạn, đúng hạn", tuple(m["on_time"] for m in months)),
                             ("Quá hạn", tuple(m["late"] for m in months))),
                                    colours=COLOURS["on_time"]),
                         _table("Tháng", ("Đã giải quyết", "Trước hạn, đúng hạn", "Quá hạn",
                                          "Tỷ lệ trước hạn, đúng hạn"),
                                [(f"{m['month'][5:]}/{m['month'][:4]}", m["settled"],
                                  m["on_time"], m["late"],
                                  "" if m["rate"] is None else
                                  f"{str(m['rate']).replace('.', ',')}%") for m in months]))
        areas = data["by_area"] or []
        groups = tuple(data["state_groups"])
        body += _section(2, "Hồ sơ đang giải quyết theo lĩnh vực",
                         ChartBlock("", tuple(a for a, _c in areas), tuple(
                             (name, tuple(c[i] for _a, c in areas))
                             for i, name in enumerate(groups)), colours=COLOURS["by_area"])
                         if areas else None,
                         _table("Lĩnh vực", groups, [(a, *c) for a, c in areas])
                         if areas else None)
        units = data["by_unit"] or []
        body += _section(3, "Hồ sơ quá hạn và sắp đến hạn (trong 03 ngày tới) theo đơn vị",
                         ChartBlock("", tuple(u["name"] for u in units), (
                             ("Quá hạn", tuple(u["overdue"] for u in units)),
                             ("Sắp đến hạn", tuple(u["at_risk"] for u in units))),
                                    colours=COLOURS["by_unit"]) if units else None,
                         _table("Đơn vị", ("Quá hạn", "Sắp đến hạn"),
                                [(u["name"], u["overdue"], u["at_risk"]) for u in units])
                         if units else None)
    first = 4 if months is not None else 1
    cases = data["cases"]
    body += _section(first, "Hồ sơ vụ việc đang xử lý theo thời hạn",
                     ChartBlock("", tuple(c["label"] for c in cases), (
                         ("Quá hạn", tuple(c["overdue"] for c in cases)),
                         ("Sắp đến hạn", tuple(c["at_risk"] for c in cases)),
                         ("Đang trong hạn", tuple(c["running"] - c["overdue"] - c["at_risk"]
                                                  for c in cases))), colours=COLOURS["cases"])
                     if cases else None,
                     _table("Loại vụ việc", ("Quá hạn", "Sắp đến hạn", "Tổng số"),
                            [(c["label"], c["overdue"], c["at_risk"], c["running"])
                             for c in cases]) if cases else None)
    expiring = data["expiring"]
    body += _section(first + 1, "Giấy phép hết hạn trong 90 ngày tới theo lĩnh vực",
                     ChartBlock("", tuple(e["name"] for e in expiring),
                                (("Giấy phép", tuple(e["count"] for e in expiring)),),
                                colours=COLOURS["expiring"]) if expiring else None,
                     _table("Lĩnh vực", ("Số giấy phép",),
                            [(e["name"], e["count"]) for e in expiring]) if expiring else None,
                     "Không có giấy phép hết hạn trong 90 ngày tới.")
    officers = sorted(data["officers"], key=lambda o: -o["open"])
    body += [Para(f"{first + 2}. Hồ sơ vụ việc đang xử lý theo cán bộ", "heading"),
             _table("Cán bộ", ("Đang xử lý", "Quá hạn"),
                    [(o["name"], o["open"], o["overdue"]) for o in officers])
             if officers else Para("Không có số liệu.")]
    today = report_day(data["today"])
    return header(data, "A4", date=day(data.get("printed_on")), number=None, show_number=False,
                  title="BÁO CÁO NHANH",
                  summary=f"Tình hình giải quyết công việc của Sở đến ngày {today}",
                  body=tuple(body), metadata_title=f"Báo cáo nhanh tình hình công việc {today}")


TEMPLATE = Template(kind="dashboard", title="Báo cáo nhanh tình hình giải quyết công việc",
                    form="Báo cáo nội bộ (bảng điều khiển của lãnh đạo Sở)",
                    version="2026-12-07b", subject="day", snapshot=False, build=_build)
