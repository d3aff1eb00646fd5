"""The main window: a tab per area (built lazily), menus, the global search box, a status bar."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QWidget,
)

from sotttt_desktop import __version__
from sotttt_desktop.areas import Area, areas_in_order
from sotttt_desktop.core import clock
from sotttt_desktop.errors import AppError
from sotttt_desktop.i18n import _
from sotttt_desktop.services import Services
from sotttt_desktop.services.search import SearchResults
from sotttt_desktop.ui.area_tab import AreaTab
from sotttt_desktop.ui.dialogs.organisation_dialog import OrganisationDialog
from sotttt_desktop.ui.dialogs.search_dialog import SearchResultsDialog
from sotttt_desktop.ui.global_search import SEARCH_MAX, SEARCH_PAGE, open_hit
from sotttt_desktop.ui.qt_text import show_error
from sotttt_desktop.ui.widgets.register_view import RegisterView


def tab_text(area: Area) -> str:
    """The area title as a tab or menu label ("&" would otherwise become a mnemonic)."""
    return _(area.title).replace("&", "&&")


class MainWindow(QMainWindow):
    def __init__(self, services: Services, settings: QSettings):
        super().__init__()
        self.services = services
        self._settings = settings
        self.reopen_requested = False
        self.areas = areas_in_order()
        self.setWindowTitle(self._window_title())
        self.tabs = QTabWidget()
        self.tabs.setObjectName("area_tabs")
        self.tabs.setDocumentMode(True)
        for index, area in enumerate(self.areas):
            placeholder = QWidget()
            placeholder.setObjectName(f"placeholder_{area.key}")
            self.tabs.addTab(placeholder, tab_text(area))
            # an area the user may not see is not shown at all (it would only refuse)
            self.tabs.setTabVisible(index, self.may_view(area))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)
        self._build_search_bar()
        self._build_menus()
        self._build_status_bar()
        self.resize(1280, 800)
        self._restore_state()
        self._ensure_tab(self.tabs.currentIndex())

    def may_view(self, area: Area) -> bool:
        return self.services.refusal(area.key, "view") is None

    def _window_title(self) -> str:
        title = _("Department of Information and Communications — {agency}").format(
            agency=self._agency_title())
        working = clock.working_date()
        if working is not None:  # a demo database: its own date, said where everyone sees it
            title += " — " + _("Assumed working date: {date}").format(
                date=working.strftime("%d/%m/%Y"))
        return title

    def _agency_title(self) -> str:
        try:
            profile = self.services.reference.profile()
        except AppError:
            return ""
        return profile["agency_name"]

    # --- tabs ------------------------------------------------------------------------------------

    def _tab_changed(self, index: int) -> None:
        """A tab shown again shows what others changed meanwhile (built lazily the first time)."""
        widget = self.tabs.widget(index)
        if isinstance(widget, AreaTab):
            widget.refresh(if_changed=True)
        else:
            self._ensure_tab(index)

    def refresh(self) -> None:
        """F5: the current tab read again from the database."""
        tab = self.tabs.currentWidget()
        if isinstance(tab, AreaTab):
            tab.refresh()
            self.statusBar().showMessage(_("Refreshed."), 3_000)

    def _ensure_tab(self, index: int) -> None:
        """Build a tab's contents the first time it is shown."""
        if index < 0 or not self.tabs.isTabVisible(index):
            return
        widget = self.tabs.widget(index)
        if isinstance(widget, AreaTab):
            return
        area: Area = self.areas[index]
        try:
            tab = AreaTab(self.services, area)
        except AppError as error:
            show_error(self, str(error))
            return
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, tab, tab_text(area))
        self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)
        widget.deleteLater()

    def area_tab(self, key: str) -> AreaTab:
        index = next(i for i, a in enumerate(self.areas) if a.key == key)
        self.tabs.setCurrentIndex(index)
        self._ensure_tab(index)
        tab = self.tabs.widget(index)
        assert isinstance(tab, AreaTab)
        return tab

    def current_register(self) -> RegisterView | None:
        tab = self.tabs.currentWidget()
        return tab.current_register() if isinstance(tab, AreaTab) else None

    # --- chrome ----------------------------------------------------------------------------------

    def _build_search_bar(self) -> None:
        bar = QToolBar(_("Search"))
        bar.setObjectName("search_toolbar")
        bar.setMovable(False)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("global_search")
        self.search_box.setPlaceholderText(_("Search everything: name, tax code, citizen ID, "
                                             "address… (Ctrl+K)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(420)
        self.search_box.returnPressed.connect(self.run_search)
        bar.addWidget(QLabel(_("Search:") + " "))
        bar.addWidget(self.search_box)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _action(self, text: str, slot: object, shortcut: str | QKeySequence | None = None,
                name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu(_("&File"))
        file_menu.addAction(self._action(_("&New record"), self._new_record, "Ctrl+N",
                                         "action_new"))
        file_menu.addSeparator()
        file_menu.addAction(self._action(_("&Sign out and switch user…"), self.switch_user,
                                         name="action_switch_user"))
        file_menu.addAction(self._action(_("&Quit"), self.close, "Ctrl+Q", "action_quit"))

        edit_menu = menu_bar.addMenu(_("&Edit"))
        edit_menu.addAction(self._action(_("&Edit record"), self._edit_record, "F2", "action_edit"))
        edit_menu.addAction(self._action(_("&Filter this register"), self._focus_filter, "Ctrl+F",
                                         "action_filter"))
        edit_menu.addAction(self._action(_("&Search everything"), self._focus_search, "Ctrl+K",
                                         "action_search"))

        view_menu = menu_bar.addMenu(_("&View"))
        view_menu.addAction(self._action(_("&Refresh"), self.refresh, "F5", "action_refresh"))
        view_menu.addSeparator()
        for number, area in enumerate(self.areas):
            shortcut = f"Ctrl+{number + 1}" if number < 9 else None
            action = self._action(tab_text(area),
                                  lambda _c=False, i=number: self.tabs.setCurrentIndex(i), shortcut)
            action.setVisible(self.may_view(area))
            action.setEnabled(self.may_view(area))
            view_menu.addAction(action)

        tools_menu = menu_bar.addMenu(_("&Tools"))
        actor = self.services.actor
        admin = actor.can("admin", "administer")
        for text, slot, name, allowed in (
                (_("&Organisation profile…"), self._edit_profile, "action_profile", admin),
                (_("&Users…"), self._edit_users, "action_users", admin),
                (_("&Roles and permissions…"), self._edit_roles, "action_roles", admin),
                (_("&Audit trail…"), self._show_audit, "action_audit",
                 actor.can("audit", "view")),
                (_("Register of &outgoing documents…"), self._show_register,
                 "action_outgoing_register", actor.can("register", "view"))):
            action = self._action(text, slot, name=name)
            action.setEnabled(allowed)
            action.setVisible(allowed)
            tools_menu.addAction(action)
        tools_menu.addSeparator()
        for text, slot, name, allowed in (
                (_("&Back up now"), self._backup_now, "action_backup", admin),
                (_("Restore from a &backup…"), self._restore, "action_restore", admin),
                (_("Backup &folder…"), self._backup_folder, "action_backup_folder", admin),
                (_("Check the &database"), self._check_database, "action_check", True),
                (_("Check a &document…"), self._verify_document, "action_verify_document", True),
                (_("Mark the restored copy as &current"), self._acknowledge_restore,
                 "action_ack_restore", admin)):
            action = self._action(text, slot, name=name)
            action.setEnabled(allowed)
            action.setVisible(allowed)
            tools_menu.addAction(action)
        tools_menu.addSeparator()
        tools_menu.addAction(self._action(_("&Change password…"), self._change_password,
                                          name="action_password"))
        tools_menu.addAction(self._action(_("&Lock the session"), self._lock, "Ctrl+L",
                                          "action_lock"))

        help_menu = menu_bar.addMenu(_("&Help"))
        help_menu.addAction(self._action(_("&Keyboard shortcuts…"), self.show_shortcuts, "F1",
                                         "action_shortcuts"))
        help_menu.addAction(self._action(_("&About"), self.show_about, name="action_about"))

    def show_shortcuts(self) -> None:
        """F1: the keys of the menus and of the desk in one table."""
        self._run_dialog(self.shortcuts_dialog)

    def shortcuts_dialog(self) -> QWidget:
        from sotttt_desktop.ui.shortcuts_dialog import ShortcutsDialog

        menus = [action.menu() for action in self.menuBar().actions()]
        return ShortcutsDialog([a for menu in menus if menu for a in menu.actions()], self)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.database_label = QLabel(_("Database: {path}").format(
            path=self.services.db.location.display()))
        self.database_label.setObjectName("status_database")
        actor = self.services.actor
        if actor.authenticated:
            from sotttt_desktop.ui.dialogs.users_dialog import role_label

            user_text = _("User: {name} ({roles})").format(
                name=actor.display_name, roles=", ".join(role_label(r) for r in actor.roles))
        else:
            user_text = _("User: {name} (not signed in)").format(name=actor.display_name)
        self.user_label = QLabel(user_text)
        self.user_label.setObjectName("status_user")
        status.addWidget(self.database_label, 1)
        from sotttt_desktop.ui.data_safety import restored_banner

        self.restored_label = QLabel(restored_banner(self.services))
        self.restored_label.setObjectName("status_restored")
        self.restored_label.setStyleSheet("color: #a04000; font-weight: bold;")
        self.restored_label.setVisible(bool(self.restored_label.text()))
        status.addWidget(self.restored_label)
        self.reports_due_label = QLabel()
        self.reports_due_label.setObjectName("status_reports_due")
        self.reports_due_label.setStyleSheet("color: #a04000;")
        self.reports_due_label.hide()
        status.addPermanentWidget(self.reports_due_label)
        status.addPermanentWidget(self.user_label)
        QTimer.singleShot(0, self.count_reports_due)

    def count_reports_due(self) -> None:
        """The reports of the calendar due this month or past due and not sent, in the status
        bar — counted off the GUI thread once the window shows, and again after a report is
        recorded (the Reports tab reloads)."""
        from sotttt_desktop.ui.background import run_in_background

        def shown(count: int) -> None:
            self.reports_due_label.setText(_("Reports due: {count}").format(count=count))
            self.reports_due_label.setVisible(count > 0)

        def failed(error: BaseException) -> None:  # a hint of the status bar, never a dialog
            logging.getLogger(__name__).warning("reports due not counted: %s", error)

        run_in_background(self.services.reports.due_count, parent=self, on_done=shown,
                          on_error=failed)

    # --- actions ---------------------------------------------------------------------------------

    def _new_record(self) -> None:
        view = self.current_register() or self.area_tab("directory").current_register()
        if view:
            view.new_record()

    def _edit_record(self) -> None:
        view = self.current_register()
        if view:
            view.edit_record()

    def _focus_filter(self) -> None:
        view = self.current_register()
        if view:
            view.focus_filter()
            return
        screen = getattr(self.tabs.currentWidget(), "custom", None)  # a screen's own search
        if hasattr(screen, "focus_filter"):
            screen.focus_filter()

    def _focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def run_search(self, limit: int = SEARCH_PAGE) -> None:
        """Enter in the search box: the search runs in the background (a very common word ranks
        every match: 0.7 s on a million parties), the window keeps answering, and the results
        open when they are ready; a newer search makes an older one's results moot."""
        from sotttt_desktop.ui.background import run_in_background

        query = self.search_box.text().strip()
        if not query:
            return
        self._search_generation = generation = getattr(self, "_search_generation", 0) + 1
        self.statusBar().showMessage(_("Searching for “{text}”…").format(text=query))
        services = self.services
        run_in_background(lambda: services.search.search(query, limit=limit), parent=self,
                          on_done=lambda found: self._show_search(generation, query, found, limit),
                          on_error=lambda error: self._search_failed(generation, error))

    def _search_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._search_generation:
            return
        self.statusBar().clearMessage()
        if not isinstance(error, AppError):
            raise error
        show_error(self, str(error))

    def _show_search(self, generation: int, query: str, found: SearchResults,
                     limit: int) -> None:
        if generation != self._search_generation:
            return
        self.statusBar().clearMessage()
        dialog = SearchResultsDialog(query, found, self, can_ask_more=limit < SEARCH_MAX)
        self.last_search_dialog = dialog
        if not dialog.exec():
            return
        if dialog.more_requested:
            self.run_search(limit=min(limit * 2, SEARCH_MAX))
        elif dialog.chosen is not None:
            open_hit(self, dialog.chosen)

    def _edit_profile(self) -> None:
        try:
            OrganisationDialog(self.services, self).exec()
        except AppError as error:
            show_error(self, str(error))

    def _edit_users(self) -> None:
        from sotttt_desktop.ui.dialogs.users_dialog import UsersDialog

        self._run_dialog(lambda: UsersDialog(self.services, self))

    def _edit_roles(self) -> None:
        from sotttt_desktop.ui.dialogs.roles_dialog import RolesDialog

        self._run_dialog(lambda: RolesDialog(self.services, self))

    def _show_audit(self) -> None:
        from sotttt_desktop.ui.dialogs.audit_dialog import AuditDialog

        self._run_dialog(lambda: AuditDialog(self.services, self))

    def _verify_document(self) -> None:
        from sotttt_desktop.ui.dialogs.verify_dialog import VerifyDialog

        self._run_dialog(lambda: VerifyDialog(self.services, self))

    def _show_register(self) -> None:
        from sotttt_desktop.ui.dialogs.register_dialog import RegisterDialog

        self._run_dialog(lambda: RegisterDialog(self.services, self))

    def _change_password(self) -> None:
        from sotttt_desktop.ui.dialogs.login_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.services, forced=False, parent=self)
        if dialog.exec() and dialog.actor is not None:
            self.services = self.services.as_actor(dialog.actor)

    def _lock(self) -> None:
        lock = getattr(self, "idle_lock", None)
        if lock is not None:
            lock.lock(manual=True)

    def switch_user(self) -> None:
        """Sign out: the window closes (no exit backup: the app goes on) and the log-in dialog
        opens for the next user, on the same database."""
        from PySide6.QtWidgets import QApplication

        for window in QApplication.topLevelWidgets():
            if window is not self and window.isVisible():
                window.close()
        self.reopen_requested = True
        self._skip_exit_backup = True
        self.close()

    def _backup_now(self) -> None:
        scheduler = getattr(self, "backups", None)
        if scheduler is None:
            return
        self.statusBar().showMessage(_("Backing up…"))

        def done(manifest: object, error: str) -> None:
            scheduler.finished.disconnect(done)
            if error:
                show_error(self, error)
            else:
                self.statusBar().showMessage(_("Backup written and checked: {path}").format(
                    path=getattr(manifest, "path", "")), 15_000)
        scheduler.finished.connect(done)
        scheduler.start("manual", visible=True)

    def _restore(self) -> None:
        from sotttt_desktop.ui.data_safety import choose_and_restore

        scheduler = getattr(self, "backups", None)
        if scheduler is not None:
            scheduler.wait()

        def restored() -> None:
            self.reopen_requested = True
            self._skip_exit_backup = True
            self.close()
        self.last_operation = choose_and_restore(self.services, self, restored)

    def _backup_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from sotttt_desktop.settings import save_backup_folder

        folder = QFileDialog.getExistingDirectory(self, _("Backup folder"),
                                                  str(self.services.backups.folder()))
        if folder:
            save_backup_folder(Path(folder))
            self.statusBar().showMessage(_("Backups now go to {folder}.").format(folder=folder),
                                         10_000)

    def _check_database(self) -> None:
        """The full check reads the whole file and the audit chain: on a worker, with a
        progress dialog; the window keeps answering."""
        from sotttt_desktop.services.backup import check_database
        from sotttt_desktop.ui.operations import run_operation

        services = self.services
        self.last_operation = run_operation(
            self, _("Database check"), _("Checking the whole database…"),
            lambda _report, _cancelled: check_database(services, full=True),
            on_done=self._show_check)

    def _show_check(self, report: object) -> None:
        from sotttt_desktop.ui.qt_text import show_info

        lines = [("✔ " if c["ok"] else "✘ ") + c["check"] + (f": {c['detail']}" if c["detail"]
                                                             else "") for c in report.checks]
        title = _("Database check")
        if report.ok:
            show_info(self, _("No problem found ({seconds} s).").format(seconds=report.seconds)
                      + "\n\n" + "\n".join(lines), title)
        else:
            show_error(self, _("Problems found. Restore the newest good backup.") + "\n\n"
                       + "\n".join(lines), title)

    def _acknowledge_restore(self) -> None:
        try:
            self.services.backups.acknowledge_restore()
        except AppError as error:
            show_error(self, str(error))
            return
        self.restored_label.hide()

    def _run_dialog(self, factory) -> None:  # noqa: ANN001
        try:
            factory().exec()
        except AppError as error:
            show_error(self, str(error))

    def about_text(self) -> str:
        from PySide6 import __version__ as pyside_version

        return _("sotttt-desktop {version}\nDesktop system of the Department of Information and "
                 "Communications.\n\nDatabase: {path}\nSchema revision: {revision}\nQt for "
                 "Python {qt}").format(
            version=__version__, path=self.services.db.location.display(),
            revision=self.services.db.schema_revision(), qt=pyside_version)

    def show_about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, _("About"), self.about_text(),
                          QMessageBox.StandardButton.Ok, self)
        box.button(QMessageBox.StandardButton.Ok).setText(_("OK"))
        box.exec()

    # --- state -------------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self._settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self._settings.value("main_window/state")
        if state is not None:
            self.restoreState(state)
        tab = self._settings.value("main_window/tab")
        if tab is not None and str(tab).isdigit() and int(tab) < self.tabs.count() \
                and self.tabs.isTabVisible(int(tab)):
            self.tabs.setCurrentIndex(int(tab))
        if not self.tabs.isTabVisible(self.tabs.currentIndex()):
            first = next((i for i in range(self.tabs.count()) if self.tabs.isTabVisible(i)), -1)
            self.tabs.setCurrentIndex(first)

    def save_state(self) -> None:
        self._settings.setValue("main_window/geometry", self.saveGeometry())
        self._settings.setValue("main_window/state", self.saveState())
        self._settings.setValue("main_window/tab", self.tabs.currentIndex())
        self._settings.sync()

    def running_operations(self) -> list:
        """The long operations still at work in this window (an import, an export, a check)."""
        from sotttt_desktop.ui.operations import Operation

        return [op for op in self.findChildren(Operation) if not op.done]

    def _finish_operations(self) -> bool:
        """Closing while an operation works: ask; on yes, cancel what can be cancelled (it
        takes back what it wrote) and wait for the rest to end, so no file is left half
        written. False: the clerk chose to keep the window open."""
        running = self.running_operations()
        if not running:
            return True
        names = ", ".join(dict.fromkeys(op.dialog.windowTitle() for op in running))
        choice = QMessageBox.question(
            self, _("An operation is running"),
            _("{names} is still running.\n\nStop it and close? An import or an export stops "
              "and leaves nothing written; a backup or a check is first finished.").format(names=names))
        if choice != QMessageBox.StandardButton.Yes:
            return False
        for op in running:
            if op.cancel_button is not None:
                op.cancel()
        for op in running:
            op.wait()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._finish_operations():
            event.ignore()
            return
        self.save_state()
        scheduler = getattr(self, "backups", None)
        if scheduler is not None:
            scheduler.wait()  # a backup under way ends before the window does
        if scheduler is not None and not getattr(self, "_skip_exit_backup", False):
            error = scheduler.backup_on_exit()
            if error:
                show_error(self, error, _("Backup"))
        super().closeEvent(event)
