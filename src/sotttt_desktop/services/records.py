"""Turning typed text into record values by a register's declaration, and back into display text.

The same functions validate a form field as the clerk types (UI) and the whole record when it is
saved (services), so both always agree.
"""

from __future__ import annotations

from collections.abc import Callable
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
    if len(text_value) > field.max_length:
        return None, _("Too long: at most {count} characters.").format(count=field.max_length)
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
        if not field.applies_to(variant):
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


def edit_text(field: FieldSpec, value: Any) -> str:
    """The text a form field starts with for a stored value."""
    return handler(field).edit_text(field, value)


def duplicate_after_race(spec: RegisterSpec) -> DuplicateError:
    """Another desk saved a record with the same identity meanwhile (a unique index refused)."""
    fields = _(" or ").join(_(label).lower() for label in spec.identity_labels)
    return DuplicateError(_("Another desk has just saved a record with the same {fields}. "
                            "Search for it before adding it again.").format(fields=fields))
