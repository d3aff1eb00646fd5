"""Overdue / at risk / on time, in one place: every list that colours a row asks this."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sotttt_desktop.core.calendar import WorkingCalendar
from sotttt_desktop.i18n import N_, _

# the columns of a list of cases, on the screen and on the command line
LIST_HEADERS = (N_("Case code"), N_("Kind"), N_("State"), N_("Deadline"), N_("Due status"),
                N_("Subject"))
AT_RISK_WORKING_DAYS = 1  # due today or on the next working day
AT_RISK_HOURS = 4  # a clock in hours: due within this many hours
STATUS_LABELS = {"overdue": N_("overdue"), "at_risk": N_("at risk"), "on_time": N_("on time"),
                 "early": N_("early"), "late": N_("late"), "paused": N_("paused")}


@dataclass(frozen=True)
class ClockStatus:
    """`status`: overdue | at_risk | on_time for a running clock; early | on_time | late once
    done; paused. `left`: working days (a date) or whole hours (a moment) left, else None."""

    status: str
    left: int | None = None

    @property
    def label(self) -> str:
        return _(STATUS_LABELS[self.status])


def clock_status(due: dt.date | dt.datetime, now: dt.datetime, calendar: WorkingCalendar, *,
                 finished: dt.datetime | None = None, paused: bool = False) -> ClockStatus:
    """The status of a clock due at `due` (local), seen at `now` (local, naive)."""
    if isinstance(due, dt.datetime):
        if finished is not None:
            return ClockStatus("on_time" if finished <= due else "late")
        if paused:
            return ClockStatus("paused")
        if now > due:
            return ClockStatus("overdue", 0)
        hours = int((due - now).total_seconds() // 3600)
        return ClockStatus("at_risk" if hours < AT_RISK_HOURS else "on_time", hours)
    if finished is not None:
        done = finished.date()
        if done < due:
            return ClockStatus("early")
        return ClockStatus("on_time" if done == due else "late")
    if paused:
        return ClockStatus("paused")
    today = now.date()
    if today > due:
        return ClockStatus("overdue", 0)
    left = 0
    day = today
    while day < due:
        day += dt.timedelta(days=1)
        if calendar.is_working_day(day):
            left += 1
    return ClockStatus("at_risk" if left <= AT_RISK_WORKING_DAYS else "on_time", left)
