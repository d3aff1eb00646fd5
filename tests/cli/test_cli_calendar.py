"""`calendar due` and the administrator's calendar table, through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run


def test_calendar_due_json(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    code, out, err = run(capsys, "--db", str(db_path), "calendar", "due", "2024-02-07T16:00",
                         "3", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["due"] == "2024-02-20"
    assert data["received"] == "2024-02-07T16:00:00"
    assert data["explanation"][-1] == "Hạn trả kết quả: thứ Ba 20/02/2024 (ngày làm việc thứ 3)."
    code, out, _err = run(capsys, "--db", str(db_path), "calendar", "due", "2024-08-01", "30",
                          "--unit", "days", "--json")
    assert json.loads(out)["due"] == "2024-09-04"


def test_overrides_change_due_dates_and_are_audited(capsys: pytest.CaptureFixture[str],
                                                    db_path: Path) -> None:
    db = str(db_path)
    before = json.loads(run(capsys, "--db", db, "calendar", "due", "2025-12-31T10:00", "1",
                            "--json")[1])["due"]
    assert before == "2026-01-02"
    code, _out, err = run(capsys, "--db", db, "calendar", "off", "02/01/2026", "--reason",
                          "Thông báo nghỉ Tết Dương lịch 2026")
    assert code == 0, err
    after = json.loads(run(capsys, "--db", db, "calendar", "due", "2025-12-31T10:00", "1",
                           "--json")[1])["due"]
    assert after == "2026-01-05"
    rows = json.loads(run(capsys, "--db", db, "calendar", "overrides", "--json")[1])
    assert rows == [{"day": "2026-01-02", "kind": "off",
                     "reason": "Thông báo nghỉ Tết Dương lịch 2026"}]
    entries = json.loads(run(capsys, "--db", db, "audit", "list", "--entity", "calendar",
                             "--json")[1])
    assert entries and entries[0]["action"] == "calendar_override"


@pytest.mark.parametrize(("args", "message"), [
    (["calendar", "due", "ngày mai", "3"], "YYYY-MM-DD"),
    (["calendar", "due", "2099-01-01", "3"], "tương lai"),
    (["calendar", "due", "2024-01-01", "0"], "từ 1 đến 365"),
    (["calendar", "off", "01/13/2026", "--reason", "x"], "ngày/tháng/năm"),
])
def test_bad_input_is_refused_clearly(capsys: pytest.CaptureFixture[str], db_path: Path,
                                      args: list[str], message: str) -> None:
    code, _out, err = run(capsys, "--db", str(db_path), *args)
    assert code == 2 and message in err and "Traceback" not in err
