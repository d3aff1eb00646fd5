"""Appraisals of IT investment projects by the Department as the province's specialised IT /
digital-transformation unit (REFERENCE-2.md §7): one declared case per appraisal type, under the
rules in force on the day the dossier is received (`in_force_from` / `in_force_until`; a kind
out of force is refused and its successors named).

Until 30/06/2026 — ND 73/2019/NĐ-CP and TT 03/2020/TT-BTTTT:
- the basic design of a project of group A, B or C: 20, 15 or 10 days from the complete dossier;
- the outline and detailed estimate of a recurrent-budget task (over 200 million up to 15
  billion đồng): 15 working days, then the approval within 3 working days. Documents asked for
  within the window of working days from receipt: the clock waits, and the complete dossier
  starts it again from zero.

From 01/07/2026 — ND 224/2026/NĐ-CP (Art. 50, 66, 67, 91):
- the design of a public-investment project: 15 working days (group A) or 10 (groups B, C);
- the design of a recurrent-budget project: 10 working days, then its approval within 3;
- a service-rental plan: 10 working days, documents asked within 3 working days of receipt,
  the time to complete them not counted, then the approval within 3.

The result letter takes its number from the register of outgoing documents; the approving
decision is the approver's (its number typed). The limits are data
(resources/cases/unconfirmed.toml, with what was read and what was not).
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

_OLD = unconfirmed()["it_appraisal"]
_NEW = unconfirmed()["it_appraisal_224"]
APPRAISAL = "appraisal"
DONE = ("approved", "returned")
FAMILY = "it_appraisal"
FUNDING = (("public_investment", N_("Public investment")),
           ("recurrent", N_("Recurrent budget")), ("other", N_("Other sources")))
STATES = {"appraising": N_("being appraised"),
          "awaiting_documents": N_("awaiting documents"),
          "appraised": N_("result sent"), "approved": N_("approved by the approver"),
          "returned": N_("dossier returned")}


def _fields(subject: str) -> tuple[FieldSpec, ...]:
    return (
        FieldSpec("project", subject, required=True, max_length=500,
                  aliases=("Tên dự án", "Tên nhiệm vụ"),
                  placeholder=N_("e.g. Dự án nâng cấp hạ tầng mạng nội bộ các sở, ngành")),
        FieldSpec("investor", N_("Investor or budget unit"), FieldKind.PARTY, required=True,
                  aliases=("Chủ đầu tư", "Đơn vị sử dụng kinh phí")),
        FieldSpec("funding", N_("Source of funds"), FieldKind.CHOICE, required=True,
                  choices=FUNDING, aliases=("Nguồn vốn",)),
        FieldSpec("value", N_("Value"), FieldKind.MONEY, required=True,
                  aliases=("Tổng mức đầu tư", "Giá trị")),
        FieldSpec("conclusion", N_("Conclusion of the appraisal"), FieldKind.MULTILINE,
                  max_length=4000, aliases=("Kết luận thẩm định",)),
        FieldSpec("files", N_("Files"), FieldKind.FILES),
    )


def _steps(what: str, window: StepWindow | None) -> dict[str, CaseStep]:
    return {
        "request_documents": CaseStep(N_("ask for more documents"), ("appraising",),
                                      "awaiting_documents", needs_reason=True, window=window),
        "documents_received": CaseStep(N_("complete dossier received"),
                                       ("awaiting_documents",), "appraising"),
        "send_result": CaseStep(
            N_("send the appraisal result"), ("appraising",), "appraised",
            permission="approve", requires=("conclusion",),
            issues=IssuedDocument(
                LETTER, summary=f"Công văn về việc thông báo kết quả thẩm định {what} "
                "{project}", recipients="{investor}")),
        "approve": CaseStep(N_("record the approving decision"), ("appraised",), "approved",
                            needs_decision=True, decision_example="125/QĐ-UBND"),
        "return": CaseStep(N_("return the dossier"), ("appraising", "awaiting_documents"),
                           "returned", permission="approve", needs_reason=True),
    }


def _window(days: int, basis: str) -> StepWindow:
    return StepWindow(
        APPRAISAL, within=days, basis=basis,
        text=N_("Documents can be asked for within {within} working days of receipt, by "
                "{day} ({basis}); after that the dossier is appraised as it is."))


def _appraisal_clock(limit: Limit, basis: str, *, restart: bool) -> Clock:
    """From receipt to the result; while documents are awaited it waits, and the complete
    dossier starts it again from zero (`restart`) or lets it go on (the time not counted)."""
    return Clock(
        APPRAISAL, N_("Appraisal"), limit, start_on=(OPEN,), stop_on=("send_result",),
        stop_states=("appraised", *DONE), pause_on=("request_documents",),
        restart_on=("documents_received",) if restart else (),
        resume_on=() if restart else ("documents_received",),
        start_text=N_("Dossier received on {when}."),
        restart_text=N_("The complete dossier arrived: the time limit starts again from zero.")
        if restart else None, basis=basis)


def _approval_clock(days: int, basis: str) -> Clock:
    return Clock("approval", N_("Approval"), Limit(days, ClockUnit.WORKING_DAYS),
                 start_on=("send_result",), stop_on=("approve",), stop_states=DONE,
                 start_text=N_("Appraisal result sent on {when}."), basis=basis)


# what the result letter cites (each as in force on the letter's date: ND 73/2019, then its
# replacements ND 45/2026 and ND 224/2026)
LEGAL_BASES = ("nd-73-2019",)
RESULT_LETTER = "it-appraisal-result"


def _kind(kind: str, label: str, prefix: str, *, basis: str, what: str, subject: str,
          clocks: tuple[Clock, ...], window: StepWindow | None, new: bool,
          checks: Any = None, legal_bases: tuple[str, ...] = LEGAL_BASES) -> CaseSpec:  # noqa: ANN401
    return CaseSpec(
        kind=kind, version=1, label=label, area="digital", code_prefix=prefix, basis=basis,
        states=STATES, initial="appraising", final_states=DONE, steps=_steps(what, window),
        fields=_fields(subject), clocks=clocks, checks=checks, family=FAMILY,
        document=RESULT_LETTER, document_after="send_result", legal_bases=legal_bases,
        in_force_from=_NEW["from"] if new else None,
        in_force_until=None if new else _OLD["until"])


def design_appraisal(group: str) -> CaseSpec:
    """ND 73/2019: the basic design of a project of `group` (A, B or C), in days."""
    basis = _OLD["design_basis"]
    return _kind(
        f"it_design_{group.lower()}",
        {"A": N_("Basic design appraisal, group A (ND 73/2019)"),
         "B": N_("Basic design appraisal, group B (ND 73/2019)"),
         "C": N_("Basic design appraisal, group C (ND 73/2019)")}[group],
        f"TKCS{group}", basis=basis, what="thiết kế cơ sở", subject=N_("Project"),
        clocks=(_appraisal_clock(Limit(_OLD["design_days"][group], ClockUnit.DAYS), basis,
                                 restart=True),),
        window=_window(_OLD["design_window_working_days"], _OLD["window_basis"]), new=False)


def check_outline(values: dict[str, Any], services: Any = None) -> dict[str, str]:  # noqa: ANN401
    """An outline and detailed estimate is for a recurrent-budget task in its band (ND 73/2019
    Art. 51): up to 200 million it is ordinary procurement, above 15 billion a project."""
    low, high = _OLD["outline_band"]
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


def check_recurrent(values: dict[str, Any], services: Any = None) -> dict[str, str]:  # noqa: ANN401
    if values.get("funding") not in (None, "recurrent"):
        return {"funding": _("This appraisal is for the recurrent budget.")}
    return {}


OUTLINE_APPRAISAL = _kind(
    "it_outline", N_("Outline and detailed estimate appraisal (TT 03/2020)"), "DCDT",
    basis=_OLD["outline_basis"], what="đề cương và dự toán chi tiết", subject=N_("Task"),
    clocks=(_appraisal_clock(Limit(_OLD["outline_working_days"], ClockUnit.WORKING_DAYS),
                             _OLD["outline_basis"], restart=True),
            _approval_clock(_OLD["approval_working_days"], _OLD["outline_basis"])),
    window=_window(_OLD["outline_window_working_days"], _OLD["outline_basis"]), new=False,
    checks=check_outline, legal_bases=("nd-73-2019", "tt-03-2020-btttt"))

DESIGN_APPRAISALS = tuple(design_appraisal(group) for group in ("A", "B", "C"))

# from 01/07/2026: ND 224/2026
DESIGN_224 = tuple(
    _kind(f"it_design_224_{group.lower()}", label, f"TKDA{group}",
          basis=_NEW["design_basis"], what="thiết kế", subject=N_("Project"),
          clocks=(_appraisal_clock(Limit(_NEW["design_working_days"][group],
                                         ClockUnit.WORKING_DAYS), _NEW["design_basis"],
                                   restart=False),),
          window=None, new=True)
    for group, label in (("A", N_("Project design appraisal, group A (ND 224/2026)")),
                         ("BC", N_("Project design appraisal, groups B and C (ND 224/2026)"))))
RECURRENT_224 = _kind(
    "it_recurrent_224", N_("Recurrent-budget project design appraisal (ND 224/2026)"), "TKTX",
    basis=_NEW["recurrent_basis"], what="thiết kế", subject=N_("Project"),
    clocks=(_appraisal_clock(Limit(_NEW["recurrent_working_days"], ClockUnit.WORKING_DAYS),
                             _NEW["recurrent_basis"], restart=False),
            _approval_clock(_NEW["approval_working_days"], _NEW["recurrent_basis"])),
    window=None, new=True, checks=check_recurrent)
RENTAL_224 = _kind(
    "it_rental_224", N_("Service-rental plan appraisal (ND 224/2026)"), "KHTH",
    basis=_NEW["rental_basis"], what="kế hoạch thuê dịch vụ công nghệ thông tin",
    subject=N_("Rental plan"),
    clocks=(_appraisal_clock(Limit(_NEW["rental_working_days"], ClockUnit.WORKING_DAYS),
                             _NEW["rental_basis"], restart=False),
            _approval_clock(_NEW["approval_working_days"], _NEW["rental_basis"])),
    window=_window(_NEW["rental_window_working_days"], _NEW["rental_basis"]), new=True)

APPRAISAL_KINDS = (*DESIGN_APPRAISALS, OUTLINE_APPRAISAL, *DESIGN_224, RECURRENT_224,
                   RENTAL_224)
