"""The audit chain: an untouched database verifies; one changed byte in the file is found."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError as SADatabaseError

from sotttt_desktop.core import audit
from sotttt_desktop.core.db import Database
from sotttt_desktop.errors import DatabaseError
from sotttt_desktop.services import Services
from sotttt_desktop.services.setup import open_services
from sotttt_desktop.settings import sqlite_location
from tests.conftest import TEST_ACTOR


def _fill(services: Services) -> None:
    for i in range(12):
        services.parties.add(kind="org", name=f"Công ty Kiểm Toán Số {i:02d}",
                             tax_code=f"37100000{i:02d}")


def test_an_untouched_database_verifies(services: Services) -> None:
    _fill(services)
    report = services.audit.verify()
    assert report.ok and report.entries >= 12


def _verify_read_only(path: Path) -> audit.ChainReport:
    """What `audit verify` does; opening the file normally is refused: `check` calls it damaged
    (issue #22: a damaged file is never opened for writing)."""
    with pytest.raises(DatabaseError, match="bị hỏng"):
        open_services(sqlite_location(path), actor=TEST_ACTOR)
    database = Database.read_only(sqlite_location(path))
    try:
        with database.session() as session:
            return audit.verify(session)
    finally:
        database.engine.dispose()


def test_one_changed_byte_in_the_file_is_found_and_named(db_path: Path) -> None:
    services = open_services(sqlite_location(db_path), actor=TEST_ACTOR)
    _fill(services)
    target = services.audit.entries()[5]  # newest first: some entry in the middle
    services.db.close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db_path.read_bytes())
    marker = target["summary"].encode("utf-8")  # "Công ty Kiểm Toán Số NN", only in that row
    positions = []
    start = 0
    while (found := data.find(marker, start)) != -1:
        positions.append(found)
        start = found + 1
    assert positions, "the entry's text is in the file"
    # flip one byte of the summary in the audit row (the party table holds the same name, so
    # take the copy that sits next to the entry's action text)
    changed = False
    for position in positions:
        window = bytes(data[max(0, position - 120):position])
        if b"create" in window and b"party" in window:
            data[position + len(marker) - 1] ^= 0x01  # "…Số 06" → "…Số 07"
            changed = True
            break
    assert changed
    db_path.write_bytes(bytes(data))
    report = _verify_read_only(db_path)
    assert not report.ok
    assert report.first_broken_id == target["id"]
    assert report.reason == "content"


def test_a_deleted_tail_entry_is_found(db_path: Path) -> None:
    services = open_services(sqlite_location(db_path), actor=TEST_ACTOR)
    _fill(services)
    newest = services.audit.entries()[0]["id"]
    services.db.close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("DROP TRIGGER audit_entry_no_delete")  # an attacker with the file
        conn.execute("DELETE FROM audit_entry WHERE id = ?", (newest,))
    report = _verify_read_only(db_path)
    assert not report.ok and report.reason == "missing-tail"


def test_the_application_cannot_update_or_delete_audit_entries(services: Services) -> None:
    _fill(services)
    with (services.db.session(write=True) as session,
          pytest.raises(SADatabaseError, match="never changed")):
        session.execute(text("UPDATE audit_entry SET summary = 'x' WHERE id = 1"))
    with (services.db.session(write=True) as session,
          pytest.raises(SADatabaseError, match="never deleted|changed or deleted")):
        session.execute(text("DELETE FROM audit_entry WHERE id = 1"))


def test_a_damaged_value_breaks_the_chain_instead_of_the_check() -> None:
    """A flipped byte can make SQLite return bytes for a text column: the entry's hash no longer
    matches (the damage is reported), and hashing it raises nothing."""
    import datetime as dt

    from sotttt_desktop.core.audit import entry_hash

    at = dt.datetime(2024, 11, 29, 9, tzinfo=dt.UTC)
    good = entry_hash("0" * 64, at, "admin", "create", "party", "1", "Công ty", None, None)
    damaged = entry_hash("0" * 64, at, b"admin", "create", "party", "1", "Công ty", None, None)
    assert good != damaged
