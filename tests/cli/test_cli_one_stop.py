"""One-stop desk from the command line: receipt to returned permit, refusals, JSON contracts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import run, run_json


def test_the_catalogue_shows_codes_sources_and_the_versions_dates(
        capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    db = ["--db", str(db_path)]
    every = run_json(capsys, *db, "procedures", "list")
    assert all(p["sources"] or p["unconfirmed"] for p in every)
    assert all({"code", "sources", "effective_from", "effective_until"} <= p.keys()
               for p in every)
    amend = next(p for p in every if p["key"] == "postal.notification.amend")
    assert amend["code"] == "1.010902" and any("1.010902" in s for s in amend["sources"])
    before = run_json(capsys, *db, "procedures", "list", "--area", "postal", "--on",
                      "2022-05-30")
    licence = next(p for p in before if p["key"] == "postal.licence.issue")
    assert (licence["time_limit"], licence["unit"], licence["effective_from"],
            licence["effective_until"]) == (30, "days", "2011-08-01", "2022-05-31")
    assert "postal.notification.amend" not in {p["key"] for p in before}
    now = next(p for p in every if p["key"] == "postal.licence.issue")
    assert (now["time_limit"], now["unit"], now["effective_from"], now["effective_until"]) == (
        20, "working_days", "2022-06-01", None)


def test_a_demo_database_lists_the_versions_of_its_working_date(
        capsys: pytest.CaptureFixture[str], demo_db_path: Path) -> None:
    """A demo runs on 29/11/2024: its catalogue is the one its desk receives under (the
    non-business publication licence's 15 days, not the 10 working days of July 2025)."""
    listed = run_json(capsys, "--db", str(demo_db_path), "procedures", "list", "--area",
                      "publishing")
    licence = next(p for p in listed if p["key"] == "publishing.non_business.issue")
    assert (licence["time_limit"], licence["unit"], licence["effective_until"]) == (
        15, "days", "2025-06-30")


def test_receipt_to_returned_permit(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    db = ["--db", str(db_path)]
    run_json(capsys, *db, "party", "add", "--kind", "org", "--name", "Công ty Tin Tức Số",
             "--tax-code", "3700555666", "--district", "di an")
    procedures = run_json(capsys, *db, "procedures", "list", "--area", "e_information")
    website = next(p for p in procedures if p["key"] == "e_information.website.issue")
    assert (website["time_limit"], website["unit"], website["result_kind"]) == \
        (10, "working_days", "permit")
    assert website["legal_basis"] == ["nd-72-2013"]  # by key; cited as in force on the day
    assert website["citations"][0].startswith("Căn cứ Nghị định số 147/2024/NĐ-CP")
    before = run_json(capsys, *db, "procedures", "list", "--area", "e_information", "--on",
                      "2024-06-03")
    assert next(p for p in before if p["key"] == website["key"])["citations"][0].startswith(
        "Căn cứ Nghị định số 72/2013/NĐ-CP ngày 15 tháng 7 năm 2013")
    dossier = run_json(capsys, *db, "dossier", "receive", "--procedure",
                       "e_information.website.issue", "--applicant", "3700555666",
                       "--received", "2024-06-03T09:00")
    assert dossier["code"] == "STTTT-240603-0001" and dossier["due"] == "2024-06-17"
    code = dossier["code"]
    for step in ("start_appraisal", "approve"):
        assert run_json(capsys, *db, "dossier", "act", code, step)["state"] in (
            "in_appraisal", "approved")
    permit = run_json(capsys, *db, "permit", "issue", code, "--subject", "https://tintucso.vn",
                      "--set", "content_scope=Tin tức kinh tế, xã hội",
                      "--set", "server_location=Viettel IDC, TP. Hồ Chí Minh",
                      "--set", "responsible=Nguyễn Văn An")
    assert permit["number"].endswith("/GP-STTTT") and permit["holder"] == "Công ty Tin Tức Số"
    returned = run_json(capsys, *db, "dossier", "act", code, "return_result")
    assert returned["state"] == "returned"
    listed = run_json(capsys, *db, "dossier", "list")
    assert {"code", "state", "procedure", "received_at", "due", "holder"} <= set(listed[0])
    permits = run_json(capsys, *db, "permit", "list")
    assert {"number", "state", "procedure", "received_at", "due", "holder"} <= set(permits[0])
    shown = run_json(capsys, *db, "permit", "show", permit["number"])
    assert shown["dossier"] == code
    revoked = run_json(capsys, *db, "permit", "revoke", permit["number"], "--reason",
                       "Vi phạm nghiêm trọng")
    assert revoked["state"] == "revoked"


def test_refusals_on_the_command_line(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    db = ["--db", str(db_path)]
    run_json(capsys, *db, "party", "add", "--kind", "org", "--name", "Công ty A",
             "--tax-code", "3700555777")
    code, _out, err = run(capsys, *db, "dossier", "receive", "--procedure", "press.nothing",
                          "--applicant", "3700555777")
    assert code == 4 and "Không có thủ tục" in err
    code, _out, err = run(capsys, *db, "dossier", "receive", "--procedure",
                          "e_information.website.issue", "--applicant", "3700555777",
                          "--missing", "1")
    assert code == 2 and "Thiếu thành phần hồ sơ bắt buộc" in err
    code, _out, err = run(capsys, *db, "dossier", "receive", "--procedure",
                          "e_information.website.issue", "--applicant", "3700555777",
                          "--received", "2099-01-01T09:00")
    assert code == 2 and "tương lai" in err
    assert run_json(capsys, *db, "dossier", "list") == []
