"""How long an import's write transaction holds the database, and how long a sign-in from
another process waits meanwhile (issue #22, class 25). Not a test.

    PYTHONPATH=src python bench/bench_import_commit.py [ROWS]   (default 20,000 parties)

Prints: preview time, commit time (the whole commit; the write transaction is part of it), and
the sign-in latencies measured by a separate process signing in every 0.5 s during the commit.
"""

from __future__ import annotations

import csv
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SIGN_IN = """
import sys, time
from pathlib import Path
from sotttt_desktop.errors import AppError
from sotttt_desktop.services.setup import open_services
from sotttt_desktop.settings import sqlite_location
services = open_services(sqlite_location(Path(sys.argv[1])))
stop = Path(sys.argv[2])
while not stop.exists():
    started = time.perf_counter()
    try:
        services.security.login("admin", "demo-2023")
        outcome = "ok"
    except AppError as error:
        outcome = type(error).__name__
    print(f"{time.perf_counter() - started:.3f} {outcome}", flush=True)
    time.sleep(0.5)
"""


def write_parties(path: Path, rows: int, *, renamed: bool = False) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Loại", "Tên", "Mã số thuế", "Địa chỉ", "Huyện", "Điện thoại"])
        for n in range(rows):
            writer.writerow(["Tổ chức", f"Công ty TNHH Thương mại Sông Bé {n}"
                             + (" (mới)" if renamed else ""), f"38{n:08d}",
                             f"Số {n} đường Yersin", "Dĩ An", f"0274{n % 10**7:07d}"])


def main() -> None:
    from sotttt_desktop.i18n import set_language
    from sotttt_desktop.services.actor import Actor
    from sotttt_desktop.services.setup import initialise
    from sotttt_desktop.settings import sqlite_location

    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    set_language("vi")
    folder = Path(tempfile.mkdtemp(prefix="bench-import-commit-"))
    db = folder / "bench.sqlite3"
    services = initialise(sqlite_location(db), actor=Actor.system())
    services.security.create_first_admin("admin", "Quản trị", "demo-2023")
    for label, renamed in (("create", False), ("update", True)):
        path = folder / f"{label}.csv"
        write_parties(path, rows, renamed=renamed)
        started = time.perf_counter()
        preview = services.register_files.preview("parties", path)
        previewed = time.perf_counter() - started
        stop = folder / f"stop-{label}"
        watcher = subprocess.Popen([sys.executable, "-c", SIGN_IN, str(db), str(stop)],
                                   stdout=subprocess.PIPE, text=True)
        time.sleep(2.0)  # the watcher has started and signed in once
        started = time.perf_counter()
        services.register_files.commit("parties", path)
        committed = time.perf_counter() - started
        stop.touch()
        out, _ = watcher.communicate(timeout=60)
        waits = [float(line.split()[0]) for line in out.split("\n") if line.strip()]
        failed = [line for line in out.split("\n") if line.strip() and "ok" not in line]
        print(f"{label}: {rows:,} rows {preview.counts()}")
        print(f"  preview {previewed:7.2f} s   commit {committed:7.2f} s")
        print(f"  sign-ins during the run: {len(waits)}, longest {max(waits):.2f} s, "
              f"median {sorted(waits)[len(waits) // 2]:.2f} s, "
              f"failed {len(failed)}")


if __name__ == "__main__":
    main()
