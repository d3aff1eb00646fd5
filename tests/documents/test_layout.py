"""The Decree 30/2020 layout engine, measured on the PDF it writes (REFERENCE.md §3)."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from sotttt_desktop.documents.layout import render
from sotttt_desktop.documents.model import Article, Document, Field, Para, Signature, TableBlock
from sotttt_desktop.documents.phrases import date_phrase, list_lines
from tests.documents.helpers import MM, lines_of, pdf_fonts, pdf_text, plumber

AGENCY = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"


@pytest.fixture(autouse=True)
def bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOTTTT_DOCUMENT_FONT", "bundled")


def _document(**changes: object) -> Document:
    fields: dict = dict(
        page="A4", parent_body="UBND TỈNH BÌNH DƯƠNG", agency_name=AGENCY, place="Bình Dương",
        date=dt.date(2026, 2, 5), number="05/QĐ-STTTT", title="QUYẾT ĐỊNH",
        summary="Về việc thu hồi giấy phép xuất bản bản tin số 01/GP-STTTT",
        issuer=f"GIÁM ĐỐC {AGENCY}",
        legal_bases=("Căn cứ Luật Báo chí ngày 05 tháng 4 năm 2016;",
                     "Căn cứ Nghị định số 119/2020/NĐ-CP."),
        body=(Para("QUYẾT ĐỊNH:", "centre_bold"),
              Article(1, "Thu hồi giấy phép.", ("Lý do: không hoạt động quá 90 ngày.",)),
              Article(2, "Quyết định này có hiệu lực kể từ ngày ký.", ())),
        signature=Signature("PHÓ GIÁM ĐỐC", "Trần Thị Phó", "KT. GIÁM ĐỐC"),
        recipients=("Như Điều 3", "Lưu: VT, TTBCXB"))
    fields.update(changes)
    return Document(**fields)


@pytest.mark.parametrize(("day", "phrase"), [
    (dt.date(2020, 1, 5), "Hà Nội, ngày 05 tháng 01 năm 2020"),
    (dt.date(2019, 6, 29), "Hà Nội, ngày 29 tháng 6 năm 2019"),
    (dt.date(2024, 2, 9), "Hà Nội, ngày 09 tháng 02 năm 2024"),
    (dt.date(2024, 3, 10), "Hà Nội, ngày 10 tháng 3 năm 2024"),
    (dt.date(2024, 10, 1), "Hà Nội, ngày 01 tháng 10 năm 2024"),
    (dt.date(2024, 12, 31), "Hà Nội, ngày 31 tháng 12 năm 2024"),
])
def test_date_phrase_leading_zeros(day: dt.date, phrase: str) -> None:
    assert date_phrase("Hà Nội", day) == phrase


def test_recipient_punctuation() -> None:
    assert list_lines(["Như trên", "Lưu: VT, TTBCXB."]) == ["- Như trên;", "- Lưu: VT, TTBCXB."]


def test_text_reproduces_the_vietnamese_exactly() -> None:
    text = pdf_text(render(_document()))
    expected = [
        "UBND TỈNH BÌNH DƯƠNG", AGENCY, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Số: 05/QĐ-STTTT Bình Dương, ngày 05 tháng 02 năm 2026",
        "QUYẾT ĐỊNH", "Về việc thu hồi giấy phép xuất bản bản tin số 01/GP-STTTT",
        f"GIÁM ĐỐC {AGENCY}", "Căn cứ Luật Báo chí ngày 05 tháng 4 năm 2016;",
        "Căn cứ Nghị định số 119/2020/NĐ-CP.", "QUYẾT ĐỊNH:", "Điều 1. Thu hồi giấy phép.",
        "Lý do: không hoạt động quá 90 ngày.", "Nơi nhận:", "- Như Điều 3;", "- Lưu: VT, TTBCXB.",
        "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Thị Phó",
    ]
    lines = text.splitlines()
    positions = [lines.index(line) for line in expected]
    assert positions == sorted(positions[:16]) + positions[16:]  # the header and body in order
    assert text == unicodedata.normalize("NFC", text)


def test_nfd_input_prints_as_nfc() -> None:
    name = unicodedata.normalize("NFD", "Nguyễn Thị Ánh Tuyết")
    text = pdf_text(render(_document(signature=Signature("GIÁM ĐỐC", name))))
    assert "Nguyễn Thị Ánh Tuyết" in text.splitlines()


def test_only_embedded_fonts_and_no_base14() -> None:
    fonts = pdf_fonts(render(_document(qr_payload="SOTTTT1|01/GP-STTTT|2026|x|-|A|0")))
    assert len(fonts) == 4
    assert all(f["embedded"] == "yes" for f in fonts), fonts
    assert not [f for f in fonts if "Helvetica" in f["name"] or "Times-" in f["name"]
                or "Courier" in f["name"] or "Symbol" in f["name"]]


def test_margins_and_header_blocks_where_decree_30_puts_them() -> None:
    with plumber(render(_document())) as pdf:
        page = pdf.pages[0]
        assert (round(page.width / MM), round(page.height / MM)) == (210, 297)
        words = page.extract_words()
        assert min(w["x0"] for w in words) >= 30 * MM - 0.5  # left margin 30 mm
        assert max(w["x1"] for w in words) <= (210 - 15) * MM + 0.5  # right margin 15 mm
        assert min(w["top"] for w in words) >= 20 * MM - 0.5  # top margin 20 mm
        assert max(w["bottom"] for w in words) <= (297 - 20) * MM + 0.5
        lines = {line["text"]: line for line in lines_of(page)}
        chars = page.chars

        def span(text: str) -> tuple[float, float, float, float, str]:
            """x0, x1, top, size, font of the first run of chars spelling `text`."""
            joined = "".join(c["text"] for c in chars)
            start = joined.index(text)
            run = chars[start:start + len(text)]
            return (min(c["x0"] for c in run), max(c["x1"] for c in run), run[0]["top"],
                    round(run[0]["size"], 1), run[0]["fontname"])

        text_width = 165 * MM
        left_centre = 30 * MM + text_width * 75.5 / 165 / 2
        right_centre = 30 * MM + text_width * 75.5 / 165 + text_width * 89.5 / 165 / 2
        national = span("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        motto = span("Độc lập - Tự do - Hạnh phúc")
        agency = span(AGENCY)
        parent = span("UBND TỈNH BÌNH DƯƠNG")
        number = span("Số: 05/QĐ-STTTT")
        place = span("Bình Dương, ngày 05")
        assert abs((place[0] + span("năm 2026")[1]) / 2 - right_centre) < 1.0
        assert abs((national[0] + national[1]) / 2 - right_centre) < 1.0
        assert abs((motto[0] + motto[1]) / 2 - right_centre) < 1.0
        assert abs((agency[0] + agency[1]) / 2 - left_centre) < 1.0
        assert abs((parent[0] + parent[1]) / 2 - left_centre) < 1.0
        assert national[0] > agency[1]  # the two columns do not touch
        # sizes: national 12, motto 13, parent and agency 12, number 13, date 13 (italic)
        assert (national[3], motto[3], parent[3], agency[3], number[3]) == (12, 13, 12, 12, 13)
        assert "Italic" in next(c for c in chars if c["text"] == "B" and
                                abs(c["top"] - place[2]) < 1)["fontname"]
        assert abs(number[2] - place[2]) < 0.5  # the number and the date on one line
        assert national[2] < 20 * MM + 3  # the header starts at the top margin
        # the rules: under the motto as long as it; under the agency 1/3–1/2 of it, centred
        rules = sorted(page.lines, key=lambda r: r["top"])
        motto_rule = next(r for r in rules if r["top"] > motto[2]
                          and abs((r["x0"] + r["x1"]) / 2 - right_centre) < 1)
        assert abs((motto_rule["x1"] - motto_rule["x0"]) - (motto[1] - motto[0])) < 1.0
        agency_rule = next(r for r in rules if abs((r["x0"] + r["x1"]) / 2 - left_centre) < 1)
        ratio = (agency_rule["x1"] - agency_rule["x0"]) / (agency[1] - agency[0])
        assert 1 / 3 <= ratio <= 1 / 2
        assert agency_rule["top"] > agency[2] and agency_rule["top"] < number[2]
        assert "QUYẾT ĐỊNH" in lines
        label, authority = span("Nơi nhận:"), span("KT. GIÁM ĐỐC")
        assert abs(label[0] - 30 * MM) < 0.5  # flush left
        assert abs(label[2] + label[3] - authority[2] - authority[3]) < 2  # level (baselines)
        assert (label[3], authority[3]) == (12, 14)
        assert label[4].endswith("BoldItalic") and authority[4].endswith("Bold")
        assert agency[4].endswith("Bold") and national[4].endswith("Bold")
        assert parent[4].endswith("Serif") and place[4].endswith("Italic")


def test_body_is_justified_with_first_line_indent() -> None:
    long = "Nội dung quyết định được trình bày đầy đủ, rõ ràng và căn đều hai lề. " * 6
    with plumber(render(_document(body=(Para(long),)))) as pdf:
        body = [line for line in lines_of(pdf.pages[0]) if line["text"].startswith("Nội dung")
                or "căn đều" in line["text"]]
        first, second = body[0], body[1]
        assert abs(first["x0"] - (30 * MM + 10 * MM)) < 0.5  # first-line indent 1 cm
        assert abs(second["x0"] - 30 * MM) < 0.5
        assert abs(second["x1"] - (210 - 15) * MM) < 1.0  # justified to the right margin


def test_long_content_flows_onto_further_pages_without_overlap() -> None:
    holder = ("Công ty Trách nhiệm hữu hạn Một thành viên Dịch vụ Truyền thông và Quảng cáo "
              "Đồng bằng sông Cửu Long và Đông Nam Bộ ") * 3
    holder = holder[:300]
    recipients = tuple(f"Ủy ban nhân dân xã số {n} huyện Dầu Tiếng" for n in range(1, 41))
    rows = tuple((str(n), f"Cơ sở in số {n}", "Phường Phú Cường, Thủ Dầu Một", "Còn hiệu lực")
                 for n in range(1, 81))
    document = _document(
        body=(Field("Tên tổ chức", holder, bold=True),
              TableBlock(("STT", "Tên", "Địa chỉ", "Tình trạng"), rows, (0.1, 0.3, 0.4, 0.2))),
        recipients=recipients)
    pdf_bytes = render(document)
    text = pdf_text(pdf_bytes)
    assert all(f"- {r};" in text or f"- {r}." in text for r in recipients)
    assert "Cơ sở in số 80" in text
    with plumber(pdf_bytes) as pdf:
        assert len(pdf.pages) >= 3
        for number, page in enumerate(pdf.pages, start=1):
            words = page.extract_words()
            body = [w for w in words if w["top"] >= 20 * MM - 0.5]
            assert max(w["bottom"] for w in body) <= (297 - 20) * MM + 0.5
            assert min(w["x0"] for w in words) >= 30 * MM - 0.5
            assert max(w["x1"] for w in words) <= (210 - 15) * MM + 0.5
            for a, b in zip(words, words[1:], strict=False):  # no two words drawn over each other
                overlap_x = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
                overlap_y = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
                assert not (overlap_x > 1 and overlap_y > 1), (a["text"], b["text"])
            header_numbers = [w for w in words if w["bottom"] < 20 * MM]
            if number == 1:
                assert header_numbers == []  # no page number on page 1
            else:
                assert [w["text"] for w in header_numbers] == [str(number)]
                centre = (header_numbers[0]["x0"] + header_numbers[0]["x1"]) / 2
                assert abs(centre - (30 * MM + 165 * MM / 2)) < 1.0
                assert round(header_numbers[0]["bottom"] - header_numbers[0]["top"]) in (12, 13)
        table_pages = [p for p in pdf.pages if "Tình trạng" in (p.extract_text() or "")]
        assert len(table_pages) >= 2  # the table header repeats on the next page


def test_same_document_same_bytes() -> None:
    assert render(_document()) == render(_document())


def test_a5_form_page_and_margins() -> None:
    with plumber(render(_document(page="A5"))) as pdf:
        page = pdf.pages[0]
        assert (round(page.width / MM), round(page.height / MM)) == (148, 210)
        words = page.extract_words()
        assert min(w["x0"] for w in words) >= 15 * MM - 0.5
        assert max(w["x1"] for w in words) <= (148 - 10) * MM + 0.5
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in (page.extract_text() or "")
