"""Dossiers and their timeline (one-stop desk).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 07:00:49.677841
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('dossier',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('procedure_key', sa.String(length=80), nullable=False),
    sa.Column('procedure_version', sa.Date(), nullable=False),
    sa.Column('procedure_name', sa.String(length=400), nullable=False),
    sa.Column('area', sa.String(length=32), nullable=False),
    sa.Column('applicant_id', sa.Uuid(), nullable=False),
    sa.Column('district_code', sa.Integer(), nullable=True),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('received_by', sa.String(length=64), nullable=False),
    sa.Column('clock_started_at', sa.DateTime(), nullable=False),
    sa.Column('state', sa.String(length=24), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('apology_used', sa.Boolean(), nullable=False),
    sa.Column('checklist', sa.Text(), nullable=False),
    sa.Column('current_unit', sa.String(length=32), nullable=True),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['applicant_id'], ['party.id'], name=op.f('fk_dossier_applicant_id_party')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dossier')),
    sa.UniqueConstraint('code', name=op.f('uq_dossier_code'))
    )
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.create_index('ix_dossier_applicant', ['applicant_id'], unique=False)
        batch_op.create_index('ix_dossier_area_state', ['area', 'state'], unique=False)
        batch_op.create_index('ix_dossier_received_at', ['received_at'], unique=False)
        batch_op.create_index('ix_dossier_state_due', ['state', 'due_date'], unique=False)
        batch_op.create_index('ix_dossier_due_code', ['due_date', 'code'], unique=False)

    op.create_table('dossier_event',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('dossier_id', sa.Uuid(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('by', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('from_state', sa.String(length=24), nullable=True),
    sa.Column('to_state', sa.String(length=24), nullable=True),
    sa.Column('due_before', sa.Date(), nullable=True),
    sa.Column('due_after', sa.Date(), nullable=True),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('explanation', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossier.id'], name=op.f('fk_dossier_event_dossier_id_dossier')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dossier_event'))
    )
    with op.batch_alter_table('dossier_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dossier_event_dossier_id'), ['dossier_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('dossier_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dossier_event_dossier_id'))

    op.drop_table('dossier_event')
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.drop_index('ix_dossier_state_due')
        batch_op.drop_index('ix_dossier_due_code')
        batch_op.drop_index('ix_dossier_received_at')
        batch_op.drop_index('ix_dossier_area_state')
        batch_op.drop_index('ix_dossier_applicant')

    op.drop_table('dossier')
