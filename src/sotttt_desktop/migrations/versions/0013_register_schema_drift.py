"""Register schema drift found by comparing the models with the migrated schema (issue #12).

- distributor.holder_tax_code is dropped: the register has no such field (a distributor's tax
  code is its `tax_code` column, required and unique); the column was NULL, or a copy of
  `tax_code` where a permit wrote the entry.
- printing_facility.district_code becomes NOT NULL, as the register declares it required. A
  facility without a district (written from a permit whose holder had none) takes its holder's
  district, else its commune's district. If one is still left without a district the upgrade
  stops (nothing is changed: the upgrade is one transaction, made after a backup) and names it.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 02:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("distributor", schema=None) as batch_op:
        batch_op.drop_column("holder_tax_code")

    op.execute("UPDATE printing_facility SET district_code = (SELECT party.district_code FROM "
               "party WHERE party.id = printing_facility.party_id) "
               "WHERE district_code IS NULL AND party_id IS NOT NULL")
    op.execute("UPDATE printing_facility SET district_code = (SELECT commune.district_code FROM "
               "commune WHERE commune.code = printing_facility.commune_code) "
               "WHERE district_code IS NULL AND commune_code IS NOT NULL")
    left = op.get_bind().execute(sa.text(
        "SELECT tax_code FROM printing_facility WHERE district_code IS NULL "
        "ORDER BY tax_code")).scalars().all()
    if left:
        raise RuntimeError(
            "printing facilities without a district (enter it in the Printing facilities "
            f"register, then start again): {', '.join(left[:20])}")
    with op.batch_alter_table("printing_facility", schema=None) as batch_op:
        batch_op.alter_column("district_code", existing_type=sa.Integer(), nullable=False)


def downgrade() -> None:
    # Developer use only: the application never downgrades (it restores a backup instead).
    with op.batch_alter_table("printing_facility", schema=None) as batch_op:
        batch_op.alter_column("district_code", existing_type=sa.Integer(), nullable=True)
    with op.batch_alter_table("distributor", schema=None) as batch_op:
        batch_op.add_column(sa.Column("holder_tax_code", sa.String(length=14), nullable=True))
