"""An older database is backed up, then upgraded in one transaction, keeping its data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from sotttt_desktop.core.db import Database
from sotttt_desktop.core.schema import alembic_config, head_revision
from sotttt_desktop.settings import sqlite_location
from tests.conftest import DEMO_PARTIES


def _database_at(path: Path, revision: str) -> None:
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)
    engine.dispose()


def test_an_old_database_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _database_at(path, "0001")
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO district (code, name) VALUES (724, 'Thành phố Dĩ An')")
        conn.execute(
            "INSERT INTO party (id, kind, name, sort_name, district_code, archived, created_at, "
            "updated_at, version) VALUES ('0123456789abcdef0123456789abcdef', 'org', 'Công ty Cũ', "
            "'cong ty cu', 724, 0, '2020-01-01', '2020-01-01', 1)")
        conn.execute(
            "INSERT INTO search_entry (kind, entity_id, title, subtitle, folded_title, folded) "
            "VALUES ('party', '0123456789abcdef0123456789abcdef', 'Công ty Cũ', '', "
            "'cong ty cu', '')")
    database = Database.open(sqlite_location(path))
    assert database.schema_revision() == head_revision()
    database.close()
    backups = list((tmp_path / "backups").glob("before-upgrade-0001-*.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT district_code FROM search_entry").fetchone()[0] == 724
        hits = conn.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH 'cu'").fetchall()
        assert len(hits) == 1
        assert conn.execute("SELECT last_hash FROM audit_head").fetchone()[0] == "0" * 64


def test_head_revision_constant_matches_the_revisions() -> None:
    from sotttt_desktop.migrations import HEAD_REVISION

    assert head_revision() == HEAD_REVISION


def test_the_kept_row_count_follows_inserts(demo_db_path: Path) -> None:
    with sqlite3.connect(demo_db_path) as conn:
        kept = conn.execute("SELECT n FROM row_count WHERE table_name = 'party'").fetchone()[0]
        assert kept == conn.execute("SELECT count(*) FROM party").fetchone()[0] == DEMO_PARTIES


def test_an_upgraded_database_gets_the_roles_it_lacked(tmp_path: Path) -> None:
    from sotttt_desktop.services.setup import open_services

    path = tmp_path / "old.sqlite3"
    _database_at(path, "0001")
    services = open_services(sqlite_location(path))
    assert "administrator" in services.security.role_names()
    assert len(services.reference.districts()) == 9
    services.db.close()
