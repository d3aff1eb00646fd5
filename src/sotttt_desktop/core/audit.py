"""The hash-chained audit log: append inside the writer's transaction, verify on demand.

Each entry's hash covers its own fields and the previous entry's hash, so changing, deleting or
inserting a row anywhere breaks the chain from that row on. `audit_head` holds the newest hash;
updating it in every append serialises writers (a row lock on PostgreSQL, the write lock on SQLite)
and catches a truncated tail.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sotttt_desktop.core.models import AuditEntry, AuditHead, utcnow

SECRET_FIELDS = frozenset({"password", "password_hash", "secret", "token", "private_key"})
GENESIS_HASH = "0" * 64


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items() if str(k) not in SECRET_FIELDS}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def canonical(values: dict[str, Any] | None) -> str | None:
    """Stable JSON of a record's values, with every secret field left out."""
    if values is None:
        return None
    return json.dumps(_plain(values), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def entry_hash(prev_hash: str, at: dt.datetime, username: str, action: str, entity_kind: str,
               entity_id: str, summary: str, before: str | None, after: str | None) -> str:
    at_text = at.astimezone(dt.UTC).replace(tzinfo=None).isoformat(timespec="microseconds")
    payload = json.dumps([prev_hash, at_text, username, action, entity_kind, entity_id, summary,
                          before, after], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(session: Session, *, username: str, action: str, entity_kind: str = "",
           entity_id: object = "", summary: str = "", before: dict[str, Any] | None = None,
           after: dict[str, Any] | None = None) -> AuditEntry:
    """Add an entry in the caller's transaction (it is kept only if the caller commits)."""
    head = session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one()
    at = utcnow()
    before_json, after_json = canonical(before), canonical(after)
    digest = entry_hash(head.last_hash, at, username, action, entity_kind, str(entity_id or ""),
                        summary, before_json, after_json)
    entry = AuditEntry(at=at, username=username, action=action, entity_kind=entity_kind,
                       entity_id=str(entity_id or ""), summary=summary, before=before_json,
                       after=after_json, prev_hash=head.last_hash, hash=digest)
    session.add(entry)
    session.flush()
    session.execute(update(AuditHead).where(AuditHead.id == 1)
                    .values(last_id=entry.id, last_hash=digest))
    return entry


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    first_broken_id: int | None = None
    reason: str = ""


def verify(session: Session, batch: int = 5000) -> ChainReport:
    """Recompute every hash in order; report the first entry that does not fit."""
    previous = GENESIS_HASH
    count = 0
    last_id = 0
    after_id = 0
    while True:
        rows = session.execute(
            select(AuditEntry).where(AuditEntry.id > after_id).order_by(AuditEntry.id).limit(batch)
        ).scalars().all()
        if not rows:
            break
        for row in rows:
            count += 1
            if row.prev_hash != previous:
                return ChainReport(False, count, row.id, "previous-hash")
            expected = entry_hash(row.prev_hash, row.at, row.username, row.action,
                                  row.entity_kind, row.entity_id, row.summary, row.before,
                                  row.after)
            if expected != row.hash:
                return ChainReport(False, count, row.id, "content")
            previous = row.hash
            last_id = row.id
        after_id = rows[-1].id
        session.expunge_all()
    head = session.execute(select(AuditHead).where(AuditHead.id == 1)).scalar_one_or_none()
    if head is None or head.last_hash != previous or head.last_id != last_id:
        return ChainReport(False, count, (last_id or 0) + 1, "missing-tail")
    return ChainReport(True, count)


def append_many(session: Session, entries: list[dict[str, Any]]) -> None:
    """Add many entries (each the keyword arguments of `append`) in the caller's transaction,
    chained in order: one read of the head, one multi-row insert, one update of the head. An
    import of 100,000 records would otherwise spend three statements per entry holding the
    write lock."""
    if not entries:
        return
    from sqlalchemy import func, insert

    head = session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one()
    previous = head.last_hash
    at = utcnow()
    rows = []
    for entry in entries:
        entity_id = str(entry.get("entity_id") or "")
        before_json, after_json = canonical(entry.get("before")), canonical(entry.get("after"))
        digest = entry_hash(previous, at, entry["username"], entry["action"],
                            entry.get("entity_kind", ""), entity_id, entry.get("summary", ""),
                            before_json, after_json)
        rows.append({"at": at, "username": entry["username"], "action": entry["action"],
                     "entity_kind": entry.get("entity_kind", ""), "entity_id": entity_id,
                     "summary": entry.get("summary", ""), "before": before_json,
                     "after": after_json, "prev_hash": previous, "hash": digest})
        previous = digest
    session.execute(insert(AuditEntry), rows)  # ids in order: the head's lock keeps others out
    last_id = session.execute(select(func.max(AuditEntry.id))).scalar_one()
    session.execute(update(AuditHead).where(AuditHead.id == 1)
                    .values(last_id=last_id, last_hash=previous))
