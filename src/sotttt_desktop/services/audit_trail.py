"""Reading and verifying the audit trail (writing happens inside each service's transaction)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from sotttt_desktop.core import audit
from sotttt_desktop.core.models import AuditEntry
from sotttt_desktop.i18n import LOCAL_TZ, N_, _

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services


# What an audit entry's action and record kind say to a person (the audit viewer, a record's
# history); the stored words stay English and stable.
ACTION_WORDS = {
    "create": N_("created"), "update": N_("changed"), "import": N_("imported"),
    "export": N_("exported"), "login": N_("signed in"), "login_failed": N_("sign-in refused"),
    "disable": N_("disabled"), "enable": N_("enabled"), "reset_password": N_("password reset"),
    "change_password": N_("password changed"), "grant": N_("permission granted"),
    "revoke_grant": N_("permission withdrawn"), "unlock": N_("unlocked"),
    "unlock_failed": N_("unlock refused"), "demo_data": N_("demo data added"),
    "backup": N_("backed up"), "restore": N_("restored from a backup"),
    "acknowledge_restore": N_("restored copy marked as current"),
    "migrate_to": N_("copied to a database server"), "calendar_override": N_("calendar changed"),
    "receive": N_("dossier received"), "request_supplement": N_("supplement requested"),
    "supplement_received": N_("supplement received"), "start_appraisal": N_("appraisal started"),
    "approve": N_("approved"), "refuse": N_("refused"), "result_ready": N_("result ready"),
    "return_result": N_("result returned"), "withdraw": N_("withdrawn by the applicant"),
    "apologise": N_("apology and new date"), "hand_over": N_("handed over"),
    "issue": N_("issued"), "suspend": N_("suspended"), "revoke": N_("revoked"),
    "issue_document": N_("document issued"), "reprint": N_("document reprinted"),
    "void_number": N_("number voided"),
    "record_outside_number": N_("number given on paper recorded"),
}
KIND_WORDS = {
    "user": N_("user"), "role": N_("role"), "organisation_profile": N_("organisation profile"),
    "dossier": N_("dossier"), "permit": N_("permit"), "document": N_("document"),
    "number": N_("document number"), "calendar": N_("calendar"), "database": N_("database"),
    "case": N_("case"),
}


def action_words(action: str) -> str:
    if action in ACTION_WORDS:
        return _(ACTION_WORDS[action])
    if action.startswith("case_"):  # a declared case's step says its own words
        from sotttt_desktop.core.cases import kinds

        step = action.removeprefix("case_")
        if step == "open":
            return _("case opened")
        for spec in kinds().values():
            if step in spec.steps:
                return _(spec.steps[step].label)
    return action


def kind_words(kind: str) -> str:
    """A record kind: the declared registers name their own (`item_name`)."""
    if kind in KIND_WORDS:
        return _(KIND_WORDS[kind])
    from sotttt_desktop.registers import all_registers

    for spec in all_registers().values():
        if spec.search_kind == kind:
            return _(spec.item_name)
    return kind


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
