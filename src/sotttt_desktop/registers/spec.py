"""The vocabulary of a register declaration (no Qt: the UI and the services both read it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class FieldKind(StrEnum):
    TEXT = "text"
    MULTILINE = "multiline"
    CHOICE = "choice"
    DATE = "date"
    DISTRICT = "district"
    COMMUNE = "commune"


Validator = Callable[[str], "str | None"]


@dataclass(frozen=True)
class FieldSpec:
    """One field: label, type, validation, table column and search behaviour, declared once."""

    name: str
    label: str  # marked with N_(), translated where shown
    kind: FieldKind = FieldKind.TEXT
    required: bool = False
    max_length: int = 200
    validate: Validator | None = None
    normalise: Callable[[str], str] | None = None
    choices: tuple[tuple[str, str], ...] = ()  # (stored value, N_() label)
    variants: frozenset[str] | None = None  # the record kinds this field applies to; None = all
    in_table: bool = True
    width: int = 140
    sort_column: str | None = None  # an indexed column to sort by
    filterable: bool = False  # offered as a column filter
    searchable: bool = False  # goes into the search index
    placeholder: str = ""
    unique_message: str | None = None  # N_() text for a duplicate; the field must be unique
    aliases: tuple[str, ...] = ()  # other column headings an imported spreadsheet may use
    choice_aliases: tuple[tuple[str, str], ...] = ()  # (other word for a choice, stored value)

    def applies_to(self, variant: str | None) -> bool:
        return self.variants is None or variant is None or variant in self.variants


@dataclass(frozen=True)
class PermitFeed:
    """Register field → fact of an issued permit: "holder.<party attribute>", "number",
    "issued_on" or "dossier_code"; plus values every such entry starts with."""

    facts: dict[str, str]
    constants: dict[str, Any] = field(default_factory=dict)

    def extended(self, **facts: str) -> PermitFeed:
        return PermitFeed({**self.facts, **facts}, self.constants)


@dataclass(frozen=True)
class RegisterSpec:
    key: str
    area: str  # the area whose permissions govern this register (areas.py)
    title: str  # N_()
    item_name: str  # N_(), one record: "party"
    model: type
    search_kind: str
    fields: tuple[FieldSpec, ...]
    variant_field: str | None = None
    default_sort: str = "name"
    title_field: str = "name"
    subtitle_fields: tuple[str, ...] = ()  # shown under the title in search results
    derive: Callable[[dict[str, Any]], dict[str, Any]] | None = None  # computed columns
    district_field: str | None = "district_code"  # scopes district officers; None: not scoped
    extra: dict[str, Any] = field(default_factory=dict)
    # rules across fields, checked when a record is saved or imported: (values, services) →
    # {field: message}; may add undeclared columns to `values` (e.g. the id of a linked record)
    checks: Callable[[dict[str, Any], Any], dict[str, str]] | None = None
    # how an issued permit fills an entry besides its declared contents (permits/): the
    # holder's and the permit's facts; None: no permit writes into this register
    permit_feed: PermitFeed | None = None

    def field(self, name: str) -> FieldSpec:
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)

    def fields_for(self, variant: str | None) -> tuple[FieldSpec, ...]:
        return tuple(f for f in self.fields if f.applies_to(variant))

    @property
    def unique_field(self) -> FieldSpec | None:
        """The field that identifies a record (e.g. the tax code), for imports and permits."""
        return next((f for f in self.fields if f.unique_message), None)

    def identity_field(self, values: dict[str, Any]) -> FieldSpec | None:
        """The field identifying this record among those declared unique: the first that applies
        to the record's variant and has a value (a person by citizen ID, not by an empty tax
        code)."""
        variant = values.get(self.variant_field) if self.variant_field else None
        for spec_field in self.fields:
            if spec_field.unique_message and values.get(spec_field.name) not in (None, "") \
                    and (variant is None or spec_field.applies_to(variant)):
                return spec_field
        return None

    @property
    def table_fields(self) -> tuple[FieldSpec, ...]:
        return tuple(f for f in self.fields if f.in_table)
