"""Tools → Users: the accounts, with add, edit, disable/enable and password reset."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.areas import areas_in_order
from sotttt_desktop.errors import AppError
from sotttt_desktop.i18n import N_, _, format_datetime
from sotttt_desktop.ui.qt_text import show_error, show_info, translate_buttons

if TYPE_CHECKING:
    from sotttt_desktop.services import Services

ROLE_LABELS = {
    "administrator": N_("Administrator"), "leader": N_("Leader"),
    "head_of_unit": N_("Head of unit"), "specialist": N_("Specialist"),
    "one_stop_clerk": N_("One-stop clerk"), "records_clerk": N_("Records clerk"),
    "inspector": N_("Inspector"),
    "district_officer": N_("District officer"), "viewer": N_("Viewer"),
}


def role_label(role: str) -> str:
    return _(ROLE_LABELS[role]) if role in ROLE_LABELS else role


class UserFormDialog(QDialog):
    def __init__(self, services: Services, user: dict[str, Any] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._user = user
        self.setWindowTitle(_("Edit user") if user else _("New user"))
        self.setMinimumWidth(620)
        self.username = QLineEdit(user["username"] if user else "")
        self.username.setObjectName("user_username")
        self.username.setEnabled(user is None)
        self.full_name = QLineEdit(user["full_name"] if user else "")
        self.full_name.setObjectName("user_full_name")
        self.password = QLineEdit()
        self.password.setObjectName("user_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.unit = QComboBox()
        self.unit.addItem("", None)
        for unit in services.reference.units():
            self.unit.addItem(unit["name"], unit["code"])
        self.district = QComboBox()
        self.district.addItem("", None)
        for info in services.reference.districts().values():
            self.district.addItem(info.name, info.code)
        self.role_boxes: dict[str, QCheckBox] = {}
        roles_grid = QGridLayout()
        for i, role in enumerate(services.security.role_names()):
            box = QCheckBox(role_label(role))
            box.setObjectName(f"role_{role}")
            box.setChecked(bool(user and role in user["roles"]))
            self.role_boxes[role] = box
            roles_grid.addWidget(box, i // 3, i % 3)
        self.area_boxes: dict[str, QCheckBox] = {}
        areas_grid = QGridLayout()
        for i, area in enumerate(a for a in areas_in_order() if a.key != "directory"):
            box = QCheckBox(_(area.title).replace("&", "&&"))
            box.setChecked(bool(user and area.key in user["areas"]))
            self.area_boxes[area.key] = box
            areas_grid.addWidget(box, i // 3, i % 3)
        if user:
            self.unit.setCurrentIndex(max(0, self.unit.findData(user["unit"])))
            self.district.setCurrentIndex(max(0, self.district.findData(user["district_code"])))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(_("User name *"), self.username)
        form.addRow(_("Full name *"), self.full_name)
        if user is None:
            form.addRow(_("Temporary password *"), self.password)
        form.addRow(_("Unit"), self.unit)
        form.addRow(_("District (district officers)"), self.district)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(_("Roles *")))
        layout.addLayout(roles_grid)
        layout.addWidget(QLabel(_("Areas (specialists)")))
        layout.addLayout(areas_grid)
        layout.addWidget(self.error)
        buttons = translate_buttons(QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        roles = [r for r, box in self.role_boxes.items() if box.isChecked()]
        areas = [a for a, box in self.area_boxes.items() if box.isChecked()]
        try:
            if self._user:
                self._services.security.update_user(
                    self._user["username"], full_name=self.full_name.text(), roles=roles,
                    areas=areas, unit=self.unit.currentData(),
                    district=self.district.currentData())
            else:
                self._services.security.add_user(
                    self.username.text(), self.full_name.text(), self.password.text(), roles,
                    areas=areas, unit=self.unit.currentData(),
                    district=self.district.currentData())
        except AppError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.accept()


class UsersDialog(QDialog):
    COLUMNS = (N_("User name"), N_("Full name"), N_("Roles"), N_("Unit / district"),
               N_("Status"), N_("Last log-in"))

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(_("Users"))
        self.resize(980, 520)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("users_table")
        self.table.setHorizontalHeaderLabels([_(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.edit_user())
        buttons = QHBoxLayout()
        for text, slot, name in ((_("&Add"), self.add_user, "add_user"),
                                 (_("&Edit"), self.edit_user, "edit_user"),
                                 (_("&Disable / enable"), self.toggle_user, "toggle_user"),
                                 (_("&Reset password"), self.reset_password, "reset_password")):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = translate_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.users: list[dict[str, Any]] = []
        self.reload()

    def reload(self) -> None:
        self.users = self._services.security.list_users()
        districts = self._services.reference.districts()
        self.table.setRowCount(len(self.users))
        for row, user in enumerate(self.users):
            place = user["unit"] or ""
            if user["district_code"]:
                place = districts[user["district_code"]].name
            status = _("Active") if user["active"] else _("Disabled")
            if user["must_change_password"]:
                status += " · " + _("must change password")
            last = user["last_login_at"]
            if last:
                import datetime as dt

                last = format_datetime(dt.datetime.fromisoformat(last))
            values = [user["username"], user["full_name"],
                      ", ".join(role_label(r) for r in user["roles"]), place, status, last or ""]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, user["username"])
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    def _selected(self) -> dict[str, Any] | None:
        row = self.table.currentRow()
        return self.users[row] if 0 <= row < len(self.users) else None

    def add_user(self) -> None:
        if UserFormDialog(self._services, parent=self).exec():
            self.reload()

    def edit_user(self) -> None:
        user = self._selected()
        if user and UserFormDialog(self._services, user, parent=self).exec():
            self.reload()

    def toggle_user(self) -> None:
        user = self._selected()
        if not user:
            return
        try:
            self._services.security.set_active(user["username"], not user["active"])
        except AppError as error:
            show_error(self, str(error))
        self.reload()

    def reset_password(self) -> None:
        import secrets

        user = self._selected()
        if not user:
            return
        temporary = "tam-" + secrets.token_urlsafe(6)
        try:
            self._services.security.reset_password(user["username"], temporary)
        except AppError as error:
            show_error(self, str(error))
            return
        show_info(self, _("The temporary password of {name} is: {password}\nGive it to the user "
                          "in person; it must be changed at the next log-in.").format(
            name=user["username"], password=temporary), _("Password reset"))
        self.reload()
