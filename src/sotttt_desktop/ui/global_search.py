"""A hit of the global search opened where it lives: the area's tab is shown, then the tab opens
the record (a register selects its row and shows its details; a custom tab, e.g. the One-stop
desk, answers `open_search_hit(target_key, ref)` for the lists it keeps)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sotttt_desktop.services.search import SearchHit
from sotttt_desktop.services.search_targets import search_targets

if TYPE_CHECKING:
    from sotttt_desktop.ui.main_window import MainWindow

SEARCH_PAGE = 50  # hits first shown
SEARCH_MAX = 400  # "More results…" doubles the page up to this; a narrower query is better


def open_hit(window: MainWindow, hit: SearchHit) -> bool:
    """Show the hit's tab and open the hit there; False if the window has nowhere to open it
    (an area the user may not view)."""
    target = search_targets().get(hit.kind)
    if target is None:
        return False
    index = next((i for i, area in enumerate(window.areas) if area.key == target.area), None)
    if index is None or not window.tabs.isTabVisible(index):
        return False
    tab = window.area_tab(target.area)
    opener = getattr(getattr(tab, "custom", None), "open_search_hit", None)
    if opener is not None:
        return bool(opener(target.key, hit.ref))
    view = tab.show_register(target.key)
    if view is None:
        return False
    view.reveal(hit.id, hit.title)
    return True
