"""What a register's view asks for: the filter (words, equal fields, a watched date coming due)
and the query it narrows, within what the actor may see."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sotttt_desktop.core.models import SearchEntry
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _

if TYPE_CHECKING:
    from sqlalchemy import Select

    from sotttt_desktop.registers.spec import RegisterSpec
    from sotttt_desktop.services.facade import Services


@dataclass(frozen=True)
class RegisterFilter:
    text: str = ""
    equals: dict[str, Any] = field(default_factory=dict)
    # the entries whose watched date (RegisterSpec.due_watch) falls on or before this day,
    # overdue included, outside the ended states
    due_by: dt.date | None = None


def _filter_key(flt: RegisterFilter) -> tuple:
    return (flt.text.strip(), tuple(sorted(flt.equals.items(), key=lambda item: item[0])),
            flt.due_by)


def due_condition(spec: RegisterSpec, due_by: dt.date) -> list[Any]:
    """The conditions of "due on or before `due_by`" on the register's watched date."""
    watch = spec.due_watch
    if watch is None:
        raise ValidationError(_("This register watches no date."))
    column = getattr(spec.model, watch.field)
    conditions = [column.is_not(None), column <= due_by]
    if watch.ended_states:
        conditions.append(spec.model.state.not_in(watch.ended_states))
    return conditions


def filtered(spec: RegisterSpec, statement: Select, flt: RegisterFilter,
             services: Services) -> Select | None:
    """`statement` narrowed to what the actor may see and the filter asks for (the caller
    has checked the permission); None when nothing can match."""
    model = spec.model
    actor = services.actor
    if actor.district_scoped:
        if spec.district_field is None:
            return None
        statement = statement.where(getattr(model, spec.district_field) == actor.district_code)
    for name, value in flt.equals.items():
        spec.field(name)  # only declared fields may be filtered
        statement = statement.where(getattr(model, name) == value)
    if flt.due_by is not None:
        statement = statement.where(*due_condition(spec, flt.due_by))
    if flt.text.strip():
        condition = services.search.matching(spec.search_kind, flt.text)
        if condition is None:
            return None
        statement = statement.where(
            model.id.in_(select(SearchEntry.entity_id).where(condition))
        )
    return statement

