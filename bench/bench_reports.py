"""Reports benchmark (issue #21): a year's Biểu 06/VPCP/KSTT through the service next to a raw
sqlite3 GROUP BY of the same counts on the same file (the floor), median of 5 runs each. Not a
test: it prints numbers.

    .venv/bin/python bench/bench_reports.py --db bench/out/demo_scale100.sqlite3 --year 2024

The database is a demo (`sotttt-desktop --db F init --demo --scale 100` for the issue's volume,
about 350,000 dossiers; it takes a while to build and is not built here)."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import sqlite3
import statistics
import time
from pathlib import Path

RAW = """
SELECT area, procedure_key, COUNT(*),
  SUM(received_at < :start),
  SUM(received_at >= :start AND channel = 'online'),
  SUM(received_at >= :start AND channel <> 'online'),
  SUM(done < :end AND state <> 'withdrawn'),
  SUM(done < :end AND state <> 'withdrawn' AND date(done, '+7 hours') < due_date),
  SUM(done < :end AND state <> 'withdrawn' AND date(done, '+7 hours') = due_date),
  SUM(done < :end AND state <> 'withdrawn' AND date(done, '+7 hours') > due_date),
  SUM(done IS NULL OR done >= :end),
  SUM((done IS NULL OR done >= :end) AND NOT (due_date < :as_of
      AND state <> 'supplement_requested')),
  SUM((done IS NULL OR done >= :end) AND due_date < :as_of
      AND state <> 'supplement_requested'),
  SUM(done < :end AND state = 'withdrawn')
FROM (SELECT *, COALESCE(decided_at, finished_at) AS done FROM dossier) AS d
WHERE received_at < :end AND (done IS NULL OR done >= :start)
GROUP BY area, procedure_key"""


def timed(fn, repeat: int = 5) -> float:  # noqa: ANN001
    fn()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def _sector_tables(services, year: int) -> dict[str, float]:  # noqa: ANN001
    """Each declared sector table (TT 04/2022, TT 02/2021) of the year's first half, counted as
    of its end from the registers' history: median seconds."""
    from sotttt_desktop.core import report_periods
    from sotttt_desktop.errors import ValidationError
    from sotttt_desktop.services import sector_statistics

    found = {}
    for kind in sector_statistics.tables():
        ref = f"{year}-H1~" if kind == "inspection-report" else f"{year}-H1"

        def count(kind: str = kind, ref: str = ref) -> None:
            with contextlib.suppress(ValidationError):  # a table of zeros is refused
                sector_statistics.statistics_data(services, kind, report_periods.parse(ref))
        found[f"{kind} {ref}"] = round(timed(count, repeat=3), 3)
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--year", type=int, default=2024)
    args = parser.parse_args()
    from sotttt_desktop.core import clock
    from sotttt_desktop.i18n import set_language
    from sotttt_desktop.services import one_stop_statistics
    from sotttt_desktop.services.actor import Actor
    from sotttt_desktop.services.setup import open_services
    from sotttt_desktop.settings import sqlite_location

    set_language("vi")
    services = open_services(sqlite_location(args.db), actor=Actor.system())
    total = services.dossiers.count()
    ref = str(args.year)
    service = timed(lambda: one_stop_statistics.statistics(services, ref))
    data = one_stop_statistics.statistics(services, ref)
    period = data["period"]
    start = dt.datetime.combine(period["start"], dt.time(0)) - dt.timedelta(hours=7)
    end = dt.datetime.combine(period["end"] + dt.timedelta(days=1), dt.time(0)) - \
        dt.timedelta(hours=7)
    params = {"start": start.strftime("%Y-%m-%d %H:%M:%S.%f"),
              "end": end.strftime("%Y-%m-%d %H:%M:%S.%f"),
              "as_of": data["as_of"].isoformat()}
    raw = sqlite3.connect(args.db)
    raw_rows = raw.execute(RAW, params).fetchall()
    raw_time = timed(lambda: raw.execute(RAW, params).fetchall())
    raw_received = sum(row[2] for row in raw_rows)
    document = timed(lambda: services.documents.render("one-stop-statistics", ref), repeat=1)
    dashboard = timed(services.dashboard.figures)
    sector = _sector_tables(services, args.year)
    audit_entries = raw.execute("SELECT COUNT(*) FROM audit_entry").fetchone()[0]
    services.db.close()
    result = {"dossiers": total, "year": args.year, "service_s": round(service, 3),
              "raw_group_by_s": round(raw_time, 3), "ratio": round(service / raw_time, 2),
              "received_service": data["total"]["received"], "received_raw": raw_received,
              "render_pdf_s": round(document, 2), "dashboard_figures_s": round(dashboard, 3),
              "working_date": str(clock.working_date()), "audit_entries": audit_entries,
              "sector_tables_s": sector}
    print(f"\nreports benchmark — {args.db} ({total:,} dossiers)")
    print(f"Biểu 06 of {args.year} through the service: {service:.3f} s; raw sqlite3 GROUP BY of "
          f"the same counts: {raw_time:.3f} s (× {service / raw_time:.2f}); the same received "
          f"total: {data['total']['received'] == raw_received}")
    print(f"the printed report (count + PDF): {document:.2f} s")
    print(f"the dashboard's figures (all its charts): {dashboard:.3f} s")
    print(f"the sector tables as of a period's end, rebuilt from the history of "
          f"{audit_entries:,} audit entries: " + "; ".join(f"{k} {v:.3f} s"
                                                           for k, v in sector.items()))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
