"""Suspension and revocation of a permit: only where the law in force on the decision's date
gives the Department the power (resources/reference/instruments.toml, [[power]]), within its
cap, citing the instrument and the article. Also the wording the documents take from the data:
the legal bases of a result on its date and the name of each kind of document.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from functools import cache
from typing import Any

from sotttt_desktop.catalog import load as load_catalogue
from sotttt_desktop.catalog.instruments import Instruments, Power
from sotttt_desktop.catalog.instruments import load as load_instruments
from sotttt_desktop.core.calendar import add_months
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import N_, _, format_date
from sotttt_desktop.resources import resource_path

NO_POWER = {
    "suspend": N_("The law in force on {day} gives the Department no power to suspend a {kind}; "
                  "a licence of this kind is withdrawn only by a sanction decision after an "
                  "inspection."),
    "revoke": N_("The law in force on {day} gives the Department no power to revoke a {kind}; "
                 "a licence of this kind is withdrawn only by a sanction decision after an "
                 "inspection."),
}


def kind_name(family: str) -> str:
    """The name of a kind of permit as documents write it ("Giấy phép thiết lập trang thông
    tin điện tử tổng hợp"): the document title of the family's first licence."""
    procedures = [p for p in load_catalogue().every_version() if p.family == family]
    titled = [p for p in procedures if p.result_kind not in ("decision", "approval")]
    first = sorted(titled or procedures, key=lambda p: (p.action != "issue", p.effective_from))
    return first[0].document_title if first else family


def _licence_bases(family: str) -> list[str]:
    """The instruments the kind's first licence cites (catalogue), by key."""
    procedures = sorted((p for p in load_catalogue().every_version() if p.family == family),
                        key=lambda p: (p.action != "issue", p.effective_from))
    return list(procedures[0].legal_basis) if procedures else []


def check_decision(family: str, action: str, on: dt.date, until: dt.date | None
                   ) -> tuple[Power, Any]:
    """The power under which `action` may be decided on `on` for a permit of `family`, or a
    ValidationError saying why not (no such power in the law in force; beyond the cap)."""
    instruments = load_instruments()
    found = instruments.power(family, action, on)
    name = kind_name(family)
    kind = name[0].lower() + name[1:]
    if found is None:
        if action == "suspend" and any(p.family == family and p.action == "revoke"
                                       for p in instruments.powers):
            raise ValidationError(_(
                "The law gives no power to suspend a {kind}: it can only be revoked, on the "
                "grounds the law lists.").format(kind=kind))
        raise ValidationError(_(NO_POWER[action]).format(day=format_date(on), kind=kind))
    power, instrument = found
    if action == "suspend" and until is not None and power.max_months \
            and until > add_months(on, power.max_months):
        raise ValidationError(_(
            "The longest suspension of a {kind} is {months} months ({source}): until {day} at "
            "the latest.").format(kind=kind, months=power.max_months,
                              source=f"{power.article} {instrument.reference()}".strip(),
                              day=format_date(add_months(on, power.max_months))))
    return power, instrument


def suspension_limit(family: str, on: dt.date) -> dt.date | None:
    """The last day a suspension decided on `on` may run to (None: no power to suspend)."""
    found = load_instruments().power(family, "suspend", on)
    if found is None or not found[0].max_months:
        return None
    return add_months(on, found[0].max_months)


def power_refusal(family: str, action: str, on: dt.date) -> str | None:
    """Why `action` may not be decided for this kind on `on` (None: the law gives the power)."""
    try:
        check_decision(family, action, on, None)
    except ValidationError as error:
        return str(error)
    return None


@cache
def _texts() -> dict[str, Any]:
    with resource_path("documents", "texts.toml").open("rb") as fh:
        return tomllib.load(fh)


def decision_wording(family: str, action: str, on: dt.date) -> dict[str, Any]:
    """What a suspension or revocation decision prints from the data: its legal bases on its
    date, the power (article and instrument), the kind's name and the clerk's sentences."""
    instruments: Instruments = load_instruments()
    found = instruments.power(family, action, on)
    wording = _texts()["permit_decision"][action]
    data: dict[str, Any] = {"kind_name": kind_name(family), "wording": dict(wording),
                            "legal_bases": [], "power": None}
    if found is not None:
        power, instrument = found
        # the instrument giving the power, then those the kind's licence is issued under
        data["legal_bases"] = instruments.citations(
            [instrument.key, *_licence_bases(family)], on)
        amended = any(instruments.get(k).effective_from <= on for k in instrument.amended_by)
        data["power"] = {"article": power.article, "instrument": instrument.reference(),
                         "amended": amended, "grounds": list(power.grounds)}
    return data


def result_wording(procedure: Any, on: dt.date) -> dict[str, Any]:  # noqa: ANN401
    """The wording of a result document from the catalogue: title, summary, Article 1 of a
    decision, and its legal bases as cited on its date."""
    return {
        "legal_bases": load_instruments().citations(procedure.legal_basis, on),
        "document_title": procedure.document_title,
        "document_summary": procedure.document_summary,
        "document_operative": procedure.document_operative,
        "document_closing": procedure.document_closing,
        "document_considering": procedure.document_considering,
    }
