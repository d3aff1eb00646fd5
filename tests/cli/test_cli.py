"""The command line: JSON contracts, and errors as one clear line with a non-zero exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sotttt_desktop.services.demo_inspection import party_count
from sotttt_desktop.services.demo_security import agency_names
from tests.cli.helpers import run, run_json

# at scale 0.1, the provincial agencies, the complainants and the organisations sanctioned
PARTIES = 200 + len(agency_names()) + party_count()


def test_init_with_demo_then_info(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "demo.sqlite3")
    created = run_json(capsys, "--db", db, "init", "--demo", "--scale", "0.1")
    assert created["counts"]["party"] == PARTIES
    info = run_json(capsys, "--db", db, "info")
    assert set(info) >= {"version", "database", "schema_revision", "counts"}
    assert info["database"] == db
    assert info["counts"]["district"] == 9 and info["counts"]["commune"] == 91
    from sotttt_desktop.registers import all_registers

    registers = [spec.model.__tablename__ for spec in all_registers().values()]
    assert info["counts"]["printing_facility"] >= 10  # demo facilities, and from demo permits
    assert info["counts"]["search_entry"] == sum(info["counts"][t] for t in registers)


def test_init_demo_volume_apart_from_the_scale(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    """`--volume` sets the one-stop volume apart from the parties: 0 keeps the demo's own
    cases only (a large party benchmark need not build years of dossiers)."""
    none = run_json(capsys, "--db", str(tmp_path / "none.sqlite3"), "init", "--demo", "--scale",
                    "0.1", "--volume", "0")
    some = run_json(capsys, "--db", str(tmp_path / "some.sqlite3"), "init", "--demo", "--scale",
                    "0.1", "--volume", "0.2")
    assert none["counts"]["party"] == some["counts"]["party"] == PARTIES
    assert none["counts"]["dossier"] < 20  # the hand-written cases (services/demo_cases.py)
    assert some["counts"]["dossier"] > 500  # about 3,500 per unit of volume
    assert some["counts"]["permit"] > none["counts"]["permit"]


def test_init_twice_keeps_the_data(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    run_json(capsys, "--db", str(db_path), "party", "add", "--kind", "org", "--name", "Công ty A")
    again = run_json(capsys, "--db", str(db_path), "init")
    assert again["counts"]["party"] == 1


def test_party_add_list_and_search(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    db = str(db_path)
    added = run_json(capsys, "party", "add", "--db", db, "--kind", "org",
                     "--name", "Công ty In Đức Hưng", "--tax-code", "3700123456",
                     "--address", "Số 1 Yersin", "--district", "thu dau mot")
    assert added["name"] == "Công ty In Đức Hưng"
    assert added["district"] == "Thành phố Thủ Dầu Một"
    person = run_json(capsys, "--db", db, "party", "add", "--kind", "person",
                      "--name", "Lê Thị Hồng", "--citizen-id", "074190001234",
                      "--date-of-birth", "02/09/1990")
    assert person["date_of_birth"] == "1990-09-02"
    listed = run_json(capsys, "--db", db, "party", "list")
    assert [p["name"] for p in listed] == ["Công ty In Đức Hưng", "Lê Thị Hồng"]
    only_orgs = run_json(capsys, "--db", db, "party", "list", "--kind", "org")
    assert len(only_orgs) == 1
    hits = run_json(capsys, "--db", db, "search", "cong ty in duc hung", "--limit", "5")
    assert hits[0]["kind"] == "party"
    assert hits[0]["id"] == added["id"]
    assert hits[0]["title"] == "Công ty In Đức Hưng"


def test_search_names_the_register_of_each_hit_and_says_when_there_are_more(
        capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    db = str(db_path)
    for n in range(3):
        run_json(capsys, "--db", db, "party", "add", "--kind", "org",
                 "--name", f"Công ty Sao Mai {n}")
    status, out, _err = run(capsys, "--db", db, "search", "sao mai", "--limit", "2")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith("Công ty Sao Mai") and "[Tổ chức, cá nhân]" in lines[0]
    assert len(lines) == 3 and "--limit" in lines[2]
    status, out, _err = run(capsys, "--db", db, "search", "sao mai")
    assert len(out.splitlines()) == 3 and "--limit" not in out
    hits = run_json(capsys, "--db", db, "search", "sao mai")
    assert {hit["register"] for hit in hits} == {"parties"}


def test_invalid_tax_code_is_one_line_on_stderr(capsys: pytest.CaptureFixture[str],
                                                db_path: Path) -> None:
    code, out, err = run(capsys, "--db", str(db_path), "party", "add", "--kind", "org",
                         "--name", "Công ty X", "--tax-code", "12AB")
    assert code == 2
    assert out == ""
    assert "Mã số thuế gồm 10 chữ số" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert run_json(capsys, "--db", str(db_path), "party", "list") == []


def test_duplicate_is_refused(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    args = ["--db", str(db_path), "party", "add", "--kind", "org", "--name", "Công ty A",
            "--tax-code", "3700000001"]
    assert run(capsys, *args)[0] == 0
    code, _out, err = run(capsys, *args)
    assert code == 2 and "Đã có tổ chức mang mã số thuế 3700000001" in err


def test_english_messages_on_request(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    code, _out, err = run(capsys, "--lang", "en", "--db", str(db_path), "party", "add",
                          "--kind", "org", "--name", "X", "--tax-code", "1")
    assert code == 2 and "A tax code has 10 digits" in err


def test_unknown_language_is_refused(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    code, _out, err = run(capsys, "--lang", "fr", "--db", str(db_path), "info")
    assert code == 2
    assert "Ngôn ngữ không hỗ trợ" in err and "vi, en" in err


def test_not_a_database_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 20)
    before = bogus.read_bytes()
    code, _out, err = run(capsys, "--db", str(bogus), "info")
    assert code == 3
    assert "không phải cơ sở dữ liệu" in err and "Traceback" not in err
    code, _out, _err = run(capsys, "--db", str(bogus), "init")
    assert code == 3
    assert bogus.read_bytes() == before


def test_missing_database_tells_how_to_create_it(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    code, _out, err = run(capsys, "--db", str(tmp_path / "none.sqlite3"), "info")
    assert code == 3 and "sotttt-desktop init" in err


def test_unknown_district(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    code, _out, err = run(capsys, "--db", str(db_path), "party", "list", "--district", "Hà Nội")
    assert code == 2 and "Không có huyện" in err


def test_installed_entry_point_runs_headless(db_path: Path) -> None:
    env = {**os.environ, "SOTTTT_DB": str(db_path)}
    result = subprocess.run([sys.executable, "-m", "sotttt_desktop", "info", "--json"],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["schema_revision"]
    assert "PySide6" not in result.stderr


def test_two_processes_writing_at_once_both_succeed(db_path: Path) -> None:
    env = {**os.environ, "SOTTTT_DB": str(db_path)}
    procs = [
        subprocess.Popen([sys.executable, "-m", "sotttt_desktop", "init", "--demo", "--scale",
                          "0.25"] if i == 0 else
                         [sys.executable, "-m", "sotttt_desktop", "party", "add", "--kind",
                          "org", "--name", f"Công ty song song {i}", "--tax-code",
                          f"390000000{i}"],
                         env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for i in range(4)
    ]
    results = [p.communicate(timeout=120) for p in procs]
    codes = [p.returncode for p in procs]
    # the demo may refuse if a party was added first; nothing may crash or corrupt the file
    assert all(c == 0 for c in codes[1:]), results
    assert codes[0] in (0, 2), results[0]
    check = subprocess.run([sys.executable, "-c",
                            f"import sqlite3; print(sqlite3.connect({str(db_path)!r})"
                            ".execute('PRAGMA integrity_check').fetchone()[0])"],
                           capture_output=True, text=True, timeout=60)
    assert check.stdout.strip() == "ok"
