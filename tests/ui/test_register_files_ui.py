"""The publishing tab offscreen: overview, export of the filtered register, import preview and
commit."""

from __future__ import annotations

from pathlib import Path

from sotttt_desktop.services import Services
from sotttt_desktop.ui.app import ui_settings
from sotttt_desktop.ui.main_window import MainWindow

CSV = ("Mã số thuế,Tên,Huyện,Giấy phép hay đăng ký,Trạng thái\n"
       "3700000001,Công ty TNHH In Phú Cường,thu dau mot,Giấy phép hoạt động in,Đang hoạt động\n"
       "3700000002,Cơ sở in Dĩ An,Dĩ An,Đăng ký hoạt động cơ sở in,Đang hoạt động\n"
       ",Cơ sở thiếu mã số thuế,Dĩ An,Giấy phép hoạt động in,Đang hoạt động\n")


def test_import_preview_then_commit_and_export(qtbot, services: Services,  # noqa: ANN001
                                               tmp_path: Path) -> None:
    window = MainWindow(services, ui_settings())
    qtbot.addWidget(window)
    window.show()  # a screen refreshes itself on a change when it is on screen
    tab = window.area_tab("publishing")
    assert "Cơ sở in: 0" in tab.overview.text()
    view = tab.register_views[0]
    source = tmp_path / "co-so-in.csv"
    source.write_text(CSV, encoding="utf-8")
    dialog = view.import_file(str(source))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy)  # the file is read on a worker
    assert "2 thêm mới" in dialog.summary.text() and "1 bị loại" in dialog.summary.text()
    assert dialog.table.rowCount() == 3
    assert dialog.table.item(2, 1).text() == "bị loại"
    assert "Mã số thuế" in dialog.table.item(2, 4).text()
    assert not dialog.commit_button.isEnabled()  # rejected rows: the clerk decides
    dialog.skip.setChecked(True)
    assert dialog.commit_button.isEnabled()
    operation = dialog.commit()
    qtbot.waitUntil(lambda: operation.done)
    assert dialog.committed and operation.error is None
    dialog.accept()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)  # the change hub refreshed the view
    out = tmp_path / "export.xlsx"
    export = view.export_file(str(out))
    qtbot.waitUntil(lambda: export.done)
    assert export.result == 2 and out.stat().st_size > 0
    assert "Đã ghi 2 bản ghi" in view.count_label.text()


def test_the_import_preview_shows_unused_and_repeated_columns(qtbot, services: Services,  # noqa: ANN001
                                                              tmp_path: Path) -> None:
    window = MainWindow(services, ui_settings())
    qtbot.addWidget(window)
    view = window.area_tab("publishing").register_views[0]
    source = tmp_path / "cot.csv"
    source.write_text("STT,Mã số thuế,MST,Tên,Quận/huyện,Giấy phép hay đăng ký,Trạng thái\n"
                      "1,3700000001,3700000001,Cơ sở in A,Dĩ An,Giấy phép hoạt động in,"
                      "Đang hoạt động\n", encoding="utf-8")
    dialog = view.import_file(str(source))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy)
    text = dialog.summary.text()
    assert "1 thêm mới" in text  # "Quận/huyện" recognised
    assert "Các cột không dùng: STT." in text
    assert "Cột trùng với cột khác (chỉ sử dụng cột đầu tiên): MST." in text
