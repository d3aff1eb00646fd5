"""Tools → Organisation profile: the agency period by period, as printed on documents.

Choose a period to correct it, or "New period" to add the one that starts on a date (a merger,
a new founding decision, renamed units, new leaders). Each document prints the period of its own
date; documents already issued keep the values they were issued with."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.core import clock
from sotttt_desktop.errors import AppError, ValidationError
from sotttt_desktop.i18n import N_, _, format_date
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
    "effective_from": N_("Effective from"),
    "founding_kind": N_("Kind of the founding decision"),
    "founding_number": N_("Number of the founding decision"),
    "founding_date": N_("Date of the founding decision"),
    "founding_issuer": N_("Issued by"),
    "founding_summary": N_("Summary (trích yếu)"),
    "units": N_("Units"),
    "signers": N_("Signers"),
}
NEW_PERIOD = "new"


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


def _date_edit(day: dt.date, name: str) -> QDateEdit:
    edit = QDateEdit(_qdate(day))
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    edit.setObjectName(name)
    return edit


def units_text(units: list[dict]) -> str:
    """One unit a line: `CODE | name | kind | area, area`."""
    return "\n".join(f"{u['code']} | {u['name']} | {u['kind']} | {', '.join(u['areas'])}"
                     for u in units)


def parse_units(text: str) -> list[dict]:
    units = []
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split("|")] + ["", "", "", ""]
        units.append({"code": parts[0], "name": parts[1], "kind": parts[2] or "administrative",
                      "areas": [a.strip() for a in parts[3].split(",") if a.strip()]})
    return units


def signers_text(signers: list[dict]) -> str:
    """One signer a line: `authority | title | full name` (authority empty for the head)."""
    return "\n".join(f"{s['authority']} | {s['position']} | {s['full_name']}" for s in signers)


def parse_signers(text: str) -> list[dict]:
    signers = []
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split("|")] + ["", "", ""]
        signers.append({"authority": parts[0], "position": parts[1], "full_name": parts[2]})
    return signers


class OrganisationDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(_("Organisation profile"))
        self.setMinimumWidth(720)
        self.periods = services.reference.profile_versions()
        intro = QLabel(_("The agency period by period, as printed on documents: each document "
                         "prints the period of its own date. Add a new period when the agency "
                         "is merged or renamed; documents already issued keep the values they "
                         "were issued with."))
        intro.setWordWrap(True)
        self.period = QComboBox()
        self.period.setObjectName("profile_period")
        for period in self.periods:
            until = period["effective_until"]
            founding = period["founding_decision"] or {}
            label = _("{start} – {end}: {agency} ({decision})").format(
                start=format_date(dt.date.fromisoformat(period["effective_from"])),
                end=format_date(dt.date.fromisoformat(until)) if until else _("now"),
                agency=period["agency_name"], decision=founding.get("number", "…"))
            self.period.addItem(label, period["effective_from"])
        self.period.addItem(_("New period…"), NEW_PERIOD)

        self.edits: dict[str, QLineEdit] = {}
        header = QFormLayout()
        for name in PROFILE_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"profile_{name}")
            self.edits[name] = edit
            required = " *" if name in REQUIRED_PROFILE_FIELDS else ""
            header.addRow(_(PROFILE_LABELS[name]) + required, edit)
        self.effective = _date_edit(clock.local_today(), "profile_effective_from")
        header.addRow(_(PROFILE_LABELS["effective_from"]) + " *", self.effective)

        founding = QFormLayout()
        self.founding: dict[str, QLineEdit] = {}
        for name in ("kind", "number", "issuer", "summary"):
            edit = QLineEdit()
            edit.setObjectName(f"founding_{name}")
            self.founding[name] = edit
            founding.addRow(_(PROFILE_LABELS[f"founding_{name}"]) + " *", edit)
        self.founding_date = _date_edit(clock.local_today(), "founding_date")
        founding.addRow(_(PROFILE_LABELS["founding_date"]) + " *", self.founding_date)

        self.units = QPlainTextEdit()
        self.units.setObjectName("profile_units")
        self.signers = QPlainTextEdit()
        self.signers.setObjectName("profile_signers")
        self.signers.setEnabled(False)
        self.new_signers = QCheckBox(_("New signers take office on the first day of this "
                                       "period (those in office leave the day before)"))
        self.new_signers.setObjectName("profile_new_signers")
        self.new_signers.toggled.connect(self.signers.setEnabled)

        tabs = QTabWidget()
        for title, parts in (
                (_("Header and place"), [header]),
                (_("Founding decision"), [QLabel(_("Cited as the first legal basis of every "
                                                   "document of the period.")), founding]),
                (_("Units"), [QLabel(_("One unit a line: CODE | name | administrative or "
                                       "public_service | areas, comma-separated.")),
                              self.units]),
                (_("Signers"), [self.new_signers,
                                QLabel(_("One signer a line: authority (e.g. KT. GIÁM ĐỐC, "
                                         "empty for the head) | title | full name.")),
                                self.signers])):
            page = QWidget()
            box = QVBoxLayout(page)
            for part in parts:
                if isinstance(part, QFormLayout):
                    box.addLayout(part)
                else:
                    if isinstance(part, QLabel):
                        part.setWordWrap(True)
                    box.addWidget(part)
            tabs.addTab(page, title)

        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = translate_buttons(QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.period)
        layout.addWidget(tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.period.currentIndexChanged.connect(self._show_period)
        current = services.reference.profile()["effective_from"]
        self.period.setCurrentIndex(max(0, self.period.findData(current)))
        self._show_period()

    def _show_period(self) -> None:
        """Fill the form with the chosen period; a new period starts from the latest one."""
        key = self.period.currentData()
        period = next((p for p in self.periods if p["effective_from"] == key), self.periods[-1])
        for name, edit in self.edits.items():
            edit.setText(period.get(name) or "")
        founding = period["founding_decision"] or {}
        for name, edit in self.founding.items():
            edit.setText(founding.get(name) or "")
        if founding.get("date"):
            self.founding_date.setDate(_qdate(dt.date.fromisoformat(founding["date"])))
        start = clock.local_today() if key == NEW_PERIOD else \
            dt.date.fromisoformat(period["effective_from"])
        self.effective.setDate(_qdate(start))
        self.effective.setEnabled(key == NEW_PERIOD)
        self.units.setPlainText(units_text(period["units"]))
        self.signers.setPlainText(signers_text(self._services.reference.signers(start)))
        self.new_signers.setChecked(False)

    def _save(self) -> None:
        values = {name: edit.text() for name, edit in self.edits.items()}
        founding = {name: edit.text() for name, edit in self.founding.items()}
        founding["date"] = _day(self.founding_date).isoformat()
        signers = parse_signers(self.signers.toPlainText()) if self.new_signers.isChecked() \
            else None
        try:
            self._services.reference.save_profile(
                values, _day(self.effective), founding=founding,
                units=parse_units(self.units.toPlainText()), signers=signers)
        except ValidationError as error:
            details = [f"{_(PROFILE_LABELS.get(name, name))}: {message}"
                       for name, message in error.field_errors.items()]
            self.error.setText(" ".join([str(error), *details]))
            self.error.show()
            return
        except AppError as error:
            show_error(self, str(error))
            return
        self.accept()
