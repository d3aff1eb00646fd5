"""All models, imported here so metadata is complete (migrations, create_all in tests).

The registers' tables are generated from their declarations (registers/tables.py): importing the
declarations below adds them to the metadata. Plain module imports, at the end: a declaration
imported first imports this package while it is itself half-made.
"""

from sotttt_desktop.core.models.audit import AuditEntry, AuditHead
from sotttt_desktop.core.models.base import Base, RecordMixin, utcnow
from sotttt_desktop.core.models.case import CaseClock, CaseEvent, CaseFile
from sotttt_desktop.core.models.document import IssuedDocument
from sotttt_desktop.core.models.dossier import Dossier, DossierAttachment, DossierEvent
from sotttt_desktop.core.models.numbering import NumberRecord, NumberSeries
from sotttt_desktop.core.models.party import PARTY_KINDS, Party
from sotttt_desktop.core.models.permit import Permit
from sotttt_desktop.core.models.reference import (
    Commune,
    District,
    OrganisationProfile,
    Signer,
    Unit,
)
from sotttt_desktop.core.models.report import ReportInstance
from sotttt_desktop.core.models.search import (
    AppState,
    CalendarOverride,
    RowCount,
    SearchEntry,
)
from sotttt_desktop.core.models.security import RoleDefinition, RoleGrant, User, UserRole

__all__ = [
    "CaseClock",
    "CaseEvent",
    "CaseFile",
    "IssuedDocument",
    "PARTY_KINDS",
    "Permit",
    "AppState",
    "AuditEntry",
    "AuditHead",
    "CalendarOverride",
    "RoleDefinition",
    "RowCount",
    "RoleGrant",
    "User",
    "UserRole",
    "Base",
    "Commune",
    "District",
    "Dossier",
    "DossierAttachment",
    "DossierEvent",
    "NumberRecord",
    "NumberSeries",
    "OrganisationProfile",
    "Party",
    "RecordMixin",
    "ReportInstance",
    "SearchEntry",
    "Signer",
    "Unit",
    "utcnow",
]

import sotttt_desktop.registers.advertising  # noqa: E402, F401
import sotttt_desktop.registers.digital  # noqa: E402, F401
import sotttt_desktop.registers.digital_plans  # noqa: E402, F401
import sotttt_desktop.registers.dti  # noqa: E402, F401
import sotttt_desktop.registers.e_information  # noqa: E402, F401
import sotttt_desktop.registers.external  # noqa: E402, F401
import sotttt_desktop.registers.frequency  # noqa: E402, F401
import sotttt_desktop.registers.grassroots  # noqa: E402, F401
import sotttt_desktop.registers.it_industry  # noqa: E402, F401
import sotttt_desktop.registers.postal  # noqa: E402, F401
import sotttt_desktop.registers.press  # noqa: E402, F401 - their tables join the metadata
import sotttt_desktop.registers.publishing  # noqa: E402, F401
import sotttt_desktop.registers.telecom  # noqa: E402, F401
import sotttt_desktop.registers.telecom_infrastructure  # noqa: E402, F401
