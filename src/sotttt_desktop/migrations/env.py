"""Alembic environment: runs on the connection the application passes in (one transaction)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from sotttt_desktop.core.models import Base

config = context.config
target_metadata = Base.metadata


def _include_object(obj, name, type_, reflected, compare_to) -> bool:  # noqa: ANN001
    # the FTS5 shadow tables are made by the migrations' own SQL, not by the models
    return not (type_ == "table" and name and name.startswith("search_fts"))


def _run(connection) -> None:  # noqa: ANN001
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_object=_include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # developer use: `alembic -x url=sqlite:///x.sqlite3 revision --autogenerate`
    url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///dev.sqlite3")
    engine = create_engine(url)
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()
