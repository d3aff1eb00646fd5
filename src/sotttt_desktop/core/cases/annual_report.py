"""The Department's yearly report on cross-border advertising services to the Ministry, due by a
fixed date of the year (ND 181/2013 Art. 15(2); the date itself is data: resources/cases).

The case prints the report itself (document kind "ads-report"): the figures come from the
register of advertising violations, the assessment and the proposals are the case's fields."""

from __future__ import annotations

from sotttt_desktop.core.cases import unconfirmed
from sotttt_desktop.core.cases.spec import (
    OPEN,
    CaseSpec,
    CaseStep,
    Clock,
    ClockUnit,
    IssuedDocument,
    Limit,
)
from sotttt_desktop.i18n import N_
from sotttt_desktop.registers.spec import FieldKind, FieldSpec

_FACTS = unconfirmed()["ads_annual_report"]

SPEC = CaseSpec(
    kind="ads_annual_report", version=1, label=N_("Annual report on cross-border advertising"),
    area="e_information", code_prefix="BCQC", basis=_FACTS["basis"],
    states={"drafting": N_("drafting"), "sent": N_("report sent")},
    initial="drafting", final_states=("sent",),
    steps={"send": CaseStep(N_("send the report"), ("drafting",), "sent", permission="approve",
                            issues=IssuedDocument(
                                "BC", kind_name="Báo cáo", summary="{summary}",
                                recipients="{ministry}", texts="ads_report"))},
    department_wide=True, one_per_year=True,
    fields=(
        FieldSpec("assessment", N_("General assessment"), FieldKind.MULTILINE, max_length=4000,
                  aliases=("Đánh giá chung",)),
        FieldSpec("proposals", N_("Proposals to the Ministry"), FieldKind.MULTILINE,
                  max_length=4000, aliases=("Đề xuất, kiến nghị",)),
    ),
    document="ads-report",
    clocks=(
        Clock("report", N_("Report to the Ministry"),
              Limit(unit=ClockUnit.FIXED_DATE, day=_FACTS["due_day"], month=_FACTS["due_month"]),
              start_on=(OPEN,), stop_states=("sent",), start_text=N_("Work opened on {when}."),
              basis=_FACTS["basis"]),
    ),
)
