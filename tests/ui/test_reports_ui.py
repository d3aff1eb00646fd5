"""The Reports tab clicked as a leader and as a viewer (issue #21): the reports due, Biểu 06 counted
off the GUI thread, exported and printed, a report recorded as sent through its dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from sotttt_desktop.services.demo import DEMO_PASSWORD
from sotttt_desktop.services.setup import open_services
from sotttt_desktop.settings import sqlite_location
from sotttt_desktop.ui.app import ui_settings
from sotttt_desktop.ui.document_preview import DocumentPreview
from sotttt_desktop.ui.main_window import MainWindow
from sotttt_desktop.ui.reports_screen import RecordSentDialog, ReportsScreen


def _window(qtbot, path: Path, user: str) -> tuple[MainWindow, ReportsScreen]:  # noqa: ANN001
    system = open_services(sqlite_location(path))
    services = system.as_actor(system.security.login(user, DEMO_PASSWORD))
    window = MainWindow(services, ui_settings())
    qtbot.addWidget(window)
    window.show()
    tab = window.area_tab("reports")
    screen = tab.findChild(ReportsScreen)
    assert screen is not None
    return window, screen


def test_a_leader_counts_exports_prints_and_records_a_report(qtbot, demo_db_path: Path,  # noqa: ANN001
                                                             tmp_path: Path) -> None:
    window, screen = _window(qtbot, demo_db_path, "lanhdao")
    qtbot.waitUntil(lambda: window.reports_due_label.isVisible(), timeout=5_000)
    due_before = window.reports_due_label.text()
    screen.period.setText("2024-Q3~")
    screen.count_button.click()
    qtbot.waitUntil(lambda: screen.counts is not None, timeout=10_000)
    assert screen.count_model.rowCount() > 3
    total = screen.counts["total"]["received"]
    assert screen.count_model.index(0, 1).data() == f"{total:,}".replace(",", ".")
    assert "quý III năm 2024" in screen.summary.text()
    result = screen.export_statistics(str(tmp_path / "b06.xlsx"))
    assert result is not None and load_workbook(tmp_path / "b06.xlsx").active["C9"].value == total
    preview = screen.print_statistics()
    assert isinstance(preview, DocumentPreview)
    qtbot.waitUntil(lambda: preview.ready, timeout=15_000)
    preview.close()
    # a report due: the one-stop statistics of the quarter, recorded as sent today
    rows = [i for i, r in enumerate(screen._due_rows)
            if r["key"] == "one_stop_statistics" and not r["sent"]]
    assert rows, screen._due_rows
    screen.due_table.selectRow(rows[0])
    assert screen.print_due.isEnabled() and screen.record_sent.isEnabled()
    dialog = screen.record_selected()
    assert isinstance(dialog, RecordSentDialog)
    dialog.channel.setCurrentIndex(dialog.channel.findData("e_document"))
    dialog.confirm.click()
    assert dialog.recorded is not None, dialog.error.text()
    assert dialog.recorded["number"].endswith("/BC-STTTT")
    assert screen.sent_model.rowCount() == 1
    assert screen.sent_model.index(0, 1).data() == dialog.recorded["number"]
    # taken back (recorded by mistake), then recorded again: a new number, the old one voided
    first = dialog.recorded["number"]
    screen.sent_table.selectRow(0)
    assert screen.withdraw.isEnabled()
    assert screen.withdraw_selected("Ghi nhầm hình thức gửi")["number"] == first
    assert screen.sent_model.rowCount() == 0
    rows = [i for i, r in enumerate(screen._due_rows)
            if r["key"] == "one_stop_statistics" and not r["sent"]]
    screen.due_table.selectRow(rows[0])
    again = screen.record_selected()
    again.channel.setCurrentIndex(again.channel.findData("post"))
    again.confirm.click()
    assert again.recorded is not None and again.recorded["number"] != first
    # the status bar counts one report fewer
    count = int(due_before.rsplit(" ", 1)[1])
    qtbot.waitUntil(lambda: window.reports_due_label.text().endswith(f" {count - 1}")
                    or (count == 1 and not window.reports_due_label.isVisible()), timeout=5_000)


def test_the_dashboard_opens_on_first_use_and_its_bars_open_their_lists(
        qtbot, demo_db_path: Path, tmp_path: Path) -> None:  # noqa: ANN001
    from sotttt_desktop.ui.dashboard_view import LateDossiersDialog

    window, screen = _window(qtbot, demo_db_path, "lanhdao")
    assert screen.dashboard is None  # not made until its page is shown
    dashboard = screen.show_dashboard()
    qtbot.waitUntil(lambda: dashboard.figures is not None, timeout=10_000)
    months = dashboard.figures["on_time"]
    assert len(months) == 12 and dashboard.on_time.labels[-1] == "11/24"
    index = max(range(12), key=lambda i: months[i]["late"])
    dialog = dashboard.open_month(index)
    assert isinstance(dialog, LateDossiersDialog)
    assert dialog.model.rowCount() == months[index]["late"] > 0
    dialog.close()
    dashboard.open_area(0)  # the desk, filtered by the area of the first bar
    desk = window.area_tab("one_stop").custom
    assert desk.dossiers.area.currentData() == dashboard._areas[0]
    preview = dashboard.print_report()  # the charts in a printed report
    qtbot.waitUntil(lambda: preview.ready or preview.failed, timeout=15_000)
    assert preview.ready
    preview.close()
    assert dashboard.save_png(str(tmp_path / "d.png"))
    assert (tmp_path / "d.png").read_bytes().startswith(b"\x89PNG")


def test_a_viewer_may_look_but_not_record(qtbot, demo_db_path: Path) -> None:  # noqa: ANN001
    _window_, screen = _window(qtbot, demo_db_path, "xem")
    if screen.due_model.rowCount():
        screen.due_table.selectRow(0)
    assert not screen.record_sent.isEnabled()
    assert screen.count_button.isEnabled()  # a viewer sees the one-stop desk's figures
    assert not screen.export_counts.isEnabled() and screen.export_counts.toolTip()


def test_a_sector_report_prints_from_the_due_list_and_for_any_period(
        qtbot, demo_db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """The TT 04/2022 statistics counted as of the period's end: the half-year postal report,
    past due in the demo, printed from the due list; the telecom report of a period typed."""
    _window_, screen = _window(qtbot, demo_db_path, "lanhdao")
    rows = [i for i, r in enumerate(screen._due_rows) if r["document"] == "postal-statistics"]
    assert rows, screen._due_rows
    screen.due_table.selectRow(rows[0])
    assert screen.print_due.isEnabled()
    preview = screen.print_selected()
    qtbot.waitUntil(lambda: preview.ready or preview.failed, timeout=15_000)
    assert preview.ready
    preview.close()
    kinds = [screen.any_report.itemData(i) for i in range(screen.any_report.count())]
    assert {"postal-statistics", "telecom-statistics", "press-statistics",
            "security-statistics", "one-stop-statistics"} <= set(kinds)
    screen.any_report.setCurrentIndex(kinds.index("telecom-statistics"))
    said: list[str] = []  # no period typed: said, not silently ignored
    monkeypatch.setattr("sotttt_desktop.ui.reports_screen.show_error",
                        lambda _parent, message, _title=None: said.append(message))
    screen.any_period.setText("  ")
    assert screen.print_any() is None and said and "2024-Q3" in said[0]
    screen.any_period.setText("2024")
    preview = screen.print_any()
    qtbot.waitUntil(lambda: preview.ready or preview.failed, timeout=15_000)
    assert preview.ready
    preview.close()
