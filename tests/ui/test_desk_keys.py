"""The one-stop desk without a mouse: the receive dialog's tab order, a dossier received by key
events only, the dossier's steps by their keys (a refused step's key does nothing), and the keys
clash with none of the main window's and are listed in README."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from sqlalchemy import select

from sotttt_desktop.core.cases.one_stop import SPEC as DOSSIER_SPEC
from sotttt_desktop.core.models.dossier import Dossier
from sotttt_desktop.services import Services
from sotttt_desktop.services.demo import DEMO_PASSWORD
from sotttt_desktop.ui.app import ui_settings
from sotttt_desktop.ui.desk_keys import DESK_KEYS, key_text
from sotttt_desktop.ui.main_window import MainWindow
from sotttt_desktop.ui.one_stop import DossierDialog, OneStopTab, ReceiveDialog, StepDialog

README = Path(__file__).parents[2] / "README.md"
TAB_ORDER = ["procedure_filter", "applicant_filter", "new_applicant", "checklist", "channel",
             "note", "received_at", "receive_confirm", "receive_cancel"]
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _named(widget: QWidget | None) -> str:
    """The named field a focused widget belongs to (a date edit focuses its inner line)."""
    while widget is not None and widget.objectName() not in TAB_ORDER:
        widget = widget.parentWidget()
    return widget.objectName() if widget is not None else ""


def _shown(qtbot, window: QWidget) -> None:  # noqa: ANN001
    """Shown and active, as a window the clerk types into (keys go to the active window)."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _applicant(services: Services) -> dict:
    party = services.parties.add(kind="org", name="Công ty TNHH Tin Tức Đông Nam",
                                 tax_code="3700777888", district_code="725")
    services.parties.add(kind="org", name="Công ty TNHH Đông Nam Á Số",
                         tax_code="3700777999", district_code="725")
    return party


def test_the_keys_clash_with_none_of_the_main_window_and_are_in_readme(
        qtbot, services: Services) -> None:  # noqa: ANN001
    window = MainWindow(services, ui_settings())
    qtbot.addWidget(window)
    main_keys = {action.objectName(): action.shortcut() for action in window.findChildren(QAction)
                 if not action.shortcut().isEmpty()}
    assert QKeySequence("Ctrl+R") not in main_keys.values()
    ours = {name: QKeySequence(key) for name, key in DESK_KEYS.items() if name != "search"}
    assert not set(ours.values()) & set(main_keys.values()), main_keys
    assert len(set(DESK_KEYS.values())) == len(DESK_KEYS)  # none used twice on the desk
    assert main_keys["action_filter"] == QKeySequence(DESK_KEYS["search"])  # the same meaning
    assert set(DOSSIER_SPEC.steps) | {"issue"} <= set(DESK_KEYS)  # a new step needs its key
    readme = README.read_text(encoding="utf-8")
    missing = [name for name in DESK_KEYS if f"`{key_text(name)}`" not in readme]
    assert not missing, missing


def test_the_receive_dialog_tabs_procedure_applicant_checklist_channel_note_ok(
        qtbot, services: Services) -> None:  # noqa: ANN001
    dialog = ReceiveDialog(services)
    qtbot.addWidget(dialog)
    _shown(qtbot, dialog)
    assert _named(dialog.focusWidget()) == "procedure_filter"  # typing starts at once
    walked = [_named(dialog.focusWidget())]
    for _step in range(len(TAB_ORDER) - 1):
        dialog.focusNextChild()
        walked.append(_named(dialog.focusWidget()))
    assert walked == TAB_ORDER
    dialog.focusNextChild()
    assert _named(dialog.focusWidget()) == "procedure_filter"  # round again


def test_a_dossier_is_received_by_key_events_only(qtbot, services: Services) -> None:  # noqa: ANN001
    applicant = _applicant(services)
    dialog = ReceiveDialog(services)
    qtbot.addWidget(dialog)
    _shown(qtbot, dialog)
    focus = dialog.focusWidget
    qtbot.keyClicks(focus(), "trang thong tin dien tu")  # diacritics optional
    assert dialog.procedures.count() > 1
    first = dialog.selected_procedure()
    qtbot.keyClick(focus(), Qt.Key.Key_Down)  # the arrows move the match, the box keeps typing
    assert dialog.selected_procedure() != first and _named(focus()) == "procedure_filter"
    qtbot.keyClick(focus(), Qt.Key.Key_Up)
    assert dialog.selected_procedure() == first == "e_information.website.issue"
    qtbot.keyClick(focus(), Qt.Key.Key_Return)  # taken: on to the applicant, nothing received
    assert _named(focus()) == "applicant_filter" and dialog.result_dossier is None
    qtbot.keyClicks(focus(), "dong nam")
    assert dialog.applicants.count() == 2
    first = dialog.applicants.currentItem().data(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(focus(), Qt.Key.Key_Down)  # the arrows move the match, the box keeps typing
    assert dialog.applicants.currentItem().data(Qt.ItemDataRole.UserRole) != first
    qtbot.keyClick(focus(), Qt.Key.Key_Up)
    assert dialog.applicants.currentItem().data(Qt.ItemDataRole.UserRole) == first
    if first != str(applicant["id"]):  # the order of equal matches is the database's
        qtbot.keyClick(focus(), Qt.Key.Key_Down)
    assert dialog.applicants.currentItem().data(Qt.ItemDataRole.UserRole) == str(applicant["id"])
    qtbot.keyClick(focus(), Qt.Key.Key_Return)
    assert _named(focus()) == "checklist"
    for row in range(dialog.checklist.count()):  # Space ticks, Down goes on
        qtbot.keyClick(focus(), Qt.Key.Key_Space)
        assert dialog.checklist.item(row).checkState() == Qt.CheckState.Checked
        qtbot.keyClick(focus(), Qt.Key.Key_Down)
    qtbot.keyClick(focus(), Qt.Key.Key_Space)  # untick the last: a space toggles
    assert dialog.missing() == [dialog.checklist.count()]
    qtbot.keyClick(focus(), Qt.Key.Key_Space)
    assert dialog.missing() == []
    qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    assert _named(focus()) == "channel"
    qtbot.keyClick(focus(), Qt.Key.Key_End)  # the last channel: by post
    assert dialog.channel.currentData() == "post"
    qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    assert _named(focus()) == "note"
    qtbot.keyClicks(focus(), "Ban goc kem theo")
    qtbot.keyClick(focus(), Qt.Key.Key_Return)  # Enter receives
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    received = services.dossiers.show(dialog.result_dossier["code"])
    assert received["procedure"] == "e_information.website.issue"
    assert received["holder"] == applicant["name"]
    assert received["channel"] == "post"
    with services.db.session() as session:
        assert session.scalars(select(Dossier.note).where(
            Dossier.code == received["code"])).one() == "Ban goc kem theo"


def test_escape_cancels_and_nothing_is_received(qtbot, services: Services) -> None:  # noqa: ANN001
    _applicant(services)
    dialog = ReceiveDialog(services)
    qtbot.addWidget(dialog)
    _shown(qtbot, dialog)
    dialog.procedure_filter.setText("Đăng ký")  # QTest cannot type "Đ": set, not typed
    assert dialog.selected_procedure() is not None
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    assert dialog.result() == dialog.DialogCode.Rejected
    assert services.dossiers.count() == 0


def test_the_steps_of_a_dossier_by_their_keys(qtbot, services: Services) -> None:  # noqa: ANN001
    applicant = _applicant(services)
    code = services.dossiers.receive("e_information.website.issue", applicant["id"],
                                     received_at=dt.datetime(2024, 6, 3, 9))["code"]
    dialog = DossierDialog(services, code)
    qtbot.addWidget(dialog)
    _shown(qtbot, dialog)
    assert f"({key_text('start_appraisal')})" in dialog.buttons["start_appraisal"].toolTip()
    assert {a.shortcut().toString() for a in dialog.actions()} >= {"Ctrl+T", "Ctrl+P"}

    def hand_over_by_keys() -> None:
        step = QApplication.activeModalWidget()
        if not isinstance(step, StepDialog):
            QTimer.singleShot(20, hand_over_by_keys)
            return
        step.unit.setCurrentIndex(step.unit.findData("TTBCXB"))
        qtbot.keyClicks(step.reason, "Chuyen phong tham dinh")
        qtbot.keyClick(step.reason, Qt.Key.Key_Return, CTRL)  # Enter alone: a new line

    QTimer.singleShot(20, hand_over_by_keys)
    qtbot.keyClick(dialog, Qt.Key.Key_H, CTRL)
    assert services.dossiers.show(code)["current_unit"] == "TTBCXB"
    _shown(qtbot, dialog)  # offscreen, no window manager gives the focus back
    qtbot.keyClick(dialog, Qt.Key.Key_T, CTRL)
    assert dialog.data["state"] == "in_appraisal"
    qtbot.keyClick(dialog, Qt.Key.Key_D, CTRL)
    assert dialog.data["state"] == "approved"
    qtbot.keyClick(dialog, Qt.Key.Key_T, CTRL)  # not offered in this state: nothing happens
    assert dialog.data["state"] == "approved" and not dialog.error.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_P, CTRL)  # the forms menu, 1–6 choose
    menu = dialog.buttons["forms"].menu()
    qtbot.waitUntil(menu.isVisible)
    assert "&1" in menu.actions()[0].text()
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible())


def test_a_refused_step_key_does_nothing_but_say_why(qtbot, demo_services: Services) -> None:  # noqa: ANN001
    specialist = demo_services.as_actor(demo_services.security.login("chuyenvien",
                                                                    DEMO_PASSWORD))
    tab = OneStopTab(specialist)
    qtbot.addWidget(tab)
    _shown(qtbot, tab)
    view = tab.dossiers
    assert not view.receive_action.isEnabled()
    button = next(b for b in view.findChildren(QWidget) if b.objectName() == "receive_button")
    assert not button.isEnabled() and button.toolTip() == view.receive_action.toolTip() != ""
    opened: list[QWidget] = []
    QTimer.singleShot(50, lambda: opened.append(QApplication.activeModalWidget()))
    qtbot.keyClick(view.table, Qt.Key.Key_R, CTRL)
    qtbot.wait(100)
    assert opened == [None]  # no dialog: the key of a disabled action does nothing
    ready = next(d for d in demo_services.dossiers.list(state="result_ready", limit=50))
    dialog = DossierDialog(specialist, ready["code"])
    qtbot.addWidget(dialog)
    _shown(qtbot, dialog)
    returning = dialog.step_actions["return_result"]
    assert not returning.isEnabled() and not dialog.buttons["return_result"].isEnabled()
    assert dialog.buttons["return_result"].toolTip() == returning.toolTip() != ""
    qtbot.keyClick(dialog, Qt.Key.Key_R, CTRL | SHIFT)
    assert demo_services.dossiers.show(ready["code"])["state"] == "result_ready"
    assert not dialog.error.isVisible()


def test_f1_lists_every_key_of_the_menus_and_the_desk(qtbot, services: Services) -> None:  # noqa: ANN001
    window = MainWindow(services, ui_settings())
    qtbot.addWidget(window)
    help_entry = window.findChild(QAction, "action_shortcuts")
    assert help_entry.shortcut() == QKeySequence("F1")
    dialog = window.shortcuts_dialog()
    qtbot.addWidget(dialog)
    listed = dialog.listed()
    keys = {key for _where, key, _does in listed}
    menu_keys = {action.shortcut().toString() for action in window.findChildren(QAction)
                 if not action.shortcut().isEmpty() and action.isVisible()}
    assert {"Ctrl+N", "F2", "Ctrl+K", "F5", "Ctrl+L", "Ctrl+Q", "F1", "Ctrl+1"} <= menu_keys
    assert menu_keys <= keys
    assert {key_text(name) for name in DESK_KEYS} <= keys
    does = {key: text for _where, key, text in listed}
    assert does[key_text("receive")].startswith("Tiếp nhận hồ sơ")  # what its button says
    assert does[key_text("hand_over")] == "Chuyển hồ sơ…"
    assert all(where and text for where, _key, text in listed)
    assert not any("  " in text or "&&" in text for _where, _key, text in listed)  # "Tổ chức & cá nhân"


def test_every_desk_button_shows_its_key(qtbot, demo_services: Services) -> None:  # noqa: ANN001
    clerk = demo_services.as_actor(demo_services.security.login("motcua", DEMO_PASSWORD))
    tab = OneStopTab(clerk)
    qtbot.addWidget(tab)
    receive = next(b for b in tab.findChildren(QWidget) if b.objectName() == "receive_button")
    assert receive.isEnabled() and f"({key_text('receive')})" in receive.toolTip()
    assert f"({key_text('search')})" in tab.dossiers.search.toolTip()
    shown = 0
    for state in ("received", "in_appraisal", "result_ready"):
        dossier = demo_services.dossiers.list(state=state, limit=1)[0]
        dialog = DossierDialog(clerk, dossier["code"])
        qtbot.addWidget(dialog)
        for name, button in dialog.buttons.items():
            if button.isEnabled():  # a disabled one says why instead
                assert button.toolTip().endswith(f"({key_text(name)})"), (name, button.toolTip())
                shown += 1
        menu = {action.text(): action.shortcut().toString() for action in dialog.actions()}
        assert all(menu.values()) and len(menu) == len(dialog.buttons)  # right click lists them
    assert shown >= 4


def test_a_step_dialog_tabs_unit_reason_then_its_buttons(qtbot, services: Services) -> None:  # noqa: ANN001
    applicant = _applicant(services)
    dossier = services.dossiers.receive("e_information.website.issue", applicant["id"],
                                        received_at=dt.datetime(2024, 6, 3, 9))
    for action, fields in (("hand_over", ["step_unit", "step_reason"]),
                           ("apologise", ["step_new_due", "step_reason"]),
                           ("request_supplement", ["step_reason"])):
        dialog = StepDialog(services, services.dossiers.show(dossier["code"]), action)
        qtbot.addWidget(dialog)
        _shown(qtbot, dialog)
        walked = []
        for _step in range(len(fields) + 2):
            widget = dialog.focusWidget()
            while not widget.objectName() and not isinstance(widget, QPushButton):
                widget = widget.parentWidget()  # a date edit focuses its inner line
            walked.append(widget.objectName() or widget.text())
            dialog.focusNextChild()
        assert walked == [*fields, "step_confirm", "Hủy"], (action, walked)
        dialog.close()


def test_the_dossier_list_tabs_search_filters_buttons_then_the_list(qtbot, services: Services) -> None:  # noqa: ANN001, E501
    tab = OneStopTab(services)
    qtbot.addWidget(tab)
    _shown(qtbot, tab)
    tab.focus_filter()  # Ctrl+F
    walked: list[str] = []
    for _step in range(12):
        widget = QApplication.focusWidget()
        walked.append(widget.objectName() if widget is not None else "")
        tab.dossiers.focusNextChild()
    named = [name for name in walked if name in ("dossier_search", "procedure_filter",
                                                 "receive_button", "dossier_table")]
    assert named[:4] == ["dossier_search", "procedure_filter", "receive_button",
                         "dossier_table"], walked
