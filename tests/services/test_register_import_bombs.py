"""Spreadsheet bombs (issue #22, class 16): forged dimensions, padded and wide rows, huge cells
and shared strings. Each is refused (or read) in one clear line while the importing process
stays under 300 MB: measured in a subprocess, as a clerk's machine would run it."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.services.test_register_import_hardening import _xlsx_with

NS = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
HEADING = (b'<row r="1"><c r="A1" t="inlineStr"><is><t>Lo\xe1\xba\xa1i</t></is></c>'
           b'<c r="B1" t="inlineStr"><is><t>T\xc3\xaan</t></is></c>'
           b'<c r="C1" t="inlineStr"><is><t>MST</t></is></c></row>')
LIMIT_MB = 300


def _write_part(path: Path, part: str, chunks: object) -> None:
    """Replace one part of a real workbook by streamed content (never held whole here)."""
    plain = _xlsx_with(path.with_suffix(".base.xlsx"))
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w",
                                                           zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename == part:
                continue
            target.writestr(item.filename, source.read(item.filename))
        with target.open(part, "w", force_zip64=True) as fh:
            for chunk in chunks:  # type: ignore[attr-defined]
                fh.write(chunk)
    plain.unlink()


def _sheet(*middle: object) -> object:
    yield NS + b'<dimension ref="A1:XFD1048576"/><sheetData>' + HEADING
    for part in middle:
        yield from part  # type: ignore[misc]
    yield b"</sheetData></worksheet>"


def _bombs(folder: Path) -> dict[str, Path]:
    sheet = "xl/worksheets/sheet1.xml"
    made: dict[str, Path] = {}
    # a forged dimension and rows padded to the last row and column Excel has
    made["dimension"] = folder / "dimension.xlsx"
    _write_part(made["dimension"], sheet, _sheet(
        (b'<row r="%d" spans="1:16384"/>' % n for n in range(2, 200_000)),
        [b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>']))
    # every row with one cell in the last column
    made["wide rows"] = folder / "wide.xlsx"
    _write_part(made["wide rows"], sheet, _sheet(
        (b'<row r="%d"><c r="XFD%d"><v>1</v></c></row>' % (n, n) for n in range(2, 100_000)),))
    # one cell of 200 MB, inline in the sheet
    made["huge inline cell"] = folder / "inline.xlsx"
    _write_part(made["huge inline cell"], sheet, _sheet(
        [b'<row r="2"><c r="B2" t="inlineStr"><is><t>'], (b"A" * 2**20 for _ in range(200)),
        [b"</t></is></c></row>"]))
    # one shared string of 300 MB
    made["huge shared string"] = folder / "shared.xlsx"
    _write_part(made["huge shared string"], "xl/sharedStrings.xml", (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
        if n < 0 else b"A" * 2**20 if n < 300 else b"</t></si></sst>" for n in range(-1, 301)))
    # as many distinct short shared strings as the limit lets in (each a Python object), then
    # rows too many
    made["many shared strings"] = folder / "strings.xlsx"
    _write_part(made["many shared strings"], "xl/sharedStrings.xml", (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' if n < 0
        else b"</sst>" if n == 1_500_000 else b"<si><t>%d</t></si>" % n
        for n in range(-1, 1_500_001)))
    # a 256 MB CSV-free sheet of small cells: 3 used columns, 300,000 rows
    made["too many rows"] = folder / "rows.xlsx"
    _write_part(made["too many rows"], sheet, _sheet(
        (b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>T\xe1\xbb\x95 ch\xe1\xbb\xa9c</t></is>'
         b'</c><c r="B%d" t="inlineStr"><is><t>C\xc3\xb4ng ty %d</t></is></c>'
         b'<c r="C%d"><v>37%08d</v></c></row>' % (n, n, n, n, n, n)
         for n in range(2, 100_000)),))
    return made


MEASURE = """
import json, resource, sys
from pathlib import Path
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import set_language
from sotttt_desktop.services.setup import open_services
from sotttt_desktop.settings import sqlite_location
from tests.conftest import TEST_ACTOR

set_language("vi")
services = open_services(sqlite_location(Path(sys.argv[1])), actor=TEST_ACTOR)
try:
    services.register_files.preview("parties", Path(sys.argv[2]))
    outcome = "read"
except ValidationError as error:
    outcome = str(error)
# the peak of this process (VmHWM: ru_maxrss would carry the parent's peak over the fork)
status = Path("/proc/self/status")
peak = next((int(line.split()[1]) for line in status.read_text().splitlines()
             if line.startswith("VmHWM:")), None) if status.exists() else None
peak = peak or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"outcome": outcome, "mb": peak / 1024}))
"""


@pytest.fixture(scope="module")
def bombs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _bombs(tmp_path_factory.mktemp("bombs"))


@pytest.mark.parametrize("case", ["dimension", "wide rows", "huge inline cell",
                                  "huge shared string", "many shared strings", "too many rows"])
def test_a_spreadsheet_bomb_is_refused_within_300_mb(bombs: dict[str, Path], db_path: Path,
                                                     case: str) -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", MEASURE, str(db_path), str(bombs[case])],
                          capture_output=True, text=True, timeout=300, cwd=root,
                          env={"PYTHONPATH": f"{root / 'src'}:{root}", "PATH": "/usr/bin:/bin",
                               "SOTTTT_LANG": "vi", "HOME": str(db_path.parent)})
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(case, result)
    assert result["mb"] < LIMIT_MB, result
    expected = {"dimension": "có quá 200 cột", "wide rows": "có quá 200 cột",
                "huge inline cell": "dài quá 131072 ký tự", "huge shared string": "quá lớn",
                "many shared strings": "read", "too many rows": "hơn 80000 dòng"}[case]
    assert expected in result["outcome"] and "\n" not in result["outcome"], result
    assert bombs[case].stat().st_size < 32 * 2**20
