"""Antenna-mast import benchmark (issue #17): a spreadsheet of N BTS sites (default 10,000), half
of the coordinates in decimal degrees and half in degrees, minutes and seconds, one in 500
outside the province; previewed row by row, then committed in one transaction leaving the
rejected rows out. Not a test.

    .venv/bin/python bench/bench_masts_import.py [--rows 10000]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

DISTRICTS = ("Thuận An", "Dĩ An", "Thủ Dầu Một", "Bến Cát", "Tân Uyên")


def _dms(value: float, side: str) -> str:
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = ((value - degrees) * 60 - minutes) * 60
    return f"{degrees}°{minutes:02d}'{seconds:04.1f}\"{side}"


def sheet(path: Path, rows: int) -> int:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append(["Mã trạm", "Nhà mạng", "Địa chỉ", "Huyện", "Tọa độ", "Vị trí lắp đặt",
               "Loại cột", "Chiều cao cột", "Số giấy phép xây dựng", "Hạn kiểm định",
               "Trạng thái"])
    outside = 0
    for n in range(rows):
        latitude, longitude = 10.90 + (n % 50) * 0.01, 106.60 + (n % 30) * 0.01
        point = (f"{_dms(latitude, 'N')} {_dms(longitude, 'E')}" if n % 2
                 else f"{latitude:.5f}, {longitude:.5f}")
        if n % 500 == 7:
            point, outside = "21.0285, 105.8542", outside + 1  # Hà Nội
        ws.append([f"BDG-{n:05d}", "3700900102", f"Số {n} Quốc lộ 13",
                   DISTRICTS[n % len(DISTRICTS)], point, "Dưới đất", "A2b", 30 + n % 20,
                   f"{n}/GPXD", "01/06/2026", "Đã xây dựng"])
    book.save(path)
    return outside


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    from sotttt_desktop.services import Actor
    from sotttt_desktop.services.setup import initialise
    from sotttt_desktop.settings import sqlite_location

    folder = Path(tempfile.mkdtemp(prefix="bench-masts-"))
    actor = Actor(username="bench", display_name="Bench", authenticated=True,
                  grants=frozenset({("*", "*")}))
    services = initialise(sqlite_location(folder / "masts.sqlite3"), actor=actor)
    services.parties.add(kind="org", name="Viễn thông Bình Dương", tax_code="3700900102",
                         district_code="718")
    path = folder / "tram-bts.xlsx"
    outside = sheet(path, args.rows)
    started = time.perf_counter()
    counts = services.register_files.preview("antenna_masts", path).counts()
    preview_s = time.perf_counter() - started
    started = time.perf_counter()
    services.register_files.commit("antenna_masts", path, skip_rejected=True)
    commit_s = time.perf_counter() - started
    written = services.registers.count("antenna_masts")
    print(f"\n{args.rows:,} sites ({outside} outside the province): preview {preview_s:.1f} s "
          f"{counts}; commit {commit_s:.1f} s, {written:,} masts written")
    print(json.dumps({"rows": args.rows, "preview_s": round(preview_s, 2),
                      "commit_s": round(commit_s, 2), "rejected": counts["reject"],
                      "written": written}))
    services.db.close()


if __name__ == "__main__":
    main()
