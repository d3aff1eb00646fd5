"""The floor: a bare PySide6 window with a lazy 1,000,000-row table model and no app code.

Prints one JSON line: first paint time (epoch), open-table time, scroll-to-end time, max RSS.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView  # noqa: E402

sys.path.insert(0, os.path.dirname(__file__))
from paint_probe import OPENS, FirstPaint, wait_for_paint  # noqa: E402

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


def main() -> None:
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
    def open_table() -> tuple[float, QTableView]:
        started = time.perf_counter()
        probe2 = FirstPaint()
        table2 = QTableView()
        table2.setModel(LazyModel(table2))
        table2.viewport().installEventFilter(probe2)
        window.setCentralWidget(table2)
        wait_for_paint(app, probe2)
        return time.perf_counter() - started, table2

    opens = [open_table() for _ in range(OPENS)]
    open_s = statistics.median(seconds for seconds, _table in opens)
    table2 = opens[-1][1]

    started = time.perf_counter()
    table2.scrollToBottom()
    probe3 = FirstPaint()
    table2.viewport().installEventFilter(probe3)
    table2.viewport().update()
    wait_for_paint(app, probe3)
    scroll_s = time.perf_counter() - started
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"first_paint": first_paint, "open_s": open_s, "scroll_s": scroll_s,
                      "rss_mb": rss_kb / 1024}))


if __name__ == "__main__":
    main()
