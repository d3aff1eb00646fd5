"""#22 at the command line: what used to crash or mislead now gives one clear line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import run


@pytest.mark.parametrize("url", ["foo://x", "mysql://a@b/c", "::::", "postgresql+asyncpg://u@h/d"])
def test_a_database_address_of_another_kind_is_refused_in_one_line(
        url: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = run(capsys, "--database-url", url, "info")
    assert status == 2  # bad input
    assert "postgresql+psycopg://" in err and len(err.strip().splitlines()) == 1


def test_a_moment_with_a_time_zone_is_read_as_local_time(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 08:30 UTC is 15:30 in Vietnam: after 15:00, so day 1 is the next working day's next day
    status, out, err = run(capsys, "--db", str(db_path), "calendar", "due",
                           "2024-03-05T08:30Z", "1", "--unit", "working-days", "--json")
    assert status == 0, err
    result = json.loads(out)
    assert result["received"] == "2024-03-05T15:30:00"
    assert result["due"] == "2024-03-07"
    status, out, _err = run(capsys, "--db", str(db_path), "calendar", "due",
                            "2024-03-05T14:00+07:00", "1", "--unit", "working-days", "--json")
    assert json.loads(out)["due"] == "2024-03-06"


@pytest.mark.parametrize("argv", [
    ["dossier", "list", "--area", "bogus"],
    ["dossier", "list", "--procedure", "bogus"],
    ["permit", "list", "--family", "bogus"],
    ["dossier", "list", "--due-within", "9" * 30],
    ["permit", "list", "--expiring-within", "-5"],
    ["init", "--demo", "--scale", "nan"],
    ["search", "x", "--limit", "1e9"],
])
def test_a_filter_that_cannot_match_is_refused_not_silently_empty(
        db_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    try:
        status, out, err = run(capsys, "--db", str(db_path), *argv)
    except SystemExit as exit_:
        status, (out, err) = exit_.code, capsys.readouterr()
    assert status == 2
    assert out == "" and "Traceback" not in err


def test_verify_speaks_the_users_language(demo_db_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _err = run(capsys, "--db", str(demo_db_path), "--lang", "en", "verify",
                            "SOTTTT1|01/GP-STTTT|2024|20240101|-|X|000000000000")
    assert status == 1 and "forged or altered" in out


def test_a_closed_pipe_ends_the_command_quietly(demo_db_path: Path) -> None:
    """`sotttt-desktop party list --limit 5000 | head -1`: no 'Broken pipe' story."""
    env = {**os.environ, "SOTTTT_DB": str(demo_db_path)}
    process = subprocess.Popen([sys.executable, "-m", "sotttt_desktop", "party", "list",
                                "--limit", "5000"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=env)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # the reader goes away
    err = process.stderr.read().decode()
    process.wait(timeout=60)
    assert "Traceback" not in err and "Broken pipe" not in err and "Exception" not in err, err
