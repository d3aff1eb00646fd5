"""The permit register of the one-stop tab: list, expiring filter, preview and print, batch
print, suspend and revoke by decision."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.core import clock
from sotttt_desktop.errors import AppError
from sotttt_desktop.i18n import N_, _, format_date
from sotttt_desktop.services.permits import permit_state_label
from sotttt_desktop.ui.permissions import gate
from sotttt_desktop.ui.qt_text import accept_if_done, confirm_buttons, error_label, show_error
from sotttt_desktop.ui.rows_model import RowsModel, table_view

if TYPE_CHECKING:
    from sotttt_desktop.services import Services


class PermitsView(QWidget):
    HEADERS = (N_("Number"), N_("Title"), N_("Holder"), N_("For"), N_("Issued"),
               N_("Valid until"), N_("State"))

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.model = RowsModel([_(h) for h in self.HEADERS])
        self.table = table_view(self.model)
        self.table.setObjectName("permit_table")
        self.expiring = QCheckBox(_("Expiring within 60 days"))
        self.expiring.toggled.connect(lambda _c: self.reload())
        revoke = self.revoke_button = QPushButton(_("Revoke…"))
        revoke.setObjectName("revoke_button")
        revoke.clicked.connect(lambda: self.decide_selected("revoke"))
        suspend = self.suspend_button = QPushButton(_("Suspend…"))
        suspend.setObjectName("suspend_button")
        suspend.clicked.connect(lambda: self.decide_selected("suspend"))
        show = self.preview_button = QPushButton(_("&View and print…"))
        show.setObjectName("permit_preview")
        show.clicked.connect(lambda: self.preview_selected())
        batch = QPushButton(_("&Batch print…"))
        batch.setObjectName("batch_print_button")
        batch.clicked.connect(self.batch_print)
        top = QHBoxLayout()
        top.addWidget(self.expiring)
        top.addStretch(1)
        top.addWidget(show)
        top.addWidget(batch)
        top.addWidget(suspend)
        top.addWidget(revoke)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self._rows: list[dict] = []
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._selection_changed())
        self._loaded = False  # read when first shown: the desk opens on its dossiers
        self._selection_changed()
        from sotttt_desktop.ui.changes import kinds_watcher, reload_in_place

        self.watcher = kinds_watcher(  # permits and their holders' names
            self, services, ("permit", "party"),
            lambda: reload_in_place(self.table, lambda: self.model.keys, self.reload))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        if not self._loaded:
            self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        self._loaded = True
        self._show(self._services.permits.list(
            expiring_within=60 if self.expiring.isChecked() else None, limit=1000))

    def reveal(self, reference: str) -> bool:
        """A permit found elsewhere (the global search) selected in the list; one the list does
        not hold (older than its newest thousand, or filtered out) is put on top of it."""
        if not self._loaded:
            self.reload()
        if reference not in self.model.keys:
            try:
                permit = self._services.permits.show(reference)
            except AppError as error:
                show_error(self, str(error))
                return False
            self._show([permit, *(p for p in self._rows if p["reference"] != reference)])
        self.table.selectRow(self.model.keys.index(reference))
        return True

    def _show(self, rows: list[dict]) -> None:
        self._rows = rows
        self.model.set_rows(
            [[p["number"], p["title"], p["holder"], p["subject"], format_date(p["issued_on"]),
              format_date(p["valid_until"]) if p["valid_until"] else _("no term"),
              p["state_label"]] for p in rows],
            [p["reference"] for p in rows],
            ["#f8d0d0" if p["state"] in ("revoked", "expired") else None for p in rows])
        self.table.horizontalHeader().setResizeContentsPrecision(60)  # the first rows' widths
        self.table.resizeColumnsToContents()
        self._selection_changed()

    def preview_selected(self, kind: str | None = None) -> object:
        """The selected permit's document; for a suspended or revoked one, its decision."""
        from sotttt_desktop.ui.document_preview import preview

        index = self.table.currentIndex()
        if not index.isValid():
            return None
        reference = self.model.keys[index.row()]
        if kind is None:
            state = self._services.permits.show(reference)["state"]
            kind = "permit"
            if state in ("suspended", "revoked"):
                choice = QMessageBox.question(
                    self, _("View and print…"), _("Print the decision ({state}) instead of the "
                                                  "permit itself?").format(
                        state=permit_state_label(state)))
                if choice == QMessageBox.StandardButton.Yes:
                    kind = "permit-suspension" if state == "suspended" else "permit-revocation"
        return preview(self._services, kind, reference, reference.split("@")[0], self)

    def batch_print(self) -> object:
        from sotttt_desktop.ui.document_preview import BatchPrintDialog

        dialog = BatchPrintDialog(self._services, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def selected_permit(self) -> dict | None:
        index = self.table.currentIndex()
        return self._rows[index.row()] if index.isValid() and index.row() < len(self._rows) \
            else None

    def _selection_changed(self) -> None:
        permit = self.selected_permit()
        nothing = _("Choose a permit in the list first.")
        decisions = self._services.permits.available_decisions(permit) if permit else {}
        for action, button in (("suspend", self.suspend_button), ("revoke", self.revoke_button)):
            gate(button, decisions.get(action, nothing) if permit else nothing)
        gate(self.preview_button, self._services.documents.print_refusal(
            "permit", permit["reference"], area=permit["area"]) if permit else nothing)

    def decide_selected(self, action: str, *, reason: str | None = None,
                        until: dt.date | None = None) -> bool:
        """Suspend (until a date) or revoke the selected permit, by decision: one dialog with
        the reason and (suspension) the end date, checked by the service when the clerk
        presses the button (the decision's number comes from the register of outgoing
        documents); given both, no dialog (tests, scripts)."""
        permit = self.selected_permit()
        if permit is None:
            return False
        if reason is None or (action == "suspend" and until is None):
            dialog = DecisionDialog(self._services, permit, action, self)
            self.last_decision_dialog = dialog
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        else:
            try:
                self._services.permits.decide(permit["reference"], action, reason=reason,
                                              until=until)
            except AppError as error:
                show_error(self, str(error))
                return False
        self.reload()
        return True


class DecisionDialog(QDialog):
    """Suspend or revoke a permit: reason, end of a suspension; the decision is numbered by
    the register of outgoing documents when it is confirmed (no number is typed)."""

    def __init__(self, services: Services, permit: dict, action: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._services, self._permit, self._action = services, permit, action
        self.setWindowTitle((_("Suspend…") if action == "suspend" else _("Revoke…"))
                            + f" {permit['number']}")
        from sotttt_desktop.services.decision_powers import suspension_limit

        self.decision = QLabel(_("the next number of the register of outgoing documents, given "
                                 "when you confirm"))
        self.decision.setObjectName("decision_number")
        self.decision.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("decision_reason")
        self.reason.setTabChangesFocus(True)
        self.until = QDateEdit()
        self.until.setObjectName("decision_until")
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("dd/MM/yyyy")
        later = clock.local_today() + dt.timedelta(days=30)
        self.until.setDate(QDate(later.year, later.month, later.day))
        # the longest suspension the law in force allows for this kind (instruments.toml)
        latest = suspension_limit(permit["family"], clock.local_today()) or later
        tomorrow = clock.local_today() + dt.timedelta(days=1)
        self.until.setDateRange(QDate(tomorrow.year, tomorrow.month, tomorrow.day),
                                QDate(latest.year, latest.month, latest.day))
        self.error = error_label("decision_error")
        form = QFormLayout()
        form.addRow(_("Permit"), QLabel(f"{permit['number']} — {permit['holder']}"))
        form.addRow(_("Decision number:"), self.decision)
        form.addRow(_("Reason:"), self.reason)
        if action == "suspend":
            form.addRow(_("Suspended until:"), self.until)
        buttons, _confirm = confirm_buttons(_("Suspend") if action == "suspend" else _("Revoke"),
                                            "decision_confirm", self.decide, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 300)

    def decide(self) -> None:
        date = self.until.date()
        until = dt.date(date.year(), date.month(), date.day()) if self._action == "suspend" \
            else None
        accept_if_done(self, self.error, lambda: self._services.permits.decide(
            self._permit["reference"], self._action, reason=self.reason.toPlainText(),
            until=until))
