"""Backup benchmark: time and size of a checked online backup of the `--scale 500` database,
next to a plain file copy of the same file (the floor), and the quick check. Not a test."""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from sotttt_desktop.core.backup import make_backup, quick_check

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=HERE / "out" / "scale500.sqlite3")
    args = parser.parse_args()
    if not args.db.exists():
        raise SystemExit(f"{args.db} missing: run bench/bench_foundation.py first")
    out = Path(tempfile.mkdtemp(prefix="bench-backup-", dir=args.db.parent))
    try:
        started = time.perf_counter()
        shutil.copyfile(args.db, out / "copy.sqlite3")
        copy_s = time.perf_counter() - started
        manifest = make_backup(args.db, out / "auto-20261130-000000.sqlite3", "auto")
        started = time.perf_counter()
        result = quick_check(args.db)
        check_s = time.perf_counter() - started
    finally:
        shutil.rmtree(out)
    size = args.db.stat().st_size
    rows = sum(manifest.counts.values())
    print(f"\nbackup benchmark — {args.db} ({size / 1e6:,.0f} MB, {rows:,} rows)")
    print(f"{'measure':48} {'value':>10}")
    print(f"{'file copy, the floor (s)':48} {copy_s:10.2f}")
    print(f"{'online backup + integrity check + counts (s)':48} {manifest.seconds:10.2f}")
    print(f"{'  ratio to the floor':48} {manifest.seconds / copy_s:10.2f}")
    print(f"{'backup size (MB)':48} {manifest.size / 1e6:10.0f}")
    print(f"{'quick check of the live file (s)':48} {check_s:10.2f}  ({result})")


if __name__ == "__main__":
    main()
