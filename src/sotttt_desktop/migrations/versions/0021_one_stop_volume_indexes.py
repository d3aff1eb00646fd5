"""The lists of open dossiers walk an index of the open ones only (issue #14 item 3): with a
Department's years of finished dossiers, the overdue list walked every one of them in due order
to find the few still open (25 ms for 37,000 dossiers; 0.3 ms with this index).

The predicate is the services' filter (`core.models.dossier.still_open`), states written out
in the same order: the dossiers whose clock runs (a refused, result-ready, supplement-waiting or
finished dossier is never overdue: `core.cases.one_stop.CLOCK_IDLE_STATES`).

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06 03:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

OPEN = ("state NOT IN ('supplement_requested', 'refused', 'result_ready', 'returned', "
        "'withdrawn')")


def upgrade() -> None:
    with op.batch_alter_table("dossier", schema=None) as batch_op:
        batch_op.create_index("ix_dossier_open_due", ["due_date", "code"], unique=False,
                              sqlite_where=sa.text(OPEN), postgresql_where=sa.text(OPEN))


def downgrade() -> None:
    with op.batch_alter_table("dossier", schema=None) as batch_op:
        batch_op.drop_index("ix_dossier_open_due")
