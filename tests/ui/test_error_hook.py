"""An unexpected error in the window: one Vietnamese message with a reference number, the
traceback in the log folder, and the application goes on."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from sotttt_desktop.ui.error_hook import ErrorHook


def test_an_unexpected_error_is_shown_with_a_reference_and_logged(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("SOTTTT_LOG_DIR", str(tmp_path / "logs"))
    shown: list[str] = []

    def read_and_close() -> None:
        for box in QApplication.topLevelWidgets():
            if isinstance(box, QMessageBox) and box.isVisible():
                shown.append(box.text())
                box.done(0)

    timer = QTimer()
    timer.timeout.connect(read_and_close)
    timer.start(30)
    hook = ErrorHook()
    try:
        raise KeyError("giay_phep")
    except KeyError:
        hook(*sys.exc_info())
    timer.stop()
    reference = hook.last_reference
    assert reference and reference.startswith("SC-")
    assert len(shown) == 1 and reference in shown[0]
    assert "chưa được lưu" in shown[0]  # what happened to the work, in Vietnamese
    log = (tmp_path / "logs" / "errors.log").read_text(encoding="utf-8")
    assert reference in log and "KeyError: 'giay_phep'" in log and "Traceback" in log
