"""Tools → Check a document ("Kiểm tra văn bản"): open the PDF or a photo of a permit, or type the
code of its QR symbol or the short code printed beside it, and read whether it is genuine.

The check runs off the GUI thread (reading the QR symbol of a scanned PDF draws its pages); the
words shown are `services.verification.describe`, the same the command line prints."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.errors import AppError
from sotttt_desktop.i18n import _
from sotttt_desktop.ui.background import BackgroundTask, run_in_background
from sotttt_desktop.ui.qt_text import ERROR_STYLE, translate_buttons

if TYPE_CHECKING:
    from sotttt_desktop.services import Services

GOOD_STYLE = "color: #1b5e20;"
GOOD = ("valid",)
FILES = "*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.bmp"


class VerifyDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.task: BackgroundTask | None = None
        self.verdict: dict[str, Any] | None = None
        self.setWindowTitle(_("Check a document"))
        self.resize(640, 360)
        intro = QLabel(_("Open the PDF or a photo of the document, or type the code of its QR "
                         "symbol or the short code printed beside it (Mã xác thực)."))
        intro.setWordWrap(True)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("verify_code")
        self.code_edit.setPlaceholderText(_("code, short code or file path"))
        self.code_edit.returnPressed.connect(self.check)
        self.check_button = QPushButton(_("&Check"))
        self.check_button.setObjectName("verify_check")
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.check)
        self.open_button = QPushButton(_("&Open a file…"))
        self.open_button.setObjectName("verify_open")
        self.open_button.clicked.connect(self.open_file)
        row = QHBoxLayout()
        row.addWidget(self.code_edit, 1)
        row.addWidget(self.check_button)
        row.addWidget(self.open_button)
        self.status_label = QLabel()
        self.status_label.setObjectName("verify_status")
        self.status_label.setWordWrap(True)
        font = self.status_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.status_label.setFont(font)
        self.details_label = QLabel()
        self.details_label.setObjectName("verify_details")
        self.details_label.setWordWrap(True)
        self.details_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = translate_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.status_label)
        layout.addWidget(self.details_label, 1)
        layout.addWidget(buttons)

    def open_file(self) -> None:
        dialog = QFileDialog(self, _("Choose the PDF or the photo of the document"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([_("Documents and photos ({patterns})").format(patterns=FILES)])
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        if dialog.exec() and dialog.selectedFiles():
            self.code_edit.setText(dialog.selectedFiles()[0])
            self.check()

    def check(self) -> None:
        text = self.code_edit.text()
        if self.task is not None and not self.task.finished:
            return
        self._busy(True)
        self.status_label.setStyleSheet("")
        self.status_label.setText(_("Checking…"))
        self.details_label.clear()
        verification = self._services.verification
        self.task = run_in_background(lambda: verification.verify(text), parent=self,
                                      on_done=self._show, on_error=self._failed)

    def _busy(self, busy: bool) -> None:
        for widget in (self.check_button, self.open_button, self.code_edit):
            widget.setEnabled(not busy)

    def _show(self, verdict: dict[str, Any]) -> None:
        from sotttt_desktop.services.verification import describe

        self._busy(False)
        self.verdict = verdict
        lines = describe(verdict)
        self.status_label.setText(lines[0])
        self.status_label.setStyleSheet(GOOD_STYLE if verdict["status"] in GOOD else ERROR_STYLE)
        self.details_label.setText("\n".join(lines[1:]))

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self.verdict = None
        self.status_label.setStyleSheet(ERROR_STYLE)
        if isinstance(error, AppError):
            self.status_label.setText(str(error))
        else:
            self.status_label.setText(_("The check failed: {error}").format(error=error))
        self.details_label.clear()
