"""One-stop benchmark: due-date computations per second, and listing from 100,000 dossiers with
a filter (service call next to the raw SQL of the same query). Not a test.

`--scale N` lists from a real demo database instead (`init --demo --scale N`: the one-stop
volume of services/demo_volume.py, about 3,500 dossiers per unit over three years, with their
timelines, audit entries and permits) and says how long building it took."""

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


def build(path: Path, dossiers: int) -> None:
    from sqlalchemy import insert, select

    from sotttt_desktop.catalog import load
    from sotttt_desktop.core.calendar import WorkingCalendar, compute_due
    from sotttt_desktop.core.models import Dossier, Party
    from sotttt_desktop.services.setup import initialise
    from sotttt_desktop.settings import sqlite_location

    services = initialise(sqlite_location(path), demo=True, scale=1)
    with services.db.session() as session:
        parties = session.execute(select(Party.id, Party.district_code)).all()
    procedures = [p for p in load().list() if p.unit.value != "hours_before"]
    calendar = WorkingCalendar()
    rng = random.Random(7)
    states = ["received", "in_appraisal", "approved", "result_ready", "returned", "returned",
              "returned", "withdrawn"]
    start = dt.datetime(2024, 1, 2, 8)
    rows = []
    for n in range(dossiers):
        procedure = rng.choice(procedures)
        applicant, district = rng.choice(parties)
        received = start + dt.timedelta(minutes=rng.randint(0, 60 * 24 * 700))
        due = compute_due(received, procedure.time_limit, procedure.unit, calendar).due
        state = rng.choice(states)
        at = received.replace(tzinfo=dt.UTC)
        rows.append(dict(
            id=uuid.uuid4(), code=f"STTTT-{received:%y%m%d}-{n:06d}", procedure_key=procedure.key,
            procedure_version=procedure.effective_from, procedure_name=procedure.name,
            area=procedure.area, applicant_id=applicant, district_code=district,
            channel="counter", received_at=at, received_by="bench", clock_started_at=at,
            state=state, due_date=due, apology_used=False, checklist="[]",
            finished_at=at + dt.timedelta(days=5) if state in ("returned", "withdrawn") else None,
            created_at=at, updated_at=at, version=1))
        if len(rows) == 10_000:
            with services.db.engine.begin() as conn:
                conn.execute(insert(Dossier), rows)
            rows = []
    if rows:
        with services.db.engine.begin() as conn:
            conn.execute(insert(Dossier), rows)
    services.db.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=HERE / "out" / "one_stop_100k.sqlite3")
    parser.add_argument("--dossiers", type=int, default=100_000)
    parser.add_argument("--scale", type=float, default=None,
                        help="build a demo database of this scale (the real volume) instead")
    args = parser.parse_args()
    if args.scale is not None and args.db == parser.get_default("db"):
        args.db = HERE / "out" / f"one_stop_demo_{args.scale:g}.sqlite3"
    from sotttt_desktop.core.calendar import WorkingCalendar, compute_due
    from sotttt_desktop.i18n import set_language

    set_language("vi")
    calendar = WorkingCalendar()
    rng = random.Random(1)
    moments = [dt.datetime(2023, 1, 1, 8) + dt.timedelta(minutes=rng.randint(0, 60 * 24 * 1200))
               for _ in range(20_000)]
    compute_due(moments[0], 10, "working_days", calendar)  # warm the holiday tables
    started = time.perf_counter()
    for i, moment in enumerate(moments):
        compute_due(moment, (5, 10, 15, 30)[i % 4], ("working_days", "days")[i % 2], calendar)
    per_second = len(moments) / (time.perf_counter() - started)

    args.db.parent.mkdir(parents=True, exist_ok=True)
    if not args.db.exists():
        started = time.perf_counter()
        if args.scale is not None:
            from sotttt_desktop.services.setup import initialise
            from sotttt_desktop.settings import sqlite_location

            initialise(sqlite_location(args.db), demo=True, scale=args.scale).db.close()
            print(f"built the scale-{args.scale:g} demo {args.db} in "
                  f"{time.perf_counter() - started:.0f} s")
        else:
            build(args.db, args.dossiers)
            print(f"built {args.db} with {args.dossiers:,} dossiers in "
                  f"{time.perf_counter() - started:.0f} s")
    from sotttt_desktop.services.actor import Actor
    from sotttt_desktop.services.setup import open_services
    from sotttt_desktop.settings import sqlite_location

    services = open_services(sqlite_location(args.db), actor=Actor.system())
    total = services.dossiers.count()
    filtered = timed(lambda: services.dossiers.list(state="in_appraisal", area="publishing",
                                                    limit=100))
    overdue = timed(lambda: services.dossiers.list(overdue=True, limit=100))
    raw = sqlite3.connect(args.db)
    raw_sql = ("SELECT * FROM dossier WHERE state = ? AND area = ? "
               "ORDER BY due_date, code LIMIT 100")
    raw_filtered = timed(lambda: raw.execute(raw_sql, ("in_appraisal", "publishing")).fetchall())
    services.db.close()
    result = {"due_dates_per_second": round(per_second), "dossiers": total,
              "list_filtered_ms": round(filtered * 1000, 2),
              "raw_sql_same_filter_ms": round(raw_filtered * 1000, 2),
              "list_overdue_ms": round(overdue * 1000, 2)}
    print(f"\none-stop benchmark — {args.db} ({total:,} dossiers)")
    print(f"due dates computed per second (with explanation): {per_second:,.0f}")
    print(f"list 100 of {total:,} dossiers, state + area filter: {filtered * 1000:.1f} ms "
          f"(raw sqlite3, same query: {raw_filtered * 1000:.1f} ms)")
    print(f"list 100 overdue dossiers: {overdue * 1000:.1f} ms")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
