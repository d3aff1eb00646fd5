"""Whose register entry it is, when a permit is about to write it (issue #12 fix).

A permit writes the entry found by the register's identifying value (a copier's serial, a
facility's tax code). If that entry is another holder's, the permit must not take it over: only a
permit replacing the entry's own permit (a transfer, where the new holder applies) moves it.
"""

from __future__ import annotations

from typing import Any

from sotttt_desktop.core.models import Party, Permit
from sotttt_desktop.core.text import fold
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _
from sotttt_desktop.registers.spec import RegisterSpec

# holder facts that tell who holds an entry typed or imported without a link to the party,
# most telling first (the feed says which register field holds each)
_IDENTITY_FACTS = ("holder.tax_code", "holder.name")


def _fed_value(spec: RegisterSpec, row_or_values: Any, fact: str) -> Any:  # noqa: ANN401
    for name, source in (spec.permit_feed.facts.items() if spec.permit_feed else ()):
        if source == fact:
            if isinstance(row_or_values, dict):
                return row_or_values.get(name)
            return getattr(row_or_values, name, None)
    return None


def _another_holder(spec: RegisterSpec, existing: Any, permit: dict[str, Any]) -> bool:  # noqa: ANN401
    owner = getattr(existing, spec.holder_column or "", None)
    if owner is not None:
        return owner != permit["holder_id"]
    holder = {f"holder.{k}": v for k, v in permit["holder_record"].items()}
    for fact in _IDENTITY_FACTS:  # an entry not linked to a party: by what it says
        theirs, ours = _fed_value(spec, existing, fact), holder.get(fact)
        if theirs not in (None, "") and ours not in (None, ""):
            return fold(str(theirs)) != fold(str(ours))
    return False


def refuse_taking_over(session: Any, spec: RegisterSpec, existing: Any,  # noqa: ANN401
                       value: object, permit: dict[str, Any]) -> None:
    """ValidationError, before anything is written, when `existing` is another holder's entry
    and the permit does not replace that entry's permit."""
    basis_id = getattr(existing, "permit_id", None)
    if not _another_holder(spec, existing, permit) or (
            basis_id is not None and basis_id == permit.get("replaces_id")):
        return
    owner = getattr(existing, spec.holder_column or "", None)
    party = session.get(Party, owner) if owner is not None else None
    holder = party.name if party else _fed_value(spec, existing, "holder.name") or ""
    basis = session.get(Permit, basis_id) if basis_id is not None else None
    if basis is None:
        raise ValidationError(_("{register}: {value} is already registered to {holder}, "
                                "without a permit in the system; if it has changed hands, "
                                "correct that register entry first.").format(
            register=_(spec.title), value=value, holder=holder))
    raise ValidationError(_("{register}: {value} is already registered to {holder} "
                            "({number}); to move it, use the transfer procedure replacing "
                            "that permit.").format(
        register=_(spec.title), value=value, holder=holder, number=basis.number))
