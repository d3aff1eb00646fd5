"""Checks on where a SQLite file lives, before SQLite touches it.

A database on a network share is refused (WAL needs shared memory that network file systems do
not provide), and so is a file that is not SQLite or that cannot be written.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

from sotttt_desktop.errors import DatabaseError
from sotttt_desktop.i18n import _

SQLITE_HEADER = b"SQLite format 3\x00"
NETWORK_FILESYSTEMS = {
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "9p",
    "fuse.sshfs", "sshfs", "davfs", "fuse.davfs2", "glusterfs", "ceph", "lustre",
}


def is_unc_path(path: str) -> bool:
    return path.startswith(("\\\\", "//")) and not path.startswith(("\\\\?\\", "//?/"))


def _linux_mount_fstype(path: Path) -> str | None:
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    best, best_type = "", None
    target = str(path)
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > len(best):
            best, best_type = mount_point, parts[2]
    return best_type


def _windows_is_remote_drive(path: Path) -> bool:
    import ctypes

    drive = os.path.splitdrive(str(path))[0]
    if not drive:
        return False
    drive_remote = 4
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote  # type: ignore[attr-defined]


def is_network_path(path: Path) -> bool:
    if is_unc_path(str(path)):
        return True
    existing = path
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    resolved = existing.resolve()
    if is_unc_path(str(resolved)):
        return True
    if sys.platform == "win32":
        return _windows_is_remote_drive(resolved)
    fstype = _linux_mount_fstype(resolved)
    return fstype is not None and fstype.lower() in NETWORK_FILESYSTEMS


def is_sqlite_file(path: Path) -> bool:
    """Is `path` a SQLite database? Asked through SQLite itself, read-only.

    Never open a database file with a plain file descriptor in a process that may hold SQLite
    connections to it: closing that descriptor releases every POSIX lock the process holds on the
    file, SQLite's included, and another process may then reset the WAL under a live connection
    (found by tests/crash/test_kill_writes.py; "How To Corrupt An SQLite Database File" §2.2).
    """
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def check_sqlite_location(path: Path, *, create: bool) -> bool:
    """Raise DatabaseError with a clear message if `path` cannot safely hold the database.

    Returns True when the file already exists with content, False when it will be created.
    """
    if is_network_path(path):
        raise DatabaseError(
            _(
                "The database {path} is on a network drive. The database file must be on this "
                "computer's own disk; several desks share data through a PostgreSQL server instead."
            ).format(path=path)
        )
    if path.exists():
        if not path.is_file():
            raise DatabaseError(_("{path} is not a file.").format(path=path))
        if not os.access(path, os.R_OK | os.W_OK):
            raise DatabaseError(
                _("The database file {path} is read-only. Ask the administrator for write access.")
                .format(path=path)
            )
        if not os.access(path.parent, os.W_OK | os.X_OK):
            raise DatabaseError(
                _("The folder {folder} is read-only; the database needs to write its journal there.")
                .format(folder=path.parent)
            )
        if path.stat().st_size == 0:
            return False
        if not is_sqlite_file(path):
            raise DatabaseError(
                _("{path} is not a database of this application (not a SQLite file, or damaged).")
                .format(path=path)
            )
        return True
    if not create:
        raise DatabaseError(
            _("There is no database at {path}. Create one with: sotttt-desktop init").format(path=path)
        )
    folder = path.parent
    probe = folder
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    if not os.access(probe, os.W_OK | os.X_OK):
        raise DatabaseError(
            _("Cannot create the database in {folder}: the folder is read-only.").format(folder=folder)
        )
    return False


# --- reading a file without writing it, and the "damaged file" gate ----------------------------


def read_only_uri(path: Path) -> str:
    """A SQLite URI that opens `path` without writing anything. On a read-only medium (the file
    or its folder cannot be written, so SQLite could not make its -shm file) the file is opened
    as immutable."""
    from urllib.parse import quote

    resolved = path.resolve()
    writable = os.access(resolved, os.W_OK) and os.access(resolved.parent, os.W_OK | os.X_OK)
    return f"file:{quote(str(resolved))}?mode=ro" + ("" if writable else "&immutable=1")


def file_state(path: Path) -> tuple[int, ...]:
    """What changes when the file (or its WAL) changes: device, inode, size and time."""
    state: list[int] = []
    for part in (path, path.with_name(path.name + "-wal")):
        try:
            stat = part.stat()
        except OSError:
            stat = None
        if stat is None or (part != path and stat.st_size == 0):  # an empty WAL: none
            state += [0, 0, 0, 0]
            continue
        state += [stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns]
    return tuple(state)


def file_problem(path: Path) -> str | None:
    """Why `path` is not a sound database file of this application, or None.

    SQLite's quick_check on a read-only connection, after the checks it does not make itself:
    a missing, special (/dev/null) or empty file, or one without this application's schema
    (quick_check says "ok" for all of these)."""
    if not path.exists():
        return _("there is no file {path}").format(path=path)
    if not path.is_file():
        return _("{path} is not a file").format(path=path)
    if path.stat().st_size == 0:
        return _("the file is empty: it is not a database")
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as error:
        return str(error)
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            return result
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if tables and "alembic_version" not in tables:
            return _("not a database of this application")
        return None
    except sqlite3.DatabaseError as error:
        return str(error)
    finally:
        conn.close()
