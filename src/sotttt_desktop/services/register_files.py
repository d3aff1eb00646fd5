"""Registers to and from spreadsheets (XLSX with openpyxl, CSV in UTF-8).

Export writes the current filter with Vietnamese column headings and values as a clerk reads
them (dates dd/mm/yyyy, district names, choice labels), so the file imports back unchanged.
Import reads a spreadsheet a Department keeps today: headings matched without diacritics (the
field's Vietnamese or English label, its name, or a declared alias), every row validated with the
same rules as the form, duplicates within the file and records already in the register found by
the register's identifying field (e.g. the tax code). The preview says, row by row, what would be
created, updated, left unchanged or rejected and why; the commit writes all of it in one
transaction, or nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
import re
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sotttt_desktop.core import audit
from sotttt_desktop.core.text import clean, fold
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _, in_language
from sotttt_desktop.registers import get_register
from sotttt_desktop.registers.spec import FieldKind, FieldSpec, RegisterSpec

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services
    from sotttt_desktop.services.registers import RegisterFilter

SUFFIXES = (".xlsx", ".csv")
MAX_ROWS = 200_000


@dataclass
class ImportRow:
    line: int  # the spreadsheet's row number (the heading is row 1)
    action: str  # create | update | unchanged | reject
    key: str  # the identifying value (tax code…), as read
    title: str
    messages: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # labels of the fields an update changes
    values: dict[str, Any] | None = None
    existing_id: uuid.UUID | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "action": self.action, "key": self.key, "title": self.title,
                "messages": self.messages, "changed": self.changed}


@dataclass
class ImportPreview:
    register: str
    file: str
    sha256: str
    rows: list[ImportRow]
    ignored_columns: list[str]
    committed: bool = False

    def counts(self) -> dict[str, int]:
        found = {"create": 0, "update": 0, "unchanged": 0, "reject": 0}
        for row in self.rows:
            found[row.action] += 1
        return found

    def as_dict(self) -> dict[str, Any]:
        return {"register": self.register, "file": self.file, "sha256": self.sha256,
                "counts": self.counts(), "ignored_columns": self.ignored_columns,
                "committed": self.committed, "rows": [r.as_dict() for r in self.rows]}


def export_text(spec_field: FieldSpec, value: Any, services: Services) -> str:  # noqa: ANN401
    """A value as the exported file writes it (always Vietnamese, whatever the UI language)."""
    if value is None:
        return ""
    reference = services.reference
    if spec_field.kind is FieldKind.CHOICE:
        for stored, label in spec_field.choices:
            if stored == value:
                return in_language("vi", label)
        return str(value)
    if spec_field.kind is FieldKind.DATE:
        return f"{value:%d/%m/%Y}"
    if spec_field.kind is FieldKind.DISTRICT:
        return reference.district_name(value)
    if spec_field.kind is FieldKind.COMMUNE:
        return reference.commune_name(value)
    return str(value)


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

    def export(self, key: str, path: Path, flt: RegisterFilter | None = None) -> int:
        """Write the register (the filtered part) to `path` (.xlsx or .csv); returns the rows."""
        spec = get_register(key)
        services = self._services
        services.require(spec.area, "export")
        suffix = path.suffix.lower()
        if suffix not in SUFFIXES:
            raise ValidationError(_("Export to a .xlsx or .csv file."))
        headings = [in_language("vi", f.label) for f in spec.fields]
        as_dates = suffix == ".xlsx"  # a spreadsheet gets real dates (sortable, filterable)
        rows = ([record.get(f.name) if as_dates and f.kind is FieldKind.DATE
                 and record.get(f.name) is not None
                 else export_text(f, record.get(f.name), services) for f in spec.fields]
                for record in services.registers.iter_records(key, flt))
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
            count = _write_xlsx(part, headings, rows, in_language("vi", spec.title), widths) \
                if suffix == ".xlsx" else _write_csv(part, headings, rows)
            os.replace(part, path)
        except OSError as error:
            if part is not None:
                part.unlink(missing_ok=True)
            raise ValidationError(_("Cannot write {path}: {error}").format(
                path=path, error=error.strerror or error)) from error
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
        data = _read_bytes(path)
        headings, lines = _read_table(path, data)
        columns, ignored = _match_columns(spec, headings)
        missing = [_(f.label) for f in spec.fields if f.required and f.name not in columns.values()
                   and f.name != spec.variant_field]
        if missing:
            raise ValidationError(_("The file has no column for: {fields}. Its columns: "
                                    "{columns}.").format(fields=", ".join(missing),
                                                         columns=", ".join(h for h in headings
                                                                           if h)))
        rows = self._rows(spec, columns, lines)
        return ImportPreview(key, str(path), hashlib.sha256(data).hexdigest(), rows, ignored)

    def commit(self, key: str, path: Path, *, skip_rejected: bool = False) -> ImportPreview:
        """Import `path`: every created and updated row in one transaction, or nothing."""
        spec = get_register(key)
        services = self._services
        preview = self.preview(key, path)
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
            services.registers.write_many(spec, [(r.existing_id, r.values) for r in writing],
                                          summary=_("import of {file}").format(file=path.name))
        preview.committed = True
        return preview

    def _rows(self, spec: RegisterSpec, columns: dict[int, str],
              lines: list[tuple[int, list[Any]]]) -> list[ImportRow]:
        services = self._services
        parsed: list[ImportRow] = []
        seen: dict[tuple[str, str], int] = {}
        for line, cells in lines:
            raw = {name: _cell_text(cells[index]) if index < len(cells) else None
                   for index, name in columns.items()}
            if not any(clean(v) for v in raw.values()):
                continue  # an empty row
            identity_field = spec.identity_field(  # the variant is still text as typed here
                {name: value for name, value in raw.items() if name != spec.variant_field})
            key_text = clean(raw.get(identity_field.name)) or "" if identity_field else ""
            title = clean(raw.get(spec.title_field)) or ""
            row = ImportRow(line, "create", key_text, title)
            try:
                values = services.registers.parse(spec, raw)
                services.registers.check_scope(spec, values)
            except ValidationError as error:
                row.action = "reject"
                row.messages = [f"{_(spec.field(name).label)}: {message}"
                                for name, message in error.field_errors.items()] or [str(error)]
                parsed.append(row)
                continue
            row.values = values
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
        self._match_existing(spec, [r for r in parsed if r.action != "reject"])
        return parsed

    def _match_existing(self, spec: RegisterSpec, rows: list[ImportRow]) -> None:
        """A row whose identity (tax code for an organisation, citizen ID for a person, …)
        is already in the register updates that record."""
        model = spec.model
        by_field: dict[str, list[ImportRow]] = {}
        for row in rows:
            identity_field = spec.identity_field(row.values) if row.values else None
            if identity_field is not None:
                by_field.setdefault(identity_field.name, []).append(row)
        for name, group in by_field.items():
            column = getattr(model, name)
            existing: dict[str, Any] = {}
            identities = [str(r.values[name]) for r in group]
            with self._services.db.session() as session:
                for start in range(0, len(identities), 500):
                    chunk = identities[start:start + 500]
                    for record in session.execute(select(model).where(column.in_(chunk))
                                                  ).scalars():
                        existing[str(getattr(record, name))] = (
                            record.id, {f.name: getattr(record, f.name) for f in spec.fields})
            for row in group:
                found = existing.get(str(row.values[name]))
                if found is None:
                    continue
                row.existing_id, stored = found
                row.changed = [_(f.label) for f in spec.fields
                               if row.values.get(f.name) != stored.get(f.name)]
                row.action = "update" if row.changed else "unchanged"


# --- files ---------------------------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    if path.suffix.lower() not in SUFFIXES:
        raise ValidationError(_("Import a .xlsx or .csv file."))
    try:
        return path.read_bytes()
    except FileNotFoundError as error:
        raise ValidationError(_("There is no file {path}.").format(path=path)) from error
    except OSError as error:
        raise ValidationError(_("Cannot read {path}: {error}").format(
            path=path, error=error.strerror or error)) from error


def _read_table(path: Path, data: bytes) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    """The heading row and the other rows (with their row numbers) of the first sheet."""
    if path.suffix.lower() == ".xlsx":
        import zipfile

        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
            raise ValidationError(_("{path} is not a readable Excel file ({error}).").format(
                path=path, error=error)) from error
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        numbered = enumerate(rows, start=1)
    else:
        for encoding in ("utf-8-sig", "cp1258", "cp1252"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ValidationError(_("{path} is not text in UTF-8.").format(path=path))
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        numbered = enumerate(csv.reader(io.StringIO(text), dialect), start=1)
    headings: list[str] | None = None
    lines: list[tuple[int, list[Any]]] = []
    for number, cells in numbered:
        cells = list(cells)
        if headings is None:
            if not any(c not in (None, "") for c in cells):
                continue  # blank lines above the heading
            headings = ["" if c is None else str(c).strip() for c in cells]
            continue
        lines.append((number, cells))
        if len(lines) > MAX_ROWS:
            raise ValidationError(_("The file has more than {count} rows: split it.").format(
                count=MAX_ROWS))
    if headings is None:
        raise ValidationError(_("{path} is empty.").format(path=path))
    return headings, lines


def heading_key(text: str) -> str:
    """A column heading as it is compared: folded (no diacritics, đ→d, lower case), without a
    bracketed note ("Điện thoại (*)") and punctuation ("Quận/huyện" = "quan huyen")."""
    text = re.sub(r"\([^)]*\)", " ", fold(text or ""))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def _match_columns(spec: RegisterSpec, headings: list[str]) -> tuple[dict[int, str], list[str]]:
    """Column index → field name, and the headings no field claims (or a second column that
    another already gave: both are shown in the preview)."""
    names: dict[str, str] = {}
    for spec_field in spec.fields:
        for text in (spec_field.name, spec_field.label, in_language("vi", spec_field.label),
                     in_language("en", spec_field.label), *spec_field.aliases):
            names.setdefault(heading_key(text), spec_field.name)
    columns: dict[int, str] = {}
    ignored = []
    for index, heading in enumerate(headings):
        name = names.get(heading_key(heading))
        if name is not None and name not in columns.values():
            columns[index] = name
        elif heading:
            ignored.append(heading)
    return columns, ignored


def _write_csv(path: Path, headings: list[str], rows: Any) -> int:  # noqa: ANN401
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as fh:  # the BOM: Excel reads UTF-8
        writer = csv.writer(fh)
        writer.writerow(headings)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def _write_xlsx(path: Path, headings: list[str], rows: Any, title: str,  # noqa: ANN401
                widths: list[int] | None = None) -> int:
    """A finished sheet: bold heading row on a shaded band, frozen; columns sized from the
    register's declaration; the filter on; dates as dates (dd/mm/yyyy); text stays text."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31])
    for index, width in enumerate(widths or [], start=1):  # before any row (write-only mode)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    band = PatternFill("solid", fgColor="DDE6F0")
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    heading_cells = []
    for text in headings:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font, cell.fill, cell.alignment = bold, band, centred
        heading_cells.append(cell)
    sheet.append(heading_cells)
    count = 0
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value if value != "" else None)
            if isinstance(value, dt.date):
                cell.number_format = "DD/MM/YYYY"
            elif value:
                cell.data_type = "s"  # text stays text: "=…" is never a formula, "0274" keeps 0
            cells.append(cell)
        sheet.append(cells)
        count += 1
    if headings:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headings))}{count + 1}"
    book.save(path)
    return count
