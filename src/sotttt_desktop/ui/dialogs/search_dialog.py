"""Results of the global search box, best first; Enter or double-click opens the record."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.i18n import _
from sotttt_desktop.services.search import SearchHit
from sotttt_desktop.ui.qt_text import translate_buttons

KIND_LABELS = {"party": lambda: _("Organisation / individual")}


class SearchResultsDialog(QDialog):
    def __init__(self, query: str, hits: list[SearchHit], parent: QWidget | None = None):
        super().__init__(parent)
        self.chosen: SearchHit | None = None
        self.setWindowTitle(_("Search: {query}").format(query=query))
        self.setMinimumSize(640, 420)
        summary = QLabel(_("{count} results for “{query}” (best first).")
                         .format(count=len(hits), query=query) if hits
                         else _("Nothing found for “{query}”.").format(query=query))
        self.results = QListWidget()
        self.results.setObjectName("search_results")
        for hit in hits:
            kind = KIND_LABELS.get(hit.kind, lambda k=hit.kind: k)()
            item = QListWidgetItem(f"{hit.title}\n    {kind} · {hit.subtitle}")
            item.setData(Qt.ItemDataRole.UserRole, hit)
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
        self.results.itemActivated.connect(self._open)
        buttons = translate_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.results, 1)
        layout.addWidget(buttons)

    def _open(self, item: QListWidgetItem) -> None:
        self.chosen = item.data(Qt.ItemDataRole.UserRole)
        self.accept()
