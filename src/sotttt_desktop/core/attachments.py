"""A content-addressed file store: `<root>/<first two hex digits>/<sha256>`.

A file is written to a temporary name, flushed to disk, then renamed: a stored file is always
whole. The same content is stored once. The database row that names a file is written after it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

MAX_BYTES = 100 * 1024 * 1024


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def stored_path(root: Path, sha256: str) -> Path:
    return root / sha256[:2] / sha256


def store(root: Path, source: Path) -> tuple[str, int]:
    """Copy `source` into the store; returns (sha256, size)."""
    sha = sha256_of(source)
    size = source.stat().st_size
    target = stored_path(root, sha)
    if target.exists() and target.stat().st_size == size:
        return sha, size
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with source.open("rb") as src, partial.open("wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
        dst.flush()
        os.fsync(dst.fileno())
    partial.replace(target)
    return sha, size
