"""The main window offscreen: every tab opens, menus, status bar, search, remembered geometry."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from sotttt_desktop.areas import areas_in_order
from sotttt_desktop.services import Services
from sotttt_desktop.ui.app import ui_settings
from sotttt_desktop.ui.area_tab import AreaTab
from sotttt_desktop.ui.dialogs.search_dialog import SearchResultsDialog
from sotttt_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_services: Services) -> MainWindow:  # noqa: ANN001
    win = MainWindow(demo_services, ui_settings())
    qtbot.addWidget(win)
    win.show()
    return win


def test_every_area_has_a_tab_and_each_opens(window: MainWindow) -> None:
    areas = areas_in_order()
    assert window.tabs.count() == len(areas) >= 14
    for index, area in enumerate(areas):
        window.tabs.setCurrentIndex(index)
        tab = window.tabs.widget(index)
        assert isinstance(tab, AreaTab), area.key
        assert tab.area.key == area.key
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "Một cửa" in titles and "Báo chí, phát thanh && truyền hình" in titles


def test_tabs_are_built_only_when_first_shown(qtbot, demo_services: Services) -> None:  # noqa: ANN001
    win = MainWindow(demo_services, ui_settings())
    qtbot.addWidget(win)
    built = [isinstance(win.tabs.widget(i), AreaTab) for i in range(win.tabs.count())]
    assert built.count(True) == 1


def test_a_demo_database_says_its_working_date_in_the_title(window: MainWindow) -> None:
    """A training sandbox runs on its own date (29/11/2024) and says so where everyone sees it."""
    assert window.windowTitle().endswith("Ngày làm việc giả định: 29/11/2024")


def test_a_real_database_title_names_no_assumed_date(qtbot, services: Services) -> None:  # noqa: ANN001
    real = MainWindow(services, ui_settings())
    qtbot.addWidget(real)
    assert "SỞ THÔNG TIN" in real.windowTitle() and "giả định" not in real.windowTitle()


def test_status_bar_shows_database_and_user(window: MainWindow) -> None:
    assert window.services.db.location.display() in window.database_label.text()
    assert "Người kiểm thử" in window.user_label.text()


def test_menus_are_in_vietnamese(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&Tệp", "&Sửa", "&Xem", "&Công cụ", "Trợ &giúp"]


def test_about_names_version_and_database(window: MainWindow) -> None:
    text = window.about_text()
    assert "0.1.0" in text and window.services.db.location.display() in text


def test_global_search_box_shows_results(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    seen: list[SearchResultsDialog] = []

    def close_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, SearchResultsDialog):
            seen.append(dialog)
            dialog.reject()
        else:
            QTimer.singleShot(20, close_dialog)

    window.search_box.setText("cong ty in")
    QTimer.singleShot(20, close_dialog)
    window.run_search()  # in the background: the window answers meanwhile
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen[0].results.count() > 0
    # a company (the postal network's "Tổng công ty" is one too)
    assert "công ty" in seen[0].results.item(seen[0].first_hit_row()).text().lower()


def test_window_geometry_is_remembered(qtbot, demo_services: Services) -> None:  # noqa: ANN001
    first = MainWindow(demo_services, ui_settings())
    qtbot.addWidget(first)
    first.show()
    first.setGeometry(QRect(40, 50, 700, 500))  # inside the 800×600 offscreen screen
    first.tabs.setCurrentIndex(3)
    first.close()
    second = MainWindow(demo_services, ui_settings())
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)
    assert second.tabs.currentIndex() == 3


def test_every_area_has_its_screen(window: MainWindow) -> None:
    """Since issue #21 no area says "not in this version": the Reports tab has its screen."""
    from sotttt_desktop.ui.reports_screen import ReportsScreen

    assert window.area_tab("reports").findChild(ReportsScreen) is not None
    for index in range(window.tabs.count()):
        assert window.tabs.widget(index).findChild(QLabel, "area_pending") is None


def test_profile_dialog_opens_and_saves(qtbot, window: MainWindow, demo_services: Services  # noqa: ANN001
                                       ) -> None:
    from sotttt_desktop.ui.dialogs.organisation_dialog import OrganisationDialog

    dialog = OrganisationDialog(demo_services, window)
    qtbot.addWidget(dialog)
    assert dialog.edits["agency_name"].text() == "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
    dialog.edits["agency_name"].setText("")
    dialog._save()
    assert dialog.error.isVisible() or not dialog.error.isHidden()
    assert demo_services.reference.profile()["agency_name"] == "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
    dialog.edits["agency_name"].setText("SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH BÌNH DƯƠNG")
    dialog._save()
    assert demo_services.reference.profile()["agency_name"].endswith("BÌNH DƯƠNG")
    assert QMessageBox  # imported for modal handling in other tests


@pytest.mark.parametrize("username", ["lanhdao", "chuyenvien", "motcua", "admin"])
def test_long_operations_walked_as_each_role(qtbot, demo_services: Services, tmp_path,  # noqa: ANN001
                                             username: str) -> None:
    """As leader, specialist, one-stop clerk and administrator: the full check, an import
    where the role may create, a backup where it may administer — each on a worker with its
    progress dialog, the result reported; what the role may not do is not offered."""
    from sotttt_desktop.services.demo import DEMO_PASSWORD
    from sotttt_desktop.ui.data_safety import BackupScheduler
    from tests.services.test_changes import REGISTER, clean_csv
    from tests.ui.walker import Answerer

    services = demo_services.as_actor(demo_services.security.login(username, DEMO_PASSWORD))
    win = MainWindow(services, ui_settings())
    qtbot.addWidget(win)
    win.backups = BackupScheduler(services, win)
    win.show()
    answerer = Answerer(tmp_path).start()
    try:
        win.findChild(type(win.menuBar().actions()[0]), "action_check").trigger()
        check = win.last_operation
        qtbot.waitUntil(lambda: check.done, timeout=60_000)
        assert check.result.ok
        qtbot.waitUntil(lambda: any("Kiểm tra" in s[1] for s in answerer.seen), timeout=10_000)
        backup = win.findChild(type(win.menuBar().actions()[0]), "action_backup")
        assert backup.isVisible() == services.actor.can("admin", "administer")
        if backup.isVisible():
            backup.trigger()
            qtbot.waitUntil(lambda: not win.backups.running, timeout=60_000)
            if services.db.location.path is not None:
                assert "Đã sao lưu" in win.statusBar().currentMessage()
            else:  # a PostgreSQL server is backed up by its own tools: said in one line
                qtbot.waitUntil(lambda: len(answerer.seen) >= 2, timeout=10_000)
        view = win.area_tab("publishing").register_views[0] if win.may_view(
            next(a for a in areas_in_order() if a.key == "publishing")) else None
        if view is None or not view.import_button.isEnabled():
            assert not services.actor.can("publishing", "create")
            return
        before = services.registers.count(REGISTER)
        dialog = view.import_file(str(clean_csv(tmp_path / "in.csv", 50)))
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
        operation = dialog.commit()
        qtbot.waitUntil(lambda: operation.done, timeout=60_000)
        assert operation.error is None
        qtbot.waitUntil(lambda: view.model.rowCount() == before + 50, timeout=10_000)
    finally:
        answerer.stop()
