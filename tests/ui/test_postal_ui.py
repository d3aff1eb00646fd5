"""The postal tab (issue #17): the licence not started a year on is found by the tab's check box
and its record says why (Luật Bưu chính Art. 24); a licence that started says nothing."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from sotttt_desktop.areas import AREAS
from sotttt_desktop.core import clock
from sotttt_desktop.services import Services
from sotttt_desktop.ui.area_tab import AreaTab
from sotttt_desktop.ui.dialogs.record_detail import RecordDetailDialog
from sotttt_desktop.ui.widgets.register_view import RegisterView
from tests.permit_samples import SAMPLES, issue_at_the_desk


def _holder(services: Services, name: str, tax_code: str) -> dict:
    return services.parties.add(kind="org", name=name, tax_code=tax_code, district_code="718",
                                address="Số 1 Đại lộ Bình Dương, phường Phú Hòa")


def test_the_licence_not_started_is_filtered_and_explained(qtbot, services: Services  # noqa: ANN001
                                                           ) -> None:
    for name, tax_code in (("Công ty Cổ phần Bưu chính Sông Bé", "3700111444"),
                           ("Công ty TNHH Chuyển phát Phú Lợi", "3700111555")):
        issue_at_the_desk(services, _holder(services, name, tax_code), "postal.licence.issue",
                          details=SAMPLES["postal.licence"], valid_until=dt.date(2034, 3, 15))
    started = next(e for e in services.registers.iter_records("postal_licences")
                   if e["tax_code"] == "3700111555")
    from sotttt_desktop.registers import get_register
    from sotttt_desktop.services.records import edit_text

    raw = {f.name: edit_text(f, started.get(f.name))
           for f in get_register("postal_licences").fields if started.get(f.name) is not None}
    services.registers.update("postal_licences", started["id"],
                              {**raw, "started_on": "02/05/2024"}, started["version"])
    clock.set_working_date(dt.date(2025, 3, 20))
    tab = AreaTab(services, next(a for a in AREAS if a.key == "postal"))
    qtbot.addWidget(tab)
    tab.show()
    assert "Chưa cung ứng dịch vụ: đến hạn trong 60 ngày: 1 (quá hạn 1)" in tab.overview.text()
    view = tab.show_register("postal_licences")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    assert view.due_filter is not None
    qtbot.mouseClick(view.due_filter, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    for entry in services.registers.iter_records("postal_licences"):
        detail = RecordDetailDialog(services, "postal_licences", entry)
        qtbot.addWidget(detail)
        detail.show()
        remark = detail.findChild(QLabel, "record_remarks")
        if entry["tax_code"] == "3700111444":
            assert remark.isVisible()
            assert remark.text().startswith("Lưu ý: Chưa triển khai cung ứng dịch vụ")
            assert "15/03/2025" in remark.text() and "Điều 24" in remark.text()
        else:
            assert not remark.isVisible()


def test_edit_and_details_follow_the_selected_row_and_keep_it(qtbot, services: Services  # noqa: ANN001
                                                              ) -> None:
    """The walk of issue #17's tabs found Edit doing nothing after Details: the view read
    again and lost the row. Now the row stays selected, and without one the buttons say so."""
    from sotttt_desktop.ui.widgets.register_view import RegisterView

    for n in range(3):
        services.registers.create("cable_routes", {
            "route_code": f"TD-718-0{n}", "route": f"Tuyến số {n}",
            "owner_id": str(_holder(services, f"Công ty Viễn thông {n}", f"370011100{n}")["id"]),
            "kind": "aerial", "length_km": "1", "district_code": "718", "state": "in_use"})
    view = RegisterView(services, "cable_routes")
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    assert not view.edit_button.isEnabled() and not view.details_button.isEnabled()
    assert view.edit_button.toolTip() == "Hãy chọn một bản ghi trong danh sách trước."
    view.table.selectRow(2)
    chosen = view.selected_id()
    assert view.edit_button.isEnabled() and view.details_button.isEnabled()
    view._after_change()  # what closing the details does  # noqa: SLF001
    assert view.selected_id() == chosen and view.edit_button.isEnabled()


def test_an_appraisal_prints_its_letter_only_once_sent(qtbot, services: Services  # noqa: ANN001
                                                       ) -> None:
    import datetime as dt

    from sotttt_desktop.ui.cases_view import CasesView

    services.parties.add(kind="org", name="Sở Y tế tỉnh Bình Dương")
    opened = services.cases.open(
        "it_design_224_bc", "Thẩm định thiết kế dự án", at=dt.datetime(2026, 11, 2, 9),
        data={"project": "Dự án nâng cấp mạng", "investor": "Sở Y tế tỉnh Bình Dương",
              "funding": "public_investment", "value": "9000000000", "conclusion": "Phù hợp."})
    view = CasesView(services, "digital")
    qtbot.addWidget(view)
    view.select(opened["code"])
    assert not view.print_button.isEnabled()
    assert "gửi kết quả thẩm định" in view.print_button.toolTip()
    services.cases.step(opened["code"], "send_result", at=dt.datetime(2026, 11, 9, 15))
    view.refresh()
    view.select(opened["code"])
    assert view.print_button.isEnabled()


def test_a_yearly_document_is_printed_from_its_register(qtbot, services: Services,  # noqa: ANN001
                                                        tmp_path) -> None:  # noqa: ANN001
    """The IT enterprises' "Yearly statistics…" asks the year (last year proposed) and shows
    the statistics of that year; a year without figures says so; the DTI workbook offers its
    summary the same way; other registers offer none."""
    from sotttt_desktop.ui.document_preview import DocumentPreview
    from tests.ui.walker import Answerer

    party = services.parties.add(kind="org", name="Công ty TNHH Phần mềm Chánh Nghĩa",
                                 tax_code="3700100001", district_code="718")
    services.registers.create("it_enterprises", {
        "enterprise_id": str(party["id"]), "kind": "software", "district_code": "718",
        "figures_year": "2023", "employees": "40", "it_staff": "32"})
    view = RegisterView(services, "it_enterprises")
    qtbot.addWidget(view)
    button = view.yearly_buttons["it-statistics"]
    assert button.text() == "Thống kê &năm…"
    answerer = Answerer(tmp_path)
    answerer.inputs = {"Năm": "2023"}
    answerer.start()
    try:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        preview = view.findChild(DocumentPreview)
        assert preview is not None
        qtbot.waitUntil(lambda: preview.ready, timeout=30_000)
        assert preview.rendered.kind == "it-statistics" and preview.rendered.subject_ref == "2023"
        assert answerer.seen[0][0] == "input"
        preview.close()
        view.print_yearly("it-statistics", 2019)  # nothing of 2019: a message, no preview
        qtbot.waitUntil(lambda: any("2019" in m for m in answerer.messages()), timeout=30_000)
    finally:
        answerer.stop()
    dti = RegisterView(services, "dti_scores")
    qtbot.addWidget(dti)
    assert list(dti.yearly_buttons) == ["dti-summary"]
    assert RegisterView(services, "it_products").yearly_buttons == {}
