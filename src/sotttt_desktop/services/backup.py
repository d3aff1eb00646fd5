"""Backups, restore and integrity checks of the database (issue: nothing lost).

- `backup()`: an online backup, checked, with a manifest; automatic ones are rotated.
- `restore_database()`: validates the backup, keeps the current file aside (renamed, never
  overwritten), puts the copy in place, reopens it (migrating it if older) and marks it restored.
- `check_database()`: quick (start-up) or full (integrity, foreign keys, search index, row counts,
  audit chain) report.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select

from sotttt_desktop.core import audit
from sotttt_desktop.core.backup import (
    BackupError,
    BackupManifest,
    backup_name,
    good_backups,
    make_backup,
    quick_check,
    rotate,
    verify_backup_file,
)
from sotttt_desktop.core.instance_lock import InstanceLock
from sotttt_desktop.core.models import AppState, Party, RowCount, SearchEntry
from sotttt_desktop.core.storage import is_sqlite_file
from sotttt_desktop.errors import AppError, DatabaseError, ValidationError
from sotttt_desktop.i18n import _, format_datetime
from sotttt_desktop.migrations import HEAD_REVISION
from sotttt_desktop.settings import DatabaseLocation, load_backup_settings

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services

AUTO = "auto"
MANUAL = "manual"


def _sqlite_path(location: DatabaseLocation) -> Path:
    if location.path is None:
        raise ValidationError(_("Backups of a database server are made with the server's own "
                                "tools (pg_dump); this command backs up a SQLite file."))
    return location.path


class BackupService:
    def __init__(self, services: Services):
        self._services = services

    def folder(self) -> Path:
        return load_backup_settings().folder_for(self._services.db.location)

    def backup(self, out: Path | None = None, kind: str = MANUAL) -> BackupManifest:
        """Back up now: to `out`, or into the backup folder (automatic ones are rotated).

        Automatic backups run for everybody; a manual one is an administrator's act, audited."""
        if kind != AUTO:
            self._services.require("admin", "administer")
        source = _sqlite_path(self._services.db.location)
        destination = out or self.folder() / backup_name(kind)
        try:
            manifest = make_backup(source, destination, kind)
        except (BackupError, OSError) as error:
            raise DatabaseError(_("The backup failed and was not kept: {reason}").format(
                reason=error)) from error
        if out is None and kind == AUTO:
            settings = load_backup_settings()
            rotate(destination.parent, AUTO, daily=settings.keep_daily,
                   weekly=settings.keep_weekly, monthly=settings.keep_monthly)
        if kind != AUTO:
            with self._services.db.session(write=True) as session:
                audit.append(session, username=self._services.actor.username, action="backup",
                             entity_kind="database", summary=manifest.path,
                             after={"size": manifest.size, "sha256": manifest.sha256})
                session.commit()
        return manifest

    def list(self) -> list[BackupManifest]:
        return good_backups(self.folder())

    def due(self) -> bool:
        """Is an automatic backup due (the newest good one older than the interval)?"""
        if self._services.db.location.path is None:
            return False
        interval = load_backup_settings().interval_hours
        newest = next((m for m in self.list() if m.kind == AUTO), None)
        if newest is None:
            return True
        age = dt.datetime.now(dt.UTC) - newest.created()
        return age.total_seconds() >= interval * 3600

    def restored_from(self) -> dict[str, str] | None:
        with self._services.db.session() as session:
            rows = dict(session.execute(select(AppState.key, AppState.value)).all())
        if "restored_from" not in rows:
            return None
        return {key: value for key, value in rows.items() if key.startswith("restored_")}

    def acknowledge_restore(self) -> None:
        self._services.require("admin", "administer")
        with self._services.db.session(write=True) as session:
            session.execute(delete(AppState).where(AppState.key.like("restored_%")))
            audit.append(session, username=self._services.actor.username,
                         action="acknowledge_restore", entity_kind="database")
            session.commit()


# --- restore ------------------------------------------------------------------------------------


def validate_backup(path: Path) -> str:
    """The backup's schema revision, or ValidationError saying why it cannot be restored."""
    if not path.is_file():
        raise ValidationError(_("There is no file {path}.").format(path=path))
    if not is_sqlite_file(path):
        raise ValidationError(_("{path} is not a backup of this application.").format(path=path))
    ok, detail = verify_backup_file(path)
    if not ok:
        raise ValidationError(_("The backup {path} is damaged: {reason}").format(
            path=path, reason=detail))
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            conn.execute("SELECT 1 FROM party LIMIT 1")
        finally:
            conn.close()
    except (sqlite3.DatabaseError, TypeError) as error:
        raise ValidationError(_("{path} is not a backup of this application.").format(
            path=path)) from error
    if revision > HEAD_REVISION:
        raise ValidationError(_("The backup {path} comes from a newer version of the application."
                                ).format(path=path))
    return revision


def _set_aside(path: Path) -> Path | None:
    """Rename the current database (and its WAL files) out of the way; never delete it."""
    if not path.exists():
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.replaced-{stamp}{path.suffix}")
    n = 1
    while aside.exists():
        aside = path.with_name(f"{path.stem}.replaced-{stamp}-{n}{path.suffix}")
        n += 1
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.replace(aside.with_name(aside.name + suffix))
    path.replace(aside)
    return aside


def restore_database(location: DatabaseLocation, backup: Path, *, username: str,
                     lock_held: bool = False) -> dict[str, Any]:
    """Replace the database at `location` with `backup`. The caller has closed its connections.

    Returns {"restored_from", "set_aside", "schema_revision"}.
    """
    from sotttt_desktop.core.db import Database

    target = _sqlite_path(location)
    backup = backup.resolve()
    if backup == target.resolve():
        raise ValidationError(_("Choose a backup file, not the database itself."))
    validate_backup(backup)
    lock = None if lock_held else InstanceLock(target)
    if lock is not None:
        lock.acquire()
    try:
        incoming = target.with_name(target.name + ".restoring")
        incoming.unlink(missing_ok=True)
        src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        dst = sqlite3.connect(incoming)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
            src.close()
        aside = _set_aside(target)
        incoming.replace(target)
        database = Database.open(location)  # migrates a backup from an older version
        try:
            manifest_created = ""
            from sotttt_desktop.core.backup import read_manifest

            manifest = read_manifest(backup)
            if manifest is not None:
                manifest_created = manifest.created_at
            with database.session(write=True) as session:
                now = dt.datetime.now(dt.UTC).isoformat()
                for key, value in (("restored_from", str(backup)), ("restored_at", now),
                                   ("restored_backup_created_at", manifest_created),
                                   ("restored_set_aside", str(aside or ""))):
                    session.merge(AppState(key=key, value=value))
                audit.append(session, username=username, action="restore",
                             entity_kind="database", summary=str(backup),
                             after={"set_aside": str(aside or ""), "backup": str(backup)})
                session.commit()
            revision = database.schema_revision()
        finally:
            database.close()
    finally:
        if lock is not None:
            lock.release()
    return {"restored_from": str(backup), "set_aside": str(aside) if aside else None,
            "schema_revision": revision}


# --- checks -------------------------------------------------------------------------------------


@dataclass
class CheckReport:
    ok: bool
    checks: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, name: str, ok: bool, detail: str = "") -> None:
        self.checks.append({"check": name, "ok": ok, "detail": detail})
        self.ok = self.ok and ok


def check_file(path: Path) -> CheckReport:
    """The start-up check of a SQLite file: quick_check, without opening it for writing."""
    started = time.perf_counter()
    report = CheckReport(ok=True)
    try:
        result = quick_check(path)
        report.add("quick_check", result == "ok", "" if result == "ok" else result)
    except sqlite3.DatabaseError as error:
        report.add("quick_check", False, str(error))
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def check_database(services: Services, *, full: bool) -> CheckReport:
    """Quick: SQLite's quick_check. Full: integrity check, foreign keys, the search index, the
    kept row counts and the audit chain."""
    started = time.perf_counter()
    report = CheckReport(ok=True)
    db = services.db
    path = db.location.path
    if path is not None:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            pragma = "integrity_check" if full else "quick_check"
            try:
                result = conn.execute(f"PRAGMA {pragma}").fetchone()[0]
                report.add(pragma, result == "ok", "" if result == "ok" else result)
                if full:
                    fk = conn.execute("PRAGMA foreign_key_check").fetchall()
                    report.add("foreign_key_check", not fk, f"{len(fk)} rows" if fk else "")
                    try:  # FTS5's own check is spelled as an INSERT; it changes nothing
                        with sqlite3.connect(path) as fts:
                            fts.execute("INSERT INTO search_fts(search_fts, rank) "
                                        "VALUES ('integrity-check', 1)")
                        report.add("search_index", True)
                    except sqlite3.DatabaseError as error:
                        report.add("search_index", False, str(error))
            except sqlite3.DatabaseError as error:
                report.add(pragma, False, str(error))
    if full and report.ok:
        try:
            with db.session() as session:
                parties = session.execute(select(func.count()).select_from(Party)).scalar_one()
                kept = session.execute(select(RowCount.n).where(RowCount.table_name == "party")
                                       ).scalar_one_or_none()
                indexed = session.execute(select(func.count()).select_from(SearchEntry).where(
                    SearchEntry.kind == "party")).scalar_one()
            report.add("row_counts", kept == parties == indexed,
                       f"party {parties}, kept {kept}, indexed {indexed}")
            chain = services.audit.verify()
            report.add("audit_chain", chain.ok,
                       "" if chain.ok else f"entry {chain.first_broken_id}: {chain.reason}")
        except AppError as error:
            report.add("database", False, str(error))
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def describe_backup(manifest: BackupManifest) -> str:
    created = format_datetime(manifest.created())
    size_mb = manifest.size / 1_000_000
    return _("{created} — {kind}, {size} MB").format(created=created, kind=manifest.kind,
                                                     size=f"{size_mb:.1f}")


def newest_good_backup(location: DatabaseLocation) -> BackupManifest | None:
    folder = load_backup_settings().folder_for(location)
    for manifest in good_backups(folder):
        if Path(manifest.path).exists() and os.access(manifest.path, os.R_OK):
            return manifest
    return None
