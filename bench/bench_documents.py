"""Document benchmark: one permit, and 1,000 permits in one batch, next to the floor — a bare
ReportLab A4 page with the same four embedded fonts, in the same run. Not a test.

    .venv/bin/python bench/bench_documents.py [--batch 1000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SOTTTT_DOCUMENT_FONT", "bundled")


def timed(fn, repeat: int = 30) -> float:  # noqa: ANN001
    fn()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def floor_page() -> bytes:
    """A4, one line in each of the four styles, fonts embedded: the least a document costs."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from sotttt_desktop.documents import fonts

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for index, style in enumerate(fonts.STYLES):
        page.setFont(fonts.font_name(style), 13)
        page.drawString(85, 780 - 20 * index, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập")
    page.showPage()
    page.save()
    return buffer.getvalue()


def issue_permits(services, count: int) -> list[str]:  # noqa: ANN001
    today = dt.date.today()
    holder = services.parties.add(kind="org", name="Công ty Cổ phần In và Truyền thông Bình "
                                  "Dương", tax_code="3700123123", district_code="718",
                                  address="Số 1 Đại lộ Bình Dương, phường Phú Hòa")
    references = []
    for index in range(count):
        code = services.dossiers.receive(
            "publishing.printing.issue", holder["id"],
            received_at=dt.datetime(2026, 1, 5, 8) + dt.timedelta(minutes=index))["code"]
        services.dossiers.act(code, "start_appraisal")
        services.dossiers.act(code, "approve")
        references.append(services.permits.issue(
            code, subject=f"Cơ sở in số {index + 1}", on=today,
            details={"products": "Báo, tạp chí, tem chống giả",
                     "equipment": "02 máy in offset 4 màu",
                     "owner": "Trần Văn Bình"})["reference"])
    return references


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=1000)
    args = parser.parse_args()
    from sotttt_desktop.documents import fonts
    from sotttt_desktop.documents.layout import render
    from sotttt_desktop.documents.templates import templates
    from sotttt_desktop.services.setup import initialise
    from sotttt_desktop.settings import sqlite_location

    fonts.register()
    with tempfile.TemporaryDirectory() as folder:
        services = initialise(sqlite_location(Path(folder) / "bench.sqlite3"), demo=False)
        started = time.perf_counter()
        small = args.batch // 10
        references = issue_permits(services, args.batch + small + 1)
        setup = time.perf_counter() - started
        sample = references.pop()
        data = services.documents.permit_data(sample)
        template = templates()["permit"]
        floor = timed(floor_page)
        layout_only = timed(lambda: render(template.build(data)))
        started = time.perf_counter()
        first = services.documents.render("permit", sample)  # collects data, stores, audits
        first_service = time.perf_counter() - started
        reprint = timed(lambda: services.documents.render("permit", sample), repeat=10)
        batch_times = {}
        for size, chunk in ((small, references[args.batch:]),
                            (args.batch, references[:args.batch])):
            started = time.perf_counter()
            total_bytes = sum(len(services.documents.render("permit", r).pdf) for r in chunk)
            batch_times[size] = (time.perf_counter() - started, total_bytes)
        services.db.close()
    print(f"setup: {args.batch + args.batch // 10 + 1} permits issued in {setup:.1f} s (not measured below)")
    print(f"floor: bare A4 page, 4 embedded fonts      {floor * 1000:7.2f} ms  "
          f"({len(floor_page()):,} bytes)")
    print(f"one permit, template + layout              {layout_only * 1000:7.2f} ms  "
          f"ratio {layout_only / floor:.2f}  ({len(first.pdf):,} bytes)")
    print(f"one permit, first issue via the service    {first_service * 1000:7.2f} ms  "
          f"ratio {first_service / floor:.2f}  (data from the database, stored, audited)")
    print(f"one permit, reprint via the service        {reprint * 1000:7.2f} ms  "
          f"ratio {reprint / floor:.2f}")
    for size, (seconds, total) in batch_times.items():
        print(f"batch of {size:>5} permits (first issue)      {seconds:7.2f} s   "
              f"{seconds / size * 1000:.2f} ms each  ({total / 1e6:.1f} MB)")
    small, large = sorted(batch_times)
    per_small = batch_times[small][0] / small
    per_large = batch_times[large][0] / large
    print(f"linearity: per-permit time at {large} / at {small} = {per_large / per_small:.2f}")


if __name__ == "__main__":
    main()
