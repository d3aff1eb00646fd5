"""The hash-chained audit log: append inside the writer's transaction, verify on demand.

Each entry's hash covers its own fields and the previous entry's hash, so changing, deleting or
inserting a row anywhere breaks the chain from that row on. `audit_head` holds the newest hash;
updating it in every append serialises writers (a row lock on PostgreSQL, the write lock on SQLite)
and catches a truncated tail.

Whoever can edit the file can recompute every hash, so the chain is also anchored outside it: each
desk keeps a secret key in its configuration folder (`audit-key`, 0600, made on first use) and
every append stores a seal, HMAC(key, "id:hash") of the entry it wrote, in `app_state` under
`audit_seal:<key id>`. Verifying on that desk checks that the sealed entry is still in the chain
with that hash (a rewritten, cut or emptied trail fails); on another computer (no key) the seal
cannot be checked, and the report says so instead of calling the trail forged.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from sotttt_desktop.core.models import AppState, AuditEntry, AuditHead, utcnow

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
                          before, after], ensure_ascii=False, separators=(",", ":"),
                         default=_damaged)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _damaged(value: object) -> str:
    """A stored value of the wrong type (a damaged file gave bytes for text): hashed as what it
    is, so the entry fails to match its stored hash and the chain reports the damage."""
    return f"<{type(value).__name__}>{value!r}"


SEAL_PREFIX = "audit_seal:"
KEY_FILE = "audit-key"


def _key_path():  # noqa: ANN202 - a Path; settings is imported late (start-up weight)
    from sotttt_desktop.settings import config_dir

    return config_dir() / KEY_FILE


@functools.cache
def _key(path: str) -> bytes | None:
    try:
        with open(path, encoding="ascii") as fh:
            return bytes.fromhex(fh.read().strip()) or None
    except (OSError, ValueError):
        return None


def audit_key(*, create: bool) -> bytes | None:
    """This desk's sealing key (None when it has none and `create` is False, or it cannot be
    written: appends then go on unsealed)."""
    path = _key_path()
    key = _key(str(path))
    if key is not None or not create:
        return key
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):  # another process made it first: use its key
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="ascii") as fh:
                fh.write(secrets.token_hex(32))
    except OSError:
        return None
    _key.cache_clear()
    return _key(str(path))


def _seal_name(key: bytes) -> str:
    return SEAL_PREFIX + hashlib.sha256(key).hexdigest()[:16]


def _mac(key: bytes, entry_id: int, digest: str) -> str:
    return hmac.new(key, f"{entry_id}:{digest}".encode(), hashlib.sha256).hexdigest()


def _seal(session: Session, entry_id: int, digest: str) -> None:
    key = audit_key(create=True)
    if key is not None:
        session.merge(AppState(key=_seal_name(key),
                               value=f"{entry_id}:{digest}:{_mac(key, entry_id, digest)}"))


# Actions that record a use, not a change of what a screen shows: not announced (services/changes.py)
UNCHANGING_ACTIONS = frozenset({"export", "login", "login_failed"})
_CHANGED = "sotttt_changed"  # session.info: entity kind → ids written in this transaction


def _note_change(session: Session, action: str, entity_kind: str, entity_id: object) -> None:
    """Remember what this transaction changed, to be announced once it commits."""
    if entity_kind and action not in UNCHANGING_ACTIONS:
        ids = session.info.setdefault(_CHANGED, {}).setdefault(entity_kind, set())
        if entity_id:
            ids.add(str(entity_id))


def take_changes(session: Session) -> dict[str, set[str]]:
    """What the session's transaction changed (entity kind → ids; an empty set: the kind as a
    whole), forgotten once taken: called after its commit (announced) or rollback (dropped)."""
    return session.info.pop(_CHANGED, {})


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
    _seal(session, entry.id, digest)
    _note_change(session, action, entity_kind, entity_id)
    return entry


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    first_broken_id: int | None = None
    reason: str = ""
    # True: this desk's seal was checked; None: it could not be checked here (no key, or no
    # seal of this desk's key: another computer's trail)
    sealed: bool | None = None


def _own_seal(session: Session) -> tuple[int, str] | None | bool:
    """(entry id, hash) this desk sealed; None: nothing to check here; False: a forged seal."""
    key = audit_key(create=False)
    if key is None:
        return None
    value = session.execute(select(AppState.value).where(AppState.key == _seal_name(key))
                            ).scalar_one_or_none()
    if value is None:
        return None
    try:
        entry_id, digest, mac = value.split(":")
        sealed = int(entry_id), digest
    except ValueError:
        return False
    if not hmac.compare_digest(mac, _mac(key, *sealed)):
        return False
    return sealed


def _has_records(session: Session) -> bool:
    from sotttt_desktop.core.models import Party, User

    return any(session.execute(select(func.count()).select_from(model)).scalar_one()
               for model in (Party, User))


def verify(session: Session, batch: int = 5000) -> ChainReport:
    """Recompute every hash in order; report the first entry that does not fit."""
    seal = _own_seal(session)
    sealed_seen: dict[int, str] = {}
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
            if seal and row.id == seal[0]:
                sealed_seen[row.id] = row.hash
        after_id = rows[-1].id
        session.expunge_all()
    head = session.execute(select(AuditHead).where(AuditHead.id == 1)).scalar_one_or_none()
    if head is None or head.last_hash != previous or head.last_id != last_id:
        return ChainReport(False, count, (last_id or 0) + 1, "missing-tail")
    if seal is False:
        return ChainReport(False, count, None, "seal")
    if seal is not None and seal[0] not in sealed_seen:
        return ChainReport(False, count, seal[0], "missing-tail" if seal[0] > last_id
                           else "rewritten")
    if seal is not None and sealed_seen[seal[0]] != seal[1]:
        return ChainReport(False, count, seal[0], "rewritten")
    if count == 0 and _has_records(session):
        return ChainReport(False, 0, None, "empty")
    return ChainReport(True, count, sealed=True if seal else None)


def append_many(session: Session, entries: list[dict[str, Any]]) -> None:
    """Add many entries (each the keyword arguments of `append`) in the caller's transaction,
    chained in order: one read of the head, one multi-row insert, one update of the head. An
    import of 100,000 records would otherwise spend three statements per entry holding the
    write lock."""
    if not entries:
        return
    from sqlalchemy import insert

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
    _seal(session, last_id, previous)
    for entry in entries:
        _note_change(session, entry["action"], entry.get("entity_kind", ""),
                     entry.get("entity_id"))
