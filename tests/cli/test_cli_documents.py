"""Documents from the command line: render --list, render, permit pdf, dossier pdf, verify."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.cli.helpers import run, run_json
from tests.conftest import TEST_PASSWORD
from tests.documents.helpers import pdf_fonts, pdf_text


@pytest.fixture(autouse=True)
def bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOTTTT_DOCUMENT_FONT", "bundled")


def _issued(capsys: pytest.CaptureFixture[str], db: list[str], *, website: bool = False
            ) -> tuple[str, str]:
    """A printing licence, or a website licence (a kind the Department may revoke)."""
    run_json(capsys, *db, "party", "add", "--kind", "org", "--name", "Công ty In Phú Lợi",
             "--tax-code", "3700444333", "--district", "thu dau mot")
    procedure = "e_information.website.issue" if website else "publishing.printing.issue"
    code = run_json(capsys, *db, "dossier", "receive", "--procedure", procedure,
                    "--applicant", "3700444333", "--received", "2024-06-03T09:00")["code"]
    for step in ("start_appraisal", "approve"):
        run_json(capsys, *db, "dossier", "act", code, step)
    contents = (["https://phuloi.vn", "--set", "content_scope=Tin tức kinh tế, xã hội",
                 "--set", "server_location=Viettel IDC, TP. Hồ Chí Minh",
                 "--set", "responsible=Nguyễn Văn An"] if website else
                ["Cơ sở in Phú Lợi", "--set", "products=Bao bì, nhãn hàng hóa",
                 "--set", "equipment=02 máy in offset"])
    number = run_json(capsys, *db, "permit", "issue", code, "--subject", *contents)["number"]
    return code, number


def test_render_list_names_every_kind(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    kinds = run_json(capsys, "--db", str(db_path), "render", "--list")
    assert {k["kind"] for k in kinds} == {
        "permit", "permit-suspension", "permit-revocation", "form-01", "form-02", "form-03",
        "form-04", "form-05", "form-06", "outgoing-register", "decision", "letter", "public-list",
        "ads-report", "it-appraisal-result", "dti-summary", "it-statistics",
        "security-level-opinion", "security-level-approval", "security-half-year-report",
        "sanction-decision", "complaint-decision", "one-stop-statistics", "postal-statistics",
        "telecom-statistics", "press-statistics", "security-statistics", "inspection-report",
        "publishing-statistics", "dashboard"}
    assert all(k["form"] and k["version"] for k in kinds)


def test_permit_and_form_pdfs_then_verify(capsys: pytest.CaptureFixture[str], db_path: Path,
                                          tmp_path: Path) -> None:
    db = ["--db", str(db_path)]
    code, number = _issued(capsys, db, website=True)
    out = tmp_path / "permit.pdf"
    info = run_json(capsys, *db, "permit", "pdf", number, "--out", str(out))
    assert info["reprint"] is False and out.read_bytes()[:5] == b"%PDF-"
    text = pdf_text(out.read_bytes())
    assert f"Số: {number}" in text and "GIẤY PHÉP THIẾT LẬP TRANG THÔNG TIN ĐIỆN TỬ TỔNG HỢP" \
        in " ".join(text.split())
    assert all(f["embedded"] == "yes" for f in pdf_fonts(out.read_bytes()))
    again = run_json(capsys, *db, "render", "permit", number, "--out", str(tmp_path / "b.pdf"))
    assert again["reprint"] is True and again["sha256"] == info["sha256"]
    form = tmp_path / "form01.pdf"
    run_json(capsys, *db, "dossier", "pdf", code, "--form", "01", "--out", str(form))
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in pdf_text(form.read_bytes())
    book = tmp_path / "book.pdf"
    run_json(capsys, *db, "dossier", "pdf", code, "--form", "06", "--out", str(book))
    assert code in pdf_text(book.read_bytes())
    # the code printed on the permit verifies; one character changed does not
    verdict = run_json(capsys, *db, "verify", str(out))
    assert verdict["status"] == "valid"
    payload = verdict["payload"]
    status, stdout, _err = run(capsys, *db, "verify", payload)
    assert status == 0 and "Tình trạng: còn hiệu lực" in stdout
    forged = payload[:-1] + ("0" if payload[-1] != "0" else "1")
    status, stdout, _err = run(capsys, *db, "verify", forged)
    assert status == 1 and "giả mạo" in stdout
    # a typed decision number is refused with what to do instead; nothing is written
    status, _out, err = run(capsys, *db, "permit", "revoke", number, "--decision", "03/QĐ-STTTT",
                            "--reason", "Ngừng hoạt động")
    assert status != 0 and "--decision" in err and "Traceback" not in err
    assert run_json(capsys, *db, "permit", "show", number)["state"] == "valid"
    revoked = run_json(capsys, *db, "permit", "revoke", number, "--reason", "Ngừng hoạt động")
    assert revoked["decision_number"] == "01/QĐ-STTTT"  # the register's next number
    status, stdout, _err = run(capsys, *db, "verify", payload, "--json")
    assert status == 1 and json.loads(stdout)["status"] == "revoked"  # exit 0 only when valid
    decision = tmp_path / "decision.pdf"
    run_json(capsys, *db, "render", "permit-revocation", number, "--out", str(decision))
    assert "Số: 01/QĐ-STTTT" in pdf_text(decision.read_bytes())


def test_bad_input_is_one_clear_line(capsys: pytest.CaptureFixture[str], db_path: Path,
                                     tmp_path: Path) -> None:
    db = ["--db", str(db_path)]
    status, _out, err = run(capsys, *db, "render", "nothing", "x", "--out", str(tmp_path / "x"))
    assert status == 2 and "Không có loại văn bản nothing" in err
    status, _out, err = run(capsys, *db, "permit", "pdf", "99/GP-STTTT", "--out",
                            str(tmp_path / "x.pdf"))
    assert status == 4 and err.count("\n") == 1
    status, _out, err = run(capsys, *db, "render", "form-06", "2024-13", "--out",
                            str(tmp_path / "x.pdf"))
    assert status == 2 and "YYYY-MM" in err
    letter = tmp_path / "letter.json"
    letter.write_text(json.dumps({"number": "01/STTTT-VP", "summary": "họp giao ban",
                                  "addressees": ["Các phòng, đơn vị"],
                                  "paragraphs": ["Sở tổ chức họp giao ban tháng."],
                                  "recipients": ["Như trên", "Lưu: VT"]}), encoding="utf-8")
    status, _out, err = run(capsys, *db, "render", "letter", str(letter), "--out",
                            str(tmp_path / "l.pdf"))
    assert status != 0 and "01/STTTT-VP" in err  # a number the register did not give
    run_json(capsys, *db, "number", "record-outside", "STTTT-VP", "1", "--date",
             dt.date.today().isoformat(), "--summary", "Công văn về việc họp giao ban")
    run_json(capsys, *db, "render", "letter", str(letter), "--out", str(tmp_path / "l.pdf"))
    assert "V/v họp giao ban" in pdf_text((tmp_path / "l.pdf").read_bytes())
    assert not (tmp_path / "x.pdf").exists()


def _issue_count(capsys: pytest.CaptureFixture[str], db: list[str]) -> int:
    return run_json(capsys, *db, "info")["counts"]["issued_document"]


def test_out_is_written_whole_never_through_a_link_nor_over_a_file(
        capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path) -> None:
    db = ["--db", str(db_path)]
    _code, number = _issued(capsys, db)
    # a folder that does not exist: refused, nothing recorded as issued
    status, _out, err = run(capsys, *db, "permit", "pdf", number, "--out",
                            str(tmp_path / "khong-co" / "gp.pdf"))
    assert status == 2 and "không tồn tại" in err and err.count("\n") == 1
    assert _issue_count(capsys, db) == 0
    # a symbolic link: refused even with --force, and its target is left alone
    victim = tmp_path / "victim.txt"
    victim.write_text("giữ nguyên", encoding="utf-8")
    link = tmp_path / "link.pdf"
    link.symlink_to(victim)
    for extra in ([], ["--force"]):
        status, _out, err = run(capsys, *db, "permit", "pdf", number, "--out", str(link), *extra)
        assert status == 2 and "liên kết tượng trưng" in err
    assert victim.read_text(encoding="utf-8") == "giữ nguyên" and _issue_count(capsys, db) == 0
    # an existing file: kept unless --force
    existing = tmp_path / "gp.pdf"
    existing.write_bytes(b"old")
    status, _out, err = run(capsys, *db, "permit", "pdf", number, "--out", str(existing))
    assert status == 2 and "--force" in err and existing.read_bytes() == b"old"
    assert _issue_count(capsys, db) == 0
    info = run_json(capsys, *db, "permit", "pdf", number, "--out", str(existing), "--force")
    assert existing.read_bytes()[:5] == b"%PDF-" and info["bytes"] == existing.stat().st_size
    assert _issue_count(capsys, db) == 1
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".part")) == []
    # the same for a dossier form and for render
    status, _out, err = run(capsys, *db, "render", "permit", number, "--out", str(existing))
    assert status == 2 and "--force" in err


def test_a_viewer_cannot_issue_and_a_file_cannot_forge_the_header(
        capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    db = ["--db", str(db_path)]
    _code, number = _issued(capsys, db)
    monkeypatch.setenv("SOTTTT_NEW_PASSWORD", "chi-xem-2024")
    assert run(capsys, *db, "users", "add", "xem", "--role", "viewer")[0] == 0
    monkeypatch.setenv("SOTTTT_USER", "xem")
    monkeypatch.setenv("SOTTTT_PASSWORD", "chi-xem-2024")
    monkeypatch.setenv("SOTTTT_NEW_PASSWORD", "chi-xem-2025")
    assert run(capsys, *db, "users", "passwd")[0] == 0
    monkeypatch.setenv("SOTTTT_PASSWORD", "chi-xem-2025")
    out = tmp_path / "gp.pdf"
    status, _out, err = run(capsys, *db, "permit", "pdf", number, "--out", str(out))
    assert status == 6 and "ký ban hành" in err and not out.exists()
    assert _issue_count(capsys, db) == 0
    letter = tmp_path / "letter.json"
    letter.write_text(json.dumps({"number": "01/STTTT-VP", "summary": "họp",
                                  "paragraphs": ["Nội dung."]}), encoding="utf-8")
    status, _out, err = run(capsys, *db, "render", "letter", str(letter), "--out",
                            str(tmp_path / "l.pdf"))
    assert status == 6 and "soạn thảo" in err and not (tmp_path / "l.pdf").exists()
    # the administrator drafts, but the header and signer still come from the database
    monkeypatch.setenv("SOTTTT_USER", "admin")
    monkeypatch.setenv("SOTTTT_PASSWORD", TEST_PASSWORD)
    letter.write_text(json.dumps({"number": "02/STTTT-VP", "summary": "họp",
                                  "profile": {"agency_name": "CƠ QUAN GIẢ"}}), encoding="utf-8")
    status, _out, err = run(capsys, *db, "render", "letter", str(letter), "--out",
                            str(tmp_path / "l.pdf"))
    assert status == 2 and "profile" in err and not (tmp_path / "l.pdf").exists()
    # once issued by someone with the right, the viewer may reprint
    run_json(capsys, *db, "permit", "pdf", number, "--out", str(out))
    monkeypatch.setenv("SOTTTT_USER", "xem")
    monkeypatch.setenv("SOTTTT_PASSWORD", "chi-xem-2025")
    again = run_json(capsys, *db, "permit", "pdf", number, "--out", str(tmp_path / "b.pdf"))
    assert again["reprint"] is True
