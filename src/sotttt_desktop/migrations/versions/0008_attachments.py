"""Files handed in with a dossier, stored by content (SHA-256) in the data directory.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 07:12:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dossier_attachment",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("dossier_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossier.id"],
                                name=op.f("fk_dossier_attachment_dossier_id_dossier")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_attachment")),
    )
    op.create_index("ix_dossier_attachment_dossier_id", "dossier_attachment", ["dossier_id"])


def downgrade() -> None:
    op.drop_index("ix_dossier_attachment_dossier_id", table_name="dossier_attachment")
    op.drop_table("dossier_attachment")
