"""Open a declared case and take its steps: the forms come from the kind's declaration (its
fields, the steps allowed from the case's state and what each asks for), the service checks
everything, and its refusals are shown next to the field or under the form."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.core.cases import kinds
from sotttt_desktop.errors import AppError, ValidationError
from sotttt_desktop.i18n import _
from sotttt_desktop.services import case_fields
from sotttt_desktop.ui.field_editors import FieldsForm
from sotttt_desktop.ui.qt_text import confirm_buttons, error_label

if TYPE_CHECKING:
    from sotttt_desktop.services import Services


def _qt_now() -> QDateTime:
    """The working clock's now (the demo's working date), to the minute."""
    from sotttt_desktop.core import clock

    now = clock.local_now()
    return QDateTime(now.year, now.month, now.day, now.hour, now.minute, 0)


def _moment(value: QDateTime) -> dt.datetime:
    day, time = value.date(), value.time()
    return dt.datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())


def creatable_kinds(services: Services, area: str) -> list[tuple[str, str]]:
    """(kind, label) of the area's kinds of case this user may open today (a kind whose rules
    are out of force is left out: a dossier of an earlier day is opened from the command
    line with its date)."""
    from sotttt_desktop.core import clock

    today = clock.local_today()
    return [(spec.kind, _(spec.label)) for spec in kinds().values()
            if spec.area == area and spec.in_force(today)
            and services.refusal(spec.area, "create") is None]


class NewCaseDialog(QDialog):
    """Kind, title and the kind's declared fields; Open creates the case and starts its clocks."""

    def __init__(self, services: Services, area: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.opened: dict[str, Any] | None = None
        self.setWindowTitle(_("New case"))
        self.kind = QComboBox()
        self.kind.setObjectName("case_kind")
        for kind, label in creatable_kinds(services, area):
            self.kind.addItem(label, kind)
        self.title = QLineEdit()
        self.title.setObjectName("case_title")
        self.title.setPlaceholderText(_("What the case is about"))
        self.error = error_label("case_error")
        head = QFormLayout()
        head.addRow(_("Kind of case"), self.kind)
        head.addRow(_("What it is about") + " *", self.title)
        self.fields_box = QScrollArea()
        self.fields_box.setWidgetResizable(True)
        self.form: FieldsForm | None = None
        buttons, self.open_button = confirm_buttons(_("Open the case"), "case_open",
                                                    self.open_case, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.fields_box, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._show_fields())
        self._show_fields()
        self.resize(640, 560)

    def _show_fields(self) -> None:
        kind = self.kind.currentData()
        fields = kinds()[kind].form_fields if kind else ()
        self.form = FieldsForm(self._services, fields, self.open_case)
        self.form.setObjectName("case_fields")
        self.form.set_texts({f.name: f.default for f in fields if f.default is not None})
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(self.form)
        column.addStretch(1)
        self.fields_box.setWidget(page)
        self.error.hide()

    def set_text(self, name: str, text: str) -> None:
        assert self.form is not None
        self.form.set_texts({name: text})

    def open_case(self) -> bool:
        assert self.form is not None
        kind = self.kind.currentData()
        bad = self.form.validate_all()
        if kind is None or bad:
            self.error.setText(_("Please correct the fields marked in red.") if bad else
                               _("You may not open cases in this area."))
            self.error.show()
            return False
        data = {name: text for name, text in self.form.raw_values().items() if text.strip()}
        try:
            self.opened = self._services.cases.open(kind, self.title.text(), data=data)
        except ValidationError as refused:
            self.form.show_errors(refused.field_errors)
            self.error.setText(str(refused))
            self.error.show()
            return False
        except AppError as refused:
            self.error.setText(str(refused))
            self.error.show()
            return False
        self.accept()
        return True


class EditCaseDialog(QDialog):
    """What an open case records (its kind's declared fields), corrected or completed; the
    service checks it as when the case was opened and refuses a case changed meanwhile."""

    def __init__(self, services: Services, case: dict[str, Any], parent: QWidget | None = None):
        from sotttt_desktop.services.records import edit_text

        super().__init__(parent)
        self._services, self._case = services, case
        self.saved: dict[str, Any] | None = None
        self.setWindowTitle(_("Case details") + f" — {case['code']}")
        spec = kinds()[case["kind"]]
        values = case_fields.from_json(spec, case["data"])
        self.form = FieldsForm(services, spec.form_fields, self.save)
        self.form.setObjectName("case_edit_fields")
        self.form.set_texts({f.name: edit_text(f, values[f.name]) for f in spec.form_fields
                             if f.name in values})
        self.error = error_label("case_edit_error")
        box = QScrollArea()
        box.setWidgetResizable(True)
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(self.form)
        column.addStretch(1)
        box.setWidget(page)
        buttons, self.save_button = confirm_buttons(_("Save"), "case_edit_save", self.save,
                                                    self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{case['code']}</b> — {case['title']}"))
        layout.addWidget(box, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, 520)

    def save(self) -> bool:
        if self.form.validate_all():
            self.error.setText(_("Please correct the fields marked in red."))
            self.error.show()
            return False
        data = {name: text for name, text in self.form.raw_values().items() if text.strip()}
        try:
            self.saved = self._services.cases.edit(self._case["code"], data,
                                                   expected_version=self._case["version"])
        except ValidationError as refused:
            self.form.show_errors(refused.field_errors)
            self.error.setText(str(refused))
            self.error.show()
            return False
        except AppError as refused:
            self.error.setText(str(refused))
            self.error.show()
            return False
        self.accept()
        return True


class StepDialog(QDialog):
    """One step of a case: the steps its state allows (those this user may not take are listed,
    disabled, with the reason), and the reason, decision number, extension or classification
    the chosen step asks for."""

    def __init__(self, services: Services, case: dict[str, Any], parent: QWidget | None = None):
        super().__init__(parent)
        self._services, self._case = services, case
        self.done_case: dict[str, Any] | None = None
        self.setWindowTitle(_("Take a step") + f" — {case['code']}")
        self.step = QComboBox()
        self.step.setObjectName("case_step")
        self._steps = {step["action"]: step for step in case["steps"]}
        for step in case["steps"]:
            self.step.addItem(step["label"], step["action"])
            if step["refusal"]:
                index = self.step.count() - 1
                item = self.step.model().item(index)
                item.setEnabled(False)
                item.setToolTip(step["refusal"])
        first = next((i for i, s in enumerate(case["steps"]) if not s["refusal"]), 0)
        self.step.setCurrentIndex(first)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("case_reason")
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 4 + 12)
        self.decision = QLineEdit()
        self.decision.setObjectName("case_decision")
        self.decision.setPlaceholderText("05/QĐ-STTTT")
        self.amount = QSpinBox()
        self.amount.setObjectName("case_amount")
        self.amount.setRange(1, 3_660)
        self.variant = QComboBox()
        self.variant.setObjectName("case_variant")
        # when the step happened (a notification sent before it is recorded), for the steps
        # that ask: their clocks count to that moment
        self.when = QDateTimeEdit(_qt_now())
        self.when.setObjectName("case_when")
        self.when.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setMaximumDateTime(_qt_now())  # it has happened
        self.error = error_label("step_error")
        self.form = QFormLayout()
        self.form.addRow(_("Step"), self.step)
        self.form.addRow(_("Reason"), self.reason)
        self.decision_label = QLabel(_("Decision no."))
        self.form.addRow(self.decision_label, self.decision)
        self.issued_note = QLabel(_("The document this step sends takes the next number of the "
                                    "register of outgoing documents."))
        self.issued_note.setObjectName("case_issued_note")
        self.issued_note.setWordWrap(True)
        self.form.addRow(self.issued_note)
        self.form.addRow(_("When"), self.when)
        self.form.addRow(_("Extension length"), self.amount)
        self.form.addRow(_("Kind of case"), self.variant)
        buttons, self.take_button = confirm_buttons(_("Take the step"), "case_take",
                                                    self.take, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.step.currentIndexChanged.connect(lambda _i: self._show_inputs())
        self._show_inputs()
        self.resize(560, 320)

    def chosen(self) -> dict[str, Any] | None:
        return self._steps.get(self.step.currentData())

    def _show_inputs(self) -> None:
        step = self.chosen() or {"needs_reason": False, "needs_decision": False,
                                 "extends": [], "variants": {}, "refusal": None}
        for widget, shown in ((self.reason, step["needs_reason"]),
                              (self.decision, step["needs_decision"]),
                              (self.issued_note, bool(step.get("issues"))),
                              (self.when, bool(step.get("asks_when"))),
                              (self.amount, bool(step["extends"])),
                              (self.variant, bool(step["variants"]))):
            self.form.setRowVisible(widget, shown)
        self.decision_label.setText(step.get("decision_label") or _("Decision no."))
        self.decision.setPlaceholderText(step.get("decision_example") or "05/QĐ-STTTT")
        self.variant.clear()
        self.variant.addItem(_("ordinary"), "")
        for key, label in step["variants"].items():
            self.variant.addItem(label, key)
        self.take_button.setEnabled(self.chosen() is not None and not step["refusal"])
        self.take_button.setToolTip(step["refusal"] or "")
        self.error.hide()

    def take(self) -> bool:
        step = self.chosen()
        if step is None or step["refusal"]:
            return False
        try:
            self.done_case = self._services.cases.step(
                self._case["code"], step["action"], reason=self.reason.toPlainText(),
                decision=self.decision.text(),
                amount=self.amount.value() if step["extends"] else None,
                variant=self.variant.currentData() if step["variants"] else None,
                at=_moment(self.when.dateTime()) if step.get("asks_when") else None)
        except AppError as refused:
            self.error.setText(str(refused))
            self.error.show()
            return False
        self.accept()
        return True
