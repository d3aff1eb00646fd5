"""Creating, upgrading and seeding a database (the `init` command and the first start)."""

from __future__ import annotations

from collections.abc import Callable

from sotttt_desktop.core.db import Database
from sotttt_desktop.services.demo import fill_demo
from sotttt_desktop.services.facade import Actor, Services
from sotttt_desktop.settings import DatabaseLocation


def initialise(location: DatabaseLocation, *, actor: Actor | None = None, demo: bool = False,
               scale: float = 1.0, progress: Callable[[int, int], None] | None = None
               ) -> Services:
    """Create or upgrade the database, seed the reference data, optionally add demo data."""
    database = Database.open(location, create=True)
    services = Services(database, actor)
    with database.session(write=True) as session:
        if services.reference.seed_defaults(session):
            session.commit()
    if demo:
        fill_demo(services, scale=scale, progress=progress)
    return services


def open_services(location: DatabaseLocation, *, actor: Actor | None = None,
                  create: bool = False) -> Services:
    """Open an existing database (creating and seeding it first when `create`)."""
    if create:
        return initialise(location, actor=actor)
    return Services(Database.open(location, create=False), actor)
