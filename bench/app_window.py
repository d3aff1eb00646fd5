"""The application as a clerk starts it: the log-in dialog is painted first; after signing in
(done here by code, without typing) the main window opens on the Parties register.

Prints one JSON line: first paint (epoch), sign-in to painted register, open a second register
view (median of OPENS), scroll to its end, max RSS. Usage: app_window.py DATABASE USER PASSWORD
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The first Qt import must be the application's, as in the real start (cli → ui.app): it takes back
# shiboken's import hook (see sotttt_desktop/ui/__init__.py), which a Qt import made before it would
# leave in place for the whole process (~20 MB and 0.1 s more here).
import sotttt_desktop.ui  # noqa: E402, F401

sys.path.insert(0, os.path.dirname(__file__))


def main() -> None:
    from pathlib import Path

    from paint_probe import FirstPaint, median_open, time_scroll_to_end, wait_for_paint

    from sotttt_desktop.i18n import set_language
    from sotttt_desktop.settings import sqlite_location
    from sotttt_desktop.ui.app import application, open_for_gui
    from sotttt_desktop.ui.dialogs.login_dialog import LoginDialog

    set_language("vi")
    location = sqlite_location(Path(sys.argv[1]))
    app = application()
    opened = []

    def source():  # noqa: ANN202 - as ui.app.sign_in does
        if not opened:
            opened.append(open_for_gui(location))
        return opened[0]

    login = LoginDialog(source, location.display())
    probe = FirstPaint()
    login.installEventFilter(probe)
    login.show()
    first_paint = wait_for_paint(app, probe)

    from sotttt_desktop.ui.data_safety import prepare_sign_in

    prepare_sign_in()  # as the start-up check does while the clerk types (ui.app.sign_in) …
    import sotttt_desktop.ui.main_window  # noqa: F401 - … and the GUI thread once it is idle
    started = time.perf_counter()
    services = source()
    actor = services.security.login(sys.argv[2], sys.argv[3])
    login.hide()
    from sotttt_desktop.ui.app import ui_settings
    from sotttt_desktop.ui.main_window import MainWindow
    from sotttt_desktop.ui.widgets.register_view import RegisterView

    window = MainWindow(services.as_actor(actor), ui_settings())
    window.resize(1280, 800)
    view = window.current_register()
    probe1 = FirstPaint()
    view.table.viewport().installEventFilter(probe1)
    window.show()
    wait_for_paint(app, probe1)
    signed_in_to_data = time.perf_counter() - started

    def register_view() -> tuple[RegisterView, object]:
        view = RegisterView(window.services, "parties")
        return view, view.table

    open_s, view2 = median_open(app, window, register_view)
    rows = view2.model.rowCount()
    scroll_s = time_scroll_to_end(app, view2.table)
    last = view2.model.data(view2.model.index(rows - 1, 1))
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"first_paint": first_paint, "sign_in_to_data_s": signed_in_to_data,
                      "open_s": open_s, "scroll_s": scroll_s, "rss_mb": rss_kb / 1024,
                      "rows": rows, "last_row": last}))


if __name__ == "__main__":
    main()
