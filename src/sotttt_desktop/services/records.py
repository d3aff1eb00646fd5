"""Turning typed text into record values by a register's declaration, and back into display text.

The same functions validate a form field as the clerk types (UI) and the whole record when it is
saved (services), so both always agree.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sotttt_desktop.core.text import clean, clean_multiline, fold
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import DateOutOfRangeError, _, format_date, in_language, parse_date
from sotttt_desktop.registers.spec import FieldKind, FieldSpec, RegisterSpec

if TYPE_CHECKING:
    from sotttt_desktop.services.reference import ReferenceService


@functools.cache
def _choice_words(choices: tuple[tuple[str, str], ...],
                  aliases: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Folded value, labels (both languages) and declared other words → stored value; worked
    out once per choice list (an import parses every row)."""
    words: dict[str, str] = {}
    for value, label in choices:
        for text in (value, label, in_language("vi", label), in_language("en", label)):
            words.setdefault(fold(text), value)
    for text, value in aliases:
        words.setdefault(fold(text), value)
    return words


def parse_field(field: FieldSpec, raw: object, reference: ReferenceService) -> tuple[Any, str | None]:
    """(value, None) when valid, (None, translated message) when not."""
    if raw is not None and not isinstance(raw, str):
        raw = str(raw)
    text_value = clean_multiline(raw) if field.kind is FieldKind.MULTILINE else clean(raw)
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
    if field.kind is FieldKind.CHOICE:
        found = _choice_words(field.choices, field.choice_aliases).get(fold(text_value))
        if found is not None:  # "to chuc", "Tổ chức", "TỔ CHỨC" and "org" alike
            return found, None
        allowed = ", ".join(_(label) for _value, label in field.choices)
        return None, _("Choose one of: {choices}.").format(choices=allowed)
    if field.kind is FieldKind.DATE:
        try:
            return parse_date(text_value), None
        except DateOutOfRangeError as error:
            return None, error.message()
        except ValueError:
            return None, _("Write the date as dd/mm/yyyy, for example 05/03/1990.")
    if field.kind is FieldKind.DISTRICT:
        try:
            return reference.find_district(text_value), None
        except ValidationError as error:
            return None, str(error)
    if field.kind is FieldKind.COMMUNE:
        return _parse_commune(text_value, reference)
    return text_value, None


def _parse_commune(text_value: str, reference: ReferenceService) -> tuple[Any, str | None]:
    from sotttt_desktop.core.text import fold

    for info in reference.districts().values():
        for code, name in info.communes:
            if text_value == str(code) or fold(text_value) == fold(name):
                return code, None
    return None, _("Unknown ward or commune: {value}.").format(value=text_value)


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
    district, commune = values.get("district_code"), values.get("commune_code")
    if commune is not None and "commune_code" not in errors:
        communes = reference.districts().get(district).communes if district else ()
        if commune not in {code for code, _name in communes}:
            errors["commune_code"] = _("This ward or commune is not in the chosen district.")
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
    if field.kind is FieldKind.CHOICE:
        labels = {stored: _(label) for stored, label in field.choices}
        return lambda value: "" if value is None else labels.get(value, str(value))
    if field.kind is FieldKind.DATE:
        return lambda value: "" if value is None else format_date(value)
    if field.kind in (FieldKind.DISTRICT, FieldKind.COMMUNE):
        names = ({code: info.name for code, info in reference.districts().items()}
                 if field.kind is FieldKind.DISTRICT else
                 {code: name for info in reference.districts().values()
                  for code, name in info.communes})
        return lambda value: "" if value is None else names.get(value, str(value))
    return lambda value: "" if value is None else str(value)


def edit_text(field: FieldSpec, value: Any) -> str:
    """The text a form field starts with for a stored value."""
    if value is None:
        return ""
    if field.kind is FieldKind.DATE:
        return format_date(value)
    return str(value)
