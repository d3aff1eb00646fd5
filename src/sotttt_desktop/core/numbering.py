"""Handing out numbers inside the caller's transaction: gapless, never twice, never reused.

The series row is incremented with one UPDATE, which takes the row's write lock (PostgreSQL) or
runs under the database write lock (SQLite, BEGIN IMMEDIATE); the number is recorded in the same
transaction as the document that carries it, so a rolled-back document gives its number back and
a committed one keeps it forever. A number withdrawn later is voided, not reused.

Documents are numbered in the series their symbol belongs to (resources/reference/
outgoing_register.toml): the administrative documents of the agency share one series, each kind
of specialised document has its own (ND 30/2020 Art. 15(1); REFERENCE §3.4).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sotttt_desktop.core.db import upsert_insert
from sotttt_desktop.core.models import NumberRecord, NumberSeries, utcnow
from sotttt_desktop.resources import resource_path

LETTER_SYMBOL = "CV"  # a công văn has no type abbreviation: its ký hiệu is agency-unit
NUMBER_TEXT = re.compile(r"^\s*0*(\d{1,6})\s*/\s*(\S+)\s*$")


@dataclass(frozen=True)
class Series:
    key: str
    name: str
    symbols: tuple[str, ...]


@cache
def _register_file() -> dict[str, Any]:
    with resource_path("reference", "outgoing_register.toml").open("rb") as fh:
        return tomllib.load(fh)


@cache
def series_table() -> dict[str, Series]:
    raw = _register_file()["series"]
    return {key: Series(key, spec["name"], tuple(spec["symbols"])) for key, spec in raw.items()}


def register_summary(action: str, **values: str) -> str:
    """The register's "tên loại và trích yếu" of a document the application drafts."""
    return _register_file()["summaries"][action].format(**values)


def document_kind(symbol: str) -> str:
    """`QĐ` → `QĐ`; a công văn's `STTTT-TTBCXB` → `CV`."""
    return LETTER_SYMBOL if "-" in symbol else symbol


def series_of(symbol: str) -> str:
    """The series a document of this symbol (or kind) is numbered in."""
    kind = document_kind(symbol)
    for series in series_table().values():
        if kind in series.symbols:
            return series.key
    return kind


def series_name(key: str) -> str:
    found = series_table().get(key)
    return found.name if found else key


def parse_document_number(text: str) -> tuple[int, str, str] | None:
    """`05/GP-STTTT` → (5, "GP", "STTTT"); `12/STTTT-TTBCXB` → (12, "STTTT-TTBCXB", "STTTT");
    None when the text is no number and symbol of Decree 30."""
    found = NUMBER_TEXT.match(text or "")
    if not found:
        return None
    number, rest = int(found.group(1)), found.group(2)
    head, _sep, tail = rest.partition("-")
    if not tail or not head or number < 1:
        return None
    known = {s for series in series_table().values() for s in series.symbols}
    if head in known:
        return number, head, tail
    return number, rest, head  # a công văn: the agency first, then the unit


def document_number_text(number: int, symbol: str, agency: str) -> str:
    """`5, GP, STTTT` → `05/GP-STTTT`; a symbol that already names the agency is kept whole
    (`05/STTTT-TTBCXB`). Numbers below 10 get a leading zero (Decree 30/2020)."""
    head = f"{number:02d}"
    if symbol.startswith(agency) or "-" in symbol:
        return f"{head}/{symbol}"
    return f"{head}/{symbol}-{agency}"


def dossier_code_text(number: int, agency: str, day: dt.date) -> str:
    """`STTTT-240205-0007` (TT 01/2018 Art. 19: date of receipt + 4-digit daily sequence)."""
    return f"{agency}-{day:%y%m%d}-{number:04d}"


def reserved_text(number: int, kind: str, agency: str) -> str:
    """What stands for a reserved number until the Văn thư describes it: `05/HC-STTTT` (the
    series, not a document symbol: the paper document's symbol is not known yet)."""
    return f"{number:02d}/{kind}-{agency}"


def _ensure_series(session: Session, kind: str, agency: str, period: str) -> None:
    insert = upsert_insert(session.get_bind().dialect.name)
    session.execute(insert(NumberSeries).values(kind=kind, agency=agency, period=period,
                                                last_number=0).on_conflict_do_nothing())


def next_number(session: Session, kind: str, agency: str, period: str, *, reference: str,
                username: str, text_of: Callable[[int], str],
                register: dict[str, Any] | None = None) -> tuple[int, str]:
    """Take the next number of the series `kind` (starting at 1) and record it as issued;
    `register`: the register's columns known now (document_kind, summary, …)."""
    _ensure_series(session, kind, agency, period)
    number = session.execute(
        update(NumberSeries)
        .where(NumberSeries.kind == kind, NumberSeries.agency == agency,
               NumberSeries.period == period)
        .values(last_number=NumberSeries.last_number + 1)
        .returning(NumberSeries.last_number)).scalar_one()
    text = text_of(number)
    session.add(NumberRecord(kind=kind, agency=agency, period=period, number=number, text=text,
                             state="issued", reference=reference, at=utcnow(), by=username,
                             origin="app", **(register or {})))
    session.flush()
    return number, text


def take_outside_number(session: Session, kind: str, agency: str, period: str, number: int, *,
                        username: str, text_of: Callable[[int], str], reference: str,
                        register: dict[str, Any], max_skip: int) -> list[int]:
    """Record `number` of series `kind` as taken outside the application.

    A number past the last one moves the series on to it; those skipped on the way are
    recorded as reserved (taken on paper, to be described or voided), so the series has no
    gap. A reserved number may be described; any other number already used is refused with
    ValueError("used"), a jump larger than `max_skip` with ValueError("skip").
    Returns the numbers reserved on the way."""
    _ensure_series(session, kind, agency, period)
    last = session.execute(
        update(NumberSeries)
        .where(NumberSeries.kind == kind, NumberSeries.agency == agency,
               NumberSeries.period == period)
        .values(last_number=NumberSeries.last_number)  # takes the row's write lock
        .returning(NumberSeries.last_number)).scalar_one()
    now = utcnow()
    if number <= last:
        record = session.get(NumberRecord, (kind, agency, period, number))
        if record is None or record.origin != "reserved" or record.state != "issued":
            raise ValueError("used")
        record.text = text_of(number)
        record.origin, record.reference, record.at, record.by = "outside", reference, now, username
        for name, value in register.items():
            setattr(record, name, value)
        session.flush()
        return []
    if number - last - 1 > max_skip:
        raise ValueError("skip")
    reserved = list(range(last + 1, number))
    for skipped in reserved:
        session.add(NumberRecord(kind=kind, agency=agency, period=period, number=skipped,
                                 text=reserved_text(skipped, kind, agency),
                                 state="issued", reference="", at=now, by=username,
                                 origin="reserved"))
    session.add(NumberRecord(kind=kind, agency=agency, period=period, number=number,
                             text=text_of(number), state="issued", reference=reference, at=now,
                             by=username, origin="outside", **register))
    session.execute(update(NumberSeries).where(
        NumberSeries.kind == kind, NumberSeries.agency == agency, NumberSeries.period == period
    ).values(last_number=number))
    session.flush()
    return reserved


def void_number(session: Session, kind: str, agency: str, period: str, number: int, *,
                reason: str) -> NumberRecord:
    record = session.get(NumberRecord, (kind, agency, period, number))
    if record is None:
        raise LookupError(number)
    record.state = "void"
    record.void_reason = reason
    return record


def records_of_series(session: Session, key: str, agency: str | None, period: str
                      ) -> list[NumberRecord]:
    """The register of series `key` for a year: its numbers, and those kept under the key of
    an older series (numbered before the series were shared), in order."""
    kinds = [k for k in session.execute(select(NumberRecord.kind).where(
        NumberRecord.period == period).distinct()).scalars() if k == key
        or (k not in ("dossier", "case") and series_of(k) == key)]
    statement = select(NumberRecord).where(NumberRecord.kind.in_(kinds),
                                           NumberRecord.period == period)
    if agency:
        statement = statement.where(NumberRecord.agency == agency)
    return list(session.execute(statement.order_by(NumberRecord.number, NumberRecord.at)
                                ).scalars())
