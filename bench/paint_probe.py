"""Shared by the child processes: report when a widget is first painted."""

from __future__ import annotations

import time

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
    deadline = time.time() + limit_s
    while probe.at is None and time.time() < deadline:
        app.processEvents()
    assert probe.at is not None, "never painted"
    return probe.at
