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
