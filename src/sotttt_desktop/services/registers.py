"""Generic register operations driven by the declarations: count, page, read, create, update.

Sorting and filtering happen in SQL on indexed columns; pages are fetched by offset, from the
nearer end of the ordering, so a table of a million rows opens and jumps to its end quickly.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import String, bindparam, func, literal, select, type_coerce
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from sotttt_desktop.core import audit
from sotttt_desktop.core.models import RowCount, SearchEntry
from sotttt_desktop.errors import (
    ConflictError,
    DuplicateError,
    FilterTooBroadError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from sotttt_desktop.i18n import _, format_number
from sotttt_desktop.registers import get_register
from sotttt_desktop.registers.kinds import handler
from sotttt_desktop.registers.spec import FieldKind, RegisterSpec
from sotttt_desktop.services.entry_holders import refuse_taking_over
from sotttt_desktop.services.records import (
    display_value,
    duplicate_after_race,
    parse_field,
    parse_record,
    search_parts,
)
from sotttt_desktop.services.register_filter import (  # noqa: F401 - re-exported
    RegisterFilter,
    _filter_key,
    due_condition,
    filtered,
)

if TYPE_CHECKING:
    from sqlalchemy import Connection, Select
    from sqlalchemy.orm import Session

    from sotttt_desktop.services.facade import Services


@dataclass(frozen=True, slots=True)
class Row:
    key: uuid.UUID | str  # the id as the driver gives it: hex text (SQLite), a UUID (PostgreSQL)
    values: tuple[Any, ...]  # raw values of the register's table fields, in order

    @property
    def id(self) -> uuid.UUID:
        """Made on demand: a page of 100 rows spent a third of its time making UUIDs nobody
        looked at."""
        return self.key if isinstance(self.key, uuid.UUID) else uuid.UUID(self.key)


def _sort_column(spec: RegisterSpec, name: str) -> Any:  # noqa: ANN401 - a mapped column
    field = spec.field(name)
    return getattr(spec.model, field.sort_column or field.name)


STATEMENTS_KEPT = 64  # built queries kept per service: each open, filter or sort reuses one
# Sorting the matches of a filter's words costs ~10 µs each: "cong" matched 650,000 of a million
# parties and took 7 s. Above this many the filter asks for more words instead (refused in 0.15 s).
MATCHES_LISTED = 50_000


class RegisterService:
    def __init__(self, services: Services):
        self._services = services
        # Building a query costs more than running it on an index (0.1–0.5 ms of SQLAlchemy per
        # page or count, while the page itself is read in 0.1 ms), so they are built once.
        self._statements: OrderedDict[tuple, Select | None] = OrderedDict()

    def _statement(self, key: tuple, build: Callable[[], Select | None]) -> Select | None:
        try:
            statement = self._statements[key]
        except KeyError:
            statement = self._statements[key] = build()
            if len(self._statements) > STATEMENTS_KEPT:
                self._statements.popitem(last=False)
            return statement
        self._statements.move_to_end(key)
        return statement

    # --- reading -------------------------------------------------------------------------------

    def _filtered(self, spec: RegisterSpec, statement: Select, flt: RegisterFilter) -> Select | None:
        """`statement` narrowed to what the actor may see and the filter asks for (the caller
        has checked the permission); None when nothing can match."""
        return filtered(spec, statement, flt, self._services)

    def of_area(self, area: str) -> list[str]:
        """The registers of an area this user works with: a district officer's are those kept
        by district (the Department's province-wide registers — advertising violations, source
        information, external plans — are not his)."""
        from sotttt_desktop.registers import registers_of

        actor = self._services.actor
        return [key for key in registers_of(area)
                if not actor.district_scoped or get_register(key).district_field is not None]

    def count(self, key: str, flt: RegisterFilter | None = None) -> int:
        spec = get_register(key)
        flt = flt or RegisterFilter()
        self._services.require(spec.area, "view")
        statement = self._statement(
            ("count", key, *_filter_key(flt)),
            lambda: self._filtered(spec, select(func.count()).select_from(spec.model), flt))
        if statement is None:
            return 0
        with self._services.db.reading() as conn:
            if flt.text.strip():
                self._refuse_too_broad(conn, spec, flt)
            if not flt.equals and not flt.text.strip() and not self._services.actor.district_scoped:
                kept = conn.execute(self._statement(("kept", key), lambda: select(RowCount.n).where(
                    RowCount.table_name == spec.model.__tablename__))).scalar_one_or_none()
                if kept is not None:  # kept by triggers: no scan of the whole table
                    return kept
            return conn.execute(statement).scalar_one()

    def _refuse_too_broad(self, conn: Connection, spec: RegisterSpec, flt: RegisterFilter) -> None:
        capped = self._statement(("matches", spec.key, flt.text.strip()),
                                 lambda: self._capped_matches(spec, flt.text))
        if capped is None:
            return
        if conn.execute(capped, {"cap": MATCHES_LISTED + 1}).scalar_one() > MATCHES_LISTED:
            raise FilterTooBroadError(
                _("More than {count} records match “{text}”: type more words to narrow the list.")
                .format(count=format_number(MATCHES_LISTED), text=flt.text.strip()))

    def _capped_matches(self, spec: RegisterSpec, text: str) -> Select | None:
        """How many index entries of the register match the words, counting up to `:cap`."""
        condition = self._services.search.matching(spec.search_kind, text)
        if condition is None:
            return None
        return select(func.count()).select_from(
            select(SearchEntry.id).where(condition).limit(bindparam("cap")).subquery())

    def page(self, key: str, offset: int, limit: int, *, flt: RegisterFilter | None = None,
             sort: str | None = None, descending: bool = False, total: int | None = None) -> list[Row]:
        """Rows `offset .. offset+limit` of the filtered, sorted register."""
        spec = get_register(key)
        flt = flt or RegisterFilter()
        self._services.require(spec.area, "view")
        if limit <= 0:
            return []
        if total is None:
            total = self.count(key, flt)
        offset = max(0, min(offset, total))
        limit = min(limit, total - offset)
        if limit <= 0:
            return []
        # Read from whichever end is nearer: OFFSET costs a walk over the skipped index entries.
        from_end = offset > total // 2
        ascending = descending == from_end
        sort_name = sort or spec.default_sort
        statement = self._statement(("page", key, *_filter_key(flt), sort_name, ascending),
                                    lambda: self._page_statement(spec, flt, sort_name, ascending))
        if statement is None:
            return []
        skip = total - offset - limit if from_end else offset
        with self._services.db.reading() as conn:
            rows = [Row(r[0], tuple(r[1:]))
                    for r in conn.execute(statement, {"skip": skip, "take": limit}).all()]
        if from_end:
            rows.reverse()
        return rows

    def _page_statement(self, spec: RegisterSpec, flt: RegisterFilter, sort: str,
                        ascending: bool) -> Select | None:
        model = spec.model
        sort_column = _sort_column(spec, sort)
        columns = [getattr(model, f.name) for f in spec.table_fields]
        statement = self._filtered(spec, select(type_coerce(model.id, String), *columns), flt)
        if statement is None:
            return None
        order = (sort_column.asc(), model.id.asc()) if ascending else (sort_column.desc(), model.id.desc())
        page = statement.order_by(*order).offset(bindparam("skip")).limit(bindparam("take"))
        if not any(handler(f).list_joined for f in spec.table_fields):
            return page
        # the titles of referenced records are looked up for the page's rows only: SQLite
        # computes the selected values of every row OFFSET skips (4× slower mid-register)
        rows = page.add_columns(sort_column.label("page_sort_"), model.id.label("page_id_")
                                ).subquery()
        outer = [rows.c[0], *(handler(f).list_column(f, rows.c[f.name])
                              for f in spec.table_fields)]
        again = (rows.c.page_sort_, rows.c.page_id_)
        return select(*outer).order_by(*(c.asc() if ascending else c.desc() for c in again))

    def find_by_key(self, key: str, value: Any) -> dict[str, Any] | None:  # noqa: ANN401
        """The record whose identifying field (the register's unique field) is `value`, if
        it exists and is in the actor's scope."""
        spec = get_register(key)
        self._services.require(spec.area, "view")
        unique = spec.unique_field
        if unique is None:
            return None
        with self._services.db.session() as session:
            row = session.execute(select(spec.model).where(
                getattr(spec.model, unique.name) == value)).scalar_one_or_none()
            return _as_dict(spec, row) if row is not None and self._in_scope(spec, row) \
                else None

    def record(self, key: str, record_id: uuid.UUID) -> dict[str, Any]:
        """All declared fields plus the record's metadata, as raw values."""
        spec = get_register(key)
        self._services.require(spec.area, "view")
        with self._services.db.session() as session:
            return _as_dict(spec, self._row_in_scope(session, spec, record_id))

    def records(self, key: str, record_ids: list[uuid.UUID]) -> list[dict[str, Any]]:
        """Several records in one query, in the order of `record_ids`."""
        spec = get_register(key)
        self._services.require(spec.area, "view")
        if not record_ids:
            return []
        with self._services.db.session() as session:
            rows = session.execute(select(spec.model).where(spec.model.id.in_(record_ids))
                                   ).scalars().all()
            by_id = {row.id: _as_dict(spec, row) for row in rows if self._in_scope(spec, row)}
        return [by_id[i] for i in record_ids if i in by_id]

    def iter_records(self, key: str, flt: RegisterFilter | None = None, *,
                     batch: int = 1000) -> Iterator[dict[str, Any]]:
        """Every record of the filtered register, in the default order, a batch at a time."""
        spec = get_register(key)
        self._services.require(spec.area, "view")
        model = spec.model
        statement = self._filtered(spec, select(model), flt or RegisterFilter())
        if statement is None:
            return
        statement = statement.order_by(_sort_column(spec, spec.default_sort), model.id)
        # Pages by OFFSET, each in its own short read. (One query streamed with yield_per was
        # measured 3× slower: 200,000 parties in 20.9 s against 7.2 s.)
        offset = 0
        while True:
            with self._services.db.session() as session:
                rows = session.execute(statement.offset(offset).limit(batch)).scalars().all()
                found = [_as_dict(spec, row) for row in rows]
            yield from found
            if len(found) < batch:
                return
            offset += batch

    def history(self, key: str, record_id: uuid.UUID) -> dict[str, list[dict[str, Any]]]:
        """What happened to a record: the permits and dossiers of its holder in the register's
        area, the documents issued for those permits, and its own audit entries."""
        from sotttt_desktop.core.models import AuditEntry, Dossier, IssuedDocument, Permit

        spec = get_register(key)
        self._services.require(spec.area, "view")
        with self._services.db.session() as session:
            row = self._row_in_scope(session, spec, record_id)
            party_id = getattr(row, spec.holder_column, None) if spec.holder_column else None
            permits: list[Any] = []
            dossiers: list[Any] = []
            if party_id is not None:
                permit_query = select(Permit).where(Permit.holder_id == party_id)
                dossier_query = select(Dossier).where(Dossier.applicant_id == party_id)
                if spec.holder_column != "id":  # a party's own history spans every area
                    permit_query = permit_query.where(Permit.area == spec.area)
                    dossier_query = dossier_query.where(Dossier.area == spec.area)
                permits = session.execute(permit_query.order_by(Permit.issued_on.desc())
                                          .limit(200)).scalars().all()
                dossiers = session.execute(dossier_query.order_by(Dossier.received_at.desc())
                                           .limit(200)).scalars().all()
            references = [f"{p.number}@{p.number_year}" for p in permits]
            documents = session.execute(select(IssuedDocument).where(
                IssuedDocument.subject_ref.in_(references))).scalars().all() if references else []
            entries = session.execute(select(AuditEntry).where(
                AuditEntry.entity_id == str(row.id)).order_by(AuditEntry.id.desc()).limit(200)
            ).scalars().all()
            cases = self._services.cases.of_party(session, party_id) if party_id else []
            return {
                "cases": cases,
                "permits": [{"number": p.number, "title": p.title, "issued_on": p.issued_on,
                             "state": p.state} for p in permits],
                "dossiers": [{"code": d.code, "procedure": d.procedure_name,
                              "received_at": d.received_at, "state": d.state}
                             for d in dossiers],
                "documents": [{"kind": d.kind, "subject": d.subject_ref,
                               "issued_at": d.issued_at, "prints": d.prints}
                              for d in documents],
                "audit": [{"at": e.at, "by": e.username, "action": e.action,
                           "summary": e.summary} for e in entries],
            }

    def check_scope(self, spec: RegisterSpec, values: dict[str, Any]) -> None:
        self._scope_values(spec, values)

    def write_many(self, spec: RegisterSpec,
                   entries: list[tuple[uuid.UUID | None, dict[str, Any]]], *,
                   summary: str) -> int:
        """Create (id None) or update many records in ONE transaction: all of them, or none."""
        actor = self._services.actor.username
        with self._services.db.session(write=True) as session:
            for record_id, values in entries:
                self.upsert_in(session, spec, record_id, values, actor=actor)
            audit.append(session, username=actor, action="import", entity_kind=spec.search_kind,
                         summary=f"{summary}: {len(entries)}")
            session.commit()
        return len(entries)

    def upsert_in(self, session: Any, spec: RegisterSpec, record_id: uuid.UUID | None,  # noqa: ANN401
                  values: dict[str, Any], *, actor: str, extra: dict[str, Any] | None = None,
                  audit_into: list[dict[str, Any]] | None = None) -> Any:  # noqa: ANN401
        """Create or update one record inside the caller's transaction, indexed and audited
        (the audit entry added to `audit_into` if given, for `audit.append_many` later: a bulk
        writer chains a batch at once)."""
        self._scope_values(spec, values)  # every write path: form, import, permit sync
        derived = {**spec.derived(values), **(extra or {})}
        if record_id is None:
            self._check_unique(session, spec, values, None)
            row = spec.model(**values, **derived, created_by=actor, updated_by=actor)
            session.add(row)
            session.flush()
            before = None
        else:
            row = session.get(spec.model, record_id)
            if row is None:
                raise ConflictError(_("A record of the file was deleted meanwhile; preview the "
                                      "file again."))
            if not self._in_scope(spec, row):  # the existing row's scope, not the new values'
                raise PermissionDeniedError(_("This record belongs to another district: you may "
                                               "not change it."))
            before = _as_dict(spec, row)
            self._check_unique(session, spec, values, record_id)
            for name, value in {**values, **derived}.items():
                setattr(row, name, value)
            row.updated_by = actor
            session.flush()
        self._index(session, spec, row.id, values)
        entry = {"username": actor, "action": "create" if before is None else "update",
                 "entity_kind": spec.search_kind, "entity_id": row.id,
                 "summary": str(self.title_of(spec, values)), "before": before,
                 "after": _as_dict(spec, row)}
        if audit_into is None:
            audit.append(session, **entry)
        else:
            audit_into.append(entry)
        return row

    def sync_from_permit(self, session: Any, permit: dict[str, Any], *, actor: str,  # noqa: ANN401
                         audit_into: list[dict[str, Any]] | None = None) -> int:
        """Create or update the register entry that a newly issued permit describes: the
        register's feed (holder, number, date) plus the permit's declared contents by field
        name. `permit["register"]` names the register (None: the permit feeds none)."""
        from sotttt_desktop.registers import get_register

        if not permit.get("register"):
            return 0
        spec = get_register(permit["register"])
        unique, feed = spec.unique_field, spec.permit_feed
        if unique is None or feed is None:
            return 0
        names = {f.name for f in spec.fields}
        facts = {"number": permit["number"], "issued_on": permit["issued_on"],
                 "dossier_code": permit["dossier_code"],
                 "valid_until": permit.get("valid_until"), "extensions": permit.get("extensions"),
                 **{f"holder.{k}": v for k, v in permit["holder_record"].items()}}
        values: dict[str, Any] = {name: None for name in names}
        values.update({name: facts.get(source) for name, source in feed.facts.items()
                       if name in names})
        values.update(feed.constants)
        values.update({k: v for k, v in {**permit.get("constants", {}),
                                         **permit["contents"]}.items()
                       if k in names and v not in (None, "")})
        if not values.get(unique.name):
            return 0  # e.g. a household without a tax code: entered by hand
        # an amendment updates the entry of the permit it replaces, even renamed: found by the
        # replaced permit's identifying value (an indexed unique column), else by the new one
        existing = None
        for key in ((permit.get("replaced_contents") or {}).get(unique.name), values[unique.name]):
            if key is not None and existing is None:
                existing = session.execute(select(spec.model).where(
                    getattr(spec.model, unique.name) == key)).scalar_one_or_none()
        if existing is not None:
            refuse_taking_over(session, spec, existing, values[unique.name], permit)
        if existing is not None:  # keep what the permit does not say
            stored = _as_dict(spec, existing)
            values = {name: values[name] if values.get(name) is not None else stored.get(name)
                      for name in names}
        missing = [f for f in spec.fields if f.required and values.get(f.name) in (None, "")]
        if missing:  # the table would refuse it: say which value the holder lacks
            raise ValidationError(_("The register “{register}” needs the {field} of the "
                                    "holder; enter it on the holder's record, then issue "
                                    "again.").format(register=_(spec.title),
                                                     field=_(missing[0].label).lower()))
        if spec.checks:
            errors = spec.checks(values, self._services)
            if errors:
                raise ValidationError(" ".join(errors.values()), errors)
        extra = {"permit_id": permit["id"], "party_id": permit["holder_id"]}
        if hasattr(spec.model, "permits"):
            extra["permits"] = (existing.permits if existing is not None else 0) + 1
        self.upsert_in(session, spec, existing.id if existing is not None else None, values,
                       actor=actor, extra=extra, audit_into=audit_into)
        return 1

    def sync_permit_state(self, session: Any, permit_id: uuid.UUID, state: str, *,  # noqa: ANN401
                          actor: str) -> int:
        """A suspended or revoked permit suspends or closes the entries it is the basis of."""
        from sotttt_desktop.registers import all_registers

        written = 0
        for spec in all_registers().values():
            if spec.permit_feed is None or not hasattr(spec.model, "permit_id"):
                continue
            for row in session.execute(select(spec.model).where(
                    spec.model.permit_id == permit_id)).scalars():
                values = _as_dict(spec, row)
                values = {f.name: values.get(f.name) for f in spec.fields}
                values["state"] = {"suspended": "suspended", "revoked": "ceased"}.get(state,
                                                                                      "active")
                self.upsert_in(session, spec, row.id, values, actor=actor)
                written += 1
        return written

    def _row_in_scope(self, session: Session, spec: RegisterSpec,
                      record_id: uuid.UUID) -> Any:  # noqa: ANN401 - the register's model
        row = session.get(spec.model, record_id)
        if row is None or not self._in_scope(spec, row):
            raise NotFoundError(_("The record no longer exists."))
        return row

    def _in_scope(self, spec: RegisterSpec, row: Any) -> bool:  # noqa: ANN401
        actor = self._services.actor
        if not actor.district_scoped:
            return True
        return (spec.district_field is not None
                and getattr(row, spec.district_field) == actor.district_code)

    def _scope_values(self, spec: RegisterSpec, values: dict[str, Any]) -> None:
        """A district officer's records belong to the officer's district, and only to it."""
        actor = self._services.actor
        if not actor.district_scoped:
            return
        field = spec.district_field
        if field is None:
            raise PermissionDeniedError(_("A district officer cannot change this register."))
        if values.get(field) is None:
            values[field] = actor.district_code
        elif values[field] != actor.district_code:
            raise PermissionDeniedError(
                _("You may only enter records of {district}.").format(
                    district=self._services.reference.district_name(actor.district_code)))

    def remarks(self, key: str, values: dict[str, Any]) -> list[str]:
        """What the register concludes from a record's values (RegisterSpec.remarks): a
        warning, a test's verdict; [] when it declares none."""
        spec = get_register(key)
        return spec.remarks(values, self._services) if spec.remarks is not None else []

    def draft_remarks(self, key: str, raw: dict[str, object]) -> list[str]:
        """The remarks of a record as a form holds it while the clerk types (a level check
        proposing its level): each field read alone — one not valid yet counts as empty —,
        the register's computed fields worked out, nothing written."""
        spec = get_register(key)
        self._services.require(spec.area, "view")
        if spec.remarks is None:
            return []
        variant = None
        if spec.variant_field:
            variant, _error = parse_field(spec.field(spec.variant_field),
                                          raw.get(spec.variant_field), self._services.reference)
        values: dict[str, Any] = {spec.variant_field: variant} if spec.variant_field else {}
        for field in spec.fields:
            if field.name == spec.variant_field:
                continue
            if field.computed or not field.applies_to(variant):
                values[field.name] = None
                continue
            values[field.name], _error = parse_field(field, raw.get(field.name),
                                                     self._services.reference)
        if spec.checks is not None:
            spec.checks(values, self._services)  # its messages are the form's own, on save
        return spec.remarks(values, self._services)

    def display(self, key: str, values: dict[str, Any]) -> list[tuple[str, str]]:
        """(label, text) pairs of a record, for detail views and exports."""
        spec = get_register(key)
        variant = values.get(spec.variant_field) if spec.variant_field else None
        reference = self._services.reference
        return [(_(f.label), display_value(f, values.get(f.name), reference))
                for f in spec.fields_for(variant)]

    def title_and_subtitle(self, spec: RegisterSpec, values: dict[str, Any]) -> tuple[str, str]:
        reference = self._services.reference
        parts = []
        for name in spec.subtitle_fields:
            f = spec.field(name)
            if values.get(name) is not None:
                parts.append(display_value(f, values[name], reference))
        return self.title_of(spec, values), " · ".join(parts)

    def title_of(self, spec: RegisterSpec, values: dict[str, Any]) -> str:
        """The record's title: its title field, shown as its label where that field refers to
        another record (an IT enterprise is its party's name and tax code)."""
        title_field = spec.field(spec.title_field)
        value = values[spec.title_field]
        if title_field.kind in (FieldKind.PARTY, FieldKind.RECORD):
            return display_value(title_field, value, self._services.reference)
        return value

    # --- writing -------------------------------------------------------------------------------

    def parse(self, spec: RegisterSpec, raw: dict[str, object]) -> dict[str, Any]:
        """The record's values, validated field by field and across fields (spec.checks)."""
        values = parse_record(spec, raw, self._services.reference)
        self._check_across(spec, values)
        return values

    def _check_across(self, spec: RegisterSpec, values: dict[str, Any]) -> None:
        """The register's rules across fields (spec.checks), which also work out its computed
        fields; a refusal lists every field it names."""
        if spec.checks is None:
            return
        errors = spec.checks(values, self._services)
        if errors:
            details = " ".join(f"{_(spec.field(name).label)}: {message}"
                               for name, message in errors.items())
            raise ValidationError(_("Please correct: {details}").format(details=details), errors)

    def create(self, key: str, raw: dict[str, object]) -> dict[str, Any]:
        spec = get_register(key)
        self._services.require(spec.area, "create")
        values = self.parse(spec, raw)
        self._scope_values(spec, values)
        try:
            with self._services.db.session(write=True) as session:
                row = self.upsert_in(session, spec, None, values,
                                     actor=self._services.actor.username)
                result = _as_dict(spec, row)
                session.commit()
                return result
        except IntegrityError as error:
            raise self._duplicate_after_race(spec, values, None) from error

    def update(self, key: str, record_id: uuid.UUID, raw: dict[str, object],
               expected_version: int) -> dict[str, Any]:
        spec = get_register(key)
        self._services.require(spec.area, "edit")
        values = self.parse(spec, raw)
        try:
            return self._update(spec, record_id, values, expected_version)
        except IntegrityError as error:
            raise self._duplicate_after_race(spec, values, record_id) from error

    def change_in(self, session: Any, key: str, record_id: uuid.UUID,  # noqa: ANN401
                  changes: dict[str, Any]) -> None:
        """Some fields of one record changed inside the caller's transaction (a case step
        writing its outcome): the register's checks run on the whole record as changed;
        indexed and audited as any write."""
        spec = get_register(key)
        row = session.get(spec.model, record_id)
        if row is None:
            raise NotFoundError(_("The record no longer exists."))
        values = {f.name: getattr(row, f.name) for f in spec.fields}
        values.update(changes)
        self._check_across(spec, values)
        self.upsert_in(session, spec, record_id, values, actor=self._services.actor.username)

    def _update(self, spec: RegisterSpec, record_id: uuid.UUID, values: dict[str, Any],
                expected_version: int) -> dict[str, Any]:
        with self._services.db.session(write=True) as session:
            row = self._row_in_scope(session, spec, record_id)
            self._scope_values(spec, values)
            if row.version != expected_version:
                raise ConflictError(_("Somebody else changed this record after you opened it. "
                                      "Close it and open it again to see their changes."))
            try:
                row = self.upsert_in(session, spec, record_id, values,
                                     actor=self._services.actor.username)
            except StaleDataError as error:
                raise ConflictError(_("Somebody else changed this record after you opened it. "
                                      "Close it and open it again to see their changes.")) from error
            after = _as_dict(spec, row)
            session.commit()
            return after

    def _duplicate_after_race(self, spec: RegisterSpec, values: dict[str, Any],
                              own_id: uuid.UUID | None) -> DuplicateError:
        """Another desk saved the same identity between our check and our insert (possible on a
        server database): name the record that won, as the check would have."""
        with self._services.db.session() as session:
            try:
                self._check_unique(session, spec, values, own_id)
            except DuplicateError as duplicate:
                return duplicate
        return duplicate_after_race(spec)

    def _check_unique(self, session: Any, spec: RegisterSpec, values: dict[str, Any],
                      own_id: uuid.UUID | None) -> None:
        model = spec.model
        for f in spec.fields:
            value = values.get(f.name)
            if not f.unique_message or value is None:
                continue
            district = (getattr(model, spec.district_field) if spec.district_field
                        else literal(None))
            statement = select(model.id, getattr(model, spec.title_field), district).where(
                getattr(model, f.name) == value)
            if own_id is not None:
                statement = statement.where(model.id != own_id)
            existing = session.execute(statement.limit(1)).first()
            if existing is not None:
                actor = self._services.actor
                if actor.district_scoped and existing[2] != actor.district_code:
                    # not the officer's to see: say that it exists, not whose it is
                    message = _("This value is already registered for a record outside your "
                                "district; ask the Department to check it.")
                    raise DuplicateError(message, {f.name: message})
                shown = (display_value(f, value, self._services.reference)
                         if f.kind in (FieldKind.DISTRICT, FieldKind.COMMUNE) else value)
                message = _(f.unique_message).format(value=shown, name=existing[1])
                raise DuplicateError(message, {f.name: message}, existing_id=existing[0])

    def _index(self, session: Any, spec: RegisterSpec, record_id: uuid.UUID,
               values: dict[str, Any]) -> None:
        title, subtitle = self.title_and_subtitle(spec, values)
        parts = search_parts(spec, values, self._services.reference)
        district = values.get(spec.district_field) if spec.district_field else None
        self._services.search.index(session, spec.search_kind, record_id, title, subtitle, parts,
                                    district_code=district)


def _as_dict(spec: RegisterSpec, row: Any) -> dict[str, Any]:
    data = {f.name: getattr(row, f.name) for f in spec.fields}
    data.update(id=row.id, version=row.version, created_at=row.created_at,
                updated_at=row.updated_at, created_by=row.created_by, updated_by=row.updated_by)
    return data


__all__ = ["RegisterFilter", "RegisterService", "Row", "ValidationError"]
