"""The summary of a year's DTI workbook (an internal table, A4 portrait, no number): the
agency header, the title with the year, the structure it follows, one row per main index —
maximum, self-assessed, official, last year's official and the change — and the totals."""

from __future__ import annotations

from typing import Any

from sotttt_desktop.documents.model import Document, Para, TableBlock
from sotttt_desktop.documents.templates import Template
from sotttt_desktop.documents.templates.common import day, header


def _build(data: dict[str, Any]) -> Document:
    year = data["year"]
    rows = [tuple(row) for row in data["rows"]]
    rows.append(("Tổng cộng", str(data["total"]), *data["totals"]))
    body = [Para(f"Bộ chỉ số theo {data['basis']}."),
            TableBlock(("Chỉ số chính", "Điểm tối đa", f"Tự đánh giá {year}",
                        f"Chính thức {year}", f"Chính thức {year - 1}", "Tăng, giảm"),
                       tuple(rows), (0.34, 0.11, 0.14, 0.14, 0.14, 0.13), font_size=10,
                       align=("LEFT", "CENTER", "CENTER", "CENTER", "CENTER", "CENTER"))]
    if data["later"]:
        body.append(Para(f"Ghi chú: {data['later']}"))
    return header(data, "A4", date=day(data.get("printed_on")), number=None,
                  show_number=False, title="BẢNG TỔNG HỢP",
                  summary=f"Kết quả đánh giá Chỉ số chuyển đổi số cấp tỉnh (DTI) năm {year}",
                  body=tuple(body),
                  metadata_title=f"Bảng tổng hợp DTI năm {year}")


TEMPLATE = Template(kind="dti-summary", title="Bảng tổng hợp Chỉ số chuyển đổi số (DTI)",
                    form="Bảng tổng hợp nội bộ (không theo mẫu Nghị định 30/2020/NĐ-CP)",
                    version="2026-12-06", subject="year", snapshot=False, build=_build)
