"""The global search box offscreen: hits of every kind grouped by register, each opened in its
tab — a register record selected with its details shown, a dossier at the One-stop desk, a
permit in the permits list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from sotttt_desktop.services import Services
from sotttt_desktop.services.search import SearchHit
from sotttt_desktop.ui.app import ui_settings
from sotttt_desktop.ui.dialogs.search_dialog import SearchResultsDialog
from sotttt_desktop.ui.global_search import open_hit
from sotttt_desktop.ui.main_window import MainWindow
from tests.services.test_global_search import _issued


@pytest.fixture
def desk(services: Services) -> dict[str, Any]:
    return _issued(services, "Công ty Cổ phần Truyền thông Đồng Xoài", "3700555001",
                   "Thủ Dầu Một")


@pytest.fixture
def window(qtbot, services: Services, desk: dict[str, Any]) -> MainWindow:  # noqa: ANN001
    win = MainWindow(services, ui_settings())
    qtbot.addWidget(win)
    win.show()
    return win


def _close_next_dialog(seen: list[QDialog], then: Callable[[QDialog], None] | None = None) -> None:
    """Close the next modal dialog that opens, noting it (and doing `then` with it first)."""
    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or not dialog.isVisible():
            QTimer.singleShot(20, close)
            return
        seen.append(dialog)
        if then is not None:
            then(dialog)
        else:
            dialog.reject()
    QTimer.singleShot(20, close)


def _search(qtbot, window: MainWindow, text: str,  # noqa: ANN001
            choose: Callable[[SearchResultsDialog], None]) -> SearchResultsDialog:
    seen: list[QDialog] = []
    _close_next_dialog(seen, lambda dialog: choose(dialog))  # type: ignore[arg-type]
    window.search_box.setText(text)
    window.run_search()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert isinstance(seen[0], SearchResultsDialog)
    return seen[0]


def _hit(dialog: SearchResultsDialog, kind: str) -> int:
    return next(row for row in dialog.hit_rows()
                if dialog.results.item(row).data(Qt.ItemDataRole.UserRole).kind == kind)


def test_hits_are_grouped_by_register_with_their_titles(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    def check(dialog: SearchResultsDialog) -> None:
        texts = [dialog.results.item(row).text() for row in range(dialog.results.count())]
        headings.extend(t for row, t in enumerate(texts) if row not in dialog.hit_rows())
        current.append((dialog.results.currentRow(), dialog.first_hit_row(),
                        dialog.more_button.isVisibleTo(dialog)))
        dialog.grab().save("/tmp/wt-search-shots/search_results.png")
        dialog.reject()

    headings: list[str] = []
    current: list[tuple] = []
    _search(qtbot, window, "dong xoai", check)
    assert headings[0] == "Tổ chức, cá nhân (1)"
    assert {"Hồ sơ (1)", "Giấy phép, giấy chứng nhận (1)"} <= set(headings)
    assert any(h.startswith("Bản tin") for h in headings)
    assert current == [(1, 1, False)]


def test_a_dossier_hit_opens_at_the_one_stop_desk(qtbot, window: MainWindow,  # noqa: ANN001
                                                  desk: dict[str, Any]) -> None:
    from sotttt_desktop.ui.one_stop import DossierDialog

    code = desk["dossier"]["code"]
    opened: list[QDialog] = []

    def choose(dialog: SearchResultsDialog) -> None:
        _close_next_dialog(opened)
        item = dialog.results.item(_hit(dialog, "dossier"))
        dialog.results.itemActivated.emit(item)

    _search(qtbot, window, code, choose)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert isinstance(opened[0], DossierDialog) and opened[0].code == code
    one_stop = window.tabs.currentWidget().custom
    assert one_stop.tabs.currentWidget() is one_stop.dossiers
    view = one_stop.dossiers
    assert view.model.keys[view.table.currentIndex().row()] == code


def test_a_permit_hit_is_selected_in_the_permits_list(qtbot, window: MainWindow,  # noqa: ANN001
                                                       desk: dict[str, Any]) -> None:
    permit = desk["permit"]

    def choose(dialog: SearchResultsDialog) -> None:
        dialog.results.itemActivated.emit(dialog.results.item(_hit(dialog, "permit")))

    _search(qtbot, window, "truyen thong dong xoai", choose)
    qtbot.waitUntil(lambda: window.tabs.currentWidget().area.key == "one_stop", timeout=10_000)
    permits = window.tabs.currentWidget().custom.permits
    qtbot.waitUntil(lambda: permits.selected_permit() is not None, timeout=10_000)
    assert permits.isVisible()
    assert permits.selected_permit()["reference"] == permit["reference"]
    window.grab().save("/tmp/wt-search-shots/permit_opened.png")


@pytest.mark.parametrize("kind", ["party", "news_bulletin"])
def test_a_register_hit_opens_its_tab_with_the_row_selected_and_its_details(
        qtbot, window: MainWindow, services: Services, kind: str) -> None:  # noqa: ANN001
    from sotttt_desktop.services.search_targets import search_targets
    from sotttt_desktop.ui.dialogs.record_detail import RecordDetailDialog

    hit: SearchHit = next(h for h in services.search.query("dong xoai") if h.kind == kind)
    opened: list[QDialog] = []
    _close_next_dialog(opened)
    assert open_hit(window, hit)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert isinstance(opened[0], RecordDetailDialog)
    tab = window.tabs.currentWidget()
    assert tab.area.key == search_targets()[kind].area
    view = tab.current_register()
    assert view.register_key == search_targets()[kind].key
    qtbot.waitUntil(lambda: view.selected_id() == hit.id, timeout=10_000)


def test_more_results_asks_again_with_a_larger_page(qtbot, window: MainWindow,  # noqa: ANN001
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import sotttt_desktop.ui.main_window as main_window

    monkeypatch.setattr(main_window, "SEARCH_PAGE", 1)
    dialogs: list[QDialog] = []

    def more(dialog: QDialog) -> None:
        assert isinstance(dialog, SearchResultsDialog)
        assert dialog.more_button.isVisibleTo(dialog)
        _close_next_dialog(dialogs)
        dialog.more_button.click()

    _close_next_dialog(dialogs, more)
    window.search_box.setText("dong xoai")
    window.run_search(limit=1)
    qtbot.waitUntil(lambda: len(dialogs) == 2, timeout=10_000)
    first, second = dialogs
    assert len(first.hit_rows()) == 1
    assert len(second.hit_rows()) == 2


@pytest.mark.parametrize("area", ["one_stop", "publishing", "press"])
def test_enter_in_the_search_box_searches_whatever_tab_is_in_front(
        qtbot, window: MainWindow, area: str) -> None:  # noqa: ANN001
    """Enter typed in the box runs the search: the lists' Enter-opens-the-row keys belong to
    the lists, not to the whole window (a window-wide one swallowed the search box's Enter)."""
    from PySide6.QtTest import QTest

    window.area_tab(area)
    qtbot.waitExposed(window)
    window.activateWindow()
    window.search_box.setFocus()
    qtbot.waitUntil(window.search_box.hasFocus, timeout=2_000)
    window.search_box.setText("dong xoai")
    seen: list[QDialog] = []
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        seen.clear()
        _close_next_dialog(seen)
        QTest.keyClick(window.search_box, key)
        qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
        assert isinstance(seen[0], SearchResultsDialog)
    if area == "press":  # and Enter on a list still opens its selected row
        from sotttt_desktop.ui.dialogs.record_detail import RecordDetailDialog

        view = next(v for v in window.area_tab("press").register_views
                    if v.register_key == "news_bulletins")
        window.area_tab("press")._tabs.setCurrentWidget(view)
        qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5_000)
        view.table.selectRow(0)
        window.activateWindow()
        qtbot.waitUntil(lambda: view.table.isVisible() and window.isActiveWindow(),
                        timeout=2_000)
        view.table.setFocus()
        qtbot.waitUntil(view.table.hasFocus, timeout=2_000)
        seen.clear()
        _close_next_dialog(seen)
        QTest.keyClick(view.table, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
        assert isinstance(seen[0], RecordDetailDialog)
