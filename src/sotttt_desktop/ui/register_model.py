"""A lazy table model over a register: row count from SQL, rows fetched a page at a time.

Holds no ids for rows it has not shown: a million-row register opens with one COUNT and one page.
Sorting and filtering are done by the database (RegisterService), never in Python.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from sotttt_desktop.i18n import _
from sotttt_desktop.registers import get_register
from sotttt_desktop.services import Services
from sotttt_desktop.services.records import display_value
from sotttt_desktop.services.registers import RegisterFilter, Row

ModelIndex = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class RegisterTableModel(QAbstractTableModel):
    PAGE_SIZE = 200
    MAX_PAGES = 64

    def __init__(self, services: Services, register_key: str, parent: Any = None):
        super().__init__(parent)
        self._services = services
        self._key = register_key
        self._spec = get_register(register_key)
        self._fields = self._spec.table_fields
        self._filter = RegisterFilter()
        self._sort = self._spec.default_sort
        self._descending = False
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        self._count = services.registers.count(register_key, self._filter)

    # --- Qt model interface ----------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._fields)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._count:
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ID_ROLE):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        if role == ID_ROLE:
            return str(row.id)
        field = self._fields[index.column()]
        return display_value(field, row.values[index.column()], self._services.reference)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._fields):
                return _(self._fields[section].label)
            return None
        return str(section + 1)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._fields):
            return
        field = self._fields[column]
        if field.sort_column is None:
            return
        self.beginResetModel()
        self._sort = field.name
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._pages.clear()
        self.endResetModel()

    # --- our interface ---------------------------------------------------------------------------

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self._fields) and self._fields[column].sort_column is not None

    def sort_state(self) -> tuple[int, bool]:
        names = [f.name for f in self._fields]
        return (names.index(self._sort) if self._sort in names else -1), self._descending

    def set_filter(self, flt: RegisterFilter) -> None:
        self.beginResetModel()
        self._filter = flt
        self._pages.clear()
        self._count = self._services.registers.count(self._key, flt)
        self.endResetModel()

    def refresh(self) -> None:
        self.set_filter(self._filter)

    def row_id(self, row: int) -> uuid.UUID | None:
        data = self._row(row)
        return data.id if data else None

    def _row(self, row: int) -> Row | None:
        page_number = row // self.PAGE_SIZE
        page = self._pages.get(page_number)
        if page is None:
            page = self._services.registers.page(
                self._key, page_number * self.PAGE_SIZE, self.PAGE_SIZE, flt=self._filter,
                sort=self._sort, descending=self._descending, total=self._count)
            self._pages[page_number] = page
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_number)
        offset = row - page_number * self.PAGE_SIZE
        return page[offset] if offset < len(page) else None
