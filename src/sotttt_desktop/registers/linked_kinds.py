"""The field kinds that hold more than one typed value (no Qt): a reference to a party or to a
record of another register, a small table of child rows, evidence files.

`reference` (the ReferenceService) reaches the database through `reference.links`
(services/record_links.py): lookups by what a clerk types, labels by id, the attachment store.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import JSON, Uuid, select

from sotttt_desktop.core import clock
from sotttt_desktop.i18n import N_, _, format_number
from sotttt_desktop.registers.kinds import KindHandler, Parsed, _text
from sotttt_desktop.registers.spec import FieldKind, FieldSpec, RegisterSpec

CELL_SEPARATOR = " | "  # between the values of a child row, in a form, a cell or a detail
LONG_TEXT = 20_000  # characters of a whole table of rows or a list of files


def target_register(field: FieldSpec) -> RegisterSpec:
    """The register a party or record field refers to."""
    kind = LINKED_HANDLERS[field.kind]
    assert isinstance(kind, RecordHandler)
    return kind.target(field)


class RecordHandler(KindHandler):
    """The id of a record of the target register (the register of parties for the party
    kind), shown as its title; a file gives "title (identifying number)" and is read back by
    that number, or by the title when only one record has it."""

    picker_hint = N_("Type a few letters of the name or number, then choose")

    def target(self, field: FieldSpec) -> RegisterSpec:
        from sotttt_desktop.registers import find_register

        found = find_register(field.target or "")
        if found is None:
            raise ValueError(f"field {field.name}: declare its target, a register's key "
                             f"(not {field.target!r})")
        return found

    def foreign_key(self, field: FieldSpec) -> str | None:
        return f"{self.target(field).model.__tablename__}.id"

    def parse(self, field: FieldSpec, text: str, reference: Any) -> Parsed:  # noqa: ANN401
        return reference.links.find(self.target(field).key, text)

    def display(self, field: FieldSpec, reference: Any) -> Callable[[Any], str]:  # noqa: ANN401
        key = self.target(field).key

        def show(value: Any) -> str:  # noqa: ANN401 - one record (a detail): one query
            if value is None:
                return ""
            if not isinstance(value, uuid.UUID):  # a name kept from before (case_fields)
                return str(value)
            return reference.links.labels(key, [value]).get(value, str(value))
        return show

    list_joined = True

    def list_column(self, field: FieldSpec, column: Any) -> Any:  # noqa: ANN401
        """The target's title, looked up in the page query by its primary key (no query a
        row)."""
        target = self.target(field)
        return select(getattr(target.model, target.title_field)).where(
            target.model.id == column).scalar_subquery()

    def list_display(self, field: FieldSpec, reference: Any) -> Callable[[Any], str]:  # noqa: ANN401
        return _text

    def export_many(self, field: FieldSpec, values: list[Any], reference: Any,  # noqa: ANN401
                    cell: bool) -> list[Any]:
        labels = reference.links.labels(self.target(field).key, values)
        return ["" if v is None else labels.get(v, str(v)) for v in values]

    def export_text(self, field: FieldSpec, value: Any, reference: Any) -> str:  # noqa: ANN401
        return self.export_many(field, [value], reference, False)[0]

    def search_text(self, field: FieldSpec, value: Any, reference: Any) -> str | None:  # noqa: ANN401
        return None if value is None else self.export_text(field, value, reference)

    def search_many(self, field: FieldSpec, values: list[Any], reference: Any  # noqa: ANN401
                    ) -> list[str | None]:
        return [text or None for text in self.export_many(field, values, reference, False)]

    def column_type(self, field: FieldSpec) -> Any:  # noqa: ANN401
        return Uuid()


class PartyHandler(RecordHandler):
    """An organisation or individual of the register of parties."""

    picker_hint = N_("Type a few letters of the name, tax code or citizen ID, then choose")

    def target(self, field: FieldSpec) -> RegisterSpec:
        from sotttt_desktop.services.record_links import party_register

        return party_register()


class RowsHandler(KindHandler):
    """Child rows, each value parsed by its own kind; kept as a JSON list of
    {child: text as exported}. Typed, shown and exported as one line a row, the values
    separated by " | "."""

    multiline = True

    def text_limit(self, field: FieldSpec) -> int:
        return LONG_TEXT

    def parse(self, field: FieldSpec, text: str, reference: Any) -> Parsed:  # noqa: ANN401
        from sotttt_desktop.registers.kinds import handler
        from sotttt_desktop.services.records import parse_field

        rows: list[dict[str, str]] = []
        for number, line in enumerate((t for t in text.split("\n") if t.strip()), start=1):
            cells = [cell.strip() for cell in line.split("|")]
            if len(cells) > len(field.columns):
                return None, _("Row {row}: at most {count} values, separated by |.").format(
                    row=number, count=len(field.columns))
            cells += [""] * (len(field.columns) - len(cells))
            row: dict[str, str] = {}
            for child, cell in zip(field.columns, cells, strict=True):
                value, error = parse_field(child, cell, reference)
                if error:
                    return None, _("Row {row}, {field}: {message}").format(
                        row=number, field=_(child.label), message=error)
                row[child.name] = handler(child).export_text(child, value, reference)
            rows.append(row)
        return (rows or None), None

    def _lines(self, field: FieldSpec, value: Any) -> str:  # noqa: ANN401
        if not value:
            return ""
        return "\n".join(CELL_SEPARATOR.join(row.get(c.name) or "" for c in field.columns)
                         .rstrip(" |") for row in value)

    def shown_cells(self, field: FieldSpec, value: Any, reference: Any  # noqa: ANN401
                    ) -> list[list[str]]:
        """Each kept value as its own kind shows it ("1.500.000 đồng"), row by row."""
        from sotttt_desktop.registers.kinds import handler

        kinds = [(c, handler(c), handler(c).display(c, reference)) for c in field.columns]
        shown = []
        for row in value or ():
            cells = []
            for child, kind, show in kinds:
                text = row.get(child.name) or ""
                parsed, error = kind.parse(child, text, reference) if text else (None, None)
                cells.append(text if error else show(parsed))
            shown.append(cells)
        return shown

    def display(self, field: FieldSpec, reference: Any) -> Callable[[Any], str]:  # noqa: ANN401
        return lambda value: "\n".join(CELL_SEPARATOR.join(cells).rstrip(" |") for cells
                                       in self.shown_cells(field, value, reference))

    def list_display(self, field: FieldSpec, reference: Any) -> Callable[[Any], str]:  # noqa: ANN401
        return lambda value: self._lines(field, value)  # as kept: no lookup a row

    def edit_text(self, field: FieldSpec, value: Any) -> str:  # noqa: ANN401
        return self._lines(field, value)

    def export_text(self, field: FieldSpec, value: Any, reference: Any) -> str:  # noqa: ANN401
        return self._lines(field, value)

    def search_text(self, field: FieldSpec, value: Any, reference: Any) -> str | None:  # noqa: ANN401
        return " ".join(v for row in value or () for v in row.values() if v) or None

    def column_type(self, field: FieldSpec) -> Any:  # noqa: ANN401
        return JSON()


_SHA256 = re.compile(r"[0-9a-f]{64}")


def file_label(entry: dict[str, Any]) -> str:
    """"anh-chup.png (12 KB), captured 02/12/2026 08:15"."""
    label = f"{entry['name']} ({format_number(max(1, round(entry['size'] / 1024)))} KB)"
    captured = _capture(entry.get("captured_at"))
    if captured is not None:
        label += ", " + _("captured {when}").format(when=f"{captured:%d/%m/%Y %H:%M}")
    return label


def _capture(value: Any) -> dt.datetime | None:  # noqa: ANN401 - from JSON
    try:
        moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
    return moment.replace(tzinfo=None) if moment is not None else None


class FilesHandler(KindHandler):
    """Evidence files kept in the attachment store (the dossiers' one, by SHA-256); the record
    holds a JSON list of {sha256, name, size, captured_at} (captured_at: when the evidence was
    captured, local ISO time to the minute; absent on older entries). A form gives that list as JSON text; an export
    lists the names, and an import leaves the files as they are (attach them on the record)."""

    multiline = True
    imported = False

    def text_limit(self, field: FieldSpec) -> int:
        return LONG_TEXT

    def parse(self, field: FieldSpec, text: str, reference: Any) -> Parsed:  # noqa: ANN401
        try:
            entries = json.loads(text)
        except ValueError:
            entries = None
        if not isinstance(entries, list) or not all(
                isinstance(e, dict) and _SHA256.fullmatch(str(e.get("sha256", "")))
                and isinstance(e.get("name"), str) and isinstance(e.get("size"), int)
                for e in entries):
            return None, _("Attach the files with the Add file… button.")
        kept = []
        latest = clock.local_now() + dt.timedelta(minutes=5)
        for entry in entries:
            if not reference.links.file_path(entry["sha256"]).is_file():
                return None, _("The file {name} is missing from the attachment store.").format(
                    name=entry["name"])
            file = {"sha256": entry["sha256"], "name": entry["name"], "size": entry["size"]}
            if entry.get("captured_at") not in (None, ""):
                captured = _capture(entry["captured_at"])
                if captured is None:
                    return None, _("The capture time of {name} is not a date and time.").format(
                        name=entry["name"])
                if captured > latest:
                    return None, _("The capture time of {name} is in the future.").format(
                        name=entry["name"])
                file["captured_at"] = captured.isoformat(timespec="minutes")
            kept.append(file)
        return (kept or None), None

    def display(self, field: FieldSpec, reference: Any) -> Callable[[Any], str]:  # noqa: ANN401
        return lambda value: "\n".join(file_label(e) for e in value or ())

    def edit_text(self, field: FieldSpec, value: Any) -> str:  # noqa: ANN401
        return json.dumps(value, ensure_ascii=False) if value else ""

    def keep_text(self, field: FieldSpec, value: Any, reference: Any) -> str:  # noqa: ANN401
        return self.edit_text(field, value)

    def export_text(self, field: FieldSpec, value: Any, reference: Any) -> str:  # noqa: ANN401
        return "\n".join(e["name"] for e in value or ())

    def search_text(self, field: FieldSpec, value: Any, reference: Any) -> str | None:  # noqa: ANN401
        return self.export_text(field, value, reference) or None

    def column_type(self, field: FieldSpec) -> Any:  # noqa: ANN401
        return JSON()


LINKED_HANDLERS: dict[FieldKind, KindHandler] = {
    FieldKind.PARTY: PartyHandler(),
    FieldKind.RECORD: RecordHandler(),
    FieldKind.ROWS: RowsHandler(),
    FieldKind.FILES: FilesHandler(),
}
