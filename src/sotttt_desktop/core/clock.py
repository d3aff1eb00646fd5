"""The working clock: what "now" and "today" are for the work of the Department.

A real database runs on the real clock. A demo database is a training sandbox set inside the
period of the Decision it was built for: it stores its working date (`app_state.working_date`,
29/11/2024 by default) and runs on it — the date stays, the time of day is the real one — so due
dates, overdue lists and the dates printed on documents make sense for the years of its records.

The clock is the process's: the database opened last sets it (`Database.open`), a desktop opens
one database at a time. Record stamps (`created_at`) and the audit log keep the real time: they
say when something was really written.
"""

from __future__ import annotations

import datetime as dt

from sotttt_desktop.i18n import LOCAL_TZ

WORKING_DATE_KEY = "working_date"

_working_date: dt.date | None = None


def set_working_date(day: dt.date | None) -> None:
    """Run on `day` (a demo database), or on the real clock (None)."""
    global _working_date
    _working_date = day


def working_date() -> dt.date | None:
    """The assumed working date of a demo database; None on the real clock."""
    return _working_date


def local_now() -> dt.datetime:
    """Now, in the Department's local time, naive (as receipts and steps are kept)."""
    real = dt.datetime.now(LOCAL_TZ).replace(tzinfo=None)
    if _working_date is None:
        return real
    return dt.datetime.combine(_working_date, real.time())


def local_today() -> dt.date:
    return local_now().date()


def utc_now() -> dt.datetime:
    """Now as an aware UTC time, on the working clock."""
    return local_now().replace(tzinfo=LOCAL_TZ).astimezone(dt.UTC)
