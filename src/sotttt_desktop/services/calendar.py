"""The working calendar of this Department: the statutory one plus the administrator's table."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import delete, select

from sotttt_desktop.core import audit, clock
from sotttt_desktop.core.calendar import DueDate, TimeUnit, WorkingCalendar, compute_due
from sotttt_desktop.core.models import CalendarOverride
from sotttt_desktop.core.text import clean
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services


class CalendarService:
    def __init__(self, services: Services):
        self._services = services
        self._calendar: WorkingCalendar | None = None

    def calendar(self) -> WorkingCalendar:
        if self._calendar is None:
            with self._services.db.session() as session:
                rows = session.execute(select(CalendarOverride)).scalars().all()
            self._calendar = WorkingCalendar(
                extra_off={r.day: r.reason for r in rows if r.kind == "off"},
                extra_work={r.day: r.reason for r in rows if r.kind == "work"})
        return self._calendar

    def due(self, received: dt.datetime | dt.date, amount: int,
            unit: TimeUnit | str = TimeUnit.WORKING_DAYS) -> DueDate:
        now = clock.local_now()  # receipts are in local time
        moment = received if isinstance(received, dt.datetime) else dt.datetime.combine(
            received, dt.time())
        if moment > now + dt.timedelta(minutes=5):
            raise ValidationError(_("The receipt date cannot be in the future."))
        if amount < 1 or amount > 365:
            raise ValidationError(_("A time limit is between 1 and 365."))
        return compute_due(received, amount, unit, self.calendar())

    def overrides(self) -> list[dict]:
        with self._services.db.session() as session:
            rows = session.execute(select(CalendarOverride).order_by(CalendarOverride.day)
                                   ).scalars().all()
            return [{"day": r.day.isoformat(), "kind": r.kind, "reason": r.reason} for r in rows]

    def set_override(self, day: dt.date, kind: str | None, reason: str = "") -> None:
        """`off` or `work` on `day`; None removes the day's override. Audited."""
        self._services.require("admin", "administer")
        if kind not in ("off", "work", None):
            raise ValidationError(_("Choose one of: {choices}.").format(choices="off, work"))
        reason = clean(reason) or ""
        if kind and not reason:
            raise ValidationError(_("Give the reason (e.g. the decision that moved the day)."))
        with self._services.db.session(write=True) as session:
            session.execute(delete(CalendarOverride).where(CalendarOverride.day == day))
            if kind:
                session.add(CalendarOverride(day=day, kind=kind, reason=reason,
                                             created_by=self._services.actor.username))
            audit.append(session, username=self._services.actor.username,
                         action="calendar_override", entity_kind="calendar",
                         entity_id=day.isoformat(), summary=f"{day.isoformat()} {kind or '-'}",
                         after={"kind": kind, "reason": reason})
            session.commit()
        self._calendar = None
