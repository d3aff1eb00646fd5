"""The mapped table of a register, generated from its declaration (the single source).

Columns come from the fields: the type from the field kind and its length, NOT NULL from
`required`, UNIQUE from an identity field (`unique_message`), a foreign key where the kind
refers to another table (registers/kinds.py). Then the sort key (`sort_from`), the stored columns (links, counters), the standard
record columns (RecordMixin) and the indexes: one per sort column, one per field naming an
`index` (that column, then the register's `index_order`), and the further declared ones.

Migrations stay frozen, reviewed files: after changing a declaration, generate a revision with
Alembic's autogenerate and review it (README, "How to add a register");
tests/core/test_schema_matches_models.py fails until the migrated schema equals this metadata.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Uuid
from sqlalchemy.orm import mapped_column

from sotttt_desktop.registers.kinds import handler
from sotttt_desktop.registers.spec import SORT_KEY_LENGTH, FieldSpec, StoredColumn, StoredKind

if TYPE_CHECKING:
    from sotttt_desktop.registers.spec import RegisterSpec


def _field_column(field: FieldSpec) -> Any:  # noqa: ANN401 - a mapped column
    kind = handler(field)
    references = kind.foreign_key(field)
    foreign = (ForeignKey(references),) if references else ()
    return mapped_column(kind.column_type(field), *foreign, nullable=not field.required,
                         unique=bool(field.unique_message) or None)


def _stored_column(stored: StoredColumn) -> Any:  # noqa: ANN401 - a mapped column
    kind = {StoredKind.UUID: Uuid(), StoredKind.DATE: Date()}.get(stored.kind, Integer())
    foreign = (ForeignKey(f"{stored.references}.id"),) if stored.references else ()
    return mapped_column(kind, *foreign, nullable=stored.default is None,
                         default=stored.default)


def _indexes(spec: RegisterSpec) -> list[Index]:
    order = spec.index_order or _sort_column(spec, spec.default_sort)
    found: dict[str, tuple[str, ...]] = {}
    for field in spec.fields:
        if field.index:
            found[field.index] = (field.name, order)
        elif field.sort_column and not (field.sort_column == field.name
                                        and field.unique_message):
            found.setdefault(field.sort_column, (field.sort_column,))
    found.update(spec.indexes)
    return [Index(f"ix_{spec.table}_{name}", *columns) for name, columns in found.items()]


def _sort_column(spec: RegisterSpec, name: str) -> str:
    field = spec.field(name)
    return field.sort_column or field.name


def class_name(table: str) -> str:
    return "".join(part.capitalize() for part in table.split("_"))


def mapped_class(spec: RegisterSpec, *, base: type | None = None) -> type:
    """A declarative class for the register's table, added to the metadata of `base` (the
    application's by default)."""
    from sotttt_desktop.core.models.base import Base, RecordMixin

    assert spec.table is not None
    namespace: dict[str, Any] = {
        "__tablename__": spec.table, "__doc__": f"The register {spec.key} (generated).",
        "__module__": __name__,
    }
    for field in spec.fields:
        namespace[field.name] = _field_column(field)
    if spec.sort_from is not None:
        namespace["sort_name"] = mapped_column(String(SORT_KEY_LENGTH), nullable=False)
    for stored in spec.stored:
        namespace[stored.name] = _stored_column(stored)
    namespace["__table_args__"] = tuple(_indexes(spec))
    return type(class_name(spec.table), (RecordMixin, base or Base), namespace)
