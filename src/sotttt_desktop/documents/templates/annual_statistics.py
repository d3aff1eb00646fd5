"""A table of annual statistics counted from the registers (services/annual_statistics.py; an
internal table, A4 portrait, no number): the agency header, the title with the year, the basis,
one row per indicator with its unit and value, sub-rows indented."""

from __future__ import annotations

from typing import Any

from sotttt_desktop.documents.model import Document, Para, TableBlock
from sotttt_desktop.documents.templates import Template
from sotttt_desktop.documents.templates.common import day, header


def _build(data: dict[str, Any]) -> Document:
    year = data["year"]
    body = (Para(f"Căn cứ: {data['basis']}."),
            TableBlock(("STT", "Chỉ tiêu", "Đơn vị tính", f"Năm {year}"),
                       tuple(tuple(row) for row in data["rows"]),
                       (0.07, 0.61, 0.15, 0.17), font_size=10,
                       align=("CENTER", "LEFT", "CENTER", "RIGHT")),
            Para("Số liệu tổng hợp từ cơ sở dữ liệu của Sở theo năm của số liệu kê khai; "
                 "doanh nghiệp, sản phẩm chưa kê khai số liệu năm không được tính."))
    return header(data, "A4", date=day(data.get("printed_on")), number=None,
                  show_number=False, title="BIỂU TỔNG HỢP",
                  summary=f"{data['title']} năm {year}", body=body,
                  metadata_title=f"{data['title']} năm {year}")


TEMPLATE = Template(kind="it-statistics", title="Số liệu thống kê công nghiệp CNTT",
                    form="Biểu tổng hợp nội bộ (danh mục chỉ tiêu Phụ lục III Thông tư "
                    "04/2022/TT-BTTTT chưa đối chiếu)",
                    version="2026-12-07", subject="year", snapshot=False, build=_build)
