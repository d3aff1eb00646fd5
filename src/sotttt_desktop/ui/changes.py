"""The change hub on the GUI thread: what a write changed refreshes the screens that show it.

`services.changes` (services/changes.py) announces every committed write, in the thread that
committed it (an import commits in a worker). `ChangeBridge` turns that into the `changed`
signal on the GUI thread; `ChangeWatcher` refreshes one screen when a change of a kind it shows
arrives — debounced (an import announces each batch), and for a screen hidden behind another
tab, when it is shown again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QTableView, QWidget

if TYPE_CHECKING:
    from sotttt_desktop.services import Services
    from sotttt_desktop.services.changes import Change, ChangeHub

DEBOUNCE_MS = 150  # changes arriving together (an import's batches) refresh a screen once
_BRIDGES: dict[int, ChangeBridge] = {}


class ChangeBridge(QObject):
    """One per database: the hub's announcements as a signal on the GUI thread."""

    changed = Signal(object)  # tuple[Change, ...]
    _arrived = Signal(object)  # emitted in the committing thread, queued to this object's

    def __init__(self, hub: ChangeHub, parent: QObject | None = None):
        super().__init__(parent)
        self.hub = hub
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        unsubscribe = hub.subscribe(self._arrived.emit)
        self.destroyed.connect(lambda *_a: unsubscribe())

    @Slot(object)
    def _deliver(self, changes: object) -> None:
        self.changed.emit(changes)


def change_bridge(services: Services) -> ChangeBridge:
    """The bridge of the services' database (made on first use, on the GUI thread)."""
    hub = services.changes
    key = id(hub)
    bridge = _BRIDGES.get(key)
    if bridge is None or bridge.hub is not hub:
        bridge = _BRIDGES[key] = ChangeBridge(hub, QApplication.instance())
        bridge.destroyed.connect(lambda *_a: _BRIDGES.pop(key, None))
    return bridge


class ChangeWatcher(QObject):
    """Calls `refresh()` when a change that `wants` arrives: after DEBOUNCE_MS if the widget
    is on screen, otherwise (another tab in front, a window not shown or closed) once it is
    shown again."""

    def __init__(self, widget: QWidget, services: Services, wants: Callable[[Change], bool],
                 refresh: Callable[[], None]):
        super().__init__(widget)
        self._widget = widget
        self._wants = wants
        self._refresh = refresh
        self.pending = False
        self.refreshes = 0  # how many times a change refreshed the widget
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._fire)
        change_bridge(services).changed.connect(self._arrived)
        widget.installEventFilter(self)

    @Slot(object)
    def _arrived(self, changes: tuple[Change, ...]) -> None:
        if any(self._wants(change) for change in changes):
            self.pending = True
            self._timer.start()

    def _fire(self) -> None:
        if not self.pending or not shiboken6.isValid(self._widget):
            return  # refreshed meanwhile by other means (the tab shown, F5), or gone
        if not self._widget.isVisible():
            return  # behind another tab, or its window closed: refreshed when shown
        self.pending = False
        self.refreshes += 1
        self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._widget and event.type() == QEvent.Type.Show and self.pending:
            self._timer.start()
        return False


def kinds_watcher(widget: QWidget, services: Services, kinds: Sequence[str],
                  refresh: Callable[[], None]) -> ChangeWatcher:
    """A watcher of the changes of some entity kinds."""
    wanted = frozenset(kinds)
    return ChangeWatcher(widget, services, lambda change: change.kind in wanted, refresh)


def reload_in_place(table: QTableView, keys: Callable[[], Sequence[object]],
                    reload: Callable[[], None]) -> None:
    """Reload a list keeping the selected row (by its key) and the scroll position."""
    index = table.currentIndex()
    before = keys()
    selected = before[index.row()] if index.isValid() and index.row() < len(before) else None
    scroll = table.verticalScrollBar().value()
    reload()
    after = keys()
    if selected is not None and selected in after:
        table.selectRow(list(after).index(selected))
    table.verticalScrollBar().setValue(scroll)
