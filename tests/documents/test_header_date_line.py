"""The date line never wraps (issue #13 item 10): "Thành phố Hồ Chí Minh, ngày 15 tháng 12 năm
2025" stays one line at its Decree 30 size on A4 and on the A5 one-stop forms, inside the text
width, and the agency column keeps the name of the city whole on a line."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.documents.layout import render
from sotttt_desktop.documents.model import Document, Para
from tests.documents.helpers import MM, lines_of, plumber

LONG_PLACE = "Thành phố Hồ Chí Minh"
DATE_LINE = "Thành phố Hồ Chí Minh, ngày 15 tháng 12 năm 2025"  # the widest month


@pytest.fixture(autouse=True)
def bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOTTTT_DOCUMENT_FONT", "bundled")


def _document(page: str, place: str = LONG_PLACE) -> Document:
    return Document(page=page, parent_body="UBND THÀNH PHỐ HỒ CHÍ MINH",
                    agency_name="SỞ KHOA HỌC VÀ CÔNG NGHỆ", place=place,
                    date=dt.date(2025, 12, 15), number="120/GP-SKHCN", title="GIẤY PHÉP",
                    body=(Para("Nội dung."),))


@pytest.mark.parametrize(("page", "left_mm", "right_mm", "size"), [
    ("A4", 30, 15, 13), ("A5", 15, 10, 11)])
def test_a_long_place_name_keeps_the_date_on_one_line(page: str, left_mm: float,
                                                      right_mm: float, size: float) -> None:
    with plumber(render(_document(page))) as pdf:
        first = pdf.pages[0]
        lines = lines_of(first)
        date_lines = [line for line in lines if "ngày 15 tháng 12 năm 2025" in line["text"]]
        assert len(date_lines) == 1 and date_lines[0]["text"].endswith(DATE_LINE)
        line = date_lines[0]
        assert line["x0"] >= left_mm * MM - 0.5
        assert line["x1"] <= first.width - right_mm * MM + 0.5
        sizes = {round(c["size"], 1) for c in first.chars
                 if line["top"] - 1 <= c["top"] <= line["bottom"] + 1 and c["x0"] >= line["x0"]}
        assert sizes == {size}
        texts = [entry["text"] for entry in lines]
        # the city's name is never cut ("… HỒ CHÍ" / "MINH")
        # (pdfplumber joins the two header columns on a baseline into one text line)
        assert any("UBND THÀNH PHỐ HỒ CHÍ MINH" in text or text.startswith("HỒ CHÍ MINH ")
                   for text in texts)
        assert not any(text.startswith(("MINH", "PHỐ")) for text in texts)


def test_a_place_that_fits_leaves_the_header_as_it_was() -> None:
    """The columns move only for a place name that needs it: documents of Bình Dương print
    exactly as before (their reprints are compared byte for byte)."""
    with plumber(render(_document("A4", "Bình Dương"))) as pdf:
        lines = [line["text"] for line in lines_of(pdf.pages[0])]
    assert any(text.endswith("Bình Dương, ngày 15 tháng 12 năm 2025") for text in lines)
    assert any("UBND THÀNH PHỐ HỒ CHÍ MINH" in text for text in lines)
