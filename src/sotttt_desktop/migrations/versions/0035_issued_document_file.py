"""The file of every document as issued, so that a reprint is the signed document itself
even after its form or the fonts changed (issue #13).

Revision ID: 0035
Revises: 0034
Create Date: 2026-12-07 21:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0035'
down_revision = '0034'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('issued_document') as batch:
        batch.add_column(sa.Column('pdf', sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('issued_document') as batch:
        batch.drop_column('pdf')
