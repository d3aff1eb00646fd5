"""Unexpected errors in the window: one clear message with a reference number, the traceback
written to the log folder, and the application goes on.

Every write is one transaction in the services, so an exception in a slot leaves nothing
half-written: the transaction it interrupted was rolled back. Expected refusals (`AppError`) are
the services' own words and are shown as they are, without a reference number.
"""

from __future__ import annotations

import datetime as dt
import secrets
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from sotttt_desktop.errors import AppError
from sotttt_desktop.i18n import _
from sotttt_desktop.settings import logs_dir

LOG_NAME = "errors.log"


def reference_number(now: dt.datetime | None = None) -> str:
    """The prefix SC-, the date and time, then four random hex digits (e.g. SC-261204-173012-4F2A):
    unique enough to find the log entry, short enough to read out over the phone."""
    now = now or dt.datetime.now()
    return f"SC-{now:%y%m%d-%H%M%S}-{secrets.token_hex(2).upper()}"


def write_log(reference: str, kind: type[BaseException], error: BaseException,
              tb: TracebackType | None) -> Path | None:
    """Append the traceback to logs/errors.log; None when the log cannot be written."""
    path = logs_dir() / LOG_NAME
    text = "".join(traceback.format_exception(kind, error, tb))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"=== {reference} {dt.datetime.now().isoformat(timespec='seconds')} "
                     f"(thread {threading.current_thread().name})\n{text}\n")
    except OSError:
        return None
    return path


class ErrorHook:
    """Installed as sys.excepthook (PySide6 sends exceptions raised in slots there)."""

    def __init__(self) -> None:
        self.previous = sys.excepthook
        self.last_reference: str | None = None
        self.showing = False

    def install(self) -> ErrorHook:
        sys.excepthook = self
        threading.excepthook = lambda args: self(args.exc_type, args.exc_value,
                                                 args.exc_traceback)
        return self

    def message(self, error: BaseException, reference: str, log: Path | None) -> str:
        if isinstance(error, AppError):
            return str(error)
        where = _("The details were written to {path}.").format(path=log) if log else \
            _("The details could not be written to the log folder.")
        return _("Something unexpected went wrong; what you were doing was not saved, and "
                 "everything saved before is intact. You can go on working.\n\nReference number: "
                 "{reference}\n{where}\nGive the reference number to the administrator.").format(
            reference=reference, where=where)

    def __call__(self, kind: type[BaseException], error: BaseException,
                 tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self.previous(kind, error, tb)
            return
        reference = reference_number()
        log = None if isinstance(error, AppError) else write_log(reference, kind, error, tb)
        self.last_reference = reference
        sys.stderr.write(f"{reference}: {kind.__name__}: {error}\n")
        if self.showing or threading.current_thread() is not threading.main_thread():
            return  # one box at a time, and never from a worker thread
        from PySide6.QtWidgets import QApplication

        from sotttt_desktop.ui.qt_text import show_error

        self.showing = True
        try:
            show_error(QApplication.activeWindow(), self.message(error, reference, log), _("Unexpected error"))
        finally:
            self.showing = False
