"""The fixed phrases of Decree 30/2020: the date line, the number line, recipient punctuation."""

from __future__ import annotations

import datetime as dt
import unicodedata

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "")


def date_phrase(place: str, day: dt.date | None) -> str:
    """`Bình Dương, ngày 05 tháng 01 năm 2020`; days below 10 and months 1 and 2 get a leading
    zero, other months do not (`ngày 29 tháng 6 năm 2019`). No date: blanks to fill by hand."""
    if day is None:
        return nfc(f"{place}, ngày      tháng      năm 20    ")
    return nfc(f"{place}, {date_words(day)}")


def date_words(day: dt.date) -> str:
    """`ngày 05 tháng 01 năm 2020`, `ngày 19 tháng 5 năm 2023` (the date line's rules)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def founding_citation(decision: dict[str, str]) -> str:
    """The legal basis naming the decision that founded the agency, as Decree 30 cites an
    instrument (type, number, date, issuing body, summary): `Căn cứ Quyết định số
    15/2023/QĐ-UBND ngày 19 tháng 5 năm 2023 của Ủy ban nhân dân tỉnh Bình Dương ban hành …`.
    `decision`: kind, number, date (ISO), issuer, summary."""
    day = dt.date.fromisoformat(str(decision["date"])[:10])
    summary = decision["summary"].strip().rstrip(";.")
    return nfc(f"Căn cứ {decision['kind']} số {decision['number']} {date_words(day)} của "
               f"{decision['issuer']} {summary}")


def short_date(day: dt.date | None) -> str:
    """`05/01/2020`, the form used inside tables and field values."""
    return f"{day:%d/%m/%Y}" if day else ""


def time_phrase(moment: dt.datetime | None) -> str:
    """`10 giờ 05 phút, ngày 05/01/2020` (one-stop forms)."""
    if moment is None:
        return "… giờ … phút, ngày …/…/……"
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút, ngày {moment:%d/%m/%Y}"


def number_line(number: str | None) -> str:
    """`Số: 05/GP-STTTT`; without a number yet, the blank the văn thư fills in after signing."""
    return f"Số: {nfc(number)}" if number else "Số:        /"


def list_lines(items: list[str], *, last: str = ".") -> list[str]:
    """Recipient-style lines: "- item;" and the last one ending with `last`."""
    cleaned = [nfc(item).strip().rstrip(";.").strip() for item in items if nfc(item).strip()]
    lines = []
    for index, item in enumerate(cleaned):
        end = last if index == len(cleaned) - 1 else ";"
        lines.append(f"- {item}{end}")
    return lines
