"""Issue the result of an approved dossier: the permit's declared contents (permits/), one input
per field, prefilled from the applicant or from the permit it replaces, validated as typed like a
register form; the service's refusals are shown next to the field or under the form."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.errors import AppError, ValidationError
from sotttt_desktop.i18n import _, format_date
from sotttt_desktop.services.permits import REPLACING_ACTIONS
from sotttt_desktop.ui.field_editors import FieldsForm
from sotttt_desktop.ui.permissions import gate
from sotttt_desktop.ui.qt_text import confirm_buttons, error_label

if TYPE_CHECKING:
    from sotttt_desktop.services import Services



class IssueDialog(QDialog):
    """The permit it replaces (an amendment, extension or reissue: one of the applicant's valid
    permits of the kind), the months of an extension, and the contents the kind declares."""

    def __init__(self, services: Services, dossier: dict, parent: QWidget | None = None):
        super().__init__(parent)
        from sotttt_desktop.catalog import load

        self._services, self._dossier = services, dossier
        procedure = self.procedure = load().get(dossier["procedure"])
        self.setWindowTitle(_("Issue the result…") + f" {dossier['code']}")
        self.replaces = QComboBox()
        self.replaces.setObjectName("issue_replaces")
        self.months = QSpinBox()
        self.months.setObjectName("issue_months")
        self.months.setRange(1, procedure.extension_max_months or 120)
        self.months.setValue(procedure.extension_max_months or 12)
        self.error = error_label("issue_error")
        head = QFormLayout()
        head.addRow(_("Dossier"), QLabel(f"{dossier['code']} — {dossier['procedure_name']}"))
        head.addRow(_("Applicant"), QLabel(dossier["holder"]))
        replacing = procedure.action in REPLACING_ACTIONS
        if replacing:
            for permit in services.permits.replaceable(dossier["code"]):
                until = format_date(permit["valid_until"]) if permit["valid_until"] else "—"
                self.replaces.addItem(f"{permit['number']} — {permit['subject']} ({until})",
                                      permit["reference"])
            head.addRow(_("Replaces"), self.replaces)
        if procedure.action == "extend":
            head.addRow(_("Extension, in months:"), self.months)
        form = services.permits.contents_form(dossier["code"], self._replaced())
        self.contents = FieldsForm(services, form["fields"], self.issue)
        self.contents.setObjectName("issue_contents")
        self.contents.set_texts(form["texts"])
        # what the permit is for: its declared subject field (the first input when none)
        self.subject = self.contents.editors.get(form["subject_field"]) or next(
            iter(self.contents.editors.values()))
        self.replaces.currentIndexChanged.connect(lambda _i: self._start_from_replaced())
        page = QWidget()  # the inputs keep their height; the room left stays below them
        column = QVBoxLayout(page)
        column.addWidget(self.contents)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        buttons, self.issue_button = confirm_buttons(_("Sign and issue"), "issue_confirm",
                                                     self.issue, self.reject)
        if replacing and not self.replaces.count():
            gate(self.issue_button, _("The applicant holds no valid permit of this kind to "
                                      "amend, extend or reissue."))
            self.error.setText(self.issue_button.toolTip())
            self.error.show()
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(680, min(760, 200 + 70 * len(form["fields"])))

    def _replaced(self) -> str | None:
        return self.replaces.currentData() if self.replaces.count() else None

    def _start_from_replaced(self) -> None:
        """Another permit chosen: its contents are the starting point."""
        form = self._services.permits.contents_form(self._dossier["code"], self._replaced())
        self.contents.set_texts(form["texts"])

    def set_text(self, name: str, text: str) -> None:
        self.contents.set_texts({name: text})

    def issue(self) -> bool:
        if self.contents.validate_all():
            self.error.setText(_("Please correct the fields marked in red."))
            self.error.show()
            return False
        kwargs: dict[str, Any] = {
            "subject": "", "replaces": self._replaced(), "details": self.contents.raw_values(),
            "extend_months": self.months.value() if self.procedure.action == "extend" else None}
        try:
            self._services.permits.issue(self._dossier["code"], **kwargs)
        except ValidationError as refused:
            self.contents.show_errors(refused.field_errors)
            self.error.setText(str(refused))
            self.error.show()
            return False
        except AppError as refused:
            self.error.setText(str(refused))
            self.error.show()
            return False
        self.accept()
        return True
