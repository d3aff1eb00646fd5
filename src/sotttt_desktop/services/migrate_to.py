"""Moving a Department from its SQLite file to a PostgreSQL server (`sotttt-desktop migrate-to`).

The target must be empty. It is created at the newest schema, then every table is copied in
dependency order (ids, hashes and the audit chain unchanged), then each table is compared with
the source: row count and a SHA-256 over all rows in key order. The source is only read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    Engine,
    Table,
    bindparam,
    create_engine,
    delete,
    func,
    insert,
    inspect,
    select,
    text,
    update,
)

from sotttt_desktop.core import audit
from sotttt_desktop.core.db import Database
from sotttt_desktop.core.models import AuditHead, Base
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _
from sotttt_desktop.settings import DatabaseLocation

BATCH = 5000
DERIVED = {"row_count"}  # kept by the target's own triggers while rows are copied
SINGLETONS = {"audit_head"}  # replaced, not appended to


def _canonical(value: Any) -> str:  # noqa: ANN401
    if value is None:
        return "∅"
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat(timespec="microseconds")
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def table_digest(engine: Engine, table: Table) -> tuple[int, str]:
    """(rows, SHA-256 of every row in primary-key order), comparable across databases."""
    digest = hashlib.sha256()
    rows = 0
    order = list(table.primary_key.columns) or list(table.columns)
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True).execute(
            select(*table.columns).order_by(*order))
        for row in result:
            rows += 1
            digest.update("\x1f".join(_canonical(v) for v in row).encode("utf-8"))
            digest.update(b"\x1e")
    return rows, digest.hexdigest()


def _copy_table(source: Engine, target_conn: Any, table: Table,  # noqa: ANN401
                progress: Callable[[str, int], None] | None) -> int:
    copied = 0
    order = list(table.primary_key.columns)
    # a row may point at a row of its own table that comes later (a permit replacing another):
    # such columns are written after every row is in
    own = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    kept = [c.name for c in table.columns if c.onupdate is not None]  # e.g. updated_at
    later: list[dict[str, Any]] = []
    with source.connect() as conn:
        result = conn.execution_options(stream_results=True).execute(
            select(*table.columns).order_by(*order))
        while batch := result.fetchmany(BATCH):
            rows = [dict(row._mapping) for row in batch]
            for row in rows:
                if any(row[name] is not None for name in own):
                    later.append({**{f"key_{c.name}": row[c.name] for c in order},
                                  **{name: row[name] for name in own + kept}})
                    for name in own:
                        row[name] = None
            target_conn.execute(insert(table), rows)
            copied += len(batch)
            if progress:
                progress(table.name, copied)
    if later:
        statement = update(table).where(*(c == bindparam(f"key_{c.name}") for c in order))
        target_conn.execute(statement, later)
    return copied


def migrate_to(source_db: Database, target: DatabaseLocation, *, username: str,
               progress: Callable[[str, int], None] | None = None) -> dict[str, Any]:
    started = time.perf_counter()
    if target.is_sqlite:
        raise ValidationError(_("Give the URL of a database server, e.g. "
                                "postgresql+psycopg://user:password@server/database."))
    before = _objects(target)
    target_db = Database.open(target, create=True)  # refuses a foreign or newer database
    ok = False
    try:
        with target_db.engine.connect() as conn:
            for table in Base.metadata.sorted_tables:
                if table.name in DERIVED | SINGLETONS:
                    continue
                if conn.execute(select(func.count()).select_from(table)).scalar_one():
                    raise ValidationError(
                        _("The target database is not empty (table {table}); migrate into a "
                          "new, empty database.").format(table=table.name))
        tables = [t for t in Base.metadata.sorted_tables if t.name not in DERIVED]
        copied: dict[str, int] = {}
        with target_db.engine.begin() as conn:  # one transaction: all or nothing
            conn.execute(delete(AuditHead))
            for table in tables:
                copied[table.name] = _copy_table(source_db.engine, conn, table, progress)
            if target_db.dialect == "postgresql":  # ids were copied: move the sequences on
                for table in tables:
                    column = table.autoincrement_column
                    if column is not None:
                        conn.execute(text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', "
                            f"'{column.name}'), COALESCE(MAX({column.name}), 0) + 1, false) "
                            f"FROM {table.name}"))
        checks = []
        for table in tables:
            source_rows, source_hash = table_digest(source_db.engine, table)
            target_rows, target_hash = table_digest(target_db.engine, table)
            checks.append({"table": table.name, "rows": source_rows,
                           "ok": (source_rows, source_hash) == (target_rows, target_hash)})
        ok = all(c["ok"] for c in checks)
        if ok:
            with target_db.session(write=True) as session:
                audit.append(session, username=username, action="migrate_to",
                             entity_kind="database", summary=source_db.location.display(),
                             after={"tables": len(checks), "rows": sum(copied.values())})
                session.commit()
            with target_db.session() as session:
                chain = audit.verify(session)
            ok = chain.ok
        return {"target": target.display(), "ok": ok, "tables": checks,
                "rows": sum(copied.values()), "seconds": round(time.perf_counter() - started, 1),
                "target_tables": sorted(inspect(target_db.engine).get_table_names())
                if ok else []}
    finally:
        target_db.close()
        if not ok and before is not None:
            _drop_created(target, before)


def _objects(target: DatabaseLocation) -> tuple[set[str], set[str]] | None:
    """The tables and functions of the target before the migration; None when it has tables
    already (then nothing is dropped if the migration fails: the copy is one transaction)."""
    engine = create_engine(target.url)
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            functions = set(conn.execute(text(
                "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                "WHERE n.nspname = current_schema()")).scalars())
    finally:
        engine.dispose()
    return None if tables else (tables, functions)


def _drop_created(target: DatabaseLocation, before: tuple[set[str], set[str]]) -> None:
    """A failed migration leaves the target as it found it: empty (what it created is dropped),
    so that it can be run again."""
    tables, functions = before
    engine = create_engine(target.url)
    try:
        with engine.begin() as conn:
            for name in set(inspect(conn).get_table_names()) - tables:
                conn.execute(text(f'DROP TABLE IF EXISTS "{name}" CASCADE'))
            created = set(conn.execute(text(
                "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                "WHERE n.nspname = current_schema()")).scalars()) - functions
            for name in created:
                conn.execute(text(f'DROP FUNCTION IF EXISTS "{name}" CASCADE'))
    finally:
        engine.dispose()
