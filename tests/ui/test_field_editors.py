"""Every field kind has an editor widget; a typed value goes through the kind's handler."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit

from sotttt_desktop.registers.spec import FieldKind, FieldSpec
from sotttt_desktop.services import Services
from sotttt_desktop.services.records import edit_text, parse_field
from sotttt_desktop.ui.dialogs.record_form import RecordFormDialog
from sotttt_desktop.ui.field_editors import EDITORS, make_editor
from sotttt_desktop.ui.widgets.linked_editors import KindEditor


def test_every_kind_has_an_editor(qtbot, db_path) -> None:  # noqa: ANN001
    from sotttt_desktop.services.setup import open_services
    from sotttt_desktop.settings import sqlite_location
    from tests.conftest import TEST_ACTOR

    assert set(EDITORS) == set(FieldKind)
    services = open_services(sqlite_location(db_path), actor=TEST_ACTOR)
    changes: list[str] = []
    for kind in FieldKind:
        field = FieldSpec("x", "X", kind, choices=(("a", "A"),), target="parties",
                          columns=(FieldSpec("y", "Y"),))
        editor = make_editor(field, services, lambda k=kind: changes.append(k), lambda: None)
        qtbot.addWidget(editor)
        assert isinstance(editor, QLineEdit | QComboBox | KindEditor) \
            or kind is FieldKind.MULTILINE
    services.db.close()


def test_yes_no_editor_round_trips_through_the_handler(qtbot, services: Services) -> None:  # noqa: ANN001
    field = FieldSpec("ok", "OK", FieldKind.YES_NO)
    combo = make_editor(field, services, lambda: None, lambda: None)
    qtbot.addWidget(combo)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(edit_text(field, True)))
    assert combo.currentText() == "Có"
    assert parse_field(field, combo.currentData(), services.reference) == (True, None)


def test_press_conference_time_is_checked_as_typed(qtbot, services: Services) -> None:  # noqa: ANN001
    dialog = RecordFormDialog(services, "press_conferences")
    qtbot.addWidget(dialog)
    dialog.show()
    line = dialog.findChild(QLineEdit, "field_held_time")
    qtbot.keyClicks(line, "25:00")
    assert dialog.error_text("held_time") == "Ghi giờ theo dạng hh:mm, ví dụ 09:30."
    line.clear()
    qtbot.keyClicks(line, "9h30")
    assert dialog.error_text("held_time") == ""


def test_coordinates_are_copied_from_their_field(qtbot, services: Services) -> None:  # noqa: ANN001
    from PySide6.QtGui import QAction, QGuiApplication

    field = FieldSpec("point", "Point", FieldKind.COORDINATES)
    line = make_editor(field, services, lambda: None, lambda: None)
    qtbot.addWidget(line)
    line.setText("10.980400, 106.651900")
    line.findChild(QAction, "copy_point").trigger()
    assert QGuiApplication.clipboard().text() == "10.980400, 106.651900"
