"""The overview at the top of an area's tab: its registers by state and by district, permits
expiring soon, dossiers due this week, cases past or near their deadline — a few grouped queries
on indexed columns."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from sotttt_desktop.core import clock
from sotttt_desktop.core.models import Dossier, Permit
from sotttt_desktop.core.models.dossier import still_open
from sotttt_desktop.services.registers import due_condition

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services

EXPIRING_DAYS = 60
DUE_DAYS = 7
CASES_LOOKED_AT = 50  # the soonest due of an area's running cases


class OverviewService:
    def __init__(self, services: Services):
        self._services = services

    def area(self, area: str, today: dt.date | None = None) -> dict[str, Any]:
        from sotttt_desktop.registers import all_registers

        services = self._services
        services.require(area, "view")
        today = today or clock.local_today()
        actor = services.actor
        registers = []
        with services.db.session() as session:
            mine = set(services.registers.of_area(area))
            for spec in all_registers().values():
                if spec.key not in mine:
                    continue
                model = spec.model
                scope = []
                if actor.district_scoped and spec.district_field:
                    scope.append(getattr(model, spec.district_field) == actor.district_code)
                by_state: dict[Any, int] = {}
                by_district: dict[Any, int] = {}
                if hasattr(model, "state"):
                    by_state = dict(session.execute(select(model.state, func.count())
                                                    .where(*scope).group_by(model.state)).all())
                if spec.district_field:
                    column = getattr(model, spec.district_field)
                    by_district = dict(session.execute(select(column, func.count())
                                                       .where(*scope).group_by(column)).all())
                total = session.execute(select(func.count()).select_from(model)
                                        .where(*scope)).scalar_one()
                entry = {"register": spec.key, "title": spec.title, "total": total,
                         "by_state": by_state, "by_district": by_district}
                if spec.count_by:  # e.g. the systems by approved level
                    column = getattr(model, spec.count_by)
                    entry["by_field"] = dict(session.execute(
                        select(column, func.count()).where(*scope).group_by(column)).all())
                if spec.due_watch is not None:  # e.g. masts whose inspection is due
                    watched = getattr(model, spec.due_watch.field)
                    due, overdue = session.execute(select(
                        func.count(), func.count().filter(watched < today)).where(
                        *scope, *due_condition(
                            spec, today + dt.timedelta(days=spec.due_watch.days)))).one()
                    entry["due"] = {"days": spec.due_watch.days, "count": due,
                                    "overdue": overdue}
                    if spec.due_watch.group_by:  # e.g. the tasks per lead agency
                        group = getattr(model, spec.due_watch.group_by)
                        entry["due"]["by"] = [
                            {"value": value, "count": count, "overdue": late}
                            for value, count, late in session.execute(select(
                                group, func.count(), func.count().filter(watched < today))
                                .where(*scope, *due_condition(
                                    spec, today + dt.timedelta(days=spec.due_watch.days)))
                                .group_by(group)
                                .order_by(func.count().filter(watched < today).desc(),
                                          func.count().desc(), group)).all()]
                registers.append(entry)
            permit_scope = [Permit.area == area]
            dossier_scope = [Dossier.area == area]
            if actor.district_scoped:
                permit_scope.append(Permit.district_code == actor.district_code)
                dossier_scope.append(Dossier.district_code == actor.district_code)
            expiring = session.execute(select(Permit.number, Permit.valid_until).where(
                *permit_scope, Permit.state == "valid", Permit.valid_until >= today,
                Permit.valid_until <= today + dt.timedelta(days=EXPIRING_DAYS))
                .order_by(Permit.valid_until)).all()
            due = session.execute(select(Dossier.code, Dossier.due_date).where(
                *dossier_scope, still_open(Dossier.state),
                Dossier.due_date <= today + dt.timedelta(days=DUE_DAYS))
                .order_by(Dossier.due_date)).all()
        from sotttt_desktop.services.area_rules import rule_in_force

        return {"area": area, "registers": registers, "cases_at_risk": self._cases_at_risk(area),
                "cases": self._services.cases.summary(area, today),
                "rule": rule_in_force(area, today), "today": today,
                "expiring_permits": [{"number": n, "valid_until": d} for n, d in expiring],
                "dossiers_due": [{"code": c, "due": d} for c, d in due],
                "expiring_days": EXPIRING_DAYS, "due_days": DUE_DAYS}

    def _cases_at_risk(self, area: str) -> list[dict[str, Any]]:
        """The area's running cases past their deadline or close to it, soonest due first
        (code, status, status text); empty where the area has no declared cases."""
        from sotttt_desktop.core.cases import kinds

        if not any(spec.area == area for spec in kinds().values()):
            return []
        return [{"code": c["code"], "status": c["status"], "status_text": c["status_text"]}
                for c in self._services.cases.list(area=area, limit=CASES_LOOKED_AT)
                if c["clock"] is not None and c["status"] in ("overdue", "at_risk")]
