"""Argument types with bounds: a number on the command line is checked before anything runs
(`--limit 10**30` or `--due-within 99999999` overflowed dates deep inside a query; `--scale nan`
made a demo of no size)."""

from __future__ import annotations

import argparse
import datetime as dt
import math
from collections.abc import Callable

from sotttt_desktop.i18n import _


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high`."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip()[:32])
        except ValueError:
            raise argparse.ArgumentTypeError(
                _("expected a whole number, got {value}").format(value=_shown(text))) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                _("expected a whole number from {low} to {high}, got {value}").format(
                    low=low, high=high, value=_shown(text)))
        return value

    parse.__name__ = "whole number"
    return parse


def decimal_number(low: float, high: float) -> Callable[[str], float]:
    """An argparse type: a finite number from `low` to `high` (no nan, no inf)."""

    def parse(text: str) -> float:
        try:
            value = float(text.strip()[:32])
        except ValueError:
            value = math.nan
        if not math.isfinite(value) or not low <= value <= high:
            raise argparse.ArgumentTypeError(
                _("expected a number from {low} to {high}, got {value}").format(
                    low=low, high=high, value=_shown(text)))
        return value

    parse.__name__ = "number"
    return parse


def day_month_year(text: str) -> dt.date:
    """An argparse type: a date written DD/MM/YYYY (or YYYY-MM-DD)."""
    value = text.strip()[:32]
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(
        _("expected a date as DD/MM/YYYY, got {value}").format(value=_shown(text)))


day_month_year.__name__ = "date"


def _shown(text: str) -> str:
    """A hostile value, shown short and on one line."""
    text = " ".join(text.split())
    return repr(text if len(text) <= 40 else text[:40] + "…")


LIMIT = whole_number(1, 100_000)  # rows to list
OFFSET = whole_number(0, 100_000_000)
DAYS = whole_number(0, 3_660)  # ten years ahead, at most
MONTHS = whole_number(1, 120)
