"""A lazy table model over a register: row count from SQL, rows fetched a page at a time.

Holds no ids for rows it has not shown: a million-row register opens with one COUNT and one page.
Sorting and filtering are done by the database (RegisterService), never in Python.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from sotttt_desktop.errors import FilterTooBroadError
from sotttt_desktop.i18n import _
from sotttt_desktop.registers import get_register
from sotttt_desktop.services import Services
from sotttt_desktop.services.records import list_display_function
from sotttt_desktop.services.registers import RegisterFilter, Row

ModelIndex = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Qt asks for a dozen roles per cell on every paint: compare plain ints, not enum members.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ID = int(ID_ROLE)
_ANSWERED_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ID})


class RegisterTableModel(QAbstractTableModel):
    PAGE_SIZE = 50  # a screenful and a half: the first paint waits for one page
    MAX_PAGES = 128

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
        self._texts: dict[int, tuple[str, ...]] = {}  # display strings of rows shown so far
        self._show = tuple(list_display_function(f, services.reference) for f in self._fields)
        self._count = services.registers.count(register_key, self._filter)
        self.notice = ""  # why no rows are shown, when the filter is too broad to list

    # --- Qt model interface ----------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._fields)

    def data(self, index: ModelIndex, role: int = _DISPLAY) -> Any:
        role = int(role)
        if role not in _ANSWERED_ROLES:
            return None
        if not index.isValid():
            return None
        number = index.row()
        if number >= self._count:
            return None
        if role == _ID:
            row = self._row(number)
            return str(row.id) if row else None
        texts = self._texts.get(number)
        if texts is None:
            row = self._row(number)
            if row is None:
                return None
            texts = tuple(show(v) for show, v in zip(self._show, row.values, strict=True))
            self._texts[number] = texts
        return texts[index.column()]

    # No headerData() or flags() here: Qt's defaults (row numbers; enabled and selectable) are
    # what a register shows, and each Python override is ~500 more calls into Python for every
    # paint. The column titles are given to the header by the view (`column_labels`).

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
        self._texts.clear()
        self.endResetModel()

    # --- our interface ---------------------------------------------------------------------------

    def column_labels(self) -> list[str]:
        return [_(field.label) for field in self._fields]

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self._fields) and self._fields[column].sort_column is not None

    def sort_state(self) -> tuple[int, bool]:
        names = [f.name for f in self._fields]
        return (names.index(self._sort) if self._sort in names else -1), self._descending

    def prepare(self, flt: RegisterFilter) -> tuple[int, str, list[Row], tuple[str, bool]]:
        """What `flt` shows — (count, notice, first page) — read without touching the model, so
        that a worker thread can do it (a folded filter on a million parties: ~1.5 s). A filter
        too broad to list counts 0 and `notice` says why; any other error is raised."""
        order = (self._sort, self._descending)
        try:
            count, notice = self._services.registers.count(self._key, flt), ""
        except FilterTooBroadError as error:
            return 0, str(error), [], order
        first = self._services.registers.page(
            self._key, 0, self.PAGE_SIZE, flt=flt, sort=order[0], descending=order[1],
            total=count) if count else []
        return count, notice, first, order

    def show_prepared(self, flt: RegisterFilter,
                      prepared: tuple[int, str, list[Row], tuple[str, bool]]) -> None:
        count, notice, first, order = prepared
        self.beginResetModel()
        self._filter = flt
        self._pages.clear()
        self._texts.clear()
        if first and order == (self._sort, self._descending):  # not if resorted meanwhile
            self._pages[0] = first
        self._count = count
        self.notice = notice
        self.endResetModel()

    def set_filter(self, flt: RegisterFilter) -> None:
        """Show the records the filter selects, now (the view filters as the clerk types in
        the background, through `prepare` and `show_prepared`); an error leaves the model as
        it was."""
        self.show_prepared(flt, self.prepare(flt))

    def refresh(self) -> None:
        self.set_filter(self._filter)

    def loaded_row(self, record_id: uuid.UUID) -> int | None:
        """The row of a record among the pages read so far (no database work), else None."""
        for page_number, page in self._pages.items():
            for offset, row in enumerate(page):
                if row.id == record_id:
                    return page_number * self.PAGE_SIZE + offset
        return None

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
                evicted, _rows = self._pages.popitem(last=False)
                start = evicted * self.PAGE_SIZE
                for number in range(start, start + self.PAGE_SIZE):
                    self._texts.pop(number, None)
        else:
            self._pages.move_to_end(page_number)
        offset = row - page_number * self.PAGE_SIZE
        return page[offset] if offset < len(page) else None
