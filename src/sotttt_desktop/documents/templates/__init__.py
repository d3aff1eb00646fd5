"""The templates: each kind names the form it implements, its version and its page, and turns
plain data (a dict, as JSON would carry it) into a `Document`. No business logic here: the
services decide what the data says."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sotttt_desktop.documents.model import Document


@dataclass(frozen=True)
class Template:
    kind: str
    title: str  # Vietnamese, as listed by `render --list`
    form: str  # the form or rule it implements
    version: str  # the date of the wording; bumped when a template's output changes
    # what ID names: "permit", "dossier", "file", "period", "register", "list", "case", "year",
    # "report" (a period of the report calendar: services/reports.py), "day" (today: the
    # dashboard)
    subject: str
    snapshot: bool  # issued once and reproduced on reprint (result documents, receipts)
    build: Callable[[dict[str, Any]], Document]
    # a snapshot keeps its file as issued (about 100 KB: four embedded font subsets); the
    # desk's receipts (thousands a year) keep their data only, rendered again on reprint
    keeps_file: bool = True


def templates() -> dict[str, Template]:
    from sotttt_desktop.documents.templates import (
        ads_report,
        annual_statistics,
        complaint_decision,
        dashboard,
        dossier_book,
        dti_summary,
        generic,
        it_appraisal,
        one_stop_forms,
        one_stop_statistics,
        outgoing_register,
        permit_decision,
        public_list,
        result,
        sanction_decision,
        sector_statistics,
        security_level,
        security_report,
    )

    found: list[Template] = [result.TEMPLATE, permit_decision.SUSPENSION,
                             permit_decision.REVOCATION, *one_stop_forms.TEMPLATES,
                             dossier_book.TEMPLATE, outgoing_register.TEMPLATE, generic.DECISION,
                             generic.LETTER, public_list.TEMPLATE, ads_report.TEMPLATE,
                             it_appraisal.TEMPLATE, dti_summary.TEMPLATE,
                             annual_statistics.TEMPLATE, security_level.OPINION,
                             security_level.APPROVAL, security_report.TEMPLATE,
                             sanction_decision.TEMPLATE, complaint_decision.TEMPLATE,
                             one_stop_statistics.TEMPLATE, *sector_statistics.templates(),
                             dashboard.TEMPLATE]
    return {t.kind: t for t in found}
