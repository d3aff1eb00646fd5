"""Alembic environment: runs on the connection the application passes in (one transaction)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from sotttt_desktop.core.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:  # noqa: ANN001
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
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
