"""The rules of an administrative sanction the Department decides (Luật XLVPHC 2012 as amended in
2020; resources/reference/sanctions.toml): the sector decrees with the days they are in force and
their limitation periods, the end of the limitation of an act, the late-payment addition, and
who signs in a period. Pure: no Qt, no database."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from sotttt_desktop.resources import resource_path


@dataclass(frozen=True)
class Decree:
    key: str
    label: str
    citation: str
    effective_from: dt.date
    effective_until: dt.date | None
    limitation_years: int
    fine_max_organisation: int

    def fine_max(self, organisation: bool) -> int:
        """The highest fine for an organisation, or half of it for an individual."""
        return self.fine_max_organisation if organisation else self.fine_max_organisation // 2

    def in_force(self, day: dt.date) -> bool:
        return self.effective_from <= day and (self.effective_until is None
                                              or day <= self.effective_until)


@cache
def settings() -> dict[str, Any]:
    with resource_path("reference", "sanctions.toml").open("rb") as handle:
        return tomllib.load(handle)


@cache
def decrees() -> dict[str, Decree]:
    return {entry["key"]: Decree(entry["key"], entry["label"], entry["citation"],
                                 entry["effective_from"], entry.get("effective_until"),
                                 entry["limitation_years"], entry["fine_max_organisation"])
            for entry in settings()["decree"]}


def limitation_ends(decree: Decree, act_ended: dt.date) -> dt.date:
    """The last day a sanction may be decided: the decree's years from the end of the act (for
    an ongoing act, from its discovery), the same date less one day ("01 năm" from 10/03/2025
    ends on 09/03/2026; the stricter reading, so no decision falls a day too late)."""
    return period_end(act_ended, 12 * decree.limitation_years)


def period_end(start: dt.date, months: int) -> dt.date:
    """The last day of a period of `months` from `start` ("03 tháng kể từ ngày 10/03" ends on
    09/06); where the end month lacks the start's day, its last day (from 29/11/2024: 28/02)."""
    from sotttt_desktop.core.calendar import add_months

    later = add_months(start, months)
    return later if later.day < start.day else later - dt.timedelta(days=1)


def late_addition(fine: int, due: dt.date, paid: dt.date) -> tuple[int, int]:
    """(days late, the addition in đồng): 0.05 % of the unpaid fine for each day from the day
    after the due date to the day paid (holidays included), rounded down to the đồng."""
    days = max(0, (paid - due).days)
    rate = Decimal(settings()["late_rate_per_day"])
    return days, int(Decimal(fine) * rate * days)


def signer_for(day: dt.date) -> dict[str, str]:
    """The position (and name, if the file gives one) that signs sanction decisions on `day`."""
    periods = sorted(settings()["signer_period"], key=lambda p: p["effective_from"])
    chosen = periods[0]
    for period in periods:
        if period["effective_from"] <= day:
            chosen = period
    return {"position": chosen["position"], "title": chosen["title"],
            "full_name": chosen.get("full_name", ""), "competence": chosen.get("competence", "")}


_UNITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def _three(number: int, full: bool) -> str:
    """Words of 0–999; `full`: a group after a higher one says its hundreds and "linh"."""
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [_UNITS[hundreds], "trăm"]
    if tens > 1:
        words += [_UNITS[tens], "mươi"]
        if units == 1:
            words.append("mốt")
        elif units == 5:
            words.append("lăm")
        elif units == 4:
            words.append("tư")
        elif units:
            words.append(_UNITS[units])
    elif tens == 1:
        words.append("mười")
        if units == 5:
            words.append("lăm")
        elif units:
            words.append(_UNITS[units])
    elif units:
        if hundreds or full:
            words.append("linh")
        words.append(_UNITS[units])
    return " ".join(words)


def amount_in_words(amount: int) -> str:
    """"Ba triệu năm trăm nghìn đồng" — an amount of money as a decision writes it in words."""
    if amount == 0:
        return "Không đồng"
    groups = []
    while amount:
        amount, group = divmod(amount, 1000)
        groups.append(group)
    names = ("", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ")
    if len(groups) > len(names):
        raise ValueError(amount)
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            continue
        words.append(_three(group, full=index < len(groups) - 1))
        if names[index]:
            words.append(names[index])
    text = " ".join(words) + " đồng"
    return text[:1].upper() + text[1:]


def money(amount: int) -> str:
    """"3.500.000 đồng"."""
    return f"{amount:,}".replace(",", ".") + " đồng"
