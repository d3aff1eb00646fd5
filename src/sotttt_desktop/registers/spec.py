"""The vocabulary of a register declaration (no Qt: the UI and the services both read it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sotttt_desktop.core.text import fold

SORT_KEY_LENGTH = 300  # the folded sort key (sort_name) of every register


class FieldKind(StrEnum):
    TEXT = "text"
    MULTILINE = "multiline"
    CHOICE = "choice"
    DATE = "date"
    DISTRICT = "district"
    COMMUNE = "commune"
    INTEGER = "integer"
    YEAR = "year"  # a calendar year, four digits, shown without a thousands separator
    MONEY = "money"  # whole đồng
    YES_NO = "yes_no"
    TIME = "time"  # hh:mm
    DATETIME = "datetime"  # a local date and time
    DECIMAL = "decimal"  # with the field's unit
    COORDINATES = "coordinates"  # "latitude, longitude" inside the province
    PARTY = "party"  # an organisation or individual of the register of parties (a foreign key)
    RECORD = "record"  # a record of the register named by the field's `target` (a foreign key)
    ROWS = "rows"  # a small table of the child fields declared in the field's `columns`
    FILES = "files"  # evidence files in the content-addressed attachment store


Validator = Callable[[str], "str | None"]


class StoredKind(StrEnum):
    UUID = "uuid"
    INTEGER = "integer"
    YEAR = "year"  # a calendar year, four digits, shown without a thousands separator
    DATE = "date"  # a date the register's `checks` compute (e.g. a start due)


@dataclass(frozen=True)
class StoredColumn:
    """A column a register keeps without a form field: a link or a counter, written by the
    services (e.g. the permit an entry comes from, how many permits it had)."""

    name: str
    kind: StoredKind
    references: str | None = None  # the table whose `id` it holds (a foreign key)
    default: Any = None  # a value when None; then the column is NOT NULL


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
    # the stored value a new record's form starts with (a choice otherwise starts unchosen)
    default: str | None = None
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
    column_length: int | None = None  # storage wider than max_length (text), choice width
    index: str | None = None  # names an index on (this column, the register's index_order)
    unit: str = ""  # N_(), shown after a decimal number ("m²")
    decimals: int = 2  # digits kept after the decimal point (decimal kind)
    target: str | None = None  # the register a record field refers to (record kind)
    columns: tuple[FieldSpec, ...] = ()  # the child fields of each row (rows kind)
    # filled by the register's `checks` from the other fields (a report's lateness, an entry's
    # key), never typed: left out of forms; a typed or imported value is ignored
    computed: bool = False
    # confidential (a denouncer's identity, a case field): read only by those the case kind
    # allows (CaseService: the assigned handler and the leaders), every read audited, masked in
    # the audit trail's copies of the values
    confidential: bool = False

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
class DueWatch:
    """A date field the register watches coming due (a mast's next inspection): the entries
    due within `days` or overdue, outside `ended_states`, are counted in the area's overview
    and offered as a filter. `label` (N_(), with {days}) names the filter. `group_by`: a
    choice field the overview counts them by (the tasks overdue per lead agency)."""

    field: str
    days: int
    label: str
    ended_states: tuple[str, ...] = ()
    group_by: str | None = None


@dataclass(frozen=True)
class RegisterSpec:
    key: str
    area: str  # the area whose permissions govern this register (areas.py)
    title: str  # N_()
    item_name: str  # N_(), one record: "party"
    search_kind: str
    fields: tuple[FieldSpec, ...]
    # the table: either `table` (generated from this declaration, registers/tables.py) or a
    # hand-written `model` (the parties)
    table: str | None = None
    model: Any = None  # the mapped class; set from `table` when generated
    base: Any = None  # the declarative base a generated table joins; None: the application's
    stored: tuple[StoredColumn, ...] = ()  # columns without a form field
    sort_from: str | None = None  # the field whose folded text is the sort key `sort_name`
    index_order: str | None = None  # second column of the field indexes; None: default sort
    indexes: tuple[tuple[str, tuple[str, ...]], ...] = ()  # further (name, columns) indexes
    variant_field: str | None = None
    default_sort: str = "name"
    title_field: str = "name"
    subtitle_fields: tuple[str, ...] = ()  # shown under the title in search results
    district_field: str | None = "district_code"  # scopes district officers; None: not scoped
    # the column holding the record's organisation or individual (its history: permits,
    # dossiers), if the table has it; "id" where the record is the party itself (then across
    # every area)
    holder_column: str | None = "party_id"
    extra: dict[str, Any] = field(default_factory=dict)
    # rules across fields, checked when a record is saved or imported: (values, services) →
    # {field: message}; may add undeclared columns to `values` (e.g. the id of a linked record)
    checks: Callable[[dict[str, Any], Any], dict[str, str]] | None = None
    # rules across the rows of one imported file, which `checks` (a row against the database)
    # cannot see: the rows' values in file order → a refusal (or None) for each
    file_checks: Callable[[list[dict[str, Any]]], list[str | None]] | None = None
    # how an issued permit fills an entry besides its declared contents (permits/): the
    # holder's and the permit's facts; None: no permit writes into this register
    permit_feed: PermitFeed | None = None
    due_watch: DueWatch | None = None  # a date field whose coming due is watched
    # what the register concludes from an entry's values, shown with it (a warning, a test's
    # verdict): (values, services) → sentences, translated; computed when shown, on the local
    # day (services: to compare with another entry, e.g. last year's score)
    remarks: Callable[[dict[str, Any], Any], list[str]] | None = None
    # documents of a year printed from the register's data (subject "year": the DTI summary,
    # the annual statistics): (document kind, N_() label of the button that asks the year)
    yearly_documents: tuple[tuple[str, str], ...] = ()
    # a choice field the area's overview counts the entries by (the systems by approved level)
    count_by: str | None = None

    def __post_init__(self) -> None:
        if self.table is not None and self.model is None:
            from sotttt_desktop.registers.tables import mapped_class

            object.__setattr__(self, "model", mapped_class(self, base=self.base))
        if self.model is None:
            raise ValueError(f"register {self.key}: declare its table or its model")

    def derived(self, values: dict[str, Any]) -> dict[str, Any]:
        """The columns computed from the fields (the folded sort key)."""
        if self.sort_from is None:
            return {}
        return {"sort_name": fold(values[self.sort_from])[:SORT_KEY_LENGTH]}

    def field(self, name: str) -> FieldSpec:
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)

    def fields_for(self, variant: str | None) -> tuple[FieldSpec, ...]:
        return tuple(f for f in self.fields if f.applies_to(variant))

    def communes_within(self) -> list[tuple[str, str]]:
        """(commune field, the district field it must lie in), by kind."""
        district = next((f.name for f in self.fields if f.kind is FieldKind.DISTRICT), None)
        return [(f.name, district) for f in self.fields
                if f.kind is FieldKind.COMMUNE and district is not None]

    @property
    def identity_labels(self) -> tuple[str, ...]:
        """The N_() labels of the fields identifying a record (unique)."""
        return tuple(f.label for f in self.fields if f.unique_message)

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
    def form_fields(self) -> tuple[FieldSpec, ...]:
        """The fields a person types (not the computed ones)."""
        return tuple(f for f in self.fields if not f.computed)

    @property
    def table_fields(self) -> tuple[FieldSpec, ...]:
        return tuple(f for f in self.fields if f.in_table)
