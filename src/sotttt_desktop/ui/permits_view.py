"""The permit register of the one-stop tab: list, expiring filter, preview and print, batch
print, suspend and revoke by decision."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.errors import AppError
from sotttt_desktop.i18n import N_, _, format_date
from sotttt_desktop.services.permits import permit_state_label
from sotttt_desktop.ui.qt_text import show_error
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
        revoke = QPushButton(_("Revoke…"))
        revoke.setObjectName("revoke_button")
        revoke.clicked.connect(lambda: self.decide_selected("revoke"))
        suspend = QPushButton(_("Suspend…"))
        suspend.setObjectName("suspend_button")
        suspend.clicked.connect(lambda: self.decide_selected("suspend"))
        show = QPushButton(_("&View and print…"))
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
        self.reload()

    def reload(self) -> None:
        rows = self._services.permits.list(
            expiring_within=60 if self.expiring.isChecked() else None, limit=1000)
        self.model.set_rows(
            [[p["number"], p["title"], p["holder"], p["subject"], format_date(p["issued_on"]),
              format_date(p["valid_until"]) if p["valid_until"] else _("no term"),
              p["state_label"]] for p in rows],
            [p["reference"] for p in rows],
            ["#f8d0d0" if p["state"] in ("revoked", "expired") else None for p in rows])
        self.table.resizeColumnsToContents()

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

    def decide_selected(self, action: str, *, decision: str | None = None,
                        reason: str | None = None, until: dt.date | None = None) -> bool:
        """Suspend (until a date) or revoke the selected permit, by decision."""
        from sotttt_desktop.i18n import parse_date

        index = self.table.currentIndex()
        if not index.isValid():
            return False
        title = _("Suspend…") if action == "suspend" else _("Revoke…")
        if decision is None:
            decision, ok = QInputDialog.getText(self, title, _("Decision number:"))
            if not ok:
                return False
        if reason is None:
            reason, ok = QInputDialog.getText(self, title, _("Reason:"))
            if not ok:
                return False
        if action == "suspend" and until is None:
            text, ok = QInputDialog.getText(self, title, _("Suspended until (dd/mm/yyyy):"))
            if not ok:
                return False
            try:
                until = parse_date(text)
            except ValueError:
                show_error(self, _("Write the date as dd/mm/yyyy, for example 05/03/1990."))
                return False
        try:
            self._services.permits.decide(self.model.keys[index.row()], action,
                                          decision_number=decision, reason=reason, until=until)
        except AppError as error:
            show_error(self, str(error))
            return False
        self.reload()
        return True
