"""The GUI side of data safety: the start-up check (and the offer to restore), automatic
backups on a schedule and on exit, and the Tools menu actions for backup, restore and check."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from sotttt_desktop.errors import AppError
from sotttt_desktop.i18n import _, format_datetime
from sotttt_desktop.ui.background import BackgroundTask, run_in_background
from sotttt_desktop.ui.qt_text import show_error, show_info

if TYPE_CHECKING:
    from sotttt_desktop.services import Services
    from sotttt_desktop.settings import DatabaseLocation
    from sotttt_desktop.ui.operations import Operation

CHECK_EVERY_MS = 60 * 60 * 1000  # is an automatic backup due? checked hourly
FIRST_CHECK_MS = 5_000  # and once shortly after sign-in


def _ask(parent: QWidget | None, title: str, text: str, yes: str, no: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is yes_button


def prepare_sign_in() -> None:
    """Import what signing in and the first register need — SQLAlchemy, the models, the services
    (~0.3 s), SQLAlchemy's mappings, the language's number formats (Babel) — so that the clerk does
    not wait for them after pressing Enter. Runs in the start-up check's thread while the clerk
    types; the GUI thread waits for that thread before it opens the database."""
    from sqlalchemy.orm import configure_mappers

    from sotttt_desktop.i18n import format_number
    from sotttt_desktop.services.setup import open_services  # noqa: F401 - the import is the point

    for name in ("security", "reference", "registers", "search", "audit_trail", "backup"):
        importlib.import_module(f"sotttt_desktop.services.{name}")
    configure_mappers()  # SQLAlchemy's one-time set-up of the 40 mapped classes (~50 ms)
    format_number(0)


class StartupCheck(QThread):
    """SQLite's quick check of the database file, in the background while the clerk signs in
    (a whole-file read: about 10 ms per MB), after `prepare_sign_in`."""

    def __init__(self, location: DatabaseLocation, parent: QObject | None = None):
        super().__init__(parent)
        self._path = location.path
        self.report = None

    def run(self) -> None:
        prepare_sign_in()
        from sotttt_desktop.services.backup import CheckReport, check_file

        if self._path is None or not self._path.exists():
            self.report = CheckReport(ok=True)
        else:
            self.report = check_file(self._path)


def handle_check_result(location: DatabaseLocation, report, parent: QWidget | None) -> bool:  # noqa: ANN001
    """A damaged file is never written to: the user may restore the newest good backup (the
    damaged file is kept aside) or quit. Returns True when the database may be opened."""
    from sotttt_desktop.services.backup import describe_backup, newest_good_backup, restore_database

    if report is None or report.ok:
        return True
    detail = "; ".join(c["detail"] for c in report.checks if not c["ok"])[:400]
    backup = newest_good_backup(location)
    if backup is None:
        show_error(parent, _("The database {path} is damaged ({detail}) and there is no good "
                             "backup to restore. The file was not changed; keep it for the "
                             "administrator.").format(path=location.path, detail=detail),
                   _("Damaged database"))
        return False
    question = _("The database {path} is damaged ({detail}).\n\nRestore the newest good backup, "
                 "{backup}? The damaged file is kept beside it for investigation.").format(
        path=location.path, detail=detail, backup=describe_backup(backup))
    if not _ask(parent, _("Damaged database"), question, _("Restore"), _("Quit")):
        return False
    try:
        result = restore_database(location, Path(backup.path), username="system",
                                  lock_held=True)
    except AppError as error:
        show_error(parent, str(error), _("Damaged database"))
        return False
    show_info(parent, _("Restored from {backup}. The damaged file was kept as {aside}.").format(
        backup=result["restored_from"], aside=result["set_aside"]) + _manifest_warning(result),
        _("Damaged database"))
    return True


def _manifest_warning(result: dict) -> str:
    """The restore's loud warning when the backup had no manifest ('' when it had one)."""
    if result.get("manifest", True):
        return ""
    return "\n\n" + _("Warning: the backup {path} has no manifest, so it could not be compared "
                       "with what was backed up. Check the restored data before working on it."
                       ).format(path=result["restored_from"])


class BackupScheduler(QObject):
    """Automatic backups in the background (ui/background.py): when due (hourly check, and 5 s
    after sign-in) and on exit. The GUI thread never waits for a running backup, except when the
    window closes."""

    finished = Signal(object, str)

    def __init__(self, services: Services, parent: QWidget):
        super().__init__(parent)
        self._services = services
        self._parent = parent
        self._task: BackgroundTask | None = None
        self.last_error = ""
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.backup_if_due)
        self.first_check = QTimer(self)
        self.first_check.setSingleShot(True)
        self.first_check.setInterval(FIRST_CHECK_MS)
        self.first_check.timeout.connect(self.backup_if_due)
        if services.db.location.path is not None:
            self.timer.start()
            self.first_check.start()

    @property
    def running(self) -> bool:
        return self._task is not None

    def backup_if_due(self) -> None:
        if self.running:
            return
        try:
            due = self._services.backups.due()
        except AppError as error:  # e.g. the backup folder cannot be read: said, not fatal
            self.last_error = str(error)
            return
        if due:
            self.start("auto")

    def start(self, kind: str, out: Path | None = None, *, visible: bool = False) -> None:
        """Back up in the background; `visible`: with a progress dialog (Tools → Back up)."""
        if self.running:
            return
        services = self._services
        if visible:
            from sotttt_desktop.ui.operations import run_operation

            def ended() -> None:
                self._task = None

            self._task = run_operation(
                self._parent, _("Backup"), _("Backing up and checking the database…"),
                lambda _report, _cancelled: services.backups.backup(out=out, kind=kind),
                on_done=lambda manifest: self._done(manifest, ""),
                on_error=lambda error: self._done(None, str(error)), always=ended).task
            return
        self._task = run_in_background(
            lambda: services.backups.backup(out=out, kind=kind), parent=self,
            on_done=lambda manifest: self._done(manifest, ""),
            on_error=self._failed)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, AppError):
            self._task = None
            raise error  # unexpected: the application's error hook shows and logs it
        self._done(None, str(error))

    def _done(self, manifest: object, error: str) -> None:
        self._task = None
        self.last_error = error
        self.finished.emit(manifest, error)

    def wait(self) -> None:
        """Closing or restoring: let a running backup end first."""
        if self._task is not None:
            self._task.wait()
            self._task = None

    def backup_on_exit(self) -> str:
        """A blocking automatic backup when the window closes (with a progress dialog)."""
        if self._services.db.location.path is None:
            return ""
        self.wait()
        progress = QProgressDialog(_("Backing up the database before closing…"), "", 0, 0,
                                   self._parent)
        progress.setCancelButton(None)
        progress.setMinimumDuration(500)
        try:
            self._services.backups.backup(kind="auto")
        except AppError as error:
            return str(error)
        finally:
            progress.close()
        return ""


def choose_and_restore(services: Services, parent: QWidget,
                       on_restored: Callable[[], None]) -> Operation | None:
    """Tools → Restore: pick a backup, then restore it on a worker (the window takes no input
    meanwhile: the database is closed); `on_restored()` follows a restore (the window must be
    reopened on the restored copy)."""
    folder = str(services.backups.folder())
    path, _filter = QFileDialog.getOpenFileName(parent, _("Choose a backup to restore"), folder,
                                                _("Backups (*.sqlite3)"))
    if not path:
        return None
    text = _("Replace the database with the backup {path}?\n\nThe current database is kept "
             "beside it, renamed; nothing is deleted. Afterwards you sign in again, on the "
             "restored copy.").format(path=path)
    if not _ask(parent, _("Restore a backup"), text, _("Restore"), _("Cancel")):
        return None
    try:
        return restore_in_background(services, Path(path), parent, on_restored)
    except AppError as error:
        show_error(parent, str(error))
        return None


def restore_in_background(services: Services, path: Path, parent: QWidget,
                          on_restored: Callable[[], None]) -> Operation:
    from sotttt_desktop.services.backup import restore_database, validate_backup
    from sotttt_desktop.ui.operations import run_operation

    services.require("admin", "administer")  # refused before anything is closed

    def work(_report: object, _cancelled: object) -> dict:
        validate_backup(path)
        username = services.actor.username
        services.db.close()
        return restore_database(services.db.location, path, username=username, lock_held=True)

    def done(result: dict) -> None:
        show_info(parent, _("Restored from {backup}. The previous database was kept as "
                            "{aside}.").format(backup=result["restored_from"],
                                               aside=result["set_aside"] or "—")
                  + _manifest_warning(result), _("Restore a backup"))
        on_restored()

    return run_operation(parent, _("Restore a backup"), _("Restoring {path}…").format(
        path=path.name), work, on_done=done, modal=True)


def restored_banner(services: Services) -> str:
    """The warning shown while working on a restored copy ('' when not restored)."""
    import datetime as dt

    try:
        marker = services.backups.restored_from()
    except AppError:
        return ""
    if not marker:
        return ""
    created = marker.get("restored_backup_created_at") or marker.get("restored_at", "")
    when = format_datetime(dt.datetime.fromisoformat(created)) if created else "?"
    return _("Restored copy of {when}: records entered after that time are not in it.").format(
        when=when)
