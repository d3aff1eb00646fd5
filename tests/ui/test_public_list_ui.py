"""The game points register offers the public list (issue #16): as of a day, how many points it
holds, viewed and printed as the official list, saved as a spreadsheet; other registers do not
offer one, and a viewer may look but not save."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt

from sotttt_desktop.services import Services
from sotttt_desktop.ui.public_list_dialog import PublicListDialog
from sotttt_desktop.ui.widgets.register_view import RegisterView
from tests.services.test_public_lists import ON, _point


def test_the_public_list_from_the_register(qtbot, services: Services,  # noqa: ANN001
                                           tmp_path: Path) -> None:
    _point(services, "Số 5 đường Yersin, phường Phú Cường", "718", "12/GCN-STTTT", "05/03/2023",
           "05/03/2026")
    _point(services, "Số 1 đường ĐT743, phường Bình Hòa", "725", "03/GCN-STTTT", "10/10/2021",
           "10/10/2024")  # lapsed on the day
    websites = RegisterView(services, "websites")
    qtbot.addWidget(websites)
    assert websites.public_list_button is None
    view = RegisterView(services, "game_points")
    qtbot.addWidget(view)
    qtbot.mouseClick(view.public_list_button, Qt.MouseButton.LeftButton)
    dialog = view.findChild(PublicListDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.day.setDate(QDate(ON.year, ON.month, ON.day))
    assert dialog.count.text() == "1 mục còn hiệu lực tại ngày 29/11/2024."
    dialog.day.setDate(QDate(2024, 10, 1))
    assert dialog.count.text().startswith("2 mục")
    dialog.day.setDate(QDate(ON.year, ON.month, ON.day))
    preview = dialog.preview()
    qtbot.addWidget(preview)
    qtbot.waitUntil(lambda: preview.ready, timeout=30_000)
    assert preview.rendered.kind == "public-list" and len(preview.page_labels) == 1
    pixmap = preview.page_labels[0].pixmap()
    assert pixmap.width() > pixmap.height()  # A4 landscape
    assert dialog.save(str(tmp_path / "danh-sach.xlsx")) == 1
    assert "Đã ghi 1 mục" in dialog.count.text()


def test_a_viewer_may_look_but_not_save(qtbot, services: Services) -> None:  # noqa: ANN001
    services.security.add_user("xem", "Người xem", "mat-khau-1", ["viewer"], must_change=False)
    viewer = services.as_actor(services.security.login("xem", "mat-khau-1"))
    dialog = PublicListDialog(viewer, "game_points")
    qtbot.addWidget(dialog)
    assert dialog.preview_button.isEnabled() and not dialog.save_button.isEnabled()
    assert "không có quyền" in dialog.save_button.toolTip()
