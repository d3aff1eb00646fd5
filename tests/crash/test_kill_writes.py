"""Crash safety: SIGKILL a process doing business writes hundreds of times, at random moments.

After every kill: SQLite's quick check passes, every acknowledged write is there (at least at its
acknowledged version), no transaction is half-written (each party has its search entry and its
audit entry, the kept row count is exact), and the audit chain verifies. A full integrity check
runs every 25 kills and at the end. SOTTTT_KILL_COUNT sets the number of kills (300 by default;
more for a longer run).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from contextlib import closing
from pathlib import Path

from sotttt_desktop.core import audit
from sotttt_desktop.core.db import Database
from sotttt_desktop.settings import sqlite_location

WRITER = Path(__file__).with_name("writer.py")
KILLS = int(os.environ.get("SOTTTT_KILL_COUNT", "300"))


def _check_invariants(path: Path, acked: dict[str, int]) -> None:
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        versions = dict(conn.execute("SELECT id, version FROM party"))
        for party_id, version in acked.items():
            stored = versions.get(uuid.UUID(party_id).hex)
            assert stored is not None, f"acknowledged party {party_id} lost"
            assert stored >= version, f"acknowledged update of {party_id} lost"
        parties = len(versions)
        kept = conn.execute("SELECT n FROM row_count WHERE table_name = 'party'").fetchone()[0]
        indexed = conn.execute("SELECT count(*) FROM search_entry WHERE kind = 'party'"
                               ).fetchone()[0]
        created = conn.execute("SELECT count(DISTINCT entity_id) FROM audit_entry "
                               "WHERE action = 'create' AND entity_kind = 'party'").fetchone()[0]
        assert parties == kept == indexed == created, (parties, kept, indexed, created)


def _verify_chain(path: Path) -> None:
    database = Database.open(sqlite_location(path))
    try:
        with database.session() as session:
            report = audit.verify(session)
        assert report.ok, report
    finally:
        database.close()


def test_killed_writers_lose_nothing_acknowledged(db_path: Path) -> None:
    rng = random.Random(20231)
    acked: dict[str, int] = {}
    kills = 0
    total_acks = 0
    started = time.monotonic()
    while kills < KILLS:
        child = subprocess.Popen([sys.executable, str(WRITER), str(db_path), str(kills)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert child.stdout is not None
        ready = child.stdout.readline()
        assert ready.strip() == "READY", child.stderr.read() if child.stderr else ready
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(child.pid, signal.SIGKILL)
        out, err = child.communicate(timeout=30)
        kills += 1
        assert "Traceback" not in err, err  # the writer must die by the kill, not by a bug
        for line in out.splitlines():
            parts = line.split()
            if len(parts) == 4 and parts[0] == "ACK":
                acked[parts[2]] = max(acked.get(parts[2], 0), int(parts[3]))
                total_acks += 1
        _check_invariants(db_path, acked)
        if kills % 25 == 0 or kills == KILLS:
            with closing(sqlite3.connect(db_path)) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            _verify_chain(db_path)
    elapsed = time.monotonic() - started
    print(f"\n{kills} kills, {total_acks} acknowledged writes, {len(acked)} parties, "
          f"{elapsed:.0f} s")
    assert total_acks > kills  # the writers did get work done between kills
