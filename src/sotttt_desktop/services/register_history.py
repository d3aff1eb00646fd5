"""A register as it stood at the end of a past day, rebuilt from its history (issue #21: sector
statistics are "as of" the period's end, not today's state).

Every write to a register is in the audit trail with the record before and after it (a form, an
import and its undoing, a permit's sync, a case's step). The state on a day is today's records
with every change written after that day undone, newest first: an update gives back the record
as it was before, a deletion gives the record back, a creation takes it away — unless the
register names a date that says the record existed before it was entered (a licence issued in
2019 and entered at go-live in 2024): such a record is counted as first entered, and the
statistics say how many were.

The day a change was written is its local day; in a demo database, which runs on its working
date (core/clock.py), everything is written on that date."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sotttt_desktop.core import clock
from sotttt_desktop.core.models import AuditEntry
from sotttt_desktop.registers import get_register
from sotttt_desktop.services.one_stop_statistics import day_start_utc

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services


@dataclass(frozen=True)
class RegisterAsOf:
    day: dt.date
    records: list[dict[str, Any]]  # field values as the audit keeps them (dates as ISO text)
    entered_later: int  # records entered after the day, counted as first entered (`since`)
    undated_later: int  # records entered after the day with nothing saying they existed then


def _plain(value: Any) -> Any:  # noqa: ANN401
    """A value as the audit trail keeps it (core/audit.py): dates as ISO text, numbers and
    identifiers as text — the same representation for today's rows and the trail's states."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


Change = tuple[str, str | None, str | None]  # record id, before, after (JSON)


def _changes_after(services: Services, kinds: set[str], day: dt.date) -> dict[str, list[Change]]:
    """The changes of the registers of `kinds` written after `day`, newest first, by kind: one
    read of the trail for all of them (the trail is not indexed by kind: in a demo of 350,000
    dossiers it is read once per table, not once per register)."""
    working = clock.working_date()
    found: dict[str, list[Change]] = {kind: [] for kind in kinds}
    if working is not None and working <= day:
        return found
    query = (select(AuditEntry.entity_kind, AuditEntry.entity_id, AuditEntry.before,
                    AuditEntry.after)
             .where(AuditEntry.entity_kind.in_(kinds), AuditEntry.action.in_(
                 ("create", "update", "delete")))
             .order_by(AuditEntry.id.desc()))
    if working is None:
        query = query.where(AuditEntry.at >= day_start_utc(day + dt.timedelta(days=1)))
    with services.db.reading() as conn:
        for kind, record_id, before, after in conn.execute(query):
            found[kind].append((record_id, before, after))
    return found


def register_as_of(services: Services, key: str, day: dt.date, *,
                   since: str | None = None) -> RegisterAsOf:
    """The records of register `key` at the end of `day` (the area's right to view needed; a
    district officer sees the district's). `since`: the date field that says when a record
    began to exist, for the records entered after `day`."""
    return registers_as_of(services, {key: since}, day)[key]


def registers_as_of(services: Services, since: dict[str, str | None], day: dt.date, *,
                    fields: dict[str, set[str]] | None = None) -> dict[str, RegisterAsOf]:
    """`register_as_of` of each register named (register → its `since` field or None);
    `fields`: the fields each register's records are needed with (default: all of them)."""
    kinds = {key: get_register(key).search_kind for key in since}
    changes = _changes_after(services, set(kinds.values()), day)
    return {key: _rebuilt(services, key, day, since[key], changes[kinds[key]],
                          (fields or {}).get(key)) for key in since}


def _today(services: Services, key: str, names: set[str] | None) -> dict[str, dict[str, Any]]:
    """Today's records of register `key` (the area's right to view needed), with the fields
    named, read in one query of their columns."""
    spec = get_register(key)
    services.require(spec.area, "view")
    wanted = [f.name for f in spec.fields if names is None or f.name in names]
    if spec.district_field and spec.district_field not in wanted:
        wanted.append(spec.district_field)
    model = spec.model
    with services.db.reading() as conn:
        rows = conn.execute(select(model.id, *(getattr(model, name) for name in wanted))).all()
    return {str(row[0]): {"id": str(row[0]), **{name: _plain(value) for name, value
                                               in zip(wanted, row[1:], strict=True)}}
            for row in rows}


def _rebuilt(services: Services, key: str, day: dt.date, since: str | None,
             changes: list[Change], names: set[str] | None) -> RegisterAsOf:
    spec = get_register(key)
    records = _today(services, key, names)
    entered_later: set[str] = set()
    undated_later: set[str] = set()
    for record_id, before, after in changes:
        if before is not None:  # an update or a deletion: the record as it was
            records[record_id] = json.loads(before)
            continue
        first = json.loads(after) if after else None
        began = first and since and first.get(since)
        if began and began <= day.isoformat():
            records[record_id] = first  # existed before it was entered: as first entered
            entered_later.add(record_id)
        else:
            records.pop(record_id, None)
            entered_later.discard(record_id)
            if not began:
                undated_later.add(record_id)
    actor = services.actor
    kept = [r for r in records.values()
            if not actor.district_scoped or (spec.district_field is not None
                                             and r.get(spec.district_field)
                                             == actor.district_code)]
    kept_ids = {str(r["id"]) for r in kept}
    return RegisterAsOf(day, kept, len(entered_later & kept_ids), len(undated_later))
