"""The change hub on screen: a write in one tab (or a worker, or another service call) refreshes
the tabs that show it, without a restart, keeping the selected row and the scroll."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from sotttt_desktop.services import Services
from sotttt_desktop.ui.app import ui_settings
from sotttt_desktop.ui.main_window import MainWindow
from sotttt_desktop.ui.one_stop import DossierDialog, IssueDialog
from tests.permit_samples import SAMPLES
from tests.services.test_changes import REGISTER


def _window(qtbot, services: Services) -> MainWindow:  # noqa: ANN001
    window = MainWindow(services, ui_settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _approved_tvro(services: Services) -> tuple[dict, str]:
    applicant = services.parties.add(kind="org", name="Khách sạn Sông Bé", tax_code="3700555666",
                                     district_code="725")
    code = services.dossiers.receive("press.tvro.register", applicant["id"],
                                     received_at=dt.datetime(2024, 3, 1, 9))["code"]
    services.dossiers.act(code, "start_appraisal")
    services.dossiers.act(code, "approve")
    return applicant, code


def test_a_permit_issued_at_the_one_stop_desk_shows_in_the_press_tab(qtbot,  # noqa: ANN001
                                                                      services: Services) -> None:
    _applicant, code = _approved_tvro(services)
    window = _window(qtbot, services)
    one_stop = window.area_tab("one_stop").custom
    press = window.area_tab("press")  # in front: the one-stop desk is behind it
    tvro = next(v for v in press.register_views if v.model._key == "tvro_receivers")
    press._tabs.setCurrentWidget(tvro)
    assert tvro.model.rowCount() == 0
    before = press.overview.text()
    issued: list[bool] = []
    tries = iter(range(200))  # a refused issue must fail the test, not click for ever

    def clerk() -> None:
        """The leader's clicks in the dossier's dialog and in its issue dialog."""
        dialog = QApplication.activeModalWidget()
        if next(tries, None) is None:
            if dialog is not None:
                dialog.reject()
            return
        if isinstance(dialog, DossierDialog) and issued:
            dialog.reject()
            return
        QTimer.singleShot(30, clerk)  # first: a click below may open a modal dialog
        if isinstance(dialog, IssueDialog):
            for name, text in {**SAMPLES["press.tvro"],
                               "site": "Tầng thượng, số 5 Yersin, Thủ Dầu Một"}.items():
                dialog.set_text(name, text)
            issued.append(True)
            dialog.issue_button.click()
        elif isinstance(dialog, DossierDialog):
            dialog.buttons["issue"].click()

    row = one_stop.dossiers.model.keys.index(code)
    one_stop.dossiers.table.selectRow(row)
    QTimer.singleShot(30, clerk)
    one_stop.dossiers.open_selected()  # the dossier's dialog, modal, driven by `clerk`
    assert issued and services.permits.list()[0]["state"] == "valid"
    assert window.tabs.currentWidget() is press  # not switched, not refreshed by hand
    qtbot.waitUntil(lambda: tvro.model.rowCount() == 1, timeout=5_000)
    assert tvro.watcher.refreshes >= 1
    qtbot.waitUntil(lambda: press.overview.text() != before, timeout=5_000)
    assert "Tầng thượng" in tvro.model.data(tvro.model.index(0, 1)) or any(
        "Tầng thượng" in (tvro.model.data(tvro.model.index(0, c)) or "")
        for c in range(tvro.model.columnCount()))
    # the one-stop lists, behind, are refreshed once shown again
    assert one_stop.permits.watcher.pending
    window.area_tab("one_stop")
    one_stop.tabs.setCurrentWidget(one_stop.permits)
    qtbot.waitUntil(lambda: one_stop.permits.model.rowCount() == 1, timeout=5_000)


def test_a_party_edit_refreshes_the_dossier_list_keeping_its_selection(
        qtbot, services: Services) -> None:  # noqa: ANN001
    applicant, code = _approved_tvro(services)
    other = services.parties.add(kind="org", name="Công ty In Thủ Dầu Một", tax_code="3700999000",
                                 district_code="725")
    services.dossiers.receive("press.tvro.register", other["id"],
                              received_at=dt.datetime(2024, 3, 2, 9))
    window = _window(qtbot, services)
    dossiers = window.area_tab("one_stop").custom.dossiers
    row = dossiers.model.keys.index(code)
    dossiers.table.selectRow(row)
    services.parties.update(applicant["id"], applicant["version"],
                            **{**{k: applicant[k] for k in ("kind", "tax_code",
                                                            "district_code")},
                               "name": "Khách sạn Sông Bé Xanh"})
    column = 2  # the applicant
    qtbot.waitUntil(lambda: dossiers.model.data(dossiers.model.index(
        dossiers.model.keys.index(code), column)) == "Khách sạn Sông Bé Xanh", timeout=5_000)
    assert dossiers.model.keys[dossiers.table.currentIndex().row()] == code


def test_a_register_refreshed_by_a_change_keeps_the_selected_record_and_scroll(
        qtbot, services: Services, tmp_path) -> None:  # noqa: ANN001
    from tests.services.test_changes import clean_csv

    services.register_files.commit(REGISTER, clean_csv(tmp_path / "in.csv", 400))
    window = _window(qtbot, services)
    view = window.area_tab("publishing").register_views[0]
    assert view.model.rowCount() == 400
    view.table.selectRow(250)
    view.table.scrollTo(view.model.index(250, 0))
    selected, scroll = view.selected_id(), view.table.verticalScrollBar().value()
    assert scroll > 0
    services.registers.create(REGISTER, {  # another desk (or tab) adds a record
        "name": "Zeta In Ấn", "tax_code": "3700111222", "district_code": "725",
        "licence_kind": "permit", "state": "active"})
    qtbot.waitUntil(lambda: view.model.rowCount() == 401, timeout=5_000)
    assert view.selected_id() == selected
    assert view.table.verticalScrollBar().value() == scroll
