"""Per-procedure windows of the one-stop steps where a sector law differs from ND 61/2018
(`resources/one_stop/step_windows.toml`): the supplement request of a postal licence may come
within 07 working days instead of 03. Validated on load; a bad file names itself and the entry."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from functools import cache

from sotttt_desktop.core.cases.one_stop import SUPPLEMENT_WINDOW
from sotttt_desktop.core.cases.spec import StepWindow
from sotttt_desktop.i18n import N_
from sotttt_desktop.resources import resource_path

WINDOWS_FILE = ("one_stop", "step_windows.toml")
MAX_WORKING_DAYS = 60


@cache
def supplement_windows() -> dict[str, StepWindow]:
    """Procedure key → the window of its supplement request, for the procedures that differ."""
    path = resource_path(*WINDOWS_FILE)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    windows: dict[str, StepWindow] = {}
    for index, entry in enumerate(data.get("supplement_window", []), start=1):
        days, basis = entry.get("working_days"), str(entry.get("basis") or "").strip()
        procedures = entry.get("procedures")
        if not isinstance(days, int) or not 1 <= days <= MAX_WORKING_DAYS or not basis \
                or not isinstance(procedures, list) or not procedures:
            raise ValueError(f"{path}: supplement_window {index}: give procedures, "
                             f"working_days (1–{MAX_WORKING_DAYS}) and basis")
        for key in procedures:
            if key in windows:
                raise ValueError(f"{path}: {key} has two supplement windows")
            windows[str(key)] = replace(SUPPLEMENT_WINDOW, within=days, basis=basis, text=(
                SUPPLEMENT_WINDOW.text if days == SUPPLEMENT_WINDOW.within else SECTOR_TEXT))
    return windows


SECTOR_TEXT = N_("For this procedure a supplement can be requested by {day} ({basis}); after "
                 "that the dossier is appraised as it is (approve or refuse).")
