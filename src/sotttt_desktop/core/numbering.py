"""Handing out numbers inside the caller's transaction: gapless, never twice, never reused.

The series row is incremented with one UPDATE, which takes the row's write lock (PostgreSQL) or
runs under the database write lock (SQLite, BEGIN IMMEDIATE); the number is recorded in the same
transaction as the document that carries it, so a rolled-back document gives its number back and
a committed one keeps it forever. A number withdrawn later is voided, not reused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import update
from sqlalchemy.orm import Session

from sotttt_desktop.core.db import upsert_insert
from sotttt_desktop.core.models import NumberRecord, NumberSeries, utcnow


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


def next_number(session: Session, kind: str, agency: str, period: str, *, reference: str,
                username: str, text_of: Callable[[int], str]) -> tuple[int, str]:
    """Take the next number of the series (starting at 1) and record it as issued."""
    dialect = session.get_bind().dialect.name
    insert = upsert_insert(dialect)
    session.execute(insert(NumberSeries).values(kind=kind, agency=agency, period=period,
                                                last_number=0).on_conflict_do_nothing())
    number = session.execute(
        update(NumberSeries)
        .where(NumberSeries.kind == kind, NumberSeries.agency == agency,
               NumberSeries.period == period)
        .values(last_number=NumberSeries.last_number + 1)
        .returning(NumberSeries.last_number)).scalar_one()
    text = text_of(number)
    session.add(NumberRecord(kind=kind, agency=agency, period=period, number=number, text=text,
                             state="issued", reference=reference, at=utcnow(), by=username))
    session.flush()
    return number, text


def void_number(session: Session, kind: str, agency: str, period: str, number: int, *,
                reason: str) -> NumberRecord:
    record = session.get(NumberRecord, (kind, agency, period, number))
    if record is None:
        raise LookupError(number)
    record.state = "void"
    record.void_reason = reason
    return record
