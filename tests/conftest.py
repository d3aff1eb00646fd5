"""Shared fixtures: a real SQLite file per test, copied from a template built once per session."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import uuid
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
os.environ["SOTTTT_CACHE_DIR"] = str(_HOME / "cache")
for _name in ("SOTTTT_DB", "SOTTTT_DATABASE_URL", "SOTTTT_LANG"):
    os.environ.pop(_name, None)

import pytest  # noqa: E402

from sotttt_desktop.i18n import set_language  # noqa: E402
from sotttt_desktop.services import Actor, Services  # noqa: E402
from sotttt_desktop.services.demo import DEMO_PASSWORD  # noqa: E402
from sotttt_desktop.services.demo_inspection import party_count as inspection_party_count  # noqa: E402
from sotttt_desktop.services.demo_security import agency_names  # noqa: E402
from sotttt_desktop.services.setup import initialise, open_services  # noqa: E402
from sotttt_desktop.settings import DatabaseLocation, sqlite_location  # noqa: E402

TEST_PASSWORD = DEMO_PASSWORD  # the template's "admin" has the demo accounts' password
TEST_ACTOR = Actor(username="tester", display_name="Người kiểm thử", authenticated=True,
                   grants=frozenset({("*", "*")}))


@pytest.fixture(autouse=True)
def vietnamese() -> Iterator[None]:
    """Every test starts in the default language, Vietnamese."""
    set_language("vi")
    yield
    set_language("vi")


@pytest.fixture(autouse=True)
def real_clock() -> Iterator[None]:
    """A demo database sets the process's working date (core/clock.py): the next test runs on
    the real clock unless it opens a demo database itself."""
    from sotttt_desktop.core import clock

    yield
    clock.set_working_date(None)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "empty.sqlite3"
    services = initialise(sqlite_location(path), actor=TEST_ACTOR)
    services.security.create_first_admin("admin", "Quản trị hệ thống", TEST_PASSWORD)
    services.db.close()
    return path


# the parties of the demo databases of the tests (scale 0.5), the provincial agencies the demo
# adds as investors and system owners, the complainants and the organisations it sanctions
DEMO_PARTIES = 1000 + len(agency_names()) + inspection_party_count()


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


# --- both backends -------------------------------------------------------------------------------
# Tests that take `services` or `demo_services` run on a SQLite file and on a real PostgreSQL
# server (SOTTTT_TEST_PG_URL; scripts/test.sh starts a throwaway one). Each test gets a fresh
# database cloned from a migrated template. In CI a missing server is a failure, not a skip.

BACKENDS = ("sqlite", "postgresql")
PG_URL = os.environ.get("SOTTTT_TEST_PG_URL")


def _pg_url(database: str) -> str:
    from sqlalchemy.engine import make_url

    assert PG_URL
    return make_url(PG_URL).set(database=database).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_admin():  # noqa: ANN201 - an AUTOCOMMIT engine on the maintenance database
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must test PostgreSQL too: SOTTTT_TEST_PG_URL is not set")
        pytest.skip("no PostgreSQL server: set SOTTTT_TEST_PG_URL (scripts/test.sh does)")
    from sqlalchemy import create_engine

    engine = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


def _pg_template(pg_admin, name: str, *, demo: bool) -> str:  # noqa: ANN001
    from sqlalchemy import text

    with pg_admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    location = DatabaseLocation(url=_pg_url(name), path=None)
    svc = initialise(location, actor=TEST_ACTOR, demo=demo, scale=0.5)
    if not demo:
        svc.security.create_first_admin("admin", "Quản trị hệ thống", TEST_PASSWORD)
    svc.db.close()
    return name


@pytest.fixture(scope="session")
def pg_empty_template(pg_admin) -> Iterator[str]:  # noqa: ANN001
    name = _pg_template(pg_admin, f"tmpl_empty_{os.getpid()}", demo=False)
    yield name
    _pg_drop(pg_admin, name)


@pytest.fixture(scope="session")
def pg_demo_template(pg_admin) -> Iterator[str]:  # noqa: ANN001
    name = _pg_template(pg_admin, f"tmpl_demo_{os.getpid()}", demo=True)
    yield name
    _pg_drop(pg_admin, name)


def _pg_drop(pg_admin, name: str) -> None:  # noqa: ANN001
    from sqlalchemy import text

    with pg_admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def _pg_clone(pg_admin, template: str) -> str:  # noqa: ANN001
    from sqlalchemy import text

    name = f"t_{uuid.uuid4().hex[:12]}"
    with pg_admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    return name


def _drain_background_work() -> None:
    """A UI test's background reads (a page, a count, a search) end and deliver before its
    database is closed or dropped: the autouse drain in tests/ui runs too late for that, since
    autouse fixtures are torn down after the `services` fixture."""
    if "sotttt_desktop.ui.background" not in sys.modules:
        return
    from sotttt_desktop.ui.background import _LIVE
    from sotttt_desktop.ui.events import process_events

    for _round in range(10):  # a delivered page may ask for the next one
        if not _LIVE:
            return
        for task in list(_LIVE):
            task.wait(30)
        process_events()
    for task in list(_LIVE):  # still asking after ten rounds: nobody may hear of it now
        task.orphan()


def _backend_services(request: pytest.FixtureRequest, sqlite_template: str,
                      pg_template: str, tmp_path: Path) -> Iterator[Services]:
    if request.param == "sqlite":
        path = _copy(request.getfixturevalue(sqlite_template), tmp_path)
        svc = open_services(sqlite_location(path), actor=TEST_ACTOR)
        yield svc
        _drain_background_work()
        svc.db.close()
        return
    pg_admin = request.getfixturevalue("pg_admin")
    name = _pg_clone(pg_admin, request.getfixturevalue(pg_template))
    svc = open_services(DatabaseLocation(url=_pg_url(name), path=None), actor=TEST_ACTOR)
    yield svc
    _drain_background_work()
    svc.db.close()
    _pg_drop(pg_admin, name)


@pytest.fixture(params=BACKENDS)
def services(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Services]:
    """Services on a fresh, migrated database with reference data and an `admin` account."""
    yield from _backend_services(request, "template_db", "pg_empty_template", tmp_path)


@pytest.fixture(params=BACKENDS)
def demo_services(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Services]:
    """Services on a fresh copy of a database with 1,000 demo parties and the demo accounts."""
    yield from _backend_services(request, "demo_template_db", "pg_demo_template", tmp_path)
