"""Tools → Organisation profile: an administrator adds the period of a merger (issue #13 item 10)
with its header, founding decision, units and signers; a gap is named in the dialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from sotttt_desktop.services import Services
from sotttt_desktop.ui.dialogs.organisation_dialog import OrganisationDialog


def test_the_dialog_shows_the_period_in_force_and_its_history(qtbot, services: Services  # noqa: ANN001
                                                              ) -> None:
    dialog = OrganisationDialog(services)
    qtbot.addWidget(dialog)
    assert dialog.period.count() == 3  # 2021, 2023 and "New period…"
    assert dialog.founding["number"].text() == "15/2023/QĐ-UBND"
    assert "TTBCXB | Phòng Thông tin - Báo chí - Xuất bản" in dialog.units.toPlainText()
    dialog.period.setCurrentIndex(0)
    assert dialog.founding["number"].text() == "15/2021/QĐ-UBND"
    assert not dialog.effective.isEnabled()


def test_an_administrator_adds_a_period_with_new_units_and_signers(
        qtbot, services: Services) -> None:  # noqa: ANN001
    dialog = OrganisationDialog(services)
    qtbot.addWidget(dialog)
    dialog.period.setCurrentIndex(dialog.period.findData("new"))
    assert dialog.effective.isEnabled()
    dialog.effective.setDate(QDate(2025, 3, 1))
    dialog.edits["parent_body"].setText("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH")
    dialog.edits["parent_body_short"].setText("UBND THÀNH PHỐ HỒ CHÍ MINH")
    dialog.edits["agency_name"].setText("SỞ KHOA HỌC VÀ CÔNG NGHỆ")
    dialog.edits["abbreviation"].setText("SKHCN")
    dialog.edits["place_name"].setText("Thành phố Hồ Chí Minh")
    dialog.founding["number"].setText("abc")  # not a decision number
    dialog.founding_date.setDate(QDate(2025, 2, 27))
    dialog.founding["issuer"].setText("Ủy ban nhân dân Thành phố Hồ Chí Minh")
    dialog.founding["summary"].setText("quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ "
                                       "chức của Sở Khoa học và Công nghệ")
    dialog.units.setPlainText("VP | Văn phòng | administrative | one_stop, reports\n"
                              "BCVT | Phòng Bưu chính - Viễn thông | administrative | postal")
    dialog.new_signers.setChecked(True)
    dialog.signers.setPlainText(" | GIÁM ĐỐC | Lê Thành Tâm")
    dialog._save()
    assert not dialog.error.isHidden()
    assert "Số của quyết định thành lập" in dialog.error.text() or \
        "founding decision" in dialog.error.text()
    assert len(services.reference.profile_versions()) == 2

    dialog.founding["number"].setText("12/2025/QĐ-UBND")
    dialog._save()
    assert dialog.result() == OrganisationDialog.DialogCode.Accepted
    period = services.reference.profile(dt.date(2025, 3, 15))
    assert period["place_name"] == "Thành phố Hồ Chí Minh"
    assert period["founding_decision"]["number"] == "12/2025/QĐ-UBND"
    assert services.reference.unit_for_area("postal", dt.date(2025, 3, 15)) == (
        "Phòng Bưu chính - Viễn thông", "BCVT")
    assert [s["full_name"] for s in services.reference.signers(dt.date(2025, 3, 15))] == \
        ["Lê Thành Tâm"]
    assert services.reference.profile(dt.date(2025, 2, 28))["agency_name"] == \
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
