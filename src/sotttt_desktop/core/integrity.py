"""What `check` calls a sound database file, decided in one place.

The same verdict is used by `check`, by the check of a restore's candidate, by the GUI's start-up
check and by the gate that every writer passes (`Database.open`): a file `check` calls damaged is
never written to. Everything here only reads the file (read-only URI; immutable on a read-only
medium), so it works on files that cannot be opened normally.

The gate's cost: SQLite's integrity and foreign-key checks, this version's schema, the kept row
counts and the audit chain — about 0.1 s for a demo file, 0.8 s for 70 MB — paid once per state
of the file (device, inode, size and time of the file and its WAL), which is remembered in memory
and in the cache folder, and recorded again when a process closes a database it wrote to only
through SQLite.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sotttt_desktop.core.storage import file_problem, file_state, read_only_uri
from sotttt_desktop.errors import DatabaseError
from sotttt_desktop.i18n import _
from sotttt_desktop.migrations import HEAD_REVISION


@dataclass
class CheckReport:
    ok: bool
    checks: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, name: str, ok: bool, detail: str = "") -> None:
        self.checks.append({"check": name, "ok": ok, "detail": detail})
        self.ok = self.ok and ok

    def failed(self, *, without: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        return [c for c in self.checks if not c["ok"] and c["check"] not in without]


def not_ours() -> str:
    return _("not a database of this application")


def _revision(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def is_known_revision(revision: str) -> bool:
    from sotttt_desktop.core.schema import _is_known

    return _is_known(revision)


# --- this version's schema ----------------------------------------------------------------------

Schema = dict[tuple[str, str], frozenset[str]]


def _schema_of(conn: sqlite3.Connection) -> Schema:
    """Every table, index and trigger, by (type, name), with each table's columns."""
    found: Schema = {}
    rows = conn.execute("SELECT type, name FROM sqlite_master WHERE type IN "
                        "('table', 'index', 'trigger') AND name NOT LIKE 'sqlite_%'").fetchall()
    for kind, name in rows:
        columns = frozenset(r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')
                            ) if kind == "table" else frozenset()
        found[(kind, name)] = columns
    return found


_head_schema: Schema | None = None


def head_schema() -> Schema:
    """The schema a database of this version has: made by the migrations in a temporary file
    (about 0.5 s), then kept in the cache folder."""
    global _head_schema
    if _head_schema is not None:
        return _head_schema
    from sotttt_desktop import __version__
    from sotttt_desktop.settings import cache_dir

    cached = cache_dir() / f"schema-{__version__}-{HEAD_REVISION}.json"
    try:
        data = json.loads(cached.read_text(encoding="utf-8"))
        _head_schema = {(k, n): frozenset(c) for k, n, c in data}
        return _head_schema
    except (OSError, ValueError, TypeError):
        pass
    from sotttt_desktop.core.db import create_app_engine
    from sotttt_desktop.core.schema import ensure_current
    from sotttt_desktop.settings import sqlite_location

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "head.sqlite3"
        location = sqlite_location(path)
        engine = create_app_engine(location)
        try:
            ensure_current(engine, location, Path(folder), create=True)
        finally:
            engine.dispose()
        with contextlib.closing(sqlite3.connect(path)) as conn:
            _head_schema = _schema_of(conn)
    with contextlib.suppress(OSError):
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_name(f"{cached.name}.{os.getpid()}.partial")
        partial.write_text(json.dumps([[k, n, sorted(c)] for (k, n), c in _head_schema.items()]),
                           encoding="utf-8")
        partial.replace(cached)
    return _head_schema


def schema_problems(path: Path) -> list[str]:
    """What the file lacks of this version's schema: tables, columns, indexes, triggers."""
    with contextlib.closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
        found = _schema_of(conn)
    problems = []
    for key, columns in head_schema().items():
        if key not in found:
            problems.append(f"{key[0]} {key[1]}")
        elif columns - found[key]:
            problems.append(f"{key[1]}({', '.join(sorted(columns - found[key]))})")
    return problems


# --- the checks ---------------------------------------------------------------------------------


def check_pages(report: CheckReport, path: Path, *, full: bool) -> str | None:
    """SQLite's own checks of a file, read-only: quick or integrity check, foreign keys, the
    search index, whether it is a database of this version at all and, when it is at the newest
    revision, whether it has all of this version's schema. Returns the file's revision."""
    if not path.is_file() or path.stat().st_size == 0:
        report.add("file", False, file_problem(path) or "")
        return None
    pragma = "integrity_check" if full else "quick_check"
    try:
        with contextlib.closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
            result = "\n".join(r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchmany(20))
            report.add(pragma, result == "ok", "" if result == "ok" else result)
            if full:
                fk = conn.execute("PRAGMA foreign_key_check").fetchall()
                report.add("foreign_key_check", not fk, f"{len(fk)} rows" if fk else "")
            revision = _revision(conn)
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as error:
        report.add(pragma, False, str(error))
        return None
    if revision is None:
        report.add("revision", not tables, not_ours() if tables else "")
        return None
    if revision != HEAD_REVISION:
        known = is_known_revision(revision)
        report.add("revision", known, _("revision {revision}").format(revision=revision)
                   if known else _("unknown revision {revision}: not a database of this version")
                   .format(revision=revision))
        return revision
    if full and report.ok:
        missing = schema_problems(path)
        report.add("schema", not missing, _("missing: {what}").format(
            what=", ".join(missing[:10])) if missing else "")
    if full and report.ok and os.access(path, os.W_OK):
        try:  # FTS5's own check is spelled as an INSERT; it changes nothing
            with contextlib.closing(sqlite3.connect(path)) as fts:
                fts.execute("INSERT INTO search_fts(search_fts, rank) "
                            "VALUES ('integrity-check', 1)")
            report.add("search_index", True)
        except sqlite3.DatabaseError as error:
            report.add("search_index", False, str(error))
    return revision


def chain_detail(chain: Any) -> str:  # noqa: ANN401 - audit.ChainReport (imported late)
    return "" if chain.ok else f"entry {chain.first_broken_id}: {chain.reason}"


def check_contents(report: CheckReport, database: Any) -> None:  # noqa: ANN401 - core.db.Database
    """The kept row counts and the audit chain, read through `database`."""
    from sqlalchemy import func, select

    from sotttt_desktop.core import audit
    from sotttt_desktop.core.models import Party, RowCount, SearchEntry
    from sotttt_desktop.errors import AppError

    try:
        with database.session() as session:
            # one statement, so one snapshot: another process may be adding parties meanwhile
            parties, kept, indexed = session.execute(select(
                select(func.count()).select_from(Party).scalar_subquery(),
                select(RowCount.n).where(RowCount.table_name == "party").scalar_subquery(),
                select(func.count()).select_from(SearchEntry).where(
                    SearchEntry.kind == "party").scalar_subquery())).one()
            report.add("row_counts", kept == parties == indexed,
                       f"party {parties}, kept {kept}, indexed {indexed}")
            chain = audit.verify(session)
        report.add("audit_chain", chain.ok, chain_detail(chain))
    except AppError as error:
        report.add("database", False, str(error))


def check_sqlite_file(path: Path, *, full: bool = True) -> CheckReport:
    """`check` of a SQLite file, reading it only."""
    from sotttt_desktop.core.db import Database
    from sotttt_desktop.settings import sqlite_location

    started = time.perf_counter()
    report = CheckReport(ok=True)
    revision = check_pages(report, path, full=full)
    if full and report.ok and revision == HEAD_REVISION:
        database = Database.read_only(sqlite_location(path))
        try:
            check_contents(report, database)
        finally:
            database.engine.dispose()
    report.seconds = round(time.perf_counter() - started, 3)
    return report


# --- the gate -----------------------------------------------------------------------------------

_checked_states: dict[str, tuple[int, ...]] = {}


def _checks_file() -> Path:
    from sotttt_desktop.settings import cache_dir

    return cache_dir() / "checked-files.json"


def _known_sound(path: Path, state: tuple[int, ...]) -> bool:
    key = str(path.resolve())
    if _checked_states.get(key) == state:
        return True
    try:
        saved = json.loads(_checks_file().read_text(encoding="utf-8"))
        return tuple(saved.get(key, ())) == state
    except (OSError, ValueError, AttributeError):
        return False


def remember_sound(path: Path, state: tuple[int, ...] | None = None) -> None:
    """Record the file's state as checked (or as written only through SQLite by this process
    since its check), so that the next command does not read the whole file again."""
    key, state = str(path.resolve()), state or file_state(path)
    _checked_states[key] = state
    target = _checks_file()
    with contextlib.suppress(OSError, ValueError):  # only a cache: the next command checks again
        saved = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}
        if not isinstance(saved, dict):
            saved = {}
        saved = {name: value for name, value in saved.items() if Path(name).exists()}
        saved[key] = list(state)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
        partial.write_text(json.dumps(saved), encoding="utf-8")
        partial.replace(target)


def forget_checked(path: Path) -> None:
    _checked_states.pop(str(path.resolve()), None)


def checked_report(path: Path) -> CheckReport:
    """`check_sqlite_file`, skipped when this state of the file is known sound."""
    state = file_state(path)
    if _known_sound(path, state):
        return CheckReport(ok=True)
    report = check_sqlite_file(path, full=True)
    if report.ok:
        remember_sound(path, file_state(path))  # a read-only connection may have made the WAL
    return report


def require_sound_file(path: Path) -> None:
    """The gate before anything writes to a SQLite file (the schema gate, ANALYZE, a command).
    A file that `check` calls damaged is refused, unchanged, with the restore advice. A revision
    this version does not know is left to the schema gate (it names the newer version)."""
    report = checked_report(path)
    failed = report.failed()
    if not failed:
        return
    if [c["detail"] for c in failed] == [not_ours()]:
        raise DatabaseError(_("{path} is a database of another program; it was not changed.")
                            .format(path=path))
    if [c["check"] for c in failed] == ["revision"]:
        return
    problem = "; ".join(f"{c['check']}: {c['detail']}" if c["detail"] else c["check"]
                        for c in failed)
    raise DatabaseError(damaged_message(path, problem))


def damaged_message(path: Path, problem: str) -> str:
    return _("The database {path} is damaged ({problem}); nothing was written to it. Restore the "
             "newest good backup: sotttt-desktop backups, then sotttt-desktop restore FILE."
             ).format(path=path, problem=problem[:300].replace("\n", "; "))
