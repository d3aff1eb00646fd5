"""Settings → Organisation profile: the agency as printed on documents, effective-dated."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.errors import AppError, ValidationError
from sotttt_desktop.i18n import N_, _
from sotttt_desktop.services import Services
from sotttt_desktop.services.reference import PROFILE_FIELDS, REQUIRED_PROFILE_FIELDS
from sotttt_desktop.ui.qt_text import show_error, translate_buttons

PROFILE_LABELS = {
    "parent_body": N_("Parent body (full)"),
    "parent_body_short": N_("Parent body (short form for the header)"),
    "agency_name": N_("Agency name"),
    "abbreviation": N_("Abbreviation in document symbols"),
    "place_name": N_("Place name in dates"),
    "address": N_("Address"),
    "phone": N_("Phone"),
    "email": N_("E-mail"),
    "website": N_("Website"),
}


class OrganisationDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(_("Organisation profile"))
        self.setMinimumWidth(640)
        profile = services.reference.profile()
        intro = QLabel(_("These values print on every document. A change takes effect from the "
                         "date below; documents already issued keep the values they were issued "
                         "with."))
        intro.setWordWrap(True)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for name in PROFILE_FIELDS:
            edit = QLineEdit(profile.get(name) or "")
            edit.setObjectName(f"profile_{name}")
            self.edits[name] = edit
            required = " *" if name in REQUIRED_PROFILE_FIELDS else ""
            form.addRow(_(PROFILE_LABELS[name]) + required, edit)
        self.effective = QDateEdit(QDate.currentDate())
        self.effective.setDisplayFormat("dd/MM/yyyy")
        self.effective.setCalendarPopup(True)
        form.addRow(_("Effective from") + " *", self.effective)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        units = QListWidget()
        for unit in services.reference.units():
            units.addItem(unit["name"])
        units.setMaximumHeight(140)
        signers = QListWidget()
        for signer in services.reference.signers():
            prefix = f"{signer['authority']} — " if signer["authority"] else ""
            signers.addItem(f"{prefix}{signer['position']}: {signer['full_name']}")
        signers.setMaximumHeight(80)
        buttons = translate_buttons(QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(QLabel(_("Units (Article 4 of the Decision):")))
        layout.addWidget(units)
        layout.addWidget(QLabel(_("Signers:")))
        layout.addWidget(signers)
        layout.addWidget(buttons)

    def _save(self) -> None:
        values = {name: edit.text() for name, edit in self.edits.items()}
        qdate = self.effective.date()
        effective = dt.date(qdate.year(), qdate.month(), qdate.day())
        try:
            self._services.reference.save_profile(values, effective)
        except ValidationError as error:
            self.error.setText(str(error) + " " + ", ".join(
                _(PROFILE_LABELS[name]) for name in error.field_errors))
            self.error.show()
            return
        except AppError as error:
            show_error(self, str(error))
            return
        self.accept()
