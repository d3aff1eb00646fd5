"""The sector statistics of TT 04/2022/TT-BTTTT counted from the registers "as of" the end of a
period (issue #21): each annex the registers hold data for is a declared table
(resources/reference/sector_statistics/*.toml: its document kind, area, title, form, basis, the
date that says when a record of a register began to exist, and its rows — the row declaration of
services/annual_statistics.py with `in_force` and `within`).

A row counts (or sums a field of) the records of its register as they stood at the end of the
period (services/register_history.py): a licence suspended after the period is counted as
active in it, a station built after it is not counted. `within` counts those whose date falls
in the period (licences issued, conferences held); `in_force` leaves out those whose date has
passed by the period's end (expired licences).

The annexes' lists of indicators were not read (UNCONFIRMED): the rows are what the registers
hold, printed with the form named as not checked."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from sotttt_desktop.core import clock, report_periods
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _
from sotttt_desktop.registers import get_register
from sotttt_desktop.resources import resource_path
from sotttt_desktop.services.annual_statistics import (
    StatisticRow,
    checked,
    printed_rows,
    row_of,
)
from sotttt_desktop.services.register_history import RegisterAsOf, registers_as_of

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services

FOLDER = "sector_statistics"
ANY = "*"  # a `where` value: the field has any value (a level approved, a date given)


@dataclass(frozen=True)
class SectorTable:
    kind: str  # the document kind that prints it
    area: str  # the area whose right to view the table needs
    title: str
    form: str
    basis: str
    since: dict[str, str]  # register → the date field a record began to exist on
    rows: tuple[StatisticRow, ...]


def _load(text: str, name: str) -> SectorTable:
    data = tomllib.loads(text)
    rows = tuple(checked(row_of(row)) for row in data["row"])
    since = dict(data.get("since", {}))
    for register, date_field in since.items():
        if date_field not in {f.name for f in get_register(register).fields}:
            raise ValueError(f"{name}: {register} has no field {date_field}")
    return SectorTable(data["kind"], data["area"], data["title"], data["form"], data["basis"],
                       since, rows)


@cache
def tables() -> dict[str, SectorTable]:
    """Every declared table by document kind (a table naming a register or field that does not
    exist fails here, when loaded: a test loads them all)."""
    folder = resource_path("reference", FOLDER)
    found = [_load(path.read_text(encoding="utf-8"), path.name)
             for path in sorted(folder.iterdir()) if path.suffix == ".toml"]
    return {table.kind: table for table in found}


def table(kind: str) -> SectorTable:
    return tables()[kind]


def _counts(row: StatisticRow, state: RegisterAsOf, period: report_periods.Period
            ) -> dict[str, Decimal]:
    """{"": the row's value, choice: the value of the records of that choice}."""
    end, start = state.day.isoformat(), period.start.isoformat()
    totals: dict[str, Decimal] = {"": Decimal(0)}
    for record in state.records:
        if any(record.get(name) in (None, "") if value == ANY else record.get(name) != value
               for name, value in row.where.items()):
            continue
        if row.in_force and (record.get(row.in_force) or end) < end:
            continue
        if row.within and not start <= (record.get(row.within) or "") <= end:
            continue
        value = Decimal(1) if row.summed is None else Decimal(str(record.get(row.summed) or 0))
        totals[""] += value
        if row.by:
            choice = str(record.get(row.by) or "")
            totals[choice] = totals.get(choice, Decimal(0)) + value
    return totals


@dataclass(frozen=True)
class CaseHistory:
    kind: str
    opened: dt.date  # local days
    finished: dt.date | None
    reached: tuple[tuple[dt.date, str], ...]  # (day, state entered), in order


def case_history(services: Services, kinds: set[str]) -> list[CaseHistory]:
    """The cases of `kinds` with the days they were opened, finished and entered each state (a
    district officer counts the district's)."""
    from sqlalchemy import select

    from sotttt_desktop.core.models import CaseEvent, CaseFile

    if not kinds:
        return []
    query = select(CaseFile.id, CaseFile.kind, CaseFile.opened_at, CaseFile.finished_at).where(
        CaseFile.kind.in_(kinds))
    actor = services.actor
    if actor.district_scoped:
        query = query.where(CaseFile.district_code == actor.district_code)
    with services.db.reading() as conn:
        found = conn.execute(query).all()
        events: dict[Any, list[tuple[dt.date, str]]] = {}
        for case_id, to_state, at in conn.execute(
                select(CaseEvent.case_id, CaseEvent.to_state, CaseEvent.at)
                .join(CaseFile, CaseFile.id == CaseEvent.case_id)
                .where(CaseFile.kind.in_(kinds)).order_by(CaseEvent.id)):
            events.setdefault(case_id, []).append((_local_day(at), to_state))
    return [CaseHistory(kind, _local_day(opened), finished and _local_day(finished),
                        tuple(events.get(case_id, ())))
            for case_id, kind, opened, finished in found]


def _local_day(at: dt.datetime) -> dt.date:
    from sotttt_desktop.i18n import LOCAL_TZ

    return (at if at.tzinfo else at.replace(tzinfo=dt.UTC)).astimezone(LOCAL_TZ).date()


def _case_count(row: StatisticRow, cases: list[CaseHistory], start: dt.date,
                end: dt.date) -> int:
    """received: opened in the period; carried: opened before it and not finished before it;
    open_at_end: not finished by its end; reached:S: entered one of S in the period."""
    mine = [case for case in cases if case.kind in row.cases and case.opened <= end]
    if row.case_count == "received":
        return sum(case.opened >= start for case in mine)
    if row.case_count == "carried":
        return sum(case.opened < start and (case.finished is None or case.finished >= start)
                   for case in mine)
    if row.case_count == "open_at_end":
        return sum(case.finished is None or case.finished > end for case in mine)
    states = set(row.case_count.removeprefix("reached:").split(","))
    return sum(any(start <= day <= end and state in states for day, state in case.reached)
               for case in mine)


def statistics_data(services: Services, kind: str, period: report_periods.Period
                    ) -> dict[str, Any]:
    """The table of `kind` for `period`, as printed rows, counted as of the period's end (or
    today, for a period not over yet)."""
    declared = table(kind)
    services.require(declared.area, "view")
    today = clock.local_today()
    if period.start > today:
        raise ValidationError(_("{period} has not begun: there is nothing to count yet.").format(
            period=period.label))
    day = min(period.end, today)
    needed: dict[str, set[str]] = {}
    for row in declared.rows:
        if row.register:
            needed.setdefault(row.register, set()).update(
                name for name in (row.summed, row.by, row.in_force, row.within,
                                  declared.since.get(row.register), *row.where) if name)
    states = registers_as_of(services, {key: declared.since.get(key) for key in needed}, day,
                             fields=needed)
    cases = case_history(services, {kind for row in declared.rows for kind in row.cases})
    rows: list[list[str]] = []
    counted = 0
    for row in declared.rows:
        totals = (_counts(row, states[row.register], period) if row.register else
                  {"": Decimal(_case_count(row, cases, period.start, day))})
        printed = printed_rows(row, totals)
        if row.register and states[row.register].undated_later:  # not knowable: "–"
            printed = [[*line[:3], "–"] for line in printed]
        else:
            counted += int(totals[""] != 0)
        rows.extend(printed)
    if not counted:
        raise ValidationError(_("The registers hold nothing to count for {period}: the table "
                                "would print only zeros.").format(period=period.label))
    return {"period": {"ref": period.ref, "label": period.label, "start": period.start,
                       "end": period.end},
            "as_of": day, "title": declared.title, "form": declared.form,
            "basis": declared.basis, "rows": rows,
            "entered_later": sum(state.entered_later for state in states.values()),
            "undated_later": sum(state.undated_later for state in states.values()),
            "printed_on": today}


def document_data(services: Services, kind: str, ref: str) -> dict[str, Any]:
    from sotttt_desktop.services.one_stop_statistics import parse_period

    return statistics_data(services, kind, parse_period(ref))
