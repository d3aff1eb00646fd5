"""`import` from the command line: hostile files are one line and exit 2, nothing written; the
preview lists the columns not used and those given twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import run, run_json
from tests.services.test_register_import_hardening import _hostile_files


def test_hostile_files_are_one_line_exit_2_and_nothing_written(
        capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path) -> None:
    for case, path in _hostile_files(tmp_path).items():
        code, out, err = run(capsys, "--db", str(db_path), "import", "parties", str(path),
                             "--commit")
        assert code == 2, (case, err)
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, (case, err)
        assert out == ""
    assert run_json(capsys, "--db", str(db_path), "party", "list") == []


def test_the_preview_shows_unused_and_repeated_columns(capsys: pytest.CaptureFixture[str],
                                                       db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "cot.csv"
    path.write_text("STT,Loại,Tên,Mã số thuế,MST,Quận/huyện\n"
                    "1,Tổ chức,Công ty A,3700123997,3700123997,Dĩ An\n", encoding="utf-8")
    code, out, _err = run(capsys, "--db", str(db_path), "import", "parties", str(path))
    assert code == 0
    assert "Các cột không dùng: STT." in out
    assert "Cột trùng với cột khác (chỉ sử dụng cột đầu tiên): MST." in out
    shown = run_json(capsys, "--db", str(db_path), "import", "parties", str(path))
    assert (shown["ignored_columns"], shown["duplicate_columns"]) == (["STT"], ["MST"])


def test_a_commit_with_the_previewed_hash_refuses_a_file_changed_since(
        capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "small.csv"
    path.write_text("Loại,Tên,Mã số thuế,Quận/huyện\nTổ chức,Công ty A,3700123997,Dĩ An\n",
                    encoding="utf-8")
    code, out, _err = run(capsys, "--db", str(db_path), "import", "parties", str(path))
    sha256 = run_json(capsys, "--db", str(db_path), "import", "parties", str(path))["sha256"]
    assert code == 0 and f"--commit --sha256 {sha256}" in out
    path.write_text("Loại,Tên,Mã số thuế,Quận/huyện\nTổ chức,Công ty B,3700123998,Dĩ An\n",
                    encoding="utf-8")  # overwritten after the preview
    code, out, err = run(capsys, "--db", str(db_path), "import", "parties", str(path),
                         "--commit", "--sha256", sha256)
    assert code == 2 and out == "" and "Traceback" not in err
    assert err.strip().splitlines() == [
        "Tệp small.csv đã thay đổi kể từ khi xem trước: chưa ghi dữ liệu nào; vui lòng "
        "xem trước lại tệp."]
    assert run_json(capsys, "--db", str(db_path), "party", "list") == []
    code, _out, err = run(capsys, "--db", str(db_path), "import", "parties", str(path),
                          "--sha256", sha256)
    assert code == 2 and "--commit" in err
    path.write_text("Loại,Tên,Mã số thuế,Quận/huyện\nTổ chức,Công ty A,3700123997,Dĩ An\n",
                    encoding="utf-8")  # the previewed bytes again
    done = run_json(capsys, "--db", str(db_path), "import", "parties", str(path), "--commit",
                    "--sha256", sha256)
    assert done["committed"] and done["counts"]["create"] == 1
    assert [p["name"] for p in run_json(capsys, "--db", str(db_path), "party", "list")] == [
        "Công ty A"]
