"""The leaders' dashboard (issue #21): the on-time rate of the last months, the open dossiers by
area and state, overdue and at-risk dossiers by unit, open cases by clock and by officer, the
permits expiring — each a small GROUP BY on an indexed column, the whole under a second on the
scale-100 demo (bench/bench_reports.py). Each figure names the list behind it (`target`), which
the interface opens on a click. Rules are the desk's: a settled dossier is late when the local
day its clock stopped is after its due day; an open one is overdue when due before today."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, case, func, select

from sotttt_desktop.core import clock
from sotttt_desktop.core.cases.one_stop import (
    ACTIVE_STATES,
    CLOCK_IDLE_STATES,
    CLOCK_RUNNING_STATES,
)
from sotttt_desktop.core.models import CaseClock, CaseFile, Dossier, Permit
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import N_, _
from sotttt_desktop.services.one_stop_statistics import day_start_utc, local_day

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services

MONTHS = 12
EXPIRING_DAYS = 90
AT_RISK_DAYS = 3  # calendar days: a dossier or clock due within them is at risk
NOT_ASSIGNED = N_("Not assigned")
CASE_KINDS_SHOWN = 8  # the kinds with the most past-due, then running, clocks
# each chart's colours, as the dashboard draws them and the printed report too
COLOURS = {"on_time": ("#2e7d32", "#c62828"), "by_area": ("#1565c0", "#f9a825", "#2e7d32"),
           "by_unit": ("#c62828", "#f9a825"), "cases": ("#c62828", "#f9a825", "#1565c0"),
           "expiring": ("#6a1b9a",)}
# the open dossiers' states in three groups: with the Department, with the applicant, done
STATE_GROUPS = ((N_("Being processed"), CLOCK_RUNNING_STATES),
                (N_("Waiting for a supplement"), ("supplement_requested",)),
                (N_("Result ready or refused, not returned"),
                 tuple(s for s in CLOCK_IDLE_STATES if s in ("result_ready", "refused"))))


def open_by_area(rows: list[dict[str, Any]]) -> list[tuple[str, list[int]]]:
    """The open dossiers by area (most first), counted in the `STATE_GROUPS`."""
    areas: dict[str, list[int]] = {}
    for row in rows:
        counts = areas.setdefault(row["area"], [0] * len(STATE_GROUPS))
        for number, (_name, states) in enumerate(STATE_GROUPS):
            if row["state"] in states:
                counts[number] += row["count"]
    return sorted(areas.items(), key=lambda item: -sum(item[1]))


def _month_start(day: dt.date, back: int) -> dt.date:
    month = day.year * 12 + day.month - 1 - back
    return dt.date(month // 12, month % 12 + 1, 1)


class DashboardService:
    def __init__(self, services: Services):
        self._services = services

    def figures(self, today: dt.date | None = None) -> dict[str, Any]:
        """Everything the dashboard shows, in one call (a worker thread makes it)."""
        services = self._services
        services.require("reports", "view")
        today = today or clock.local_today()
        sees_dossiers = services.refusal("one_stop", "view") is None
        return {"today": today,
                "on_time": self.on_time_by_month(today) if sees_dossiers else None,
                "by_area_state": self.open_by_area_state() if sees_dossiers else None,
                "by_unit": self.overdue_by_unit(today) if sees_dossiers else None,
                "cases": self.cases_by_clock(),
                "officers": self.cases_by_officer(),
                "expiring": self.permits_expiring(today)}

    def on_time_by_month(self, today: dt.date) -> list[dict[str, Any]]:
        """Settled dossiers (result ready or refused) of each of the last `MONTHS` months:
        early or on time, late, and the rate."""
        start = _month_start(today, MONTHS - 1)
        day = local_day(Dossier.decided_at)
        query = (select(day, func.count(),
                        func.sum(case((day > Dossier.due_date, 1), else_=0)))
                 .where(Dossier.decided_at >= day_start_utc(start),
                        Dossier.state != "withdrawn")
                 .group_by(day))
        months = {_month_start(today, back).strftime("%Y-%m"): [0, 0]
                  for back in range(MONTHS - 1, -1, -1)}
        with self._services.db.reading() as conn:
            for settled_on, settled, late in conn.execute(query):
                key = str(settled_on)[:7]
                if key in months:
                    months[key][0] += settled
                    months[key][1] += int(late or 0)
        return [{"month": key, "settled": settled, "late": late, "on_time": settled - late,
                 "rate": round(100 * (settled - late) / settled, 1) if settled else None}
                for key, (settled, late) in months.items()]

    def open_by_area_state(self) -> list[dict[str, Any]]:
        query = (select(Dossier.area, Dossier.state, func.count())
                 .where(Dossier.state.in_(ACTIVE_STATES)).group_by(Dossier.area, Dossier.state))
        with self._services.db.reading() as conn:
            return [{"area": area, "state": state, "count": count}
                    for area, state, count in conn.execute(query)]

    def overdue_by_unit(self, today: dt.date) -> list[dict[str, Any]]:
        """Open dossiers whose clock runs, by the unit holding them: overdue, at risk."""
        soon = today + dt.timedelta(days=AT_RISK_DAYS)
        query = (select(Dossier.current_unit,
                        func.sum(case((Dossier.due_date < today, 1), else_=0)),
                        func.sum(case((and_(Dossier.due_date >= today,
                                            Dossier.due_date <= soon), 1), else_=0)))
                 .where(Dossier.state.in_(CLOCK_RUNNING_STATES), Dossier.due_date <= soon)
                 .group_by(Dossier.current_unit))
        units = self._services.dossiers.units()
        with self._services.db.reading() as conn:
            rows = [{"unit": unit or "", "name": units.get(unit or "", unit or "—"),
                     "overdue": int(overdue or 0), "at_risk": int(at_risk or 0)}
                    for unit, overdue, at_risk in conn.execute(query)]
        return sorted(rows, key=lambda row: (-row["overdue"], -row["at_risk"], row["name"]))

    def cases_by_clock(self) -> list[dict[str, Any]]:
        """Running clocks of open cases, by kind of case: overdue, at risk, running."""
        now = clock.utc_now()
        soon = now + dt.timedelta(days=AT_RISK_DAYS)
        query = (select(CaseFile.kind,
                        func.sum(case((CaseClock.due_at < now, 1), else_=0)),
                        func.sum(case((and_(CaseClock.due_at >= now, CaseClock.due_at <= soon),
                                       1), else_=0)),
                        func.count())
                 .join(CaseFile, CaseFile.id == CaseClock.case_id)
                 .where(CaseClock.status == "running", CaseFile.finished_at.is_(None))
                 .group_by(CaseFile.kind))
        from sotttt_desktop.core.cases import kinds

        specs = kinds()
        with self._services.db.reading() as conn:
            rows = [{"kind": kind, "area": specs[kind].area if kind in specs else "",
                     "label": specs[kind].label if kind in specs else kind,
                     "overdue": int(overdue or 0), "at_risk": int(at_risk or 0),
                     "running": int(running)}
                    for kind, overdue, at_risk, running in conn.execute(query)]
        return sorted(rows, key=lambda row: (-row["overdue"], -row["running"]))

    def cases_by_officer(self) -> list[dict[str, Any]]:
        """Open cases by the officer they are assigned to (and those not assigned), with how many
        are past a clock."""
        now = clock.utc_now()
        late = (select(CaseClock.case_id).where(CaseClock.status == "running",
                                                CaseClock.due_at < now).distinct()
                .scalar_subquery())
        query = (select(CaseFile.assigned_to, func.count(),
                        func.sum(case((CaseFile.id.in_(late), 1), else_=0)))
                 .where(CaseFile.finished_at.is_(None))
                 .group_by(CaseFile.assigned_to))
        from sotttt_desktop.core.models import User

        with self._services.db.reading() as conn:
            names = dict(conn.execute(select(User.username, User.full_name)).all())
            return [{"user": user, "name": names.get(user, user) if user else _(NOT_ASSIGNED),
                     "open": int(count), "overdue": int(overdue or 0)}
                    for user, count, overdue in conn.execute(query)]

    def permits_expiring(self, today: dt.date) -> list[dict[str, Any]]:
        """Valid permits whose term ends within `EXPIRING_DAYS`, by area and month."""
        until = today + dt.timedelta(days=EXPIRING_DAYS)
        query = (select(Permit.area, func.count())
                 .where(Permit.state == "valid", Permit.valid_until >= today,
                        Permit.valid_until <= until)
                 .group_by(Permit.area))
        with self._services.db.reading() as conn:
            return [{"area": area, "count": count, "until": until}
                    for area, count in conn.execute(query)]

    def late_in_month(self, month: str, limit: int = 500) -> list[dict[str, Any]]:
        """The dossiers settled late in `month` ("2024-11"): the list behind a month's bar."""
        self._services.require("one_stop", "view")
        year, number = (int(part) for part in month.split("-"))
        start = dt.date(year, number, 1)
        end = _month_start(start, -1)
        day = local_day(Dossier.decided_at)
        query = (select(Dossier.code, Dossier.procedure_name, Dossier.due_date,
                        Dossier.decided_at, Dossier.current_unit)
                 .where(Dossier.decided_at >= day_start_utc(start),
                        Dossier.decided_at < day_start_utc(end),
                        Dossier.state != "withdrawn", day > Dossier.due_date)
                 .order_by(Dossier.decided_at).limit(limit))
        with self._services.db.reading() as conn:
            return [{"code": code, "procedure_name": name, "due": due,
                     "decided_at": decided.replace(tzinfo=dt.UTC) if decided.tzinfo is None
                     else decided, "unit": unit}
                    for code, name, due, decided, unit in conn.execute(query)]


def document_data(services: Services, ref: str) -> dict[str, Any]:
    """The dashboard of today as a printed report (document kind "dashboard"): the figures,
    with the names of areas, units and kinds of case in Vietnamese. `ref`: "",
    "today" or today's date (the figures are today's: a past day's open dossiers are
    not kept)."""
    from sotttt_desktop.areas import AREAS
    from sotttt_desktop.i18n import in_language

    today = clock.local_today()
    if ref.strip().lower() not in ("", "today", "hôm nay", today.isoformat(),
                                   f"{today:%d/%m/%Y}"):
        raise ValidationError(_("The dashboard is printed as it is today, {day}: a past day's "
                                "open dossiers are not kept.").format(day=f"{today:%d/%m/%Y}"))
    figures = services.dashboard.figures(today)
    area_names = {a.key: in_language("vi", a.title) for a in AREAS}
    return {**figures, "printed_on": today,
            "state_groups": [in_language("vi", name) for name, _states in STATE_GROUPS],
            "by_area": ([[area_names.get(area, area), counts]
                         for area, counts in open_by_area(figures["by_area_state"])]
                        if figures["by_area_state"] is not None else None),
            "officers": [{**row, "name": row["name"] if row["user"] else
                          in_language("vi", NOT_ASSIGNED)} for row in figures["officers"]],
            "cases": [{**row, "label": in_language("vi", row["label"])}
                      for row in figures["cases"][:CASE_KINDS_SHOWN]],
            "expiring": [{**row, "name": area_names.get(row["area"], row["area"])}
                         for row in figures["expiring"]]}
