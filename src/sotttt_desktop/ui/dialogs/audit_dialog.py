"""Tools → Audit trail: who did what and when, filtered by user, record and dates; chain check."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.errors import AppError
from sotttt_desktop.i18n import N_, _, format_datetime
from sotttt_desktop.services.audit_trail import AuditFilter, action_words, kind_words
from sotttt_desktop.ui.qt_text import show_error, show_info, translate_buttons

if TYPE_CHECKING:
    import datetime as dt

    from sotttt_desktop.services import Services

PAGE = 500


def _readable(values_json: str) -> str:
    """`{"name": "A", "tax_code": null}` → `name: A; tax_code: —` for the details line."""
    import json

    try:
        values = json.loads(values_json)
    except ValueError:
        return values_json
    if not isinstance(values, dict):
        return values_json
    return "; ".join(f"{key}: {'—' if value is None else value}" for key, value in values.items())


def _qdate(value: QDate) -> dt.date:
    import datetime as dt

    return dt.date(value.year(), value.month(), value.day())


class AuditDialog(QDialog):
    COLUMNS = (N_("No."), N_("Time"), N_("User"), N_("Action"), N_("Record"), N_("Summary"))

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(_("Audit trail"))
        self.resize(1100, 600)
        self.user_filter = QLineEdit()
        self.user_filter.setObjectName("audit_user")
        self.user_filter.setPlaceholderText(_("user name"))
        self.entity_filter = QLineEdit()
        self.entity_filter.setObjectName("audit_entity")
        self.entity_filter.setPlaceholderText(_("record id or kind (party, user…)"))
        self.use_dates = QCheckBox(_("From"))
        self.since = QDateEdit(QDate.currentDate().addDays(-30))
        self.until = QDateEdit(QDate.currentDate())
        for edit in (self.since, self.until):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
        apply = QPushButton(_("&Filter"))
        apply.setObjectName("audit_apply")
        apply.clicked.connect(self.reload)
        for edit in (self.user_filter, self.entity_filter):
            edit.returnPressed.connect(self.reload)
        verify = QPushButton(_("&Check the chain"))
        verify.setObjectName("audit_verify")
        verify.clicked.connect(self.verify)
        filters = QHBoxLayout()
        filters.addWidget(self.user_filter)
        filters.addWidget(self.entity_filter, 2)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.since)
        filters.addWidget(QLabel(_("to")))
        filters.addWidget(self.until)
        filters.addWidget(apply)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("audit_table")
        self.table.setHorizontalHeaderLabels([_(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda row, *_a: self._show_details(row))
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setObjectName("audit_details")
        self.summary = QLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(verify)
        close = translate_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        close.rejected.connect(self.reject)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addLayout(bottom)
        self.entries: list[dict] = []
        self.reload()

    def current_filter(self) -> AuditFilter:
        since = _qdate(self.since.date()) if self.use_dates.isChecked() else None
        until = _qdate(self.until.date()) if self.use_dates.isChecked() else None
        return AuditFilter(self.user_filter.text(), self.entity_filter.text(), since, until)

    def reload(self) -> None:
        try:
            flt = self.current_filter()
            total = self._services.audit.count(flt)
            self.entries = self._services.audit.entries(flt, limit=PAGE)
        except AppError as error:
            show_error(self, str(error))
            return
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            values = [str(entry["id"]), format_datetime(entry["at"]), entry["username"],
                      action_words(entry["action"]), kind_words(entry["entity_kind"]),
                      entry["summary"]]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.summary.setText(_("{shown} of {total} entries, newest first.").format(
            shown=len(self.entries), total=total))

    def _show_details(self, row: int) -> None:
        if not 0 <= row < len(self.entries):
            self.details.clear()
            return
        entry = self.entries[row]
        parts = [_("Record: {kind} {id}").format(kind=kind_words(entry["entity_kind"]),
                                                 id=entry["entity_id"])] if entry["entity_id"] else []
        if entry["before"]:
            parts.append(_("Before: {values}").format(values=_readable(entry["before"])[:700]))
        if entry["after"]:
            parts.append(_("After: {values}").format(values=_readable(entry["after"])[:700]))
        self.details.setText("\n".join(parts))

    def verify(self) -> None:
        report = self._services.audit.verify()
        if report.ok:
            show_info(self, _("The audit trail is intact: {count} entries verified.")
                      .format(count=report.entries), _("Audit trail"))
        else:
            show_error(self, _("The audit trail is broken at entry {id}.").format(
                id=report.first_broken_id), _("Audit trail"))
