"""Backups, restore and integrity checks of the database (issue: nothing lost).

- `backup()`: an online backup, checked, with a manifest; automatic ones are rotated.
- `restore_database()`: validates the backup, keeps the current file aside (renamed, never
  overwritten), puts the copy in place, reopens it (migrating it if older) and marks it restored.
- `check_database()`: quick (start-up) or full (integrity, foreign keys, search index, row counts,
  audit chain) report.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select
from sqlalchemy.exc import SQLAlchemyError

from sotttt_desktop.core import audit
from sotttt_desktop.core.backup import (
    BackupError,
    BackupExistsError,
    BackupManifest,
    backup_name,
    free_name,
    good_backups,
    make_backup,
    read_manifest,
    rotate,
    verify_backup_file,
)
from sotttt_desktop.core.instance_lock import InstanceLock
from sotttt_desktop.core.integrity import (
    CheckReport,
    check_contents,
    check_sqlite_file,
    checked_report,
    forget_checked,
)
from sotttt_desktop.core.models import AppState
from sotttt_desktop.core.storage import is_sqlite_file, read_only_uri
from sotttt_desktop.errors import AppError, DatabaseError, ValidationError
from sotttt_desktop.i18n import _, format_datetime
from sotttt_desktop.settings import DatabaseLocation, load_backup_settings, sqlite_location

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services

AUTO = "auto"
MANUAL = "manual"


def _sqlite_path(location: DatabaseLocation) -> Path:
    if location.path is None:
        raise ValidationError(_("Backups of a database server are made with the server's own "
                                "tools (pg_dump); this command backs up a SQLite file."))
    return location.path


SPECIAL_FILESYSTEMS = {"devtmpfs", "proc", "sysfs", "devpts", "cgroup", "cgroup2", "debugfs",
                       "securityfs", "tracefs", "configfs", "pstore", "bpf", "mqueue", "hugetlbfs"}


SYSTEM_FOLDERS = ("/dev", "/proc", "/sys", "/run")


def backup_destination(out: Path | str, kind: str) -> Path:
    """Where `backup --out OUT` writes: inside OUT when it is a folder (or ends with a slash),
    else exactly the file OUT, which must not exist yet, in a folder that exists on a disk."""
    from sotttt_desktop.core.storage import _linux_mount_fstype

    text, out = str(out), Path(out)
    into_folder = out.is_dir() or text.endswith(("/", os.sep))
    folder = out if into_folder else out.parent
    if not folder.is_dir():
        raise ValidationError(_("The folder {folder} does not exist.").format(folder=folder))
    resolved = folder.resolve()
    fstype = _linux_mount_fstype(resolved) if sys.platform.startswith("linux") else None
    system = any(resolved == Path(p) or Path(p) in resolved.parents for p in SYSTEM_FOLDERS)
    if fstype in SPECIAL_FILESYSTEMS or (os.name == "posix" and system):
        raise ValidationError(_("{folder} is not a folder on a disk; choose where to keep the "
                                "backup.").format(folder=folder))
    if into_folder:
        return free_name(folder, backup_name(kind))
    if out.exists() or out.is_symlink():
        raise ValidationError(_("{path} already exists; a backup never replaces a file.")
                              .format(path=out))
    return out


class BackupService:
    def __init__(self, services: Services):
        self._services = services

    def folder(self) -> Path:
        return load_backup_settings().folder_for(self._services.db.location)

    def backup(self, out: Path | str | None = None, kind: str = MANUAL) -> BackupManifest:
        """Back up now: to `out`, or into the backup folder (automatic ones are rotated).

        Automatic backups run for everybody; a manual one is an administrator's act, audited."""
        if kind != AUTO:
            self._services.require("admin", "administer")
        source = _sqlite_path(self._services.db.location)
        destination = (backup_destination(out, kind) if out is not None
                       else free_name(self.folder(), backup_name(kind)))
        try:
            manifest = make_backup(source, destination, kind)
        except BackupExistsError as error:
            raise ValidationError(str(error)) from error
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
    if path.stat().st_size == 0 or not is_sqlite_file(path):
        raise ValidationError(_("{path} is not a backup of this application.").format(path=path))
    ok, detail = verify_backup_file(path)
    if not ok:
        raise ValidationError(_("The backup {path} is damaged: {reason}").format(
            path=path, reason=detail))
    try:
        with contextlib.closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    except (sqlite3.DatabaseError, TypeError) as error:
        raise ValidationError(_("{path} is not a backup of this application.").format(
            path=path)) from error
    from sotttt_desktop.core.schema import _is_known, is_newer_revision

    if not isinstance(revision, str) or not _is_known(revision):
        if isinstance(revision, str) and is_newer_revision(revision):
            raise ValidationError(_("The backup {path} comes from a newer version of the "
                                    "application.").format(path=path))
        raise ValidationError(_("The backup {path} has an unknown schema revision ({revision}); "
                                "it is not a backup of this application.").format(
            path=path, revision=revision))
    return revision


def candidate_problems(path: Path) -> list[str]:
    """A full check of a file about to become the database (what `check` checks)."""
    report = check_sqlite_file(path, full=True)
    return [f"{c['check']}: {c['detail']}" for c in report.failed()]


def _holds_entry(path: Path, head: dict[str, object]) -> bool:
    """Does the file's audit trail hold the entry `head` names, with that hash?"""
    if not head.get("last_id"):
        return True  # the backup's trail was empty
    with contextlib.closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
        row = conn.execute("SELECT hash FROM audit_entry WHERE id = ?", (head["last_id"],)
                           ).fetchone()
    return row is not None and row[0] == head.get("last_hash")


def _aside_name(path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.replaced-{stamp}{path.suffix}")
    n = 1
    while aside.exists():
        aside = path.with_name(f"{path.stem}.replaced-{stamp}-{n}{path.suffix}")
        n += 1
    return aside


def _move_database(source: Path, target: Path) -> None:
    """Rename a database file with its WAL files."""
    for suffix in ("-wal", "-shm"):
        companion = source.with_name(source.name + suffix)
        if companion.exists():
            companion.replace(target.with_name(target.name + suffix))
    source.replace(target)


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _prepare_candidate(candidate: Path, backup: Path, *, username: str, aside: Path | None
                       ) -> None:
    """Copy the backup to `candidate`, bring it to this version's schema, mark it restored,
    then check it in full. Raises ValidationError saying what is wrong with the backup."""
    from sotttt_desktop.core.db import Database

    with contextlib.closing(sqlite3.connect(read_only_uri(backup), uri=True)) as src, \
            contextlib.closing(sqlite3.connect(candidate)) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    refused = _("The backup {path} cannot be restored: {reason} The database was not changed.")
    first = checked_report(candidate)  # before anything writes to it (the same gate as opening)
    if not first.ok:
        raise ValidationError(refused.format(path=backup, reason="; ".join(
            f"{c['check']}: {c['detail']}" for c in first.failed())[:400]))
    try:
        database = Database.open(sqlite_location(candidate))  # migrates an older backup
    except DatabaseError as error:
        raise ValidationError(refused.format(path=backup, reason=error)) from error
    except SQLAlchemyError as error:  # a migration met a table the backup lacks
        reason = _("it cannot be brought to this version's schema ({detail}).").format(
            detail=f"{type(error).__name__}: {error}"[:200])
        raise ValidationError(refused.format(path=backup, reason=reason)) from error
    try:
        manifest = read_manifest(backup)
        with database.session(write=True) as session:
            now = dt.datetime.now(dt.UTC).isoformat()
            for key, value in (("restored_from", str(backup)), ("restored_at", now),
                               ("restored_backup_created_at",
                                manifest.created_at if manifest else ""),
                               ("restored_set_aside", str(aside or ""))):
                session.merge(AppState(key=key, value=value))
            audit.append(session, username=username, action="restore",
                         entity_kind="database", summary=str(backup),
                         after={"set_aside": str(aside or ""), "backup": str(backup),
                                "manifest": manifest is not None})
            session.commit()
    except AppError as error:
        raise ValidationError(refused.format(path=backup, reason=error)) from error
    finally:
        database.engine.dispose()
    with contextlib.closing(sqlite3.connect(candidate)) as conn:  # the WAL back into the file:
        conn.execute("PRAGMA journal_mode=DELETE")  # one file to check and to move
    problems = candidate_problems(candidate)
    if manifest is not None and manifest.audit_head and not _holds_entry(candidate,
                                                                         manifest.audit_head):
        problems.append(_("the audit trail differs from the one recorded in the backup's "
                          "manifest"))
    if problems:
        raise ValidationError(refused.format(path=backup, reason="; ".join(problems)[:400]))


def restore_database(location: DatabaseLocation, backup: Path, *, username: str,
                     lock_held: bool = False) -> dict[str, Any]:
    """Replace the database at `location` with `backup`. The caller has closed its connections.

    The backup is copied to a candidate file beside the database, migrated, marked and checked
    in full; only a candidate that passes replaces the database (which is renamed aside, never
    deleted), and a database that does not then open is rolled back. The live file is never
    opened here: a damaged or unopenable one can be restored.

    Returns {"restored_from", "set_aside", "schema_revision", "manifest"}.
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
    candidate = target.with_name(target.name + ".restoring")
    try:
        aside = _aside_name(target) if target.exists() else None
        _remove_database(candidate)  # what an interrupted restore left
        try:
            _prepare_candidate(candidate, backup, username=username, aside=aside)
        except BaseException:
            _remove_database(candidate)
            raise
        if aside is not None:
            _move_database(target, aside)
        _move_database(candidate, target)
        forget_checked(target)
        try:
            database = Database.open(location)
            revision = database.schema_revision()
            database.close()
        except BaseException:
            _remove_database(target)
            if aside is not None:
                _move_database(aside, target)
            raise
    finally:
        if lock is not None:
            lock.release()
    return {"restored_from": str(backup), "set_aside": str(aside) if aside else None,
            "schema_revision": revision, "manifest": read_manifest(backup) is not None}


# --- checks -------------------------------------------------------------------------------------


def check_file(path: Path) -> CheckReport:
    """The start-up check of a SQLite file: what `check` checks, reading the file only, and
    remembered for this state of the file (opening it then does not check it again)."""
    started = time.perf_counter()
    report = checked_report(path)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def check_database(services: Services, *, full: bool) -> CheckReport:
    """Quick: SQLite's quick_check. Full: integrity check, foreign keys, this version's schema,
    the search index, the kept row counts and the audit chain."""
    started = time.perf_counter()
    if services.db.location.path is not None:
        report = check_sqlite_file(services.db.location.path, full=full)
    else:
        report = CheckReport(ok=True)
        if full:
            check_contents(report, services.db)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def check_location(location: DatabaseLocation, *, full: bool) -> CheckReport:
    """`check` without opening the database normally: a SQLite file is only read (it may be
    damaged, incomplete, on a read-only medium or not a database at all)."""
    from sotttt_desktop.services.setup import open_services

    if location.path is not None:
        return check_sqlite_file(location.path, full=full)
    services = open_services(location)
    try:
        return check_database(services, full=full)
    finally:
        services.db.close()


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
