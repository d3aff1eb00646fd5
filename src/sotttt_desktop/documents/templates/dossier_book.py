"""Mẫu 06: the dossier book (Sổ theo dõi hồ sơ), A4 landscape, entries numbered from 01 in the
year (TT 01/2018 Art. 10(2)); the header row repeats on every page."""

from __future__ import annotations

from typing import Any

from sotttt_desktop.documents.model import Document, Para, TableBlock
from sotttt_desktop.documents.templates import Template
from sotttt_desktop.documents.templates.common import day, ddmmyyyy, header

COLUMNS = ("STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Tên tổ chức, cá nhân", "Địa chỉ, số "
           "điện thoại", "Ngày nhận", "Ngày hẹn trả", "Ngày có kết quả / trả", "Tình trạng, "
           "ghi chú")
WIDTHS = (0.05, 0.12, 0.2, 0.14, 0.14, 0.08, 0.08, 0.09, 0.1)


def _build(data: dict[str, Any]) -> Document:
    rows = tuple((f"{e['seq']:02d}", e["code"], e["procedure_name"], e["applicant"],
                  e.get("contact", ""), ddmmyyyy(e["received_at"]), ddmmyyyy(e["due"]),
                  ddmmyyyy(e.get("finished_at")), e.get("status", ""))
                 for e in data["entries"])
    # the book of the year (one a year, numbered from 01: the number form 01 gives)
    book = f"Quyển số: {data.get('book_number', '01')} năm {data['year']}"
    body = (Para(f"{book}. {data['period_label'][0].upper()}{data['period_label'][1:]}: "
                 f"{len(rows):02d} hồ sơ.", "centre"),
            TableBlock(COLUMNS, rows, WIDTHS, font_size=9,
                       align=("CENTER", "LEFT", "LEFT", "LEFT", "LEFT", "CENTER", "CENTER",
                              "CENTER", "LEFT")))
    return header(data, "A4-landscape", date=day(data.get("printed_on")), number=None,
                  show_number=False, title="SỔ THEO DÕI HỒ SƠ", body=body,
                  reference="Mẫu số 06 — Thông tư 01/2018/TT-VPCP",
                  metadata_title=f"Sổ theo dõi hồ sơ {data['period_label']}")


TEMPLATE = Template(kind="form-06", title="Sổ theo dõi hồ sơ",
                    form="Mẫu số 06, Thông tư 01/2018/TT-VPCP (khổ A4 ngang)",
                    version="2026-12-06", subject="period", snapshot=False, build=_build)
