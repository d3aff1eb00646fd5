"""Import benchmark: the messy 5,000-row printing-facility spreadsheet of the tests — preview
(read, validate, match) and commit of that preview (what the import dialog does), then export
(plain, then with progress and cancel as the GUI runs it). Not a test."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    from tests.services.test_register_files import _messy_workbook

    from sotttt_desktop.i18n import set_language
    from sotttt_desktop.services.actor import Actor
    from sotttt_desktop.services.setup import initialise
    from sotttt_desktop.settings import sqlite_location

    set_language("vi")
    folder = Path(tempfile.mkdtemp(prefix="bench-import-"))
    services = initialise(sqlite_location(folder / "bench.sqlite3"), actor=Actor.system())
    workbook = folder / "co-so-in.xlsx"
    _messy_workbook(workbook)
    started = time.perf_counter()
    preview = services.register_files.preview("printing_facilities", workbook)
    previewed = time.perf_counter() - started
    started = time.perf_counter()
    services.register_files.commit_preview(preview, skip_rejected=True)  # as the dialog does
    committed = time.perf_counter() - started
    started = time.perf_counter()
    rows = services.register_files.export("printing_facilities", folder / "out.xlsx")
    exported = time.perf_counter() - started
    started = time.perf_counter()
    services.register_files.export("printing_facilities", folder / "out2.xlsx",
                                   progress=lambda _d, _t: None, cancelled=lambda: False)
    reported = time.perf_counter() - started
    print(f"rows: {preview.counts()}")
    print(f"preview of 5,000 rows (read, validate, match)  {previewed:6.2f} s")
    print(f"commit of the preview (batched transactions)   {committed:6.2f} s")
    print(f"export of {rows} rows to XLSX                 {exported:6.2f} s")
    print(f"the same with progress and cancel (the GUI)    {reported:6.2f} s")


if __name__ == "__main__":
    main()
