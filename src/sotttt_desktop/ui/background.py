"""The one pattern for work off the GUI thread.

`run_in_background(fn, on_done, on_error, parent)` runs `fn()` in a Python thread and calls
`on_done(result)` or `on_error(exception)` later on the GUI thread, through a queued signal. The
GUI thread never waits for the worker: nothing is blocked while it runs, and a worker cannot
deadlock the window (the freeze of issue #15: the GUI thread waited for a thread whose `quit` was
queued to the GUI thread). `wait()` is for closing the window, when waiting is what the user asked.

A worker uses its own database connections (the services open one per session); it must not
touch widgets — `on_progress(done, total)` is the way to report progress to them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

_LIVE: set[BackgroundTask] = set()  # a running task is kept alive even without a parent


class BackgroundTask(QObject):
    """One call running in a worker thread; its signals arrive on the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(self, fn: Callable[..., Any], parent: QObject | None = None, *,
                 with_progress: bool = False):
        super().__init__(parent)
        self._fn = fn
        self._with_progress = with_progress
        self._thread = threading.Thread(target=self._run, name="sotttt-background", daemon=True)
        self.cancelled = threading.Event()
        self.finished = False
        self.orphaned = False  # the object that asked for it is gone: deliver nothing

    @Slot()
    def orphan(self) -> None:
        """The asking widget was destroyed while the work ran: stop it where it is safe and
        deliver nothing to callbacks that would touch deleted widgets."""
        self.orphaned = True
        self.cancelled.set()

    def start(self) -> BackgroundTask:
        _LIVE.add(self)
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            if self._with_progress:
                result = self._fn(self._report_progress, self.cancelled)
            else:
                result = self._fn()
        except BaseException as error:  # noqa: BLE001 - delivered to the GUI thread, not lost
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)

    def _report_progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the worker ends (closing the window only). True when it has ended."""
        if self._thread.ident is not None:
            self._thread.join(timeout)
        return not self._thread.is_alive()


class _Relay(QObject):
    """Receives a task's signals on the GUI thread (a QObject method, so the connection is
    queued to the thread this object lives in) and calls the plain Python callbacks."""

    def __init__(self, task: BackgroundTask, on_done: Callable[[Any], None] | None,
                 on_error: Callable[[BaseException], None] | None,
                 on_progress: Callable[[int, int], None] | None):
        super().__init__(task)
        self._task = task
        self._on_done, self._on_error, self._on_progress = on_done, on_error, on_progress
        task.succeeded.connect(self.done)
        task.failed.connect(self.error)
        task.progressed.connect(self.progress)

    @Slot(object)
    def done(self, result: object) -> None:
        self._task.finished = True
        _LIVE.discard(self._task)
        if self._on_done is not None and not self._task.orphaned:
            self._on_done(result)

    @Slot(object)
    def error(self, error: object) -> None:
        self._task.finished = True
        _LIVE.discard(self._task)
        if self._task.orphaned:
            return
        if self._on_error is not None:
            self._on_error(error)  # type: ignore[arg-type]
        elif isinstance(error, BaseException):
            raise error  # to the application's error hook: shown, logged, the app goes on

    @Slot(int, int)
    def progress(self, done: int, total: int) -> None:
        if self._on_progress is not None and not self._task.orphaned:
            self._on_progress(done, total)


def run_in_background(fn: Callable[..., Any], *, parent: QObject | None = None,
                      on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[BaseException], None] | None = None,
                      on_progress: Callable[[int, int], None] | None = None) -> BackgroundTask:
    """Start `fn` off the GUI thread. With `on_progress`, `fn` is called as
    `fn(report(done, total), cancelled_event)`."""
    # the task is nobody's Qt child: a worker must never emit on an object deleted with the
    # widget that asked for it (that crashed the window later, in another dialog's event loop);
    # _LIVE keeps it until it ends, and the asker's end makes it an orphan
    task = BackgroundTask(fn, None, with_progress=on_progress is not None)
    _Relay(task, on_done, on_error, on_progress)
    if parent is not None:
        parent.destroyed.connect(task.orphan)
    return task.start()
