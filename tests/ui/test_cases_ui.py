"""The declared cases of an area in its tab: soonest due first, coloured by the one status rule,
the selected case's clocks explained."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from sotttt_desktop.areas import AREAS
from sotttt_desktop.i18n import LOCAL_TZ
from sotttt_desktop.services import Services
from sotttt_desktop.ui.area_tab import AreaTab
from sotttt_desktop.ui.cases_view import STATUS_COLOURS, CasesView

REPORTED = {"item": "https://www.facebook.com/quangcao.x/posts/1", "platform": "Facebook"}

def test_an_area_with_declared_cases_lists_them(qtbot, services: Services,  # noqa: ANN001
                                                tmp_path: Path) -> None:
    now = dt.datetime.now(LOCAL_TZ).replace(tzinfo=None, second=0, microsecond=0)
    late = services.cases.open("takedown_request", "Quảng cáo <b>sai</b> trên nền tảng X",
                               data=REPORTED, at=now - dt.timedelta(hours=30))["code"]
    report = services.cases.open("ads_annual_report", "Báo cáo năm", at=now)["code"]
    services.cases.open("denunciation", "Tố cáo (khu vực khác)", at=now)
    tab = AreaTab(services, next(a for a in AREAS if a.key == "e_information"))
    qtbot.addWidget(tab)
    assert tab.findChild(QLabel, "area_pending") is None
    view = tab.findChild(CasesView)
    assert view is not None and view.model.keys == [late, report]  # its area only, due order
    colour = view.model.data(view.model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    assert colour.color().name() == STATUS_COLOURS["overdue"]
    assert view.model.data(view.model.index(0, 4)) == "quá hạn"
    view.table.selectRow(0)
    html = view.detail.toHtml()
    assert "Thời hạn 24 giờ." in view.detail.toPlainText() and "<b>sai</b>" not in html
    view.overdue.setChecked(True)
    assert view.model.keys == [late]
    view.overdue.setChecked(False)
    tab.resize(1100, 500)
    view.table.selectRow(0)
    tab.grab().save(str(tmp_path / "cases.png"))
    assert (tmp_path / "cases.png").stat().st_size > 0
    view.kind.setCurrentIndex(view.kind.findData("ads_annual_report"))
    assert view.model.keys == [report]


def test_a_takedown_case_is_opened_and_closed_with_the_buttons(qtbot, services: Services,  # noqa: ANN001
                                                                tmp_path: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from sotttt_desktop.ui.case_dialogs import NewCaseDialog, StepDialog

    now = dt.datetime.now(LOCAL_TZ).replace(tzinfo=None, second=0, microsecond=0)
    services.cases.open("takedown_request", "Yêu cầu đã gửi 10 giờ trước", data=REPORTED,
                        at=now - dt.timedelta(hours=10))
    view = CasesView(services, "e_information")
    qtbot.addWidget(view)
    view.show()
    assert view.model.data(view.model.index(0, 4)) == "đúng hạn — còn 13 giờ"
    assert not view.step_button.isEnabled()  # nothing chosen yet
    capture = tmp_path / "anh-chup.png"
    capture.write_bytes(b"capture" * 300)
    seen: list[str] = []

    def fill_the_case() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewCaseDialog)
        QTimer.singleShot(5_000, dialog.reject)  # never left open by a failed check
        dialog.kind.setCurrentIndex(dialog.kind.findData("takedown_request"))
        dialog.title.setText("Trang quảng cáo thuốc không phép")
        assert not dialog.open_case()  # the platform and the item are required
        seen.append(dialog.form.error_text("item"))
        dialog.set_text("item", "https://www.facebook.com/thuoc.x")
        dialog.set_text("platform", "Facebook")
        dialog.form.editors["evidence"].add_paths([capture])
        assert dialog.open_case()

    QTimer.singleShot(50, fill_the_case)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert seen == ["Trường này bắt buộc nhập."]
    opened = view._selected
    assert opened is not None and opened["title"] == "Trang quảng cáo thuốc không phép"
    text = view.detail.toPlainText()
    assert "Nền tảng: Facebook" in text and "SHA-256" in text
    # the request letter took the next number of the register (the first case took 01)
    assert "Số văn bản yêu cầu đã gửi: 02/STTTT-TTBCXB" in text
    row = view.model.keys.index(opened["code"])
    assert view.model.data(view.model.index(row, 4)) == "đúng hạn — còn 23 giờ"
    assert view.step_button.isEnabled()

    def take_the_step() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, StepDialog)
        QTimer.singleShot(5_000, dialog.reject)
        dialog.step.setCurrentIndex(dialog.step.findData("block"))
        assert dialog.decision.isVisibleTo(dialog) and not dialog.reason.isVisibleTo(dialog)
        dialog.step.setCurrentIndex(dialog.step.findData("removed"))
        assert not dialog.decision.isVisibleTo(dialog)
        assert dialog.take()

    QTimer.singleShot(50, take_the_step)
    qtbot.mouseClick(view.step_button, Qt.MouseButton.LeftButton)
    assert services.cases.show(opened["code"])["state"] == "removed"
    assert not view.step_button.isEnabled()
    assert "Không còn bước xử lý" in view.step_button.toolTip()
    view.resize(1200, 600)
    view.grab().save(str(tmp_path / "takedown.png"))


def test_a_viewer_may_neither_open_nor_step(qtbot, services: Services) -> None:  # noqa: ANN001
    services.security.add_user("xem", "Người xem", "mat-khau-1", ["viewer"], must_change=False)
    viewer = services.as_actor(services.security.login("xem", "mat-khau-1"))
    services.cases.open("takedown_request", "Yêu cầu", data=REPORTED)
    view = CasesView(viewer, "e_information")
    qtbot.addWidget(view)
    assert not view.new_button.isEnabled() and "không có quyền mở vụ việc" in \
        view.new_button.toolTip()
    view.table.selectRow(0)
    assert not view.step_button.isEnabled() and "không có quyền" in view.step_button.toolTip()


def test_the_annual_report_is_written_in_its_case_and_printed(qtbot, services: Services,  # noqa: ANN001
                                                               tmp_path: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from sotttt_desktop.ui.case_dialogs import EditCaseDialog
    from sotttt_desktop.ui.document_preview import DocumentPreview

    now = dt.datetime.now(LOCAL_TZ).replace(tzinfo=None, second=0, microsecond=0)
    code = services.cases.open("ads_annual_report", "Báo cáo năm", at=now)["code"]
    view = CasesView(services, "e_information")
    qtbot.addWidget(view)
    view.show()
    assert not view.edit_button.isEnabled() and not view.print_button.isEnabled()
    view.select(code)
    assert view.edit_button.isEnabled() and view.print_button.isEnabled()
    seen: list[str] = []

    def write_the_report() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, EditCaseDialog)
        QTimer.singleShot(5_000, dialog.reject)
        dialog.form.set_texts({"assessment": "Đã theo dõi thường xuyên.",
                               "proposals": "Đề nghị Bộ công bố danh sách vi phạm."})
        assert dialog.save()

    QTimer.singleShot(50, write_the_report)
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    assert services.cases.show(code)["data"]["proposals"] == "Đề nghị Bộ công bố danh sách vi phạm."
    assert "Đánh giá chung: Đã theo dõi thường xuyên." in view.detail.toPlainText()
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    preview = view.preview
    assert isinstance(preview, DocumentPreview)
    qtbot.waitUntil(lambda: preview.ready or preview.failed, timeout=30_000)
    assert preview.ready and not preview.failed
    seen.append(preview.windowTitle())
    assert code in seen[0]
    preview.close()
    # sent with the Step button: no number to type, the register gives the next one
    from sotttt_desktop.ui.case_dialogs import StepDialog

    def send_the_report() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, StepDialog)
        QTimer.singleShot(5_000, dialog.reject)
        dialog.step.setCurrentIndex(dialog.step.findData("send"))
        assert dialog.issued_note.isVisibleTo(dialog)
        assert not dialog.decision.isVisibleTo(dialog)
        seen.append(dialog.issued_note.text())
        assert dialog.take()

    QTimer.singleShot(50, send_the_report)
    qtbot.mouseClick(view.step_button, Qt.MouseButton.LeftButton)
    assert "sổ đăng ký văn bản đi" in seen[1]
    sent = services.cases.show(code)["timeline"][-1]
    assert sent["step"] == "send" and sent["decision"] == "01/BC-STTTT"
    # a takedown request records fields but prints nothing; once sent, the report is kept
    view.refresh()
    view.select(code)
    assert not view.edit_button.isEnabled() and "đã kết thúc" in view.edit_button.toolTip()
    assert view.print_button.isEnabled()
    takedown = services.cases.open("takedown_request", "Yêu cầu", data=REPORTED)["code"]
    view.refresh()
    view.select(takedown)
    assert view.edit_button.isEnabled()
    assert not view.print_button.isEnabled() and "không có văn bản" in \
        view.print_button.toolTip()


def test_a_denouncer_is_masked_in_the_tab_until_a_leader_assigns_the_case(
        qtbot, services: Services) -> None:  # noqa: ANN001
    """An inspector opens a denunciation (it is his); another inspector sees "(bảo mật)" and
    cannot assign; the leader gives it to the second, who then reads the name."""
    def user(name: str, roles: list[str]) -> Services:
        services.security.add_user(name, name.title(), "mat-khau-1", roles, must_change=False)
        return services.as_actor(services.security.login(name, "mat-khau-1"))

    first, second, leader = (user("thanhtra1", ["inspector"]), user("thanhtra2", ["inspector"]),
                             user("giamdoc", ["leader"]))
    first.cases.open("denunciation", "Tố cáo cán bộ", data={"denouncer": "Lê Thị Tố Giác"})
    views = {}
    for name, who in (("first", first), ("second", second), ("leader", leader)):
        views[name] = CasesView(who, "inspection")
        qtbot.addWidget(views[name])
        views[name].table.selectRow(0)
    assert "Lê Thị Tố Giác" in views["first"].detail.toPlainText()
    assert "(bảo mật)" in views["second"].detail.toPlainText()
    assert "Lê Thị Tố Giác" not in views["second"].detail.toPlainText()
    assert not views["second"].assign_button.isEnabled()
    assert views["leader"].assign_button.isEnabled()
    assert views["leader"].assign_case("thanhtra2")["assigned_to"] == "thanhtra2"
    assert "Giao cho: thanhtra2" in views["leader"].detail.toPlainText()
    views["second"].refresh()
    views["second"].table.selectRow(0)
    assert "Lê Thị Tố Giác" in views["second"].detail.toPlainText()
