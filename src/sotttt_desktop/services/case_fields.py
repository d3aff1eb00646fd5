"""What a case records besides its title, by its kind's declared fields (`CaseSpec.fields`).

The fields are register field declarations: typed text is parsed and checked by the same
functions as a register form (`services.records.parse_field`), kept as JSON in `case_file.data`
(dates as ISO text, evidence files as their {sha256, name, size} entries), and shown by the
register's display rules.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _
from sotttt_desktop.registers.linked_kinds import file_label
from sotttt_desktop.registers.spec import FieldKind
from sotttt_desktop.services.records import display_function, parse_field

if TYPE_CHECKING:
    from sotttt_desktop.core.cases.spec import CaseSpec
    from sotttt_desktop.services.reference import ReferenceService


def parse_case_data(spec: CaseSpec, raw: dict[str, object], reference: ReferenceService,
                    services: Any = None) -> dict[str, Any]:  # noqa: ANN401
    """Every declared field checked; an unknown field or bad values raise ValidationError
    (with {field: message} for the form) and nothing is written."""
    names = [f.name for f in spec.form_fields]
    unknown = sorted(set(raw) - set(names))
    if unknown:
        raise ValidationError(
            _("Unknown field {name}. This kind of case has: {names}.").format(
                name=unknown[0], names=", ".join(names) or "—"))
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for field in spec.form_fields:  # a field not given at all starts with its default
        value, error = parse_field(field, raw.get(field.name, field.default), reference)
        if error:
            errors[field.name] = error
        elif value not in (None, "", []):
            values[field.name] = value
    if not errors and spec.checks is not None:
        errors = spec.checks(values, services)
    if errors:
        details = " ".join(f"{_(spec.declared_field(name).label)}: {message}"
                           for name, message in errors.items())
        raise ValidationError(_("Please correct: {details}").format(details=details), errors)
    return values


def to_json(values: dict[str, Any]) -> dict[str, Any]:
    return {name: value.isoformat() if isinstance(value, dt.date)
            else str(value) if isinstance(value, Decimal | uuid.UUID) else value
            for name, value in values.items()}


def from_json(spec: CaseSpec, stored: dict[str, Any]) -> dict[str, Any]:
    """Stored data back to values (a field no longer declared is left out)."""
    values: dict[str, Any] = {}
    for field in spec.fields:
        value = stored.get(field.name)
        if value in (None, ""):
            continue
        try:
            if field.kind is FieldKind.DATE:
                value = dt.date.fromisoformat(value)
            elif field.kind is FieldKind.DATETIME:
                value = dt.datetime.fromisoformat(value)
            elif field.kind is FieldKind.DECIMAL:
                value = Decimal(str(value))
            elif field.kind in (FieldKind.PARTY, FieldKind.RECORD):
                value = _reference(value)
        except (TypeError, ValueError, InvalidOperation):
            continue
        values[field.name] = value
    return values


def _reference(value: Any) -> uuid.UUID | str:  # noqa: ANN401
    """A party or record id; a name typed before the field referred to a register (an
    appraisal's investor was text until 12/2026) is kept as that text: shown as it was, and
    chosen from the register when the case is next edited."""
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return str(value)


def detail_lines(spec: CaseSpec, values: dict[str, Any],
                 reference: ReferenceService) -> list[dict[str, str]]:
    """{field, label, text} of each filled field, in declared order; an evidence file is
    named with its SHA-256 (what identifies it in a record of a violation)."""
    lines = []
    for field in spec.fields:
        if field.name not in values:
            continue
        if field.kind is FieldKind.FILES:
            text = "\n".join(f"{file_label(entry)} — SHA-256 {entry['sha256']}"
                             for entry in values[field.name])
        else:
            text = display_function(field, reference)(values[field.name])
        lines.append({"field": field.name, "label": _(field.label), "text": text})
    return lines
