"""The register of outgoing documents (sổ đăng ký văn bản đi, ND 30/2020 Phụ lục IV).

number_record gains the register's columns and a unique number text per agency and year; the
administrative documents (QĐ, công văn, …) are moved into the agency's shared series "HC" and
the specialised ones keep their own (resources/reference/outgoing_register.toml). Existing data
keeps its numbers: a number that would collide in the shared series stays in the series it was
given in, and the shared series continues after the highest. Permits and decisions whose number
is not in the register yet are recorded (a decision number that is no Decree 30 number, e.g.
typed as "abc" before numbers were taken from the register, stays on its permit only). The
records clerk role gets the right to keep the register ("register:edit").

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 17:40:00
"""

from __future__ import annotations

import datetime as dt
import re

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

# the series as shipped with this revision (frozen here: the data file may change later)
ADMINISTRATIVE = {"QĐ", "CV", "TB", "KH", "BC", "TTr", "HD", "CTr", "GM", "GGT", "GUQ", "BB",
                  "CĐ"}
SPECIALISED = {"GP", "GCN", "XN"}
NOT_DOCUMENTS = {"dossier", "case"}
NUMBER_TEXT = re.compile(r"^\s*0*(\d{1,6})\s*/\s*(\S+)\s*$")

record = sa.table(
    "number_record", sa.column("kind", sa.String), sa.column("agency", sa.String),
    sa.column("period", sa.String), sa.column("number", sa.Integer),
    sa.column("text", sa.String), sa.column("state", sa.String),
    sa.column("reference", sa.String), sa.column("at", sa.DateTime),
    sa.column("by", sa.String), sa.column("origin", sa.String),
    sa.column("document_kind", sa.String), sa.column("document_date", sa.Date),
    sa.column("summary", sa.String), sa.column("recipients", sa.String))
series_table = sa.table(
    "number_series", sa.column("kind", sa.String), sa.column("agency", sa.String),
    sa.column("period", sa.String), sa.column("last_number", sa.Integer))


def _kind(symbol: str) -> str:
    return "CV" if "-" in symbol else symbol


def _series(symbol: str) -> str:
    kind = _kind(symbol)
    return "HC" if kind in ADMINISTRATIVE else kind


def _parse(text: str) -> tuple[int, str, str] | None:
    found = NUMBER_TEXT.match(text or "")
    if not found:
        return None
    number, rest = int(found.group(1)), found.group(2)
    head, _sep, tail = rest.partition("-")
    if not head or not tail or number < 1:
        return None
    if head in ADMINISTRATIVE | SPECIALISED:
        return number, head, tail
    return number, rest, head


def upgrade() -> None:
    with op.batch_alter_table("number_record", schema=None) as batch_op:
        batch_op.add_column(sa.Column("origin", sa.String(length=8), server_default="app",
                                      nullable=False))
        batch_op.add_column(sa.Column("document_kind", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("document_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("summary", sa.String(length=400), nullable=True))
        batch_op.add_column(sa.Column("signer", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("recipients", sa.String(length=400), nullable=True))
        batch_op.add_column(sa.Column("file_copy", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("copies", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("note", sa.String(length=400), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_number_record_agency_period_text"),
                                          ["agency", "period", "text"])
    _fill(op.get_bind())
    role = sa.table("role_definition", sa.column("name", sa.String))
    grant = sa.table("role_grant", sa.column("role", sa.String), sa.column("area", sa.String),
                     sa.column("action", sa.String))
    bind = op.get_bind()
    if bind.execute(sa.select(role.c.name).where(role.c.name == "records_clerk")).first() \
            and not bind.execute(sa.select(grant.c.role).where(
                grant.c.role == "records_clerk", grant.c.area == "register",
                grant.c.action == "edit")).first():
        bind.execute(grant.insert().values(role="records_clerk", area="register", action="edit"))


def _fill(bind: sa.Connection) -> None:
    taken: set[tuple[str, str, str, int]] = set()
    texts: set[tuple[str, str, str]] = set()
    rows = bind.execute(sa.select(record.c.kind, record.c.agency, record.c.period,
                                  record.c.number, record.c.text, record.c.at)
                        .order_by(record.c.at)).all()
    for row in rows:
        taken.add((row.kind, row.agency, row.period, row.number))
        texts.add((row.agency, row.period, row.text))
    # 1. every document number names its kind; administrative ones move to the shared series
    for row in rows:
        if row.kind in NOT_DOCUMENTS:
            continue
        kind = _kind(row.kind)
        where = sa.and_(record.c.kind == row.kind, record.c.agency == row.agency,
                        record.c.period == row.period, record.c.number == row.number)
        values: dict[str, object] = {"document_kind": kind}
        target = _series(row.kind)
        if target != row.kind and (target, row.agency, row.period, row.number) not in taken:
            taken.discard((row.kind, row.agency, row.period, row.number))
            taken.add((target, row.agency, row.period, row.number))
            values["kind"] = target
        bind.execute(record.update().where(where).values(**values))
    # 2. permits and decisions not recorded yet (numbered before the register was theirs)
    permit = sa.table("permit", sa.column("id", sa.Uuid), sa.column("number", sa.String),
                      sa.column("number_year", sa.Integer), sa.column("issued_on", sa.Date),
                      sa.column("title", sa.String), sa.column("subject", sa.String),
                      sa.column("decision_number", sa.String), sa.column("state", sa.String),
                      sa.column("updated_at", sa.DateTime), sa.column("created_by", sa.String),
                      sa.column("updated_by", sa.String))
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    for p in bind.execute(sa.select(permit).order_by(permit.c.issued_on)).all():
        entries = [(p.number, str(p.number_year), p.issued_on, str(p.id),
                    f"{p.title}: {p.subject}", p.created_by)]
        if p.decision_number and p.updated_at is not None:
            decided = p.updated_at.date()
            verb = "đình chỉ" if p.state == "suspended" else "thu hồi"
            entries.append((p.decision_number, str(decided.year), decided, f"decision:{p.id}",
                            f"Quyết định về việc {verb} {p.title[:1].lower()}{p.title[1:]} "
                            f"số {p.number}", p.updated_by))
        for text, period, day, reference, summary, by in entries:
            parsed = _parse(text)
            if parsed is None:
                continue
            number, symbol, agency = parsed
            if (agency, period, text) in texts:
                continue
            series = next((s for s in (_series(symbol), symbol)
                           if (s, agency, period, number) not in taken), None)
            if series is None:
                continue
            bind.execute(record.insert().values(
                kind=series, agency=agency, period=period, number=number, text=text,
                state="issued", reference=reference, at=now, by=by or "migration",
                origin="app", document_kind=_kind(symbol), document_date=day,
                summary=summary[:400]))
            taken.add((series, agency, period, number))
            texts.add((agency, period, text))
    # 3. each series continues after the highest number recorded in it
    highest: dict[tuple[str, str, str], int] = {}
    for kind, agency, period, number in taken:
        if kind in NOT_DOCUMENTS:
            continue
        key = (_series(kind), agency, period)
        highest[key] = max(highest.get(key, 0), number)
    for (kind, agency, period), number in highest.items():
        current = bind.execute(sa.select(series_table.c.last_number).where(
            series_table.c.kind == kind, series_table.c.agency == agency,
            series_table.c.period == period)).scalar_one_or_none()
        if current is None:
            bind.execute(series_table.insert().values(kind=kind, agency=agency, period=period,
                                                      last_number=number))
        elif current < number:
            bind.execute(series_table.update().where(
                series_table.c.kind == kind, series_table.c.agency == agency,
                series_table.c.period == period).values(last_number=number))


def downgrade() -> None:
    with op.batch_alter_table("number_record", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_number_record_agency_period_text"),
                                 type_="unique")
        batch_op.drop_column("note")
        batch_op.drop_column("copies")
        batch_op.drop_column("file_copy")
        batch_op.drop_column("recipients")
        batch_op.drop_column("signer")
        batch_op.drop_column("summary")
        batch_op.drop_column("document_date")
        batch_op.drop_column("document_kind")
        batch_op.drop_column("origin")
