"""Starting the GUI: the log-in dialog is painted first, then the database opens behind it.

Only Qt and the log-in dialog are imported before the first paint; the database layer, the
services and the main window are imported after it.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from sotttt_desktop import APP_NAME
from sotttt_desktop.errors import AppError
from sotttt_desktop.i18n import _
from sotttt_desktop.settings import DatabaseLocation, config_dir, data_dir

if TYPE_CHECKING:
    from sotttt_desktop.services import Services


def ui_settings() -> QSettings:
    path = config_dir() / "ui.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("STTTT")
    return app  # type: ignore[return-value]


def open_for_gui(location: DatabaseLocation) -> Services:
    """The default database file is created on first start; any other must exist."""
    from sotttt_desktop.services.setup import initialise, open_services

    default_file = location.path is not None and location.path.parent == data_dir()
    if default_file and not location.path.exists():
        return initialise(location)
    return open_services(location)


def _fatal(message: str) -> int:
    box = QMessageBox(QMessageBox.Icon.Critical, _("Cannot open the database"), message,
                      QMessageBox.StandardButton.Ok)
    box.button(QMessageBox.StandardButton.Ok).setText(_("OK"))
    box.exec()
    return 3


def sign_in(app: QApplication, location: DatabaseLocation) -> Services | None:
    """Log-in (and first run, and a forced password change). None: the user gave up."""
    from sotttt_desktop.ui.dialogs.login_dialog import LoginDialog

    opened: list[Services] = []

    def services_source() -> Services:
        if not opened:
            opened.append(open_for_gui(location))
        return opened[0]

    login = LoginDialog(services_source, location.display())
    login.show()
    app.processEvents()  # the dialog is on screen before the database layer is imported
    from sotttt_desktop.ui.data_safety import startup_check

    if not startup_check(location, login):  # a damaged file is never opened for writing
        return None
    services = services_source()
    from sotttt_desktop.ui.dialogs.login_dialog import ChangePasswordDialog, FirstRunDialog

    if not services.security.has_users():
        login.hide()
        first = FirstRunDialog(services)
        if first.exec() != QDialog.DialogCode.Accepted:
            return None
        login.username.setText(first.username.text().strip().lower())
        login.password.setFocus()
    if login.exec() != QDialog.DialogCode.Accepted or login.actor is None:
        return None
    services = services.as_actor(login.actor)
    if login.actor.must_change_password:
        change = ChangePasswordDialog(services, forced=True)
        if change.exec() != QDialog.DialogCode.Accepted or change.actor is None:
            return None
        services = services.as_actor(change.actor)
    return services


def run_gui(location: DatabaseLocation) -> int:
    app = application()
    lock = None
    try:
        if location.path is not None:
            from sotttt_desktop.core.instance_lock import InstanceLock

            location.path.parent.mkdir(parents=True, exist_ok=True)
            lock = InstanceLock(location.path)
            lock.acquire()
        services = sign_in(app, location)
    except (AppError, OSError) as error:
        if lock is not None:
            lock.release()
        return _fatal(str(error))
    if services is None:
        if lock is not None:
            lock.release()
        return 0
    from sotttt_desktop.ui.data_safety import BackupScheduler
    from sotttt_desktop.ui.idle_lock import IdleLock, idle_minutes
    from sotttt_desktop.ui.main_window import MainWindow

    try:
        while True:
            settings = ui_settings()
            window = MainWindow(services, settings)
            window.idle_lock = IdleLock(services, window, idle_minutes(settings))
            window.backups = BackupScheduler(services, window)
            window.show()
            status = app.exec()
            services.db.close()
            if not window.reopen_requested:  # after a restore: sign in again on the copy
                return status
            try:
                services = sign_in(app, location)
            except (AppError, OSError) as error:
                return _fatal(str(error))
            if services is None:
                return 0
    finally:
        if lock is not None:
            lock.release()
