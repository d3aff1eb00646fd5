"""Tools → Register of outgoing documents (sổ đăng ký văn bản đi): the numbers of a series and
year; the Văn thư records a number given on paper, voids a number with its reason, and saves
the printed register as PDF. The service checks the rights; the buttons say why they are off."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.core import clock
from sotttt_desktop.errors import AppError
from sotttt_desktop.i18n import N_, _, format_date
from sotttt_desktop.services.numbering import REGISTER_AREA
from sotttt_desktop.ui.qt_text import (
    accept_if_done,
    confirm_buttons,
    error_label,
    show_error,
    translate_buttons,
)

if TYPE_CHECKING:
    from sotttt_desktop.services import Services

COLUMNS = (N_("Number"), N_("Date"), N_("Summary"), N_("Signer"), N_("Recipients"),
           N_("Note"))


def _today() -> dt.date:
    return clock.local_today()


class RegisterDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.entries: list[dict] = []
        self.setWindowTitle(_("Register of outgoing documents"))
        self.year = QSpinBox()
        self.year.setObjectName("register_year")
        self.year.setRange(2000, 2200)
        self.year.setValue(_today().year)
        self.series = QComboBox()
        self.series.setObjectName("register_series")
        for series in services.numbering.series():
            self.series.addItem(f"{series['name']} ({series['key']})", series["key"])
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("register_table")
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        refusal = services.refusal(REGISTER_AREA, "edit")
        self.record_button = QPushButton(_("Record a number given on paper…"))
        self.record_button.setObjectName("register_record_outside")
        self.void_button = QPushButton(_("Void the number…"))
        self.void_button.setObjectName("register_void")
        for button in (self.record_button, self.void_button):
            button.setEnabled(refusal is None)
            button.setToolTip(refusal or "")
        self.pdf_button = QPushButton(_("Save as PDF…"))
        self.pdf_button.setObjectName("register_pdf")
        self.record_button.clicked.connect(lambda: self.record_outside())
        self.void_button.clicked.connect(lambda: self.void_selected())
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.year.valueChanged.connect(lambda _v: self.reload())
        self.series.currentIndexChanged.connect(lambda _i: self.reload())
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Year:")))
        top.addWidget(self.year)
        top.addWidget(self.series, 1)
        actions = QHBoxLayout()
        for button in (self.record_button, self.void_button, self.pdf_button):
            actions.addWidget(button)
        actions.addStretch(1)
        close = translate_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(close)
        self.resize(980, 560)
        self.reload()

    def series_key(self) -> str:
        return str(self.series.currentData())

    def reload(self) -> None:
        try:
            self.entries = self._services.numbering.register(self.year.value(), self.series_key())
        except AppError as error:
            show_error(self, str(error))
            self.entries = []
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            note = entry["note"]
            if entry["state"] == "void":
                note = _("void: {reason}").format(reason=entry["void_reason"])
            elif entry["origin"] == "reserved":
                note = _("reserved for a paper document")
            elif entry["origin"] == "outside":
                note = _("recorded from paper")
            text = f"{entry['number']:02d}" if entry["origin"] == "reserved" else entry["text"]
            values = (text, format_date(entry["document_date"]) if entry["document_date"]
                      else "", entry["summary"], entry["signer"], entry["recipients"], note)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value or "")
                item.setToolTip(value or "")
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        for column, widest in ((2, 380), (4, 200), (5, 220)):  # long texts: see the tooltip
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))

    def record_outside(self) -> bool:
        dialog = OutsideNumberDialog(self._services, self.year.value(), self)
        self.last_outside_dialog = dialog
        done = dialog.exec() == QDialog.DialogCode.Accepted
        if done:
            self.reload()
        return done

    def void_selected(self, reason: str | None = None) -> bool:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            show_error(self, _("Choose the number to void."))
            return False
        entry = self.entries[rows[0].row()]
        if reason is None:
            reason, ok = QInputDialog.getText(self, _("Void the number…"),
                                              _("Reason for voiding {number}:").format(
                                                  number=entry["text"]))
            if not ok:
                return False
        try:
            if entry["origin"] == "reserved":
                self._services.numbering.void(str(entry["number"]), reason,
                                              year=self.year.value(), series=entry["series"])
            else:
                self._services.numbering.void(entry["text"], reason, year=self.year.value())
        except AppError as error:
            show_error(self, str(error))
            return False
        self.reload()
        return True

    def save_pdf(self, path: str | None = None) -> bool:
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, _("Save as PDF…"),
                f"so-van-ban-di-{self.series_key()}-{self.year.value()}.pdf", "PDF (*.pdf)")
            if not path:
                return False
        try:
            rendered = self._services.documents.render(
                "outgoing-register", f"{self.series_key()}:{self.year.value()}")
            Path(path).write_bytes(rendered.pdf)
        except (AppError, OSError) as error:
            show_error(self, str(error))
            return False
        return True


class OutsideNumberDialog(QDialog):
    """The number, symbol, date and register columns of a document numbered on paper."""

    def __init__(self, services: Services, year: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(_("Record a number given on paper…"))
        self.symbol = QLineEdit("QĐ")
        self.symbol.setObjectName("outside_symbol")
        self.number = QSpinBox()
        self.number.setObjectName("outside_number")
        self.number.setRange(1, 99_999)
        self.date = QDateEdit()
        self.date.setObjectName("outside_date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        today = _today()
        day = today if year == today.year else dt.date(year, 12, 31)
        self.date.setDate(QDate(day.year, day.month, day.day))
        self.summary = QLineEdit()
        self.summary.setObjectName("outside_summary")
        self.signer = QLineEdit()
        self.recipients = QLineEdit()
        self.file_copy = QLineEdit("VT")
        self.copies = QSpinBox()
        self.copies.setRange(0, 10_000)
        self.copies.setSpecialValueText("—")
        self.note = QLineEdit()
        self.error = error_label("outside_error")
        form = QFormLayout()
        for label, widget in ((_("Symbol:"), self.symbol), (_("Number:"), self.number),
                              (_("Date:"), self.date), (_("Summary:"), self.summary),
                              (_("Signer:"), self.signer), (_("Recipients:"), self.recipients),
                              (_("Copy kept by:"), self.file_copy),
                              (_("Copies:"), self.copies), (_("Note:"), self.note)):
            form.addRow(label, widget)
        buttons, _confirm = confirm_buttons(_("Record"), "outside_confirm", self.record,
                                            self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 380)

    def record(self) -> None:
        value = self.date.date()
        on = dt.date(value.year(), value.month(), value.day())
        accept_if_done(self, self.error, lambda: self._services.numbering.record_outside(
            self.symbol.text(), self.number.value(), on=on, summary=self.summary.text(),
            signer=self.signer.text(), recipients=self.recipients.text(),
            file_copy=self.file_copy.text(), copies=self.copies.value() or None,
            note=self.note.text()))
