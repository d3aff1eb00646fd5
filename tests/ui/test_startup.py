"""The real start-up path (ui.app.sign_in) offscreen: healthy, first run, and damaged files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from sotttt_desktop.services.setup import initialise, open_services
from sotttt_desktop.settings import sqlite_location
from sotttt_desktop.ui.app import application, sign_in
from sotttt_desktop.ui.dialogs.login_dialog import FirstRunDialog, LoginDialog
from tests.conftest import TEST_ACTOR, TEST_PASSWORD
from tests.services.test_backup_restore import _wreck_btree_pages


class Robot:
    """Answers whatever modal window is up, like a clerk would, and records what it saw."""

    GIVE_UP_S = 30  # a test that would hang fails instead: every dialog is closed

    def __init__(self, answers: dict[type, Callable]):
        import time

        self.answers = answers
        self.seen: list[str] = []
        self.deadline = time.monotonic() + self.GIVE_UP_S
        self.timer = QTimer()
        self.timer.setInterval(30)
        self.timer.timeout.connect(self.step)
        self.timer.start()

    def step(self) -> None:
        import time

        if time.monotonic() > self.deadline:
            self.seen.append("gave up")
            for window in QApplication.topLevelWidgets():
                if window.isVisible() and hasattr(window, "reject"):
                    window.reject()
            return
        widget = QApplication.activeModalWidget()
        if widget is None or not widget.isVisible():
            return
        for kind, answer in self.answers.items():
            if isinstance(widget, kind):
                self.seen.append(f"{type(widget).__name__}: {widget.windowTitle()}")
                answer(widget)
                return

    def stop(self) -> None:
        self.timer.stop()


def _sign(login: LoginDialog, user: str = "admin", password: str = TEST_PASSWORD) -> None:
    if login.error.text().startswith("Đang kiểm tra"):
        return
    login.username.setText(user)
    login.password.setText(password)
    login.try_login()


def _click(text: str) -> Callable[[QMessageBox], None]:
    def answer(box: QMessageBox) -> None:
        for button in box.buttons():
            if button.text() == text:
                button.click()
                return
    return answer


def test_a_healthy_database_signs_in(qtbot, db_path: Path) -> None:  # noqa: ANN001
    robot = Robot({LoginDialog: _sign})
    services = sign_in(application(), sqlite_location(db_path))
    robot.stop()
    assert services is not None and services.actor.username == "admin"
    services.db.close()


def test_an_empty_database_asks_for_the_administrator_first(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    location = sqlite_location(tmp_path / "moi.sqlite3")
    initialise(location).db.close()

    def first_run(dialog: FirstRunDialog) -> None:
        dialog.full_name.setText("Nguyễn Quản Trị")
        dialog.password.setText("mat-khau-dau-tien")
        dialog.repeat.setText("mat-khau-dau-tien")
        dialog.create()

    robot = Robot({FirstRunDialog: first_run,
                   LoginDialog: lambda d: _sign(d, "admin", "mat-khau-dau-tien")})
    services = sign_in(application(), location)
    robot.stop()
    assert services is not None and services.actor.can("admin", "administer")
    assert any("FirstRunDialog" in s for s in robot.seen)
    services.db.close()


def test_a_damaged_file_is_found_and_the_newest_good_backup_restored(qtbot, db_path: Path  # noqa: ANN001
                                                                     ) -> None:
    live = open_services(sqlite_location(db_path), actor=TEST_ACTOR)
    for i in range(40):
        live.parties.add(kind="org", name=f"Công ty Số {i}")
    live.backups.backup(kind="auto")
    live.db.close()
    _wreck_btree_pages(db_path)
    robot = Robot({QMessageBox: lambda box: (_click("Khôi phục")(box) if "hỏng" in box.text()
                                             and box.buttons() and len(box.buttons()) > 1
                                             else _click("Đồng ý")(box)),
                   LoginDialog: _sign})
    services = sign_in(application(), sqlite_location(db_path))
    robot.stop()
    assert services is not None, robot.seen
    assert services.registers.count("parties") == 40
    assert services.backups.restored_from() is not None
    assert list(db_path.parent.glob("*.replaced-*.sqlite3"))  # the damaged file, kept
    services.db.close()


def test_a_damaged_file_without_backup_is_left_untouched(qtbot, db_path: Path) -> None:  # noqa: ANN001
    _wreck_btree_pages(db_path)
    before = db_path.read_bytes()
    robot = Robot({QMessageBox: _click("Đồng ý"), LoginDialog: _sign})
    services = sign_in(application(), sqlite_location(db_path))
    robot.stop()
    assert services is None
    assert db_path.read_bytes() == before
