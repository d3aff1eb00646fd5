"""The one entry object: `Services(database, actor)` with a manager per area of work."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy import func, select, text

from sotttt_desktop import __version__
from sotttt_desktop.core.db import Database
from sotttt_desktop.errors import PermissionDeniedError
from sotttt_desktop.i18n import _
from sotttt_desktop.services.actor import Actor

if TYPE_CHECKING:
    from sotttt_desktop.services.audit_trail import AuditTrailService
    from sotttt_desktop.services.backup import BackupService
    from sotttt_desktop.services.calendar import CalendarService
    from sotttt_desktop.services.case_documents import CaseDocumentService
    from sotttt_desktop.services.cases import CaseService
    from sotttt_desktop.services.changes import ChangeHub
    from sotttt_desktop.services.dashboard import DashboardService
    from sotttt_desktop.services.documents import DocumentService
    from sotttt_desktop.services.dossiers import DossierService
    from sotttt_desktop.services.numbering import NumberingService
    from sotttt_desktop.services.overview import OverviewService
    from sotttt_desktop.services.parties import PartyService
    from sotttt_desktop.services.permits import PermitService
    from sotttt_desktop.services.point_layers import PointLayerService
    from sotttt_desktop.services.public_lists import PublicListService
    from sotttt_desktop.services.record_links import RecordLinks
    from sotttt_desktop.services.reference import ReferenceService
    from sotttt_desktop.services.register_files import RegisterFileService
    from sotttt_desktop.services.registers import RegisterService
    from sotttt_desktop.services.reports import ReportService
    from sotttt_desktop.services.search import SearchService
    from sotttt_desktop.services.security import SecurityService
    from sotttt_desktop.services.verification import VerificationService


class Services:
    """Each manager is made (and its module imported) when first used: a desk that never prints
    or backs up does not load ReportLab's templates or the backup code."""

    def __init__(self, database: Database, actor: Actor | None = None):
        self.db = database
        self.actor = actor or Actor.local_reader()

    @property
    def changes(self) -> ChangeHub:
        """What every committed write changed, announced (one hub per database)."""
        from sotttt_desktop.services.changes import hub_of

        return hub_of(self.db)

    @cached_property
    def security(self) -> SecurityService:
        from sotttt_desktop.services.security import SecurityService

        return SecurityService(self)

    @cached_property
    def audit(self) -> AuditTrailService:
        from sotttt_desktop.services.audit_trail import AuditTrailService

        return AuditTrailService(self)

    @cached_property
    def backups(self) -> BackupService:
        from sotttt_desktop.services.backup import BackupService

        return BackupService(self)

    @cached_property
    def calendar(self) -> CalendarService:
        from sotttt_desktop.services.calendar import CalendarService

        return CalendarService(self)

    @cached_property
    def numbering(self) -> NumberingService:
        from sotttt_desktop.services.numbering import NumberingService

        return NumberingService(self)

    @cached_property
    def dossiers(self) -> DossierService:
        from sotttt_desktop.services.dossiers import DossierService

        return DossierService(self)

    @cached_property
    def point_layers(self) -> PointLayerService:
        from sotttt_desktop.services.point_layers import PointLayerService

        return PointLayerService(self)

    @cached_property
    def public_lists(self) -> PublicListService:
        from sotttt_desktop.services.public_lists import PublicListService

        return PublicListService(self)

    @cached_property
    def case_documents(self) -> CaseDocumentService:
        from sotttt_desktop.services.case_documents import CaseDocumentService

        return CaseDocumentService(self)

    @cached_property
    def cases(self) -> CaseService:
        from sotttt_desktop.services.cases import CaseService

        return CaseService(self)

    @cached_property
    def permits(self) -> PermitService:
        from sotttt_desktop.services.permits import PermitService

        return PermitService(self)

    @cached_property
    def documents(self) -> DocumentService:
        from sotttt_desktop.services.documents import DocumentService

        return DocumentService(self)

    @cached_property
    def verification(self) -> VerificationService:
        from sotttt_desktop.services.verification import VerificationService

        return VerificationService(self)

    @cached_property
    def reference(self) -> ReferenceService:
        from sotttt_desktop.services.reference import ReferenceService

        return ReferenceService(self)

    @cached_property
    def links(self) -> RecordLinks:
        from sotttt_desktop.services.record_links import RecordLinks

        return RecordLinks(self)

    @cached_property
    def search(self) -> SearchService:
        from sotttt_desktop.services.search import SearchService

        return SearchService(self)

    @cached_property
    def parties(self) -> PartyService:
        from sotttt_desktop.services.parties import PartyService

        return PartyService(self)

    @cached_property
    def registers(self) -> RegisterService:
        from sotttt_desktop.services.registers import RegisterService

        return RegisterService(self)

    @cached_property
    def register_files(self) -> RegisterFileService:
        from sotttt_desktop.services.register_files import RegisterFileService

        return RegisterFileService(self)

    @cached_property
    def overview(self) -> OverviewService:
        from sotttt_desktop.services.overview import OverviewService

        return OverviewService(self)

    @cached_property
    def dashboard(self) -> DashboardService:
        from sotttt_desktop.services.dashboard import DashboardService

        return DashboardService(self)

    @cached_property
    def reports(self) -> ReportService:
        from sotttt_desktop.services.reports import ReportService

        return ReportService(self)

    def as_actor(self, actor: Actor) -> Services:
        """The same database, acting as someone else (after log-in)."""
        return Services(self.db, actor)

    def refusal(self, area: str, action: str) -> str | None:
        """Why the actor may not do this (None: they may). The interface shows the same words
        on what it disables as `require` raises."""
        if self.actor.must_change_password and action != "view":
            return _("Change your temporary password first.")
        if not self.actor.can(area, action):
            return _("{user} may not {action} in “{area}”.").format(
                user=self.actor.display_name, action=action_label(action), area=area_label(area))
        return None

    def change_mark(self) -> int:
        """A number that grows with every recorded change (the audit chain's head): a screen
        shown again reads the database again only when it has moved."""
        from sotttt_desktop.core.models import AuditHead

        with self.db.reading() as conn:
            return conn.execute(select(AuditHead.last_id).where(AuditHead.id == 1)
                                ).scalar_one_or_none() or 0

    def require(self, area: str, action: str) -> None:
        """Refuse, with a message naming what is missing, unless the actor may do this."""
        reason = self.refusal(area, action)
        if reason is not None:
            raise PermissionDeniedError(reason)

    def info(self) -> dict:
        counts: dict[str, int] = {}
        with self.db.session() as session:
            for table in self.db.table_names():
                counts[table] = session.execute(
                    select(func.count()).select_from(text(f'"{table}"'))
                ).scalar_one()
        return {
            "version": __version__,
            "database": self.db.location.display(),
            "backend": self.db.dialect,
            "schema_revision": self.db.schema_revision(),
            "working_date": working.strftime("%d/%m/%Y") if (working := self.db.working_date())
            else None,
            "counts": counts,
        }


def action_label(action: str) -> str:
    from sotttt_desktop.i18n import N_

    labels = {"view": N_("view"), "create": N_("create"), "edit": N_("edit"),
              "approve": N_("approve"), "sign": N_("sign and issue"), "revoke": N_("revoke"),
              "export": N_("export"), "administer": N_("administer")}
    return _(labels.get(action, action))


def area_label(area: str) -> str:
    from sotttt_desktop.areas import AREAS
    from sotttt_desktop.i18n import N_

    special = {"audit": N_("Audit trail"), "admin": N_("Administration"), "*": N_("all areas"),
               "register": N_("Register of outgoing documents")}
    if area in special:
        return _(special[area])
    for declared in AREAS:
        if declared.key == area:
            return _(declared.title)
    return area
