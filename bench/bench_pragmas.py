"""SQLite's page cache and memory-mapped reads (issue: fast on the clerks' real machines).

Each profile runs in a fresh process on the same scale-500 database (a million parties): the
application's own services and connections, with the application's settings (`core/db.py`) or
with a larger page cache, or a larger cache and a memory map (PROFILES). Each operation is timed on its own first run (SQLite's cache empty, the operating
system's warm: the syscall toll is what is measured) and counted in read system calls
(/proc/self/io `syscr`). Prints one table and the ratios; asserts nothing.

    .venv/bin/python bench/bench_pragmas.py [--db bench/out/scale500.sqlite3] [--old-pc]

--old-pc runs the children on one core (taskset -c 0) with a 4 GB address-space limit
(ulimit -v), as a district office's machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROFILES = {  # the first is the application's (core/db.py), the others what was tried
    "app (SQLite's defaults)": (),
    "cache 32 MB": ("cache_size=-32768", "temp_store=MEMORY"),
    "cache 64 MB + mmap 1 GB": ("cache_size=-65536", "mmap_size=1073741824",
                                "temp_store=MEMORY"),
}
OPERATIONS = ("open and count", "filter on a district", "sort by name (page at 500,000)",
              "folded filter 'cong ty in duc hung'", "global search 'cong'",
              "sort by name again", "folded filter again", "peak RSS MB")


def child(db: str, profile: str) -> None:
    from sqlalchemy import event

    from sotttt_desktop.services.actor import Actor
    from sotttt_desktop.services.registers import RegisterFilter
    from sotttt_desktop.services.setup import open_services
    from sotttt_desktop.settings import sqlite_location

    def syscr() -> int:
        with open("/proc/self/io") as fh:
            return int(dict(line.split(": ") for line in fh.read().splitlines())["syscr"])

    services = open_services(sqlite_location(Path(db)), actor=Actor.system())

    @event.listens_for(services.db.engine, "connect")
    def _settings(dbapi, _record) -> None:  # noqa: ANN001 - every connection of the profile
        cursor = dbapi.cursor()
        for pragma in PROFILES[profile]:
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()
    services.db.engine.dispose()
    registers = services.registers
    results: dict[str, tuple[float, int]] = {}

    def timed(name: str, fn) -> None:  # noqa: ANN001
        reads, started = syscr(), time.perf_counter()
        fn()
        results[name] = (time.perf_counter() - started, syscr() - reads)

    district = RegisterFilter("", {"district_code": 718})
    timed("open and count", lambda: registers.count("parties"))
    timed("filter on a district", lambda: (registers.count("parties", district),
                                           registers.page("parties", 0, 50, flt=district)))
    timed("sort by name (page at 500,000)",
          lambda: registers.page("parties", 500_000, 50, sort="name"))
    folded = RegisterFilter("cong ty in duc hung")
    timed("folded filter 'cong ty in duc hung'",
          lambda: (registers.count("parties", folded), registers.page("parties", 0, 50,
                                                                      flt=folded)))
    timed("global search 'cong'", lambda: services.search.query("cong", limit=20))
    # the same again in the same process: what a page cache that holds them is worth
    timed("sort by name again", lambda: registers.page("parties", 500_050, 50, sort="name"))
    timed("folded filter again", lambda: (registers.count("parties", folded),
                                          registers.page("parties", 0, 50, flt=folded)))
    import resource

    results["peak RSS MB"] = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 0)
    print(json.dumps(results))


def run(db: str, profile: str, old_pc: bool) -> dict[str, list[float]]:
    command = [sys.executable, __file__, "--child", profile, "--db", db]
    if old_pc:
        command = ["bash", "-c", "ulimit -v 4194304; exec taskset -c 0 \"$@\"", "old-pc",
                   *command]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=str(HERE / "out" / "scale500.sqlite3"))
    parser.add_argument("--child")
    parser.add_argument("--old-pc", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if args.child:
        child(args.db, args.child)
        return
    if not Path(args.db).exists():
        sys.exit(f"no database {args.db}: sotttt-desktop --db {args.db} init --demo --scale 500")
    runs = {profile: [run(args.db, profile, args.old_pc) for _ in range(args.runs)]
            for profile in PROFILES}

    def median(profile: str, name: str, part: int) -> float:
        values = sorted(r[name][part] for r in runs[profile])
        return values[len(values) // 2]

    title = "old PC (1 core, 4 GB)" if args.old_pc else "this machine"
    print(f"SQLite settings, {title}, median of {args.runs} fresh processes, {args.db}")
    print("seconds (read system calls); peak RSS in MB")
    names = list(PROFILES)
    print(f"{'operation':38}" + "".join(f"{name[:26]:>28}" for name in names))
    for name in OPERATIONS:
        cells = [f"{median(p, name, 0):.0f}" if name == "peak RSS MB" else
                 f"{median(p, name, 0):.3f} ({median(p, name, 1):,.0f})" for p in names]
        print(f"{name:38}" + "".join(f"{cell:>28}" for cell in cells))


if __name__ == "__main__":
    os.environ.setdefault("SOTTTT_LANG", "en")
    main()
