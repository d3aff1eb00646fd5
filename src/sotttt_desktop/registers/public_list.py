"""A list the Department must publish from a register (the public game points it certified):
which register, which of its fields as columns, which entries are listed on a given day.
Declared once; the printed list (documents, template "public-list") and its spreadsheet are
made from the declaration."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


def valid_on(record: dict[str, Any], on: dt.date) -> bool:
    """An entry in force on `on`: active, issued by then, its term not over."""
    issued, until = record.get("licence_date"), record.get("valid_until")
    return (record.get("state") == "active" and (issued is None or issued <= on)
            and (until is None or until >= on))


@dataclass(frozen=True)
class PublicList:
    key: str
    register: str
    summary: str  # trích yếu under "DANH SÁCH", as printed (a published list is in Vietnamese)
    columns: tuple[str, ...]  # field names of the register, in printed order
    widths: tuple[float, ...]  # fractions of the page width, after the "STT" column
    basis: str  # the rule that says it is published
    # field → the heading the published list gives it where the register's label is generic
    labels: dict[str, str] = field(default_factory=dict)
    listed: Callable[[dict[str, Any], dt.date], bool] = valid_on
    group_by: str | None = "district_code"  # the rows sorted by this field first

    def __post_init__(self) -> None:
        if len(self.widths) != len(self.columns):
            raise ValueError(f"{self.key}: one width per column")
        if set(self.labels) - set(self.columns):
            raise ValueError(f"{self.key}: labels for fields it does not list")
