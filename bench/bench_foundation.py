"""Foundation benchmark: start-up, a 1,000,000-row register, folded search, memory.

Every number is printed next to its floor measured in the same run. Not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUERY = "cong ty in duc hung"
COMMON_WORD = "cong"  # in 650,000 of a million parties


OLD_PC = False  # --old-pc: children on one core with a 4 GB address-space limit
OLD_PC_PREFIX = ["bash", "-c", 'ulimit -v 4194304; exec taskset -c 0 "$@"', "old-pc"]


def run_child(script: str, *args: str, runs: int) -> list[dict]:
    results = []
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "SOTTTT_CONFIG_DIR": tempfile.mkdtemp(prefix="bench-cfg-")}
    for _ in range(runs):
        started = time.time()
        command = [sys.executable, str(HERE / script), *args]
        out = subprocess.run([*OLD_PC_PREFIX, *command] if OLD_PC else command,
                             capture_output=True, text=True, env=env, timeout=300)
        if out.returncode != 0:
            raise SystemExit(f"{script} failed:\n{out.stderr}")
        data = json.loads(out.stdout.strip().splitlines()[-1])
        if "first_paint" in data:
            data["start_to_paint_s"] = data["first_paint"] - started
        results.append(data)
    return results


def median(results: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in results)


def time_calls(fn, repeat: int) -> float:  # noqa: ANN001
    fn()  # warm
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


BENCH_USER, BENCH_PASSWORD = "bench.admin", "bench-password-1"


def ensure_database(path: Path, scale: float) -> None:
    if not path.exists():
        print(f"creating {path} at scale {scale} …", flush=True)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "sotttt_desktop", "--db", str(path), "init",
                        "--demo", "--scale", str(scale), "--volume", "0"], check=True)
        print(f"  created in {time.perf_counter() - started:.1f} s")
    from sotttt_desktop.services.actor import Actor
    from sotttt_desktop.services.setup import open_services
    from sotttt_desktop.settings import sqlite_location

    services = open_services(sqlite_location(path), actor=Actor.system())
    if BENCH_USER not in {u["username"] for u in services.security.list_users()}:
        services.security.add_user(BENCH_USER, "Benchmark", BENCH_PASSWORD, ["administrator"],
                                   must_change=False)
    services.db.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=HERE / "out" / "scale500.sqlite3")
    parser.add_argument("--scale", type=float, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--old-pc", action="store_true",
                        help="start-up and register in children on one core, 4 GB (taskset, ulimit)")
    args = parser.parse_args()
    global OLD_PC  # noqa: PLW0603 - a run-wide switch of this script
    OLD_PC = args.old_pc
    args.db.parent.mkdir(parents=True, exist_ok=True)
    ensure_database(args.db, args.scale)

    floor = run_child("floor_window.py", runs=args.runs)
    from sotttt_desktop.registers import get_register
    from sotttt_desktop.ui.widgets.register_view import ROW_HEIGHT

    widths = ",".join(str(f.width) for f in get_register("parties").table_fields)
    same_screen = run_child("floor_window.py", "same-screen", str(args.db), str(ROW_HEIGHT), widths,
                            runs=args.runs)
    app = run_child("app_window.py", str(args.db), BENCH_USER, BENCH_PASSWORD, runs=args.runs)

    from sotttt_desktop.i18n import set_language
    from sotttt_desktop.services.search import fts_query
    from sotttt_desktop.services.setup import open_services
    from sotttt_desktop.settings import sqlite_location

    set_language("vi")
    services = open_services(sqlite_location(args.db))  # read-only, as `search` without --user
    app_search = time_calls(lambda: services.search.query(QUERY, limit=20), 50)
    common_search = time_calls(lambda: services.search.query(COMMON_WORD, limit=20), 10)
    hits = services.search.query(QUERY, limit=20)
    raw = sqlite3.connect(args.db)
    raw_sql = ("SELECT e.kind, e.entity_id, e.title, e.subtitle FROM search_fts "
               "JOIN search_entry e ON e.id = search_fts.rowid WHERE search_fts MATCH ? "
               "ORDER BY rank LIMIT 20")
    match = fts_query(QUERY)
    raw_search = time_calls(lambda: raw.execute(raw_sql, (match,)).fetchall(), 50)

    rows = app[0]["rows"]
    lines = [
        ("cold start to first paint (s)", median(app, "start_to_paint_s"),
         median(floor, "start_to_paint_s"), "≤ 1.5×"),
        ("  then sign-in to register painted (s)", median(app, "sign_in_to_data_s"), None, ""),
        (f"open Parties register, {rows:,} rows (s)", median(app, "open_s"),
         median(floor, "open_s"), "≤ 1.2×"),
        ("  the same, floor showing the same screen (s)", median(app, "open_s"),
         median(same_screen, "open_s"), ""),
        ("scroll to the last row (s)", median(app, "scroll_s"), median(floor, "scroll_s"), ""),
        (f"search {QUERY!r} (ms)", app_search * 1000, raw_search * 1000, "≤ 2×"),
        (f"search one common word {COMMON_WORD!r} (ms)", common_search * 1000, None, "≤ 200"),
        ("peak memory, max RSS (MB)", median(app, "rss_mb"), median(floor, "rss_mb"), "≤ 2×"),
    ]
    machine = "old PC: 1 core, 4 GB" if args.old_pc else "this machine"
    print(f"\nfoundation benchmark — {args.db} ({rows:,} parties), median of {args.runs} runs, "
          f"{machine}")
    print(f"{'measure':44} {'app':>10} {'floor':>10} {'ratio':>7}  goal")
    for name, value, base, goal in lines:
        if base is None:  # no floor does this (signing in, opening the database)
            print(f"{name:44} {value:10.3f} {'—':>10} {'':>7}  {goal}")
            continue
        print(f"{name:44} {value:10.3f} {base:10.3f} {value / base:7.2f}  {goal}")
    print(f"\nsearch hits: {len(hits)}, first: {hits[0].title if hits else '—'}")
    print(f"last row of the register: {app[0]['last_row']}")


if __name__ == "__main__":
    main()
