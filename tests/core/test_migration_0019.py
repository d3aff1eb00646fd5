"""Migration 0019: existing dossiers learn when their processing clock stopped, from their own
timeline (a refusal's moment), so a refused dossier waiting to be handed back stops being
"overdue" the moment the database is upgraded."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from sotttt_desktop.core.schema import alembic_config
from sotttt_desktop.services.setup import open_services
from sotttt_desktop.settings import sqlite_location
from tests.conftest import TEST_ACTOR


def test_existing_dossiers_take_the_moment_their_clock_stopped(db_path: Path) -> None:
    services = open_services(sqlite_location(db_path), actor=TEST_ACTOR)
    party = services.parties.add(kind="org", name="Công ty TNHH In Sông Bé",
                                 tax_code="3700999888", district_code="718")
    codes = []
    for _n in range(2):
        codes.append(services.dossiers.receive("e_information.website.issue", party["id"],
                                               received_at=dt.datetime(2024, 2, 7, 10))["code"])
    services.dossiers.act(codes[0], "start_appraisal", at=dt.datetime(2024, 2, 15, 9))
    services.dossiers.act(codes[0], "refuse", reason="Không đủ điều kiện",
                          at=dt.datetime(2024, 2, 20, 9))
    services.db.close()
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0016")
    with sqlite3.connect(db_path) as conn:
        assert "decided_at" not in {row[1] for row in conn.execute("PRAGMA table_info(dossier)")}
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0019")
    engine.dispose()
    with sqlite3.connect(db_path) as conn:
        decided = dict(conn.execute("SELECT code, decided_at FROM dossier").fetchall())
    assert decided[codes[1]] is None  # still on the clock
    assert decided[codes[0]].startswith("2024-02-20 02:00")  # 09:00 in Hà Nội, kept in UTC
