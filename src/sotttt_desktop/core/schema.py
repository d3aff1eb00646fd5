"""The schema gate: Alembic revisions shipped in the package, applied at start-up.

- a new, empty database is created at the newest revision;
- an older one is backed up (SQLite online backup) and upgraded in one transaction;
- a database from a newer version of the application is refused, never opened;
- a database that is not this application's is refused.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from sotttt_desktop import __version__
from sotttt_desktop.core.backup import backup_name, free_name, make_backup
from sotttt_desktop.errors import DatabaseError
from sotttt_desktop.i18n import _
from sotttt_desktop.migrations import HEAD_REVISION
from sotttt_desktop.settings import DatabaseLocation

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision, as Alembic computes it from versions/ (slow: imports Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(conn: Connection) -> str | None:
    """The database's revision, read with plain SQL (None: no alembic_version table)."""
    try:
        with conn.begin_nested() if conn.in_transaction() else conn.begin():
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:
        return None


def _is_known(revision: str) -> bool:
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def is_newer_revision(revision: str) -> bool:
    """Does an unknown revision look like one of a later version (its number above the head's)?
    '0000' or a foreign name is not newer: such a file is not this application's."""
    number = re.match(r"\d+", revision or "")
    return number is not None and int(number.group()) > int(HEAD_REVISION)


def ensure_current(engine: Engine, location: DatabaseLocation, backup_dir: Path, *,
                   create: bool) -> str:
    """Bring the database to the head revision (or refuse it). Returns the revision."""
    head = HEAD_REVISION
    with engine.connect() as conn:
        current = current_revision(conn)
        if current == head:  # the everyday case: no Alembic import, one query
            return head
        tables = set(inspect(conn).get_table_names())
        conn.rollback()
    if current is None:
        if tables:
            raise DatabaseError(
                _("{path} is a database of another program; it was not changed.")
                .format(path=location.display())
            )
        if not create and not location.is_sqlite:
            raise DatabaseError(
                _("The database {path} is empty. Create it with: sotttt-desktop init")
                .format(path=location.display())
            )
    elif not _is_known(current) and not is_newer_revision(current):
        raise DatabaseError(
            _("{path} is a database of another program; it was not changed.")
            .format(path=location.display())
        )
    elif not _is_known(current):
        raise DatabaseError(
            _(
                "The database {path} was written by a newer version of the application "
                "(schema {revision}); this version ({version}) cannot open it safely. "
                "Install the newer version."
            ).format(path=location.display(), revision=current, version=__version__)
        )
    elif location.path is not None:
        backup = free_name(backup_dir, backup_name(f"before-upgrade-{current}"))
        make_backup(location.path, backup, kind="before-upgrade")
        log.info("backed up %s to %s before migrating", location.path, backup)
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    return head
