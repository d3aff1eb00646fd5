"""Reading and verifying the audit trail (writing happens inside each service's transaction)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from sotttt_desktop.core import audit
from sotttt_desktop.core.models import AuditEntry
from sotttt_desktop.i18n import LOCAL_TZ

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services


@dataclass(frozen=True)
class AuditFilter:
    username: str = ""
    entity: str = ""  # an entity id, or a kind such as "party" or "user"
    since: dt.date | None = None  # local dates, inclusive
    until: dt.date | None = None


def _local_midnight_utc(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=LOCAL_TZ).astimezone(dt.UTC)


class AuditTrailService:
    def __init__(self, services: Services):
        self._services = services

    def verify(self) -> audit.ChainReport:
        with self._services.db.session() as session:
            return audit.verify(session)

    def _statement(self, flt: AuditFilter):  # noqa: ANN202
        statement = select(AuditEntry)
        if flt.username.strip():
            statement = statement.where(AuditEntry.username == flt.username.strip().lower())
        if flt.entity.strip():
            value = flt.entity.strip()
            statement = statement.where((AuditEntry.entity_id == value)
                                        | (AuditEntry.entity_kind == value))
        if flt.since:
            statement = statement.where(AuditEntry.at >= _local_midnight_utc(flt.since))
        if flt.until:
            statement = statement.where(
                AuditEntry.at < _local_midnight_utc(flt.until + dt.timedelta(days=1)))
        return statement

    def count(self, flt: AuditFilter | None = None) -> int:
        self._services.require("audit", "view")
        statement = self._statement(flt or AuditFilter())
        with self._services.db.session() as session:
            return session.execute(select(func.count()).select_from(statement.subquery())
                                   ).scalar_one()

    def entries(self, flt: AuditFilter | None = None, *, offset: int = 0,
                limit: int = 200) -> list[dict[str, Any]]:
        """Newest first."""
        self._services.require("audit", "view")
        statement = self._statement(flt or AuditFilter()).order_by(AuditEntry.id.desc())
        with self._services.db.session() as session:
            rows = session.execute(statement.offset(offset).limit(limit)).scalars().all()
            return [{"id": r.id, "at": r.at, "username": r.username, "action": r.action,
                     "entity_kind": r.entity_kind, "entity_id": r.entity_id,
                     "summary": r.summary, "before": r.before, "after": r.after} for r in rows]
