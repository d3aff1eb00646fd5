"""`sotttt-desktop reports …` (issue #21) on a demo database: the calendar, the reports due,
Biểu 06 on screen and to .xlsx, a report recorded as sent and refused to a desk clerk."""

from __future__ import annotations

from pathlib import Path

import pytest

from sotttt_desktop.services.demo import DEMO_PASSWORD
from tests.cli.helpers import run, run_json


@pytest.fixture
def leader(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOTTTT_USER", "lanhdao")
    monkeypatch.setenv("SOTTTT_PASSWORD", DEMO_PASSWORD)


@pytest.mark.usefixtures("leader")
def test_reports_from_the_command_line(capsys: pytest.CaptureFixture[str], demo_db_path: Path,
                                       tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = ("--db", str(demo_db_path))
    calendar = run_json(capsys, *db, "reports", "calendar")
    assert {"one_stop_statistics", "inspection_complaints"} <= {k["key"] for k in calendar}
    due = run_json(capsys, *db, "reports", "due", "--on", "29/11/2024")
    assert any(r["key"] == "security_level_systems" and r["due"] == "2024-11-30" for r in due)
    counted = run_json(capsys, *db, "reports", "statistics", "2024-Q3~")
    assert counted["period"]["start"] == "2024-06-15" and counted["total"]["received"] > 0
    code, out, _err = run(capsys, *db, "reports", "statistics", "2024-Q3~")
    assert code == 0 and "quý III năm 2024" in out
    path = tmp_path / "b06.xlsx"
    assert run_json(capsys, *db, "reports", "statistics", "2024-Q3~", "--xlsx",
                    str(path))["path"] == str(path)
    assert path.stat().st_size > 0
    code, _out, err = run(capsys, *db, "reports", "statistics", "2024-Q5")
    assert code != 0 and "2024-Q3~" in err
    sent = run_json(capsys, *db, "reports", "sent", "one_stop_statistics", "2024-Q3",
                    "--on", "29/11/2024", "--channel", "e_document")  # today: the next number
    number = int(sent["number"].split("/")[0])
    assert sent["number"].endswith("/BC-STTTT") and sent["period"] == "2024-Q3~"
    # sent on an earlier day: the number printed on it, entered in the register, never twice
    code, _out, err = run(capsys, *db, "reports", "sent", "one_stop_statistics", "2024-Q2",
                          "--on", "18/06/2024", "--channel", "post", "--number", sent["number"])
    assert code != 0 and "đã được dùng" in err
    code, _out, err = run(capsys, *db, "reports", "sent", "one_stop_statistics", "2024-Q2",
                          "--on", "18/06/2024", "--channel", "post", "--number", "7/BC-STTTT")
    assert code != 0 and "07/BC-STTTT" not in err and "12/BC-STTTT" in err
    typed = f"{number + 1:02d}/BC-STTTT"
    assert run_json(capsys, *db, "reports", "sent", "one_stop_statistics", "2024-Q2", "--on",
                    "18/06/2024", "--channel", "post", "--number", typed)["number"] == typed
    assert [r["number"] for r in run_json(capsys, *db, "reports", "list")] == [
        sent["number"], typed]
    # a record made by mistake is taken back: its number voided, the period free again
    withdrawn = run_json(capsys, *db, "reports", "withdraw", "one_stop_statistics", "2024-Q2",
                         "--reason", "Ghi nhầm kỳ báo cáo")
    assert withdrawn["number"] == typed
    assert [r["number"] for r in run_json(capsys, *db, "reports", "list")] == [sent["number"]]
    code, _out, err = run(capsys, *db, "reports", "sent", "one_stop_statistics", "2024-Q2",
                          "--on", "18/06/2024", "--channel", "post", "--number", typed)
    assert code != 0 and "đã bị hủy" in err  # a voided number is never reused
    code, _out, err = run(capsys, *db, "reports", "sent", "one_stop_statistics", "2024-Q4",
                          "--on", "29/11/2024", "--channel", "post")  # the quarter not over
    assert code != 0 and "14/12/2024" in err
    as_of = run_json(capsys, *db, "reports", "permits-as-of", "31/12/2023")
    assert as_of and all(r["valid"] + r["suspended"] + r["revoked"] + r["superseded"]
                         + r["ended"] > 0 for r in as_of)
    monkeypatch.setenv("SOTTTT_USER", "motcua")
    code, _out, err = run(capsys, *db, "reports", "sent", "one_stop_statistics", "2024-Q2",
                          "--on", "18/06/2024", "--channel", "post", "--number", "15/BC-STTTT")
    assert code != 0 and "Báo cáo" in err
