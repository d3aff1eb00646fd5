"""When a dossier's processing clock stopped (issue #14): the result ready, the dossier refused
or withdrawn. On time, early or late is judged on it; a refused dossier waiting to be handed back
is no longer "overdue". Existing dossiers take the moment of the step that stopped their clock,
from their timeline (a returned dossier without one: the moment it was returned).

Revision ID: 0019
Revises: 0016
Create Date: 2026-12-06 02:51:52
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0016"
branch_labels = None
depends_on = None

STOPPING_STATES = ("result_ready", "refused", "withdrawn")


def upgrade() -> None:
    with op.batch_alter_table("dossier", schema=None) as batch_op:
        batch_op.add_column(sa.Column("decided_at", sa.DateTime(), nullable=True))
    dossier = sa.table("dossier", sa.column("id", sa.Uuid), sa.column("state", sa.String),
                       sa.column("finished_at", sa.DateTime),
                       sa.column("decided_at", sa.DateTime))
    event = sa.table("dossier_event", sa.column("dossier_id", sa.Uuid),
                     sa.column("to_state", sa.String), sa.column("at", sa.DateTime))
    first_stop = (sa.select(sa.func.min(event.c.at))
                  .where(event.c.dossier_id == dossier.c.id,
                         event.c.to_state.in_(STOPPING_STATES))
                  .scalar_subquery())
    op.execute(dossier.update()
               .where(dossier.c.state.in_((*STOPPING_STATES, "returned")))
               .values(decided_at=sa.func.coalesce(first_stop, dossier.c.finished_at)))


def downgrade() -> None:
    with op.batch_alter_table("dossier", schema=None) as batch_op:
        batch_op.drop_column("decided_at")
