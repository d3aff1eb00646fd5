"""The permit register as it stood on a past day (issue #21: sector statistics are "as of" the
period's end): which permits were in force, suspended, revoked, superseded or ended that day,
rebuilt from the register's history rather than read from today's states.

The history: a permit's own dates (issued, valid from, valid until), the permit that replaced it
(from its issue date) and the decisions that suspended or revoked it — each in the audit trail
(action suspend / revoke, with the decision's number and the suspension's end), dated by the
register of outgoing documents (the decision's document date; the audit entry's local day for a
decision the register does not know). A permit suspended in June is in force in March."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sotttt_desktop.core.models import AuditEntry, NumberRecord, Permit
from sotttt_desktop.i18n import LOCAL_TZ
from sotttt_desktop.services.numbering import DECISION_REFERENCE

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services

STATES = ("valid", "suspended", "revoked", "superseded", "ended")


def _decisions(services: Services) -> dict[str, list[tuple[dt.date, str, dt.date | None]]]:
    """permit id → [(day, "suspend" | "revoke", suspended until)], in order."""
    with services.db.reading() as conn:
        entries = conn.execute(select(AuditEntry.entity_id, AuditEntry.action, AuditEntry.at,
                                      AuditEntry.after)
                               .where(AuditEntry.entity_kind == "permit",
                                      AuditEntry.action.in_(("suspend", "revoke")))
                               .order_by(AuditEntry.id)).all()
        numbers = [json.loads(after or "{}").get("decision_number") for *_x, after in entries]
        dated: dict[tuple[str, str], dt.date] = {}
        by_text: dict[str, dt.date] = {}
        if numbers:
            for text, reference, day in conn.execute(
                    select(NumberRecord.text, NumberRecord.reference, NumberRecord.document_date)
                    .where(NumberRecord.text.in_({n for n in numbers if n}))):
                if day is not None:
                    dated[(text, reference)] = day
                    by_text[text] = max(day, by_text.get(text, day))
    found: dict[str, list[tuple[dt.date, str, dt.date | None]]] = defaultdict(list)
    for (permit_id, action, at, after), number in zip(entries, numbers, strict=True):
        data = json.loads(after or "{}")
        day = (dated.get((number, f"{DECISION_REFERENCE}{permit_id}"))
               or by_text.get(number or "")
               or at.astimezone(LOCAL_TZ).date())
        until = data.get("suspended_until")
        found[permit_id].append((day, action, dt.date.fromisoformat(until) if until else None))
    for decisions in found.values():
        decisions.sort(key=lambda item: item[0])
    return found


def state_on(permit: dict[str, Any], day: dt.date, decisions: list[tuple[dt.date, str,
             dt.date | None]], replaced_on: dt.date | None) -> str | None:
    """The state of a permit on `day` (None: not issued yet)."""
    if permit["issued_on"] > day:
        return None
    if replaced_on is not None and replaced_on <= day:
        return "superseded"
    state = "valid"
    for decided, action, until in decisions:
        if decided > day:
            break
        if action == "revoke":
            return "revoked"
        state = "suspended" if until is None or until >= day else "valid"
    if state == "valid" and (permit["valid_from"] > day or (
            permit["valid_until"] is not None and permit["valid_until"] < day)):
        return "ended"
    return state


def permits_as_of(services: Services, day: dt.date, *, area: str | None = None
                  ) -> list[dict[str, Any]]:
    """Per family of permit (area, family, title): how many were in each of `STATES` on `day`."""
    services.require(area or "one_stop", "view")
    query = select(Permit.id, Permit.area, Permit.family, Permit.title, Permit.issued_on,
                   Permit.valid_from, Permit.valid_until, Permit.replaces_id)
    if area:
        query = query.where(Permit.area == area)
    with services.db.reading() as conn:
        rows = [dict(row._mapping) for row in conn.execute(query.where(Permit.issued_on <= day))]
    replaced = {row["replaces_id"]: row["issued_on"] for row in rows if row["replaces_id"]}
    decisions = _decisions(services)
    counts: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        state = state_on(row, day, decisions.get(str(row["id"]), []), replaced.get(row["id"]))
        if state is None:
            continue
        key = (row["area"], row["family"])
        entry = counts.setdefault(key, {"area": row["area"], "family": row["family"],
                                        "title": row["title"], **dict.fromkeys(STATES, 0)})
        entry[state] += 1
    return sorted(counts.values(), key=lambda e: (e["area"], e["title"]))
