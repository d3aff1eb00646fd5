"""Typing into a list box finds what the clerk means: "thu dau" picks "Thành phố Thủ Dầu Một".

Qt's own type-ahead matches the start of the text, with its diacritics, so "thu dau" jumped to
"Dĩ An". This filter keeps the box a plain choice (nothing can be typed that is not in it) and
matches the typed words, folded (no diacritics, đ = d), anywhere in each item."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox

from sotttt_desktop.core.text import fold

PAUSE_S = 1.0  # typing after a longer pause starts a new search


class FoldedTypeAhead(QObject):
    def __init__(self, combo: QComboBox):
        super().__init__(combo)
        self._combo = combo
        self.typed = ""
        self._last = 0.0
        combo.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        now = time.monotonic()
        if now - self._last > PAUSE_S:
            self.typed = ""
        if event.key() == Qt.Key.Key_Backspace and self.typed:
            self.typed = self.typed[:-1]
        elif event.text() and event.text().isprintable() and not (
                event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                     | Qt.KeyboardModifier.AltModifier)):
            if not self.typed and event.text() == " ":
                return False  # a space alone opens the list, as before
            self.typed += event.text()
        else:
            return False
        self._last = now
        self.choose(self.typed)
        return True

    def choose(self, typed: str) -> bool:
        """Select the first item containing the typed words (folded); False if none does."""
        words = fold(typed).split()
        if not words:
            return False
        for index in range(self._combo.count()):
            text = fold(self._combo.itemText(index))
            if all(word in text for word in words):
                self._combo.setCurrentIndex(index)
                return True
        return False


def type_ahead(combo: QComboBox) -> QComboBox:
    FoldedTypeAhead(combo)
    return combo
