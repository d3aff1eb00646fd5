"""Qt ships no Vietnamese: the standard button texts are set here, through our catalogue."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget

from sotttt_desktop.i18n import _

_BUTTON_TEXTS = {
    QDialogButtonBox.StandardButton.Ok: lambda: _("OK"),
    QDialogButtonBox.StandardButton.Save: lambda: _("Save"),
    QDialogButtonBox.StandardButton.Cancel: lambda: _("Cancel"),
    QDialogButtonBox.StandardButton.Close: lambda: _("Close"),
    QDialogButtonBox.StandardButton.Yes: lambda: _("Yes"),
    QDialogButtonBox.StandardButton.No: lambda: _("No"),
}


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
