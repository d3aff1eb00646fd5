"""Creating, upgrading and seeding a database (the `init` command and the first start)."""

from __future__ import annotations

from collections.abc import Callable

from sotttt_desktop.core.db import Database
from sotttt_desktop.services.actor import Actor
from sotttt_desktop.services.facade import Services
from sotttt_desktop.settings import DatabaseLocation


def initialise(location: DatabaseLocation, *, actor: Actor | None = None, demo: bool = False,
               scale: float = 1.0, progress: Callable[[int, int], None] | None = None
               ) -> Services:
    """Create or upgrade the database, seed the reference data and the roles, optionally add
    demo data and one demo account per role. Returns services acting as `actor` (or the system)."""
    database = Database.open(location, create=True)
    system = Services(database, Actor.system())
    seed_missing(system)
    if demo:
        from sotttt_desktop.services.demo import add_demo_users, fill_demo
        from sotttt_desktop.services.demo_cases import (
            fill_demo_cases,
            fill_demo_facilities,
            fill_demo_licensed,
        )

        fill_demo(system, scale=scale, progress=progress)
        add_demo_users(system)
        fill_demo_facilities(system, count=max(10, round(60 * min(scale, 10))))
        fill_demo_licensed(system)
        fill_demo_cases(system)
    return Services(database, actor or Actor.system())


def seed_missing(system: Services) -> None:
    """Fill whatever reference data or roles a database lacks (new, or upgraded from a version
    that did not have them). A few one-row queries when nothing is missing."""
    with system.db.session(write=True) as session:
        seeded = system.reference.seed_defaults(session)
        seeded = system.security.seed_roles(session) or seeded
        if seeded:
            session.commit()


def open_services(location: DatabaseLocation, *, actor: Actor | None = None,
                  create: bool = False) -> Services:
    """Open an existing database (creating it first when `create`)."""
    if create:
        return initialise(location, actor=actor)
    database = Database.open(location, create=False)
    seed_missing(Services(database, Actor.system()))
    return Services(database, actor)
