"""Help → Keyboard shortcuts (F1): every key of the application in one table — the main
window's menus (read from their actions, as the menus show them) and the desk's (declared in
desk_keys.py) — so a clerk learns them without the README."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.i18n import _
from sotttt_desktop.ui.desk_keys import desk_keys_listed, without_mnemonic
from sotttt_desktop.ui.qt_text import translate_buttons


def menu_keys(actions: list[QAction]) -> list[tuple[str, str, str]]:
    """(where, key, what it does) of the menu entries that have a key and are shown."""
    return [(_("Everywhere"), action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
             without_mnemonic(action.text()).rstrip("…").strip())
            for action in actions if not action.shortcut().isEmpty() and action.isVisible()]


class ShortcutsDialog(QDialog):
    """The keys, where each works and what it does; Esc or Enter closes it."""

    def __init__(self, menu_actions: list[QAction], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.resize(760, 620)
        rows = menu_keys(menu_actions) + desk_keys_listed()
        self.table = QTableWidget(len(rows), 3)
        self.table.setObjectName("shortcuts_table")
        self.table.setHorizontalHeaderLabels([_("Where"), _("Keys"), _("Does")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        note = QLabel(_("A key whose button is disabled does nothing; the button's tooltip "
                        "says why."))
        note.setWordWrap(True)
        buttons = translate_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def listed(self) -> list[tuple[str, str, str]]:
        return [tuple(self.table.item(row, column).text() for column in range(3))
                for row in range(self.table.rowCount())]
