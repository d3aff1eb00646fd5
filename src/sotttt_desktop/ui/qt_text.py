"""Qt ships no Vietnamese: the standard button texts are set here, through our catalogue."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from sotttt_desktop.errors import AppError
from sotttt_desktop.i18n import _

_BUTTON_TEXTS = {
    QDialogButtonBox.StandardButton.Ok: lambda: _("OK"),
    QDialogButtonBox.StandardButton.Save: lambda: _("Save"),
    QDialogButtonBox.StandardButton.Cancel: lambda: _("Cancel"),
    QDialogButtonBox.StandardButton.Close: lambda: _("Close"),
    QDialogButtonBox.StandardButton.Yes: lambda: _("Yes"),
    QDialogButtonBox.StandardButton.No: lambda: _("No"),
}


ERROR_STYLE = "color: #b00020;"
REMARKS_STYLE = "color: #9a3c00; font-weight: bold;"  # what a register concludes


def error_label(name: str = "error") -> QLabel:
    """The red line under a form that says what the service refused, hidden until then."""
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def confirm_buttons(text: str, name: str, on_confirm: Callable[[], None],
                    on_cancel: Callable[[], None]) -> tuple[QDialogButtonBox, QPushButton]:
    """OK (named for what it does) and Cancel, in the user's language."""
    buttons = translate_buttons(QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel))
    confirm = buttons.button(QDialogButtonBox.StandardButton.Ok)
    confirm.setText(text)
    confirm.setObjectName(name)
    buttons.accepted.connect(on_confirm)
    buttons.rejected.connect(on_cancel)
    return buttons, confirm


def accept_if_done(dialog: QDialog, error: QLabel, call: Callable[[], object]) -> bool:
    """Run the service call of a dialog's confirm button: done, the dialog is accepted;
    refused, the service's words show under the form and the dialog stays open."""
    try:
        call()
    except AppError as refused:
        error.setText(str(refused))
        error.show()
        return False
    dialog.accept()
    return True


def translate_buttons(box: QDialogButtonBox) -> QDialogButtonBox:
    for standard, text in _BUTTON_TEXTS.items():
        button = box.button(standard)
        if button is not None:
            button.setText(text())
    return box


def show_error(parent: QWidget | None, message: str, title: str | None = None) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title or _("Cannot do that"), message,
                      QMessageBox.StandardButton.Ok, parent)
    box.button(QMessageBox.StandardButton.Ok).setText(_("OK"))
    box.exec()


def show_info(parent: QWidget | None, message: str, title: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, message,
                      QMessageBox.StandardButton.Ok, parent)
    box.button(QMessageBox.StandardButton.Ok).setText(_("OK"))
    box.exec()
