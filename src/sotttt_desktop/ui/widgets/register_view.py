"""One register on screen: filter box, column filters, the lazy table, and record actions."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.core.clock import local_today
from sotttt_desktop.errors import AppError, CancelledError
from sotttt_desktop.i18n import _, ngettext
from sotttt_desktop.i18n import format_number as fmt_number
from sotttt_desktop.registers import get_register
from sotttt_desktop.registers.spec import FieldKind
from sotttt_desktop.services import Services
from sotttt_desktop.services.registers import RegisterFilter
from sotttt_desktop.ui.dialogs.record_detail import RecordDetailDialog
from sotttt_desktop.ui.dialogs.record_form import RecordFormDialog
from sotttt_desktop.ui.permissions import gate_by_right
from sotttt_desktop.ui.qt_text import show_error
from sotttt_desktop.ui.register_model import RegisterTableModel
from sotttt_desktop.ui.rows_model import enter_opens
from sotttt_desktop.ui.widgets.row_numbers import RowNumberHeader, set_column_titles
from sotttt_desktop.ui.widgets.type_ahead import type_ahead

if TYPE_CHECKING:
    from sotttt_desktop.ui.operations import Operation

FILTER_DELAY_MS = 250
ROW_HEIGHT = 24  # px: a third more rows on screen than Qt's default of 30


class RegisterView(QWidget):
    changed = Signal()

    def __init__(self, services: Services, register_key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._key = register_key
        self._spec = get_register(register_key)
        self.model = RegisterTableModel(services, register_key, self)

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("register_filter")
        self.filter_edit.setPlaceholderText(_("Filter: type a name, tax code, address… "
                                              "(diacritics optional)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(240)  # beside many choice filters it stays readable
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.filter_in_background)
        self.filter_edit.textChanged.connect(lambda _t: self._filter_timer.start())
        self.filter_edit.returnPressed.connect(self.filter_in_background)
        self._filter_generation = 0

        self._column_filters: dict[str, QComboBox] = {}
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 3)
        for field in self._spec.fields:
            if not field.filterable:
                continue
            combo = QComboBox()
            combo.setObjectName(f"filter_{field.name}")
            combo.addItem(_("{label}: all").format(label=_(field.label)), None)
            if field.kind is FieldKind.CHOICE:
                for value, label in field.choices:
                    combo.addItem(_(label), value)
            elif field.kind is FieldKind.DISTRICT:
                for info in services.reference.districts().values():
                    combo.addItem(info.name, info.code)
            combo.currentIndexChanged.connect(lambda _i: self.filter_in_background())
            self._column_filters[field.name] = type_ahead(combo)
            top.addWidget(combo, 1)
        self.due_filter: QCheckBox | None = None
        watch = self._spec.due_watch
        if watch is not None:  # "inspection due within 30 days", overdue included
            self.due_filter = QCheckBox(_(watch.label).format(days=watch.days))
            self.due_filter.setObjectName("filter_due")
            self.due_filter.toggled.connect(lambda _on: self.filter_in_background())
            top.addWidget(self.due_filter)

        self.table = QTableView()
        self.table.setObjectName("register_table")
        self.table.setVerticalHeader(RowNumberHeader(self.table))
        self.table.setModel(self.model)
        set_column_titles(self.table, self.model.column_labels())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, field in enumerate(self._spec.table_fields):
            self.table.setColumnWidth(column, field.width)
        column, descending = self.model.sort_state()
        header.setSortIndicator(column, Qt.SortOrder.DescendingOrder if descending
                                else Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # after the indicator: enabling sorts by it
        header.sortIndicatorChanged.connect(self._sort_changed)
        self.table.doubleClicked.connect(lambda _i: self.show_details())
        enter_opens(self.table, self.show_details)

        self.count_label = QLabel()
        self.count_label.setObjectName("register_count")
        new_button = self.new_button = QPushButton(_("&New"))
        new_button.setObjectName("new_button")
        new_button.clicked.connect(self.new_record)
        gate_by_right(new_button, services, self._spec.area, "create")
        edit_button = self.edit_button = QPushButton(_("&Edit"))
        edit_button.setObjectName("edit_button")
        edit_button.clicked.connect(lambda: self.edit_record())
        self._may_edit = gate_by_right(edit_button, services, self._spec.area, "edit")
        details_button = self.details_button = QPushButton(_("&Details"))
        details_button.setObjectName("details_button")
        details_button.clicked.connect(lambda: self.show_details())
        export_button = self.export_button = QPushButton(_("E&xport…"))
        export_button.setObjectName("export_button")
        export_button.clicked.connect(lambda: self.export_file())
        gate_by_right(export_button, services, self._spec.area, "export")
        import_button = self.import_button = QPushButton(_("&Import…"))
        import_button.setObjectName("import_button")
        import_button.clicked.connect(lambda: self.import_file())
        gate_by_right(import_button, services, self._spec.area, "create")
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        self.public_list_button: QPushButton | None = None
        published = services.public_lists.for_register(self._key)
        if published is not None:  # a list the Department publishes from this register
            self.public_list_button = QPushButton(_("&Public list…"))
            self.public_list_button.setObjectName("public_list_button")
            self.public_list_button.clicked.connect(lambda: self.public_list())
            bottom.addWidget(self.public_list_button)
        self.map_button: QPushButton | None = None
        layer = services.point_layers.for_register(self._key)
        if layer is not None:  # points on a map from the entries' rows
            self.map_button = QPushButton(_("Save &map layer…"))
            self.map_button.setObjectName("map_button")
            self.map_button.setToolTip(_("{layer}: one point per row, for QGIS (GeoJSON) or a "
                                         "spreadsheet").format(layer=_(layer.title)))
            self.map_button.clicked.connect(lambda: self.save_map_layer())
            gate_by_right(self.map_button, services, self._spec.area, "export")
            bottom.addWidget(self.map_button)
        self.yearly_buttons: dict[str, QPushButton] = {}
        for kind, label in self._spec.yearly_documents:  # a year's summary, statistics
            button = self.yearly_buttons[kind] = QPushButton(_(label))
            button.setObjectName(f"yearly_{kind}")
            button.clicked.connect(lambda _checked=False, k=kind: self.print_yearly(k))
            bottom.addWidget(button)
        bottom.addWidget(export_button)
        bottom.addWidget(import_button)
        bottom.addWidget(new_button)
        bottom.addWidget(edit_button)
        bottom.addWidget(details_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self._update_count()
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_a: self.update_record_buttons())
        self.model.modelReset.connect(self.update_record_buttons)
        self.update_record_buttons()
        from sotttt_desktop.ui.changes import kinds_watcher

        # a write anywhere (another tab, an import in a worker, a permit issued) shows here
        self.watcher = kinds_watcher(self, services, [self._spec.search_kind],
                                     self.refresh_in_place)

    # --- spreadsheets -------------------------------------------------------------------------

    def save_map_layer(self, path: str | None = None) -> int:
        from PySide6.QtWidgets import QFileDialog

        layer = self._services.point_layers.for_register(self._key)
        if layer is None:
            return 0
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, _("Save map layer"), f"{layer.key}.geojson",
                "GeoJSON (*.geojson);;Excel (*.xlsx);;CSV (*.csv)")
            if not path:
                return 0
        try:
            count = self._services.point_layers.export(layer.key, Path(path))
        except AppError as error:
            show_error(self, str(error), _("Save map layer"))
            return 0
        self.count_label.setText(_("{count} points written to {path}.").format(
            count=fmt_number(count), path=path))
        return count

    def print_yearly(self, kind: str, year: int | None = None) -> object:
        """The document of a year (asked, last year proposed) in the preview window."""
        from PySide6.QtWidgets import QInputDialog

        from sotttt_desktop.ui.document_preview import preview

        label = _(dict(self._spec.yearly_documents)[kind]).replace("&", "").rstrip("…")
        if year is None:
            year, chosen = QInputDialog.getInt(self, label, _("Year:"),
                                               local_today().year - 1, 2000, 2100)
            if not chosen:
                return None
        return preview(self._services, kind, str(year), f"{label} — {year}", self)

    def public_list(self) -> object:
        from sotttt_desktop.ui.public_list_dialog import PublicListDialog

        published = self._services.public_lists.for_register(self._key)
        if published is None:
            return None
        dialog = PublicListDialog(self._services, published.key, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def export_file(self, path: str | None = None) -> Operation | None:
        """The register as the filter shows it, to .xlsx or .csv, written on a worker (a
        large register takes a while) with a progress dialog."""
        from PySide6.QtWidgets import QFileDialog

        from sotttt_desktop.ui.operations import run_operation

        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, _("Export"), f"{self._key}.xlsx", "Excel (*.xlsx);;CSV (*.csv)")
            if not path:
                return None
        services, key, flt, target = self._services, self._key, self.current_filter(), path

        def done(count: int) -> None:
            self.count_label.setText(_("{count} records written to {path}.").format(
                count=fmt_number(count), path=target))

        def failed(error: AppError) -> None:
            if isinstance(error, CancelledError):
                self.count_label.setText(str(error))
            else:
                show_error(self, str(error), _("Export"))
        return run_operation(
            self, _("Export"), _("Writing {path}…").format(path=Path(path).name),
            lambda report, cancelled: services.register_files.export(
                key, Path(target), flt, progress=report, cancelled=cancelled.is_set),
            on_done=done, on_error=failed, cancellable=True,
            counting=_("Written to the file: {done} of {total} records."))

    def import_file(self, path: str | None = None) -> object:
        from PySide6.QtWidgets import QFileDialog

        from sotttt_desktop.ui.dialogs.import_dialog import ImportDialog

        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self, _("Import"), "", _("Spreadsheets (*.xlsx *.csv)"))
            if not path:
                return None
        dialog = ImportDialog(self._services, self._key, Path(path), self)
        dialog.finished.connect(lambda _r: self._after_change() if dialog.committed else None)
        dialog.show()
        return dialog

    # --- filtering and sorting -----------------------------------------------------------------

    def current_filter(self) -> RegisterFilter:
        equals: dict[str, Any] = {}
        for name, combo in self._column_filters.items():
            if combo.currentData() is not None:
                equals[name] = combo.currentData()
        due_by = None
        if self.due_filter is not None and self.due_filter.isChecked():
            due_by = local_today() + dt.timedelta(days=self._spec.due_watch.days)
        return RegisterFilter(self.filter_edit.text(), equals, due_by)

    def apply_filter(self) -> None:
        """Filter now, waiting for the result (F5, scripts, tests)."""
        self._filter_timer.stop()
        self._filter_generation += 1
        try:
            self.model.set_filter(self.current_filter())
        except AppError as error:
            show_error(self, str(error))
        self._update_count()

    def filter_in_background(self, then: Callable[[], None] | None = None) -> None:
        """Filter as the clerk types: the count and the first page are read by a worker (a
        folded filter on a million parties takes ~1.5 s), typing never waits, and only the
        newest filter's result is shown (and `then` called after it)."""
        from sotttt_desktop.ui.background import run_in_background

        self._filter_timer.stop()
        self._filter_generation += 1
        generation, flt, model = self._filter_generation, self.current_filter(), self.model
        self.count_label.setText(_("Filtering…"))

        def done(prepared: tuple) -> None:
            if generation == self._filter_generation:
                model.show_prepared(flt, prepared)
                self._update_count()
                if then is not None:
                    then()

        def failed(error: BaseException) -> None:
            if generation != self._filter_generation:
                return
            self._update_count()
            if not isinstance(error, AppError):
                raise error
            show_error(self, str(error))

        run_in_background(lambda: model.prepare(flt), parent=self, on_done=done,
                          on_error=failed)

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if not self.model.is_sortable(column):
            current, descending = self.model.sort_state()
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(current, Qt.SortOrder.DescendingOrder if descending
                                    else Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)

    def _update_count(self) -> None:
        if self.model.notice:
            self.count_label.setText(self.model.notice)
            return
        n = self.model.rowCount()
        self.count_label.setText(ngettext("{count} record", "{count} records", n)
                                 .format(count=fmt_number(n)))

    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    # --- records ---------------------------------------------------------------------------------

    @property
    def register_key(self) -> str:
        return self._key

    def reveal(self, record_id: uuid.UUID, title: str) -> None:
        """A record found elsewhere (the global search): its row selected — among the rows read
        already, else by filtering the register for its title in the background — and its
        details shown."""
        if self.model.loaded_row(record_id) is None:
            self._filter_timer.stop()
            self.filter_edit.blockSignals(True)
            self.filter_edit.setText(title)
            self.filter_edit.blockSignals(False)
            for combo in self._column_filters.values():
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
            self.filter_in_background(then=lambda: self.select_record(record_id))
        else:
            self.select_record(record_id)
        open_record_details(self._services, self._key, record_id, self)
        self._after_change()  # it may have been edited from its details
        self.select_record(record_id)

    def select_record(self, record_id: uuid.UUID) -> bool:
        """Select the record's row if it has been read; False if it is not among those."""
        row = self.model.loaded_row(record_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def selected_id(self) -> uuid.UUID | None:
        index = self.table.currentIndex()
        return self.model.row_id(index.row()) if index.isValid() else None

    def new_record(self) -> None:
        if not self.new_button.isEnabled():
            return
        dialog = RecordFormDialog(self._services, self._key, parent=self)
        if dialog.exec():
            self._after_change()

    def edit_record(self, record_id: uuid.UUID | None = None) -> None:
        if not self._may_edit:
            return
        record_id = record_id or self.selected_id()
        if record_id is None:
            return
        try:
            record = self._services.registers.record(self._key, record_id)
        except AppError as error:
            show_error(self, str(error))
            return
        dialog = RecordFormDialog(self._services, self._key, record, parent=self)
        if dialog.exec():
            self._after_change()

    def show_details(self, record_id: uuid.UUID | None = None) -> None:
        record_id = record_id or self.selected_id()
        if record_id is None:
            return
        open_record_details(self._services, self._key, record_id, self)
        self._after_change()

    def refresh(self) -> None:
        """Changes made elsewhere (another tab, another desk) shown: same filter and sort."""
        self.watcher.pending = False
        self._after_change()

    def refresh_in_place(self) -> None:
        """A change announced: read again, keeping the selected record and the scroll."""
        selected, row = self.selected_id(), self.table.currentIndex().row()
        bar = self.table.verticalScrollBar()
        scroll = bar.value()
        try:
            self.refresh()
        except AppError as error:
            self.count_label.setText(str(error))
            return
        bar.setValue(scroll)
        if selected is None:
            return
        # the record is near where it was (pages around it are read, not the register)
        start = max(0, row - self.model.PAGE_SIZE)
        for number in range(start, min(self.model.rowCount(), row + self.model.PAGE_SIZE)):
            if self.model.row_id(number) == selected:
                self.table.selectRow(number)
                bar.setValue(scroll)
                return

    def _after_change(self) -> None:
        """Read again after a change (or after details, where an edit may start): the record
        that was selected stays selected when it is still near where it was."""
        selected, row = self.selected_id(), self.table.currentIndex().row()
        self.model.refresh()
        self._update_count()
        if selected is not None:
            start = max(0, row - self.model.PAGE_SIZE)
            for number in range(start, min(self.model.rowCount(), row + self.model.PAGE_SIZE)):
                if self.model.row_id(number) == selected:
                    self.table.selectRow(number)
                    break
        self.update_record_buttons()
        self.changed.emit()

    def update_record_buttons(self) -> None:
        """Edit and Details act on the selected row: without one they are off and say so."""
        chosen = self.selected_id() is not None
        hint = "" if chosen else _("Choose a record in the list first.")
        self.details_button.setEnabled(chosen)
        self.details_button.setToolTip(hint)
        if self._may_edit:
            self.edit_button.setEnabled(chosen)
            self.edit_button.setToolTip(hint)


def open_record_details(services: Services, register_key: str, record_id: uuid.UUID,
                        parent: QWidget) -> None:
    """Details, and the edit form if the user asks for it from there."""
    try:
        record = services.registers.record(register_key, record_id)
    except AppError as error:
        show_error(parent, str(error))
        return
    dialog = RecordDetailDialog(services, register_key, record, parent)
    dialog.exec()
    if dialog.edit_requested and services.actor.can(get_register(register_key).area, "edit"):
        RecordFormDialog(services, register_key, record, parent=parent).exec()
