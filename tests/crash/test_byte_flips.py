"""#22: a damaged database file is never opened for writing, and nothing crashes on one.

A demo copy gets one byte flipped, 200 times over (a seeded mix of the header, the schema page
and the rest of the file). Each time `check` runs, then a read and a write through the real
command line: none may crash (no traceback, no "Unexpected error"); when `check` calls the file
damaged, the write is refused and the file keeps every byte it had."""

from __future__ import annotations

import hashlib
import random
import shutil
from pathlib import Path

import pytest

from sotttt_desktop.cli.main import main

FLIPS = 200
UNEXPECTED = ("Traceback", "Unexpected error", "Lỗi không mong đợi")


def _offsets(size: int, rng: random.Random) -> list[int]:
    header = [rng.randrange(0, 100) for _ in range(20)]  # the 100-byte database header
    schema = [rng.randrange(100, 4096) for _ in range(30)]  # page 1: sqlite_schema
    rest = [rng.randrange(4096, size) for _ in range(FLIPS - 50)]
    return header + schema + rest


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    try:
        status = main(list(argv))
    except SystemExit as exit_:
        status = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return status, out + err


def test_two_hundred_flipped_bytes_crash_nothing_and_damaged_files_are_not_written(
        demo_template_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SOTTTT_USER", "chuyenvien")
    monkeypatch.setenv("SOTTTT_PASSWORD", "demo-2023")
    monkeypatch.chdir(tmp_path)
    size = demo_template_db.stat().st_size
    rng = random.Random(22)
    crashes, written, damaged = [], [], 0
    for index, offset in enumerate(_offsets(size, rng)):
        path = tmp_path / f"flip-{index}.sqlite3"
        shutil.copyfile(demo_template_db, path)
        with path.open("r+b") as fh:
            fh.seek(offset)
            byte = fh.read(1)[0]
            fh.seek(offset)
            fh.write(bytes([byte ^ (1 << rng.randrange(8))]))
        check_status, check_text = _run(capsys, "--db", str(path), "check")
        before = _digest(path)
        read_status, read_text = _run(capsys, "--db", str(path), "party", "list", "--limit", "5")
        write_status, write_text = _run(capsys, "--db", str(path), "party", "add", "--kind",
                                        "org", "--name", f"Công ty Lật Byte {index}",
                                        "--tax-code", f"37{index:08d}", "--district", "718")
        for text in (check_text, read_text, write_text):
            if any(word in text for word in UNEXPECTED):
                crashes.append(f"flip {index} at {offset}: {text.strip()[:300]}")
        if check_status != 0:
            damaged += 1
            if write_status == 0 or _digest(path) != before:
                written.append(f"flip {index} at {offset}: check {check_status}, "
                               f"write {write_status}: {write_text.strip()[:200]}")
        path.unlink()
        for extra in tmp_path.glob(f"flip-{index}.sqlite3*"):
            extra.unlink()
    assert not crashes, "\n".join(crashes)
    assert not written, "\n".join(written)
    assert damaged >= 20, f"only {damaged} of {FLIPS} flips were seen as damage"
