"""What the signed-in user may not do is disabled, with the reason as its tooltip — the words
the services would refuse with (`Services.refusal`), so nothing offered is refused afterwards."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    from sotttt_desktop.services import Services


def gate(widget: QWidget | QAction, refusal: str | None, tooltip: str = "") -> bool:
    """Enable `widget` when `refusal` is None; else disable it and say why. Returns allowed."""
    allowed = refusal is None
    widget.setEnabled(allowed)
    widget.setToolTip(tooltip if allowed else refusal or "")
    return allowed


def gate_by_right(widget: QWidget | QAction, services: Services, area: str, action: str,
                  tooltip: str = "") -> bool:
    return gate(widget, services.refusal(area, action), tooltip)
