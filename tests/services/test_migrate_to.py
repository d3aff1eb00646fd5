"""`migrate-to`: a SQLite database copied to PostgreSQL, verified, with its audit chain whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from sotttt_desktop.cli.main import main
from sotttt_desktop.services.setup import open_services
from sotttt_desktop.settings import DatabaseLocation, sqlite_location
from tests.conftest import TEST_ACTOR, TEST_PASSWORD, _pg_url


@pytest.fixture
def empty_pg(pg_admin) -> str:  # noqa: ANN001
    name = "migrate_target"
    with pg_admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield _pg_url(name)
    with pg_admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def test_migrate_to_copies_everything_and_verifies(capsys: pytest.CaptureFixture[str],
                                                   demo_db_path: Path, empty_pg: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    source = open_services(sqlite_location(demo_db_path), actor=TEST_ACTOR)
    source.parties.add(kind="org", name="Công ty Trước Khi Chuyển", tax_code="3712121212")
    before = source.info()["counts"]
    source.db.close()
    monkeypatch.setenv("SOTTTT_USER", "admin")
    monkeypatch.setenv("SOTTTT_PASSWORD", "demo-2023")
    code = main(["--db", str(demo_db_path), "migrate-to", empty_pg, "--json"])
    out = capsys.readouterr().out
    assert code == 0, out
    result = json.loads(out)
    assert result["ok"] and all(t["ok"] for t in result["tables"])
    server = open_services(DatabaseLocation(url=empty_pg, path=None), actor=TEST_ACTOR)
    try:
        after = server.info()["counts"]
        for table, rows in before.items():
            if table == "audit_entry":  # + the migrating admin's log-in and the migration itself
                assert after[table] == rows + 2
            else:
                assert after[table] == rows, table
        assert server.audit.verify().ok
        assert server.search.query("truoc khi chuyen")[0].title == "Công ty Trước Khi Chuyển"
        assert server.security.login("dian", "demo-2023").district_code == 724
        added = server.parties.add(kind="org", name="Công ty Sau Khi Chuyển")  # sequences moved on
        assert added["name"] == "Công ty Sau Khi Chuyển"
        assert server.registers.count("parties") == before["party"] + 1
    finally:
        server.db.close()
    # a second run refuses the non-empty target
    assert main(["--db", str(demo_db_path), "migrate-to", empty_pg]) == 2
    assert "không trống" in capsys.readouterr().err


def test_migrate_to_needs_a_server_url(capsys: pytest.CaptureFixture[str], db_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOTTTT_USER", "admin")
    monkeypatch.setenv("SOTTTT_PASSWORD", TEST_PASSWORD)
    code = main(["--db", str(db_path), "migrate-to", f"sqlite:///{db_path}.copy"])
    assert code == 2
