"""Shared by the child processes: report when a widget is first painted."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject

OPENS = 7  # a register (or the floor's table) is opened this many times; the median counts


class FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self.at is None:
            self.at = time.time()
        return False


def wait_for_paint(app, probe: FirstPaint, limit_s: float = 30.0) -> float:  # noqa: ANN001
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()  # QApplication.processEvents takes a reference from None on each call
    deadline = time.time() + limit_s  # under PySide6 6.12 (sotttt_desktop/ui/events.py)
    while probe.at is None and time.time() < deadline:
        loop.processEvents()
    assert probe.at is not None, "never painted"
    return probe.at


def time_open(app, window, build: Callable[[], tuple[Any, Any]]) -> tuple[float, Any]:  # noqa: ANN001
    """Seconds from `build()` (→ widget, its table) to the table's first paint as the window's
    central widget; and the widget."""
    started = time.perf_counter()
    widget, table = build()
    probe = FirstPaint()
    table.viewport().installEventFilter(probe)
    window.setCentralWidget(widget)
    wait_for_paint(app, probe)
    return time.perf_counter() - started, widget


def median_open(app, window, build: Callable[[], tuple[Any, Any]]) -> tuple[float, Any]:  # noqa: ANN001
    """The median of OPENS `time_open`s, and the last widget opened."""
    results = [time_open(app, window, build) for _ in range(OPENS)]
    return statistics.median(seconds for seconds, _widget in results), results[-1][1]


def time_scroll_to_end(app, table) -> float:  # noqa: ANN001
    started = time.perf_counter()
    table.scrollToBottom()
    probe = FirstPaint()
    table.viewport().installEventFilter(probe)
    table.viewport().update()
    wait_for_paint(app, probe)
    return time.perf_counter() - started
