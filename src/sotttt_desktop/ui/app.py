"""Starting the GUI: the log-in dialog is painted first, then the database opens behind it.

Only Qt and the log-in dialog are imported before the first paint; the database layer, the
services and the main window are imported after it.
"""

from __future__ import annotations

import gc
import importlib
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from sotttt_desktop import APP_NAME
from sotttt_desktop.errors import AppError, DatabaseError
from sotttt_desktop.i18n import _
from sotttt_desktop.settings import DatabaseLocation, config_dir, data_dir

if TYPE_CHECKING:
    from sotttt_desktop.services import Services
    from sotttt_desktop.ui.main_window import MainWindow


def ui_settings() -> QSettings:
    path = config_dir() / "ui.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("STTTT")
    from sotttt_desktop.ui.qt_translations import install_qt_translations

    install_qt_translations(app)
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
    """Log-in (and first run, and a forced password change). None: the user gave up.

    The log-in dialog is painted first; the database file is checked in the background while
    the clerk types, and opened when the check is done (signing in waits for it if need be)."""
    from sotttt_desktop.ui.data_safety import StartupCheck, handle_check_result
    from sotttt_desktop.ui.dialogs.login_dialog import LoginDialog
    from sotttt_desktop.ui.events import process_events

    opened: list[Services] = []
    refused: list[str] = []
    checker = StartupCheck(location)

    def services_source() -> Services:
        if refused:
            raise DatabaseError(refused[0])
        if not opened:
            if checker.isRunning():
                login.set_busy(_("Checking the database…"))
                while checker.isRunning():
                    process_events(50)
                    checker.wait(20)  # not a busy loop while a large file is checked
                login.set_busy("")
            if not handle_check_result(location, checker.report, login):
                refused.append(_("The damaged database was not opened."))
                raise DatabaseError(refused[0])
            opened.append(open_for_gui(location))
        return opened[0]

    login = LoginDialog(services_source, location.display())
    login.setWindowModality(Qt.WindowModality.ApplicationModal)  # before show: exec() keeps it
    login.show()
    process_events()  # the dialog is on screen before the database layer is imported
    checker.start()
    # The main window's modules now, with the dialog on screen: ~50 ms before the clerk's first
    # keystroke is read (typing is queued, not lost), instead of after pressing Enter. (A
    # QTimer.singleShot with a Python lambda here made the test process abort at exit with
    # "bool_dealloc: deallocating True or False" under PySide6 6.12 — reproduced twice.)
    importlib.import_module("sotttt_desktop.ui.main_window")
    # The dialog takes typing while the file is checked; Enter waits for the check if need be.
    while checker.isRunning() and login.isVisible():
        process_events(50)
        checker.wait(20)  # typing is handled every 20 ms; the loop does not spin
    checker.wait()
    if not login.isVisible() and login.actor is None:
        return None  # closed, or refused a damaged database
    try:
        services = services_source()
    except AppError as error:
        if not refused:
            _fatal(str(error))
        return None
    if not services.security.has_users():
        from sotttt_desktop.ui.dialogs.login_dialog import FirstRunDialog

        login.hide()
        first = FirstRunDialog(services)
        if first.exec() != QDialog.DialogCode.Accepted:
            return None
        login.username.setText(first.username.text().strip().lower())
        login.show()
        login.password.setFocus()
    if login.actor is None and login.exec() != QDialog.DialogCode.Accepted:
        return None
    if login.actor is None or not opened:
        return None
    services = opened[0].as_actor(login.actor)
    if login.actor.must_change_password:
        from sotttt_desktop.ui.dialogs.login_dialog import ChangePasswordDialog

        change = ChangePasswordDialog(services, forced=True)
        if change.exec() != QDialog.DialogCode.Accepted or change.actor is None:
            return None
        services = services.as_actor(change.actor)
    return services


def open_main_window(services: Services, settings: QSettings) -> MainWindow:
    """The main window of a signed-in user, with its idle lock and automatic backups, shown."""
    from sotttt_desktop.ui.data_safety import BackupScheduler
    from sotttt_desktop.ui.idle_lock import IdleLock, idle_minutes
    from sotttt_desktop.ui.main_window import MainWindow

    window = MainWindow(services, settings)
    window.idle_lock = IdleLock(services, window, idle_minutes(settings))
    window.backups = BackupScheduler(services, window)
    window.show()
    return window


def run_gui(location: DatabaseLocation) -> int:
    from sotttt_desktop.ui.error_hook import ErrorHook

    app = application()
    ErrorHook().install()
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
    try:
        while True:
            window = open_main_window(services, ui_settings())
            # The ~120,000 objects alive by now (modules, mappings, Qt wrappers) live until exit:
            # moved out of the collector's sight, a full collection no longer walks them (a
            # 15–20 ms stall every so often while a clerk scrolls or types otherwise). Called
            # here, not from a timer: see the note on single-shot timers in sign_in.
            gc.freeze()
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
