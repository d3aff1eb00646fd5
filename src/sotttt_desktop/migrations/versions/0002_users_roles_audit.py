"""Users, roles and the permission matrix; the hash-chained audit trail; district on the
search index (for district-scoped users); areas of units; trigger-kept row counts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 05:49:25.044689
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

GENESIS_HASH = "0" * 64
COUNTED_TABLES = ("party",)  # registers whose unfiltered size is shown on opening
SQLITE_COUNTERS = [
    statement
    for table in COUNTED_TABLES
    for statement in (
        f"CREATE TRIGGER {table}_count_ai AFTER INSERT ON {table} BEGIN "
        f"UPDATE row_count SET n = n + 1 WHERE table_name = '{table}'; END",
        f"CREATE TRIGGER {table}_count_ad AFTER DELETE ON {table} BEGIN "
        f"UPDATE row_count SET n = n - 1 WHERE table_name = '{table}'; END",
    )
]
POSTGRES_COUNTERS = [
    "CREATE FUNCTION row_count_track() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF TG_OP = 'INSERT' THEN UPDATE row_count SET n = n + 1 WHERE table_name = TG_TABLE_NAME; "
    "ELSE UPDATE row_count SET n = n - 1 WHERE table_name = TG_TABLE_NAME; END IF; "
    "RETURN NULL; END $$",
    *[f"CREATE TRIGGER {table}_count AFTER INSERT OR DELETE ON {table} "
      "FOR EACH ROW EXECUTE FUNCTION row_count_track()" for table in COUNTED_TABLES],
]
UNIT_AREAS = {
    "VP": "one_stop,reports",
    "TTRA": "inspection",
    "TTBCXB": "press,publishing,e_information,grassroots",
    "CDSBCVT": "postal,telecom,frequency,it_industry,digital,cybersecurity",
    "TTCNTT": "digital,cybersecurity",
    "TTTTDT": "e_information",
    "IOC": "digital",
}
SQLITE_AUDIT_GUARDS = [
    "CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry "
    "BEGIN SELECT RAISE(ABORT, 'audit entries are never changed'); END",
    "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry "
    "BEGIN SELECT RAISE(ABORT, 'audit entries are never deleted'); END",
]
POSTGRES_AUDIT_GUARDS = [
    "CREATE FUNCTION audit_entry_refuse() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'audit entries are never changed or deleted'; END $$",
    "CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry "
    "FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse()",
]


def upgrade() -> None:
    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('entity_kind', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('before', sa.Text(), nullable=True),
    sa.Column('after', sa.Text(), nullable=True),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_entity_id'), ['entity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_username'), ['username'], unique=False)

    op.create_table('audit_head',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('last_id', sa.Integer(), nullable=False),
    sa.Column('last_hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_head'))
    )
    op.create_table('role_definition',
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('district_scoped', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_role_definition'))
    )
    op.create_table('role_grant',
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('area', sa.String(length=32), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['role'], ['role_definition.name'], name=op.f('fk_role_grant_role_role_definition')),
    sa.PrimaryKeyConstraint('role', 'area', 'action', name=op.f('pk_role_grant'))
    )
    op.create_table('app_user',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('unit_code', sa.String(length=32), nullable=True),
    sa.Column('district_code', sa.Integer(), nullable=True),
    sa.Column('areas', sa.String(length=400), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('must_change_password', sa.Boolean(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.Column('last_login_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['district_code'], ['district.code'], name=op.f('fk_app_user_district_code_district')),
    sa.ForeignKeyConstraint(['unit_code'], ['unit.code'], name=op.f('fk_app_user_unit_code_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_app_user')),
    sa.UniqueConstraint('username', name=op.f('uq_app_user_username'))
    )
    op.create_table('user_role',
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['role'], ['role_definition.name'], name=op.f('fk_user_role_role_role_definition')),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], name=op.f('fk_user_role_user_id_app_user')),
    sa.PrimaryKeyConstraint('user_id', 'role', name=op.f('pk_user_role'))
    )
    op.create_table(
        "row_count",
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", name=op.f("pk_row_count")),
    )
    for table in COUNTED_TABLES:
        op.execute(f"INSERT INTO row_count (table_name, n) SELECT '{table}', count(*) FROM {table}")
    # plain ALTER TABLE (no batch rebuild): rebuilding search_entry would drop its FTS triggers
    op.add_column("search_entry", sa.Column("district_code", sa.Integer(), nullable=True))
    op.create_index("ix_search_entry_district_code", "search_entry", ["district_code"])
    op.add_column("unit", sa.Column("areas", sa.String(length=400), nullable=False,
                                    server_default=""))
    for code, areas in UNIT_AREAS.items():
        op.execute(sa.text("UPDATE unit SET areas = :areas WHERE code = :code")
                   .bindparams(areas=areas, code=code))
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        # re-index only when the folded text changes (not on district_code updates)
        op.execute("DROP TRIGGER search_entry_au")
        op.execute(
            "CREATE TRIGGER search_entry_au AFTER UPDATE OF folded_title, folded ON search_entry "
            "BEGIN INSERT INTO search_fts(search_fts, rowid, folded_title, folded) "
            "VALUES ('delete', old.id, old.folded_title, old.folded); "
            "INSERT INTO search_fts(rowid, folded_title, folded) "
            "VALUES (new.id, new.folded_title, new.folded); END")
        for statement in SQLITE_AUDIT_GUARDS + SQLITE_COUNTERS:
            op.execute(statement)
    elif dialect == "postgresql":
        for statement in POSTGRES_AUDIT_GUARDS + POSTGRES_COUNTERS:
            op.execute(statement)
    op.execute(
        "UPDATE search_entry SET district_code = "
        "(SELECT party.district_code FROM party WHERE party.id = search_entry.entity_id) "
        "WHERE kind = 'party'")
    op.execute(sa.text("INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, 0, :genesis)")
               .bindparams(genesis=GENESIS_HASH))


def downgrade() -> None:
    # Developer use only: the application never downgrades (it restores a backup instead).
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP TRIGGER audit_entry_no_change ON audit_entry")
        op.execute("DROP FUNCTION audit_entry_refuse()")
        for table in COUNTED_TABLES:
            op.execute(f"DROP TRIGGER {table}_count ON {table}")
        op.execute("DROP FUNCTION row_count_track()")
    else:
        for table in COUNTED_TABLES:
            op.execute(f"DROP TRIGGER {table}_count_ai")
            op.execute(f"DROP TRIGGER {table}_count_ad")
    for table in ("row_count", "user_role", "app_user", "role_grant", "role_definition", "audit_head",
                  "audit_entry"):
        op.drop_table(table)
    op.drop_index("ix_search_entry_district_code", table_name="search_entry")
    op.drop_column("search_entry", "district_code")
    op.drop_column("unit", "areas")
