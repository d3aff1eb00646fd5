"""Log-in, first run (organisation profile + administrator), and the forced password change."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.errors import AppError, ValidationError
from sotttt_desktop.i18n import _
from sotttt_desktop.ui.qt_text import ERROR_STYLE, error_label, translate_buttons

if TYPE_CHECKING:
    from sotttt_desktop.services import Actor, Services

def _error_label() -> QLabel:
    return error_label()


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class LoginDialog(QDialog):
    """Asks for user name and password. `services_source` opens the database when first needed,
    so the dialog can be painted before the database layer is even imported."""

    def __init__(self, services_source: Callable[[], Services], database_text: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._services_source = services_source
        self.actor: Actor | None = None
        self.setWindowTitle(_("Sign in — Department of Information and Communications"))
        self.setMinimumWidth(440)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = _password_edit("password")
        self.error = _error_label()
        form = QFormLayout()
        form.addRow(_("User name:"), self.username)
        form.addRow(_("Password:"), self.password)
        where = QLabel(_("Database: {path}").format(path=database_text))
        where.setStyleSheet("color: #555;")
        where.setWordWrap(True)
        buttons = translate_buttons(QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Sign in"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        title = QLabel(_("<b>Sign in</b>"))
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(where)
        layout.addWidget(buttons)
        self.username.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_busy(self, text: str) -> None:
        """A line under the fields while the database is being checked or opened."""
        self.error.setStyleSheet("color: #555;" if text else ERROR_STYLE)
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def try_login(self) -> None:
        try:
            services = self._services_source()
            self.actor = services.security.login(self.username.text(), self.password.text())
        except AppError as error:
            self.error.setStyleSheet(ERROR_STYLE)
            self.error.setText(str(error))
            self.error.show()
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()


class FirstRunDialog(QDialog):
    """An empty database: confirm the agency and create the administrator. No default password."""

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(_("First start: set up the database"))
        self.setMinimumWidth(560)
        profile = services.reference.profile()
        intro = QLabel(_("This database has no users yet. Check the agency's name as it prints on "
                         "documents, then create the administrator's account."))
        intro.setWordWrap(True)
        self.parent_body = QLineEdit(profile["parent_body"])
        self.agency = QLineEdit(profile["agency_name"])
        self.abbreviation = QLineEdit(profile["abbreviation"])
        self.place = QLineEdit(profile["place_name"])
        self.username = QLineEdit("admin")
        self.username.setObjectName("admin_username")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("admin_full_name")
        self.password = _password_edit("admin_password")
        self.repeat = _password_edit("admin_repeat")
        self.error = _error_label()
        form = QFormLayout()
        form.addRow(_("Parent body (full)"), self.parent_body)
        form.addRow(_("Agency name"), self.agency)
        form.addRow(_("Abbreviation in document symbols"), self.abbreviation)
        form.addRow(_("Place name in dates"), self.place)
        form.addRow(_("Administrator's user name"), self.username)
        form.addRow(_("Administrator's full name"), self.full_name)
        form.addRow(_("Password:"), self.password)
        form.addRow(_("Repeat the password:"), self.repeat)
        buttons = translate_buttons(QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel))
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def create(self) -> None:
        import datetime as dt

        if self.password.text() != self.repeat.text():
            self._show(_("The two passwords differ."))
            return
        from sotttt_desktop.services.reference import REQUIRED_PROFILE_FIELDS

        profile = self._services.reference.profile()
        profile.update(parent_body=self.parent_body.text(), agency_name=self.agency.text(),
                       abbreviation=self.abbreviation.text(), place_name=self.place.text())
        if any(not (profile.get(name) or "").strip() for name in REQUIRED_PROFILE_FIELDS):
            self._show(_("The organisation profile is incomplete."))
            return
        security = self._services.security
        try:
            security.create_first_admin(self.username.text(), self.full_name.text(),
                                        self.password.text())
            # the profile is saved by the new administrator, and audited as theirs
            admin = self._services.as_actor(security.login(self.username.text(),
                                                           self.password.text()))
            admin.reference.save_profile(profile, dt.date.fromisoformat(profile["effective_from"]))
        except AppError as error:
            self._show(str(error))
            return
        self.accept()

    def _show(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class ChangePasswordDialog(QDialog):
    """Change one's own password; `forced` for new or reset accounts (no cancel then)."""

    def __init__(self, services: Services, *, forced: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.actor: Actor | None = None
        self.setWindowTitle(_("Change password"))
        self.setMinimumWidth(440)
        self.old = _password_edit("old_password")
        self.new = _password_edit("new_password")
        self.repeat = _password_edit("repeat_password")
        self.error = _error_label()
        layout = QVBoxLayout(self)
        if forced:
            note = QLabel(_("Your password was set by the administrator. Choose your own before "
                            "you continue."))
            note.setWordWrap(True)
            layout.addWidget(note)
        form = QFormLayout()
        form.addRow(_("Current password:"), self.old)
        form.addRow(_("New password:"), self.new)
        form.addRow(_("Repeat the password:"), self.repeat)
        layout.addLayout(form)
        layout.addWidget(self.error)
        buttons = translate_buttons(QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel))
        buttons.accepted.connect(self.change)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def change(self) -> None:
        if self.new.text() != self.repeat.text():
            self.error.setText(_("The two passwords differ."))
            self.error.show()
            return
        try:
            self.actor = self._services.security.change_own_password(self.old.text(),
                                                                     self.new.text())
        except (AppError, ValidationError) as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.accept()


class LockDialog(QDialog):
    """The session locked (after idling, or by the user): the same user's password opens it
    again, or another user signs in instead (the window is then reopened for them). Whatever was
    open underneath stays as it was, covered (ui/idle_lock.py)."""

    SWITCH_USER = 2  # the dialog's result when another user signs in

    def __init__(self, services: Services, parent: QWidget | None = None, *,
                 manual: bool = False):
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(_("Session locked"))
        self.setModal(True)
        self.setMinimumWidth(420)
        self.password = _password_edit("unlock_password")
        self.error = _error_label()
        if manual:
            message = _("The session of {name} is locked. Enter the password to continue.")
        else:
            message = _("The session of {name} was locked after a period without activity. "
                        "Enter the password to continue.")
        text = QLabel(message.format(name=services.actor.display_name))
        text.setWordWrap(True)
        buttons = translate_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Ok))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Unlock"))
        switch = buttons.addButton(_("Sign in as another user…"),
                                   QDialogButtonBox.ButtonRole.ActionRole)
        switch.setObjectName("switch_user")
        switch.clicked.connect(lambda: self.done(self.SWITCH_USER))
        buttons.accepted.connect(self.unlock)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.password)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def unlock(self) -> None:
        if self._services.security.confirm_password(self.password.text()):
            self.accept()
            return
        self.error.setText(_("Wrong password."))
        self.error.show()
        self.password.clear()

    def reject(self) -> None:  # Esc does not unlock
        return
