"""Number series (documents per kind/agency/year, dossier codes per agency/day) and the
register of every number handed out or voided.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 07:15:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "number_series",
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("agency", sa.String(length=32), nullable=False),
        sa.Column("period", sa.String(length=8), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "agency", "period", name=op.f("pk_number_series")),
    )
    op.create_table(
        "number_record",
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("agency", sa.String(length=32), nullable=False),
        sa.Column("period", sa.String(length=8), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(length=64), nullable=False),
        sa.Column("void_reason", sa.String(length=400), nullable=True),
        sa.PrimaryKeyConstraint("kind", "agency", "period", "number",
                                name=op.f("pk_number_record")),
    )


def downgrade() -> None:
    op.drop_table("number_record")
    op.drop_table("number_series")
