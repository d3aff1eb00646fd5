"""The one entry object: `Services(database, actor)` with a manager per area of work."""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from sqlalchemy import func, select, text

from sotttt_desktop import __version__
from sotttt_desktop.core.db import Database


@dataclass(frozen=True)
class Actor:
    """Who is acting. Until log-in lands (the security issue) this is the operating-system user."""

    username: str
    display_name: str
    authenticated: bool = False

    @classmethod
    def local_user(cls) -> Actor:
        try:
            name = getpass.getuser()
        except Exception:  # noqa: BLE001 - no login name on some service accounts
            name = "local"
        return cls(username=name, display_name=name, authenticated=False)


class Services:
    def __init__(self, database: Database, actor: Actor | None = None):
        from sotttt_desktop.services.parties import PartyService
        from sotttt_desktop.services.reference import ReferenceService
        from sotttt_desktop.services.registers import RegisterService
        from sotttt_desktop.services.search import SearchService

        self.db = database
        self.actor = actor or Actor.local_user()
        self.reference = ReferenceService(self)
        self.search = SearchService(self)
        self.parties = PartyService(self)
        self.registers = RegisterService(self)

    def info(self) -> dict:
        counts: dict[str, int] = {}
        with self.db.session() as session:
            for table in self.db.table_names():
                counts[table] = session.execute(
                    select(func.count()).select_from(text(f'"{table}"'))
                ).scalar_one()
        return {
            "version": __version__,
            "database": self.db.location.display(),
            "backend": self.db.dialect,
            "schema_revision": self.db.schema_revision(),
            "counts": counts,
        }
