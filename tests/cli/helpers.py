"""Helpers shared by the CLI tests: run the real entry point in-process, capture its output."""

from __future__ import annotations

import json
from typing import Any

import pytest

from sotttt_desktop.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:  # noqa: ANN401
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)
