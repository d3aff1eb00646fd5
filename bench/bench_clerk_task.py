"""A clerk's whole task, timed (issue: fast on the clerks' real machines).

The task: find a printing facility by part of its name typed without diacritics, open its record,
print its permit to a PDF file.

- **The application**, already running (offscreen) and signed in, on the scale-500 database: type
  the words into the printing facilities' filter box, wait for the list, open the record's detail
  window, open the permit's preview and print it on a PDF printer.
- **The spreadsheet way**, with LibreOffice (Debian's `libreoffice-calc-nogui`, headless): load
  the register exported as XLSX (converted to CSV by Calc, which is its load) and find the row,
  then fill a permit template (a flat ODT written with the same words) and convert it to PDF with
  Writer.

Prints both times and the ratio (goal ≥ 20×). Asserts nothing.

    .venv/bin/python bench/bench_clerk_task.py [--db bench/out/scale500.sqlite3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def target(services) -> tuple[str, str]:  # noqa: ANN001
    """(words a clerk types, permit number): the demo's printing licence and its holder's name
    without diacritics, its last three words (the distinctive part of a company name)."""
    from sotttt_desktop.core.text import fold

    permit = next(p for p in services.permits.list(limit=1000)
                  if p["family"] == "publishing.printing")
    return " ".join(fold(permit["holder"]).split()[-3:]), permit["reference"]


def app_task(db: str, out: Path) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication

    import sotttt_desktop.ui  # noqa: F401 - the application's Qt import first
    from sotttt_desktop.i18n import set_language
    from sotttt_desktop.services.setup import open_services
    from sotttt_desktop.settings import sqlite_location
    from sotttt_desktop.ui.app import application, open_main_window, ui_settings
    from sotttt_desktop.ui.dialogs.record_detail import RecordDetailDialog
    from sotttt_desktop.ui.document_preview import preview
    from sotttt_desktop.ui.events import process_events

    set_language("vi")
    application()
    base = open_services(sqlite_location(Path(db)))
    services = base.as_actor(base.security.login("lanhdao", "demo-2023"))
    window = open_main_window(services, ui_settings())
    view = next(v for v in window.area_tab("publishing").register_views
                if v._key == "printing_facilities")  # noqa: SLF001 - the bench drives the view
    process_events()
    words, reference = target(services)
    started = time.perf_counter()
    view.filter_edit.setText(words)
    view.apply_filter()
    process_events()
    view.table.selectRow(0)
    record = services.registers.record("printing_facilities", view.selected_id())
    detail = RecordDetailDialog(services, "printing_facilities", record, window)
    detail.show()
    process_events()
    found = time.perf_counter()
    assert record["licence_no"] == reference.split("@")[0], (record["name"], words)
    shown = preview(services, "permit", reference, record["licence_no"], window)
    process_events()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    pages = shown.print_document(printer)
    printed = time.perf_counter()
    assert pages and out.stat().st_size > 0
    QApplication.closeAllWindows()
    return {"find and open": found - started, "print": printed - found,
            "total": printed - started, "pages": pages}


FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"
 office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>
{paragraphs}
</office:text></office:body></office:document>
"""


def office_task(db: str, folder: Path) -> dict[str, float]:
    from xml.sax.saxutils import escape

    from sotttt_desktop.core.text import fold
    from sotttt_desktop.services.setup import open_services
    from sotttt_desktop.settings import sqlite_location

    base = open_services(sqlite_location(Path(db)))
    services = base.as_actor(base.security.login("lanhdao", "demo-2023"))
    sheet = folder / "printing_facilities.xlsx"
    services.register_files.export("printing_facilities", sheet)  # the clerk's spreadsheet
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    profile = f"-env:UserInstallation=file://{folder / 'lo-profile'}"
    subprocess.run([soffice, profile, "--headless", "--terminate_after_init"],
                   capture_output=True, check=False)  # the profile made once, not timed
    words, _reference = target(services)
    started = time.perf_counter()
    subprocess.run([soffice, profile, "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir",
                    str(folder), str(sheet)], capture_output=True, check=True)
    rows = (folder / "printing_facilities.csv").read_text(encoding="utf-8", errors="replace")
    row = next(line for line in rows.splitlines() if all(w in fold(line) for w in words.split()))
    found = time.perf_counter()
    words = ["SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "GIẤY PHÉP HOẠT ĐỘNG IN", *row.split(",")]
    template = folder / "permit.fodt"
    template.write_text(FODT.format(paragraphs="\n".join(
        f"<text:p>{escape(word)}</text:p>" for word in words)), encoding="utf-8")
    subprocess.run([soffice, profile, "--headless", "--convert-to", "pdf", "--outdir",
                    str(folder), str(template)], capture_output=True, check=True)
    printed = time.perf_counter()
    assert (folder / "permit.pdf").stat().st_size > 0
    return {"find and open": found - started, "print": printed - found,
            "total": printed - started}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=str(HERE / "out" / "scale500.sqlite3"))
    parser.add_argument("--child", choices=["app", "office"])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if args.child:
        folder = Path(tempfile.mkdtemp(prefix="clerk-task-"))
        result = app_task(args.db, folder / "permit.pdf") if args.child == "app" \
            else office_task(args.db, folder)
        print(json.dumps(result))
        return
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        sys.exit("LibreOffice is not installed: apt-get install libreoffice-calc-nogui "
                 "libreoffice-writer-nogui")

    def runs(kind: str) -> list[dict[str, float]]:
        out = []
        for _ in range(args.runs):
            done = subprocess.run([sys.executable, __file__, "--child", kind, "--db", args.db],
                                  capture_output=True, text=True, check=True)
            out.append(json.loads(done.stdout.strip().splitlines()[-1]))
        return out

    app, office = runs("app"), runs("office")

    def median(results: list[dict[str, float]], key: str) -> float:
        values = sorted(r[key] for r in results)
        return values[len(values) // 2]

    print(f"A clerk's task on {args.db}, median of {args.runs} runs")
    print(f"{'step':18} {'application s':>14} {'LibreOffice s':>14} {'ratio':>8}")
    for key in ("find and open", "print", "total"):
        a, o = median(app, key), median(office, key)
        print(f"{key:18} {a:14.3f} {o:14.3f} {o / a:7.1f}x")


if __name__ == "__main__":
    main()
