"""Security through the command line: --user, SOTTTT_PASSWORD, users, roles, audit verify."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.cli.helpers import run, run_json
from tests.conftest import TEST_PASSWORD


def test_init_admin_creates_the_first_administrator(capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "new.sqlite3")
    monkeypatch.setenv("SOTTTT_PASSWORD", "quan-tri-2024")
    code, _out, err = run(capsys, "--db", db, "init", "--admin", "quantri")
    assert code == 0, err
    monkeypatch.setenv("SOTTTT_USER", "quantri")
    code, out, err = run(capsys, "--db", db, "users", "list", "--json")
    assert code == 0, err
    users = json.loads(out)
    assert [(u["username"], u["roles"]) for u in users] == [("quantri", ["administrator"])]
    assert "password_hash" not in out and "argon2" not in out
    code, _out, err = run(capsys, "--db", db, "init", "--admin", "thu-hai")
    assert code == 2 and "đã có người dùng" in err


def test_write_commands_need_a_user(capsys: pytest.CaptureFixture[str], db_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOTTTT_USER")
    code, _out, err = run(capsys, "--db", str(db_path), "party", "add", "--kind", "org",
                          "--name", "Công ty X")
    assert code == 7 and "--user" in err
    # reading works without a user (read-only rights)
    assert run(capsys, "--db", str(db_path), "party", "list", "--json")[0] == 0


def test_a_wrong_password_is_refused_without_echoing_it(capsys: pytest.CaptureFixture[str],
                                                        db_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOTTTT_PASSWORD", "doan-sai-XYZ")
    code, out, err = run(capsys, "--db", str(db_path), "party", "add", "--kind", "org",
                         "--name", "Công ty X")
    assert code == 7 and "Sai tên đăng nhập hoặc mật khẩu" in err
    assert "doan-sai-XYZ" not in out + err


def test_users_lifecycle(capsys: pytest.CaptureFixture[str], db_path: Path,
                         monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(db_path)
    monkeypatch.setenv("SOTTTT_NEW_PASSWORD", "tam-thoi-2024")
    code, out, err = run(capsys, "--db", db, "users", "add", "can.bo", "--role",
                         "district_officer", "--district", "di an", "--full-name",
                         "Nguyễn Văn Cán Bộ", "--json")
    assert code == 0, err
    user = json.loads(out)
    assert user["district_code"] == 724 and user["must_change_password"]
    # the new user must change the temporary password before writing
    monkeypatch.setenv("SOTTTT_USER", "can.bo")
    monkeypatch.setenv("SOTTTT_PASSWORD", "tam-thoi-2024")
    code, _out, err = run(capsys, "--db", db, "party", "add", "--kind", "org", "--name", "A")
    assert code == 6 and "đổi mật khẩu" in err
    monkeypatch.setenv("SOTTTT_NEW_PASSWORD", "rieng-cua-toi-1")
    assert run(capsys, "--db", db, "users", "passwd")[0] == 0
    monkeypatch.setenv("SOTTTT_PASSWORD", "rieng-cua-toi-1")
    code, out, err = run(capsys, "--db", db, "party", "add", "--kind", "org", "--name", "A",
                         "--json")
    assert code == 0, err
    assert json.loads(out)["district"] == "Thành phố Dĩ An"
    # the administrator disables the account; log-in is refused
    monkeypatch.setenv("SOTTTT_USER", "admin")
    monkeypatch.setenv("SOTTTT_PASSWORD", TEST_PASSWORD)
    assert run(capsys, "--db", db, "users", "disable", "can.bo")[0] == 0
    monkeypatch.setenv("SOTTTT_USER", "can.bo")
    monkeypatch.setenv("SOTTTT_PASSWORD", "rieng-cua-toi-1")
    code, _out, err = run(capsys, "--db", db, "party", "list")
    assert code == 7 and "vô hiệu hóa" in err


def test_only_administrators_manage_users(capsys: pytest.CaptureFixture[str], db_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(db_path)
    monkeypatch.setenv("SOTTTT_NEW_PASSWORD", "chi-xem-2024")
    assert run(capsys, "--db", db, "users", "add", "xem", "--role", "viewer")[0] == 0
    monkeypatch.setenv("SOTTTT_USER", "xem")
    monkeypatch.setenv("SOTTTT_PASSWORD", "chi-xem-2024")
    monkeypatch.setenv("SOTTTT_NEW_PASSWORD", "chi-xem-2025")
    assert run(capsys, "--db", db, "users", "passwd")[0] == 0
    monkeypatch.setenv("SOTTTT_PASSWORD", "chi-xem-2025")
    code, _out, err = run(capsys, "--db", db, "users", "add", "khac", "--role", "administrator")
    assert code == 6 and "không có quyền" in err


def test_roles_can_be_listed_and_changed(capsys: pytest.CaptureFixture[str],
                                         db_path: Path) -> None:
    db = str(db_path)
    code, out, _err = run(capsys, "--db", db, "roles", "list", "--json")
    matrix = json.loads(out)
    assert set(matrix) == {"administrator", "leader", "head_of_unit", "specialist",
                           "one_stop_clerk", "records_clerk", "inspector", "district_officer", "viewer"}
    assert matrix["district_officer"]["district_scoped"] is True
    code, out, err = run(capsys, "--db", db, "roles", "grant", "viewer", "directory", "export",
                         "--json")
    assert code == 0, err
    assert "directory:export" in json.loads(out)["grants"]
    code, _out, err = run(capsys, "--db", db, "roles", "grant", "viewer", "mars", "view")
    assert code == 2 and "Không có lĩnh vực" in err


def test_audit_verify_passes_then_names_a_tampered_row(capsys: pytest.CaptureFixture[str],
                                                       db_path: Path) -> None:
    db = str(db_path)
    for i in range(3):
        assert run(capsys, "--db", db, "party", "add", "--kind", "org", "--name",
                   f"Công ty Số {i}")[0] == 0
    code, out, _err = run(capsys, "--db", db, "audit", "verify", "--json")
    assert code == 0 and json.loads(out)["ok"] is True
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TRIGGER audit_entry_no_update")
        row = conn.execute("SELECT id FROM audit_entry WHERE summary = 'Công ty Số 1'").fetchone()
        conn.execute("UPDATE audit_entry SET summary = 'Công ty Số 9' WHERE id = ?", row)
    code, _out, err = run(capsys, "--db", db, "audit", "verify")
    assert code == 8
    assert f"mục số {row[0]}" in err


def test_audit_list_for_leaders(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    db = str(db_path)
    run(capsys, "--db", db, "party", "add", "--kind", "org", "--name", "Công ty Nhật Ký")
    code, out, err = run(capsys, "--db", db, "audit", "list", "--by", "admin", "--json")
    assert code == 0, err
    entries = json.loads(out)
    assert any(e["action"] == "create" and e["summary"] == "Công ty Nhật Ký" for e in entries)
    code, _out, err = run(capsys, "--db", db, "audit", "list", "--since", "hôm qua")
    assert code == 2 and "ngày/tháng/năm" in err  # bad input: exit 2


def test_a_new_account_gets_a_one_time_password_not_the_administrators(
        capsys: pytest.CaptureFixture[str], db_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(db_path)
    monkeypatch.delenv("SOTTTT_NEW_PASSWORD", raising=False)
    code, out, err = run(capsys, "--db", db, "users", "add", "moi.den", "--role", "viewer")
    assert code == 0, err
    line = next(x for x in out.splitlines() if "Mật khẩu dùng một lần" in x)
    one_time = line.rsplit(": ", 1)[1]
    assert len(one_time) >= 16 and TEST_PASSWORD not in out
    monkeypatch.setenv("SOTTTT_USER", "moi.den")
    monkeypatch.setenv("SOTTTT_PASSWORD", TEST_PASSWORD)  # the administrator's: refused
    assert run(capsys, "--db", db, "party", "list")[0] == 7
    monkeypatch.setenv("SOTTTT_PASSWORD", one_time)
    code, _out, err = run(capsys, "--db", db, "party", "add", "--kind", "org", "--name", "A")
    assert code == 6 and "đổi mật khẩu" in err  # must be changed first
    # a reset, as JSON, gives a fresh one-time password too
    monkeypatch.setenv("SOTTTT_USER", "admin")
    monkeypatch.setenv("SOTTTT_PASSWORD", TEST_PASSWORD)
    code, out, err = run(capsys, "--db", db, "users", "reset-password", "moi.den", "--json")
    assert code == 0, err
    again = json.loads(out)["one_time_password"]
    assert again not in (one_time, TEST_PASSWORD) and "password_hash" not in out


def test_init_demo_refuses_a_database_in_use(capsys: pytest.CaptureFixture[str],
                                             db_path: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOTTTT_USER", raising=False)
    before = run_json(capsys, "--db", str(db_path), "info")["counts"]
    code, _out, err = run(capsys, "--db", str(db_path), "init", "--demo", "--scale", "0.01")
    assert code == 2 and "chỉ được thêm vào cơ sở dữ liệu mới" in err
    assert len(err.strip().splitlines()) == 1
    assert run_json(capsys, "--db", str(db_path), "info")["counts"] == before  # nothing added
    # a database with records but no user yet is refused too
    records = str(tmp_path / "records.sqlite3")
    assert run(capsys, "--db", records, "init")[0] == 0
    from sotttt_desktop.services.setup import open_services
    from sotttt_desktop.settings import sqlite_location
    from tests.conftest import TEST_ACTOR

    services = open_services(sqlite_location(Path(records)), actor=TEST_ACTOR)
    services.parties.add(kind="org", name="Công ty Thật")
    services.db.close()
    code, _out, err = run(capsys, "--db", records, "init", "--demo", "--scale", "0.01")
    assert code == 2 and "đã có người dùng" in err
    # a new database takes the demo
    fresh = str(tmp_path / "fresh.sqlite3")
    code, _out, err = run(capsys, "--db", fresh, "init", "--demo", "--scale", "0.01", "--json")
    assert code == 0, err
