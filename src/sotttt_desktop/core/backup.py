"""Backups of a SQLite database with SQLite's online backup API (never a file copy).

A backup counts as good only when its copy has been re-opened and checked: integrity check, the
same schema revision and the same row counts as the snapshot it was taken from. The result is
written next to it as a manifest (`<backup>.json`, with the file's SHA-256), and only then is the
file given its final name. Rotation keeps the newest automatic backup of each of the last days,
weeks and months.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import sqlite3
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sotttt_desktop.i18n import _

MANIFEST_SUFFIX = ".json"
NAME_RE = re.compile(r"^(?P<kind>[a-z0-9-]+?)-(?P<stamp>\d{8}-\d{6})(?:-\d+)?\.sqlite3$")
SKIP_TABLES = ("sqlite_", "search_fts")


class BackupError(RuntimeError):
    pass


@dataclass
class BackupManifest:
    path: str
    kind: str
    created_at: str  # UTC ISO
    source: str
    schema_revision: str | None
    counts: dict[str, int] = field(default_factory=dict)
    size: int = 0
    sha256: str = ""
    seconds: float = 0.0
    integrity: str = ""
    # the audit chain's head in the copy ({"last_id", "last_hash"}): the trail of a restored copy
    # must still hold that entry with that hash
    audit_head: dict[str, object] = field(default_factory=dict)

    def created(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.created_at)


def _tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    return [r[0] for r in rows if not r[0].startswith(SKIP_TABLES)]


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _tables(conn)}


def _revision(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def _audit_head(conn: sqlite3.Connection) -> dict[str, object]:
    try:
        row = conn.execute("SELECT last_id, last_hash FROM audit_head WHERE id = 1").fetchone()
    except sqlite3.DatabaseError:
        return {}
    return {"last_id": row[0], "last_hash": row[1]} if row else {}


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def backup_name(kind: str, now: dt.datetime | None = None) -> str:
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"{kind}-{stamp}.sqlite3"


class BackupExistsError(BackupError):
    """The destination (or its manifest) is already there: a backup never overwrites a file."""


# sqlite3 error codes that say the destination, not the source, failed
_WRITE_ERRORS = {8, 10, 13, 14}  # READONLY, IOERR, FULL, CANTOPEN


def free_name(folder: Path, name: str) -> Path:
    """`folder/name`, or `name-1`, `name-2`, … when it (or its manifest) is taken."""
    destination = folder / name
    stem, suffix = destination.stem, destination.suffix
    n = 1
    while destination.exists() or manifest_path(destination).exists():
        destination = folder / f"{stem}-{n}{suffix}"
        n += 1
    return destination


def _temporary(folder: Path, name: str) -> Path:
    """A new, empty file of our own beside the destination (never a name someone else uses)."""
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".partial")
    os.close(fd)
    return Path(temp)


def _publish(temp: Path, final: Path) -> None:
    """Give `temp` its final name, failing (not overwriting) if the name was taken meanwhile."""
    try:
        os.link(temp, final)
    except FileExistsError as error:
        raise BackupExistsError(_("{path} already exists; a backup never replaces a file.")
                                .format(path=final)) from error
    except OSError:  # a file system without hard links (FAT): rename, after a last look
        if final.exists():
            raise BackupExistsError(_("{path} already exists; a backup never replaces a file.")
                                    .format(path=final)) from None
        temp.replace(final)
        return
    temp.unlink()


def make_backup(source: Path, destination: Path, kind: str) -> BackupManifest:
    """Copy `source` (possibly in use) to exactly `destination`, check the copy, write its
    manifest. The copy is made under a temporary name of its own and given its final name only
    after its manifest is in place: an interrupted backup leaves no final-named file, and an
    existing file is never replaced or removed."""
    started = time.perf_counter()
    folder = destination.parent
    folder.mkdir(parents=True, exist_ok=True)
    for taken in (destination, manifest_path(destination)):
        if taken.exists() or taken.is_symlink():
            raise BackupExistsError(_("{path} already exists; a backup never replaces a file.")
                                    .format(path=taken))
    partial = _temporary(folder, destination.name)
    manifest_partial: Path | None = None
    try:
        try:
            src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, isolation_level=None)
            src.execute("BEGIN")  # one read snapshot for the counts and the copy (WAL)
            counts = _counts(src)
            revision = _revision(src)
            head = _audit_head(src)
        except sqlite3.DatabaseError as error:
            with contextlib.suppress(NameError):
                src.close()
            raise BackupError(_("cannot read {path}: {reason}").format(
                path=source, reason=error)) from error
        try:
            dst = sqlite3.connect(partial, isolation_level=None)
            try:
                src.backup(dst)  # all pages in one step, from the snapshot
                dst.execute("PRAGMA journal_mode=DELETE")
                integrity = dst.execute("PRAGMA integrity_check").fetchone()[0]
                copy_counts = _counts(dst)
                copy_revision = _revision(dst)
            finally:
                dst.close()
            src.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            if getattr(error, "sqlite_errorcode", 0) & 0xFF in _WRITE_ERRORS:
                raise BackupError(_("cannot write {path}: {reason}").format(
                    path=folder, reason=error)) from error
            raise BackupError(_("cannot read {path}: {reason}").format(
                path=source, reason=error)) from error
        finally:
            src.close()
        problems = []
        if integrity != "ok":
            problems.append(f"integrity check: {integrity}")
        if copy_counts != counts:
            problems.append("row counts differ from the source")
        if copy_revision != revision:
            problems.append("schema revision differs from the source")
        if problems:
            raise BackupError("; ".join(problems))
        manifest = BackupManifest(
            path=str(destination), kind=kind, created_at=dt.datetime.now(dt.UTC).isoformat(),
            source=str(source), schema_revision=revision, counts=counts,
            size=partial.stat().st_size, sha256=file_sha256(partial),
            seconds=round(time.perf_counter() - started, 3), integrity=integrity,
            audit_head=head)
        manifest_partial = _temporary(folder, manifest_path(destination).name)
        manifest_partial.write_text(json.dumps(asdict(manifest), ensure_ascii=False, indent=1),
                                    encoding="utf-8")
        _publish(manifest_partial, manifest_path(destination))
        manifest_partial = None
        try:
            _publish(partial, destination)
        except BaseException:
            manifest_path(destination).unlink(missing_ok=True)  # ours: published just above
            raise
        return manifest
    finally:
        for suffix in ("", "-journal", "-wal", "-shm"):  # our temporary name: ours to remove
            partial.with_name(partial.name + suffix).unlink(missing_ok=True)
        if manifest_partial is not None:
            manifest_partial.unlink(missing_ok=True)


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + MANIFEST_SUFFIX)


def read_manifest(backup: Path) -> BackupManifest | None:
    try:
        data = json.loads(manifest_path(backup).read_text(encoding="utf-8"))
        return BackupManifest(**data)
    except (OSError, ValueError, TypeError):
        return None


def good_backups(folder: Path) -> list[BackupManifest]:
    """Backups whose manifest says they were checked, newest first (files not re-hashed here)."""
    found = []
    for path in folder.glob("*.sqlite3") if folder.is_dir() else ():
        manifest = read_manifest(path)
        if manifest is not None and manifest.integrity == "ok":
            manifest.path = str(path)
            found.append(manifest)
    return sorted(found, key=lambda m: m.created_at, reverse=True)


def verify_backup_file(path: Path) -> tuple[bool, str]:
    """Re-check a backup before restoring it: manifest hash (if any) and integrity."""
    manifest = read_manifest(path)
    if manifest is not None and manifest.sha256 and file_sha256(path) != manifest.sha256:
        return False, "the file changed since it was made (SHA-256 differs from its manifest)"
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        return False, str(error)
    return (result == "ok"), result


def quick_check(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return conn.execute("PRAGMA quick_check").fetchone()[0]


def to_keep(stamps: list[dt.datetime], *, daily: int, weekly: int, monthly: int) -> set[dt.datetime]:
    """Grandfather-father-son: the newest backup of each of the last `daily` days that have one,
    of the last `weekly` ISO weeks, and of the last `monthly` months."""
    keep: set[dt.datetime] = set()
    ordered = sorted(stamps, reverse=True)
    for count, key in ((daily, lambda t: t.date()),
                       (weekly, lambda t: t.isocalendar()[:2]),
                       (monthly, lambda t: (t.year, t.month))):
        seen: list[object] = []
        for stamp in ordered:
            k = key(stamp)
            if k in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(k)
            keep.add(stamp)
    return keep


def rotate(folder: Path, kind: str, *, daily: int, weekly: int, monthly: int) -> list[Path]:
    """Delete the `kind` backups that rotation does not keep. Returns the removed files."""
    by_stamp: dict[dt.datetime, list[Path]] = {}
    for path in folder.glob(f"{kind}-*.sqlite3"):
        match = NAME_RE.match(path.name)
        if not match or match["kind"] != kind:
            continue
        stamp = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        by_stamp.setdefault(stamp, []).append(path)
    keep = to_keep(list(by_stamp), daily=daily, weekly=weekly, monthly=monthly)
    removed = []
    for stamp, paths in by_stamp.items():
        if stamp in keep:
            continue
        for path in paths:
            path.unlink(missing_ok=True)
            manifest_path(path).unlink(missing_ok=True)
            removed.append(path)
    return removed
