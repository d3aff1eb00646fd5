"""Reporting periods (REFERENCE-2 §11): a calendar month, quarter, half-year, nine months or year
(TT 04/2022/TT-BTTTT's sector statistics), or the same periods cut off on the 14th (ND 09/2019
Art. 12, TT 02/2021/TT-TTCP: "from the 15th of the month before the period to the 14th of its
last month" — the quarter Q1 runs 15/12 of the year before to 14/03).

A period is named by a reference a clerk can type: `2024` (a year), `2024-11` (a month),
`2024-Q3`, `2024-H1`, `2024-9M`, or two dates `01/10/2024-31/12/2024`. Pure: no database."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

CALENDAR = "calendar"
CUTOFF = "cutoff"  # 15th of the month before → 14th of the last month
RULES = (CALENDAR, CUTOFF)
FREQUENCIES = ("month", "quarter", "half", "nine_months", "year")

_REF = re.compile(r"^(\d{4})(?:-(?:(\d{1,2})|Q([1-4])|H([12])|(9M)))?$", re.IGNORECASE)
_RANGE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})\s*[-–]\s*(\d{1,2})/(\d{1,2})/(\d{4})$")


class PeriodError(ValueError):
    """A reference that names no period (the caller words the message for the user)."""


@dataclass(frozen=True)
class Period:
    start: dt.date  # first day, inclusive
    end: dt.date  # last day, inclusive
    label: str  # Vietnamese, as printed: "quý III năm 2024"
    ref: str  # the reference that names it again

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError(self.ref)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


_ROMAN = ("I", "II", "III", "IV")


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def _span(year: int, first_month: int, last_month: int, rule: str) -> tuple[dt.date, dt.date]:
    """The months first..last of `year`, on the calendar or cut off on the 14th."""
    if rule == CUTOFF:
        before = dt.date(year, first_month, 1) - dt.timedelta(days=1)  # last month before
        return dt.date(before.year, before.month, 15), dt.date(year, last_month, 14)
    return dt.date(year, first_month, 1), _last_day(year, last_month)


def period(frequency: str, year: int, index: int = 1, rule: str = CALENDAR) -> Period:
    """The `index`-th period of `frequency` in `year` (month 1–12, quarter 1–4, half 1–2)."""
    if rule not in RULES:
        raise PeriodError(rule)
    if frequency == "month" and 1 <= index <= 12:
        months, label, ref = (index, index), f"tháng {index:02d} năm {year}" if index <= 2 \
            else f"tháng {index} năm {year}", f"{year}-{index:02d}"
    elif frequency == "quarter" and 1 <= index <= 4:
        months = (3 * index - 2, 3 * index)
        label, ref = f"quý {_ROMAN[index - 1]} năm {year}", f"{year}-Q{index}"
    elif frequency == "half" and index in (1, 2):
        months = (1, 6) if index == 1 else (7, 12)
        label = f"6 tháng đầu năm {year}" if index == 1 else f"6 tháng cuối năm {year}"
        ref = f"{year}-H{index}"
    elif frequency == "nine_months":
        months, label, ref = (1, 9), f"9 tháng năm {year}", f"{year}-9M"
    elif frequency == "year":
        months, label, ref = (1, 12), f"năm {year}", str(year)
    else:
        raise PeriodError(f"{frequency} {index}")
    start, end = _span(year, *months, rule)
    if rule == CUTOFF:
        ref += "~"  # the cut-off period of the same name
    return Period(start, end, label, ref)


def parse(ref: str, rule: str = CALENDAR) -> Period:
    """The period a typed reference names; `rule` applies to named periods (a reference ending
    in "~" is always cut off). Raises PeriodError."""
    text = (ref or "").strip()
    if text.endswith("~"):
        text, rule = text[:-1], CUTOFF
    if match := _RANGE.match(text):
        d1, m1, y1, d2, m2, y2 = (int(g) for g in match.groups())
        try:
            start, end = dt.date(y1, m1, d1), dt.date(y2, m2, d2)
        except ValueError as error:
            raise PeriodError(ref) from error
        if end < start or (end - start).days > 366 * 5:
            raise PeriodError(ref)
        label = f"từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"
        return Period(start, end, label, f"{start:%d/%m/%Y}-{end:%d/%m/%Y}")
    match = _REF.match(text)
    if not match:
        raise PeriodError(ref)
    year = int(match.group(1))
    if not 2000 <= year <= 2100:
        raise PeriodError(ref)
    month, quarter, half, nine = match.groups()[1:]
    if month:
        return period("month", year, int(month), rule)
    if quarter:
        return period("quarter", year, int(quarter), rule)
    if half:
        return period("half", year, int(half), rule)
    if nine:
        return period("nine_months", year, 1, rule)
    return period("year", year, 1, rule)


def periods_of(frequency: str, year: int, rule: str = CALENDAR) -> list[Period]:
    """Every period of `frequency` in `year`, in order."""
    count = {"month": 12, "quarter": 4, "half": 2}.get(frequency, 1)
    return [period(frequency, year, index, rule) for index in range(1, count + 1)]
