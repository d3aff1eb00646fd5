"""CLI tests act as the template's administrator unless a test says otherwise."""

import pytest

from tests.conftest import TEST_PASSWORD


@pytest.fixture(autouse=True)
def signed_in_as_admin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOTTTT_USER", "admin")
    monkeypatch.setenv("SOTTTT_PASSWORD", TEST_PASSWORD)
