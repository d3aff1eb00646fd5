"""Permits, certificates and confirmations, with their lineage.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 07:05:02.528507
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('permit',
    sa.Column('number', sa.String(length=64), nullable=False),
    sa.Column('number_year', sa.Integer(), nullable=False),
    sa.Column('family', sa.String(length=80), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('result_kind', sa.String(length=16), nullable=False),
    sa.Column('title', sa.String(length=400), nullable=False),
    sa.Column('area', sa.String(length=32), nullable=False),
    sa.Column('holder_id', sa.Uuid(), nullable=False),
    sa.Column('district_code', sa.Integer(), nullable=True),
    sa.Column('subject', sa.String(length=400), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('dossier_id', sa.Uuid(), nullable=True),
    sa.Column('replaces_id', sa.Uuid(), nullable=True),
    sa.Column('root_id', sa.Uuid(), nullable=True),
    sa.Column('extensions', sa.Integer(), nullable=False),
    sa.Column('decision_number', sa.String(length=64), nullable=True),
    sa.Column('decision_reason', sa.Text(), nullable=True),
    sa.Column('suspended_until', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossier.id'], name=op.f('fk_permit_dossier_id_dossier')),
    sa.ForeignKeyConstraint(['holder_id'], ['party.id'], name=op.f('fk_permit_holder_id_party')),
    sa.ForeignKeyConstraint(['replaces_id'], ['permit.id'], name=op.f('fk_permit_replaces_id_permit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_permit')),
    sa.UniqueConstraint('number', 'number_year', name=op.f('uq_permit_number_number_year'))
    )
    with op.batch_alter_table('permit', schema=None) as batch_op:
        batch_op.create_index('ix_permit_family', ['family', 'issued_on'], unique=False)
        batch_op.create_index('ix_permit_holder', ['holder_id'], unique=False)
        batch_op.create_index('ix_permit_state_valid_until', ['state', 'valid_until'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('permit', schema=None) as batch_op:
        batch_op.drop_index('ix_permit_state_valid_until')
        batch_op.drop_index('ix_permit_holder')
        batch_op.drop_index('ix_permit_family')

    op.drop_table('permit')
