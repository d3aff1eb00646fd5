"""Working days and statutory due dates (REFERENCE.md §2.7, §5.3; DESIGN §5).

A day is a working day unless it is a Saturday or Sunday, a statutory holiday or a substituted
day off (the `holidays` package, pinned), or an administrator's extra day off; a make-up Saturday
(from the package or the administrator) is a working day. The administrator's table wins.

Due dates:
- the clock starts from the *effective receipt day*: the day of receipt if it is a working day and
  the dossier came in by the cut-off hour (15:00, configurable), else the next working day;
- day 1 is the day after it (Civil Code Art. 147);
- working days: the N-th working day after the effective receipt day;
- calendar days: effective receipt day + N; if that is not a working day, the next working day
  (Civil Code Art. 148);
- hours before an event (press conferences): the notice is due N hours before the event.
Each computation returns its explanation step by step, in the UI language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from sotttt_desktop.i18n import _, format_date

DEFAULT_CUTOFF = dt.time(15, 0)


class TimeUnit(StrEnum):
    WORKING_DAYS = "working_days"
    DAYS = "days"
    HOURS_BEFORE = "hours_before"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; a day the month lacks is its last (31/01 + 1 → 28/02)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def weekday_name(day: dt.date) -> str:
    names = (_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"),
             _("Saturday"), _("Sunday"))
    return names[day.weekday()]


def day_text(day: dt.date) -> str:
    """`thứ Hai 05/02/2024`."""
    return f"{weekday_name(day)} {format_date(day)}"


@dataclass
class WorkingCalendar:
    extra_off: dict[dt.date, str] = field(default_factory=dict)  # administrator: day → reason
    extra_work: dict[dt.date, str] = field(default_factory=dict)
    _years: dict[int, object] = field(default_factory=dict, repr=False)

    def _holidays(self, year: int):  # noqa: ANN202 - holidays.HolidayBase
        if year not in self._years:
            import holidays

            self._years[year] = holidays.country_holidays("VN", years=year, language="vi")
        return self._years[year]

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.extra_off:
            return False
        if day in self.extra_work:
            return True
        table = self._holidays(day.year)
        if day in getattr(table, "weekend_workdays", ()):
            return True
        return day.weekday() < 5 and day not in table

    def why_not_working(self, day: dt.date) -> str:
        if day in self.extra_off:
            return self.extra_off[day]
        name = self._holidays(day.year).get(day)
        if name:
            return str(name)
        return weekday_name(day)

    def next_working_day(self, day: dt.date) -> dt.date:
        day += dt.timedelta(days=1)
        while not self.is_working_day(day):
            day += dt.timedelta(days=1)
        return day


@dataclass(frozen=True)
class DueDate:
    received: dt.datetime | dt.date
    due: dt.date | dt.datetime
    explanation: list[str]


def moment_text(moment: dt.datetime | dt.date) -> str:
    """`thứ Hai 05/02/2024 lúc 10:00` (a date alone: without the time)."""
    if isinstance(moment, dt.datetime):
        return _("{day} at {time}").format(day=day_text(moment.date()),
                                           time=moment.strftime("%H:%M"))
    return day_text(moment)


def _effective_receipt(received: dt.datetime | dt.date, calendar: WorkingCalendar,
                       cutoff: dt.time | None, steps: list[str], start_text: str | None) -> dt.date:
    day = received.date() if isinstance(received, dt.datetime) else received
    when = moment_text(received)
    steps.append((start_text or _("Dossier received on {when}.")).format(when=when))
    if not calendar.is_working_day(day):
        effective = calendar.next_working_day(day)
        steps.append(_("That is not a working day ({reason}): it counts as received on the next "
                       "working day, {day}.").format(reason=calendar.why_not_working(day),
                                                     day=day_text(effective)))
        return effective
    if cutoff is not None and isinstance(received, dt.datetime) and received.time() > cutoff:
        effective = calendar.next_working_day(day)
        steps.append(_("Received after {cutoff}: it counts as received on the next working day, "
                       "{day}.").format(cutoff=cutoff.strftime("%H:%M"), day=day_text(effective)))
        return effective
    return day


def compute_due(received: dt.datetime | dt.date, amount: int, unit: TimeUnit | str,
                calendar: WorkingCalendar, *, cutoff: dt.time | None = DEFAULT_CUTOFF,
                start_text: str | None = None, due_label: str | None = None) -> DueDate:
    """The due date of a dossier received at `received` (local time) with a limit of `amount`.

    Other clocks (cases) name their start with `start_text` (a message with `{when}`), their
    end with `due_label` (instead of the dossier's "due for the result") and may have no cut-off
    hour (None)."""
    unit = TimeUnit(unit)
    if amount < 1:
        raise ValueError("the time limit must be at least 1")
    steps: list[str] = []
    if unit is TimeUnit.HOURS_BEFORE:
        raise ValueError("use notice_deadline() for limits in hours before an event")
    start = _effective_receipt(received, calendar, cutoff, steps, start_text)
    if unit is TimeUnit.WORKING_DAYS:
        steps.append(_("Time limit: {count} working days; day 1 is the working day after "
                       "{day}.").format(count=amount, day=format_date(start)))
        day = start
        counted = 0
        skipped: list[str] = []
        while counted < amount:
            day += dt.timedelta(days=1)
            if calendar.is_working_day(day):
                counted += 1
            elif day.weekday() < 5 or day in calendar.extra_off:  # weekends go without saying
                skipped.append(f"{format_date(day)} ({calendar.why_not_working(day)})")
        if skipped:
            steps.append(_("Not counted, days off: {days}.").format(days="; ".join(skipped)))
        text = (_("{label}: {day} (working day {count}).") if due_label
                else _("Due: {day} (working day {count})."))
        steps.append(text.format(label=due_label, day=day_text(day), count=amount))
        return DueDate(received, day, steps)
    end = start + dt.timedelta(days=amount)
    steps.append(_("Time limit: {count} days; day 1 is {first}, day {count} is {last}.").format(
        count=amount, first=format_date(start + dt.timedelta(days=1)), last=day_text(end)))
    due = end
    if not calendar.is_working_day(end):
        due = calendar.next_working_day(end)
        steps.append(_("{day} is not a working day ({reason}): the time limit ends on the next "
                       "working day.").format(day=format_date(end),
                                              reason=calendar.why_not_working(end)))
    text = _("{label}: {day}.") if due_label else _("Due: {day}.")
    steps.append(text.format(label=due_label, day=day_text(due)))
    return DueDate(received, due, steps)


def notice_deadline(event_at: dt.datetime, hours: int) -> DueDate:
    """A notice due `hours` before an event (press conference: 24 hours, Press Law Art. 41)."""
    deadline = event_at - dt.timedelta(hours=hours)
    steps = [
        _("Event on {day} at {time}.").format(day=day_text(event_at.date()),
                                               time=event_at.strftime("%H:%M")),
        _("The notice must arrive at least {hours} hours before: by {day} at {time}.").format(
            hours=hours, day=day_text(deadline.date()), time=deadline.strftime("%H:%M")),
    ]
    return DueDate(event_at, deadline, steps)
