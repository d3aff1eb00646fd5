"""Issued documents: the data each result document or receipt was first printed with.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 08:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "issued_document",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("subject_ref", sa.String(length=80), nullable=False),
        sa.Column("area", sa.String(length=32), nullable=False),
        sa.Column("template_version", sa.String(length=16), nullable=False),
        sa.Column("font", sa.String(length=64), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("issued_by", sa.String(length=64), nullable=False),
        sa.Column("prints", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_document")),
        sa.UniqueConstraint("kind", "subject_ref",
                            name=op.f("uq_issued_document_kind_subject_ref")),
    )


def downgrade() -> None:
    op.drop_table("issued_document")
