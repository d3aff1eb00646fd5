"""A record form built from a register declaration, validating each field as the clerk types.

Validation calls the same `parse_field` the services use on save, so the form and the service
never disagree. Enter saves, Esc cancels; the first wrong field gets the focus.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.errors import AppError, ValidationError
from sotttt_desktop.i18n import _
from sotttt_desktop.registers import get_register
from sotttt_desktop.registers.spec import FieldKind, FieldSpec
from sotttt_desktop.services import Services
from sotttt_desktop.services.records import edit_text, parse_field
from sotttt_desktop.ui.field_editors import (
    editor_text,
    error_under,
    make_editor,
    set_editor_text,
)
from sotttt_desktop.ui.qt_text import ERROR_STYLE, REMARKS_STYLE, show_error, translate_buttons


class RecordFormDialog(QDialog):
    def __init__(self, services: Services, register_key: str,
                 record: dict[str, Any] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._key = register_key
        self._spec = get_register(register_key)
        self._record = record
        self.saved_record: dict[str, Any] | None = None
        self._editors: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        item = _(self._spec.item_name)
        self.setWindowTitle(_("Edit {item}").format(item=item) if record
                            else _("New {item}").format(item=item))
        self.setMinimumWidth(560)

        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in self._spec.form_fields:
            self._add_field(field)
        self._buttons = translate_buttons(QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel))
        self._buttons.accepted.connect(self._save)
        self._buttons.rejected.connect(self.reject)
        # what the register concludes from the answers so far (a system's level and the
        # criterion deciding it), worked out a moment after the clerk stops typing
        self.remarks = QLabel()
        self.remarks.setObjectName("record_form_remarks")
        self.remarks.setWordWrap(True)
        self.remarks.setStyleSheet(REMARKS_STYLE)
        self.remarks.hide()
        self._remarks_timer = QTimer(self)
        self._remarks_timer.setSingleShot(True)
        self._remarks_timer.setInterval(250)
        self._remarks_timer.timeout.connect(self.update_remarks)
        self._summary = QLabel()
        self._summary.setStyleSheet(ERROR_STYLE)
        self._summary.setWordWrap(True)
        self._summary.hide()
        # a long form (a mast has 20 fields) scrolls: Save and Cancel stay on a 768-pixel screen
        page = QWidget()
        page.setLayout(self._form)
        scroll = QScrollArea()
        scroll.setObjectName("record_form_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        self._scroll = scroll
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.remarks)
        layout.addWidget(self._summary)
        layout.addWidget(self._buttons)
        if record:
            self._load(record)
        else:
            self._start_new()
        self._update_variant()
        self._validate_all(show_empty_required=False)
        self.update_remarks()
        self._fit()

    # --- building -------------------------------------------------------------------------------

    def _add_field(self, field: FieldSpec) -> None:
        editor = make_editor(field, self._services, lambda f=field: self._field_changed(f),
                             self._save)
        error = error_under(field.name)
        container = QWidget()
        box = QVBoxLayout(container)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(editor)
        box.addWidget(error)
        label = _(field.label) + (" *" if field.required else "")
        self._form.addRow(label, container)
        self._editors[field.name] = editor
        self._errors[field.name] = error

    def _start_new(self) -> None:
        """A new record starts with the declared defaults; the record kind (the form's shape)
        with its first choice. Any other choice is left for the clerk to make."""
        for field in self._spec.form_fields:
            start = field.default
            if start is None and field.name == self._spec.variant_field and field.choices:
                start = field.choices[0][0]
            if start is not None:
                self.set_text(field.name, start)

    def _load(self, record: dict[str, Any]) -> None:
        for field in self._spec.form_fields:
            self.set_text(field.name, edit_text(field, record.get(field.name)))

    # --- values ---------------------------------------------------------------------------------

    def set_text(self, name: str, text: str) -> None:
        """Put text in a field as if typed (or choose the item whose data or label is `text`)."""
        if self._spec.field(name).kind is FieldKind.COMMUNE:
            self._fill_communes()
        set_editor_text(self._editors[name], text)

    def raw_value(self, name: str) -> str:
        return editor_text(self._editors[name])

    def _variant(self) -> str | None:
        name = self._spec.variant_field
        return self.raw_value(name) if name else None

    def error_text(self, name: str) -> str:
        label = self._errors[name]
        return label.text() if not label.isHidden() else ""

    # --- reacting ---------------------------------------------------------------------------------

    def _field_changed(self, field: FieldSpec) -> None:
        if field.name == self._spec.variant_field:
            self._update_variant()
        if field.kind is FieldKind.DISTRICT:
            self._fill_communes()
        self._check(field, show_empty_required=False)
        if self._spec.remarks is not None:
            self._remarks_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        self._remarks_timer.stop()  # closed: nothing more to work out
        super().hideEvent(event)

    def update_remarks(self) -> None:
        if self._spec.remarks is None:
            return
        raw = {f.name: self.raw_value(f.name) for f in self._spec.form_fields}
        try:
            remarks = self._services.registers.draft_remarks(self._key, raw)
        except AppError:
            remarks = []
        self.remarks.setText("\n".join(remarks))
        self.remarks.setVisible(bool(remarks))

    def _update_variant(self) -> None:
        variant = self._variant()
        for row, field in enumerate(self._spec.form_fields):
            self._form.setRowVisible(row, field.applies_to(variant))

    def _fill_communes(self) -> None:
        for commune_field, district_field in self._spec.communes_within():
            self._fill_communes_of(self._editors.get(commune_field),
                                   self._editors.get(district_field))

    def _fill_communes_of(self, commune: QWidget | None, district: QWidget | None) -> None:
        if not isinstance(commune, QComboBox) or not isinstance(district, QComboBox):
            return
        current = commune.currentData()
        commune.blockSignals(True)
        commune.clear()
        commune.addItem("", None)
        info = self._services.reference.districts().get(district.currentData())
        for code, name in info.communes if info else ():
            commune.addItem(name, code)
        index = commune.findData(current)
        commune.setCurrentIndex(max(index, 0))
        commune.blockSignals(False)

    def _check(self, field: FieldSpec, *, show_empty_required: bool) -> str | None:
        label = self._errors[field.name]
        if not field.applies_to(self._variant()):
            label.hide()
            return None
        raw = self.raw_value(field.name)
        _value, error = parse_field(field, raw, self._services.reference)
        if error and not raw.strip() and not show_empty_required:
            error = None
        label.setText(error or "")
        label.setVisible(bool(error))
        self._fit()
        return error

    def _fit(self) -> None:
        """As tall as the fields want (a message under a field makes it taller), at most 90 %
        of the screen: beyond that the fields scroll and Save stays in sight."""
        if not hasattr(self, "_scroll"):
            return
        page = self._scroll.widget()
        wanted = (page.sizeHint().height() + self._buttons.sizeHint().height()
                  + (self._summary.sizeHint().height() if self._summary.isVisible() else 0)
                  + 40)
        screen = self.screen()
        highest = int(screen.availableGeometry().height() * 0.9) if screen else 700
        widest = int(screen.availableGeometry().width() * 0.9) if screen else 1000
        wanted = min(wanted, highest)
        # as wide as its longest question and its editors, so nothing scrolls sideways
        width = min(page.sizeHint().width() + self._scroll.verticalScrollBar().sizeHint().width()
                    + 40, widest)
        if wanted > self.height() or width > self.width():
            self.resize(max(width, self.width()), max(wanted, self.height()))

    def _validate_all(self, *, show_empty_required: bool) -> list[str]:
        return [f.name for f in self._spec.form_fields
                if self._check(f, show_empty_required=show_empty_required)]

    def _show_field_errors(self, errors: dict[str, str]) -> None:
        for name, message in errors.items():
            if name in self._errors:
                self._errors[name].setText(message)
                self._errors[name].show()
        self._fit()
        first = next((n for n in (f.name for f in self._spec.form_fields) if n in errors), None)
        if first:
            self._editors[first].setFocus(Qt.FocusReason.OtherFocusReason)

    def _save(self) -> None:
        bad = self._validate_all(show_empty_required=True)
        if bad:
            self._summary.setText(_("Please correct the fields marked in red."))
            self._summary.show()
            self._editors[bad[0]].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        raw = {f.name: self.raw_value(f.name) for f in self._spec.form_fields}
        registers = self._services.registers
        try:
            if self._record:
                record_id: uuid.UUID = self._record["id"]
                self.saved_record = registers.update(self._key, record_id, raw,
                                                     self._record["version"])
            else:
                self.saved_record = registers.create(self._key, raw)
        except ValidationError as error:
            self._show_field_errors(error.field_errors)
            self._summary.setText(str(error))
            self._summary.show()
            return
        except AppError as error:
            show_error(self, str(error))
            return
        self.accept()
