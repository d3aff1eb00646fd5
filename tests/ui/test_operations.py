"""Long operations off the GUI thread (ui/operations.py): a 5,000-row import commits on a worker
while the window keeps processing events, with progress; Cancel takes the import back; the
full database check and a backup run the same way."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog

from sotttt_desktop.errors import CancelledError
from sotttt_desktop.services import Services
from sotttt_desktop.ui.app import ui_settings
from sotttt_desktop.ui.main_window import MainWindow
from tests.services.test_changes import REGISTER, clean_csv
from tests.ui.walker import Answerer


def _import_dialog(qtbot, services: Services, tmp_path: Path, rows: int):  # noqa: ANN001, ANN202
    window = MainWindow(services, ui_settings())
    qtbot.addWidget(window)
    window.show()
    view = window.area_tab("publishing").register_views[0]
    dialog = view.import_file(str(clean_csv(tmp_path / "co-so-in.csv", rows)))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    assert dialog.preview is not None and dialog.preview.counts()["create"] == rows
    return window, view, dialog


@pytest.mark.usefixtures("heap_as_the_app_has_it")
def test_a_5000_row_commit_keeps_the_window_answering(qtbot, services: Services,  # noqa: ANN001
                                                      tmp_path: Path) -> None:
    _window, view, dialog = _import_dialog(qtbot, services, tmp_path, 5_000)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    progress: list[int] = []
    timer.start()
    started = time.perf_counter()
    operation = dialog.commit()
    assert not operation.done  # the commit returned at once: the worker writes
    operation.task.progressed.connect(lambda done, _total: progress.append(done))
    qtbot.waitUntil(lambda: operation.done, timeout=120_000)
    took = time.perf_counter() - started
    timer.stop()
    assert operation.error is None and dialog.committed
    assert "5000 thêm mới" in dialog.summary.text().replace(".", "")
    # the GUI thread ran its timer all along: a commit on the GUI thread would be one pause as
    # long as the commit; a loaded machine may delay a tick a little, so the bound is relative
    during = [t for t in ticks if t >= started]
    assert len(during) >= max(5, int(took / 0.1))
    gaps = [b - a for a, b in zip(during, during[1:], strict=False)]
    assert max(gaps, default=0) < max(0.5, took / 3), (took, max(gaps))
    assert progress and progress[-1] == 5_000  # progress arrived on the GUI thread
    assert services.registers.count(REGISTER) == 5_000
    qtbot.waitUntil(lambda: view.model.rowCount() == 5_000)  # the tab refreshed itself


def test_cancel_takes_the_import_back(qtbot, services: Services, tmp_path: Path,  # noqa: ANN001
                                      monkeypatch) -> None:  # noqa: ANN001
    import sotttt_desktop.services.register_files as register_files

    monkeypatch.setattr(register_files, "BATCH_ROWS", 100)
    monkeypatch.setattr(register_files, "MIN_BATCH_ROWS", 100)
    _window, view, dialog = _import_dialog(qtbot, services, tmp_path, 1_000)
    operation = dialog.commit()
    # the clerk presses Cancel as soon as the first batch is written
    operation.task.progressed.connect(lambda _d, _t: operation.cancel_button.click())
    qtbot.waitUntil(lambda: operation.done, timeout=60_000)
    assert isinstance(operation.error, CancelledError)
    assert "đã hủy" in dialog.summary.text()
    assert not dialog.committed and dialog.commit_button.isEnabled()  # may be tried again
    assert services.registers.count(REGISTER) == 0
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)  # the batch shown, then taken back


def test_the_full_check_runs_on_a_worker(qtbot, services: Services, tmp_path: Path) -> None:  # noqa: ANN001
    window = MainWindow(services, ui_settings())
    qtbot.addWidget(window)
    window.show()
    answerer = Answerer(tmp_path).start()
    try:
        window.findChild(type(window.menuBar().actions()[0]), "action_check").trigger()
        operation = window.last_operation
        assert isinstance(operation.dialog, QProgressDialog)
        qtbot.waitUntil(lambda: operation.done, timeout=60_000)
        qtbot.waitUntil(lambda: bool(answerer.seen), timeout=10_000)
    finally:
        answerer.stop()
    assert operation.error is None and operation.result.ok
    assert "Không phát hiện lỗi" in answerer.seen[0][2]


def _answer_question(qtbot, answer: str, seen: list[str]) -> None:  # noqa: ANN001
    """Click `answer` ("Yes"/"No") in the next question box, noting its text."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    deadline = time.monotonic() + 30

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if time.monotonic() < deadline:  # never left polling into a later test's box
                QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        box.button(getattr(QMessageBox.StandardButton, answer)).click()
    QTimer.singleShot(20, click)


def test_closing_the_window_during_an_import_asks_and_then_writes_nothing(
        qtbot, services: Services, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    import sotttt_desktop.services.register_files as register_files

    monkeypatch.setattr(register_files, "BATCH_ROWS", 100)
    monkeypatch.setattr(register_files, "MIN_BATCH_ROWS", 100)
    window, _view, dialog = _import_dialog(qtbot, services, tmp_path, 1_000)
    operation = dialog.commit()
    seen: list[str] = []
    closed: list[bool] = []
    asked: list[bool] = []

    def close_now(_done: int, _total: int) -> None:
        # progress arrives again while the question is open (a nested event loop): ask once
        if asked:
            return
        asked.append(True)
        # first the clerk says No: the window stays and the import goes on
        _answer_question(qtbot, "No", seen)
        closed.append(window.close())
    operation.task.progressed.connect(close_now)
    qtbot.waitUntil(lambda: bool(closed), timeout=60_000)
    assert closed == [False] and window.isVisible() and "đang chạy" in seen[0]
    qtbot.waitUntil(lambda: operation.done, timeout=60_000)
    assert operation.error is None and services.registers.count(REGISTER) == 1_000

    # a second import of other rows, closed with Yes: cancelled, taken back, the window closes
    dialog2 = window.area_tab("publishing").register_views[0].import_file(
        str(clean_csv(tmp_path / "khac.csv", 1_000, start=5_000)))
    qtbot.addWidget(dialog2)
    qtbot.waitUntil(lambda: not dialog2.busy, timeout=60_000)
    operation2 = dialog2.commit()
    answered: list[bool] = []

    def close_yes(_done: int, _total: int) -> None:
        if answered:
            return
        answered.append(True)
        _answer_question(qtbot, "Yes", seen)
        window.close()
    operation2.task.progressed.connect(close_yes)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=60_000)
    assert operation2.task.wait(30)
    assert services.registers.count(REGISTER) == 1_000  # the second import wrote nothing


def test_work_outliving_the_widget_that_asked_for_it_delivers_nothing(qtbot) -> None:  # noqa: ANN001
    """A widget destroyed while its worker runs (a window closed at the end of a walk): the
    worker is asked to stop, reports into no deleted object, and no callback runs."""
    import threading

    from PySide6.QtWidgets import QWidget

    from sotttt_desktop.ui.background import run_in_background

    release = threading.Event()
    delivered: list[object] = []

    def work(report, cancelled: threading.Event) -> str:  # noqa: ANN001
        release.wait(10)
        report(1, 2)  # into the task: never into a deleted object
        return "stopped" if cancelled.is_set() else "finished"

    asker = QWidget()
    task = run_in_background(work, parent=asker, on_done=delivered.append,
                             on_error=delivered.append,
                             on_progress=lambda d, t: delivered.append((d, t)))
    asker.deleteLater()
    qtbot.waitUntil(lambda: task.orphaned, timeout=5_000)
    release.set()
    assert task.wait(10)
    qtbot.wait(100)  # the queued signals arrive, and are dropped
    assert task.cancelled.is_set() and delivered == []
