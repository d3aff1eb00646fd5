"""Appraisals of IT investment projects by the Department as the province's specialised IT unit
(REFERENCE-2.md §7; ND 73/2019/NĐ-CP, TT 03/2020/TT-BTTTT): one declared case per appraisal type.

- The basic design of a project of group A, B or C: 20, 15 or 10 days from the complete dossier.
- The outline and detailed estimate of a recurrent-budget task (over 200 million up to 15 billion
  đồng): 15 working days, then the approval within 3 working days.

In each, documents may be asked for within a window of working days from receipt; while they
are awaited the clock waits, and the complete dossier starts it again from zero. The result
letter takes its number from the register of outgoing documents; the approving decision is the
approver's (its number typed). The limits are data (resources/cases/unconfirmed.toml).
"""

from __future__ import annotations

from typing import Any

from sotttt_desktop.core.cases import unconfirmed
from sotttt_desktop.core.cases.spec import (
    LETTER,
    OPEN,
    CaseSpec,
    CaseStep,
    Clock,
    ClockUnit,
    IssuedDocument,
    Limit,
    StepWindow,
)
from sotttt_desktop.i18n import N_, _, format_vnd
from sotttt_desktop.registers.spec import FieldKind, FieldSpec

_FACTS = unconfirmed()["it_appraisal"]
APPRAISAL = "appraisal"
DONE = ("approved", "returned")
FUNDING = (("public_investment", N_("Public investment")),
           ("recurrent", N_("Recurrent budget")), ("other", N_("Other sources")))


def _fields(subject: str) -> tuple[FieldSpec, ...]:
    return (
        FieldSpec("project", subject, required=True, max_length=500,
                  aliases=("Tên dự án", "Tên nhiệm vụ")),
        FieldSpec("investor", N_("Investor or budget unit"), required=True, max_length=300,
                  aliases=("Chủ đầu tư", "Đơn vị sử dụng kinh phí")),
        FieldSpec("funding", N_("Source of funds"), FieldKind.CHOICE, required=True,
                  choices=FUNDING, aliases=("Nguồn vốn",)),
        FieldSpec("value", N_("Value"), FieldKind.MONEY, required=True,
                  aliases=("Tổng mức đầu tư", "Giá trị")),
        FieldSpec("conclusion", N_("Conclusion of the appraisal"), FieldKind.MULTILINE,
                  max_length=4000, aliases=("Kết luận thẩm định",)),
        FieldSpec("files", N_("Files"), FieldKind.FILES),
    )


def _steps(window_days: int, window_basis: str, what: str) -> dict[str, CaseStep]:
    window = StepWindow(
        APPRAISAL, within=window_days, basis=window_basis,
        text=N_("Documents can be asked for within {within} working days of receipt, by "
                "{day} ({basis}); after that the dossier is appraised as it is."))
    return {
        "request_documents": CaseStep(N_("ask for more documents"), ("appraising",),
                                      "awaiting_documents", needs_reason=True, window=window),
        "documents_received": CaseStep(N_("complete dossier received"),
                                       ("awaiting_documents",), "appraising"),
        "send_result": CaseStep(
            N_("send the appraisal result"), ("appraising",), "appraised",
            permission="approve",
            issues=IssuedDocument(
                LETTER, summary=f"Công văn về việc thông báo kết quả thẩm định {what} "
                "{project}", recipients="{investor}")),
        "approve": CaseStep(N_("record the approving decision"), ("appraised",), "approved",
                            needs_decision=True, decision_example="125/QĐ-UBND"),
        "return": CaseStep(N_("return the dossier"), ("appraising", "awaiting_documents"),
                           "returned", permission="approve", needs_reason=True),
    }


STATES = {"appraising": N_("being appraised"),
          "awaiting_documents": N_("awaiting documents"),
          "appraised": N_("result sent"), "approved": N_("approved by the approver"),
          "returned": N_("dossier returned")}


def _clock(limit: Limit, basis: str) -> Clock:
    return Clock(APPRAISAL, N_("Appraisal"), limit, start_on=(OPEN,), stop_on=("send_result",),
                 stop_states=("appraised", *DONE), pause_on=("request_documents",),
                 restart_on=("documents_received",),
                 start_text=N_("Dossier received on {when}."),
                 restart_text=N_("The complete dossier arrived: the time limit starts again "
                                 "from zero."), basis=basis)


def design_appraisal(group: str) -> CaseSpec:
    """The basic design of a project of `group` (A, B or C)."""
    days = _FACTS["design_days"][group]
    return CaseSpec(
        kind=f"it_design_{group.lower()}", version=1,
        label={"A": N_("Basic design appraisal, group A"),
               "B": N_("Basic design appraisal, group B"),
               "C": N_("Basic design appraisal, group C")}[group],
        area="digital", code_prefix=f"TKCS{group}", basis=_FACTS["design_basis"],
        states=STATES, initial="appraising", final_states=DONE,
        steps=_steps(_FACTS["design_window_working_days"], _FACTS["window_basis"],
                     "thiết kế cơ sở dự án"),
        fields=_fields(N_("Project")),
        clocks=(_clock(Limit(days, ClockUnit.DAYS), _FACTS["design_basis"]),),
    )


def check_outline(values: dict[str, Any]) -> dict[str, str]:
    """An outline and detailed estimate is for a recurrent-budget task in its band (ND 73/2019
    Art. 51): up to 200 million it is ordinary procurement, above 15 billion a project."""
    low, high = _FACTS["outline_band"]
    value = values.get("value")
    errors: dict[str, str] = {}
    if values.get("funding") not in (None, "recurrent"):
        errors["funding"] = _("An outline and detailed estimate is for a task of the recurrent "
                              "budget.")
    if value is not None and not low < value <= high:
        errors["value"] = _("{value} is outside the band of an outline and detailed estimate "
                            "(over {low} up to {high}, ND 73/2019 Art. 51).").format(
            value=format_vnd(value), low=format_vnd(low), high=format_vnd(high))
    return errors


OUTLINE_APPRAISAL = CaseSpec(
    kind="it_outline", version=1, label=N_("Outline and detailed estimate appraisal"),
    area="digital", code_prefix="DCDT", basis=_FACTS["outline_basis"], states=STATES,
    initial="appraising", final_states=DONE,
    steps=_steps(_FACTS["outline_window_working_days"], _FACTS["outline_basis"],
                 "đề cương và dự toán chi tiết"),
    fields=_fields(N_("Task")), checks=check_outline,
    clocks=(
        _clock(Limit(_FACTS["outline_working_days"], ClockUnit.WORKING_DAYS),
               _FACTS["outline_basis"]),
        Clock("approval", N_("Approval"),
              Limit(_FACTS["approval_working_days"], ClockUnit.WORKING_DAYS),
              start_on=("send_result",), stop_on=("approve",), stop_states=DONE,
              start_text=N_("Appraisal result sent on {when}."),
              basis=_FACTS["outline_basis"]),
    ),
)

DESIGN_APPRAISALS = tuple(design_appraisal(group) for group in ("A", "B", "C"))
