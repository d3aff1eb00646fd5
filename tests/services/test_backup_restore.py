"""Backup, restore and checks through the services and the CLI; disk full; damaged files."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event

from sotttt_desktop.cli.main import main
from sotttt_desktop.errors import DatabaseError, PermissionDeniedError, ValidationError
from sotttt_desktop.services import Services
from sotttt_desktop.services.backup import (
    check_database,
    check_file,
    newest_good_backup,
    restore_database,
)
from sotttt_desktop.services.setup import open_services
from sotttt_desktop.settings import sqlite_location
from tests.conftest import TEST_ACTOR, TEST_PASSWORD


@pytest.fixture
def live(db_path: Path) -> Services:
    svc = open_services(sqlite_location(db_path), actor=TEST_ACTOR)
    yield svc
    svc.db.close()


def test_manual_backup_is_for_administrators_automatic_for_all(live: Services) -> None:
    live.security.add_user("mot.cua", "Một Cửa", "mat-khau-1", ["one_stop_clerk"],
                           must_change=False)
    clerk = live.as_actor(live.security.login("mot.cua", "mat-khau-1"))
    with pytest.raises(PermissionDeniedError):
        clerk.backups.backup()
    manifest = clerk.backups.backup(kind="auto")
    assert manifest.integrity == "ok" and Path(manifest.path).parent == live.backups.folder()
    assert not live.backups.due()


def test_restore_keeps_the_current_file_and_marks_the_copy(live: Services, db_path: Path
                                                           ) -> None:
    live.parties.add(kind="org", name="Công ty Trước Sao Lưu")
    manifest = live.backups.backup()
    live.parties.add(kind="org", name="Công ty Sau Sao Lưu")
    live.db.close()
    result = restore_database(live.db.location, Path(manifest.path), username="admin")
    aside = Path(result["set_aside"])
    assert aside.exists() and aside != db_path
    with sqlite3.connect(aside) as old:  # the replaced database is intact, untouched
        names = {r[0] for r in old.execute("SELECT name FROM party")}
    assert "Công ty Sau Sao Lưu" in names
    restored = open_services(sqlite_location(db_path), actor=TEST_ACTOR)
    try:
        names = [p["name"] for p in restored.parties.list()]
        assert names == ["Công ty Trước Sao Lưu"]
        marker = restored.backups.restored_from()
        assert marker["restored_from"] == manifest.path
        assert restored.audit.entries()[0]["action"] == "restore"
        assert restored.audit.verify().ok
        restored.backups.acknowledge_restore()
        assert restored.backups.restored_from() is None
    finally:
        restored.db.close()


def test_restore_refuses_what_is_not_a_good_backup(live: Services, tmp_path: Path) -> None:
    text = tmp_path / "ghi-chu.sqlite3"
    text.write_text("không phải sao lưu")
    with pytest.raises(ValidationError, match="không phải bản sao lưu"):
        restore_database(live.db.location, text, username="admin")
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE x (y)")
    with pytest.raises(ValidationError):
        restore_database(live.db.location, other, username="admin")
    newer = Path(live.backups.backup().path)
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    (newer.parent / (newer.name + ".json")).unlink()
    with pytest.raises(ValidationError, match="mới hơn"):
        restore_database(live.db.location, newer, username="admin")
    assert live.parties.list() == []  # the database was not replaced


def test_full_check_finds_inconsistent_counts(live: Services, db_path: Path) -> None:
    live.parties.add(kind="org", name="Công ty Kiểm Tra")
    assert check_database(live, full=True).ok
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE row_count SET n = n + 5")
    report = check_database(live, full=True)
    assert not report.ok
    assert [c["check"] for c in report.checks if not c["ok"]] == ["row_counts"]


def _wreck_btree_pages(path: Path) -> None:
    """Flip bytes in the b-tree page headers of several pages: the kind of damage a bad
    sector or an interrupted copy from a USB stick leaves."""
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(2, min(len(data) // page_size, 40)):
        data[page * page_size + 3] ^= 0xFF  # number of cells
    path.write_bytes(bytes(data))


def test_a_byte_flipped_copy_is_found_at_start_up_and_the_newest_good_backup_restores(
        live: Services, db_path: Path) -> None:
    for i in range(30):
        live.parties.add(kind="org", name=f"Công ty Số {i}", district_code="724")
    good = live.backups.backup(kind="auto")
    live.db.close()
    _wreck_btree_pages(db_path)
    report = check_file(db_path)
    assert not report.ok
    with pytest.raises(DatabaseError):  # opening it for work does not crash, it refuses
        broken = open_services(sqlite_location(db_path), actor=TEST_ACTOR)
        broken.parties.list(limit=1000)
    newest = newest_good_backup(live.db.location)
    assert newest is not None and newest.path == good.path
    result = restore_database(live.db.location, Path(newest.path), username="system")
    assert Path(result["set_aside"]).exists()  # the damaged file is kept for investigation
    assert check_file(db_path).ok
    restored = open_services(sqlite_location(db_path), actor=TEST_ACTOR)
    assert len(restored.parties.list(limit=100)) == 30
    restored.db.close()


def test_disk_full_gives_a_clear_message_and_keeps_what_was_saved(live: Services) -> None:
    live.parties.add(kind="org", name="Công ty Đã Lưu")

    @event.listens_for(live.db.engine, "connect")
    def _small_disk(dbapi_connection, _record) -> None:  # noqa: ANN001
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")

    live.db.engine.dispose()  # new connections get the small "disk"
    with pytest.raises(DatabaseError, match="đầy"):
        for i in range(2000):
            live.parties.add(kind="org", name=f"Công ty Lấp Đầy Ổ Đĩa {i} " + "x" * 200,
                             address="y" * 380)
    event.remove(live.db.engine, "connect", _small_disk)
    live.db.engine.dispose()
    names = {p["name"] for p in live.parties.list(limit=5000)}
    assert "Công ty Đã Lưu" in names
    assert check_database(live, full=True).ok  # nothing half-written


def test_cli_backup_check_restore(capsys: pytest.CaptureFixture[str], db_path: Path,
                                  tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOTTTT_USER", "admin")
    monkeypatch.setenv("SOTTTT_PASSWORD", TEST_PASSWORD)
    db = str(db_path)
    out_file = tmp_path / "ra-ngoai.sqlite3"
    assert main(["--db", db, "backup", "--out", str(out_file), "--json"]) == 0
    manifest = json.loads(capsys.readouterr().out)
    assert manifest["path"] == str(out_file) and manifest["integrity"] == "ok"
    assert main(["--db", db, "check", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    assert main(["--db", db, "party", "add", "--kind", "org", "--name", "Sau"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "restore", str(out_file), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert Path(result["set_aside"]).exists()
    assert main(["--db", db, "party", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    monkeypatch.setenv("SOTTTT_PASSWORD", "sai")
    assert main(["--db", db, "restore", str(out_file)]) == 7  # log-in refused


def test_cli_check_reports_a_damaged_file(capsys: pytest.CaptureFixture[str], db_path: Path
                                          ) -> None:
    _wreck_btree_pages(db_path)
    code = main(["--db", str(db_path), "check", "--quick"])
    _out, err = capsys.readouterr()
    assert code == 9 and "sao lưu" in err
