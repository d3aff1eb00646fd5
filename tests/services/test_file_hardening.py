"""Issue #22, the file part: a damaged, incomplete or foreign file is never written to; restore
checks a candidate before it replaces anything; backups never overwrite; the audit chain is
anchored outside the file; database errors are one line without SQL. Real files, real commands."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy import exc as sa_exc

from sotttt_desktop.cli.main import database_failure, main
from sotttt_desktop.core import audit
from sotttt_desktop.core.backup import read_manifest
from sotttt_desktop.core.storage import file_state
from sotttt_desktop.settings import cache_dir, config_dir
from tests.conftest import TEST_PASSWORD, _pg_url


@pytest.fixture(autouse=True)
def admin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOTTTT_USER", "admin")
    monkeypatch.setenv("SOTTTT_PASSWORD", TEST_PASSWORD)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage_an_index(path: Path) -> None:
    """Overwrite the page type of the party table's first index page: quick_check fails."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE tbl_name = 'party' AND "
                            "type = 'index' ORDER BY rootpage LIMIT 1").fetchone()[0]
    with path.open("r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\x07\xff\xff\xff")


WRITES = [
    ["party", "add", "--kind", "org", "--name", "Công ty Ghi Đè"],
    ["init"],
    ["backup"],
    ["users", "add", "nguoi.moi", "--role", "viewer"],
]


# --- class 4 and 26: the gate before any write -----------------------------------------------


def test_a_damaged_file_is_refused_by_every_command_and_left_unchanged(
        capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    assert main(["--db", str(db_path), "party", "add", "--kind", "org",
                 "--name", "Công ty Trước Hỏng"]) == 0
    damage_an_index(db_path)
    before = sha(db_path)
    code, out, err = run(capsys, "--db", str(db_path), "check", "--quick")
    assert code == 9 and "✘ quick_check" in out
    for argv in [*WRITES, ["info"], ["party", "list"]]:
        code, out, err = run(capsys, "--db", str(db_path), *argv)
        assert code == 3, (argv, code, err)
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
        assert "sotttt-desktop restore" in err, err
        assert sha(db_path) == before, argv  # nothing, not even WAL or ANALYZE, was written
    assert not db_path.with_name(db_path.name + "-wal").exists()


def test_the_check_is_paid_once_per_state_of_the_file(db_path: Path) -> None:
    assert main(["--db", str(db_path), "party", "add", "--kind", "org",
                 "--name", "Công ty Ghi Nhớ"]) == 0
    saved = json.loads((cache_dir() / "checked-files.json").read_text(encoding="utf-8"))
    assert tuple(saved[str(db_path.resolve())]) == file_state(db_path)
    damage_an_index(db_path)  # the state changes: checked again, and refused
    assert main(["--db", str(db_path), "info"]) == 3


@pytest.mark.parametrize("content", [b"", b"hello, not a database\n", None])
def test_check_says_what_is_wrong_with_a_file_that_is_not_a_database(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes | None) -> None:
    path = Path("/dev/null") if content is None else tmp_path / "x.sqlite3"
    if content is not None:
        path.write_bytes(content)
    for quick in ([], ["--quick"]):
        code, out, err = run(capsys, "--db", str(path), "check", *quick)
        assert code == 9 and "✘" in out and "✔" not in out, (out, err)
    code, _out, err = run(capsys, "--db", str(path), "info")
    assert code == 3 and len(err.strip().splitlines()) == 1
    if content is not None:
        assert path.read_bytes() == content  # a read-only command created no schema


def test_check_works_on_a_database_that_cannot_be_opened_normally(
        capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    with closing(sqlite3.connect(db_path)) as conn:  # an incomplete schema
        conn.execute("DROP TABLE app_state")
    code, out, _err = run(capsys, "--db", str(db_path), "check")
    assert code == 9 and "✘ schema" in out and "app_state" in out


# --- class 1: restore through a checked candidate ----------------------------------------------


def _incomplete_backup(path: Path, revision: str = "0012") -> Path:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
        conn.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
        conn.execute("CREATE TABLE party (id INTEGER)")
        conn.commit()
    return path


def test_an_incomplete_backup_is_refused_and_the_live_database_stays(
        capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path) -> None:
    inode = db_path.stat().st_ino
    backup = _incomplete_backup(tmp_path / "incomplete.sqlite3")
    code, _out, err = run(capsys, "--db", str(db_path), "restore", str(backup))
    assert code == 2 and len(err.strip().splitlines()) == 1, err
    assert db_path.stat().st_ino == inode and not list(tmp_path.glob("*.replaced-*"))
    assert sorted(p.name for p in tmp_path.iterdir() if "restoring" in p.name) == []
    assert main(["--db", str(db_path), "check"]) == 0
    assert main(["--db", str(db_path), "party", "add", "--kind", "org",
                 "--name", "Công ty Vẫn Làm Việc"]) == 0


def test_revision_0000_is_not_called_newer(capsys: pytest.CaptureFixture[str], db_path: Path,
                                           tmp_path: Path) -> None:
    backup = _incomplete_backup(tmp_path / "old.sqlite3", revision="0000")
    code, _out, err = run(capsys, "--db", str(db_path), "restore", str(backup))
    assert code == 2 and "0000" in err and "mới hơn" not in err


def test_restore_repairs_a_damaged_database_without_signing_in(
        capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path) -> None:
    assert main(["--db", str(db_path), "backup", "--out", str(tmp_path / "good.sqlite3")]) == 0
    damage_an_index(db_path)
    damaged = sha(db_path)
    code, _out, err = run(capsys, "--db", str(db_path), "restore", str(tmp_path / "good.sqlite3"))
    assert code == 0, err
    aside = next(tmp_path.glob("sotttt.replaced-*.sqlite3"))
    assert sha(aside) == damaged  # the evidence is kept
    assert main(["--db", str(db_path), "check"]) == 0


def test_restore_without_a_manifest_warns(capsys: pytest.CaptureFixture[str], db_path: Path,
                                          tmp_path: Path) -> None:
    backup = tmp_path / "bare.sqlite3"
    assert main(["--db", str(db_path), "backup", "--out", str(backup)]) == 0
    Path(str(backup) + ".json").unlink()
    code, _out, err = run(capsys, "--db", str(db_path), "restore", str(backup))
    assert code == 0 and "không có tệp mô tả" in err


# --- class 5: backup --out ---------------------------------------------------------------------


def test_backup_out_never_replaces_removes_or_renames(capsys: pytest.CaptureFixture[str],
                                                      db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "taken.sqlite3").write_text("someone's file")
    (folder / "named.db.json").write_text("someone's manifest")
    (folder / "new.db.partial").write_text("someone's partial")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    for out in ("taken.sqlite3", "named.db", "missing/x.sqlite3"):
        code, _out, err = run(capsys, "--db", str(db_path), "backup", "--out", str(folder / out))
        assert code == 2 and len(err.strip().splitlines()) == 1, (out, err)
    for out in ("/dev/x.sqlite3", "/dev/null", "/proc/x.sqlite3"):
        code, _out, err = run(capsys, "--db", str(db_path), "backup", "--out", out)
        assert code == 2, (out, err)
    assert not Path("/dev/x.sqlite3").exists()
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert main(["--db", str(db_path), "backup", "--out", str(folder / "new.db")]) == 0
    assert read_manifest(folder / "new.db").integrity == "ok"  # the name given, exactly
    assert (folder / "new.db.partial").read_text() == "someone's partial"
    assert main(["--db", str(db_path), "backup", "--out", str(folder)]) == 0  # inside it
    made = [p for p in folder.glob("manual-*.sqlite3")]
    assert len(made) == 1 and read_manifest(made[0]).integrity == "ok"
    assert not list(tmp_path.glob("out-*"))


def test_a_killed_backup_leaves_no_final_file_without_manifest(demo_db_path: Path,
                                                               tmp_path: Path) -> None:
    folder = tmp_path / "kills"
    folder.mkdir()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    for n in range(12):
        child = subprocess.Popen(
            [sys.executable, "-m", "sotttt_desktop", "--db", str(demo_db_path), "backup",
             "--out", str(folder / f"b{n}.sqlite3")], env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.5 + 0.05 * n)
        child.send_signal(signal.SIGKILL)
        child.wait()
    for path in folder.glob("*.sqlite3"):
        manifest = read_manifest(path)
        assert manifest is not None and manifest.sha256 == sha(path), path


def test_a_full_destination_is_named_as_such_not_the_source(capsys: pytest.CaptureFixture[str],
                                                             demo_db_path: Path,
                                                             tmp_path: Path) -> None:
    tiny = tmp_path / "tiny"
    tiny.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(tiny)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("a small file system needs mount (root)")
    try:
        code, _out, err = run(capsys, "--db", str(demo_db_path), "backup", "--out",
                              str(tiny / "b.sqlite3"))
        assert code == 3 and str(tiny) in err and "không ghi được" in err, err
        assert "không đọc được" not in err
        assert list(tiny.iterdir()) == []  # nothing half-written left behind
    finally:
        subprocess.run(["umount", str(tiny)], check=True)


# --- class 10: the audit chain anchored outside the file ----------------------------------------


def _rewrite_chain(path: Path, change: str) -> None:
    """What someone who can edit the file does: change the trail, recompute every hash."""
    with closing(sqlite3.connect(path)) as conn:
        triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                "AND tbl_name = 'audit_entry'").fetchall()
        for name, _sql in triggers:
            conn.execute(f'DROP TRIGGER "{name}"')
        conn.execute(change)
        previous, last = audit.GENESIS_HASH, 0
        rows = conn.execute("SELECT id, at, username, action, entity_kind, entity_id, summary, "
                            "before, after FROM audit_entry ORDER BY id").fetchall()
        for row in rows:
            at = dt.datetime.fromisoformat(row[1]).replace(tzinfo=dt.UTC)
            digest = audit.entry_hash(previous, at, *row[2:])
            conn.execute("UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE id = ?",
                         (previous, digest, row[0]))
            previous, last = digest, row[0]
        conn.execute("UPDATE audit_head SET last_id = ?, last_hash = ?", (last, previous))
        for _name, sql in triggers:  # and the guards put back: the file looks untouched
            conn.execute(sql)
        conn.commit()


@pytest.mark.parametrize("change", [
    "UPDATE audit_entry SET summary = 'sửa' WHERE id = (SELECT min(id) FROM audit_entry)",
    "DELETE FROM audit_entry WHERE id > (SELECT min(id) FROM audit_entry)",
    "DELETE FROM audit_entry",
])
def test_a_recomputed_trail_is_caught_by_the_seal(capsys: pytest.CaptureFixture[str],
                                                  db_path: Path, change: str) -> None:
    assert run(capsys, "--db", str(db_path), "party", "add", "--kind", "org",
               "--name", "Công ty Niêm Phong")[0] == 0
    code, out, _err = run(capsys, "--db", str(db_path), "audit", "verify")
    assert code == 0 and out.count("\n") == 1  # sealed here: no "could not be checked" line
    key = config_dir() / audit.KEY_FILE
    assert key.stat().st_mode & 0o777 == 0o600
    _rewrite_chain(db_path, change)
    code, _out, err = run(capsys, "--db", str(db_path), "audit", "verify")
    assert code == 8 and len(err.strip().splitlines()) == 1, err


def test_without_this_computers_key_the_seal_is_not_checked_nor_called_forged(
        capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(capsys, "--db", str(db_path), "party", "add", "--kind", "org",
               "--name", "Công ty Máy Khác")[0] == 0
    monkeypatch.setenv("SOTTTT_CONFIG_DIR", str(tmp_path / "another-computer"))
    code, out, err = run(capsys, "--db", str(db_path), "--json", "audit", "verify")
    report = json.loads(out)
    assert code == 0 and report["ok"] and report["sealed"] is None, err


def test_an_empty_trail_on_a_database_with_records_is_flagged(
        capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["--db", str(db_path), "party", "add", "--kind", "org",
                 "--name", "Công ty Trống"]) == 0
    _rewrite_chain(db_path, "DELETE FROM audit_entry")
    monkeypatch.setenv("SOTTTT_CONFIG_DIR", str(tmp_path / "another-computer"))  # no seal
    code, _out, err = run(capsys, "--db", str(db_path), "audit", "verify")
    assert code == 8 and "trống" in err, err


def test_backup_manifest_records_the_chain_head_and_restore_checks_it(
        capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path) -> None:
    backup = tmp_path / "head.sqlite3"
    assert main(["--db", str(db_path), "backup", "--out", str(backup)]) == 0
    manifest = read_manifest(backup)
    with closing(sqlite3.connect(db_path)) as conn:
        last_id, last_hash = conn.execute("SELECT last_id, last_hash FROM audit_head").fetchone()
        kept = conn.execute("SELECT hash FROM audit_entry WHERE id = ?",
                            (manifest.audit_head["last_id"],)).fetchone()[0]
    assert manifest.audit_head["last_hash"] == kept and last_id > manifest.audit_head["last_id"]
    assert last_hash
    # the trail of the backup rewritten and its seal removed (as on a computer without this
    # one's key), its manifest's hash recomputed: the manifest's chain head refuses it
    with closing(sqlite3.connect(backup)) as conn:
        conn.execute("DELETE FROM app_state WHERE key LIKE 'audit_seal:%'")
        conn.commit()
    _rewrite_chain(backup, "UPDATE audit_entry SET summary = 'sửa' WHERE id = 1")
    data = json.loads(Path(str(backup) + ".json").read_text(encoding="utf-8"))
    data["sha256"] = sha(backup)
    data["size"] = backup.stat().st_size
    Path(str(backup) + ".json").write_text(json.dumps(data), encoding="utf-8")
    inode = db_path.stat().st_ino
    code, _out, err = run(capsys, "--db", str(db_path), "restore", str(backup))
    assert code == 2 and "khác với nhật ký được ghi nhận" in err, err
    assert db_path.stat().st_ino == inode and not list(tmp_path.glob("*.replaced-*"))


# --- class 20: database errors in one line, without SQL or values ------------------------------


def test_a_database_error_is_one_line_without_sql_or_values(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'e.sqlite3'}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (v TEXT UNIQUE)"))
        conn.execute(text("INSERT INTO t VALUES ('bí-mật-123')"))
    try:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO t VALUES (:v)"), {"v": "bí-mật-123"})
    except sa_exc.IntegrityError as error:
        message = database_failure(error)
    engine.dispose()
    assert message is not None and "\n" not in message
    assert "INSERT" not in message and "bí-mật-123" not in message and "UNIQUE" in message


@pytest.fixture
def empty_pg(pg_admin) -> str:  # noqa: ANN001
    name = "hardening_target"
    with pg_admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield _pg_url(name)
    with pg_admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def test_a_failed_migrate_to_leaves_the_target_empty_and_says_one_line(
        capsys: pytest.CaptureFixture[str], db_path: Path, empty_pg: str) -> None:
    assert main(["--db", str(db_path), "party", "add", "--kind", "org",
                 "--name", "Công ty Có NUL"]) == 0
    with closing(sqlite3.connect(db_path)) as conn:  # SQLite keeps a NUL; PostgreSQL refuses it
        conn.execute("UPDATE party SET address = 'số 1' || char(0) || 'bí-mật' ")
        conn.commit()
    code, _out, err = run(capsys, "--db", str(db_path), "migrate-to", empty_pg)
    assert code == 3, err
    assert "INSERT" not in err and "bí-mật" not in err and "Traceback" not in err
    progress, message = err.rstrip("\n").rsplit("\n", 1)  # the progress line, then one line
    assert "\n" not in progress.strip() and message.startswith("Cơ sở dữ liệu không thực hiện")
    engine = create_engine(empty_pg)
    try:
        with engine.connect() as conn:
            tables = conn.execute(text("SELECT count(*) FROM information_schema.tables WHERE "
                                       "table_schema = current_schema()")).scalar_one()
    finally:
        engine.dispose()
    assert tables == 0  # dropped again: the retry is not refused
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("UPDATE party SET address = 'số 1'")
        conn.commit()
    code, _out, err = run(capsys, "--db", str(db_path), "migrate-to", empty_pg)
    assert code == 0, err
