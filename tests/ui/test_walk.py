"""The walking test: the real main window, signed in by keystrokes as each demo role, every tab
visited, every enabled button and menu action pressed, dialogs answered, across the first
automatic backup; then a clerk's day end to end (receive, appraise, approve, issue, print to a
PDF printer, suspend), lock and unlock, switch user.

It fails on an exception raised in any slot (pytest-qt), on the GUI thread stalling over
`STALL_LIMIT_S` (a heartbeat), on a frozen window (a watchdog ends the run) and on any refusal
for lack of rights after the window offered the action (every PermissionDeniedError is
recorded). It caught the freeze after the automatic backup, the dead Print button and the dead
"Issue the result…" button of issue #15 (each fix reverted once: see the issue's note).
"""

from __future__ import annotations

from pathlib import Path
from types import NoneType

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QTableView, QTabWidget, QWidget

from sotttt_desktop.errors import PermissionDeniedError
from sotttt_desktop.services import Services
from sotttt_desktop.services.demo import DEMO_PASSWORD, DEMO_USERS
from sotttt_desktop.ui import data_safety
from sotttt_desktop.ui.app import open_main_window, ui_settings
from sotttt_desktop.ui.dialogs.login_dialog import LockDialog, LoginDialog
from sotttt_desktop.ui.idle_lock import COVER_COLOUR
from sotttt_desktop.ui.main_window import MainWindow
from tests.permit_samples import SAMPLES
from tests.ui.walker import STALL_LIMIT_S, Answerer, Heartbeat

pytestmark = pytest.mark.usefixtures("heap_as_the_app_has_it")

ROLES = [user[0] for user in DEMO_USERS]
CLOSING = {"Đóng", "Close"}  # pressed last, by close_other_windows
# pressed by the scripted parts, not by the walk: they end the session or need a password
NOT_WALKED = {"action_quit", "action_switch_user", "action_lock", "action_restore",
              "action_password"}


@pytest.fixture
def refusals(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every refusal for lack of rights raised while the test runs."""
    seen: list[str] = []
    original = PermissionDeniedError.__init__

    def recording(self: PermissionDeniedError, *args: object) -> None:
        seen.append(str(args[0]) if args else "")
        original(self, *args)

    monkeypatch.setattr(PermissionDeniedError, "__init__", recording)
    return seen


def sign_in_by_keys(qtbot, services: Services, username: str) -> Services:  # noqa: ANN001
    login = LoginDialog(lambda: services, "demo.sqlite3")
    qtbot.addWidget(login)
    login.show()
    qtbot.keyClicks(login.username, username)
    qtbot.keyClicks(login.password, DEMO_PASSWORD)
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    assert login.actor is not None, login.error.text()
    return services.as_actor(login.actor)


def open_window(qtbot, services: Services, username: str) -> MainWindow:  # noqa: ANN001
    window = open_main_window(sign_in_by_keys(qtbot, services, username), ui_settings())
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return window


def close_other_windows(window: QWidget) -> None:
    for other in QApplication.topLevelWidgets():
        if other is not window and other.isVisible() and not isinstance(other, LockDialog):
            other.close()


def wait_for_operations(qtbot, window: QWidget) -> None:  # noqa: ANN001
    """As a person does: an export or a check started by a press runs to its end (its progress
    dialog shows meanwhile) before the next press; closing the window would stop it."""
    running = getattr(window, "running_operations", None)
    if running is not None:
        qtbot.waitUntil(lambda: not running(), timeout=120_000)


def press_every_button(qtbot, page: QWidget, window: QWidget, heartbeat: Heartbeat,  # noqa: ANN001
                       depth: int = 0) -> int:
    """Select the first row of each list, then press each enabled button the page shows; a
    window that a button opens beside (a preview, a batch print) is walked the same way."""
    for table in page.findChildren(QTableView):
        if table.isVisible() and table.model() is not None and table.model().rowCount() > 0:
            table.selectRow(0)
    pressed = 0
    for button in page.findChildren(QPushButton):
        if not (button.isVisible() and button.isEnabled()) or button.menu() is not None \
                or (depth and button.text() in CLOSING):
            continue
        before = set(QApplication.topLevelWidgets())
        heartbeat.mark(f"pressing “{button.text()}” in {page.objectName() or type(page).__name__}")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.wait(20)
        wait_for_operations(qtbot, window)
        if depth == 0:
            for opened in set(QApplication.topLevelWidgets()) - before:
                if opened.isVisible() and not isinstance(opened, LockDialog):
                    pressed += press_every_button(qtbot, opened, window, heartbeat, depth + 1)
                    background = getattr(opened, "preparing", False)
                    if background:  # a batch being prepared: let it end, then use it
                        qtbot.waitUntil(lambda w=opened: not w.preparing, timeout=30_000)
                        pressed += press_every_button(qtbot, opened, window, heartbeat, depth + 1)
            close_other_windows(window)
        pressed += 1
    return pressed


def walk_tabs(qtbot, window: MainWindow, heartbeat: Heartbeat) -> int:  # noqa: ANN001
    pressed = 0
    bar = window.tabs.tabBar()
    for index in range(window.tabs.count()):
        if not window.tabs.isTabVisible(index):
            continue
        heartbeat.mark(f"opening tab {window.tabs.tabText(index)}")
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        qtbot.wait(10)
        assert window.tabs.currentIndex() == index
        area_tab = window.tabs.currentWidget()
        inner = [tabs for tabs in area_tab.findChildren(QTabWidget)]
        if not inner:
            pressed += press_every_button(qtbot, area_tab, window, heartbeat)
        for tabs in inner:
            for page in range(tabs.count()):
                tabs.setCurrentIndex(page)
                qtbot.wait(10)
                pressed += press_every_button(qtbot, tabs.currentWidget(), window, heartbeat)
    return pressed


def walk_menus(qtbot, window: MainWindow, heartbeat: Heartbeat) -> list[str]:  # noqa: ANN001
    triggered = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible() or not action.isEnabled() \
                    or action.objectName() in NOT_WALKED:
                continue
            heartbeat.mark(f"menu {action.text()}")
            action.trigger()
            qtbot.wait(20)
            wait_for_operations(qtbot, window)
            close_other_windows(window)
            triggered.append(action.objectName() or action.text())
    return triggered


def press_the_receive_key(qtbot, window: MainWindow, answerer: Answerer,  # noqa: ANN001
                          heartbeat: Heartbeat) -> bool:
    """Ctrl+R on the desk: the receive dialog (the answerer cancels it) for who may receive;
    for anyone else, nothing at all. False also when the desk is not shown to the user."""
    if not window.may_view(next(a for a in window.areas if a.key == "one_stop")):
        return False
    heartbeat.mark("Ctrl+R on the desk")
    window.area_tab("one_stop")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    before = len(answerer.seen)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)
    return ("dialog", "Tiếp nhận hồ sơ", "ReceiveDialog") in answerer.seen[before:]


def lock_and_unlock(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    window.findChild(type(window.menuBar().actions()[0]), "action_lock").trigger()
    lock = window.idle_lock
    qtbot.waitUntil(lambda: lock.dialog is not None and lock.dialog.isVisible())
    assert lock.covers and all(cover.isVisible() for cover in lock.covers)
    shown = window.grab().toImage()  # nothing of the records shows: the cover is opaque
    assert {shown.pixelColor(x, y).name() for x in (50, 400, 900) for y in (150, 400)} \
        == {COVER_COLOUR}
    texts = " ".join(label.text() for label in lock.dialog.findChildren(QLabel))
    assert "khóa" in texts and "không thao tác" not in texts  # locked by hand, said so
    qtbot.keyClicks(lock.dialog.password, "sai-mat-khau")
    qtbot.keyClick(lock.dialog.password, Qt.Key.Key_Return)
    assert lock.locked
    qtbot.keyClicks(lock.dialog.password, DEMO_PASSWORD)
    qtbot.keyClick(lock.dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not lock.locked)
    assert not lock.covers


@pytest.mark.parametrize("username", ROLES)
def test_walk_every_tab_button_and_menu_as_each_role(
        qtbot, demo_services: Services, username: str, tmp_path: Path,  # noqa: ANN001
        refusals: list[str], monkeypatch: pytest.MonkeyPatch,
        request: pytest.FixtureRequest) -> None:
    # the automatic backup sooner (raising=False: the test also runs against older code)
    monkeypatch.setattr(data_safety, "FIRST_CHECK_MS", 300, raising=False)
    window = open_window(qtbot, demo_services, username)
    backups: list[str] = []
    window.backups.finished.connect(lambda _manifest, error: backups.append(error))
    heartbeat = Heartbeat(request.config).start()
    answerer = Answerer(tmp_path, skip=lambda widget: isinstance(widget, LockDialog)).start()
    answerer.inputs = {"Năm": "2023"}  # the year of a yearly summary or statistics
    try:
        pressed = walk_tabs(qtbot, window, heartbeat)
        triggered = walk_menus(qtbot, window, heartbeat)
        receiving = press_the_receive_key(qtbot, window, answerer, heartbeat)
        heartbeat.mark("filtering a register by typing")
        view = window.area_tab("directory").current_register()  # every role sees it
        qtbot.keyClicks(view.filter_edit, "cong ty")
        qtbot.waitUntil(lambda: "bản ghi" in view.count_label.text()
                        and view.model.rowCount() < 1000, timeout=10_000)
        heartbeat.mark("searching everything")
        qtbot.keyClicks(window.search_box, "cong ty")
        qtbot.keyClick(window.search_box, Qt.Key.Key_Return)  # runs in the background
        qtbot.waitUntil(lambda: any(name == "SearchResultsDialog"
                                    for _kind, _title, name in answerer.seen), timeout=10_000)
        heartbeat.mark("opening search hits in their tabs")
        dossier = demo_services.dossiers.list(limit=1)[0]["code"]
        for query in ("cong ty", dossier):
            opened = open_first_hit(qtbot, window, answerer, query)
            if opened is not None:
                assert window.tabs.currentWidget().area.key == opened.area, (query, opened)
        assert (opened is not None) == window.services.actor.can("one_stop", "view")
        if demo_services.db.location.path is not None:  # SQLite: automatic backups run
            heartbeat.mark("waiting for the automatic backup")
            qtbot.waitUntil(lambda: len(backups) >= 1, timeout=30_000)
            assert backups[0] == "", backups
        heartbeat.mark("switching tabs after the backup")
        visible = [i for i in range(window.tabs.count()) if window.tabs.isTabVisible(i)]
        for index in visible[:3]:
            window.tabs.setCurrentIndex(index)
            qtbot.wait(20)
        assert window.tabs.currentIndex() == visible[min(2, len(visible) - 1)]
        heartbeat.mark("locking")
        lock_and_unlock(qtbot, window)
        heartbeat.mark("switching user")
        window.findChild(type(window.menuBar().actions()[0]), "action_switch_user").trigger()
        qtbot.waitUntil(lambda: not window.isVisible())
        assert window.reopen_requested
    finally:
        answerer.stop()
        heartbeat.stop()
    assert pressed > 0 and triggered
    assert receiving == window.services.actor.can("one_stop", "create")  # the key as the button
    assert "action_verify_document" in triggered  # every role may check a document
    assert ("dialog", "Kiểm tra văn bản", "VerifyDialog") in answerer.seen
    printed = [Path(path) for kind, _title, path in answerer.seen if kind in ("print", "save")]
    assert all(path.exists() and path.stat().st_size > 0 for path in printed), printed
    assert not refusals, f"offered, then refused: {refusals}"
    assert heartbeat.longest <= STALL_LIMIT_S, heartbeat.stall_message()
    unexpected = [m for m in answerer.messages() if "không có quyền" in m or "Traceback" in m]
    assert not unexpected


def open_first_hit(qtbot, window: MainWindow, answerer: Answerer,  # noqa: ANN001
                   query: str):  # noqa: ANN201 - the target opened, or None: nothing found
    """Search as the clerk types, then Enter on the first hit; the record opens in its tab (its
    details dialog is closed by the answerer)."""
    from sotttt_desktop.services.search_targets import search_targets
    from sotttt_desktop.ui.dialogs.search_dialog import SearchResultsDialog

    chosen: list = []
    skip = answerer.skip

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SearchResultsDialog):
            QTimer.singleShot(20, choose)
            return
        row = dialog.first_hit_row()
        chosen.append(None if row is None else dialog.results.item(row).data(
            Qt.ItemDataRole.UserRole))
        if row is None:
            dialog.reject()
            return
        dialog.results.setCurrentRow(row)
        qtbot.keyClick(dialog.results, Qt.Key.Key_Return)

    answerer.skip = lambda widget: skip(widget) or isinstance(widget, SearchResultsDialog)
    try:
        window.search_box.clear()
        qtbot.keyClicks(window.search_box, query)
        QTimer.singleShot(20, choose)
        qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(chosen), timeout=10_000)
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=10_000)
    finally:
        answerer.skip = skip
    return None if chosen[0] is None else search_targets()[chosen[0].kind]


def _one_stop(qtbot, window: MainWindow):  # noqa: ANN001, ANN202
    tab = window.area_tab("one_stop").custom
    qtbot.wait(10)
    return tab


def _open_dossier(qtbot, window: MainWindow, code: str, answerer: Answerer,  # noqa: ANN001
                  steps: list[str], also: type = NoneType) -> None:
    """Find the dossier in the list, press Details, then press each step's button in turn."""
    from sotttt_desktop.ui.one_stop import DossierDialog, IssueDialog

    view = _one_stop(qtbot, window).dossiers
    view.reload()
    view.table.selectRow(view.model.keys.index(code))
    pressed: list[str] = []

    def press_steps() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, DossierDialog)
            for step in steps:
                button = dialog.buttons[step]
                assert button.isEnabled(), button.toolTip()
                button.click()
                assert not dialog.error.isVisible(), dialog.error.text()
                pressed.append(step)
        finally:
            dialog.reject()

    answerer.skip = lambda widget: isinstance(widget, LockDialog | DossierDialog | IssueDialog
                                              | also)
    from PySide6.QtCore import QTimer

    QTimer.singleShot(100, press_steps)
    qtbot.mouseClick(next(b for b in view.findChildren(QPushButton) if b.text() == "&Chi tiết"),
                     Qt.MouseButton.LeftButton)
    assert pressed == steps


def test_a_dossier_from_the_counter_to_a_printed_and_suspended_permit(
        qtbot, demo_services: Services, tmp_path: Path, refusals: list[str],  # noqa: ANN001
        request: pytest.FixtureRequest) -> None:
    """The clerk receives (and is offered the receipt), the specialist appraises, the head of
    unit approves, the leader issues the permit, prints it from the preview to a PDF printer,
    is told why it cannot be suspended, and revokes the demo's suspended website licence."""
    from sotttt_desktop.ui.document_preview import DocumentPreview
    from sotttt_desktop.ui.one_stop import IssueDialog, ReceiveDialog, StepDialog
    from sotttt_desktop.ui.permits_view import DecisionDialog

    heartbeat = Heartbeat(request.config).start()
    answerer = Answerer(tmp_path).start()
    received: list[str] = []
    try:
        clerk = open_window(qtbot, demo_services, "motcua")

        def fill_the_receive_dialog() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, ReceiveDialog)
            QTimer.singleShot(3_000, dialog.reject)  # never left open by a failed check
            assert dialog.selected_procedure() is None  # nothing chosen for the clerk
            qtbot.keyClicks(dialog.procedure_filter, "ban tin")
            assert dialog.selected_procedure() == "press.bulletin.issue"
            qtbot.keyClicks(dialog.applicant_filter, "cong ty")
            assert dialog.applicants.count() > 0
            for row in range(dialog.checklist.count()):  # ticked by the clerk, not beforehand
                assert dialog.checklist.item(row).checkState() == Qt.CheckState.Unchecked
                dialog.checklist.item(row).setCheckState(Qt.CheckState.Checked)
            answerer.skip = lambda widget: isinstance(widget, LockDialog)
            dialog.receive()
            received.append(dialog.result_dossier["code"])

        from PySide6.QtCore import QTimer

        answerer.skip = lambda widget: isinstance(widget, LockDialog | ReceiveDialog)
        view = _one_stop(qtbot, clerk).dossiers
        QTimer.singleShot(100, fill_the_receive_dialog)
        # the receipt is offered: the answerer says no to the question the first time
        answerer.inputs = {}
        qtbot.mouseClick(next(b for b in view.findChildren(QPushButton)
                              if b.objectName() == "receive_button"), Qt.MouseButton.LeftButton)
        assert received and received[0] in view.model.keys
        assert any("mẫu 01" in text for text in answerer.messages())  # the receipt offered
        qtbot.keyClicks(view.search, received[0])  # found again by typing its code
        qtbot.waitUntil(lambda: view.model.keys == [received[0]])
        view.search.clear()
        qtbot.waitUntil(lambda: len(view.model.keys) > 1)

        heartbeat.mark("hand over")
        def fill_the_hand_over() -> None:
            for dialog in QApplication.topLevelWidgets():
                if isinstance(dialog, StepDialog) and dialog.isVisible():
                    dialog.unit.setCurrentIndex(max(0, dialog.unit.findData("TTBCXB")))
                    dialog.reason.setPlainText("Chuyển phòng chuyên môn thẩm định")
                    dialog.confirm.click()

        filler = QTimer()
        filler.timeout.connect(fill_the_hand_over)
        filler.start(50)
        _open_dossier(qtbot, clerk, received[0], answerer, ["hand_over"], also=StepDialog)
        filler.stop()
        assert demo_services.dossiers.show(received[0])["current_unit"] == "TTBCXB"
        clerk.switch_user()

        heartbeat.mark("specialist")
        specialist = open_window(qtbot, demo_services, "chuyenvien")
        _open_dossier(qtbot, specialist, received[0], answerer, ["start_appraisal"])
        specialist.switch_user()
        heartbeat.mark("head")
        head = open_window(qtbot, demo_services, "truongphong")
        _open_dossier(qtbot, head, received[0], answerer, ["approve"])
        head.switch_user()

        heartbeat.mark("leader")
        leader = open_window(qtbot, demo_services, "lanhdao")

        def fill_the_issue() -> None:
            for dialog in QApplication.topLevelWidgets():
                if isinstance(dialog, IssueDialog) and dialog.isVisible():
                    assert dialog.issue_button.isEnabled()
                    qtbot.keyClicks(dialog.subject, "Ban tin Cong nghe Binh Duong")
                    dialog.subject.setText("Bản tin Công nghệ Bình Dương")
                    for name, text in SAMPLES["press.bulletin"].items():  # its contents
                        if name != "title":
                            dialog.set_text(name, text)
                    dialog.issue_button.click()

        filler = QTimer()
        filler.timeout.connect(fill_the_issue)
        filler.start(50)
        _open_dossier(qtbot, leader, received[0], answerer, ["issue"])
        filler.stop()
        assert demo_services.dossiers.show(received[0])["state"] == "result_ready"
        permit = next(p for p in demo_services.permits.list(limit=1000)
                      if p["subject"] == "Bản tin Công nghệ Bình Dương")
        heartbeat.mark("permits tab")
        tab = _one_stop(qtbot, leader)
        tab.tabs.setCurrentIndex(1)
        tab.permits.reload()
        numbers = [key.split("@")[0] for key in tab.permits.model.keys]
        newest = tab.permits.model.keys[numbers.index(permit["number"])]
        tab.permits.table.selectRow(tab.permits.model.keys.index(newest))
        heartbeat.mark("preview")
        before = set(QApplication.topLevelWidgets())
        qtbot.mouseClick(tab.permits.preview_button, Qt.MouseButton.LeftButton)
        preview = next(w for w in set(QApplication.topLevelWidgets()) - before
                       if isinstance(w, DocumentPreview))
        qtbot.waitUntil(lambda: preview.ready, timeout=30_000)  # made off the GUI thread
        qtbot.mouseClick(preview.findChild(QPushButton, "print_button"),
                         Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: preview.printed is not None, timeout=30_000)
        printed = [Path(p) for kind, _t, p in answerer.seen if kind == "print"]
        assert printed and printed[-1].stat().st_size > 10_000
        preview.close()

        # the law gives the Department no power to suspend a bulletin licence: the button says so
        assert not tab.permits.suspend_button.isEnabled()
        assert "giấy phép xuất bản bản tin" in tab.permits.suspend_button.toolTip()
        # the demo's suspended website licence is revoked by decision
        website = next(p for p in demo_services.permits.list(limit=1000)
                       if p["family"] == "e_information.website" and p["state"] == "suspended")
        tab.permits.table.selectRow(tab.permits.model.keys.index(website["reference"]))

        def fill_the_decision() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, DecisionDialog)
            QTimer.singleShot(3_000, dialog.reject)  # never left open by a failed check
            assert "register" in dialog.decision.text() or "sổ" in dialog.decision.text()
            dialog.reason.setPlainText("Vi phạm điểm a khoản 1 Điều 5 Nghị định số "
                                       "72/2013/NĐ-CP")
            dialog.decide()

        answerer.skip = lambda widget: isinstance(widget, LockDialog | DecisionDialog)
        QTimer.singleShot(100, fill_the_decision)
        qtbot.mouseClick(tab.permits.revoke_button, Qt.MouseButton.LeftButton)
        assert demo_services.permits.show(website["reference"])["state"] == "revoked"
        leader.switch_user()
    finally:
        answerer.stop()
        heartbeat.stop()
    assert not refusals, f"offered, then refused: {refusals}"
    assert heartbeat.longest <= STALL_LIMIT_S, heartbeat.stall_message()


def _active(qtbot, window: QWidget) -> QWidget:  # noqa: ANN001
    """The window the keys go to (offscreen, no window manager hands the focus back when a
    dialog closes: the test does)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_the_desk_by_keys_only(qtbot, demo_services: Services, tmp_path: Path,  # noqa: ANN001
                               refusals: list[str], request: pytest.FixtureRequest) -> None:
    """The clerk without a mouse: Ctrl+2 to the desk, Ctrl+R receives a bulletin licence
    dossier typed in the dialog (Enter takes each match, Space ticks, Enter receives), Enter
    prints the receipt it offers (preview, Enter, the printer); Ctrl+F finds the dossier by its
    code, Enter opens it, Ctrl+H hands it over (the unit by arrows, the reason typed,
    Ctrl+Return), Ctrl+P 1 shows form 01 again, Esc closes."""
    from PySide6.QtWidgets import QComboBox, QMessageBox

    from sotttt_desktop.ui.document_preview import DocumentPreview
    from sotttt_desktop.ui.one_stop import DossierDialog, ReceiveDialog, StepDialog

    ctrl = Qt.KeyboardModifier.ControlModifier
    heartbeat = Heartbeat(request.config).start()
    answerer = Answerer(tmp_path, skip=lambda widget: isinstance(
        widget, LockDialog | ReceiveDialog | QMessageBox | DossierDialog | StepDialog)).start()
    received: list[str] = []
    done: list[str] = []

    def later(step, *args) -> None:  # noqa: ANN001 - a step run once the modal it needs is up
        QTimer.singleShot(50, lambda: step(*args))

    def modal(kind: type) -> QWidget | None:
        widget = QApplication.activeModalWidget()
        return widget if isinstance(widget, kind) and widget.isActiveWindow() else None

    def type_the_dossier() -> None:
        dialog = modal(ReceiveDialog)
        if dialog is None:
            return later(type_the_dossier)
        QTimer.singleShot(10_000, dialog.reject)  # never left open by a failed check
        focus = dialog.focusWidget
        qtbot.keyClicks(focus(), "ban tin")
        qtbot.keyClick(focus(), Qt.Key.Key_Return)
        qtbot.keyClicks(focus(), "cong ty")
        qtbot.keyClick(focus(), Qt.Key.Key_Return)
        assert focus() is dialog.checklist, focus()
        for _row in range(dialog.checklist.count()):
            qtbot.keyClick(focus(), Qt.Key.Key_Space)
            qtbot.keyClick(focus(), Qt.Key.Key_Down)
        later(print_the_receipt)
        qtbot.keyClick(focus(), Qt.Key.Key_Return)
        assert dialog.result_dossier is not None, dialog.error.text()
        received.append(dialog.result_dossier["code"])

    def print_the_receipt() -> None:
        box = modal(QMessageBox)
        if box is None:
            return later(print_the_receipt)
        assert "mẫu 01" in box.text()
        qtbot.keyClick(box, Qt.Key.Key_Return)  # yes: the preview of the receipt
        done.append("receipt")

    def hand_over() -> None:
        step = modal(StepDialog)
        if step is None:
            return later(hand_over)
        for _unit in range(step.unit.count()):  # the unit by arrows
            if step.unit.currentData() == "TTBCXB":
                break
            qtbot.keyClick(step.unit, Qt.Key.Key_Down)
        assert isinstance(step.focusWidget(), QComboBox)
        qtbot.keyClick(step.focusWidget(), Qt.Key.Key_Tab)
        qtbot.keyClicks(step.focusWidget(), "Chuyen phong chuyen mon tham dinh")
        qtbot.keyClick(step.focusWidget(), Qt.Key.Key_Return, ctrl)
        done.append("hand_over")

    def act_on_the_dossier() -> None:
        dossier = modal(DossierDialog)
        if dossier is None:
            return later(act_on_the_dossier)
        QTimer.singleShot(10_000, dossier.reject)
        assert dossier.code == received[0]
        later(hand_over)
        qtbot.keyClick(dossier, Qt.Key.Key_H, ctrl)
        assert dossier.data["current_unit"] == "TTBCXB"
        qtbot.keyClick(_active(qtbot, dossier), Qt.Key.Key_P, ctrl)  # the forms menu
        menu = dossier.buttons["forms"].menu()
        qtbot.waitUntil(menu.isVisible)
        before = set(QApplication.topLevelWidgets())
        qtbot.keyClick(menu, Qt.Key.Key_1)  # form 01
        qtbot.waitUntil(lambda: any(isinstance(w, DocumentPreview) and w.isVisible()
                                    for w in set(QApplication.topLevelWidgets()) - before))
        for window in set(QApplication.topLevelWidgets()) - before:
            if isinstance(window, DocumentPreview):
                qtbot.keyClick(_active(qtbot, window), Qt.Key.Key_Escape)
        qtbot.keyClick(_active(qtbot, dossier), Qt.Key.Key_Escape)
        done.append("dossier")

    try:
        clerk = _active(qtbot, open_window(qtbot, demo_services, "motcua"))
        heartbeat.mark("Ctrl+2: the desk")
        qtbot.keyClick(clerk, Qt.Key.Key_2, ctrl)
        assert clerk.tabs.currentWidget().area.key == "one_stop"
        view = _one_stop(qtbot, clerk).dossiers
        heartbeat.mark("Ctrl+R: receiving by keys")
        before = set(QApplication.topLevelWidgets())
        later(type_the_dossier)
        qtbot.keyClick(clerk, Qt.Key.Key_R, ctrl)
        assert received and done == ["receipt"]
        preview = next(w for w in set(QApplication.topLevelWidgets()) - before
                       if isinstance(w, DocumentPreview) and w.isVisible())
        heartbeat.mark("Enter: printing the receipt")
        # Enter at once: printed when the document is ready (the answerer prints to PDF)
        qtbot.keyClick(_active(qtbot, preview), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: preview.printed is not None, timeout=30_000)
        printed = [Path(p) for kind, _t, p in answerer.seen if kind == "print"]
        assert printed and printed[-1].stat().st_size > 10_000
        preview.close()
        heartbeat.mark("Ctrl+F: finding the dossier")
        qtbot.keyClick(_active(qtbot, clerk), Qt.Key.Key_F, ctrl)
        assert QApplication.focusWidget() is view.search
        qtbot.keyClicks(view.search, received[0])
        qtbot.keyClick(view.search, Qt.Key.Key_Return)
        assert view.model.keys == [received[0]] and QApplication.focusWidget() is view.table
        heartbeat.mark("Enter: acting on the dossier by keys")
        later(act_on_the_dossier)
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
        assert done == ["receipt", "hand_over", "dossier"]
        assert demo_services.dossiers.show(received[0])["current_unit"] == "TTBCXB"
        clerk.switch_user()
    finally:
        answerer.stop()
        heartbeat.stop()
    assert not refusals, f"offered, then refused: {refusals}"
    assert heartbeat.longest <= STALL_LIMIT_S, heartbeat.stall_message()
