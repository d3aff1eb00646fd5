"""Registers to and from spreadsheets (XLSX with openpyxl, CSV in UTF-8).

Export writes the current filter with Vietnamese column headings and values as a clerk reads
them (dates dd/mm/yyyy, district names, choice labels), so the file imports back unchanged.
Import reads a spreadsheet a Department keeps today: headings matched without diacritics (the
field's Vietnamese or English label, its name, or a declared alias), every row validated with the
same rules as the form, duplicates within the file and records already in the register found by
the register's identifying field (e.g. the tax code). The preview says, row by row, what would be
created, updated, left unchanged or rejected and why; the commit writes all of it, or nothing
(in short batches, a failed one taking back those before it: see `RegisterFileService._write`).
What is written is exactly what was previewed: `commit_preview` writes the rows the preview kept
(the file is not read again: it may have been changed or replaced meanwhile), and `commit` of a
path refuses a file whose SHA-256 is not the one its preview showed (`expected_sha256`).
Every file is read within fixed limits (size unpacked, rows, columns, cell length): a forged
workbook cannot take the machine's memory.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from sotttt_desktop.core import audit
from sotttt_desktop.core.db import upsert_insert
from sotttt_desktop.core.models import SearchEntry, utcnow
from sotttt_desktop.core.safe_write import os_reason
from sotttt_desktop.core.text import clean, fold
from sotttt_desktop.errors import CancelledError, ConflictError, ValidationError
from sotttt_desktop.i18n import _, in_language
from sotttt_desktop.registers import get_register
from sotttt_desktop.registers.kinds import handler
from sotttt_desktop.registers.spec import RegisterSpec
from sotttt_desktop.services import spreadsheet_files as files
from sotttt_desktop.services.records import (
    duplicate_after_race,
    export_rows,
    search_parts_many,
)

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services
    from sotttt_desktop.services.registers import RegisterFilter

RECORD_COLUMNS = ("id", "version", "created_at", "updated_at", "created_by", "updated_by")
BATCH_ROWS = 2_000  # records per write transaction of an import, at most
MIN_BATCH_ROWS = 100
EXPORT_STEP = 1_000  # an export reports its progress (and may be cancelled) every so many rows
BATCH_SECONDS = 0.4  # how long a batch should hold the write lock
BATCH_PAUSE = 0.15  # seconds between two batches on SQLite, for the desks waiting for the lock
Progress = Callable[[int, int], None]  # (records written, records to write)
Cancelled = Callable[[], bool]  # asked between batches: True stops and takes back the import
# The preview holds every row: a genuine 9-column file of 60,000 rows peaks at 220 MB, of
# 80,000 at 270 MB, of 200,000 at 616 MB; a clerk's PC keeps under 300 MB (split larger files).
MAX_ROWS = 80_000


@dataclass(slots=True)  # 80,000 of them in a large preview
class ImportRow:
    line: int  # the spreadsheet's row number (the heading is row 1)
    action: str  # create | update | unchanged | reject
    key: str  # the identifying value (tax code…), as read
    title: str
    messages: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # labels of the fields an update changes
    values: dict[str, Any] | None = None
    existing_id: uuid.UUID | None = None
    existing_version: int | None = None  # the record's version when previewed
    raw: tuple[str | None, ...] | None = None  # the file's cells (when columns are absent)

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "action": self.action, "key": self.key, "title": self.title,
                "messages": self.messages, "changed": self.changed}


@dataclass
class ImportPreview:
    register: str
    file: str
    sha256: str
    rows: list[ImportRow]
    ignored_columns: list[str]  # headings no field claims
    duplicate_columns: list[str] = field(default_factory=list)  # a field's second column
    committed: bool = False
    actor: str = ""  # who previewed (rows outside their district were rejected for them)

    def counts(self) -> dict[str, int]:
        found = {"create": 0, "update": 0, "unchanged": 0, "reject": 0}
        for row in self.rows:
            found[row.action] += 1
        return found

    def as_dict(self) -> dict[str, Any]:
        return {"register": self.register, "file": self.file, "sha256": self.sha256,
                "counts": self.counts(), "ignored_columns": self.ignored_columns,
                "duplicate_columns": self.duplicate_columns,
                "committed": self.committed, "rows": [r.as_dict() for r in self.rows]}


def _indexed_fields(spec: RegisterSpec) -> set[str]:
    """The fields a record's search entry is made of (title, subtitle, words, district)."""
    return {spec.title_field, *spec.subtitle_fields,
            *(f.name for f in spec.fields if f.searchable),
            *([spec.district_field] if spec.district_field else [])}


def _update_rows(session: Any, table: Any, rows: list[dict[str, Any]], *,  # noqa: ANN401
                 expected_version: bool = False) -> None:
    """Update many rows by id in one statement (each row's "version" is its new version; with
    `expected_version`, a row changed by somebody else since is left alone)."""
    columns = [name for name in rows[0] if name != "id"]
    condition = table.c.id == bindparam("b_id")
    if expected_version:
        condition = condition & (table.c.version == bindparam("b_version") - 1)
    session.execute(update(table).where(condition).values(
        {name: bindparam(f"b_{name}", type_=table.c[name].type) for name in columns}),
        [{f"b_{name}": value for name, value in row.items()} for row in rows])


def _record_dict(spec: RegisterSpec, entry: dict[str, Any],
                 before: dict[str, Any] | None) -> dict[str, Any]:
    """A written record as the audit log keeps it (the fields and the record columns)."""
    data = {f.name: entry.get(f.name) for f in spec.fields}
    data.update({name: entry.get(name, before.get(name) if before else None)
                 for name in RECORD_COLUMNS})
    return data


def column_notes(preview: ImportPreview) -> list[str]:
    """What the preview says about the file's columns: those not used, those given twice."""
    notes = []
    kept = {heading_key(label) for f in get_register(preview.register).fields
            if not handler(f).imported
            for label in (f.label, in_language("vi", f.label), in_language("en", f.label))}
    not_read = [h for h in preview.ignored_columns if heading_key(h) in kept]
    if not_read:  # evidence files: the file names them, the files themselves are not in it
        notes.append(_("Not imported (each record keeps its own; attach files on the record): "
                       "{columns}.").format(columns=", ".join(not_read)))
    unused = [h for h in preview.ignored_columns if h not in not_read]
    if unused:
        notes.append(_("Columns not used: {columns}.").format(columns=", ".join(unused)))
    if preview.duplicate_columns:
        notes.append(_("Columns repeating another (the first one is used): {columns}.").format(
            columns=", ".join(preview.duplicate_columns)))
    return notes


def _reported(rows: Iterator[list[Any]], total: int, progress: Progress | None,
              cancelled: Cancelled | None) -> Iterator[list[Any]]:
    """The export's rows, telling `progress` every EXPORT_STEP rows and stopping (with
    CancelledError) when `cancelled()` turns true."""
    done = 0
    for row in rows:
        yield row
        done += 1
        if done % EXPORT_STEP == 0:
            if cancelled is not None and cancelled():
                raise CancelledError(_("The export was cancelled: no file was written."))
            if progress is not None:
                progress(done, max(total, done))
    if progress is not None:
        progress(done, max(total, done))


def _cell_text(value: Any) -> str | None:  # noqa: ANN401
    """What a spreadsheet cell says, as text: dates as dd/mm/yyyy, 3700123456.0 as 3700123456."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class RegisterFileService:
    def __init__(self, services: Services):
        self._services = services

    # --- export --------------------------------------------------------------------------------

    def export(self, key: str, path: Path, flt: RegisterFilter | None = None, *,
               progress: Progress | None = None, cancelled: Cancelled | None = None) -> int:
        """Write the register (the filtered part) to `path` (.xlsx or .csv); returns the rows.
        `progress(done, total)` hears every EXPORT_STEP rows; when `cancelled()` turns true,
        CancelledError is raised and no file is left under the name."""
        spec = get_register(key)
        services = self._services
        services.require(spec.area, "export")
        suffix = path.suffix.lower()
        if suffix not in files.SUFFIXES:
            raise ValidationError(_("Export to a .xlsx or .csv file."))
        headings = [in_language("vi", f.label) for f in spec.fields]
        as_dates = suffix == ".xlsx"  # a spreadsheet gets real dates (sortable, filterable)
        reference = services.reference
        rows = export_rows(spec, services.registers.iter_records(key, flt), reference,
                            as_dates)
        if progress is not None or cancelled is not None:
            total = services.registers.count(key, flt) if progress is not None else 0
            rows = _reported(rows, total, progress, cancelled)
        widths = [max(len(heading) + 2, min(60, f.width // 7)) for heading, f in
                  zip(headings, spec.fields, strict=True)]
        # written beside the target under a temporary name, renamed when complete: a failure
        # (full disk, a lost network drive) never leaves half a spreadsheet under its name
        part: Path | None = None
        try:
            handle, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=suffix,
                                            dir=path.parent)
            os.close(handle)
            part = Path(name)
            count = files.write_xlsx(part, headings, rows, in_language("vi", spec.title), widths) \
                if suffix == ".xlsx" else files.write_csv(part, headings, rows)
            os.replace(part, path)
        except BaseException as error:  # cancelled too: no half-written file stays behind
            if part is not None:
                part.unlink(missing_ok=True)
            if not isinstance(error, OSError):
                raise
            raise ValidationError(_("Cannot write {path}: {error}").format(
                path=path, error=os_reason(error))) from error
        with services.db.session(write=True) as session:
            audit.append(session, username=services.actor.username, action="export",
                         entity_kind=spec.search_kind, summary=f"{count} → {path.name}")
            session.commit()
        return count

    # --- import --------------------------------------------------------------------------------

    def preview(self, key: str, path: Path) -> ImportPreview:
        """What importing `path` would do, row by row; writes nothing."""
        spec = get_register(key)
        self._services.require(spec.area, "view")
        data = files.read_bytes(path)
        headings, columns, ignored, duplicates, lines = _read_table(path, data, spec)
        missing = [_(f.label) for f in spec.fields if f.required and f.name not in columns.values()
                   and f.name != spec.variant_field and f.default is None]
        if missing:
            raise ValidationError(_("The file has no column for: {fields}. Its columns: "
                                    "{columns}.").format(fields=", ".join(missing),
                                                         columns=", ".join(h for h in headings
                                                                           if h)))
        rows = self._rows(spec, columns, lines)
        return ImportPreview(key, str(path), hashlib.sha256(data).hexdigest(), rows, ignored,
                             duplicates, actor=self._services.actor.username)

    def commit(self, key: str, path: Path, *, skip_rejected: bool = False,
               progress: Progress | None = None, cancelled: Cancelled | None = None,
               expected_sha256: str | None = None) -> ImportPreview:
        """Import `path` as it is read now (one reading, previewed and written), refused when
        `expected_sha256` is given and the file is no longer the one previewed. See
        `commit_preview`."""
        preview = self.preview(key, path)
        if expected_sha256 is not None and preview.sha256 != expected_sha256.strip().lower():
            raise ValidationError(_("{file} has changed since it was previewed: nothing was "
                                    "written; preview it again.").format(file=path.name))
        return self.commit_preview(preview, skip_rejected=skip_rejected, progress=progress,
                                   cancelled=cancelled)

    def commit_preview(self, preview: ImportPreview, *, skip_rejected: bool = False,
                       progress: Progress | None = None,
                       cancelled: Cancelled | None = None) -> ImportPreview:
        """Write exactly the rows of `preview` (the file is not read again): every created and
        updated row, or nothing (see `_write`); a record changed or created by somebody else
        since the preview refuses the whole import. When `cancelled()` turns true between two
        batches, the batches written are taken back and CancelledError is raised."""
        spec = get_register(preview.register)
        services = self._services
        if preview.committed:
            raise ConflictError(_("This preview has already been written into the register."))
        if preview.actor != services.actor.username:
            raise ConflictError(_("This preview was made by another user: preview the file "
                                  "again."))
        path = Path(preview.file)
        counts = preview.counts()
        if counts["reject"] and not skip_rejected:
            raise ValidationError(_("{count} rows are rejected (see the preview): correct them, "
                                    "or import the others only.").format(count=counts["reject"]))
        if counts["create"]:
            services.require(spec.area, "create")
        if counts["update"]:
            services.require(spec.area, "edit")
        writing = [r for r in preview.rows if r.action in ("create", "update")]
        if writing:
            self._write(spec, writing, summary=_("import of {file}").format(file=path.name),
                        progress=progress, cancelled=cancelled)
        preview.committed = True
        return preview

    def _write(self, spec: RegisterSpec, writing: list[ImportRow], *, summary: str,
               progress: Progress | None = None, cancelled: Cancelled | None = None) -> None:
        """The previewed rows written in short transactions of at most BATCH_ROWS records,
        each holding the write lock about BATCH_SECONDS (a sign-in or another desk's save waits
        for one batch, not for the whole import), all of them or none:
        a batch that fails undoes the batches written before it. Everything is prepared before
        (records, search entries, audit entries); inside, only multi-row statements run, after
        checking that nobody created or changed the same records meanwhile."""
        actor = self._services.actor.username
        now = utcnow()
        entries: list[dict[str, Any]] = []
        for row in writing:
            values = {**row.values, **spec.derived(row.values)}
            if row.existing_id is None:
                entries.append({**values, "id": uuid.uuid4(), "created_at": now,
                                "updated_at": now, "created_by": actor, "updated_by": actor,
                                "version": 1})
            else:
                entries.append({**values, "id": row.existing_id, "updated_at": now,
                                "updated_by": actor, "version": row.existing_version + 1})
        fresh = {e["id"] for e, row in zip(entries, writing, strict=True)
                 if row.existing_id is None}
        written: list[tuple[dict[str, Any], dict[str, Any] | None]] = []  # (ours, previous)
        # SQLite's waiters poll for the lock (every 0.1 s at most): without a gap between
        # batches a sign-in kept missing it (9.4 s). PostgreSQL queues them.
        pause = BATCH_PAUSE if self._services.db.dialect == "sqlite" else 0.0
        try:
            size = BATCH_ROWS
            while len(written) < len(entries):
                if cancelled is not None and cancelled():
                    raise CancelledError(_("The import was cancelled: nothing was written."))
                start = len(written)
                batch = entries[start:start + size]
                last = start + size >= len(entries)
                began = time.perf_counter()
                written.extend(self._write_batch(
                    spec, [e for e in batch if e["id"] in fresh],
                    [e for e in batch if e["id"] not in fresh],
                    summary=f"{summary}: {len(entries)}" if last else None))
                # the next batch sized to hold the lock about BATCH_SECONDS (a batch costs more
                # as the register and its search index grow)
                took = max(time.perf_counter() - began, 0.001)
                size = max(MIN_BATCH_ROWS, min(BATCH_ROWS, int(size * BATCH_SECONDS / took)))
                if progress is not None:
                    progress(len(written), len(entries))
                if not last and pause:
                    time.sleep(pause)
        except IntegrityError as error:  # a unique index: another desk was quicker
            self._undo(spec, written, summary)
            raise duplicate_after_race(spec) from error
        except BaseException:  # an interruption too: nothing stays half-written
            self._undo(spec, written, summary)
            raise

    def _write_batch(self, spec: RegisterSpec, creates: list[dict[str, Any]],
                     updates: list[dict[str, Any]], *, summary: str | None
                     ) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
        """One transaction: the batch's records, search entries and audit entries (and the
        import's own audit entry with the last batch); returns (written, previous) pairs."""
        actor = self._services.actor.username
        table = spec.model.__table__
        with self._services.db.session(write=True) as session:
            self._refuse_duplicates(session, spec, creates)
            previous = self._current(session, spec, updates)
            if creates:
                session.execute(insert(table), creates)
            if updates:
                _update_rows(session, table, updates)
            indexed = _indexed_fields(spec)
            self._index_many(session, spec, creates + [  # an unchanged entry is left alone
                e for e in updates if any(e.get(name) != previous[e["id"]].get(name)
                                          for name in indexed)])
            pairs = [(e, None) for e in creates] + [(e, previous[e["id"]]) for e in updates]
            audit.append_many(session, [
                {"username": actor, "action": "create" if before is None else "update",
                 "entity_kind": spec.search_kind, "entity_id": entry["id"],
                 "summary": str(self._services.registers.title_of(spec, entry)),
                 "before": before and _record_dict(spec, before, before),
                 "after": _record_dict(spec, entry, before)} for entry, before in pairs])
            if summary is not None:
                audit.append(session, username=actor, action="import",
                             entity_kind=spec.search_kind, summary=summary)
            session.commit()
        return pairs

    def _undo(self, spec: RegisterSpec, written: list[tuple[dict[str, Any],
                                                            dict[str, Any] | None]],
              summary: str) -> None:
        """Take back the batches already written: created records deleted, updated ones given
        back their previous values (unless somebody changed them since), all in the audit log."""
        if not written:
            return
        actor = self._services.actor.username
        table = spec.model.__table__
        created = [e["id"] for e, before in written if before is None]
        restored = [{**before, "version": e["version"] + 1, "updated_at": utcnow()}
                    for e, before in written if before is not None]
        try:
            with self._services.db.session(write=True) as session:
                for start in range(0, len(created), 500):
                    chunk = created[start:start + 500]
                    session.execute(delete(table).where(table.c.id.in_(chunk)))
                    session.execute(delete(SearchEntry).where(
                        SearchEntry.kind == spec.search_kind, SearchEntry.entity_id.in_(chunk)))
                if restored:
                    _update_rows(session, table, restored, expected_version=True)
                    self._index_many(session, spec, restored)
                audit.append_many(session, [
                    {"username": actor, "action": "delete" if before is None else "update",
                     "entity_kind": spec.search_kind, "entity_id": entry["id"],
                     "summary": str(self._services.registers.title_of(spec, entry)),
                     "before": _record_dict(spec, entry, before),
                     "after": before and _record_dict(spec, {**before, "version": entry[
                         "version"] + 1}, before)} for entry, before in written])
                audit.append(session, username=actor, action="import",
                             entity_kind=spec.search_kind,
                             summary=_("{summary}: undone ({count})").format(
                                 summary=summary, count=len(written)))
                session.commit()
        except Exception as error:
            raise ConflictError(_("The import failed and its first {count} records could not "
                                  "be taken back: check the register ({error}).").format(
                count=len(written), error=error)) from error

    def _refuse_duplicates(self, session: Any, spec: RegisterSpec,  # noqa: ANN401
                           creates: list[dict[str, Any]]) -> None:
        """A record created meanwhile with the identity of a new row: nothing is written (and
        the record, perhaps outside the actor's district, is not named)."""
        for spec_field in spec.fields:
            if not spec_field.unique_message:
                continue
            column = getattr(spec.model, spec_field.name)
            wanted = [e[spec_field.name] for e in creates if e.get(spec_field.name) is not None]
            for start in range(0, len(wanted), 500):
                if session.execute(select(column).where(column.in_(
                        wanted[start:start + 500])).limit(1)).first() is not None:
                    raise duplicate_after_race(spec)

    def _current(self, session: Any, spec: RegisterSpec,  # noqa: ANN401
                 updates: list[dict[str, Any]]) -> dict[uuid.UUID, dict[str, Any]]:
        """The records to update as they are now, every column (the audit's "before", what an
        undo gives back); refused when one was deleted or changed since the preview."""
        table = spec.model.__table__
        found: dict[uuid.UUID, dict[str, Any]] = {}
        ids = [e["id"] for e in updates]
        for start in range(0, len(ids), 500):
            for record in session.execute(select(table).where(
                    table.c.id.in_(ids[start:start + 500]))).mappings():
                found[record["id"]] = dict(record)
        for entry in updates:
            before = found.get(entry["id"])
            if before is None or before["version"] != entry["version"] - 1:
                raise ConflictError(_("A record of the file was changed or deleted meanwhile; "
                                      "preview the file again."))
        return found

    def _index_many(self, session: Any, spec: RegisterSpec,  # noqa: ANN401
                    entries: list[dict[str, Any]]) -> None:
        """The search entries of the written records, in one multi-row upsert."""
        if not entries:
            return
        registers = self._services.registers
        rows = []
        words = search_parts_many(spec, entries, self._services.reference)
        for entry, parts in zip(entries, words, strict=True):
            title, subtitle = registers.title_and_subtitle(spec, entry)
            rows.append({"kind": spec.search_kind, "entity_id": entry["id"], "title": title,
                         "subtitle": subtitle, "folded_title": fold(title),
                         "folded": fold(" ".join(parts)),
                         "district_code": entry.get(spec.district_field)
                         if spec.district_field else None})
        statement = upsert_insert(self._services.db.dialect)(SearchEntry.__table__)
        statement = statement.on_conflict_do_update(
            index_elements=["kind", "entity_id"],
            set_={name: statement.excluded[name] for name in (
                "title", "subtitle", "folded_title", "folded", "district_code")})
        session.execute(statement, rows)

    def _rows(self, spec: RegisterSpec, columns: dict[int, str],
              lines: list[tuple[int, list[Any]]]) -> list[ImportRow]:
        services = self._services
        parsed: list[ImportRow] = []
        seen: dict[tuple[str, str], int] = {}
        names = list(columns.values())
        absent = len(names) < len(spec.fields)
        # a field without a column takes its default in a new record (an update keeps the
        # record's own value: _keep_absent)
        defaults = {f.name: f.default for f in spec.fields
                    if f.default is not None and f.name not in names}
        lines.reverse()
        while lines:  # each line let go once read: the file is not held twice
            line, cells = lines.pop()
            raw = {name: _cell_text(value) for name, value in zip(names, cells, strict=True)}
            if not any(clean(v) for v in raw.values()):
                continue  # an empty row
            identity_field = spec.identity_field(  # the variant is still text as typed here
                {name: value for name, value in raw.items() if name != spec.variant_field})
            key_text = clean(raw.get(identity_field.name)) or "" if identity_field else ""
            title = clean(raw.get(spec.title_field)) or ""
            row = ImportRow(line, "create", key_text, title)
            try:
                values = services.registers.parse(spec, {**defaults, **raw})
                services.registers.check_scope(spec, values)
            except ValidationError as error:
                row.action = "reject"
                row.messages = [f"{_(spec.field(name).label)}: {message}"
                                for name, message in error.field_errors.items()] or [str(error)]
                parsed.append(row)
                continue
            row.values = values
            row.raw = tuple(raw.values()) if absent else None  # for an update: see _keep_absent
            identity_field = spec.identity_field(values)
            if identity_field is not None:
                identity = str(values[identity_field.name])
                row.key = identity
                if (identity_field.name, identity) in seen:
                    row.action = "reject"
                    row.messages = [_("{field} {value} is already on row {line} of this file.")
                                    .format(field=_(identity_field.label), value=identity,
                                            line=seen[identity_field.name, identity])]
                    parsed.append(row)
                    continue
                seen[identity_field.name, identity] = line
            parsed.append(row)
        if spec.file_checks is not None:
            accepted = [r for r in parsed if r.action != "reject"]
            refusals = spec.file_checks([r.values for r in accepted])  # type: ignore[misc]
            for row, refusal in zip(accepted, refusals, strict=True):
                if refusal:
                    row.action, row.messages = "reject", [refusal]
        self._match_existing(spec, [r for r in parsed if r.action != "reject"], names)
        for row in parsed:
            row.raw = None
        return parsed

    def _match_existing(self, spec: RegisterSpec, rows: list[ImportRow],
                        present: list[str]) -> None:
        """A row whose identity (tax code for an organisation, citizen ID for a person, …)
        is already in the register updates that record: the fields of the file's columns
        change (an empty cell clears its field), the others keep what the record holds. A
        record outside the actor's district is neither shown nor changed."""
        model = spec.model
        actor = self._services.actor
        by_field: dict[str, list[ImportRow]] = {}
        for row in rows:
            identity_field = spec.identity_field(row.values) if row.values else None
            if identity_field is not None:
                by_field.setdefault(identity_field.name, []).append(row)
        for name, group in by_field.items():
            column = getattr(model, name)
            existing: dict[str, Any] = {}
            # the parsed values (a commune code is a number): a text would not match on PostgreSQL
            identities = list({r.values[name] for r in group})
            with self._services.db.session() as session:
                for start in range(0, len(identities), 500):
                    chunk = identities[start:start + 500]
                    for record in session.execute(select(model).where(column.in_(chunk))
                                                  ).scalars():
                        existing[str(getattr(record, name))] = (
                            record.id, record.version,
                            {f.name: getattr(record, f.name) for f in spec.fields})
            for row in group:
                found = existing.get(str(row.values[name]))
                if found is None:
                    continue
                record_id, version, stored = found
                if actor.district_scoped and (spec.district_field is None or stored.get(
                        spec.district_field) != actor.district_code):
                    row.action, row.values = "reject", None
                    row.messages = [_("{field} {value} belongs to a record outside your "
                                      "district: only the Department can change it.").format(
                        field=_(spec.field(name).label), value=row.key)]
                    continue
                if row.raw is not None and not self._keep_absent(
                        spec, row, stored, present):
                    continue
                row.existing_id, row.existing_version = record_id, version
                row.changed = [(_("{field} (cleared)") if row.values.get(f.name) is None
                                else "{field}").format(field=_(f.label)) for f in spec.fields
                               if row.values.get(f.name) != stored.get(f.name)]
                row.action = "update" if row.changed else "unchanged"

    def _keep_absent(self, spec: RegisterSpec, row: ImportRow, stored: dict[str, Any],
                     present: list[str]) -> bool:
        """The row's values with the record's own for the fields the file has no column for
        (validated together again: a ward read against the record's district); False when the
        row is rejected."""
        services = self._services
        raw = {f.name: handler(f).keep_text(f, stored.get(f.name), services.reference) or None
               for f in spec.fields if f.name not in present}
        assert row.raw is not None  # kept for every valid row when columns are absent
        raw.update(zip(present, row.raw, strict=True))
        try:
            row.values = services.registers.parse(spec, raw)
            services.registers.check_scope(spec, row.values)
        except ValidationError as error:
            row.action, row.values = "reject", None
            row.messages = [f"{_(spec.field(name).label)}: {message}"
                            for name, message in error.field_errors.items()] or [str(error)]
            return False
        return True


# --- files ---------------------------------------------------------------------------------------


Table = tuple[list[str], dict[int, str], list[str], list[str], list[tuple[int, list[Any]]]]


def _read_table(path: Path, data: bytes, spec: RegisterSpec) -> Table:
    """The first sheet's headings, which column gives which field, the headings ignored and
    given twice, and the other rows (with their row numbers), each holding only the cells of
    the columns used (in the order of `columns`)."""
    if path.suffix.lower() == ".xlsx":
        numbered = files.xlsx_rows(path, data)
        neutralised = False
    else:
        numbered = files.csv_rows(path, data)
        neutralised = True
    headings: list[str] | None = None
    columns: dict[int, str] = {}
    ignored: list[str] = []
    duplicates: list[str] = []
    lines: list[tuple[int, list[Any]]] = []
    for number, cells in numbered:
        if neutralised:
            cells = [files.csv_value(c) for c in cells]
        if headings is None:
            if not any(c not in (None, "") for c in cells):
                continue  # blank lines above the heading
            headings = ["" if c is None else str(c).strip() for c in cells]
            columns, ignored, duplicates = _match_columns(spec, headings)
            continue
        kept = [cells[index] if index < len(cells) else None for index in columns]
        if not any(c not in (None, "") for c in kept):
            continue  # a blank line: nothing to import, nothing to keep
        lines.append((number, kept))
        if len(lines) > MAX_ROWS:
            raise ValidationError(_("The file has more than {count} rows: split it.").format(
                count=MAX_ROWS))
    if headings is None:
        raise ValidationError(_("{path} is empty.").format(path=path))
    return headings, columns, ignored, duplicates, lines


def heading_key(text: str) -> str:
    """A column heading as it is compared: folded (no diacritics, đ→d, lower case), without a
    bracketed note ("Điện thoại (*)") and punctuation ("Quận/huyện" = "quan huyen")."""
    text = re.sub(r"\([^)]*\)", " ", fold(text or ""))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def _match_columns(spec: RegisterSpec, headings: list[str]
                   ) -> tuple[dict[int, str], list[str], list[str]]:
    """Column index → field name; the headings no field claims; the headings of a second column
    for a field another column already gives (both lists are shown in the preview)."""
    names: dict[str, str] = {}
    for spec_field in (f for f in spec.fields if handler(f).imported):
        for text in (spec_field.name, spec_field.label, in_language("vi", spec_field.label),
                     in_language("en", spec_field.label), *spec_field.aliases):
            names.setdefault(heading_key(text), spec_field.name)
    for spec_field in (f for f in spec.fields if handler(f).imported):  # a kind's usual headings
        for text in handler(spec_field).import_headings:
            names.setdefault(heading_key(text), spec_field.name)
    columns: dict[int, str] = {}
    ignored: list[str] = []
    duplicates: list[str] = []
    for index, heading in enumerate(headings):
        name = names.get(heading_key(heading))
        if name is not None and name not in columns.values():
            columns[index] = name
        elif name is not None:
            duplicates.append(heading)
        elif heading:
            ignored.append(heading)
    return columns, ignored, duplicates

