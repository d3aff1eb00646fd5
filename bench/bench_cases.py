"""Case-list benchmark: a page of 100 from N declared cases (default 200,000), soonest due
first and overdue only, through the service, next to the raw SQL of the same query. Not a test.

    .venv/bin/python bench/bench_cases.py [--cases 200000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
import statistics
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent


def timed(fn, repeat: int = 20) -> float:  # noqa: ANN001
    fn()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def build(path: Path, count: int) -> None:
    """Cases opened through the service once, then copied in bulk with other due moments."""
    from sqlalchemy import insert, select

    from sotttt_desktop.core.models import CaseClock, CaseFile
    from sotttt_desktop.services import Actor
    from sotttt_desktop.services.setup import initialise
    from sotttt_desktop.settings import sqlite_location

    actor = Actor(username="bench", display_name="Bench", authenticated=True,
                  grants=frozenset({("*", "*")}))
    services = initialise(sqlite_location(path), actor=actor)
    services.cases.open("denunciation", "Mẫu", at=dt.datetime(2025, 1, 23, 10))
    with services.db.session() as session:
        sample = session.execute(select(CaseFile)).scalar_one()
        clock = session.execute(select(CaseClock)).scalar_one()
        detail, data = clock.detail, sample.data
    random.seed(12)
    now = dt.datetime.now(dt.UTC)
    with services.db.session(write=True) as session:
        for start in range(0, count, 10_000):
            files, clocks = [], []
            for n in range(start, min(count, start + 10_000)):
                case_id = uuid.uuid4()
                due = now + dt.timedelta(days=random.randint(-60, 120))
                finished = random.random() < 0.6
                files.append({"id": case_id, "kind": "denunciation", "spec_version": 1,
                              "code": f"TC-2024-{n:06d}", "title": f"Tố cáo số {n}",
                              "state": "concluded" if finished else "received", "variant": "",
                              "opened_at": now, "due_at": None if finished else due,
                              "data": data, "created_at": now, "updated_at": now, "version": 1})
                clocks.append({"case_id": case_id, "clock": "intake",
                               "status": "stopped" if finished else "running",
                               "due_at": None if finished else due, "detail": detail})
            session.execute(insert(CaseFile), files)
            session.execute(insert(CaseClock), clocks)
        session.commit()
    services.db.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=HERE / "out" / "cases_200k.sqlite3")
    parser.add_argument("--cases", type=int, default=200_000)
    args = parser.parse_args()
    from sotttt_desktop.services import Actor
    from sotttt_desktop.services.setup import open_services
    from sotttt_desktop.settings import sqlite_location

    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        build(args.db, args.cases)
        print(f"built {args.db} with {args.cases:,} cases in "
              f"{time.perf_counter() - started:.0f} s")
    actor = Actor(username="bench", display_name="Bench", authenticated=True,
                  grants=frozenset({("*", "*")}))
    services = open_services(sqlite_location(args.db), actor=actor)
    total = services.cases.count()
    soonest = timed(lambda: services.cases.list(limit=100))
    overdue = timed(lambda: services.cases.list(overdue=True, limit=100))
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(" ")
    with sqlite3.connect(args.db) as conn:
        raw = timed(lambda: conn.execute(
            "SELECT * FROM case_file WHERE due_at < ? ORDER BY due_at, code LIMIT 100",
            (now,)).fetchall())
    result = {"cases": total, "list_ms": round(soonest * 1000, 2),
              "list_overdue_ms": round(overdue * 1000, 2), "raw_overdue_ms": round(raw * 1000, 2)}
    print(f"\ncase benchmark — {args.db} ({total:,} cases)")
    print(f"list 100, soonest due first: {soonest * 1000:.1f} ms")
    print(f"list 100 overdue: {overdue * 1000:.1f} ms (raw sqlite3, same query: {raw * 1000:.1f} ms)")
    print(json.dumps(result))
    services.db.close()


if __name__ == "__main__":
    main()
