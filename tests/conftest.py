"""Shared fixtures: a real SQLite file per test, copied from a template built once per session."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Before anything imports Qt or platformdirs (TOOLCHAIN.md).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_RUNTIME = tempfile.mkdtemp(prefix="sotttt-xdg-")
os.chmod(_RUNTIME, 0o700)
os.environ["XDG_RUNTIME_DIR"] = _RUNTIME
_HOME = Path(tempfile.mkdtemp(prefix="sotttt-home-"))
os.environ["SOTTTT_DATA_DIR"] = str(_HOME / "data")
os.environ["SOTTTT_CONFIG_DIR"] = str(_HOME / "config")
for _name in ("SOTTTT_DB", "SOTTTT_DATABASE_URL", "SOTTTT_LANG"):
    os.environ.pop(_name, None)

import pytest  # noqa: E402

from sotttt_desktop.i18n import set_language  # noqa: E402
from sotttt_desktop.services import Actor, Services  # noqa: E402
from sotttt_desktop.services.demo import DEMO_PASSWORD  # noqa: E402
from sotttt_desktop.services.setup import initialise, open_services  # noqa: E402
from sotttt_desktop.settings import sqlite_location  # noqa: E402

TEST_PASSWORD = DEMO_PASSWORD  # the template's "admin" has the demo accounts' password
TEST_ACTOR = Actor(username="tester", display_name="Người kiểm thử", authenticated=True,
                   grants=frozenset({("*", "*")}))


@pytest.fixture(autouse=True)
def vietnamese() -> Iterator[None]:
    """Every test starts in the default language, Vietnamese."""
    set_language("vi")
    yield
    set_language("vi")


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "empty.sqlite3"
    services = initialise(sqlite_location(path), actor=TEST_ACTOR)
    services.security.create_first_admin("admin", "Quản trị hệ thống", TEST_PASSWORD)
    services.db.close()
    return path


@pytest.fixture(scope="session")
def demo_template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite3"
    services = initialise(sqlite_location(path), actor=TEST_ACTOR, demo=True, scale=0.5)
    services.db.close()
    return path


def _copy(template: Path, folder: Path) -> Path:
    target = folder / "sotttt.sqlite3"
    shutil.copyfile(template, target)
    return target


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    """A fresh, migrated database with reference data and no business records."""
    return _copy(template_db, tmp_path)


@pytest.fixture
def demo_db_path(demo_template_db: Path, tmp_path: Path) -> Path:
    """A fresh copy of a database with 1,000 demo parties."""
    return _copy(demo_template_db, tmp_path)


@pytest.fixture
def services(db_path: Path) -> Iterator[Services]:
    svc = open_services(sqlite_location(db_path), actor=TEST_ACTOR)
    yield svc
    svc.db.close()


@pytest.fixture
def demo_services(demo_db_path: Path) -> Iterator[Services]:
    svc = open_services(sqlite_location(demo_db_path), actor=TEST_ACTOR)
    yield svc
    svc.db.close()
