"""One editor widget factory per field kind (registers/kinds.py has the kind's other handlers),
and a form of declared fields validated as typed.

The register form (dialogs/record_form.py) and the permit issue form (issue_dialog.py) build
their inputs here, from the same `FieldSpec`s, and check them with the services' `parse_field`.

An editor is a QLineEdit, a QPlainTextEdit, a QComboBox (its item data the text the kind
parses) or a KindEditor (widgets/linked_editors.py: its text what the kind parses), so the form
reads and sets every kind the same way.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.i18n import _
from sotttt_desktop.registers.spec import FieldKind, FieldSpec
from sotttt_desktop.services import Services
from sotttt_desktop.services.records import parse_field
from sotttt_desktop.ui.qt_text import ERROR_STYLE
from sotttt_desktop.ui.widgets.linked_editors import (
    KindEditor,
    files_editor,
    record_picker,
    rows_editor,
)
from sotttt_desktop.ui.widgets.type_ahead import type_ahead

Changed = Callable[[], None]
Factory = Callable[[FieldSpec, Services, Changed, Changed], QWidget]


def _line(field: FieldSpec, services: Services, changed: Changed, submit: Changed,
          placeholder: str = "") -> QWidget:
    line = QLineEdit()
    line.setMaxLength(field.max_length)
    if field.placeholder or placeholder:
        line.setPlaceholderText(_(field.placeholder) if field.placeholder else placeholder)
    line.textChanged.connect(lambda _t: changed())
    line.returnPressed.connect(submit)
    return line


def _multiline(field: FieldSpec, services: Services, changed: Changed,
               submit: Changed) -> QWidget:
    text = QPlainTextEdit()
    text.setTabChangesFocus(True)
    text.setFixedHeight(text.fontMetrics().lineSpacing() * 4 + 12)
    if field.placeholder:
        text.setPlaceholderText(_(field.placeholder))
    text.textChanged.connect(changed)
    return text


def _combo(items: list[tuple[str, object]], changed: Changed) -> QComboBox:
    combo = QComboBox()
    for label, value in items:
        combo.addItem(label, value)
    combo.currentIndexChanged.connect(lambda _i: changed())
    return combo


def _choice(field: FieldSpec, services: Services, changed: Changed, submit: Changed) -> QWidget:
    """Nothing chosen at first: a required choice is one the clerk makes, not one the form
    made (the command line asks for it too)."""
    return _combo([("", None)] + [(_(label), value) for value, label in field.choices], changed)


def _district(field: FieldSpec, services: Services, changed: Changed,
              submit: Changed) -> QWidget:
    items: list[tuple[str, object]] = [("", None)]
    items += [(info.name, info.code) for info in services.reference.districts().values()]
    return type_ahead(_combo(items, changed))


def _commune(field: FieldSpec, services: Services, changed: Changed,
             submit: Changed) -> QWidget:
    return type_ahead(_combo([("", None)], changed))  # filled from the chosen district


def _yes_no(field: FieldSpec, services: Services, changed: Changed, submit: Changed) -> QWidget:
    return _combo([("", None), (_("Yes"), "1"), (_("No"), "0")], changed)


def _number(placeholder: str) -> Factory:
    def make(field: FieldSpec, services: Services, changed: Changed, submit: Changed) -> QWidget:
        return _line(field, services, changed, submit, placeholder)
    return make


def _coordinates(field: FieldSpec, services: Services, changed: Changed,
                 submit: Changed) -> QWidget:
    """A line with a copy button: the "latitude, longitude" text goes to the clipboard, ready
    to paste into a map."""
    line = _line(field, services, changed, submit, "10.980400, 106.651900")
    copy = QAction(_("Copy"), line)
    copy.setIcon(line.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView))
    copy.setToolTip(_("Copy latitude, longitude"))
    copy.setObjectName(f"copy_{field.name}")
    copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(line.text().strip()))
    line.addAction(copy, QLineEdit.ActionPosition.TrailingPosition)
    return line


EDITORS: dict[FieldKind, Factory] = {
    FieldKind.TEXT: _line,
    FieldKind.MULTILINE: _multiline,
    FieldKind.CHOICE: _choice,
    FieldKind.DATE: _line,
    FieldKind.DISTRICT: _district,
    FieldKind.COMMUNE: _commune,
    FieldKind.INTEGER: _number("1.200"),
    FieldKind.YEAR: _number("2024"),
    FieldKind.MONEY: _number("1.500.000"),
    FieldKind.YES_NO: _yes_no,
    FieldKind.TIME: _number("09:30"),
    FieldKind.DATETIME: _number("05/03/2024 09:30"),
    FieldKind.DECIMAL: _number("12,5"),
    FieldKind.COORDINATES: _coordinates,
    FieldKind.PARTY: record_picker,
    FieldKind.RECORD: record_picker,
    FieldKind.ROWS: rows_editor,
    FieldKind.FILES: files_editor,
}


def make_editor(field: FieldSpec, services: Services, changed: Changed,
                submit: Changed) -> QWidget:
    """The input for one field; `changed` runs as the clerk types, `submit` on Enter in a line."""
    editor = EDITORS[field.kind](field, services, changed, submit)
    editor.setObjectName(f"field_{field.name}")
    return editor


def set_editor_text(editor: QWidget, text: str) -> None:
    """Put text in an editor as if typed (or choose the item whose data or label is `text`)."""
    if isinstance(editor, KindEditor):
        editor.set_text(text)
    elif isinstance(editor, QLineEdit):
        editor.setText(text)
    elif isinstance(editor, QPlainTextEdit):
        editor.setPlainText(text)
    else:
        assert isinstance(editor, QComboBox)
        for i in range(editor.count()):
            if str(editor.itemData(i) or "") == text or editor.itemText(i) == text:
                editor.setCurrentIndex(i)
                return


def editor_text(editor: QWidget) -> str:
    if isinstance(editor, KindEditor | QLineEdit):
        return editor.text()
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    assert isinstance(editor, QComboBox)
    data = editor.currentData()
    return "" if data is None else str(data)


def error_under(name: str) -> QLabel:
    error = QLabel()
    error.setObjectName(f"error_{name}")
    error.setStyleSheet(ERROR_STYLE)
    error.setWordWrap(True)
    error.hide()
    return error


class FieldsForm(QWidget):
    """One labelled input per declared field, each with its message underneath."""

    def __init__(self, services: Services, fields: tuple[FieldSpec, ...],
                 submit: Callable[[], None], parent: QWidget | None = None):
        super().__init__(parent)
        self._services, self.fields = services, fields
        self.editors: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in fields:
            editor = make_editor(field, services, lambda f=field: self.check(f), submit)
            error = error_under(field.name)
            container = QWidget()
            box = QVBoxLayout(container)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(editor)
            box.addWidget(error)
            layout.addRow(_(field.label) + (" *" if field.required else ""), container)
            self.editors[field.name], self._errors[field.name] = editor, error

    def set_texts(self, texts: dict[str, str]) -> None:
        for name, text in texts.items():
            if name in self.editors:
                set_editor_text(self.editors[name], text)
        for field in self.fields:
            self.check(field)

    def raw_values(self) -> dict[str, str]:
        return {name: editor_text(editor) for name, editor in self.editors.items()}

    def error_text(self, name: str) -> str:
        label = self._errors[name]
        return label.text() if not label.isHidden() else ""

    def check(self, field: FieldSpec, *, show_empty_required: bool = False) -> str | None:
        raw = editor_text(self.editors[field.name])
        _value, error = parse_field(field, raw, self._services.reference)
        if error and not raw.strip() and not show_empty_required:
            error = None
        self._errors[field.name].setText(error or "")
        self._errors[field.name].setVisible(bool(error))
        return error

    def validate_all(self) -> list[str]:
        """The names of the fields in error, each message shown; the first gets the focus."""
        bad = [f.name for f in self.fields if self.check(f, show_empty_required=True)]
        if bad:
            self.editors[bad[0]].setFocus(Qt.FocusReason.OtherFocusReason)
        return bad

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, message in errors.items():
            if name in self._errors:
                self._errors[name].setText(message)
                self._errors[name].show()
        first = next((f.name for f in self.fields if f.name in errors), None)
        if first:
            self.editors[first].setFocus(Qt.FocusReason.OtherFocusReason)

