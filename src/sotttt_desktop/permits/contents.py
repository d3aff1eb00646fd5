"""What a permit says, declared once per permit family (issue #12 item 3).

A family's contents are the fields its legal form requires, in the order the form prints them:
the names of fields of the register the permit writes its entry into (kind, length and
validation are the register form's) and, for what no register holds, the family's own
`FieldSpec`s. The same declaration drives the issue form (app and CLI), the register entry written
with the permit, and the printed lines of the result document.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from sotttt_desktop.core.text import fold
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import N_, _, format_date, in_language
from sotttt_desktop.registers import get_register
from sotttt_desktop.registers.spec import FieldKind, FieldSpec

if TYPE_CHECKING:
    from sotttt_desktop.services.reference import ReferenceService


@dataclass(frozen=True)
class PermitContents:
    family: str
    fields: tuple[str | FieldSpec, ...]  # register field names or own fields, in printed order
    register: str | None = None  # the register an issued permit writes its entry into
    subject: str | None = None  # the field that says what the permit is for (its "subject")
    constants: dict[str, Any] = field(default_factory=dict)  # register values fixed by the family
    # field → the applicant's attribute(s) it starts with ("legal_representative|name")
    prefill: dict[str, str] = field(default_factory=dict)
    required: tuple[str, ...] = ()  # register fields the legal form requires though the
    # register does not (a register entry typed by hand may lack them)
    # prefilled fields that state the holder's attribute they start with (the owner is the
    # legal representative): the result document prints that fact once, from the contents
    states: tuple[str, ...] = ()
    # field → the label this family's legal form gives it (N_ msgid), where the register's
    # label is not the form's wording (the register's "Address" is the printing works' address)
    labels: dict[str, str] = field(default_factory=dict)
    # (first day field, last day field, label): printed as one line "label: từ ngày … đến ngày …"
    # where the legal form states a period (a book fair), not as two dated lines
    period: tuple[str, str, str] | None = None

    def specs(self) -> tuple[FieldSpec, ...]:
        spec = get_register(self.register) if self.register else None
        found = []
        for item in self.fields:
            if isinstance(item, FieldSpec):
                found.append(item)
            elif spec is None:
                raise KeyError(f"{self.family}: {item} needs a register")
            else:
                found.append(spec.field(item))
        if set(self.required) - {f.name for f in found}:
            raise KeyError(f"{self.family}: required {self.required} not among its fields")
        if set(self.labels) - {f.name for f in found}:
            raise KeyError(f"{self.family}: labels {sorted(self.labels)} not among its fields")
        found = [dataclasses.replace(f, label=self.labels[f.name]) if f.name in self.labels
                 else f for f in found]
        return tuple(dataclasses.replace(f, required=True)
                     if f.name in self.required and not f.required else f for f in found)

    def stated_attributes(self) -> tuple[str, ...]:
        """The applicant's attributes that `states` fields print instead of the holder's."""
        return tuple(attribute for name in self.states
                     for attribute in self.prefill.get(name, "").split("|") if attribute)

    def field_names(self) -> tuple[str, ...]:
        return tuple(spec.name for spec in self.specs())


def parse(contents: PermitContents, raw: dict[str, object],
          reference: ReferenceService) -> dict[str, Any]:
    """Every declared field validated as the register form validates it; an unknown field, or
    one or more bad values, raise ValidationError (with {field: message} for a form)."""
    from sotttt_desktop.services.records import parse_field

    specs = contents.specs()
    names = {spec.name for spec in specs}
    unknown = sorted(set(raw) - names)
    if unknown:
        raise ValidationError(_("Unknown field {name}. This permit has: {names}.").format(
            name=unknown[0], names=", ".join(spec.name for spec in specs)))
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for spec in specs:
        value, error = parse_field(spec, raw.get(spec.name), reference)
        if error:
            errors[spec.name] = error
        values[spec.name] = value
    if errors:
        details = " ".join(f"{_(_label(specs, name))}: {message}"
                           for name, message in errors.items())
        raise ValidationError(_("Please correct: {details}").format(details=details), errors)
    return values


def _label(specs: tuple[FieldSpec, ...], name: str) -> str:
    return next(spec.label for spec in specs if spec.name == name)


def to_json(values: dict[str, Any]) -> dict[str, Any]:
    """The stored form (`permit.details`): keyed by field name, dates as ISO text, decimals as
    text ("54.5": exact)."""
    return {name: value.isoformat() if isinstance(value, dt.date)
            else str(value) if isinstance(value, Decimal) else value
            for name, value in values.items() if value not in (None, "")}


def from_json(contents: PermitContents, stored: dict[str, Any]) -> dict[str, Any]:
    """Stored details back to values; details of permits issued before the declaration were
    keyed by Vietnamese labels, read here by the field's label or declared other headings."""
    specs = contents.specs()
    by_heading = {}
    for spec in specs:
        for heading in (spec.name, spec.label, in_language("vi", spec.label), *spec.aliases):
            by_heading.setdefault(fold(heading), spec)
    values: dict[str, Any] = {}
    for key, value in stored.items():
        spec = by_heading.get(fold(key))
        if spec is None or value in (None, ""):
            continue
        if spec.kind is FieldKind.DATE and isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                continue
        elif spec.kind is FieldKind.DECIMAL and isinstance(value, str | int | float):
            try:
                value = Decimal(str(value))
            except InvalidOperation:
                continue
        values.setdefault(spec.name, value)
    return values


def edit_texts(contents: PermitContents, values: dict[str, Any]) -> dict[str, str]:
    """The text each form field starts with."""
    from sotttt_desktop.services.records import edit_text

    return {spec.name: edit_text(spec, values.get(spec.name)) for spec in contents.specs()
            if values.get(spec.name) not in (None, "")}


def printed_lines(contents: PermitContents, values: dict[str, Any],
                  reference: ReferenceService, lang: str = "vi") -> list[tuple[str, str]]:
    """(label, text) of each filled field in declared order: the lines of the result document
    (a permit is printed in Vietnamese whatever the clerk's language; `lang` for a screen)."""
    lines = []
    first, last, period_label = contents.period or ("", "", "")
    for spec in contents.specs():
        value = values.get(spec.name)
        if value in (None, ""):
            continue
        if spec.name in (first, last) and values.get(first) and values.get(last):
            if spec.name == first:
                lines.append((in_language(lang, period_label), in_language(
                    lang, N_("from {start} to {end}")).format(start=format_date(values[first]),
                                                             end=format_date(values[last]))))
            continue
        if spec.kind is FieldKind.CHOICE:
            label = dict(spec.choices).get(value)
            text = in_language(lang, label) if label else str(value)
        elif spec.kind is FieldKind.DATE:
            text = format_date(value)
        elif spec.kind is FieldKind.DISTRICT:
            text = reference.district_name(value) or str(value)
        elif spec.kind is FieldKind.COMMUNE:
            text = reference.commune_name(value) or str(value)
        elif spec.kind in (FieldKind.DECIMAL, FieldKind.MONEY, FieldKind.INTEGER):
            text = _number_text(spec, value, lang)
        else:
            text = str(value)
        lines.append((in_language(lang, spec.label), text))
    return lines


def _number_text(spec: FieldSpec, value: Any, lang: str) -> str:  # noqa: ANN401
    """"54,5 MHz", "1.500.000 đồng" in the document's language, whatever the screen's."""
    from babel.numbers import format_decimal

    number = format_decimal(value, locale="vi" if lang == "vi" else "en")
    if spec.kind is FieldKind.MONEY:
        return in_language(lang, N_("{amount} VND")).format(amount=number)
    return f"{number} {in_language(lang, spec.unit)}" if spec.unit else number


def subject_text(contents: PermitContents, values: dict[str, Any],
                 reference: ReferenceService) -> str:
    """The permit's one-line subject, from its declared subject field."""
    if contents.subject is None or values.get(contents.subject) in (None, ""):
        return ""
    spec = next(s for s in contents.specs() if s.name == contents.subject)
    text = dict(printed_lines(contents, {spec.name: values[spec.name]}, reference))
    return " ".join(next(iter(text.values()), "").split())[:400]


def declared_states(family: str) -> tuple[str, ...]:
    """The holder's attributes the family's contents print themselves (none if undeclared)."""
    from sotttt_desktop.permits import contents_for

    try:
        return contents_for(family).stated_attributes()
    except KeyError:
        return ()


def permit_lines(family: str, stored: dict[str, Any],
                 reference: ReferenceService) -> list[tuple[str, str]]:
    """The printed lines of a permit from its stored details (the result document's body;
    documents of issue #13 lay them out)."""
    from sotttt_desktop.permits import contents_for

    try:
        contents = contents_for(family)
    except KeyError:
        return [(str(k), str(v)) for k, v in stored.items()]
    return printed_lines(contents, from_json(contents, stored), reference)
