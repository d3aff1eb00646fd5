"""Results of the global search box, grouped by register (the group of the best hit first, best
first within each); Enter or double-click opens the record where it lives."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.i18n import _
from sotttt_desktop.services.search import SearchHit, SearchResults
from sotttt_desktop.services.search_targets import DOSSIERS, PERMITS
from sotttt_desktop.ui.qt_text import translate_buttons

_ICONS = {DOSSIERS.key: QStyle.StandardPixmap.SP_DirIcon,
          PERMITS.key: QStyle.StandardPixmap.SP_FileDialogContentsView}
_REGISTER_ICON = QStyle.StandardPixmap.SP_FileDialogDetailedView
_HEADER_BACKGROUND = "#e8eef6"


def grouped(hits: list[SearchHit]) -> dict[str, list[SearchHit]]:
    """Hits by where they open, the groups in the order of their best hit."""
    groups: dict[str, list[SearchHit]] = {}
    for hit in hits:
        groups.setdefault(hit.target, []).append(hit)
    return groups


class SearchResultsDialog(QDialog):
    def __init__(self, query: str, results: SearchResults, parent: QWidget | None = None, *,
                 can_ask_more: bool = True):
        super().__init__(parent)
        self.chosen: SearchHit | None = None
        self.more_requested = False
        hits = results.hits
        self.setWindowTitle(_("Search: {query}").format(query=query))
        self.setMinimumSize(720, 480)
        summary = QLabel(_("{count} results for “{query}” (best first).")
                         .format(count=len(hits), query=query) if hits
                         else _("Nothing found for “{query}”.").format(query=query))
        self.results = QListWidget()
        self.results.setObjectName("search_results")
        self.results.setIconSize(QSize(20, 20))
        for target, group in grouped(hits).items():
            self._add_group(target, group)
        first = self.first_hit_row()
        if first is not None:
            self.results.setCurrentRow(first)
        self.results.itemActivated.connect(self._open)
        buttons = translate_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        buttons.rejected.connect(self.reject)
        self.more_button = QPushButton(_("More results…"))
        self.more_button.setObjectName("search_more")
        self.more_button.clicked.connect(self._ask_more)
        buttons.addButton(self.more_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.more_button.setVisible(results.more and can_ask_more)  # after: adding shows it
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.results, 1)
        layout.addWidget(buttons)

    def _add_group(self, target: str, group: list[SearchHit]) -> None:
        header = QListWidgetItem(f"{group[0].target_title} ({len(group)})")
        header.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading: not chosen, not opened
        font = QFont(self.results.font())
        font.setBold(True)
        header.setFont(font)
        header.setForeground(QBrush(QColor("#1f2d3d")))
        header.setBackground(QBrush(QColor(_HEADER_BACKGROUND)))
        self.results.addItem(header)
        icon: QIcon = self.style().standardIcon(_ICONS.get(target, _REGISTER_ICON))
        for hit in group:
            text = f"{hit.title}\n    {hit.subtitle}" if hit.subtitle else hit.title
            item = QListWidgetItem(icon, text)
            item.setData(Qt.ItemDataRole.UserRole, hit)
            item.setToolTip(f"{hit.target_title}: {hit.title}")
            self.results.addItem(item)

    def hit_rows(self) -> list[int]:
        """The rows that are hits (not group headings), top to bottom."""
        return [row for row in range(self.results.count())
                if self.results.item(row).data(Qt.ItemDataRole.UserRole) is not None]

    def first_hit_row(self) -> int | None:
        rows = self.hit_rows()
        return rows[0] if rows else None

    def _open(self, item: QListWidgetItem) -> None:
        hit = item.data(Qt.ItemDataRole.UserRole)
        if hit is None:
            return
        self.chosen = hit
        self.accept()

    def _ask_more(self) -> None:
        self.more_requested = True
        self.accept()
