"""The rule that governs an area's work on a date (resources/reference/area_rules.toml): for
grassroots information, Decision 52/2016/QĐ-TTg until 30/06/2024, Decree 49/2024/NĐ-CP from
01/07/2024. Data, not code: a new decree is a new entry with its effective date."""

from __future__ import annotations

import datetime as dt
import tomllib
from functools import cache
from typing import Any

from sotttt_desktop.resources import resource_path


@cache
def _rules() -> dict[str, list[dict[str, Any]]]:
    with resource_path("reference", "area_rules.toml").open("rb") as handle:
        return tomllib.load(handle)


def rule_in_force(area: str, on: dt.date) -> dict[str, Any] | None:
    """{basis, short, effective_from} of the rule of `area` in force on `on` (None: the area has
    no rule listed, or none in force yet)."""
    entries = [e for e in _rules().get(area, []) if e["effective_from"] <= on]
    return max(entries, key=lambda e: e["effective_from"]) if entries else None
