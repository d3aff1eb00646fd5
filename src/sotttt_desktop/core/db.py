"""The database: engine with safe SQLite settings, the schema gate, and sessions.

`Database.open()` is the only way in. For a SQLite file it checks the location first (network
drive, read-only folder, not a SQLite file), then sets WAL, synchronous=FULL, foreign keys and a
busy timeout on every connection, then passes the schema gate (refuse newer, back up and migrate
older, create new).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session, sessionmaker

from sotttt_desktop.core import clock, schema
from sotttt_desktop.core.integrity import remember_sound, require_sound_file
from sotttt_desktop.core.storage import check_sqlite_location, read_only_uri
from sotttt_desktop.errors import DatabaseError
from sotttt_desktop.i18n import _
from sotttt_desktop.settings import DatabaseLocation, backups_dir

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 15_000
# The application's connections keep SQLite's page cache (2 MB) and no memory map: measured with
# bench/bench_pragmas.py on a million parties (README, "Memory"), a 32 MB cache or a 1 GB map
# made no query faster here (the operating system's file cache answers SQLite's reads), and the
# map took peak memory from 67 MB to 989 MB. Bulk work sets its own (services/demo.py).
APP_CACHE_SIZE = -2_000  # SQLite's page cache per connection (negative: KiB); SQLite's default


def _install_sqlite_settings(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # noqa: ANN001 - DB-API objects
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # noqa: ANN001
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def _read_in_one_snapshot(engine: Engine) -> None:
    """A read-only engine's transaction is one snapshot of the file: the sqlite3 module begins
    none for a SELECT, so each statement saw the file as it was then — the audit chain read
    while another process wrote ended past the head it read first ("missing-tail" on a sound
    file: tests/cli/test_cli.py::test_two_processes_writing_at_once_both_succeed)."""
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # noqa: ANN001 - DB-API objects
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # noqa: ANN001
        conn.exec_driver_sql("BEGIN")


def upsert_insert(dialect: str):  # noqa: ANN201 - sqlalchemy's dialect Insert class
    """The INSERT with ON CONFLICT of the database in use. Imported on demand: loading the
    PostgreSQL dialect on a SQLite desk costs ~3 MB and 10 ms for nothing."""
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:
        from sqlalchemy.dialects.postgresql import insert
    return insert


def create_app_engine(location: DatabaseLocation) -> Engine:
    if location.is_sqlite:
        engine = create_engine(location.url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _install_sqlite_settings(engine)
        return engine
    return create_engine(location.url, pool_pre_ping=True)


class Database:
    """An open, schema-checked database."""

    def __init__(self, location: DatabaseLocation, engine: Engine, *, writable: bool = True):
        self.location = location
        self.engine = engine
        self.writable = writable
        # Writers take the SQLite write lock at BEGIN, so two desks never dead-lock on upgrade.
        self._write_engine = engine.execution_options(sqlite_begin="IMMEDIATE")
        self._read_sessions = sessionmaker(bind=engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(bind=self._write_engine, expire_on_commit=False)

    @classmethod
    def open(cls, location: DatabaseLocation, *, create: bool = False) -> Database:
        """Open (and if needed create or upgrade) the database, or raise DatabaseError."""
        if location.is_sqlite:
            assert location.path is not None
            existing = check_sqlite_location(location.path, create=create)
            if existing:
                require_sound_file(location.path)  # before anything (WAL, ANALYZE) writes to it
            elif not create:  # an empty file: only `init` creates a schema
                raise DatabaseError(
                    _("The database {path} is empty. Create it with: sotttt-desktop init")
                    .format(path=location.display()))
            if create:
                location.path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_app_engine(location)
        try:
            schema.ensure_current(engine, location, backups_dir(location), create=create)
        except DatabaseError:
            engine.dispose()
            raise
        except sa_exc.OperationalError as error:
            engine.dispose()
            raise DatabaseError(_describe_operational_error(location, error)) from error
        except sa_exc.DatabaseError as error:
            engine.dispose()
            raise DatabaseError(
                _("The database {path} is damaged or is not a database of this application.")
                .format(path=location.display())
            ) from error
        database = cls(location, engine)
        database.optimize()
        clock.set_working_date(database.working_date())  # a demo database runs on its own date
        return database

    @classmethod
    def read_only(cls, location: DatabaseLocation) -> Database:
        """A SQLite file opened only to read it (`check`, a restore's candidate): no schema gate,
        no journal mode, nothing written, whatever state the file is in."""
        assert location.path is not None
        if not location.path.is_file():
            raise DatabaseError(_("There is no database at {path}. Create one with: "
                                  "sotttt-desktop init").format(path=location.path))
        engine = create_engine("sqlite:///" + read_only_uri(location.path) + "&uri=true")
        _read_in_one_snapshot(engine)
        return cls(location, engine, writable=False)

    def optimize(self, *, analyze: bool = False) -> None:
        """Keep SQLite's planner statistics current (bounded work: `analysis_limit`).

        Without them a sorted list of the overdue among 100,000 dossiers took 120 ms instead of
        1 ms (bench/bench_one_stop.py). A database never analysed is analysed when opened (once;
        2.8 s for a 1.4 GB file, milliseconds for a real Department's); every close analyses
        again (1–40 ms); otherwise SQLite's own `PRAGMA optimize` decides."""
        if self.dialect != "sqlite" or not self.writable:
            return
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA analysis_limit=400")
                never = conn.exec_driver_sql(
                    "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").scalar() == 0
                conn.exec_driver_sql("ANALYZE" if analyze or never else "PRAGMA optimize")
                conn.commit()
        except sa_exc.OperationalError:
            log.warning("planner statistics not refreshed (database busy or read-only)")

    def on_transaction_end(self, committed: Callable[[Session], None],
                           rolled_back: Callable[[Session], None]) -> None:
        """Call `committed(session)` after each commit of a session of this database (in the
        committing thread), `rolled_back(session)` after each rollback."""
        for factory in (self._read_sessions, self._write_sessions):
            event.listen(factory, "after_commit", committed)
            event.listen(factory, "after_rollback", rolled_back)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """A session that rolls back unless the caller commits."""
        factory = self._write_sessions if write else self._read_sessions
        session = factory()
        try:
            with self._translated_errors(session.rollback):
                yield session
        finally:
            session.close()  # rolls back whatever was not committed; loaded objects stay readable

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A plain connection for reads that need no ORM objects (a register's pages: a third
        of the time of a session)."""
        with self.engine.connect() as conn, self._translated_errors(conn.rollback):
            yield conn

    @contextmanager
    def _translated_errors(self, rollback: Callable[[], None]) -> Iterator[None]:
        try:
            yield
        except sa_exc.OperationalError as error:  # disk full, read-only, locked, I/O error
            rollback()
            raise DatabaseError(_describe_operational_error(self.location, error)) from error
        except sa_exc.DatabaseError as error:
            text = str(error.orig).lower() if error.orig else ""
            if "malformed" not in text and "not a database" not in text:
                raise
            rollback()
            raise DatabaseError(
                _("The database {path} is damaged or is not a database of this application.")
                .format(path=self.location.display())) from error

    def working_date(self) -> dt.date | None:
        """The assumed working date of a demo database (`core/clock.py`); None: the real clock."""
        with self.engine.connect() as conn:
            value = conn.execute(text("SELECT value FROM app_state WHERE key = :key"),
                                 {"key": clock.WORKING_DATE_KEY}).scalar()
        return dt.date.fromisoformat(value) if value else None

    def schema_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return schema.current_revision(conn)

    def table_names(self) -> list[str]:
        return sorted(
            name for name in inspect(self.engine).get_table_names()
            if name != "alembic_version" and not name.startswith("search_fts")
        )

    def close(self) -> None:
        self.optimize(analyze=True)
        self.engine.dispose()
        if self.writable and self.location.path is not None and self.location.path.exists():
            remember_sound(self.location.path)  # written only through SQLite since its check


def _describe_operational_error(location: DatabaseLocation, error: sa_exc.OperationalError) -> str:
    text = str(error.orig).lower() if error.orig else str(error).lower()
    if "readonly" in text or "read-only" in text:
        return _("The database {path} is read-only. Ask the administrator for write access.").format(
            path=location.display()
        )
    if "locked" in text or "busy" in text:
        return _("The database {path} is busy in another program. Try again in a moment.").format(
            path=location.display()
        )
    if "full" in text or "disk i/o" in text:
        return _("The disk holding {path} is full or failing. Nothing was saved.").format(
            path=location.display()
        )
    if "unable to open" in text or "could not connect" in text or "connection" in text:
        return _("Cannot open the database {path}.").format(path=location.display())
    return _("The database {path} cannot be used: {reason}").format(
        path=location.display(), reason=error.orig or error
    )
