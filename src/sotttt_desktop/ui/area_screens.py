"""Areas shown by a screen of their own instead of their registers, declared once: area key →
a typed factory `(services, parent) -> QWidget` (its module is imported when the tab is first
shown). An area not listed here shows its registers (those declaring it), or its remit."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from sotttt_desktop.services import Services

AreaScreen = Callable[["Services", "QWidget"], "QWidget"]


def _one_stop(services: Services, parent: QWidget) -> QWidget:
    from sotttt_desktop.ui.one_stop import OneStopTab

    return OneStopTab(services, parent)


def _reports(services: Services, parent: QWidget) -> QWidget:
    from sotttt_desktop.ui.reports_screen import ReportsScreen

    return ReportsScreen(services, parent)


AREA_SCREENS: dict[str, AreaScreen] = {
    "one_stop": _one_stop,
    "reports": _reports,
}
