"""Copies of a live SQLite database made with SQLite's online backup API (never a file copy)."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from pathlib import Path


def online_backup(source: Path, destination: Path) -> Path:
    """Copy `source` to `destination` consistently while other connections may be writing.

    The copy is checked with `PRAGMA integrity_check` before it is returned.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst, pages=4096)
            dst.execute("PRAGMA journal_mode=DELETE")
            result = dst.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            dst.close()
    finally:
        src.close()
    if result != "ok":
        partial.unlink(missing_ok=True)
        raise RuntimeError(f"backup copy failed its integrity check: {result}")
    partial.replace(destination)
    return destination


def timestamped_name(prefix: str) -> str:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return f"{prefix}-{stamp}.sqlite3"


def quick_check(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return conn.execute("PRAGMA quick_check").fetchone()[0]
