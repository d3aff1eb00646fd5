"""Spreadsheet files as untrusted input and as output: XLSX (openpyxl) and CSV, read within fixed
limits (size unpacked, columns, cell length, no DTD) so that a forged workbook cannot take the
machine's memory, and written so that a spreadsheet never runs a cell as a formula. Nothing here
knows a register: `register_files` matches headings and validates rows.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sotttt_desktop.core.safe_write import os_reason
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _

SUFFIXES = (".xlsx", ".csv")
# Limits that keep any file, however forged, to a bounded amount of memory and time.
MAX_FILE_BYTES = 32 * 2**20  # the file as stored (an 80,000-row register is ~6 MB of XLSX)
MAX_UNPACKED_BYTES = 256 * 2**20  # everything a workbook unpacks to, counted while unpacking
MAX_PART_BYTES = 32 * 2**20  # one part other than a sheet (the shared strings are held whole)
MAX_MEMBERS = 2_000  # parts of a workbook
MAX_COLUMNS = 200  # cells of a row
MAX_CELL_CHARS = 131_072  # characters of a cell (128 K; csv's own field limit)
MAX_TEXT_RUN = 2**20  # bytes of a workbook's XML between two tags
CHUNK = 2**20
# A CSV cell a spreadsheet would run as a formula starts with one of these (after any number of
# apostrophes, so that our export can always add one and our import take exactly one away).
FORMULA_START = re.compile(r"'*[=+\-@\t\r]")
NEUTRALISED = re.compile(r"'+[=+\-@\t\r]")


def read_bytes(path: Path) -> bytes:
    if path.suffix.lower() not in SUFFIXES:
        raise ValidationError(_("Import a .xlsx or .csv file."))
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as error:
        raise ValidationError(_("There is no file {path}.").format(path=path)) from error
    except OSError as error:
        raise ValidationError(_("Cannot read {path}: {error}").format(
            path=path, error=os_reason(error))) from error
    if len(data) > MAX_FILE_BYTES:
        raise too_large(path)
    return data


def too_large(path: Path) -> ValidationError:
    return ValidationError(_("{path} is too large to import (at most {limit} MB of data): split "
                             "it.").format(path=path, limit=MAX_UNPACKED_BYTES // 2**20))


def too_wide(line: int) -> ValidationError:
    return ValidationError(_("Row {line} has more than {limit} columns: this is not a register "
                             "table.").format(line=line, limit=MAX_COLUMNS))


def too_long(line: int) -> ValidationError:
    return ValidationError(_("Row {line}: a cell holds more than {limit} characters.").format(
        line=line, limit=MAX_CELL_CHARS))


def csv_rows(path: Path, data: bytes) -> Iterator[tuple[int, list[Any]]]:
    """Rows of a CSV file in UTF-8 (with or without BOM), a Vietnamese or Western code page, or
    Excel's "Unicode Text" (UTF-16 with BOM, tab-separated)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings: tuple[str, ...] = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "cp1258", "cp1252")
    encoding = next((e for e in encodings if decodes(data, e)), None)
    if encoding is None:
        raise ValidationError(_("{path} is not text in UTF-8.").format(path=path))
    start = io.TextIOWrapper(io.BytesIO(data[:16384]), encoding=encoding, newline="",
                             errors="ignore").read(4096)
    try:
        dialect: Any = csv.Sniffer().sniff(start, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel_tab if encoding == "utf-16" else csv.excel
    # decoded while read: the whole text is never held twice
    reader = csv.reader(io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline=""),
                        dialect)
    number = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:  # a cell over the limit, an unclosed quote at the end
            if "field limit" in str(error):
                raise too_long(reader.line_num) from error
            raise ValidationError(_("{path} is not a readable CSV file (row {line}).").format(
                path=path, line=reader.line_num)) from error
        number += 1
        if any("\x00" in cell for cell in cells):
            raise ValidationError(_("{path} is not a text (CSV) file.").format(path=path))
        if len(cells) > MAX_COLUMNS:
            raise too_wide(number)
        yield number, cells


def decodes(data: bytes, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        for start in range(0, len(data), CHUNK):
            decoder.decode(data[start:start + CHUNK])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def csv_value(value: str) -> str:
    """A CSV cell as our export meant it: a leading apostrophe that neutralised a formula
    character is removed ("'=SUM(A1)" → "=SUM(A1)", "'-5" → "-5")."""
    return value[1:] if NEUTRALISED.match(value) else value


def xlsx_rows(path: Path, data: bytes) -> Iterator[tuple[int, list[Any]]]:
    """Rows of the first sheet, streamed; the declared dimension is ignored, the package is
    checked first (sizes counted while unpacking, no DTD), columns and cells capped."""
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.worksheet._reader import WorkSheetParser

    def unreadable(error: object) -> ValidationError:
        return ValidationError(_("{path} is not a readable Excel file ({error}).").format(
            path=path, error=error))

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        check_package(path, archive)
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        if not book.worksheets:
            raise ValidationError(_("{path} has no sheet.").format(path=path))
        sheet = book.worksheets[0]
        with archive.open(sheet._worksheet_path) as source:  # noqa: SLF001
            parser = WorkSheetParser(source, sheet._shared_strings, data_only=True,  # noqa: SLF001
                                     epoch=book.epoch, date_formats=book._date_formats,  # noqa: SLF001
                                     timedelta_formats=book._timedelta_formats)  # noqa: SLF001
            for number, cells in parser.parse():
                if not cells:
                    continue
                width = max(cell["column"] for cell in cells)
                if width > MAX_COLUMNS or len(cells) > MAX_COLUMNS:
                    raise too_wide(number)
                row: list[Any] = [None] * width
                for cell in cells:
                    value = cell["value"]
                    if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                        raise too_long(number)
                    row[cell["column"] - 1] = value
                yield number, row
    except ValidationError:
        raise
    except MemoryError as error:
        raise too_large(path) from error
    except Exception as error:  # noqa: BLE001 - any defect of an untrusted file: one clear line
        raise unreadable(error) from error


def check_package(path: Path, archive: Any) -> None:  # noqa: ANN401 - a ZipFile
    """Refuse a workbook that unpacks to more than the limits (counted while unpacking: the
    sizes a zip declares may lie), holds a very long run of text, or declares a document type
    (external entities, entity expansion: a spreadsheet never needs one)."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise too_large(path)
    total = 0
    for member in members:
        limit = MAX_UNPACKED_BYTES if member.filename.startswith("xl/worksheets/") \
            else MAX_PART_BYTES
        if member.file_size > limit:
            raise too_large(path)
        size = 0
        run = 0  # bytes since the last "<": a cell's text, a string
        tail = b""
        with archive.open(member) as fh:
            while chunk := fh.read(CHUNK):
                total += len(chunk)
                size += len(chunk)
                if total > MAX_UNPACKED_BYTES or size > limit:
                    raise too_large(path)
                window = tail + chunk
                if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                    raise ValidationError(_("{path} declares an XML document type (DTD), which no "
                                            "spreadsheet needs: it is refused.").format(path=path))
                tail = chunk[-16:]
                parts = chunk.split(b"<")
                if len(parts) == 1:
                    run += len(chunk)
                else:
                    run = max(run + len(parts[0]), max(map(len, parts[1:-1]), default=0))
                    if run > MAX_TEXT_RUN:
                        raise too_long_text(path)
                    run = len(parts[-1])
                if run > MAX_TEXT_RUN:
                    raise too_long_text(path)


def too_long_text(path: Path) -> ValidationError:
    return ValidationError(_("{path} holds a text of more than {limit} characters: it is "
                             "refused.").format(path=path, limit=MAX_CELL_CHARS))


def write_csv(path: Path, headings: list[str], rows: Any) -> int:  # noqa: ANN401
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as fh:  # the BOM: Excel reads UTF-8
        writer = csv.writer(fh)
        writer.writerow(headings)
        for row in rows:
            writer.writerow([neutralised(value) for value in row])
            count += 1
    return count


def neutralised(value: str) -> str:
    """A CSV cell that a spreadsheet would run as a formula ("=…", "+…", "-…", "@…", a tab or
    carriage return first) gets a leading apostrophe: shown as text; our import takes it away."""
    return "'" + value if FORMULA_START.match(value) else value


def write_xlsx(path: Path, headings: list[str], rows: Any, title: str,  # noqa: ANN401
                widths: list[int] | None = None) -> int:
    """A finished sheet: bold heading row on a shaded band, frozen; columns sized from the
    register's declaration; the filter on; dates as dates (dd/mm/yyyy); text stays text."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31].rstrip())
    for index, width in enumerate(widths or [], start=1):  # before any row (write-only mode)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    band = PatternFill("solid", fgColor="DDE6F0")
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    heading_cells = []
    for text in headings:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font, cell.fill, cell.alignment = bold, band, centred
        heading_cells.append(cell)
    sheet.append(heading_cells)
    count = 0
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value if value != "" else None)
            if isinstance(value, dt.date):
                cell.number_format = "DD/MM/YYYY"
            elif isinstance(value, int | float) and not isinstance(value, bool):
                # a number (an amount, a count, an area) stays a number
                cell.number_format = "#,##0" if isinstance(value, int) else "#,##0.###"
            elif value:
                cell.data_type = "s"  # text stays text: "=…" is never a formula, "0274" keeps 0
            cells.append(cell)
        sheet.append(cells)
        count += 1
    if headings:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headings))}{count + 1}"
    book.save(path)
    return count
