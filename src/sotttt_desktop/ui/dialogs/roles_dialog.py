"""Tools → Roles and permissions: the role × (area, action) matrix, one tick per grant."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.areas import areas_in_order
from sotttt_desktop.errors import AppError
from sotttt_desktop.i18n import _
from sotttt_desktop.services.actor import ACTIONS
from sotttt_desktop.services.facade import action_label, area_label
from sotttt_desktop.ui.dialogs.users_dialog import role_label
from sotttt_desktop.ui.qt_text import show_error, translate_buttons

if TYPE_CHECKING:
    from sotttt_desktop.services import Services


class RolesDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(_("Roles and permissions"))
        self.resize(1100, 640)
        self.roles = services.security.role_names()
        areas = ["*", "own", *[a.key for a in areas_in_order()], "audit", "admin"]
        self.rows = [(area, action) for area in areas for action in ACTIONS]
        self.table = QTableWidget(len(self.rows), len(self.roles))
        self.table.setObjectName("roles_table")
        self.table.setHorizontalHeaderLabels([role_label(r) for r in self.roles])
        self.table.setVerticalHeaderLabels(
            [f"{area_label(area) if area != 'own' else _('own areas')} — {action_label(action)}"
             for area, action in self.rows])
        self._loading = True
        self.reload()
        self._loading = False
        self.table.itemChanged.connect(self._changed)
        note = QLabel(_("A tick grants the action in the area to everyone with the role. "
                        "“All areas” and “own areas” (the areas of the user or of the user's "
                        "unit) apply to every area. Changes are saved at once and audited."))
        note.setWordWrap(True)
        close = translate_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)

    def reload(self) -> None:
        matrix = self._services.security.matrix()
        for column, role in enumerate(self.roles):
            grants = set(matrix[role]["grants"])
            for row, (area, action) in enumerate(self.rows):
                item = QTableWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                checked = f"{area}:{action}" in grants
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self.table.setItem(row, column, item)

    def _changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        area, action = self.rows[item.row()]
        role = self.roles[item.column()]
        granted = item.checkState() == Qt.CheckState.Checked
        try:
            self._services.security.set_grant(role, area, action, granted)
        except AppError as error:
            show_error(self, str(error))
            self._loading = True
            item.setCheckState(Qt.CheckState.Unchecked if granted else Qt.CheckState.Checked)
            self._loading = False
