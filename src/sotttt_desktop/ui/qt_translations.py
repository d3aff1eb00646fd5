"""Qt's own texts (file and print dialogs, standard buttons, the edit menu of text boxes) in the
interface language. Qt ships no Vietnamese: ours is `translations/qt/qt_vi.ts`, compiled to
`qt_vi.qm` beside it (`pyside6-lrelease`; a test checks the two agree)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from sotttt_desktop.i18n import language
from sotttt_desktop.resources import translations_dir

_installed: list[QTranslator] = []  # kept alive while installed


def install_qt_translations(app: QCoreApplication) -> bool:
    """Load Qt's texts for the current language; True when a catalogue was installed."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language() == "en":
        return False
    translator = QTranslator(app)
    if not translator.load(str(translations_dir() / "qt" / f"qt_{language()}.qm")):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
