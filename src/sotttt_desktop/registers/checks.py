"""Rules across fields that several registers share (their `checks`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sotttt_desktop.core import clock
from sotttt_desktop.i18n import _


def not_in_future(values: dict[str, Any], names: Iterable[str]) -> dict[str, str]:
    """What was found, sent, broadcast or started has happened: not after now (the working
    clock, a few minutes' grace for a slow clock)."""
    now = clock.local_now().replace(tzinfo=None) + dt.timedelta(minutes=5)
    errors: dict[str, str] = {}
    for name in names:
        value = values.get(name)
        if isinstance(value, dt.datetime) and value > now:
            errors[name] = _("This moment is in the future: write when it happened.")
        elif isinstance(value, dt.date) and not isinstance(value, dt.datetime) \
                and value > now.date():
            errors[name] = _("This date is in the future: write when it happened.")
    return errors


def working_days_after(services: Any, start: dt.date, days: int) -> dt.date:  # noqa: ANN401
    """The day `days` working days after `start` on the Department's calendar (an answer or a
    forward due)."""
    from sotttt_desktop.core.calendar import TimeUnit, compute_due

    return compute_due(start, days, TimeUnit.WORKING_DAYS, services.calendar.calendar(),
                       cutoff=None).due
