"""Tools → Check a document ("Kiểm tra văn bản"): open the PDF or a photo of a permit, or type the
code of its QR symbol or the short code printed beside it, and read whether it is genuine.
Administrators also export this installation's public key and import other agencies' keys here.

The check runs off the GUI thread (reading the QR symbol of a scanned PDF draws its pages); the
words shown are `services.verification.describe`, the same the command line prints."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.core.safe_write import check_target, placed_file
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
        self.resize(680, 420)
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
        self.keys_box: QGroupBox | None = None
        if services.actor.can("admin", "administer"):
            layout.addWidget(self._keys_box())
        layout.addWidget(buttons)

    # --- keys (administrators) ------------------------------------------------------------------

    def _keys_box(self) -> QGroupBox:
        box = QGroupBox(_("Verification keys"))
        box.setObjectName("verify_keys")
        self.keys_label = QLabel()
        self.keys_label.setObjectName("verify_keys_list")
        self.keys_label.setWordWrap(True)
        self.keys_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        export = QPushButton(_("&Export our public key…"))
        export.setObjectName("verify_export_key")
        export.clicked.connect(self.export_key)
        imported = QPushButton(_("&Import a public key…"))
        imported.setObjectName("verify_import_key")
        imported.clicked.connect(self.import_key)
        row = QHBoxLayout()
        row.addWidget(export)
        row.addWidget(imported)
        row.addStretch(1)
        inner = QVBoxLayout(box)
        inner.addWidget(self.keys_label)
        inner.addLayout(row)
        self.keys_box = box
        self._show_keys()
        return box

    def _show_keys(self) -> None:
        verification = self._services.verification
        own = verification.own_key()
        lines = [_("Ours: fingerprint {fingerprint}").format(fingerprint=own["fingerprint"])
                 if own else _("Ours: not made yet (it is made with the first permit printed).")]
        trusted = verification.trusted_keys()
        lines += [_("Trusted: {agency}, fingerprint {fingerprint}").format(
            agency=key["agency"], fingerprint=key["fingerprint"]) for key in trusted]
        if not trusted:
            lines.append(_("No key of another agency is trusted yet."))
        self.keys_label.setText("\n".join(lines))

    def _key_file(self, title: str, save: bool) -> Path | None:
        dialog = QFileDialog(self, title)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setNameFilters([_("Public key files (*.pub)")])
        if save:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix("pub")
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        if dialog.exec() and dialog.selectedFiles():
            return Path(dialog.selectedFiles()[0])
        return None

    def export_key(self) -> None:
        path = self._key_file(_("Save the public key"), save=True)
        if path is None:
            return
        try:
            check_target(path, force=True)
            self._services.verification.export_public_key(
                lambda text: placed_file(path, text.encode("utf-8"), force=True))
        except AppError as error:
            self._say(str(error), good=False)
            return
        self._show_keys()
        own = self._services.verification.own_key() or {}
        self._say(_("Public key saved in {path}; fingerprint {fingerprint}.").format(
            path=path, fingerprint=own.get("fingerprint", "")), good=True)

    def import_key(self) -> None:
        path = self._key_file(_("Choose the public key file of the agency"), save=False)
        if path is None:
            return
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            self._say(_("{path} cannot be read as a key file.").format(path=path), good=False)
            return
        agency, asked = QInputDialog.getText(
            self, _("Import a public key"),
            _("Name of the agency (empty: the name written in the file):"))
        if not asked:
            return
        try:
            imported = self._services.verification.import_public_key(text, agency or None)
        except AppError as error:
            self._say(str(error), good=False)
            return
        self._show_keys()
        self._say(_("Trusted: {agency}, fingerprint {fingerprint} (compare it with the "
                    "agency's)").format(agency=imported["agency"],
                                       fingerprint=imported["fingerprint"]), good=True)

    def _say(self, text: str, *, good: bool) -> None:
        self.status_label.setStyleSheet(GOOD_STYLE if good else ERROR_STYLE)
        self.status_label.setText(text)
        self.details_label.clear()

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
