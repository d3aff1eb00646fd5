"""The record form: inline validation in Vietnamese, nothing written until the input is valid."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from sotttt_desktop.services import Services
from sotttt_desktop.ui.dialogs.record_form import RecordFormDialog
from sotttt_desktop.ui.widgets.register_view import RegisterView
from tests.conftest import DEMO_PARTIES


def _form(qtbot, services: Services, record=None) -> RecordFormDialog:  # noqa: ANN001
    dialog = RecordFormDialog(services, "parties", record)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_invalid_tax_code_is_explained_while_typing(qtbot, services: Services) -> None:  # noqa: ANN001
    dialog = _form(qtbot, services)
    tax = dialog.findChild(QLineEdit, "field_tax_code")
    qtbot.keyClicks(tax, "37001")
    assert "Mã số thuế gồm 10 chữ số" in dialog.error_text("tax_code")
    qtbot.keyClicks(tax, "23456")
    assert dialog.error_text("tax_code") == ""


def test_invalid_form_is_not_saved(qtbot, services: Services) -> None:  # noqa: ANN001
    dialog = _form(qtbot, services)
    dialog.set_text("name", "Công ty Sai")
    dialog.set_text("tax_code", "123")
    qtbot.keyClick(dialog.findChild(QLineEdit, "field_name"), Qt.Key.Key_Return)
    assert dialog.saved_record is None and dialog.isVisible()
    assert services.registers.count("parties") == 0


def test_required_name_is_flagged_on_save(qtbot, services: Services) -> None:  # noqa: ANN001
    dialog = _form(qtbot, services)
    assert dialog.error_text("name") == ""  # not shouted at before trying
    dialog._save()
    assert dialog.error_text("name") == "Trường này bắt buộc nhập."


def test_valid_form_saves_with_enter(qtbot, services: Services) -> None:  # noqa: ANN001
    dialog = _form(qtbot, services)
    dialog.set_text("name", "Công ty TNHH Truyền thông Sông Bé")
    dialog.set_text("tax_code", "3712345678")
    dialog.set_text("district_code", "725")
    dialog.set_text("commune_code", "Phường Lái Thiêu")
    qtbot.keyClick(dialog.findChild(QLineEdit, "field_name"), Qt.Key.Key_Return)
    assert dialog.saved_record is not None
    assert dialog.saved_record["commune_code"] is not None
    assert services.registers.count("parties") == 1


def test_person_fields_replace_organisation_fields(qtbot, services: Services) -> None:  # noqa: ANN001
    dialog = _form(qtbot, services)
    citizen = dialog.findChild(QLineEdit, "field_citizen_id")
    tax = dialog.findChild(QLineEdit, "field_tax_code")
    assert tax.isVisible() and not citizen.isVisible()
    dialog.set_text("kind", "person")
    assert citizen.isVisible() and not tax.isVisible()


def test_duplicate_is_shown_on_the_field(qtbot, services: Services) -> None:  # noqa: ANN001
    services.parties.add(kind="org", name="Công ty Có Trước", tax_code="3711111111")
    dialog = _form(qtbot, services)
    dialog.set_text("name", "Công ty Sau")
    dialog.set_text("tax_code", "3711111111")
    dialog._save()
    assert "Công ty Có Trước" in dialog.error_text("tax_code")
    assert services.registers.count("parties") == 1


def test_edit_form_updates_the_record(qtbot, services: Services) -> None:  # noqa: ANN001
    record = services.parties.add(kind="org", name="Công ty Cũ", tax_code="3722222222")
    dialog = _form(qtbot, services, record)
    assert dialog.raw_value("tax_code") == "3722222222"
    dialog.set_text("name", "Công ty Mới")
    dialog._save()
    assert services.parties.get(record["id"])["name"] == "Công ty Mới"


def test_a_filter_too_broad_shows_why_instead_of_rows(qtbot, demo_services: Services,  # noqa: ANN001
                                                      monkeypatch) -> None:  # noqa: ANN001
    import sotttt_desktop.services.registers as registers

    monkeypatch.setattr(registers, "MATCHES_LISTED", 10)
    view = RegisterView(demo_services, "parties")
    qtbot.addWidget(view)
    view.filter_edit.setText("cong ty")
    view.apply_filter()
    assert view.model.rowCount() == 0
    assert view.count_label.text().startswith("Hơn 10 bản ghi khớp với “cong ty”")
    tax_code = next(row.values[2] for row in demo_services.registers.page("parties", 0, 1000)
                    if row.values[2])
    view.filter_edit.setText(tax_code)
    view.apply_filter()
    assert 0 < view.model.rowCount() <= 10
    assert view.model.notice == ""
    assert "bản ghi" in view.count_label.text() and "Hơn" not in view.count_label.text()


def test_register_view_filters_as_you_type(qtbot, demo_services: Services) -> None:  # noqa: ANN001
    view = RegisterView(demo_services, "parties")
    qtbot.addWidget(view)
    everyone = DEMO_PARTIES
    assert view.model.rowCount() == everyone
    qtbot.keyClicks(view.filter_edit, "cong ty")
    qtbot.waitUntil(lambda: view.model.rowCount() < everyone, timeout=2000)  # read by a worker
    assert "bản ghi" in view.count_label.text()
    view.filter_edit.setText("khongcokhongco")
    view.filter_in_background()
    assert view.count_label.text() == "Đang lọc…"  # typing goes on meanwhile
    view.filter_edit.setText("")
    view.filter_in_background()  # the newer filter wins, whichever worker ends first
    qtbot.waitUntil(lambda: view.count_label.text() == f"{everyone:,} bản ghi".replace(",", "."),
                    timeout=5000)
    qtbot.wait(200)
    assert view.model.rowCount() == everyone


def test_typing_words_in_the_district_box_finds_the_district(qtbot, services: Services) -> None:  # noqa: ANN001
    """"thu dau" is Thủ Dầu Một (Qt's own type-ahead jumped to Dĩ An); the filter box too."""
    dialog = _form(qtbot, services)
    district = dialog._editors["district_code"]
    district.setFocus()
    qtbot.keyClicks(district, "thu dau")
    assert district.currentText() == "Thành phố Thủ Dầu Một"
    qtbot.keyClick(district, Qt.Key.Key_Backspace)  # still within the same typing
    qtbot.keyClicks(district, "u")
    assert district.currentText() == "Thành phố Thủ Dầu Một"
    view = RegisterView(services, "parties")
    qtbot.addWidget(view)
    box = view.findChild(type(district), "filter_district_code")
    qtbot.keyClicks(box, "di an")
    assert box.currentText() == "Thành phố Dĩ An"
    qtbot.waitUntil(lambda: view.count_label.text() != "Đang lọc…")  # filtered meanwhile


def test_a_long_message_under_a_field_is_shown_whole(qtbot, services: Services) -> None:  # noqa: ANN001
    dialog = _form(qtbot, services)
    qtbot.keyClicks(dialog._editors["tax_code"], "37001234")
    error = dialog._errors["tax_code"]
    assert error.isVisible() and "10 chữ số" in error.text()
    assert error.height() >= error.heightForWidth(error.width())  # two lines, both visible


def test_a_new_record_starts_with_no_choice_made_for_the_clerk(qtbot, services: Services) -> None:  # noqa: ANN001
    """A required choice (the Department's answer to a press conference notice) is the clerk's
    to make; a declared default (a new entry is active) and the record kind are pre-set."""
    dialog = RecordFormDialog(services, "press_conferences")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.raw_value("answer") == ""
    dialog._save()
    assert dialog.saved_record is None
    assert dialog.error_text("answer") == "Trường này bắt buộc nhập."
    copier = RecordFormDialog(services, "colour_copiers")
    qtbot.addWidget(copier)
    assert copier.raw_value("state") == "active" and copier.raw_value("machine_kind") == ""
    parties = _form(qtbot, services)
    assert parties.raw_value("kind") != ""  # the form's shape: the first kind
