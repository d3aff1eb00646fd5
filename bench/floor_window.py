"""The floor: a bare PySide6 window with a lazy 1,000,000-row table model and no app code.

Prints one JSON line: first paint time (epoch), open-table time, scroll-to-end time, max RSS.

`floor_window.py same-screen DATABASE ROW_HEIGHT WIDTH,WIDTH,…` measures instead a second floor
for opening a register: still no application code, but the screen the application shows — rows
of the same height, the same column widths, texts of the same length (100 rows read from the
database with sqlite3, repeated), a filter box, two filter lists, a count and five buttons.
"""

from __future__ import annotations

import json
import os
import resource
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView  # noqa: E402

sys.path.insert(0, os.path.dirname(__file__))
from paint_probe import (  # noqa: E402
    FirstPaint,
    median_open,
    time_open,
    time_scroll_to_end,
    wait_for_paint,
)

ROWS, COLUMNS = 1_000_000, 7


class LazyModel(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):  # noqa: ANN001, B008, N802
        return 0 if parent.isValid() else ROWS

    def columnCount(self, parent=QModelIndex()):  # noqa: ANN001, B008, N802
        return 0 if parent.isValid() else COLUMNS

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001
        if role == Qt.ItemDataRole.DisplayRole:
            return f"Hàng {index.row()} cột {index.column()}"
        return None


class SameTextsModel(LazyModel):
    texts: list[tuple[str, ...]] = []

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts[index.row() % len(self.texts)][index.column()]
        return None


def same_screen(database: str, row_height: int, widths: list[int]) -> None:
    import sqlite3

    from PySide6.QtWidgets import (
        QComboBox,
        QHBoxLayout,
        QLabel,
        QLineEdit,
        QPushButton,
        QVBoxLayout,
        QWidget,
    )

    rows = sqlite3.connect(database).execute(
        "SELECT kind, name, tax_code, citizen_id, address, district_code, phone FROM party "
        "ORDER BY sort_name, id LIMIT 100").fetchall()
    SameTextsModel.texts = [tuple("" if v is None else str(v) for v in row) for row in rows]
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    window.setCentralWidget(QTableView())
    window.show()

    def screen() -> tuple[QWidget, QTableView]:
        widget = QWidget()
        top, bottom = QHBoxLayout(), QHBoxLayout()
        edit = QLineEdit()
        edit.setPlaceholderText("Lọc: gõ tên, mã số thuế, địa chỉ… (không cần dấu)")
        edit.setClearButtonEnabled(True)
        top.addWidget(edit, 3)
        for items in (3, 10):
            combo = QComboBox()
            for number in range(items):
                combo.addItem(f"Mục {number}", number)
            top.addWidget(combo, 1)
        table = QTableView()
        table.setModel(SameTextsModel(table))
        table.verticalHeader().setDefaultSectionSize(row_height)
        for column, width in enumerate(widths):
            table.setColumnWidth(column, width)
        bottom.addWidget(QLabel("1.000.000 bản ghi"), 1)
        for number in range(5):
            bottom.addWidget(QPushButton(f"&Nút {number}"))
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(table, 1)
        layout.addLayout(bottom)
        return widget, table

    time_open(app, window, screen)  # warm: the application has shown a register before too
    print(json.dumps({"open_s": median_open(app, window, screen)[0]}))


def main() -> None:
    if sys.argv[1:2] == ["same-screen"]:
        same_screen(sys.argv[2], int(sys.argv[3]), [int(w) for w in sys.argv[4].split(",")])
        return
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    probe = FirstPaint()
    table = QTableView()
    table.setModel(LazyModel(table))
    window.setCentralWidget(table)
    window.resize(1280, 800)
    table.viewport().installEventFilter(probe)
    window.show()
    first_paint = wait_for_paint(app, probe)

    # open another table on the same model size, as the app opens a register (median of OPENS)
    def bare_table() -> tuple[QTableView, QTableView]:
        table2 = QTableView()
        table2.setModel(LazyModel(table2))
        return table2, table2

    open_s, table2 = median_open(app, window, bare_table)
    scroll_s = time_scroll_to_end(app, table2)
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"first_paint": first_paint, "open_s": open_s, "scroll_s": scroll_s,
                      "rss_mb": rss_kb / 1024}))


if __name__ == "__main__":
    main()
