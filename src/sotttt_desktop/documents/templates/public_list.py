"""A list the Department publishes from a register (the public game points it certified), as of a
day: the agency header, "DANH SÁCH" with its summary, the rule that requires it, the entries in
the declared columns (the header row repeating on every page) and their count. A4 landscape,
like the registers it comes from."""

from __future__ import annotations

from typing import Any

from sotttt_desktop.documents.model import Document, Para, TableBlock
from sotttt_desktop.documents.templates import Template
from sotttt_desktop.documents.templates.common import day, ddmmyyyy, header

NUMBER_WIDTH = 0.04


def _build(data: dict[str, Any]) -> Document:
    rows = tuple(tuple(row) for row in data["rows"])
    on = ddmmyyyy(data["as_of"])
    count = (f"Tổng số: {len(rows)} điểm." if rows
             else "Không có điểm nào được cấp Giấy chứng nhận còn hiệu lực.")
    body = (Para(f"(Tính đến ngày {on})", "centre"),
            Para(f"Công bố theo {data['basis']}.", "italic"),
            TableBlock(tuple(data["headings"]), rows, (NUMBER_WIDTH, *data["widths"]),
                       font_size=9, align=("CENTER",) + ("LEFT",) * (len(data["widths"]))),
            Para(count, "plain"))
    return header(data, "A4-landscape", date=day(data.get("printed_on")), number=None,
                  show_number=False, title="DANH SÁCH", summary=data["summary"], body=body,
                  reference="Danh sách công bố công khai",
                  metadata_title=f"Danh sách {data['summary'][:1].lower()}"
                                 f"{data['summary'][1:]} (đến ngày {on})")


TEMPLATE = Template(kind="public-list", title="Danh sách công bố công khai",
                    form="Danh sách trích từ sổ đăng ký (khổ A4 ngang)",
                    version="2026-12-06", subject="list", snapshot=False, build=_build)
