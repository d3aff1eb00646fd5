"""Receive a dossier at the desk, by keyboard: procedure → applicant → checklist → channel →
note → time of receipt → Receive, in that tab order. Each picker is searched by typing (diacritics
optional) and driven from its box (arrows move the match, Enter takes it and goes on); Space
ticks a document handed in; Enter elsewhere receives; Esc cancels."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.core import clock
from sotttt_desktop.errors import AppError
from sotttt_desktop.i18n import N_, _
from sotttt_desktop.ui.desk_keys import PickerKeys
from sotttt_desktop.ui.qt_text import error_label, translate_buttons

if TYPE_CHECKING:
    from sotttt_desktop.services import Services

CHANNELS = (("counter", N_("At the counter")), ("online", N_("Online")), ("post", N_("By post")))


class ReceiveDialog(QDialog):
    """Receive a dossier: procedure (typed without diacritics), applicant, checklist."""

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        from sotttt_desktop.catalog import load

        self._services = services
        self._catalogue = load()
        self.result_dossier: dict | None = None
        self.setWindowTitle(_("Receive a dossier"))
        self.resize(820, 680)
        self.procedure_filter = QLineEdit()
        self.procedure_filter.setObjectName("procedure_filter")
        self.procedure_filter.setPlaceholderText(_("Type the procedure, e.g. “giay phep trang "
                                                   "thong tin”"))
        self.procedures = self._picker_list("procedures")
        self.applicant_filter = QLineEdit()
        self.applicant_filter.setObjectName("applicant_filter")
        self.applicant_filter.setPlaceholderText(_("Name, tax code or citizen ID of the "
                                                   "applicant"))
        self.applicants = self._picker_list("applicants")
        self.applicants.setMaximumHeight(120)
        self.new_party = QPushButton(_("New organisation or individual…"))
        self.new_party.setObjectName("new_applicant")
        self.new_party.setAutoDefault(False)  # Enter receives, wherever the focus is
        self.new_party.clicked.connect(self._new_applicant)
        self.checklist = QListWidget()
        self.checklist.setObjectName("checklist")
        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        for value, label in CHANNELS:
            self.channel.addItem(_(label), value)
        now = clock.local_now()
        self.received = QDateTimeEdit(QDateTime(now.replace(second=0, microsecond=0)))
        self.received.setObjectName("received_at")
        self.received.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.due_label = QLabel()
        self.due_label.setObjectName("due_preview")
        self.due_label.setWordWrap(True)
        self.error = error_label()
        form = QFormLayout()
        form.addRow(_("Procedure"), self.procedure_filter)
        form.addRow("", self.procedures)
        form.addRow(_("Applicant"), self.applicant_filter)
        form.addRow("", self.applicants)
        form.addRow("", self.new_party)
        form.addRow(_("Documents handed in"), self.checklist)
        form.addRow(_("Channel"), self.channel)
        form.addRow(_("Note"), self.note)
        form.addRow(_("Received at"), self.received)  # now, unless the clerk changes it
        buttons = translate_buttons(QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel))
        self.receive_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.receive_button.setText(_("Receive"))
        self.receive_button.setObjectName("receive_confirm")
        self.receive_button.setDefault(True)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("receive_cancel")
        self.cancel_button.setAutoDefault(False)
        buttons.accepted.connect(self.receive)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.due_label)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        for first, then in zip(self.tab_order(), self.tab_order()[1:], strict=False):
            QWidget.setTabOrder(first, then)
        PickerKeys(self.procedure_filter, self.procedures, lambda: self.applicant_filter)
        PickerKeys(self.applicant_filter, self.applicants, lambda: self.checklist)
        self.procedure_filter.textChanged.connect(self._filter_procedures)
        self.procedures.currentItemChanged.connect(lambda *_a: self._procedure_chosen())
        self.applicant_filter.textChanged.connect(self._filter_applicants)
        self.received.dateTimeChanged.connect(lambda *_a: self._preview())
        self._filter_procedures("")
        self.procedure_filter.setFocus()

    def tab_order(self) -> list[QWidget]:
        """What Tab visits, in order (the pickers' lists are driven from their boxes)."""
        return [self.procedure_filter, self.applicant_filter, self.new_party, self.checklist,
                self.channel, self.note, self.received, self.receive_button, self.cancel_button]

    @staticmethod
    def _picker_list(name: str) -> QListWidget:
        choices = QListWidget()
        choices.setObjectName(name)
        choices.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # not a Tab stop: see PickerKeys
        return choices

    def _filter_procedures(self, text: str) -> None:
        self.procedures.clear()
        for procedure in self._catalogue.find(text) if text.strip() else self._catalogue.list():
            if procedure.unit.value == "hours_before":
                continue
            item = QListWidgetItem(procedure.name)
            item.setData(Qt.ItemDataRole.UserRole, procedure.key)
            self.procedures.addItem(item)
        if text.strip() and self.procedures.count():  # typed: the closest match is chosen
            self.procedures.setCurrentRow(0)
        elif not text.strip():  # nothing typed: nothing chosen for the clerk
            self.procedures.setCurrentRow(-1)
            self._procedure_chosen()

    def selected_procedure(self) -> str | None:
        item = self.procedures.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _procedure_chosen(self) -> None:
        self.checklist.clear()
        key = self.selected_procedure()
        if key is None:
            self.due_label.setText(_("Choose the procedure: type a few words of its name."))
            return
        for component in self._catalogue.get(key).components:
            mark = " *" if component.required else ""
            item = QListWidgetItem(component.name + mark)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)  # the clerk ticks what is handed in
            self.checklist.addItem(item)
        self.checklist.setCurrentRow(0)  # Space ticks the first document, Down goes on
        self._preview()

    def _filter_applicants(self, text: str) -> None:
        self.applicants.clear()
        if len(text.strip()) < 2:
            return
        for hit in self._services.search.query(text, limit=20, kind="party"):
            item = QListWidgetItem(f"{hit.title} — {hit.subtitle}")
            item.setData(Qt.ItemDataRole.UserRole, str(hit.id))
            self.applicants.addItem(item)
        if self.applicants.count():
            self.applicants.setCurrentRow(0)

    def _new_applicant(self) -> None:
        from sotttt_desktop.ui.dialogs.record_form import RecordFormDialog

        dialog = RecordFormDialog(self._services, "parties", parent=self)
        if dialog.exec() and dialog.saved_record:
            record = dialog.saved_record
            item = QListWidgetItem(record["name"])
            item.setData(Qt.ItemDataRole.UserRole, str(record["id"]))
            self.applicants.clear()
            self.applicants.addItem(item)
            self.applicants.setCurrentRow(0)
            self.checklist.setFocus(Qt.FocusReason.TabFocusReason)

    def _moment(self) -> dt.datetime:
        value = self.received.dateTime().toPython()
        return value.replace(second=0, microsecond=0)

    def _preview(self) -> None:
        key = self.selected_procedure()
        if key is None:
            return
        procedure = self._catalogue.get(key)
        try:
            due = self._services.calendar.due(self._moment(), procedure.time_limit,
                                              procedure.unit)
        except AppError as error:
            self.due_label.setText(str(error))
            return
        self.due_label.setText("\n".join(due.explanation))

    def missing(self) -> list[int]:
        return [i + 1 for i in range(self.checklist.count())
                if self.checklist.item(i).checkState() != Qt.CheckState.Checked]

    def receive(self) -> None:
        key = self.selected_procedure()
        applicant = self.applicants.currentItem()
        if key is None or applicant is None:
            self.error.setText(_("Choose the procedure and the applicant."))
            self.error.show()
            return
        try:
            self.result_dossier = self._services.dossiers.receive(
                key, uuid.UUID(applicant.data(Qt.ItemDataRole.UserRole)),
                channel=self.channel.currentData(), missing=self.missing(),
                received_at=self._moment(), note=self.note.text())
        except AppError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.accept()
