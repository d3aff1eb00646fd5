"""Which chart library for the dashboard (issue #21): each option in a fresh process — a Qt
window with a 12-bar chart, shown and painted — timing import + first paint and the process's
peak memory, next to the same window with the application's own QPainter bars (no library).
Run with a Python that has the libraries (they are not the application's dependencies):

    python3 -m venv /tmp/cv && /tmp/cv/bin/pip install PySide6-Essentials==6.11.3 \\
        PySide6-Addons==6.11.3 pyqtgraph matplotlib
    QT_QPA_PLATFORM=offscreen /tmp/cv/bin/python bench/chart_libraries.py
"""

from __future__ import annotations

import json
import subprocess
import sys

CHILD = r'''
import resource, sys, time
started = time.perf_counter()
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
base = time.perf_counter()
values = [93, 92, 95, 91, 90, 94, 96, 93, 92, 95, 97, 94]
option = sys.argv[1]
if option == "painter":
    from PySide6.QtGui import QPainter, QColor
    class Bars(QWidget):
        def paintEvent(self, event):
            p = QPainter(self)
            w = self.width() / len(values)
            for i, v in enumerate(values):
                h = self.height() * v / 100
                p.fillRect(int(i * w + 2), int(self.height() - h), int(w - 4), int(h),
                           QColor("#3b7dd8"))
    widget = Bars()
elif option == "qtcharts":
    from PySide6.QtCharts import QBarSeries, QBarSet, QChart, QChartView
    bars = QBarSet("rate"); bars.append(values)
    series = QBarSeries(); series.append(bars)
    chart = QChart(); chart.addSeries(series); chart.createDefaultAxes()
    widget = QChartView(chart)
elif option == "pyqtgraph":
    import pyqtgraph as pg
    widget = pg.PlotWidget()
    widget.addItem(pg.BarGraphItem(x=list(range(12)), height=values, width=0.8))
elif option == "matplotlib":
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure
    figure = Figure(figsize=(5, 3))
    figure.add_subplot().bar(range(12), values)
    widget = FigureCanvasQTAgg(figure)
widget.resize(600, 360)
widget.show()
for _ in range(5):
    app.processEvents()
widget.grab()
done = time.perf_counter()
print(round(done - base, 3), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
'''


def main() -> None:
    results = {}
    for option in ("painter", "qtcharts", "pyqtgraph", "matplotlib"):
        runs = []
        for _ in range(5):
            out = subprocess.run([sys.executable, "-c", CHILD, option], capture_output=True,
                                 text=True, check=True).stdout.split()
            runs.append((float(out[0]), int(out[1])))
        runs.sort()
        seconds, memory = runs[len(runs) // 2]
        results[option] = {"import_and_first_paint_s": seconds, "peak_rss_mb": memory}
        print(f"{option:11} import + first paint {seconds:.3f} s, peak RSS {memory} MB")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
