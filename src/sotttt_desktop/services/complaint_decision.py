"""The data of a decision settling a complaint (document "complaint-decision",
core/cases/complaint.py) as issued: the number and day of the step "issue the decision", the
complainant as they were named that day (copied by the step), the decision or act complained of
and who made it, what the verification found, the dialogues held (the reasons of the steps
"record the dialogue"), the legal bases, the conclusion, what is decided, compensation, and the
right to complain again or to sue — Luật Khiếu nại 2011 Art. 31(2) (first instance) and Art.
40(2) (second instance). The Director settles (Art. 20): the signer is the head in office on the
decision's day, not a deputy chosen at print time."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

from sotttt_desktop.core.text import fold
from sotttt_desktop.i18n import format_date

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services

OUTCOME_WORDS = {"right": "đúng", "partly_right": "đúng một phần", "wrong": "sai toàn bộ"}


def _complainant(services: Services, data: dict[str, Any]) -> dict[str, str]:
    kept = data.get("complainant_as_issued")
    if kept:
        name, address, kind = (kept.split("\n") + ["", "", ""])[:3]
    else:  # issued before the complainant was copied
        party = services.parties.get(uuid.UUID(str(data["complainant"])))
        name, address, kind = party["name"], party.get("address") or "", party["kind"]
    return {"name": name, "address": address, "kind": kind}


def _head(services: Services, day: dt.date) -> dict[str, Any] | None:
    """The head in office that day, signing in his own name (no "KT.")."""
    return next((s for s in services.reference.signers(day) if not s["authority"]), None)


def complaint_decision_data(services: Services, code: str) -> dict[str, Any]:
    from sotttt_desktop.services.case_documents import issued_case

    case, spec, issued = issued_case(services, code)
    data, day = case["data"], issued["at"].date()
    accepted = next((e for e in case["timeline"] if e["step"] == "accept"), None)
    second = case["kind"].startswith("complaint_second")
    variant = spec.variants.get(case["variant"] or "")
    final = next(c for c in spec.clocks if c.key == "final")
    final_days = ((variant.limits.get("final") if variant else None) or final.limit).amount
    unit = services.reference.unit_for_area(spec.area, day)[1]
    complained_of = data["complained_of"].rstrip(".")
    maker = data.get("complained_by") or ""
    # "Quyết định số 16/QĐ-STTTT của Giám đốc Sở …" names its maker: not said twice
    maker_phrase = "" if maker and fold(maker) in fold(complained_of) else maker
    result = {
        "printed_on": day, "number": issued["decision"], "case_code": case["code"],
        "second": second, "final_days": final_days,
        "received_on": format_date(dt.datetime.fromisoformat(str(data["received_at"])).date()),
        "accepted": {"on": format_date(accepted["at"].date()),
                     "number": accepted["decision"] or ""} if accepted else None,
        "founding": services.reference.agency_basis(day),
        "complainant": _complainant(services, data),
        "complained_of": complained_of, "complained_by": maker, "maker_phrase": maker_phrase,
        "complained_by_address": data.get("complained_by_address") or "",
        "first_decision": data.get("first_decision") or "",
        "first_result": data.get("first_result") or "",
        "content": data["content"], "requests": data.get("requests") or "",
        "findings": data["findings"],
        "dialogues": [f"{format_date(e['at'].date())}: {e['detail'].rstrip('.')}."
                      for e in case["timeline"] if e["step"] == "dialogue" and e.get("detail")],
        "settlement_bases": [line.strip().rstrip(";.") for line in
                             (data.get("settlement_bases") or "").splitlines() if line.strip()],
        "outcome": OUTCOME_WORDS[data["outcome"]], "conclusion": data["conclusion"],
        "measures": [line.strip() for line in data["measures"].splitlines() if line.strip()],
        "compensation": data.get("compensation") or "", "unit": unit}
    head = _head(services, day)
    if head is not None:
        result["signer"] = head
    return result
