"""Online backups: consistent while others write, checked before they count, rotated."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path

import pytest

from sotttt_desktop.core.backup import (
    BackupError,
    good_backups,
    make_backup,
    read_manifest,
    rotate,
    to_keep,
    verify_backup_file,
)


def _db(path: Path, rows: int = 100) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
        conn.execute("INSERT INTO alembic_version VALUES ('0003')")
        conn.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)")
        conn.executemany("INSERT INTO item (name) VALUES (?)", [(f"Mục {i}",) for i in range(rows)])
    return path


def test_backup_is_checked_and_described_by_its_manifest(tmp_path: Path) -> None:
    source = _db(tmp_path / "live.sqlite3")
    manifest = make_backup(source, tmp_path / "b" / "manual-20240101-120000.sqlite3", "manual")
    assert manifest.integrity == "ok"
    assert manifest.counts == {"alembic_version": 1, "item": 100}
    assert manifest.schema_revision == "0003"
    assert read_manifest(Path(manifest.path)).sha256 == manifest.sha256
    assert [m.path for m in good_backups(tmp_path / "b")] == [manifest.path]
    assert not list((tmp_path / "b").glob("*.partial"))


def test_backup_while_another_connection_writes_is_a_consistent_snapshot(tmp_path: Path
                                                                         ) -> None:
    source = _db(tmp_path / "live.sqlite3", rows=20_000)
    stop = threading.Event()

    def keep_writing() -> None:
        conn = sqlite3.connect(source, isolation_level=None)
        while not stop.is_set():
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO item (name) VALUES ('thêm')")
            conn.execute("INSERT INTO item (name) VALUES ('thêm nữa')")
            conn.execute("COMMIT")
        conn.close()

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        manifests = [make_backup(source, tmp_path / "b" / f"auto-2024010{i}-000000.sqlite3",
                                 "auto") for i in range(1, 4)]
    finally:
        stop.set()
        writer.join()
    for manifest in manifests:
        assert manifest.counts["item"] % 2 == 0  # never half of a transaction
        with sqlite3.connect(manifest.path) as copy:
            assert copy.execute("SELECT count(*) FROM item").fetchone()[0] == \
                manifest.counts["item"]


def test_a_changed_backup_file_is_no_longer_trusted(tmp_path: Path) -> None:
    source = _db(tmp_path / "live.sqlite3")
    manifest = make_backup(source, tmp_path / "manual-20240101-120000.sqlite3", "manual")
    data = bytearray(Path(manifest.path).read_bytes())
    data[-100] ^= 0xFF
    Path(manifest.path).write_bytes(bytes(data))
    ok, reason = verify_backup_file(Path(manifest.path))
    assert not ok and "SHA-256" in reason


def test_an_unreadable_source_makes_no_backup(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"not a database at all" * 100)
    with pytest.raises(BackupError):
        make_backup(bogus, tmp_path / "b" / "manual-20240101-120000.sqlite3", "manual")
    assert not list((tmp_path / "b").glob("*"))


def _stamps(*texts: str) -> list[dt.datetime]:
    return [dt.datetime.fromisoformat(t) for t in texts]


def test_rotation_keeps_newest_of_each_day_week_and_month() -> None:
    stamps = [dt.datetime(2024, 1, 1) + dt.timedelta(hours=12 * i) for i in range(200)]
    keep = to_keep(stamps, daily=7, weekly=4, monthly=12)
    days = sorted({s.date() for s in keep}, reverse=True)
    newest = max(stamps)
    assert newest in keep
    assert days[:7] == [newest.date() - dt.timedelta(days=i) for i in range(7)]
    months = {(s.year, s.month) for s in keep}
    assert months == {(s.year, s.month) for s in stamps}  # fewer than 12 months: one each
    assert len(keep) <= 7 + 4 + 12
    # within a day only the newest survives
    assert dt.datetime(2024, 4, 18, 0, 0) not in keep or dt.datetime(2024, 4, 18, 12) not in keep


def test_rotate_deletes_files_and_manifests_not_kept(tmp_path: Path) -> None:
    for day in range(1, 21):
        name = tmp_path / f"auto-202403{day:02d}-010000.sqlite3"
        name.write_bytes(b"x")
        (tmp_path / (name.name + ".json")).write_text("{}")
    (tmp_path / "manual-20240301-010000.sqlite3").write_bytes(b"m")
    removed = rotate(tmp_path, "auto", daily=7, weekly=2, monthly=1)
    left = sorted(p.name for p in tmp_path.glob("auto-*.sqlite3"))
    assert len(left) == 20 - len(removed) and len(left) <= 10
    assert "auto-20240320-010000.sqlite3" in left
    assert (tmp_path / "manual-20240301-010000.sqlite3").exists()  # other kinds untouched
    assert all(not (tmp_path / (p.name + ".json")).exists() for p in removed)
