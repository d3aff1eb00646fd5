"""Log-in, first run, forced password change, idle lock, user admin, audit viewer, roles."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from sotttt_desktop.services import Services
from sotttt_desktop.services.setup import initialise, open_services
from sotttt_desktop.settings import sqlite_location
from sotttt_desktop.ui.app import ui_settings
from sotttt_desktop.ui.dialogs.audit_dialog import AuditDialog
from sotttt_desktop.ui.dialogs.login_dialog import (
    ChangePasswordDialog,
    FirstRunDialog,
    LockDialog,
    LoginDialog,
)
from sotttt_desktop.ui.dialogs.roles_dialog import RolesDialog
from sotttt_desktop.ui.dialogs.users_dialog import UserFormDialog, UsersDialog
from sotttt_desktop.ui.idle_lock import IdleLock
from sotttt_desktop.ui.main_window import MainWindow
from tests.conftest import TEST_PASSWORD


def _login(qtbot, services: Services, user: str, password: str) -> LoginDialog:  # noqa: ANN001
    dialog = LoginDialog(lambda: services, "test.sqlite3")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, user)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    return dialog


def test_wrong_password_is_explained_in_vietnamese(qtbot, services: Services) -> None:  # noqa: ANN001
    dialog = _login(qtbot, services, "admin", "sai")
    assert dialog.actor is None
    assert dialog.error.text() == ("Sai tên đăng nhập hoặc mật khẩu. Sau 5 lần nhập sai mật khẩu "
                                   "liên tiếp, tài khoản phải chờ một thời gian mới được đăng "
                                   "nhập lại.")
    assert dialog.password.text() == ""  # cleared, focus back for the next try


def test_right_password_signs_in(qtbot, services: Services) -> None:  # noqa: ANN001
    dialog = _login(qtbot, services, "admin", TEST_PASSWORD)
    assert dialog.actor is not None and dialog.actor.username == "admin"


def test_first_run_creates_the_administrator(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    services = open_services(sqlite_location(initialise(
        sqlite_location(tmp_path / "first.sqlite3")).db.location.path))  # read-only, as the GUI
    assert not services.security.has_users()
    dialog = FirstRunDialog(services)
    qtbot.addWidget(dialog)
    dialog.full_name.setText("Nguyễn Quản Trị")
    dialog.password.setText("mat-khau-dai")
    dialog.repeat.setText("mat-khau-khac")
    dialog.create()
    assert "không khớp" in dialog.error.text() and not services.security.has_users()
    dialog.repeat.setText("mat-khau-dai")
    dialog.create()
    assert services.security.login("admin", "mat-khau-dai").can("admin", "administer")
    assert services.audit.verify().ok
    services.db.close()


def test_forced_password_change(qtbot, services: Services) -> None:  # noqa: ANN001
    services.security.add_user("moi", "Người Mới", "tam-thoi-1", ["viewer"])
    fresh = services.as_actor(services.security.login("moi", "tam-thoi-1"))
    dialog = ChangePasswordDialog(fresh, forced=True)
    qtbot.addWidget(dialog)
    dialog.old.setText("tam-thoi-1")
    dialog.new.setText("cua-rieng-toi")
    dialog.repeat.setText("cua-rieng-toi")
    dialog.change()
    assert dialog.actor is not None and not dialog.actor.must_change_password


def test_idle_lock_keeps_the_open_form_and_unlocks_with_the_password(
        qtbot, services: Services) -> None:  # noqa: ANN001
    actor = services.security.login("admin", TEST_PASSWORD)
    signed_in = services.as_actor(actor)
    window = MainWindow(signed_in, ui_settings())
    qtbot.addWidget(window)
    window.show()
    from sotttt_desktop.ui.dialogs.record_form import RecordFormDialog

    form = RecordFormDialog(signed_in, "parties", parent=window)
    form.show()
    form.set_text("name", "Công ty đang nhập dở")
    lock = IdleLock(signed_in, window, minutes=0.001)
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    assert isinstance(lock.dialog, LockDialog) and lock.dialog.isVisible()
    lock.dialog.password.setText("sai")
    lock.dialog.unlock()
    assert lock.locked and lock.dialog.error.text() == "Sai mật khẩu."
    lock.dialog.password.setText(TEST_PASSWORD)
    lock.dialog.unlock()
    assert not lock.locked
    assert form.isVisible() and form.raw_value("name") == "Công ty đang nhập dở"


def test_users_dialog_adds_a_user(qtbot, services: Services) -> None:  # noqa: ANN001
    dialog = UsersDialog(services)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    form = UserFormDialog(services, parent=dialog)
    qtbot.addWidget(form)
    form.username.setText("chuyen.vien")
    form.full_name.setText("Lê Văn Chuyên")
    form.password.setText("tam-thoi-99")
    form.role_boxes["specialist"].setChecked(True)
    form.save()
    assert "lĩnh vực" in form.error.text()  # a specialist needs an area
    form.area_boxes["press"].setChecked(True)
    form.save()
    dialog.reload()
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(1, 2).text() == "Chuyên viên"


def test_audit_viewer_filters_by_user(qtbot, services: Services) -> None:  # noqa: ANN001
    services.parties.add(kind="org", name="Công ty Theo Dõi")
    services.security.login("admin", TEST_PASSWORD)
    dialog = AuditDialog(services)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() >= 2
    dialog.user_filter.setText("admin")
    dialog.reload()
    assert dialog.table.rowCount() >= 1
    assert {dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())} == {"admin"}
    dialog.table.setCurrentCell(0, 0)


def test_roles_dialog_changes_a_grant(qtbot, services: Services) -> None:  # noqa: ANN001
    dialog = RolesDialog(services)
    qtbot.addWidget(dialog)
    row = dialog.rows.index(("directory", "export"))
    column = dialog.roles.index("viewer")
    dialog.table.item(row, column).setCheckState(Qt.CheckState.Checked)
    assert "directory:export" in services.security.matrix()["viewer"]["grants"]


@pytest.mark.parametrize(("role", "admin_visible", "can_add"), [
    ("viewer", False, False), ("one_stop_clerk", False, True), ("administrator", True, True)])
def test_the_window_shows_only_what_the_user_may_do(qtbot, services: Services, role: str,  # noqa: ANN001
                                                    admin_visible: bool, can_add: bool) -> None:
    services.security.add_user("nd1", "Người Dùng", "mat-khau-1", [role], must_change=False)
    signed_in = services.as_actor(services.security.login("nd1", "mat-khau-1"))
    window = MainWindow(signed_in, ui_settings())
    qtbot.addWidget(window)
    names = {a.objectName(): a for a in window.findChildren(type(window.menuBar().actions()[0]))}
    assert names["action_users"].isVisible() == admin_visible
    assert window.current_register().new_button.isEnabled() == can_add
    assert window.findChild(QLineEdit, "global_search") is not None


def test_the_audit_viewer_and_a_record_history_speak_words(qtbot, demo_services: Services) -> None:  # noqa: ANN001
    """No stored action ("return_result", "backup") or record id prefix in the columns."""
    from sotttt_desktop.services.audit_trail import ACTION_WORDS
    from sotttt_desktop.ui.dialogs.record_detail import history_lines

    if demo_services.db.location.path is not None:
        demo_services.backups.backup(kind="manual")
    dialog = AuditDialog(demo_services)
    qtbot.addWidget(dialog)
    actions = {dialog.table.item(row, 3).text() for row in range(dialog.table.rowCount())}
    records = {dialog.table.item(row, 4).text() for row in range(dialog.table.rowCount())}
    assert actions and not actions & set(ACTION_WORDS)
    assert "trả kết quả" in actions and "tiếp nhận hồ sơ" in actions
    assert all(not any(ch.isdigit() for ch in record) for record in records)  # kinds, not ids
    party = demo_services.parties.add(kind="org", name="Công ty TNHH Lịch Sử",
                                      tax_code="3709998887")
    lines = history_lines(demo_services, "parties", party["id"])
    assert any("thêm mới" in line for line in lines) and not any(": create" in line
                                                                  for line in lines)
    # a printed result document is named as the Department names it, not by its template key
    permit = next(p for p in demo_services.permits.list() if p["state"] == "valid")
    demo_services.documents.render("permit", permit["reference"])
    lines = history_lines(demo_services, "parties", uuid.UUID(permit["holder_id"]))
    printed = [line for line in lines if permit["reference"] in line and "—" in line]
    assert printed and all(" permit " not in line for line in printed)
    assert any("Văn bản kết quả của thủ tục" in line for line in printed)
