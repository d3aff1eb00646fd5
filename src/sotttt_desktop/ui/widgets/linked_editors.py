"""The editors of the kinds that hold more than one typed value (registers/linked_kinds.py): a
picker of a party or of a record of another register, a small table of child rows, a list of
evidence files. Each reads and sets the same text the kind's handler parses (an id, lines of
"a | b", a JSON list of files), so a form treats it like a line edit.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.errors import AppError
from sotttt_desktop.i18n import _
from sotttt_desktop.registers.kinds import handler
from sotttt_desktop.registers.linked_kinds import (
    CELL_SEPARATOR,
    RowsHandler,
    file_label,
    target_register,
)
from sotttt_desktop.registers.spec import FieldKind, FieldSpec
from sotttt_desktop.services import Services
from sotttt_desktop.ui.qt_text import ERROR_STYLE

Changed = Callable[[], None]
DATA = Qt.ItemDataRole.UserRole
SEARCH_DELAY_MS = 250  # the picker searches when the clerk pauses typing


class KindEditor(QWidget):
    """An editor made of several widgets; its text is what the kind's handler parses."""

    edited = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)

    def text(self) -> str:
        raise NotImplementedError

    def set_text(self, text: str) -> None:
        raise NotImplementedError


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def _button(text: str, name: str, action: Callable[[], Any]) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(lambda _checked=False: action())
    return button


class RecordPicker(KindEditor):
    """Type a few letters of a name or an identifying number; choose one of the matches (the
    target register's own search: its permission and district scope)."""

    def __init__(self, field: FieldSpec, services: Services):
        super().__init__()
        self._services, self._key = services, target_register(field).key
        self._chosen: uuid.UUID | None = None
        self.search = QLineEdit()
        self.search.setObjectName(f"search_{field.name}")
        self.search.setPlaceholderText(_(handler(field).picker_hint))
        self.matches = QListWidget()
        self.matches.setObjectName(f"matches_{field.name}")
        self.matches.setMaximumHeight(self.matches.fontMetrics().lineSpacing() * 6 + 8)
        self.matches.hide()
        self.chosen = QLabel()
        self.chosen.setObjectName(f"chosen_{field.name}")
        self.chosen.setWordWrap(True)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.search.textEdited.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._choose_only_match)
        self.matches.itemActivated.connect(self._choose_item)
        self.matches.itemClicked.connect(self._choose_item)
        clear = _button(_("Clear"), f"clear_{field.name}", lambda: self.set_text(""))
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        top.addWidget(clear)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.matches)
        layout.addWidget(self.chosen)
        self._show_chosen(None)

    def search_now(self) -> None:
        self._timer.stop()
        self.matches.clear()
        try:
            found = self._services.links.matches(self._key, self.search.text())
        except AppError as error:  # no right to view the register, too many matches
            item = QListWidgetItem(str(error))
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.matches.addItem(item)
            found = None
        for record_id, label in found or ():
            item = QListWidgetItem(label)
            item.setData(DATA, record_id)
            self.matches.addItem(item)
        if found == []:
            item = QListWidgetItem(_("Nothing found."))
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.matches.addItem(item)
        self.matches.setVisible(self.matches.count() > 0)

    def _choose_only_match(self) -> None:
        self.search_now()
        if self.matches.count() == 1 and self.matches.item(0).data(DATA) is not None:
            self._choose_item(self.matches.item(0))

    def _choose_item(self, item: QListWidgetItem) -> None:
        record_id = item.data(DATA)
        if record_id is None:
            return
        self.choose(record_id, item.text())

    def choose(self, record_id: uuid.UUID, label: str) -> None:
        self._chosen = record_id
        self._show_chosen(label)
        self.search.clear()
        self.matches.clear()
        self.matches.hide()
        self.edited.emit()

    def _show_chosen(self, label: str | None) -> None:
        self.chosen.setText(f"✔ {label}" if label else _("Nothing chosen."))

    def text(self) -> str:
        return "" if self._chosen is None else str(self._chosen)

    def set_text(self, text: str) -> None:
        try:
            record_id = uuid.UUID(text) if text.strip() else None
        except ValueError:  # not an id: look it up as typed
            record_id = self._services.links.find(self._key, text)[0]
        label = self._services.links.labels(self._key, [record_id]).get(record_id) \
            if record_id is not None else None
        self._chosen = record_id if label is not None else None
        self._show_chosen(label)
        self.edited.emit()


class RowsEditor(KindEditor):
    """A small table of the field's child columns, with Add row and Remove row."""

    def __init__(self, field: FieldSpec):
        super().__init__()
        self._columns = field.columns
        self.table = QTableWidget(0, len(field.columns))
        self.table.setObjectName(f"rows_{field.name}")
        self.table.setHorizontalHeaderLabels(
            [_(c.label) + (" *" if c.required else "") for c in field.columns])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setFixedHeight(self.table.fontMetrics().lineSpacing() * 11)
        for column, child in enumerate(field.columns):
            self.table.setColumnWidth(column, child.width)
        self.table.cellChanged.connect(lambda _r, _c: self.edited.emit())
        add = _button(_("Add row"), f"add_row_{field.name}", self.add_row)
        remove = _button(_("Remove row"), f"remove_row_{field.name}", self.remove_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(_buttons(add, remove))

    def add_row(self, cells: list[str] | None = None) -> None:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        for column, cell in enumerate(cells or [""] * len(self._columns)):
            self.table.setItem(row, column, QTableWidgetItem(cell))
        self.table.blockSignals(False)
        if cells is None:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0))
        self.edited.emit()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self.table.removeRow(row)
            self.edited.emit()

    def text(self) -> str:
        lines = []
        for row in range(self.table.rowCount()):
            cells = [(self.table.item(row, c).text() if self.table.item(row, c) else "").strip()
                     for c in range(len(self._columns))]
            if any(cells):
                lines.append(CELL_SEPARATOR.join(cells).rstrip(" |"))
        return "\n".join(lines)

    def set_text(self, text: str) -> None:
        self.table.setRowCount(0)
        for line in (t for t in text.splitlines() if t.strip()):
            cells = [c.strip() for c in line.split("|")][:len(self._columns)]
            self.add_row(cells + [""] * (len(self._columns) - len(cells)))
        self.edited.emit()


class FilesEditor(KindEditor):
    """Evidence files: Add file… copies them into the attachment store at once (whole, by
    SHA-256, as a dossier's attachments), Remove takes one off the record, Open shows it;
    "Captured at" is the selected file's capture time (it starts as the file's last change)."""

    def __init__(self, field: FieldSpec, services: Services):
        super().__init__()
        self._services = services
        self.files = QListWidget()
        self.files.setObjectName(f"files_{field.name}")
        self.files.setFixedHeight(self.files.fontMetrics().lineSpacing() * 4 + 8)
        self.files.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        add = _button(_("Add file…"), f"add_file_{field.name}", self._choose_files)
        remove = _button(_("Remove"), f"remove_file_{field.name}", self.remove_selected)
        opener = _button(_("Open"), f"open_file_{field.name}", self.open_selected)
        self.captured = QDateTimeEdit()
        self.captured.setObjectName(f"captured_{field.name}")
        self.captured.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.captured.setCalendarPopup(True)
        self.captured.setEnabled(False)
        self.captured.dateTimeChanged.connect(self._set_capture)
        # the chosen file's capture time: shown only when a file is chosen (an empty list showed
        # a greyed 01/01/2000)
        self.capture_row = QWidget()
        capture_row = QHBoxLayout(self.capture_row)
        capture_row.setContentsMargins(0, 0, 0, 0)
        capture_row.addWidget(QLabel(_("File captured at")))
        capture_row.addWidget(self.captured)
        capture_row.addStretch(1)
        self.capture_row.setVisible(False)
        self.files.currentItemChanged.connect(lambda _now, _before: self._show_capture())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.files)
        layout.addLayout(_buttons(add, remove, opener))
        layout.addWidget(self.capture_row)
        layout.addWidget(self.error)

    def _choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, _("Add file…"))
        if names:
            self.add_paths([Path(name) for name in names])

    def add_paths(self, paths: list[Path]) -> None:
        try:
            entries = self._services.links.store_files(paths)
        except AppError as error:  # missing or larger than attachments may be
            self.error.setText(str(error))
            self.error.show()
            return
        self.error.hide()
        for entry in entries:
            self._add(entry)
        self.edited.emit()

    def _add(self, entry: dict[str, Any]) -> None:
        item = QListWidgetItem(file_label(entry))
        item.setData(DATA, entry)
        self.files.addItem(item)
        self.files.setCurrentItem(item)

    def _show_capture(self) -> None:
        item = self.files.currentItem()
        entry = item.data(DATA) if item is not None else None
        self.captured.blockSignals(True)
        self.captured.setEnabled(entry is not None)
        self.capture_row.setVisible(entry is not None)
        moment = QDateTime.fromString(entry.get("captured_at") or "", "yyyy-MM-ddTHH:mm") \
            if entry is not None else QDateTime()
        self.captured.setDateTime(moment if moment.isValid() else QDateTime.currentDateTime())
        self.captured.blockSignals(False)

    def _set_capture(self, moment: QDateTime) -> None:
        item = self.files.currentItem()
        if item is None:
            return
        entry = {**item.data(DATA), "captured_at": moment.toString("yyyy-MM-ddTHH:mm")}
        item.setData(DATA, entry)
        item.setText(file_label(entry))
        self.edited.emit()

    def remove_selected(self) -> None:
        row = self.files.currentRow()
        if row >= 0:
            self.files.takeItem(row)
            self.edited.emit()

    def open_selected(self) -> None:
        item = self.files.currentItem()
        if item is not None:
            path = self._services.links.file_path(item.data(DATA)["sha256"])
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def entries(self) -> list[dict[str, Any]]:
        return [self.files.item(i).data(DATA) for i in range(self.files.count())]

    def text(self) -> str:
        return json.dumps(self.entries(), ensure_ascii=False) if self.files.count() else ""

    def set_text(self, text: str) -> None:
        self.files.clear()
        try:
            entries = json.loads(text) if text.strip() else []
        except ValueError:
            entries = []
        for entry in entries if isinstance(entries, list) else ():
            if isinstance(entry, dict) and {"sha256", "name", "size"} <= set(entry):
                self._add(entry)
        self.edited.emit()


def _connected(editor: KindEditor, changed: Changed) -> KindEditor:
    editor.edited.connect(changed)
    return editor


def record_picker(field: FieldSpec, services: Services, changed: Changed,
                  submit: Changed) -> QWidget:
    return _connected(RecordPicker(field, services), changed)


def rows_editor(field: FieldSpec, services: Services, changed: Changed,
                submit: Changed) -> QWidget:
    return _connected(RowsEditor(field), changed)


def files_editor(field: FieldSpec, services: Services, changed: Changed,
                 submit: Changed) -> QWidget:
    return _connected(FilesEditor(field, services), changed)


def rows_table(field: FieldSpec, value: Any, services: Services) -> QWidget:  # noqa: ANN401
    """The rows of a record in its detail view: a read-only table, each value as its kind
    shows it."""
    cells = RowsHandler().shown_cells(field, value, services.reference)
    table = QTableWidget(len(cells), len(field.columns))
    table.setObjectName(f"detail_{field.name}")
    table.setHorizontalHeaderLabels([_(c.label) for c in field.columns])
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setStretchLastSection(True)
    for row, texts in enumerate(cells):
        for column, text in enumerate(texts):
            table.setItem(row, column, QTableWidgetItem(text))
    table.resizeColumnsToContents()
    lines = table.fontMetrics().lineSpacing() + 10
    table.setFixedHeight(min(10, len(cells) + 1) * lines + 8)
    return table


# the kinds a record's detail view shows with their own widget (the others: their display text)
DETAIL_WIDGETS: dict[FieldKind, Callable[[FieldSpec, Any, Services], QWidget]] = {
    FieldKind.ROWS: rows_table,
}
