"""The organisation profile is history (issue #13 item 10): each period also carries the decision
that founded the agency (cited as the first legal basis of its documents) and its units.

Existing profile rows become periods: they get the founding decision the documents cited until
now (Decision 15/2023/QĐ-UBND of Bình Dương, from resources/documents/texts.toml) and the units of
the `unit` table (district offices excepted: they are not units of the Department).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05 17:40:00
"""

from __future__ import annotations

import datetime as dt
import json

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

FOUNDING_2023 = {
    "founding_kind": "Quyết định",
    "founding_number": "15/2023/QĐ-UBND",
    "founding_date": dt.date(2023, 5, 19),
    "founding_issuer": "Ủy ban nhân dân tỉnh Bình Dương",
    "founding_summary": "ban hành Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của "
                        "Sở Thông tin và Truyền thông tỉnh Bình Dương",
}


def upgrade() -> None:
    with op.batch_alter_table("organisation_profile", schema=None) as batch_op:
        batch_op.add_column(sa.Column("founding_kind", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("founding_number", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("founding_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("founding_issuer", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("founding_summary", sa.String(length=600), nullable=True))
        batch_op.add_column(sa.Column("units", sa.Text(), nullable=False, server_default="[]"))
    bind = op.get_bind()
    units = [{"code": code, "name": name, "kind": kind,
              "areas": [a for a in (areas or "").split(",") if a]}
             for code, name, kind, areas in bind.execute(sa.text(
                 "SELECT code, name, kind, areas FROM unit WHERE active = :yes "
                 "AND district_code IS NULL ORDER BY sort_order, name"), {"yes": True})]
    profile = sa.table("organisation_profile", *(sa.column(name) for name in FOUNDING_2023),
                       sa.column("units"))
    bind.execute(profile.update().values(**FOUNDING_2023,
                                         units=json.dumps(units, ensure_ascii=False)))
    with op.batch_alter_table("organisation_profile", schema=None) as batch_op:
        batch_op.alter_column("units", existing_type=sa.Text(), server_default=None)


def downgrade() -> None:
    # Developer use only: the application never downgrades (it restores a backup instead).
    with op.batch_alter_table("organisation_profile", schema=None) as batch_op:
        for name in ("units", *FOUNDING_2023):
            batch_op.drop_column(name)
