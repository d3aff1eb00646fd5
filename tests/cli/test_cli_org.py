"""`org periods`, `org show --on`, `org add-period FILE` (issue #13 item 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import run, run_json

EXAMPLE = (Path(__file__).parents[2] / "docs" / "organisation-periods"
           / "2025-07-01-so-khoa-hoc-va-cong-nghe-tp-ho-chi-minh.toml")


def test_an_administrator_adds_a_period_and_each_date_shows_its_own(
        capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path) -> None:
    db = ["--db", str(db_path)]
    # the shipped example leaves the unknown decision blank: refused, each gap named
    code, _out, err = run(capsys, *db, "org", "add-period", str(EXAMPLE))
    assert code != 0 and "Traceback" not in err
    filled = tmp_path / "period.toml"
    filled.write_text(EXAMPLE.read_text(encoding="utf-8")
                      .replace('number = "…"', 'number = "12/2025/QĐ-UBND"')
                      .replace('date = "…"', "date = 2025-06-30"), encoding="utf-8")
    added = run_json(capsys, *db, "org", "add-period", str(filled))
    assert added["effective_from"] == "2025-07-01"
    periods = run_json(capsys, *db, "org", "periods")
    assert [p["effective_from"] for p in periods] == ["2021-09-20", "2023-06-01", "2025-07-01"]
    assert periods[1]["effective_until"] == "2025-06-30"
    old = run_json(capsys, *db, "org", "show", "--on", "10/05/2024")
    assert old["place_name"] == "Bình Dương"
    assert old["founding_decision"]["number"] == "15/2023/QĐ-UBND"
    new = run_json(capsys, *db, "org", "show", "--on", "15/07/2025")
    assert new["place_name"] == "Thành phố Hồ Chí Minh"
    assert [u["code"] for u in new["units"]] == ["VP", "TTRA", "BCVT", "CDS"]
    code, out, _err = run(capsys, *db, "org", "show", "--on", "15/07/2025")
    assert code == 0 and "Căn cứ Quyết định số 12/2025/QĐ-UBND ngày 30 tháng 6 năm 2025" in out
