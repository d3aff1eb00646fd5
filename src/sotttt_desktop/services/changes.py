"""The change hub: every committed write announces what it changed.

Every service write appends audit entries in its transaction (core/audit.py), and the audit
entries name what was written (entity kind, id). The hub listens to the database's commits:
after a transaction commits — never before, and never for one rolled back — it publishes one
`Change` per entity kind with the ids written. No service repeats a publish call; a new service
is announced as soon as it writes its audit entries.

Listeners are called in the committing thread (a worker's import commits in the worker): the
GUI's bridge (`ui/changes.py`) carries them to the GUI thread. A failing listener is logged and
does not fail the write, which has already committed.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from sotttt_desktop.core import audit

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sotttt_desktop.core.db import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Change:
    kind: str  # the audit's entity kind: a register's search kind, "permit", "dossier", …
    ids: frozenset[str]  # the records written; empty: the kind as a whole
    register: str | None = None  # the register whose records these are, if any
    area: str | None = None  # that register's area

    def touches(self, kinds: frozenset[str] | set[str]) -> bool:
        return self.kind in kinds


Listener = Callable[[tuple[Change, ...]], None]


@cache
def _registers_by_kind() -> dict[str, tuple[str, str]]:
    from sotttt_desktop.registers import all_registers

    return {spec.search_kind: (spec.key, spec.area) for spec in all_registers().values()}


def describe(changed: dict[str, set[str]]) -> tuple[Change, ...]:
    """The changes of one transaction, with the register and area of register records."""
    found = []
    for kind, ids in sorted(changed.items()):
        register, area = _registers_by_kind().get(kind, (None, None))
        found.append(Change(kind, frozenset(ids), register, area))
    return tuple(found)


class ChangeHub:
    """Publishes what each committed transaction of one database changed."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(changes)` after every commit; returns the unsubscribe function."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)
        return unsubscribe

    def publish(self, changes: tuple[Change, ...]) -> None:
        if not changes:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:  # the write is committed: a listener cannot take it back
                log.exception("a change listener failed")

    def committed(self, session: Session) -> None:
        self.publish(describe(audit.take_changes(session)))

    @staticmethod
    def rolled_back(session: Session) -> None:
        audit.take_changes(session)


_HUBS: weakref.WeakKeyDictionary[Database, ChangeHub] = weakref.WeakKeyDictionary()
_HUBS_LOCK = threading.Lock()


def hub_of(database: Database) -> ChangeHub:
    """The one hub of a database (shared by every `Services` on it, whoever the actor)."""
    with _HUBS_LOCK:
        hub = _HUBS.get(database)
        if hub is None:
            hub = _HUBS[database] = ChangeHub()
            database.on_transaction_end(hub.committed, hub.rolled_back)
        return hub
