"""Each UI test gets its own configuration folder (window geometry, last tab)."""

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def own_config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOTTTT_CONFIG_DIR", str(tmp_path / "config"))
