"""The headers of a long table with a Python model, kept out of Python while it paints.

- Row numbers (STT): Qt sizes a vertical header from its first and last 100 sections, six roles
  each, every time the row count changes; the widest number is the last, so one section tells.
- Column titles come from a small C++ model of their own: Qt asks a header for its titles and
  their fonts, alignments and icons on every paint, ~340 calls into Python per register shown.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget


class RowNumberHeader(QHeaderView):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        count = self.count()
        if count == 0:
            return super().sizeHint()
        widest = self.sectionSizeFromContents(count - 1)
        return QSize(widest.width(), self.defaultSectionSize())


def set_column_titles(table: QTableView, titles: list[str]) -> QStandardItemModel:
    """Give the table's horizontal header its own model holding `titles` (call after setModel;
    the table's model keeps its columns: the header only draws and is clicked)."""
    titles_model = QStandardItemModel(0, len(titles), table)
    titles_model.setHorizontalHeaderLabels(titles)
    table.horizontalHeader().setModel(titles_model)
    return titles_model
