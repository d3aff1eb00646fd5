"""Opening the database: safe SQLite settings, the schema gate, and refusals that change nothing."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from sotttt_desktop.core.db import Database
from sotttt_desktop.core.instance_lock import InstanceLock
from sotttt_desktop.core.schema import head_revision
from sotttt_desktop.core.storage import is_network_path, is_unc_path
from sotttt_desktop.errors import DatabaseError
from sotttt_desktop.settings import resolve_database, sqlite_location


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_sqlite_connections_use_wal_full_sync_foreign_keys_and_busy_timeout(db_path: Path) -> None:
    database = Database.open(sqlite_location(db_path))
    with database.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
    database.close()


def test_new_database_is_created_at_the_newest_revision(tmp_path: Path) -> None:
    database = Database.open(sqlite_location(tmp_path / "new" / "x.sqlite3"), create=True)
    assert database.schema_revision() == head_revision()
    assert "party" in database.table_names()
    database.close()


def test_missing_database_is_not_created_without_create(tmp_path: Path) -> None:
    path = tmp_path / "absent.sqlite3"
    with pytest.raises(DatabaseError, match="sotttt-desktop init"):
        Database.open(sqlite_location(path))
    assert not path.exists()


def test_database_from_a_newer_version_is_refused_and_left_unchanged(db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = _digest(db_path)
    with pytest.raises(DatabaseError, match="phiên bản mới hơn"):
        Database.open(sqlite_location(db_path))
    assert _digest(db_path) == before


def test_a_text_file_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("đây không phải cơ sở dữ liệu\n" * 50, encoding="utf-8")
    before = _digest(path)
    with pytest.raises(DatabaseError, match="không phải cơ sở dữ liệu"):
        Database.open(sqlite_location(path), create=True)
    assert _digest(path) == before


def test_a_damaged_sqlite_file_is_refused_and_left_unchanged(db_path: Path) -> None:
    data = bytearray(db_path.read_bytes())
    for offset in range(100, len(data), 7):  # keep the header, wreck the pages
        data[offset] ^= 0x5A
    db_path.write_bytes(bytes(data))
    before = _digest(db_path)
    with pytest.raises(DatabaseError):
        Database.open(sqlite_location(db_path))
    assert _digest(db_path) == before


def test_a_database_of_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(DatabaseError, match="chương trình khác"):
        Database.open(sqlite_location(path), create=True)
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"invoices"}


def test_unc_and_network_paths_are_refused() -> None:
    assert is_unc_path("\\\\server\\share\\sotttt.sqlite3")
    assert is_unc_path("//server/share/sotttt.sqlite3")
    assert not is_unc_path("C:\\Users\\clerk\\sotttt.sqlite3")
    assert is_network_path(Path("//server/share/sotttt.sqlite3"))
    with pytest.raises(DatabaseError, match="ổ đĩa mạng"):
        Database.open(sqlite_location(Path("//server/share/sotttt.sqlite3")), create=True)


def test_local_temp_folder_is_not_a_network_path(tmp_path: Path) -> None:
    assert not is_network_path(tmp_path / "x.sqlite3")


def _run_as_unprivileged(code: str) -> subprocess.CompletedProcess[str]:
    """Run Python without the power to ignore file permissions (CI and this machine run as root:
    drop the capabilities that let root write into read-only folders)."""
    command = [sys.executable, "-c", code]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: cannot drop the override capability")
        command = [setpriv, "--bounding-set=-dac_override,-dac_read_search", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def _open_without_privileges(path: Path, *, create: bool) -> subprocess.CompletedProcess[str]:
    """Database.open(path) in a process that cannot override file permissions."""
    code = (
        "from pathlib import Path\n"
        "from sotttt_desktop.i18n import set_language; set_language('vi')\n"
        "from sotttt_desktop.core.db import Database\n"
        "from sotttt_desktop.errors import DatabaseError\n"
        "from sotttt_desktop.settings import sqlite_location\n"
        "try:\n"
        f"    Database.open(sqlite_location(Path({str(path)!r})), create={create})\n"
        "except DatabaseError as e:\n"
        "    print('REFUSED', e)\n"
    )
    return _run_as_unprivileged(code)


def test_read_only_folder_gives_a_clear_message_and_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    os.chmod(tmp_path, 0o755)
    os.chmod(folder, 0o555)
    result = _open_without_privileges(folder / "x.sqlite3", create=True)
    assert "REFUSED" in result.stdout, result.stderr
    assert "chỉ cho phép đọc" in result.stdout
    assert list(folder.iterdir()) == []


def test_read_only_database_file_gives_a_clear_message(db_path: Path) -> None:
    os.chmod(db_path.parent, 0o777)
    os.chmod(db_path, 0o444)
    result = _open_without_privileges(db_path, create=False)
    assert "REFUSED" in result.stdout, result.stderr
    assert "chỉ cho phép đọc" in result.stdout


def test_second_window_on_the_same_file_is_refused(db_path: Path) -> None:
    first = InstanceLock(db_path)
    first.acquire()
    try:
        with pytest.raises(DatabaseError, match="đang được mở"):
            InstanceLock(db_path).acquire()
    finally:
        first.release()
    with InstanceLock(db_path):
        pass  # released locks can be taken again


def test_resolution_order_of_database_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                              ) -> None:
    monkeypatch.setenv("SOTTTT_DB", str(tmp_path / "env.sqlite3"))
    assert resolve_database().path == tmp_path / "env.sqlite3"
    assert resolve_database(str(tmp_path / "opt.sqlite3")).path == tmp_path / "opt.sqlite3"
    server = resolve_database(None, "postgresql+psycopg://app:secret@127.0.0.1/appdb")
    assert server.path is None and "secret" not in server.display()
    monkeypatch.delenv("SOTTTT_DB")
    assert resolve_database().path.name == "sotttt.sqlite3"
