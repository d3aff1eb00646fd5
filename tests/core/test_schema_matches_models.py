"""The models are the migrated schema: an empty database upgraded to head has exactly the tables,
columns (types, nullability), indexes, unique constraints and foreign keys of `Base.metadata`,
on a SQLite file and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, create_engine

from sotttt_desktop.core.models import Base
from sotttt_desktop.core.schema import alembic_config


def _include_object(obj, name, type_, reflected, compare_to) -> bool:  # noqa: ANN001
    # the FTS5 table and its shadow tables are made by the migrations' own SQL, not by models
    return not (type_ == "table" and name and name.startswith("search_fts"))


def _differences(engine: Engine) -> list[Any]:
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={
            "compare_type": True, "include_object": _include_object})
        return compare_metadata(context, Base.metadata)


@pytest.fixture(params=("sqlite", "postgresql"))
def empty_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        engine = create_engine(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
        yield engine
        engine.dispose()
        return
    from tests.conftest import _pg_drop, _pg_url

    pg_admin = request.getfixturevalue("pg_admin")
    name = f"schema_{tmp_path.name[-20:].replace('-', '_').lower()}"
    _pg_drop(pg_admin, name)
    with pg_admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine = create_engine(_pg_url(name))
    yield engine
    engine.dispose()
    _pg_drop(pg_admin, name)


def test_the_migrated_schema_is_the_models(empty_engine: Engine) -> None:
    differences = _differences(empty_engine)
    assert differences == [], "\n".join(map(repr, differences))


def test_a_drift_is_noticed(tmp_path: Path) -> None:
    """The comparison is not blind: a column the models lack is reported."""
    engine = create_engine(f"sqlite:///{tmp_path / 'drift.sqlite3'}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
        conn.exec_driver_sql("ALTER TABLE book_fair ADD COLUMN stray VARCHAR(10)")
        conn.exec_driver_sql("CREATE INDEX ix_book_fair_stray ON book_fair (stray)")
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={
            "compare_type": True, "include_object": _include_object})
        found = {(d[0], d[-1].name) if isinstance(d, tuple) else d
                 for d in compare_metadata(context, Base.metadata)}
    engine.dispose()
    assert ("remove_column", "stray") in found
    assert ("remove_index", "ix_book_fair_stray") in found


def test_0013_keeps_the_registers_data(empty_engine: Engine) -> None:
    """The drift migration keeps every row: a facility written without a district takes its
    holder's; a distributor keeps its tax code when the empty holder_tax_code column goes."""
    with empty_engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0012")
    party, facility, distributor = (
        "0123456789abcdef0123456789abcde" + c for c in "012")
    with empty_engine.begin() as conn:
        pg = conn.dialect.name == "postgresql"
        uid = (lambda h: f"'{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}'") if pg else \
            (lambda h: f"'{h}'")
        conn.exec_driver_sql("INSERT INTO district (code, name) VALUES (724, 'Thành phố Dĩ An')")
        conn.exec_driver_sql(
            "INSERT INTO party (id, kind, name, sort_name, district_code, archived, created_at, "
            f"updated_at, version) VALUES ({uid(party)}, 'org', 'Công ty In', 'cong ty in', 724, "
            f"{'false' if pg else 0}, '2020-01-01', '2020-01-01', 1)")
        common = "created_at, updated_at, version, sort_name, state, permits"
        values = "'2020-01-01', '2020-01-01', 1, 'cong ty in', 'active', 1"
        conn.exec_driver_sql(
            f"INSERT INTO printing_facility (id, tax_code, name, licence_kind, party_id, {common})"
            f" VALUES ({uid(facility)}, '3700000001', 'Công ty In', 'permit', {uid(party)}, "
            f"{values})")
        conn.exec_driver_sql(
            f"INSERT INTO distributor (id, tax_code, holder_name, {common}) VALUES "
            f"({uid(distributor)}, '3700000002', 'Nhà sách Dĩ An', {values})")
    with empty_engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    with empty_engine.connect() as conn:
        assert conn.exec_driver_sql(
            "SELECT tax_code, district_code FROM printing_facility").all() == [("3700000001", 724)]
        assert conn.exec_driver_sql(
            "SELECT tax_code, holder_name FROM distributor").all() == [
            ("3700000002", "Nhà sách Dĩ An")]
        context = MigrationContext.configure(conn, opts={
            "compare_type": True, "include_object": _include_object})
        assert compare_metadata(context, Base.metadata) == []
