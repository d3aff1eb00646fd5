"""The cases of external information (ND 72/2015; REFERENCE-2.md §2).

- The appraisal of another agency's external-information plan (a provincial department's or a
  district's): the Department approves it or submits it to the province. No legal time limit was
  found, so the internal limit is data (resources/cases/unconfirmed.toml, UNCONFIRMED).
- A case of false information harming the country's or the province's image (ND 72/2015
  Art. 10): what was found and where, the clarifying document, the agencies informed. The time to
  clarify is the Department's own limit, data too.
"""

from __future__ import annotations

from sotttt_desktop.core.cases import unconfirmed
from sotttt_desktop.core.cases.spec import OPEN, CaseSpec, CaseStep, Clock, ClockUnit, Limit
from sotttt_desktop.i18n import N_
from sotttt_desktop.registers.spec import FieldKind, FieldSpec

_APPRAISAL = unconfirmed()["external_appraisal"]
_FALSE_INFORMATION = unconfirmed()["false_information"]
APPRAISAL_DONE = ("approved", "submitted", "returned")

APPRAISAL = CaseSpec(
    kind="external_appraisal", version=1, label=N_("Appraisal of an external information plan"),
    area="grassroots", code_prefix="TDDN", basis=_APPRAISAL["basis"],
    states={"appraising": N_("being appraised"), "approved": N_("approved by the Department"),
            "submitted": N_("submitted to the province"),
            "returned": N_("returned to the agency for revision")},
    initial="appraising", final_states=APPRAISAL_DONE,
    steps={
        "approve": CaseStep(N_("approve the plan"), ("appraising",), "approved",
                            permission="approve", needs_decision=True),
        "submit": CaseStep(N_("submit to the Provincial People's Committee"), ("appraising",),
                           "submitted", permission="approve", needs_decision=True),
        "return": CaseStep(N_("return for revision"), ("appraising",), "returned",
                           needs_reason=True),
    },
    fields=(
        FieldSpec("submitter", N_("Submitting agency"), required=True, max_length=300,
                  aliases=("Cơ quan trình",)),
        FieldSpec("plan_title", N_("Plan appraised"), required=True, max_length=500,
                  aliases=("Tên kế hoạch",)),
        FieldSpec("plan_ref", N_("Its number and date"), max_length=100,
                  aliases=("Số, ngày kế hoạch",)),
        FieldSpec("budget", N_("Budget asked"), FieldKind.MONEY, aliases=("Kinh phí",)),
        FieldSpec("files", N_("Files"), FieldKind.FILES),
    ),
    clocks=(
        Clock("appraisal", N_("Appraisal"),
              Limit(_APPRAISAL["working_days"], ClockUnit.WORKING_DAYS), start_on=(OPEN,),
              stop_states=APPRAISAL_DONE, start_text=N_("Plan received on {when}."),
              basis=_APPRAISAL["basis"]),
    ),
)

FALSE_DONE = ("clarified", "closed")

FALSE_INFORMATION = CaseSpec(
    kind="false_information", version=1, label=N_("False information case"),
    area="grassroots", code_prefix="TTSL", basis="NĐ 72/2015/NĐ-CP Điều 10",
    states={"verifying": N_("being verified"), "clarified": N_("clarified"),
            "closed": N_("closed without action")},
    initial="verifying", final_states=FALSE_DONE,
    steps={
        "clarify": CaseStep(N_("issue the clarification"), ("verifying",), "clarified",
                            permission="approve", needs_decision=True),
        "close": CaseStep(N_("close without action"), ("verifying",), "closed",
                          needs_reason=True),
    },
    fields=(
        FieldSpec("item", N_("Information found (URL, article, account)"), required=True,
                  max_length=1000, aliases=("Nội dung", "URL")),
        FieldSpec("source", N_("Where it appeared"), required=True, max_length=300,
                  aliases=("Nguồn",)),
        FieldSpec("detected_at", N_("Found at"), FieldKind.DATETIME,
                  aliases=("Thời điểm phát hiện",)),
        FieldSpec("evidence", N_("Evidence files"), FieldKind.FILES),
        FieldSpec("informed", N_("Agencies informed"), FieldKind.MULTILINE, max_length=2000,
                  aliases=("Cơ quan được thông báo",)),
    ),
    clocks=(
        Clock("clarify", N_("Clarification"),
              Limit(_FALSE_INFORMATION["working_days"], ClockUnit.WORKING_DAYS),
              start_on=(OPEN,), stop_states=FALSE_DONE, start_text=N_("Found on {when}."),
              basis=_FALSE_INFORMATION["basis"]),
    ),
)
