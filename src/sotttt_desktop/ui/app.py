"""Starting the GUI: QApplication, the database (created on first start), the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from sotttt_desktop import APP_NAME
from sotttt_desktop.core.instance_lock import InstanceLock
from sotttt_desktop.errors import AppError
from sotttt_desktop.i18n import _
from sotttt_desktop.services.setup import initialise, open_services
from sotttt_desktop.settings import DatabaseLocation, config_dir, data_dir


def ui_settings() -> QSettings:
    path = config_dir() / "ui.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("STTTT")
    return app  # type: ignore[return-value]


def open_for_gui(location: DatabaseLocation):  # noqa: ANN201 - Services
    """The default database file is created on first start; any other must exist."""
    default_file = location.path is not None and location.path.parent == data_dir()
    if default_file and not location.path.exists():
        return initialise(location)
    return open_services(location)


def run_gui(location: DatabaseLocation) -> int:
    from sotttt_desktop.ui.main_window import MainWindow

    app = application()
    lock = InstanceLock(location.path) if location.path is not None else None
    try:
        if lock is not None:
            location.path.parent.mkdir(parents=True, exist_ok=True)
            lock.acquire()
        services = open_for_gui(location)
    except (AppError, OSError) as error:
        box = QMessageBox(QMessageBox.Icon.Critical, _("Cannot open the database"), str(error),
                          QMessageBox.StandardButton.Ok)
        box.button(QMessageBox.StandardButton.Ok).setText(_("OK"))
        box.exec()
        if lock is not None:
            lock.release()
        return 3
    window = MainWindow(services, ui_settings())
    window.show()
    try:
        return app.exec()
    finally:
        services.db.close()
        if lock is not None:
            lock.release()
