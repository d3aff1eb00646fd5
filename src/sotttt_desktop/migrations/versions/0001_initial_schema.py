"""Initial schema: reference data, parties, the search index (FTS5 on SQLite).

Revision ID: 0001
Revises:
Create Date: 2026-11-30 05:36:39.192521
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(folded_title, folded, content='search_entry', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    # a match in the title weighs ten times a match elsewhere (address, representative, …)
    "INSERT INTO search_fts(search_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0)')",
    "CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN "
    "INSERT INTO search_fts(rowid, folded_title, folded) "
    "VALUES (new.id, new.folded_title, new.folded); END",
    "CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, folded_title, folded) "
    "VALUES ('delete', old.id, old.folded_title, old.folded); END",
    "CREATE TRIGGER search_entry_au AFTER UPDATE ON search_entry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, folded_title, folded) "
    "VALUES ('delete', old.id, old.folded_title, old.folded); "
    "INSERT INTO search_fts(rowid, folded_title, folded) "
    "VALUES (new.id, new.folded_title, new.folded); END",
]


def upgrade() -> None:
    op.create_table('district',
    sa.Column('code', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_district'))
    )
    op.create_table('organisation_profile',
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('parent_body', sa.String(length=200), nullable=False),
    sa.Column('parent_body_short', sa.String(length=200), nullable=False),
    sa.Column('agency_name', sa.String(length=200), nullable=False),
    sa.Column('abbreviation', sa.String(length=32), nullable=False),
    sa.Column('place_name', sa.String(length=100), nullable=False),
    sa.Column('address', sa.String(length=400), nullable=True),
    sa.Column('phone', sa.String(length=64), nullable=True),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('website', sa.String(length=200), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation_profile')),
    sa.UniqueConstraint('effective_from', name=op.f('uq_organisation_profile_effective_from'))
    )
    op.create_table('search_entry',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.Uuid(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('subtitle', sa.String(length=400), nullable=True),
    sa.Column('folded_title', sa.Text(), nullable=False),
    sa.Column('folded', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_entry')),
    sa.UniqueConstraint('kind', 'entity_id', name=op.f('uq_search_entry_kind_entity_id'))
    )
    op.create_table('signer',
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('position', sa.String(length=200), nullable=False),
    sa.Column('authority', sa.String(length=64), nullable=False),
    sa.Column('active_from', sa.Date(), nullable=False),
    sa.Column('active_until', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signer'))
    )
    op.create_table('commune',
    sa.Column('code', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('district_code', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['district_code'], ['district.code'], name=op.f('fk_commune_district_code_district')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_commune'))
    )
    with op.batch_alter_table('commune', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commune_district_code'), ['district_code'], unique=False)

    op.create_table('unit',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('district_code', sa.Integer(), nullable=True),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['district_code'], ['district.code'], name=op.f('fk_unit_district_code_district')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit')),
    sa.UniqueConstraint('code', name=op.f('uq_unit_code'))
    )
    op.create_table('party',
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('sort_name', sa.String(length=300).with_variant(sa.String(300, collation='C'), 'postgresql'), nullable=False),
    sa.Column('tax_code', sa.String(length=14), nullable=True),
    sa.Column('registration_no', sa.String(length=64), nullable=True),
    sa.Column('citizen_id', sa.String(length=12), nullable=True),
    sa.Column('date_of_birth', sa.Date(), nullable=True),
    sa.Column('address', sa.String(length=400), nullable=True),
    sa.Column('district_code', sa.Integer(), nullable=True),
    sa.Column('commune_code', sa.Integer(), nullable=True),
    sa.Column('legal_representative', sa.String(length=200), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['commune_code'], ['commune.code'], name=op.f('fk_party_commune_code_commune')),
    sa.ForeignKeyConstraint(['district_code'], ['district.code'], name=op.f('fk_party_district_code_district')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_party'))
    )
    with op.batch_alter_table('party', schema=None) as batch_op:
        batch_op.create_index('ix_party_created_at', ['created_at', 'id'], unique=False)
        batch_op.create_index('ix_party_district_sort_name', ['district_code', 'sort_name', 'id'], unique=False)
        batch_op.create_index('ix_party_kind_sort_name', ['kind', 'sort_name', 'id'], unique=False)
        batch_op.create_index('ix_party_sort_name', ['sort_name', 'id'], unique=False)
        batch_op.create_index('uq_party_citizen_id', ['citizen_id'], unique=True, sqlite_where=sa.text('citizen_id IS NOT NULL'), postgresql_where=sa.text('citizen_id IS NOT NULL'))
        batch_op.create_index('uq_party_tax_code', ['tax_code'], unique=True, sqlite_where=sa.text('tax_code IS NOT NULL'), postgresql_where=sa.text('tax_code IS NOT NULL'))


    if op.get_bind().dialect.name == "sqlite":
        # Full-text index over the folded text; kept in step with search_entry by triggers.
        for statement in SQLITE_FTS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_fts")
    with op.batch_alter_table('party', schema=None) as batch_op:
        batch_op.drop_index('uq_party_tax_code', sqlite_where=sa.text('tax_code IS NOT NULL'), postgresql_where=sa.text('tax_code IS NOT NULL'))
        batch_op.drop_index('uq_party_citizen_id', sqlite_where=sa.text('citizen_id IS NOT NULL'), postgresql_where=sa.text('citizen_id IS NOT NULL'))
        batch_op.drop_index('ix_party_sort_name')
        batch_op.drop_index('ix_party_kind_sort_name')
        batch_op.drop_index('ix_party_district_sort_name')
        batch_op.drop_index('ix_party_created_at')

    op.drop_table('party')
    op.drop_table('unit')
    with op.batch_alter_table('commune', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commune_district_code'))

    op.drop_table('commune')
    op.drop_table('signer')
    op.drop_table('search_entry')
    op.drop_table('organisation_profile')
    op.drop_table('district')
