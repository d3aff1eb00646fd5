"""Antenna-mast benchmark (issue #17): N masts (default 100,000), then a district's masts whose
inspection is due within 30 days — the count and the first page of 100, through the register
service as the view asks for them. Not a test.

    .venv/bin/python bench/bench_masts.py [--masts 100000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
DISTRICTS = (718, 719, 720, 721, 722, 723, 724, 725, 726)


def timed(fn, repeat: int = 20) -> float:  # noqa: ANN001
    fn()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def build(path: Path, count: int) -> None:
    """One operator through the service, then the masts inserted in bulk."""
    from sqlalchemy import insert

    from sotttt_desktop.registers import get_register
    from sotttt_desktop.services import Actor
    from sotttt_desktop.services.setup import initialise
    from sotttt_desktop.settings import sqlite_location

    actor = Actor(username="bench", display_name="Bench", authenticated=True,
                  grants=frozenset({("*", "*")}))
    services = initialise(sqlite_location(path), actor=actor)
    operator = services.parties.add(kind="org", name="Viễn thông Bình Dương",
                                    tax_code="3700900102", district_code="718")["id"]
    model = get_register("antenna_masts").model
    random.seed(17)
    today = dt.date.today()
    now = dt.datetime.now(dt.UTC)
    with services.db.session(write=True) as session:
        for start in range(0, count, 10_000):
            rows = []
            for n in range(start, min(count, start + 10_000)):
                rows.append({
                    "id": uuid.uuid4(), "site_code": f"BDG-{n:06d}", "operator_id": operator,
                    "address": f"Số {n % 500} Quốc lộ 13", "district_code": DISTRICTS[n % 9],
                    "coordinates": "10.980000, 106.650000", "mounting": "ground",
                    "category": "A2b", "mast_height": 30,
                    "inspection_due": today + dt.timedelta(days=random.randint(-90, 1095)),
                    "state": "removed" if n % 50 == 0 else "built",
                    "created_at": now, "updated_at": now, "version": 1})
            session.execute(insert(model), rows)
        session.commit()
    services.db.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=HERE / "out" / "masts_100k.sqlite3")
    parser.add_argument("--masts", type=int, default=100_000)
    args = parser.parse_args()
    from sotttt_desktop.services import Actor
    from sotttt_desktop.services.registers import RegisterFilter
    from sotttt_desktop.services.setup import open_services
    from sotttt_desktop.settings import sqlite_location

    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        build(args.db, args.masts)
        print(f"built {args.db} with {args.masts:,} masts in "
              f"{time.perf_counter() - started:.0f} s")
    actor = Actor(username="bench", display_name="Bench", authenticated=True,
                  grants=frozenset({("*", "*")}))
    services = open_services(sqlite_location(args.db), actor=actor)
    registers = services.registers
    due = RegisterFilter(equals={"district_code": 724},
                         due_by=dt.date.today() + dt.timedelta(days=30))
    found = registers.count("antenna_masts", due)
    # a new filter object each time: the service caches statements, not results
    count_s = timed(lambda: registers.count("antenna_masts", RegisterFilter(
        equals={"district_code": 724}, due_by=due.due_by)))
    page_s = timed(lambda: registers.page("antenna_masts", 0, 100, flt=RegisterFilter(
        equals={"district_code": 724}, due_by=due.due_by)))
    overview_s = timed(lambda: services.overview.area("telecom"), repeat=5)
    result = {"masts": registers.count("antenna_masts"), "district_due": found,
              "count_ms": round(count_s * 1000, 2), "page_ms": round(page_s * 1000, 2),
              "overview_ms": round(overview_s * 1000, 1)}
    print(f"\nmast benchmark — {args.db}")
    print(f"Dĩ An, inspection due within 30 days: {found:,} masts; count {count_s * 1000:.1f} ms,"
          f" first page of 100 {page_s * 1000:.1f} ms; the tab's overview {overview_s * 1000:.0f}"
          " ms")
    print(json.dumps(result))
    services.db.close()


if __name__ == "__main__":
    main()
