"""From the command line, as two Departments' administrators would: A prints a permit and exports
its public key; B, a freshly initialised installation, imports it and checks the PDF."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.cli.helpers import run, run_json
from tests.cli.test_cli_documents import _issued


@pytest.fixture(autouse=True)
def bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOTTTT_DOCUMENT_FONT", "bundled")


def test_a_permit_checked_on_a_fresh_installation_with_only_the_public_key(
        capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path) -> None:
    a = ["--db", str(db_path)]
    _code, number = _issued(capsys, a)
    permit = tmp_path / "permit.pdf"
    run_json(capsys, *a, "permit", "pdf", number, "--out", str(permit))
    page = subprocess.run(["pdftotext", "-layout", str(permit), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "sotttt" not in page.lower() and "Mã xác thực: " in page
    short = page.split("Mã xác thực: ")[1].split()[0]
    key_file = tmp_path / "dept.pub"
    exported = run_json(capsys, *a, "key", "export", "--out", str(key_file))
    assert json.loads(key_file.read_text(encoding="utf-8"))["fingerprint"] == \
        exported["fingerprint"]
    assert "private" not in key_file.read_text(encoding="utf-8")
    status, _out, err = run(capsys, *a, "key", "export", "--out", str(key_file))
    assert status != 0 and "Traceback" not in err  # an existing file is not overwritten

    b = ["--db", str(tmp_path / "b" / "sotttt.sqlite3")]
    (tmp_path / "b").mkdir()
    assert run(capsys, *b, "init", "--admin", "admin")[0] == 0
    status, out, _err = run(capsys, *b, "verify", str(permit))
    assert status == 1 and "chưa kiểm tra được" in out
    trusted = run_json(capsys, *b, "key", "import", str(key_file))
    assert trusted["fingerprint"] == exported["fingerprint"]
    assert run_json(capsys, *b, "key", "list")[0]["agency"] == exported["agency"]
    status, out, _err = run(capsys, *b, "verify", str(permit))
    assert status == 0, out
    assert f"Tình trạng: thật: do {exported['agency']} ký" in out
    assert f"Số: {number}" in out and "Cấp cho: Công ty In Phú Lợi" in out
    assert f"Trên văn bản phải in: Mã xác thực: {short}" in out
    verdict = run_json(capsys, *b, "verify", str(permit))
    code = verdict["payload"]
    assert verdict["status"] == "valid" and verdict["permit"]["number"] == number
    middle = len(code) // 2
    forged = code[:middle] + ("A" if code[middle] != "A" else "B") + code[middle + 1:]
    status, out, _err = run(capsys, *b, "verify", forged)
    assert status == 1 and "giả mạo" in out
    # the short code is looked up where the permit was issued, and only there
    status, out, _err = run(capsys, *a, "verify", short)
    assert status == 0 and "Tình trạng: còn hiệu lực" in out
    assert run(capsys, *b, "verify", short)[0] == 1
    # B stops trusting A: the permit cannot be checked there any more
    run_json(capsys, *b, "key", "remove", exported["fingerprint"])
    status, out, _err = run(capsys, *b, "verify", code)
    assert status == 1 and "chưa kiểm tra được" in out
