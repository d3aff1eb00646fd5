"""The generic case engine: a step's state rule and what it does to each declared clock.

Pure functions over a `CaseSpec`, the case's state and its clocks; no database, no Qt. Every
clock change appends its explanation (in the UI language) step by step; working-day arithmetic
is `core.calendar`'s. Illegal steps raise `ValidationError` with the reason, changing nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from sotttt_desktop.core.calendar import (
    TimeUnit,
    WorkingCalendar,
    add_months,
    compute_due,
    day_text,
    moment_text,
)
from sotttt_desktop.core.cases.spec import (
    OPEN,
    CaseSpec,
    CaseStep,
    Clock,
    ClockUnit,
    Extension,
    Limit,
    StepWindow,
)
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import N_, _, format_date

Moment = dt.datetime | dt.date
DEFAULT_START = N_("The time limit starts on {when}.")
UNIT_LABELS = {ClockUnit.WORKING_DAYS: N_("working days"), ClockUnit.DAYS: N_("days"),
               ClockUnit.HOURS: N_("hours"), ClockUnit.MONTHS: N_("months"),
               ClockUnit.FIXED_DATE: N_("fixed date")}


@dataclass(frozen=True)
class ClockState:
    """One clock of one case: `status` idle | running | paused | stopped; `due` a date (days)
    or a local datetime (hours); `remaining` the units left while paused."""

    key: str
    status: str = "idle"
    unit: str = ""
    started: dt.datetime | None = None
    due: Moment | None = None
    remaining: int | None = None
    stopped: dt.datetime | None = None
    extensions: tuple[dict[str, Any], ...] = ()
    explanation: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "status": self.status, "unit": self.unit,
                "started": _iso(self.started), "due": _iso(self.due),
                "remaining": self.remaining, "stopped": _iso(self.stopped),
                "extensions": list(self.extensions), "explanation": list(self.explanation)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ClockState:
        due = data.get("due")
        return cls(key=data["key"], status=data["status"], unit=data.get("unit", ""),
                   started=_parse(data.get("started")),
                   due=(_parse(due) if due and "T" in due
                        else dt.date.fromisoformat(due) if due else None),
                   remaining=data.get("remaining"), stopped=_parse(data.get("stopped")),
                   extensions=tuple(data.get("extensions") or ()),
                   explanation=tuple(data.get("explanation") or ()))


@dataclass(frozen=True)
class StepInput:
    moment: dt.datetime  # local time
    reason: str = ""
    decision: str = ""
    amount: int | None = None  # an extension's length
    new_due: dt.date | None = None  # a chosen-date extension (re-appointment)
    variant: str | None = None  # a classifying step's choice


@dataclass
class Outcome:
    state: str
    variant: str
    clocks: dict[str, ClockState]
    changed: list[str] = field(default_factory=list)  # the clocks this step changed


def _iso(value: Moment | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def compute(clock: Clock, limit: Limit, start: dt.datetime, calendar: WorkingCalendar,
            start_text: str | None = None) -> tuple[Moment, list[str]]:
    """The due moment of a clock started at `start` (local) and its explanation."""
    text = start_text or _(clock.start_text or DEFAULT_START)
    if limit.unit in (ClockUnit.WORKING_DAYS, ClockUnit.DAYS):
        result = compute_due(start, limit.amount, TimeUnit(limit.unit.value), calendar,
                             cutoff=clock.cutoff, start_text=text,
                             due_label=_(clock.due_label) if clock.due_label else None)
        return result.due, list(result.explanation)
    lines = [text.format(when=moment_text(start))]
    if limit.unit is ClockUnit.MONTHS:
        due, more = _months_later(start.date(), limit.amount, calendar)
        return due, [*lines, *more, _("{label}: {day}.").format(label=_label(clock),
                                                               day=day_text(due))]
    if limit.unit is ClockUnit.HOURS:
        due = start + dt.timedelta(hours=limit.amount)
        lines.append(_("Time limit: {count} hours.").format(count=limit.amount))
        lines.append(_("{label}: {day}.").format(label=_label(clock), day=moment_text(due)))
        return due, lines
    fixed = dt.date(start.year, limit.month, limit.day)
    lines.append(_("Fixed date: by {date} of the year.").format(
        date=f"{limit.day:02d}/{limit.month:02d}"))
    if fixed < start.date():
        passed = fixed
        fixed = dt.date(start.year + 1, limit.month, limit.day)
        lines.append(_("{day} has passed: the date of the next year counts.").format(
            day=format_date(passed)))
    lines.append(_("{label}: {day}.").format(label=_label(clock), day=day_text(fixed)))
    return fixed, lines


def _months_later(start: dt.date, months: int, calendar: WorkingCalendar
                  ) -> tuple[dt.date, list[str]]:
    """The same day `months` later (the month's last day if it lacks that day); a day off
    moves it to the next working day."""
    day = add_months(start, months)
    lines = [_("Time limit: {count} months, to {day}.").format(count=months,
                                                              day=format_date(day))]
    if not calendar.is_working_day(day):
        moved = calendar.next_working_day(day)
        lines.append(_("{day} is not a working day ({reason}): the limit ends on the next "
                       "working day.").format(day=format_date(day),
                                              reason=calendar.why_not_working(day)))
        day = moved
    return day, lines


def _label(clock: Clock) -> str:
    return _(clock.due_label or N_("Deadline"))


def apply_step(spec: CaseSpec, state: str, variant: str, clocks: dict[str, ClockState],
               action: str, given: StepInput, calendar: WorkingCalendar,
               limits: dict[str, Limit] | None = None,
               windows: dict[str, StepWindow] | None = None) -> Outcome:
    """The state after `action` and every clock after it; raises on an illegal step.

    `limits` overrides declared limits where the case's own data sets them (a dossier's
    procedure sets its processing time); `windows` overrides a step's declared window (a sector
    law that gives its own time to ask for a supplement)."""
    step = spec.steps.get(action) if action != OPEN else None
    if action != OPEN:
        if step is None:
            raise ValidationError(_("Unknown action: {action}. Actions: {actions}.").format(
                action=action, actions=", ".join(spec.steps)))
        check_step(spec, state, action, step, given)
        window = (windows or {}).get(action) or step.window
        if window is not None:
            check_window(spec, clocks, window, given, calendar)
        target = step.target or state
    else:
        target = state
    previous = variant
    if step is not None and step.chooses_variant:
        variant = check_variant(spec, given.variant)
    elif step is not None and step.sets_variant is not None:
        variant = step.sets_variant
    outcome = Outcome(target, variant, dict(clocks))
    for clock in spec.clocks:
        current = outcome.clocks.get(clock.key, ClockState(clock.key))
        limit = (limits or {}).get(clock.key) or spec.limit(clock, variant)
        old_limit = (limits or {}).get(clock.key) or spec.limit(clock, previous)
        if variant != previous and limit != old_limit:
            after = _reclassified(clock, old_limit, limit, current, given, calendar)
            if after is not current:
                outcome.clocks[clock.key] = after
                outcome.changed.append(clock.key)
                continue
        after = _clock_step(spec, clock, variant, limit, current, action, target, given,
                            calendar)
        if after is not current:
            outcome.clocks[clock.key] = after
            outcome.changed.append(clock.key)
    return outcome


def _reclassified(clock: Clock, old: Limit, new: Limit, current: ClockState,
                  given: StepInput, calendar: WorkingCalendar) -> ClockState:
    """A running clock whose limit the new classification changes (a complaint found complex
    after its acceptance: 45 days, not 30) is counted again from its start with the new limit.
    A clock paused or extended on the way keeps what was done to it: a longer limit moves its
    due date by the difference, a shorter one leaves it."""
    if current.status != "running" or current.started is None or current.due is None:
        return current
    why = _("Classified on {when}: the time limit is {limit}.").format(
        when=moment_text(given.moment), limit=_unit_text(new.unit, new.amount))
    untouched, _lines = compute(clock, old, current.started, calendar)
    if not current.extensions and untouched == current.due:  # counted again from its start
        due, lines = compute(clock, new, current.started, calendar)
        return replace(current, due=due, unit=new.unit.value, explanation=(why, *lines))
    if new.unit != old.unit or new.unit in (ClockUnit.FIXED_DATE, ClockUnit.HOURS) or \
            new.amount < old.amount:  # paused or extended on the way: what was done stays
        return current
    due, lines = compute(clock, Limit(new.amount - old.amount, new.unit), _as_moment(
        current.due), calendar, start_text=_("Counted from the former due date, {when}."))
    return replace(current, due=due, explanation=(*current.explanation, why, *lines[1:]))


def _as_moment(value: Moment) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time(17))


def check_variant(spec: CaseSpec, variant: str | None) -> str:
    """"" is the plain case; any other name must be declared."""
    if variant is None or (variant and variant not in spec.variants):
        raise ValidationError(_("Choose the kind of case: {variants}.").format(
            variants=", ".join(["-", *spec.variants])))
    return variant


def check_step(spec: CaseSpec, state: str, action: str, step: CaseStep, given: StepInput) -> None:
    if state not in step.sources:
        raise ValidationError(_(spec.wrong_state_text).format(
            state=_(spec.states[state]), action=action, step=_(step.label),
            states=", ".join(_(spec.states[s]) for s in step.sources)))
    if step.needs_reason and not given.reason:
        raise ValidationError(_("Give the reason for this step ({action}).").format(
            action=_(step.label)))
    if step.needs_decision and not given.decision:
        raise ValidationError(_("Give the number of the decision for this step ({action}).")
                              .format(action=_(step.label)))


def window_days(spec: CaseSpec, clocks: dict[str, ClockState], window: StepWindow,
                calendar: WorkingCalendar) -> tuple[dt.date | None, dt.date | None]:
    """The last day a step may be taken by `within` of its clock's start and by `before_due`
    of its due date (None: no bound), in working days."""
    current = clocks.get(window.clock)
    clock = spec.clock(window.clock)
    within_day = before_day = None
    if current is not None and window.within and current.started is not None:
        due, _lines = compute(clock, Limit(window.within), current.started, calendar)
        within_day = due if not isinstance(due, dt.datetime) else due.date()
    if current is not None and window.before_due and current.due is not None:
        day = current.due if not isinstance(current.due, dt.datetime) else current.due.date()
        left = window.before_due
        while left > 0:
            day -= dt.timedelta(days=1)
            if calendar.is_working_day(day):
                left -= 1
        before_day = day
    return within_day, before_day


def check_window(spec: CaseSpec, clocks: dict[str, ClockState], window: StepWindow,
                 given: StepInput, calendar: WorkingCalendar) -> None:
    """Refuse a step taken after the last day the law allows it (the reason names the day and
    the legal basis)."""
    today = given.moment.date()
    for last in window_days(spec, clocks, window, calendar):
        if last is not None and today > last:
            raise ValidationError(_(window.text).format(day=format_date(last),
                                                        basis=window.basis,
                                                        within=window.within))


def _clock_step(spec: CaseSpec, clock: Clock, variant: str, limit: Limit, current: ClockState,
                action: str, target: str, given: StepInput, calendar: WorkingCalendar
                ) -> ClockState:
    moment = given.moment
    if action in clock.extend_on and current.status == "running":
        return extend(spec, clock, variant, current, given, calendar)
    if current.status in ("running", "paused") and (
            action in clock.stop_on or target in clock.stop_states):
        return replace(current, status="stopped", stopped=moment)
    if action in clock.restart_on and (current.status in ("running", "paused") or (
            current.status == "stopped" and action in clock.start_on)):
        # a clock that both starts and restarts on a step starts anew each time it is taken
        # (a complaint's settlement discontinued a second time: a new 30-day window)
        due, lines = compute(clock, limit, moment, calendar)
        restart = _(clock.restart_text or N_("Step “{step}”: the time limit starts again from "
                                             "zero.")).format(step=_(spec.steps[action].label))
        return ClockState(clock.key, "running", limit.unit.value, moment, due,
                          explanation=(restart, *lines))
    if action in clock.start_on and current.status == "idle":
        due, lines = compute(clock, limit, moment, calendar)
        return ClockState(clock.key, "running", limit.unit.value, moment, due,
                          explanation=tuple(lines))
    if action in clock.pause_on and current.status == "running":
        return pause(current, moment, calendar)
    if action in clock.resume_on and current.status == "paused":
        return resume(clock, current, moment, calendar)
    return current


def _unit_text(unit: ClockUnit | str, amount: int) -> str:
    return f"{amount} {_(UNIT_LABELS[ClockUnit(unit)])}"


def extend(spec: CaseSpec, clock: Clock, variant: str, current: ClockState, given: StepInput,
           calendar: WorkingCalendar) -> ClockState:
    rule: Extension | None = spec.extension(clock, variant)
    label = _(clock.label)
    if rule is None:
        raise ValidationError(_("The time limit “{clock}” of this case cannot be extended.")
                              .format(clock=label))
    if len(current.extensions) >= rule.times:
        text = rule.exhausted_text or N_("The time limit “{clock}” can be extended {times} "
                                         "time(s); that is used.")
        raise ValidationError(_(text).format(clock=label, times=rule.times))
    old = current.due
    assert old is not None
    number = len(current.extensions) + 1
    if rule.chosen_date:
        new = given.new_due
        old_day = old if not isinstance(old, dt.datetime) else old.date()
        if new is None or new <= old_day:
            raise ValidationError(_("The new return date must be after {due}.").format(
                due=format_date(old_day)))
        if new > old_day + dt.timedelta(days=rule.amount):
            raise ValidationError(_("An apology moves the return date by at most {days} "
                                    "days: to {day} at the latest.").format(
                days=rule.amount, day=format_date(old_day + dt.timedelta(days=rule.amount))))
        if not calendar.is_working_day(new):
            raise ValidationError(_("{day} is not a working day.").format(day=format_date(new)))
        due: Moment = new
        lines = [_("Apology letter: the return date moves from {old} to {new}. "
                   "Reason: {reason}").format(old=format_date(old_day), new=format_date(new),
                                              reason=given.reason)]
    else:
        amount = given.amount
        if amount is None or not 1 <= amount <= rule.amount:
            raise ValidationError(_("An extension of “{clock}” is 1 to {most}.").format(
                clock=label, most=_unit_text(rule.unit, rule.amount)))
        lines = [_("Extension {number} of at most {times} (decision {decision}): {length} "
                   "more, from the due date {due}.").format(
            number=number, times=rule.times, decision=given.decision,
            length=_unit_text(rule.unit, amount), due=moment_text(old))]
        if rule.unit is ClockUnit.MONTHS:
            old_day = old if not isinstance(old, dt.datetime) else old.date()
            due, more = _months_later(old_day, amount, calendar)
            lines += [*more, _("{label}: {day}.").format(label=_label(clock),
                                                         day=day_text(due))]
        elif rule.unit is ClockUnit.HOURS or isinstance(old, dt.datetime):
            base = old if isinstance(old, dt.datetime) else dt.datetime.combine(old, dt.time(17))
            due = base + dt.timedelta(hours=amount if rule.unit is ClockUnit.HOURS
                                      else 24 * amount)
            lines.append(_("{label}: {day}.").format(label=_label(clock), day=moment_text(due)))
        else:
            result = compute_due(old, amount, TimeUnit(rule.unit.value), calendar, cutoff=None,
                                 start_text=_("Counted from the former due date, {when}."),
                                 due_label=_label(clock))
            due = result.due
            lines += result.explanation[1:]
    record = {"number": number, "decision": given.decision, "reason": given.reason,
              "amount": given.amount, "due_before": _iso(old), "due_after": _iso(due),
              "at": given.moment.isoformat()}
    return replace(current, due=due, extensions=(*current.extensions, record),
                   explanation=(*current.explanation, *lines))


def pause(current: ClockState, moment: dt.datetime, calendar: WorkingCalendar) -> ClockState:
    """Time from now until resumed does not count: keep what is left of the limit."""
    due = current.due
    assert due is not None
    unit = ClockUnit(current.unit)
    if unit is ClockUnit.HOURS:
        assert isinstance(due, dt.datetime)
        left = max(0, int((due - moment).total_seconds() // 3600))
    elif unit is ClockUnit.WORKING_DAYS:
        day, left = moment.date(), 0
        while day < due:
            day += dt.timedelta(days=1)
            left += calendar.is_working_day(day)
    else:
        left = max(0, (due - moment.date()).days)  # type: ignore[operator]
    line = _("Paused on {when}: {left} remain.").format(when=moment_text(moment),
                                                        left=_unit_text(unit, left))
    return replace(current, status="paused", remaining=left,
                   explanation=(*current.explanation, line))


def resume(clock: Clock, current: ClockState, moment: dt.datetime,
           calendar: WorkingCalendar) -> ClockState:
    left = current.remaining or 0
    unit = ClockUnit(current.unit)
    text = _("Resumed on {when}: the remaining {left} run again.").format(
        when="{when}", left=_unit_text(unit, left))
    if left < 1:
        due: Moment = moment if unit is ClockUnit.HOURS else moment.date()
        lines = [text.format(when=moment_text(moment)),
                 _("{label}: {day}.").format(label=_label(clock), day=moment_text(due))]
    else:
        due, lines = compute(clock, Limit(left, unit), moment, calendar, start_text=text)
    return replace(current, status="running", remaining=None, due=due,
                   explanation=(*current.explanation, *lines))
