"""Import a spreadsheet into a register: the row-by-row preview, then one all-or-nothing commit."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.errors import AppError, CancelledError
from sotttt_desktop.i18n import N_, _, format_number
from sotttt_desktop.registers import get_register
from sotttt_desktop.services.register_files import column_notes
from sotttt_desktop.ui.operations import Operation, run_operation

if TYPE_CHECKING:
    from sotttt_desktop.services import Services
    from sotttt_desktop.services.register_files import ImportPreview

ACTION_LABELS = {"create": N_("new"), "update": N_("update"), "unchanged": N_("unchanged"),
                 "reject": N_("rejected")}
ACTION_COLOURS = {"create": "#d8f0d8", "update": "#fff2c8", "reject": "#f8d0d0"}


class ImportDialog(QDialog):
    def __init__(self, services: Services, register_key: str, path: Path,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._key = register_key
        self._path = path
        spec = get_register(register_key)
        self.setWindowTitle(_("Import into “{register}”").format(register=_(spec.title)))
        self.resize(980, 620)
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("import_rows")
        self.table.setHorizontalHeaderLabels([_("Row"), _("Action"), _("Key"), _("Name"),
                                              _("Why")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(3, 280)
        self.skip = QCheckBox(_("Import the other rows and leave the rejected ones out"))
        self.skip.setObjectName("import_skip_rejected")
        self.skip.toggled.connect(lambda _c: self._update_buttons())
        self.commit_button = QPushButton(_("&Write into the register"))
        self.commit_button.setObjectName("import_commit")
        self.commit_button.clicked.connect(self.commit)
        close = QPushButton(_("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip, 1)
        buttons.addWidget(self.commit_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.preview: ImportPreview | None = None
        self.committed = False
        self.operation: Operation | None = None  # the preview or commit running, if any
        self._notice = ""  # said before the next preview's summary (a commit cancelled)
        self.load()

    @property
    def busy(self) -> bool:
        return self.operation is not None and not self.operation.done

    def load(self) -> Operation:
        """Read and check the file on a worker (a large file takes seconds); the rows are
        shown when ready. Cancelling drops the preview (it writes nothing)."""
        services, key, path = self._services, self._key, self._path
        self.preview = None
        self.summary.setText(_("Reading {file}…").format(file=path.name))
        self.operation = run_operation(
            self, self.windowTitle(), _("Reading and checking the file…"),
            lambda _report, _cancelled: services.register_files.preview(key, path),
            on_done=self._show_preview, on_error=self._preview_failed, cancellable=True)
        self._update_buttons()
        return self.operation

    def _preview_failed(self, error: AppError) -> None:
        self.summary.setText(str(error))
        self._update_buttons()

    def _show_preview(self, preview: ImportPreview) -> None:
        if self.operation is not None and self.operation.cancelled:
            self.summary.setText(_("Reading the file was cancelled."))
            self._update_buttons()
            return
        self.preview = preview
        shown = [r for r in self.preview.rows if r.action != "unchanged"]
        self.table.setRowCount(len(shown))
        for index, row in enumerate(shown):
            cells = [str(row.line), _(ACTION_LABELS[row.action]), row.key, row.title,
                     "; ".join(row.messages) if row.messages else
                     (_("changes: {fields}").format(fields=", ".join(row.changed))
                      if row.changed else "")]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if row.action in ACTION_COLOURS:
                    item.setBackground(QBrush(QColor(ACTION_COLOURS[row.action])))
                self.table.setItem(index, column, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.resizeColumnToContents(2)
        counts = self.preview.counts()
        text = _("{file}: {create} new, {update} updated, {unchanged} unchanged, {reject} "
                 "rejected.").format(file=self._path.name, **counts)
        for note in column_notes(self.preview):
            text += " " + note
        text += " " + _("Nothing is written until you press “Write into the register”; then "
                        "everything is written at once, or nothing.")
        self.summary.setText(f"{self._notice} {text}" if self._notice else text)
        self._notice = ""
        self._update_buttons()

    def _update_buttons(self) -> None:
        counts = self.preview.counts() if self.preview else {}
        to_write = counts.get("create", 0) + counts.get("update", 0)
        rejected = counts.get("reject", 0)
        self.skip.setVisible(bool(rejected))
        self.commit_button.setEnabled(not self.committed and not self.busy and to_write > 0
                                      and (rejected == 0 or self.skip.isChecked()))

    def commit(self) -> Operation:
        """Write exactly the rows previewed (the file is not read again: it may have changed
        since) on a worker, in batches, with progress; Cancel takes back what was written."""
        services, preview = self._services, self.preview
        if preview is None:
            raise RuntimeError("commit before the preview")  # the button is disabled then
        skip = self.skip.isChecked()
        counts = preview.counts()
        label = _("Writing {count} records into the register…").format(
            count=format_number(counts["create"] + counts["update"]))
        self.summary.setText(label)
        self.operation = run_operation(
            self, self.windowTitle(), label,
            lambda report, cancelled: services.register_files.commit_preview(
                preview, skip_rejected=skip, progress=report, cancelled=cancelled.is_set),
            on_done=self._committed, on_error=self._commit_failed, cancellable=True,
            counting=_("Written into the register: {done} of {total} records."))
        self._update_buttons()
        return self.operation

    def _commit_failed(self, error: AppError) -> None:
        if isinstance(error, CancelledError) and self.preview is not None \
                and self.preview.counts()["update"]:
            # the records taken back have new versions: the preview is read again (and shown)
            # before the clerk may write it
            self._notice = str(error)
            self.load()
            return
        self.summary.setText(str(error))
        self._update_buttons()

    def _committed(self, done: ImportPreview) -> None:
        counts = done.counts()
        self.committed = True
        self.summary.setText(_("Written: {create} new, {update} updated.").format(**counts))
        self._update_buttons()

    def done(self, result: int) -> None:  # noqa: D401 - Qt override
        """Closing while writing: the import is cancelled (taken back) and waited for."""
        if self.busy and self.operation is not None:
            self.operation.cancel()
            self.operation.wait()
        super().done(result)
