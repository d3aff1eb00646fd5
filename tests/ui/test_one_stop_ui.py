"""The One-stop tab offscreen: receive in the dialog, act in the detail, issue, return."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, Qt

from sotttt_desktop.services import Services
from sotttt_desktop.ui.app import ui_settings
from sotttt_desktop.ui.main_window import MainWindow
from sotttt_desktop.ui.one_stop import DossierDialog, OneStopTab, ReceiveDialog
from tests.permit_samples import sample

WEBSITE = sample("e_information.website", but="domain")


def _applicant(services: Services) -> dict:
    return services.parties.add(kind="org", name="Công ty TNHH Tin Tức Đông Nam",
                                tax_code="3700777888", district_code="725")


def test_the_tab_is_built_from_the_area_declaration(qtbot, services: Services) -> None:  # noqa: ANN001
    window = MainWindow(services, ui_settings())
    qtbot.addWidget(window)
    tab = window.area_tab("one_stop")
    assert isinstance(tab.custom, OneStopTab)
    assert tab.custom.tabs.tabText(0) == "Hồ sơ"


def test_receive_in_the_dialog_then_act_issue_and_return(qtbot, services: Services) -> None:  # noqa: ANN001
    applicant = _applicant(services)
    tab = OneStopTab(services)
    qtbot.addWidget(tab)
    dialog = ReceiveDialog(services, tab)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.procedure_filter, "thiet lap trang thong tin dien tu")
    assert dialog.selected_procedure() == "e_information.website.issue"
    assert dialog.checklist.count() == 3
    dialog.received.setDateTime(QDateTime(dt.datetime(2024, 6, 3, 9, 0)))
    assert "17/06/2024" in dialog.due_label.text()  # the due date, before saving
    qtbot.keyClicks(dialog.applicant_filter, "dong nam")
    assert dialog.applicants.count() == 1
    for row in range(dialog.checklist.count()):  # nothing is ticked before the clerk does
        assert dialog.checklist.item(row).checkState() == Qt.CheckState.Unchecked
        dialog.checklist.item(row).setCheckState(Qt.CheckState.Checked)
    dialog.checklist.item(0).setCheckState(Qt.CheckState.Unchecked)  # a required item missing
    dialog.receive()
    assert "Thiếu thành phần hồ sơ bắt buộc" in dialog.error.text()
    assert services.dossiers.count() == 0
    dialog.checklist.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.receive()
    code = dialog.result_dossier["code"]
    assert code == "STTTT-240603-0001"
    tab.dossiers.reload()
    assert tab.dossiers.model.keys == [code]

    detail = DossierDialog(services, code, tab)
    qtbot.addWidget(detail)
    assert set(detail.buttons) >= {"start_appraisal", "request_supplement", "withdraw"}
    assert "approve" not in detail.buttons  # only what the state allows
    detail.buttons["start_appraisal"].click()
    detail.buttons["approve"].click()
    assert detail.issue_permit(subject="https://tintucdongnam.vn", details=WEBSITE)
    detail.buttons["return_result"].click()
    assert detail.data["state"] == "returned"
    assert detail.timeline.count() == 5
    tab.permits.reload()
    assert tab.permits.model.rowCount() == 1
    assert tab.permits.model.data(tab.permits.model.index(0, 2)) == applicant["name"]


def test_the_row_models_pass_the_model_tester(qtmodeltester, qtbot, services: Services) -> None:  # noqa: ANN001
    applicant = _applicant(services)
    services.dossiers.receive("e_information.website.issue", applicant["id"],
                              received_at=dt.datetime(2024, 2, 7, 9))
    tab = OneStopTab(services)
    qtbot.addWidget(tab)
    qtmodeltester.check(tab.dossiers.model, force_py=True)
    qtmodeltester.check(tab.permits.model, force_py=True)
    assert tab.dossiers.model.data(tab.dossiers.model.index(0, 6)) == "quá hạn"
    views = tab.dossiers
    views.procedure.setCurrentIndex(views.procedure.findData("postal.licence.issue"))
    assert views.model.rowCount() == 0  # filtered by procedure
    views.procedure.setCurrentIndex(views.procedure.findData("e_information.website.issue"))
    assert views.model.rowCount() == 1


def _approved(services: Services, applicant: dict, key: str) -> str:
    code = services.dossiers.receive(key, applicant["id"],
                                     received_at=dt.datetime(2024, 3, 1, 9))["code"]
    services.dossiers.act(code, "start_appraisal")
    services.dossiers.act(code, "approve")
    return code


def test_extension_suspension_and_revocation_from_the_tab(qtbot, services: Services) -> None:  # noqa: ANN001
    applicant = _applicant(services)

    def approved(key: str) -> str:
        return _approved(services, applicant, key)

    tab = OneStopTab(services)
    qtbot.addWidget(tab)
    first = DossierDialog(services, approved("e_information.website.issue"), tab)
    qtbot.addWidget(first)
    assert first.issue_permit(subject="https://dongnam.vn", details=WEBSITE)
    number = services.permits.list()[0]["reference"]
    extension = DossierDialog(services, approved("e_information.website.extend"), tab)
    qtbot.addWidget(extension)
    assert not extension.issue_permit(subject="", replaces=number, extend_months=36)
    assert "24 tháng" in extension.error.text()
    assert extension.issue_permit(subject="", replaces=number, extend_months=24)
    tab.permits.reload()
    newest = services.permits.list()[0]
    assert newest["action"] == "extend"
    tab.permits.table.selectRow(tab.permits.model.keys.index(newest["reference"]))
    assert tab.permits.decide_selected("suspend", reason="Kiểm tra",
                                       until=dt.date.today() + dt.timedelta(days=30))
    suspended = services.permits.list()[0]
    assert suspended["state"] == "suspended"
    assert suspended["decision_number"] == "01/QĐ-STTTT"  # from the register, never typed
    tab.permits.table.selectRow(0)
    assert tab.permits.decide_selected("revoke", reason="Vi phạm")
    revoked = services.permits.list()[0]
    assert revoked["state"] == "revoked" and revoked["decision_number"] == "02/QĐ-STTTT"


def test_the_issue_dialog_offers_the_applicants_permits_to_extend(qtbot, services: Services) -> None:  # noqa: ANN001
    from sotttt_desktop.ui.one_stop import IssueDialog

    applicant = _applicant(services)

    def approved(key: str) -> dict:
        return services.dossiers.show(_approved(services, applicant, key))

    early = approved("e_information.website.extend")
    nothing = IssueDialog(services, early)  # no permit to extend yet: said, not refused later
    qtbot.addWidget(nothing)
    assert not nothing.issue_button.isEnabled() and "không có giấy phép" in nothing.error.text()
    first = approved("e_information.website.issue")
    dialog = IssueDialog(services, first)
    qtbot.addWidget(dialog)
    dialog.issue()  # the declared contents are required: said next to each field, nothing written
    assert "Vui lòng sửa" in dialog.error.text() and services.permits.list() == []
    assert dialog.contents.error_text("domain") == "Trường này bắt buộc nhập."
    dialog.subject.setText("https://dongnam.vn")
    for name, text in WEBSITE.items():
        dialog.set_text(name, text)
    dialog.issue()
    assert dialog.result() == dialog.DialogCode.Accepted
    number = services.permits.list()[0]["number"]
    extension = IssueDialog(services, services.dossiers.show(early["code"]))
    qtbot.addWidget(extension)
    assert extension.replaces.count() == 1 and number in extension.replaces.itemText(0)
    assert extension.months.maximum() == 24  # the kind's limit, not typed and refused
    # the extension starts from the replaced permit's contents
    assert extension.subject.text() == "https://dongnam.vn"
    assert extension.contents.raw_values()["server_location"] == WEBSITE["server_location"]
    extension.issue()
    assert extension.result() == extension.DialogCode.Accepted
    assert services.permits.list()[0]["action"] == "extend"


def test_a_step_that_needs_words_asks_for_them_in_one_dialog(qtbot, services: Services) -> None:  # noqa: ANN001
    from sotttt_desktop.core import clock
    from sotttt_desktop.ui.one_stop import StepDialog

    applicant = _applicant(services)
    clock.set_working_date(dt.date(2024, 3, 1))  # steps taken "now" keep inside their windows
    code = services.dossiers.receive("e_information.website.issue", applicant["id"])["code"]
    services.dossiers.act(code, "start_appraisal")
    supplement = StepDialog(services, services.dossiers.show(code), "request_supplement")
    qtbot.addWidget(supplement)
    supplement.show()
    supplement.take()  # no reason: said inline, nothing written
    assert supplement.error.isVisible() and "lý do" in supplement.error.text()
    assert services.dossiers.show(code)["state"] == "in_appraisal"
    supplement.reason.setPlainText("Thiếu bản sao giấy chứng nhận đăng ký doanh nghiệp")
    supplement.take()
    assert supplement.result() == supplement.DialogCode.Accepted
    services.dossiers.act(code, "supplement_received")
    services.dossiers.act(code, "start_appraisal")
    dossier = services.dossiers.show(code)
    apology = StepDialog(services, dossier, "apologise")
    qtbot.addWidget(apology)
    assert apology.new_due.minimumDate().toPython() > dossier["due"]  # only a later date
    apology.reason.setPlainText("Cần xin ý kiến Bộ")
    day = dossier["due"] + dt.timedelta(days=7)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    apology.new_due.setDate(day)
    apology.take()
    assert apology.result() == apology.DialogCode.Accepted, apology.error.text()
    assert services.dossiers.show(code)["due"] == day
