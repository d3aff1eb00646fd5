"""Turning typed text into record values by a register's declaration, and back into display text.

The same functions validate a form field as the clerk types (UI) and the whole record when it is
saved (services), so both always agree.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from sotttt_desktop.core.text import clean, clean_multiline
from sotttt_desktop.errors import DuplicateError, ValidationError
from sotttt_desktop.i18n import _
from sotttt_desktop.registers.kinds import handler
from sotttt_desktop.registers.spec import FieldSpec, RegisterSpec

if TYPE_CHECKING:
    from sotttt_desktop.services.reference import ReferenceService


def parse_field(field: FieldSpec, raw: object, reference: ReferenceService) -> tuple[Any, str | None]:
    """(value, None) when valid, (None, translated message) when not."""
    kind = handler(field)
    if raw is not None and not isinstance(raw, str):
        raw = str(raw)
    text_value = clean_multiline(raw) if kind.multiline else clean(raw)
    if text_value is None:
        return None, (_("This field is required.") if field.required else None)
    if len(text_value) > kind.text_limit(field):
        return None, _("Too long: at most {count} characters.").format(
            count=kind.text_limit(field))
    if field.normalise:
        text_value = field.normalise(text_value)
    if field.validate:
        error = field.validate(text_value)
        if error:
            return None, error
    return kind.parse(field, text_value, reference)


def parse_record(spec: RegisterSpec, raw: dict[str, object],
                 reference: ReferenceService) -> dict[str, Any]:
    """All fields of a record, validated; raises ValidationError listing every bad field."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    variant = None
    if spec.variant_field:
        variant, error = parse_field(spec.field(spec.variant_field), raw.get(spec.variant_field),
                                     reference)
        if error:
            errors[spec.variant_field] = error
        values[spec.variant_field] = variant
    for field in spec.fields:
        if field.name == spec.variant_field:
            continue
        if not field.applies_to(variant) or field.computed:  # computed: by the checks
            values[field.name] = None
            continue
        value, error = parse_field(field, raw.get(field.name), reference)
        if error:
            errors[field.name] = error
        values[field.name] = value
    for commune_field, district_field in spec.communes_within():
        district, commune = values.get(district_field), values.get(commune_field)
        if commune is not None and commune_field not in errors:
            communes = reference.districts().get(district).communes if district else ()
            if commune not in {code for code, _name in communes}:
                errors[commune_field] = _("This ward or commune is not in the chosen district.")
    if errors:
        details = " ".join(f"{_(spec.field(name).label)}: {message}"
                            for name, message in errors.items())
        raise ValidationError(_("Please correct: {details}").format(details=details), errors)
    return values


def display_value(field: FieldSpec, value: Any, reference: ReferenceService) -> str:
    return display_function(field, reference)(value)


def display_function(field: FieldSpec, reference: ReferenceService) -> Callable[[Any], str]:
    """How values of `field` are shown, worked out once (a table shows thousands of values:
    labels translated and district names looked up once, not per cell)."""
    return handler(field).display(field, reference)


def list_display_function(field: FieldSpec, reference: ReferenceService
                          ) -> Callable[[Any], str]:
    """How the values a register's list page selects for `field` are shown (worked out once)."""
    return handler(field).list_display(field, reference)


def search_parts(spec: RegisterSpec, values: dict[str, Any],
                 reference: ReferenceService) -> list[str]:
    """The words of a record's searchable fields besides its title, for its search entry."""
    return search_parts_many(spec, [values], reference)[0]


def search_parts_many(spec: RegisterSpec, entries: list[dict[str, Any]],
                      reference: ReferenceService) -> list[list[str]]:
    """`search_parts` of many records, a field's values converted together (the titles of
    referenced records read in one query)."""
    parts: list[list[str]] = [[] for _entry in entries]
    for field in spec.fields:
        if not field.searchable or field.name == spec.title_field:
            continue
        texts = handler(field).search_many(field, [e.get(field.name) for e in entries],
                                           reference)
        for found, text in zip(parts, texts, strict=True):
            if text:
                found.append(text)
    return parts


EXPORT_BATCH = 1000  # records whose values are converted together (one lookup of references)


def export_rows(spec: RegisterSpec, records: Iterator[dict[str, Any]], reference: Any,  # noqa: ANN401
                 as_cells: bool) -> Iterator[list[Any]]:
    """The exported rows, converted a batch of records at a time, column by column."""
    kinds = [handler(f) for f in spec.fields]
    batch: list[dict[str, Any]] = []
    for record in itertools.chain(records, [None]):
        if record is not None:
            batch.append(record)
            if len(batch) < EXPORT_BATCH:
                continue
        if not batch:
            return
        columns = [kind.export_many(f, [r.get(f.name) for r in batch], reference, as_cells)
                   for f, kind in zip(spec.fields, kinds, strict=True)]
        yield from (list(row) for row in zip(*columns, strict=True))
        batch = []


def edit_text(field: FieldSpec, value: Any) -> str:
    """The text a form field starts with for a stored value."""
    return handler(field).edit_text(field, value)


def duplicate_after_race(spec: RegisterSpec) -> DuplicateError:
    """Another desk saved a record with the same identity meanwhile (a unique index refused)."""
    fields = _(" or ").join(_(label).lower() for label in spec.identity_labels)
    return DuplicateError(_("Another desk has just saved a record with the same {fields}. "
                            "Search for it before adding it again.").format(fields=fields))
