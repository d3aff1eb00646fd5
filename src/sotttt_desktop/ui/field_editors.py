"""One editor widget factory per field kind (registers/kinds.py has the kind's other handlers).

An editor is a QLineEdit, a QPlainTextEdit or a QComboBox (its item data the text the kind
parses), so the form reads and sets every kind the same way.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QStyle, QWidget

from sotttt_desktop.i18n import _
from sotttt_desktop.registers.spec import FieldKind, FieldSpec
from sotttt_desktop.services import Services
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
    return _combo([(_(label), value) for value, label in field.choices], changed)


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
    FieldKind.MONEY: _number("1.500.000"),
    FieldKind.YES_NO: _yes_no,
    FieldKind.TIME: _number("09:30"),
    FieldKind.DATETIME: _number("05/03/2024 09:30"),
    FieldKind.DECIMAL: _number("12,5"),
    FieldKind.COORDINATES: _coordinates,
}


def make_editor(field: FieldSpec, services: Services, changed: Changed,
                submit: Changed) -> QWidget:
    return EDITORS[field.kind](field, services, changed, submit)
