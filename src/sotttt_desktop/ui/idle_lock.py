"""Locks the session after a period without keyboard or mouse input (configurable)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from sotttt_desktop.ui.dialogs.login_dialog import LockDialog

if TYPE_CHECKING:
    from sotttt_desktop.services import Services

DEFAULT_IDLE_MINUTES = 15
INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                QEvent.Type.Wheel}


def idle_minutes(settings: QSettings) -> float:
    """SOTTTT_IDLE_MINUTES, else `security/idle_minutes` in ui.ini, else 15; 0 turns it off."""
    value = os.environ.get("SOTTTT_IDLE_MINUTES") or settings.value("security/idle_minutes")
    try:
        return float(value) if value is not None else DEFAULT_IDLE_MINUTES
    except ValueError:
        return DEFAULT_IDLE_MINUTES


class IdleLock(QObject):
    def __init__(self, services: Services, window: QWidget, minutes: float):
        super().__init__(window)
        self._services = services
        self._window = window
        self.locked = False
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

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        self.dialog = LockDialog(self._services, self._window)
        self.dialog.finished.connect(self._unlocked)
        self.dialog.open()

    def _unlocked(self) -> None:
        self.locked = False
        if self.timer.interval() > 0:
            self.timer.start()
