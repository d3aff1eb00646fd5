"""Pending events handled from a long loop do not wear `None` out (PySide6 6.12, CPython 3.11:
QApplication.processEvents takes a reference from None on every call)."""

from __future__ import annotations

import sys

from sotttt_desktop.ui.events import process_events


def test_process_events_leaves_none_alone(qapp) -> None:  # noqa: ANN001
    before = sys.getrefcount(None)
    for _ in range(20_000):
        process_events()
        process_events(1)
    assert abs(sys.getrefcount(None) - before) < 100  # the static method: −40,000 and an abort


def test_emitting_a_signal_leaves_true_and_none_alone(qapp) -> None:  # noqa: ANN001
    """PySide6 6.12.0's `Signal.emit` returned `True` without its reference: every emit wore
    `True` down by one, and a day of progress reports aborted the process ("bool_dealloc").
    pyproject.toml excludes that release; this fails on any binding that does it again."""
    from PySide6.QtCore import QObject, Signal

    class Reporter(QObject):
        progressed = Signal(int, int)
        succeeded = Signal(object)

    reporter = Reporter()
    reporter.progressed.connect(lambda _done, _total: None)
    before = sys.getrefcount(True), sys.getrefcount(None)
    for index in range(2_000):
        reporter.progressed.emit(index, 2_000)
        reporter.succeeded.emit(None)
    after = sys.getrefcount(True), sys.getrefcount(None)
    assert abs(after[0] - before[0]) < 100 and abs(after[1] - before[1]) < 100, (before, after)
