"""Where the global search looks and where its hits open, declared once.

Every register's index entries are one kind of hit (the register's `search_kind`), shown to
whoever may view the register's area and opened in the register's tab. Dossiers and permits are
not indexed: they are found by their code or number, and through the parties found as their
applicant or holder, and they open at the desk that keeps them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sotttt_desktop.i18n import N_

DESK_AREA = "one_stop"  # the area whose tab lists dossiers and permits (areas.py)


@dataclass(frozen=True)
class SearchTarget:
    kind: str  # SearchHit.kind
    key: str  # where a hit opens: a register key, or one of the desk's lists below
    area: str  # the area whose view right shows these hits and whose tab opens them
    title: str  # N_(), shown with each hit


DOSSIERS = SearchTarget("dossier", "dossiers", DESK_AREA, N_("Dossiers"))
PERMITS = SearchTarget("permit", "permits", DESK_AREA, N_("Permits and certificates"))


@cache
def search_targets() -> dict[str, SearchTarget]:
    """Every kind of hit, registers first in their declared order, then dossiers and permits."""
    from sotttt_desktop.registers import all_registers

    targets = {spec.search_kind: SearchTarget(spec.search_kind, spec.key, spec.area, spec.title)
               for spec in all_registers().values()}
    targets[DOSSIERS.kind] = DOSSIERS
    targets[PERMITS.kind] = PERMITS
    return targets


@cache
def party_kind() -> str:
    """The index kind of the register of parties: its hits lead to their dossiers and permits."""
    from sotttt_desktop.core.models import Party
    from sotttt_desktop.registers import all_registers

    return next(spec.search_kind for spec in all_registers().values() if spec.model is Party)
