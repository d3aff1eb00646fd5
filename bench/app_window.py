"""The application: start, main window on the given database, open Parties, scroll to its end.

Prints one JSON line like floor_window.py. Usage: app_window.py DATABASE
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(__file__))


def main() -> None:
    from pathlib import Path

    from paint_probe import FirstPaint, wait_for_paint

    from sotttt_desktop.i18n import set_language
    from sotttt_desktop.services.setup import open_services
    from sotttt_desktop.settings import sqlite_location
    from sotttt_desktop.ui.app import application, ui_settings
    from sotttt_desktop.ui.main_window import MainWindow
    from sotttt_desktop.ui.widgets.register_view import RegisterView

    set_language("vi")
    app = application()
    services = open_services(sqlite_location(Path(sys.argv[1])))
    window = MainWindow(services, ui_settings())
    window.resize(1280, 800)
    probe = FirstPaint()
    view = window.current_register()
    assert view is not None and view.model.rowCount() > 0
    view.table.viewport().installEventFilter(probe)
    window.show()
    first_paint = wait_for_paint(app, probe)

    started = time.perf_counter()
    probe2 = FirstPaint()
    view2 = RegisterView(services, "parties")
    view2.table.viewport().installEventFilter(probe2)
    window.setCentralWidget(view2)
    wait_for_paint(app, probe2)
    open_s = time.perf_counter() - started
    rows = view2.model.rowCount()

    started = time.perf_counter()
    view2.table.scrollToBottom()
    probe3 = FirstPaint()
    view2.table.viewport().installEventFilter(probe3)
    view2.table.viewport().update()
    wait_for_paint(app, probe3)
    scroll_s = time.perf_counter() - started
    last = view2.model.data(view2.model.index(rows - 1, 1))
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"first_paint": first_paint, "open_s": open_s, "scroll_s": scroll_s,
                      "rss_mb": rss_kb / 1024, "rows": rows, "last_row": last}))


if __name__ == "__main__":
    main()
