"""Declared cases from the command line: open, steps, clocks explained, the overdue list, and
bad input as one line with exit status 2 (4: not found), writing nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import run, run_json


def test_a_denunciation_from_the_command_line(capsys: pytest.CaptureFixture[str],
                                              db_path: Path) -> None:
    db = ["--db", str(db_path)]
    kinds = run_json(capsys, *db, "case", "kinds")
    assert {k["kind"] for k in kinds} >= {"denunciation", "takedown_request",
                                          "ads_annual_report"}
    run_json(capsys, *db, "party", "add", "--kind", "person", "--name", "Trần Thị Tố",
             "--citizen-id", "074185009876", "--district", "di an")
    opened = run_json(capsys, *db, "case", "open", "denunciation", "--title",
                      "Tố cáo hành vi nhũng nhiễu", "--party", "074185009876",
                      "--at", "2025-01-23T10:00")
    code = opened["code"]
    assert (code, opened["due"], opened["district_code"]) == ("TC-2025-00001", "2025-02-10", 724)
    # the Director's decisions are numbered by the register of outgoing documents
    run_json(capsys, *db, "case", "step", code, "accept", "--at", "2025-02-07T09:00")
    run_json(capsys, *db, "case", "step", code, "notify", "--at", "2025-02-10T09:00")
    run_json(capsys, *db, "case", "step", code, "classify", "--variant", "complex",
             "--at", "2025-02-10T09:30")
    extended = run_json(capsys, *db, "case", "step", code, "extend",
                        "--amount", "30", "--at", "2025-03-05T09:00")
    assert extended["variant"] == "complex"
    code_, out, err = run(capsys, *db, "case", "show", code)
    assert code_ == 0, err
    lines = out.splitlines()
    assert lines[0].startswith(f"{code}  Tố cáo  đã thụ lý  Hạn cuối: 09/04/2025 (quá hạn)")
    assert "      Nhận tố cáo lúc thứ Năm 23/01/2025 10:00." in lines
    assert ("      Gia hạn lần 1 (tối đa 1 lần), Quyết định số 02/QĐ-STTTT: thêm 30 ngày, tính từ "
            "hạn thứ Hai 10/03/2025.") in lines
    assert "      Hạn cuối: thứ Tư 09/04/2025." in lines
    assert any("gia hạn giải quyết [02/QĐ-STTTT]" in line for line in lines)
    overdue = run_json(capsys, *db, "case", "list", "--overdue")
    assert [r["code"] for r in overdue] == [code]
    code_, out, _err = run(capsys, *db, "case", "list", "--overdue")
    assert code_ == 0 and code in out and "quá hạn" in out
    run_json(capsys, *db, "case", "step", code, "conclude", "--at", "2025-04-08T15:00")
    shown = run_json(capsys, *db, "case", "show", code)
    assert shown["timeline"][-1]["decision"] == "01/KL-STTTT"
    for action, at in (("send_conclusion", "2025-04-09T09:00"), ("publish", "2025-04-10T09:00")):
        run_json(capsys, *db, "case", "step", code, action, "--at", at)
    assert run_json(capsys, *db, "case", "list", "--overdue") == []


@pytest.mark.parametrize(("argv", "status", "message"), [
    (["case", "open", "nothing", "--title", "x"], 2, "Không có loại vụ việc nothing"),
    (["case", "open", "denunciation", "--title", " "], 2, "Nhập nội dung vụ việc"),
    (["case", "open", "denunciation", "--title", "x", "--variant", "huge"], 2,
     "Chọn tính chất vụ việc"),
    (["case", "open", "denunciation", "--title", "x", "--at", "2099-01-01T09:00"], 2,
     "tương lai"),
    (["case", "open", "denunciation", "--title", "x", "--at", "hôm qua"], 2, "YYYY-MM-DD"),
    (["case", "open", "denunciation", "--title", "x", "--district", "1"], 2,
     "Không có đơn vị hành chính cấp huyện mã 1"),
    (["case", "step", "TC-2025-00001", "conclude"], 2, "Có thể từ"),
    (["case", "step", "TC-2025-00001", "accept", "--decision", "5/QĐ"], 2,
     "sổ đăng ký văn bản đi"),
    (["case", "step", "TC-2025-00001", "fly"], 2, "accept, refuse"),
    (["case", "step", "TC-9999-00001", "accept"], 4, "Không có vụ việc"),
    (["case", "list", "--state", "accepted"], 2, "loại vụ việc"),
])
def test_bad_input_is_one_line_and_writes_nothing(capsys: pytest.CaptureFixture[str],
                                                  db_path: Path, argv: list[str], status: int,
                                                  message: str) -> None:
    db = ["--db", str(db_path)]
    run_json(capsys, *db, "case", "open", "denunciation", "--title", "Tố cáo",
             "--at", "2025-01-23T10:00")
    before = run_json(capsys, *db, "case", "show", "TC-2025-00001")
    code, out, err = run(capsys, *db, *argv)
    assert code == status and out == ""
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    after = run_json(capsys, *db, "case", "show", "TC-2025-00001")
    assert after == before
    assert [r["code"] for r in run_json(capsys, *db, "case", "list")] == ["TC-2025-00001"]


def test_an_extension_length_is_checked_by_the_parser(capsys: pytest.CaptureFixture[str],
                                                      db_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_:  # argparse refusing a value
        run(capsys, "--db", str(db_path), "case", "step", "TC-2025-00001", "extend",
            "--amount", "0")
    assert exit_.value.code == 2
    assert "số nguyên từ 1 đến 3660" in capsys.readouterr().err


def test_a_takedown_request_with_its_fields_and_evidence(capsys: pytest.CaptureFixture[str],
                                                         db_path: Path, tmp_path: Path) -> None:
    db = ["--db", str(db_path)]
    kinds = {k["kind"]: k for k in run_json(capsys, *db, "case", "kinds")}
    assert [f["field"] for f in kinds["takedown_request"]["fields"]][:2] == ["item", "platform"]
    capture = tmp_path / "anh-chup.png"
    capture.write_bytes(b"capture" * 300)
    opened = run_json(capsys, *db, "case", "open", "takedown_request", "--title",
                      "Quảng cáo sai sự thật", "--set", "item=https://youtu.be/abc",
                      "--set", "platform=YouTube", "--file", f"evidence={capture}",
                      "--set", "captured_at=02/12/2026 08:15")
    code_, out, err = run(capsys, *db, "case", "show", opened["code"])
    assert code_ == 0, err
    assert "  Nội dung bị phản ánh (đường dẫn hoặc tài khoản): https://youtu.be/abc" in out
    assert "  Tệp chứng cứ: anh-chup.png (2 KB), ghi nhận lúc " in out and " — SHA-256 " in out
    status, _out, err = run(capsys, *db, "case", "open", "takedown_request", "--title", "x",
                            "--set", "platform=YouTube")
    assert status == 2 and "Trường này bắt buộc nhập" in err
    status, _out, err = run(capsys, *db, "case", "open", "takedown_request", "--title", "x",
                            "--file", "evidence")
    assert status == 2 and "--file TRƯỜNG=ĐƯỜNG_DẪN" in err
    assert len(run_json(capsys, *db, "case", "list")) == 1  # the refused ones wrote nothing


def test_the_annual_report_is_written_then_rendered(capsys: pytest.CaptureFixture[str],
                                                    db_path: Path, tmp_path: Path) -> None:
    db = ["--db", str(db_path)]
    code = run_json(capsys, *db, "case", "open", "ads_annual_report", "--title", "Báo cáo 2024",
                    "--at", "2024-11-01T09:00")["code"]
    status, _out, err = run(capsys, *db, "render", "ads-report", code, "--out",
                            str(tmp_path / "bc.pdf"))
    assert status == 2 and "Hãy ghi Đánh giá chung, Đề xuất, kiến nghị" in err
    run_json(capsys, *db, "case", "edit", code, "--set", "assessment=Đã theo dõi thường xuyên.")
    edited = run_json(capsys, *db, "case", "edit", code, "--set",
                      "proposals=Đề nghị Bộ công bố danh sách vi phạm.")
    assert edited["code"] == code
    shown = run_json(capsys, *db, "case", "show", code)
    assert shown["data"] == {"assessment": "Đã theo dõi thường xuyên.",
                             "proposals": "Đề nghị Bộ công bố danh sách vi phạm."}
    status, _out, err = run(capsys, *db, "render", "ads-report", code, "--out",
                            str(tmp_path / "bc.pdf"))
    assert status == 0, err
    assert (tmp_path / "bc.pdf").read_bytes().startswith(b"%PDF")
    status, _out, err = run(capsys, *db, "case", "edit", code, "--set", "colour=red")
    assert status == 2 and "colour" in err
