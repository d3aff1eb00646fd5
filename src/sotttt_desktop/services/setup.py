"""Creating, upgrading and seeding a database (the `init` command and the first start)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import literal, select, table

from sotttt_desktop.core import clock
from sotttt_desktop.core.db import Database
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _
from sotttt_desktop.services.actor import Actor
from sotttt_desktop.services.facade import Services
from sotttt_desktop.settings import DatabaseLocation

# Filled by `init` itself (reference data, roles, bookkeeping): rows here are not anyone's data.
SEEDED_TABLES = frozenset({"app_state", "audit_head", "commune", "district",
                           "organisation_profile", "role_definition", "role_grant", "row_count",
                           "signer", "unit"})


DEMO_WORKING_DATE = dt.date(2024, 11, 29)  # inside the period of QĐ 15/2023 (REFERENCE §6.3)


def initialise(location: DatabaseLocation, *, actor: Actor | None = None, demo: bool = False,
               scale: float = 1.0, progress: Callable[[int, int], None] | None = None,
               demo_date: dt.date | None = None, volume: float | None = None) -> Services:
    """Create or upgrade the database, seed the reference data and the roles, optionally add
    demo data and one demo account per role. Returns services acting as `actor` (or the system).

    A demo database is a training sandbox: its records end on `demo_date` (29/11/2024 unless
    given), which it stores and runs on (`core/clock.py`). Its one-stop volume (dossiers and
    permits over three years, services/demo_volume.py) follows `scale` unless `volume` is given
    (0: only the hand-written cases)."""
    database = Database.open(location, create=True)
    if demo and holds_data(database):
        database.close()
        raise ValidationError(_("Demo data and the demo accounts (with their public password) "
                                "are only added to a new, empty database; this one already has "
                                "users or records."))
    system = Services(database, Actor.system())
    seed_missing(system)
    if demo:
        from sotttt_desktop.services.demo import add_demo_users, fill_demo
        from sotttt_desktop.services.demo_cases import (
            fill_demo_cases,
            fill_demo_facilities,
            fill_demo_licensed,
        )
        from sotttt_desktop.services.demo_declared_cases import (
            fill_demo_declared_cases,
            fill_demo_telecom_cases,
        )
        from sotttt_desktop.services.demo_digital import fill_demo_appraisals, fill_demo_digital
        from sotttt_desktop.services.demo_frequency import fill_demo_frequency
        from sotttt_desktop.services.demo_grassroots import fill_demo_stations
        from sotttt_desktop.services.demo_information_areas import (
            fill_demo_ad_violations,
            fill_demo_external,
            fill_demo_grassroots_lists,
        )
        from sotttt_desktop.services.demo_inspection import fill_demo_complaints
        from sotttt_desktop.services.demo_postal import fill_demo_postal
        from sotttt_desktop.services.demo_security import fill_demo_security
        from sotttt_desktop.services.demo_telecom import fill_demo_masts, fill_demo_telecom_records
        from sotttt_desktop.services.demo_volume import fill_demo_volume

        set_demo_working_date(system, demo_date or DEMO_WORKING_DATE)
        fill_demo(system, scale=scale, progress=progress)
        add_demo_users(system)
        # first of the numbered work: the demo's other documents of these years come after it
        fill_demo_volume(system, volume=scale if volume is None else volume)
        # the registers without numbered documents before the day's work, whose steps are the
        # newest entries of the audit trail
        fill_demo_masts(system, count=max(40, round(300 * min(scale, 1))))
        fill_demo_postal(system)
        fill_demo_telecom_records(system)
        fill_demo_frequency(system)
        fill_demo_digital(system)
        fill_demo_security(system)
        fill_demo_facilities(system, count=max(10, round(60 * min(scale, 10))))
        fill_demo_licensed(system)
        fill_demo_telecom_cases(system)  # their letters days ago, after the licensed' decisions
        fill_demo_appraisals(system)
        # the register numbers in date order: the licensed entries' decisions (a week ago),
        # the takedown letters (these days), the cases' decisions (today)
        fill_demo_declared_cases(system)
        fill_demo_cases(system)
        fill_demo_stations(system)
        fill_demo_grassroots_lists(system)
        fill_demo_ad_violations(system)
        fill_demo_external(system)
        fill_demo_complaints(system)  # last: a notice accepting a complaint is dated today
    return Services(database, actor or Actor.system())


def set_demo_working_date(system: Services, day: dt.date) -> None:
    """Store the demo's working date and run on it from now on (this process and every later
    opening of the database)."""
    from sotttt_desktop.core.models import AppState

    with system.db.session(write=True) as session:
        session.merge(AppState(key=clock.WORKING_DATE_KEY, value=day.isoformat()))
        session.commit()
    clock.set_working_date(day)


def holds_data(database: Database) -> bool:
    """Has anyone used this database: any user, audit entry or record beyond the seeded
    reference data and roles?"""
    with database.session() as session:
        return any(session.execute(select(literal(1)).select_from(table(name)).limit(1)).first()
                   for name in database.table_names() if name not in SEEDED_TABLES)


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
