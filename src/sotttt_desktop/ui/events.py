"""Letting Qt handle pending events from inside a long Python loop, safely.

Under PySide6 6.12 on CPython 3.11 every call of a static `void` method of QCoreApplication —
`processEvents`, `sendPostedEvents` — takes one reference from `None` (measured: -1.0 per call).
A loop that calls it a few tens of thousands of times brings `None`'s count to zero and the
process aborts ("Fatal Python error: none_dealloc", or "bool_dealloc" for `True`/`False`). The
same method of a `QEventLoop` instance does not. Use `process_events` instead of
`QApplication.processEvents` everywhere."""

from __future__ import annotations

from PySide6.QtCore import QEventLoop

_loop: QEventLoop | None = None


def process_events(max_ms: int | None = None) -> None:
    """Handle pending events (for at most `max_ms` milliseconds when given)."""
    global _loop
    if _loop is None:
        _loop = QEventLoop()
    if max_ms is None:
        _loop.processEvents()
    else:
        _loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, max_ms)
