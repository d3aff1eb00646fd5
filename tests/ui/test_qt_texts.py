"""Qt's own dialogs speak Vietnamese: the catalogue is compiled from its source and loaded."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from sotttt_desktop.resources import translations_dir


def test_the_compiled_catalogue_is_the_source_compiled(tmp_path: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(__import__("sys").executable).parent / "pyside6-lrelease")
    if not Path(lrelease).exists():
        pytest.skip("pyside6-lrelease is not installed")
    out = tmp_path / "qt_vi.qm"
    subprocess.run([lrelease, str(translations_dir() / "qt" / "qt_vi.ts"), "-qm", str(out)],
                   check=True, capture_output=True)
    assert out.read_bytes() == (translations_dir() / "qt" / "qt_vi.qm").read_bytes(), \
        "run: pyside6-lrelease translations/qt/qt_vi.ts -qm translations/qt/qt_vi.qm"


def test_print_file_and_button_texts_are_vietnamese(qtbot) -> None:  # noqa: ANN001
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Hủy"
    printing = QPrintDialog(QPrinter())
    qtbot.addWidget(printing)
    assert printing.windowTitle() == "In"
    files = QFileDialog(None, "Lưu")
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(files)
    buttons = files.findChild(QDialogButtonBox)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
