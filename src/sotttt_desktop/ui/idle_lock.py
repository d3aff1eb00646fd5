"""Locks the session after a period without keyboard or mouse input (configurable), or when the
user asks (Ctrl+L). While locked, every open window is covered, so no record shows behind the
lock; what was being typed stays as it was underneath."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from sotttt_desktop.i18n import _
from sotttt_desktop.ui.dialogs.login_dialog import LockDialog

if TYPE_CHECKING:
    from sotttt_desktop.services import Services

DEFAULT_IDLE_MINUTES = 15
COVER_COLOUR = "#30404f"
INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                QEvent.Type.Wheel}


def idle_minutes(settings: QSettings) -> float:
    """SOTTTT_IDLE_MINUTES, else `security/idle_minutes` in ui.ini, else 15; 0 turns it off."""
    value = os.environ.get("SOTTTT_IDLE_MINUTES") or settings.value("security/idle_minutes")
    try:
        return float(value) if value is not None else DEFAULT_IDLE_MINUTES
    except ValueError:
        return DEFAULT_IDLE_MINUTES


class Cover(QWidget):
    """An opaque panel over a window's whole contents, following its size."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("lock_cover")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # painted, not see-through
        self.setStyleSheet(f"#lock_cover {{ background: {COVER_COLOUR}; }}")
        label = QLabel(_("Locked"))
        label.setStyleSheet("color: white; font-size: 18pt;")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self._window = window
        window.installEventFilter(self)
        self.setGeometry(window.rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._window.rect())
            self.raise_()
        return False

    def remove(self) -> None:
        self._window.removeEventFilter(self)
        self.deleteLater()


class IdleLock(QObject):
    def __init__(self, services: Services, window: QWidget, minutes: float):
        super().__init__(window)
        self._services = services
        self._window = window
        self.locked = False
        self.covers: list[Cover] = []
        self.dialog: LockDialog | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        if minutes > 0:
            self.timer.setInterval(int(minutes * 60_000))
            self.timer.start()
            QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not self.locked and event.type() in INPUT_EVENTS:
            self.timer.start()
        return False

    def lock(self, manual: bool = False) -> None:
        if self.locked:
            return
        self.locked = True
        self.covers = [Cover(window) for window in QApplication.topLevelWidgets()
                       if window.isVisible() and window.isWindow()
                       and not isinstance(window, LockDialog)]
        self.dialog = LockDialog(self._services, self._window, manual=manual is True)
        self.dialog.finished.connect(self._unlocked)
        self.dialog.open()

    def _unlocked(self, result: int) -> None:
        self.locked = False
        for cover in self.covers:
            cover.remove()
        self.covers = []
        if result == LockDialog.SWITCH_USER:
            switch = getattr(self._window, "switch_user", None)
            if switch is not None:
                switch()
            return
        if self.timer.interval() > 0:
            self.timer.start()
