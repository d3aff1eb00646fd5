"""A sanction file (hồ sơ xử phạt vi phạm hành chính, issue #20): it starts at the record of the
violation (biên bản vi phạm hành chính) and runs on Luật XLVPHC's clocks — the decision within
07 days of the record (30 with an explanation or verification, extended once by decision: Art.
66), the payment within 10 days of receiving the decision (Art. 73) — with the limitation of
the act checked when the record is entered and when the decision is issued (Art. 6: 01 year, 02
for press and publishing, from the end of the act or, for an ongoing act, from its discovery).

The decision takes its number from the register of outgoing documents when a leader issues it,
and prints with the contents of Art. 68 (document "sanction-decision"). Withdrawing a licence
for some months (Art. 25) suspends that permit in the permit register in the same transaction
(`CaseStep.suspends`); the file is the violator's (`CaseSpec.party_field`), so it shows in the
holder's history. Late payment adds 0.05 % of the fine a day (Art. 78), shown with the file.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sotttt_desktop.core import clock
from sotttt_desktop.core.cases.spec import (
    OPEN,
    CaseSpec,
    CaseStep,
    CaseWatch,
    Clock,
    ClockUnit,
    Extension,
    IssuedDocument,
    Limit,
    PermitWithdrawal,
    Variant,
)
from sotttt_desktop.core.sanctions import decrees, late_addition, limitation_ends, money, settings
from sotttt_desktop.i18n import N_, _, format_date
from sotttt_desktop.registers.spec import FieldKind, FieldSpec

DAYS = ClockUnit.DAYS
_RULES = settings()
LAW = "Luật Xử lý vi phạm hành chính"
CLOSED = ("paid", "enforced", "not_sanctioned")
PENALTIES = (("warning", N_("Warning")), ("fine", N_("Fine")))
ADDITIONAL = (("none", N_("None")), ("licence_withdrawal", N_("Withdrawal of the licence")),
              ("suspension", N_("Suspension of the activity")),
              ("confiscation", N_("Confiscation of the exhibits")))


def _act_start(values: dict[str, Any]) -> dt.date | None:
    """The day the limitation counts from: the end of the act, or its discovery if ongoing."""
    if values.get("ongoing"):
        found = values.get("discovered_on") or values.get("recorded_at")
        return found.date() if isinstance(found, dt.datetime) else found
    return values.get("act_ended_on")


def limitation_day(values: dict[str, Any]) -> dt.date | None:
    decree = decrees().get(values.get("decree") or "")
    start = _act_start(values)
    return limitation_ends(decree, start) if decree and start else None


def check_record(values: dict[str, Any], services: Any = None) -> dict[str, str]:  # noqa: ANN401
    """The record is made within the limitation, under a decree in force on the act's day; a
    fine has its amount, a withdrawal its licence and months."""
    errors: dict[str, str] = {}
    recorded: dt.datetime | None = values.get("recorded_at")
    decree = decrees().get(values.get("decree") or "")
    start = _act_start(values)
    if not values.get("ongoing") and start is None:
        errors["act_ended_on"] = _("Give the day the act ended, or mark it as ongoing.")
    if decree is not None and start is not None and not decree.in_force(start):
        errors["decree"] = _("{decree} was not in force on {day}.").format(
            decree=decree.label, day=format_date(start))
    ends = limitation_day(values)
    if ends is not None:
        values["limitation_ends"] = ends
    else:
        values.pop("limitation_ends", None)
    if ends is not None and recorded is not None and recorded.date() > ends:
        errors["act_ended_on" if not values.get("ongoing") else "discovered_on"] = _(
            "The limitation of {years} year(s) ended on {day}: no sanction may be decided "
            "(Art. 6 of the Law on Handling Administrative Violations).").format(
            years=decree.limitation_years if decree else "", day=format_date(ends))
    if values.get("main_penalty") == "fine" and not values.get("fine"):
        errors["fine"] = _("Give the amount of the fine.")
    if values.get("additional") == "licence_withdrawal":
        months = values.get("withdrawal_months")
        low, high = _RULES["withdrawal_months_min"], _RULES["withdrawal_months_max"]
        if not values.get("permit"):
            errors["permit"] = _("Give the number of the licence withdrawn.")
        if months is None or not low <= months <= high:
            errors["withdrawal_months"] = _("From {low} to {high} months (Art. 25).").format(
                low=low, high=high)
        if services is not None and values.get("permit") and "permit" not in errors:
            errors.update(_permit_of_violator(services, values))
    return errors


def _permit_of_violator(services: Any, values: dict[str, Any]) -> dict[str, str]:  # noqa: ANN401
    from sotttt_desktop.errors import NotFoundError

    try:
        permit = services.permits.show(values["permit"])
    except NotFoundError as missing:
        return {"permit": str(missing)}
    if values.get("violator") is not None and permit["holder_id"] != str(values["violator"]):
        return {"permit": _("{number} is held by {holder}, not by the violator.").format(
            number=permit["number"], holder=permit["holder"])}
    if permit["state"] != "valid":
        return {"permit": _("{number} is {state}.").format(number=permit["number"],
                                                          state=permit["state_label"])}
    return {}


def within_limitation(values: dict[str, Any], moment: dt.datetime) -> str | None:
    """The decision is refused once the limitation has ended."""
    ends = limitation_day(values)
    if ends is not None and moment.date() > ends:
        return _("The limitation ended on {day}: the decision can no longer be issued; close the "
                 "file as not sanctioned.").format(day=format_date(ends))
    return None


def remarks(case: dict[str, Any]) -> list[str]:
    """The limitation while no decision is issued; the late-payment addition once the payment
    is past due (to the day paid, or today)."""
    data, lines = case["data"], []
    ends = case["data"].get("limitation_ends")
    if ends and case["state"] == "recorded":
        ends = dt.date.fromisoformat(ends)
        left = (ends - clock.local_today()).days
        lines.append(_("Limitation ends on {day} ({days} days left).").format(
            day=format_date(ends), days=max(left, 0)))
    payment = next((c for c in case["clocks"] if c["key"] == "payment"), None)
    fine = int(data.get("fine") or 0)
    if payment and payment["due"] and fine:
        paid = next((e["at"].date() for e in reversed(case["timeline"]) if e["step"] == "pay"),
                    None)
        days, extra = late_addition(fine, payment["due"], paid or clock.local_today())
        if days:
            lines.append(_("Paid {days} days late: add {amount} (0.05 % a day).").format(
                days=days, amount=money(extra)) if paid else
                _("{days} days past the payment due: {amount} to add so far (0.05 % a "
                  "day).").format(days=days, amount=money(extra)))
    return lines


def _decree_choices() -> tuple[tuple[str, str], ...]:
    return tuple((d.key, d.label) for d in decrees().values())


SPEC = CaseSpec(
    kind="sanction", version=1, label=N_("Administrative sanction"), area="inspection",
    code_prefix="XP", basis=f"{LAW}; {', '.join(d.key.upper() for d in decrees().values())}",
    states={"recorded": N_("violation recorded"), "decided": N_("sanction decided"),
            "delivered": N_("decision delivered"), "paid": N_("executed (fine paid)"),
            "enforced": N_("enforced"), "not_sanctioned": N_("closed without a sanction")},
    initial="recorded", final_states=CLOSED, starts_at="recorded_at", party_field="violator",
    checks=check_record, remarks=remarks,
    watch=CaseWatch("limitation_ends", 30, N_("Limitation ending within {days} days, no "
                                              "decision yet"), ("recorded",)),
    steps={
        "explain": CaseStep(N_("record the violator's explanation"), ("recorded",), None,
                            needs_reason=True),
        "classify": CaseStep(N_("classify the case"), ("recorded",), None,
                             permission="approve", chooses_variant=True),
        "extend": CaseStep(N_("extend the time to decide"), ("recorded",), None,
                           permission="approve", needs_decision=True),
        "decide": CaseStep(
            N_("issue the sanction decision"), ("recorded",), "decided", permission="approve",
            requires=("main_penalty",), guard=within_limitation,
            suspends=PermitWithdrawal("permit", "withdrawal_months", "additional",
                                      "licence_withdrawal"),
            issues=IssuedDocument("QĐ", kind_name="Quyết định",
                                  summary="xử phạt vi phạm hành chính đối với {violator}",
                                  recipients="{violator}")),
        "deliver": CaseStep(N_("record the decision received by the violator"), ("decided",),
                            "delivered", asks_when=True),
        "pay": CaseStep(N_("record the fine paid"), ("delivered",), "paid", asks_when=True),
        "enforce": CaseStep(N_("record the enforcement"), ("delivered",), "enforced",
                            permission="approve", needs_decision=True, needs_reason=True),
        "close": CaseStep(N_("close without a sanction"), ("recorded",), "not_sanctioned",
                          permission="approve", needs_reason=True),
    },
    fields=(
        FieldSpec("record_no", N_("Record of violation no."), required=True, max_length=64,
                  aliases=("Số biên bản",)),
        FieldSpec("recorded_at", N_("Recorded at"), FieldKind.DATETIME, required=True,
                  aliases=("Thời điểm lập biên bản",)),
        FieldSpec("place", N_("Place of the record"), required=True, max_length=300,
                  aliases=("Địa điểm lập biên bản",)),
        FieldSpec("violator", N_("Violator"), FieldKind.PARTY, required=True,
                  aliases=("Người vi phạm", "Tổ chức vi phạm")),
        FieldSpec("occupation", N_("Occupation (an individual)"), max_length=200,
                  aliases=("Nghề nghiệp",)),
        FieldSpec("representative_title", N_("Position of the legal representative"),
                  max_length=200, aliases=("Chức vụ người đại diện",)),
        FieldSpec("decree", N_("Sector decree"), FieldKind.CHOICE, required=True,
                  choices=_decree_choices(), column_length=16, aliases=("Nghị định",)),
        FieldSpec("provision", N_("Point, clause and article violated"), required=True,
                  max_length=200, placeholder="Điểm a khoản 2 Điều 102",
                  aliases=("Điều khoản vi phạm",)),
        FieldSpec("act", N_("The violation"), FieldKind.MULTILINE, required=True,
                  max_length=2000, aliases=("Hành vi vi phạm",)),
        FieldSpec("act_ended_on", N_("Act ended on"), FieldKind.DATE,
                  aliases=("Ngày chấm dứt hành vi",)),
        FieldSpec("ongoing", N_("Ongoing act"), FieldKind.YES_NO,
                  aliases=("Hành vi đang thực hiện",)),
        FieldSpec("discovered_on", N_("Ongoing act discovered on"), FieldKind.DATE,
                  aliases=("Ngày phát hiện",)),
        FieldSpec("limitation_ends", N_("Limitation ends on"), FieldKind.DATE, computed=True),
        FieldSpec("circumstances", N_("Mitigating and aggravating circumstances"),
                  FieldKind.MULTILINE, max_length=1000, aliases=("Tình tiết",)),
        FieldSpec("main_penalty", N_("Main penalty"), FieldKind.CHOICE, choices=PENALTIES,
                  aliases=("Hình thức xử phạt chính",)),
        FieldSpec("fine", N_("Fine (đồng)"), FieldKind.INTEGER, aliases=("Số tiền phạt",)),
        FieldSpec("additional", N_("Additional penalty"), FieldKind.CHOICE, choices=ADDITIONAL,
                  default="none", aliases=("Hình thức xử phạt bổ sung",)),
        FieldSpec("permit", N_("Licence withdrawn (number)"), max_length=64,
                  aliases=("Giấy phép bị tước",)),
        FieldSpec("withdrawal_months", N_("Withdrawn for (months)"), FieldKind.INTEGER,
                  aliases=("Thời hạn tước (tháng)",)),
        FieldSpec("remedial", N_("Remedial measures"), FieldKind.MULTILINE, max_length=1000,
                  aliases=("Biện pháp khắc phục hậu quả",)),
        FieldSpec("files", N_("Files"), FieldKind.FILES),
    ),
    clocks=(
        Clock("decision", N_("Sanction decision"), Limit(_RULES["decision_days"], DAYS),
              start_on=(OPEN,), stop_on=("decide", "close"), stop_states=CLOSED,
              extend_on=("extend",), start_text=N_("Violation recorded on {when}."),
              basis=_RULES["decision_basis"]),
        Clock("payment", N_("Payment of the fine"), Limit(_RULES["payment_days"], DAYS),
              start_on=("deliver",), stop_on=("pay", "enforce"),
              start_text=N_("Decision received on {when}."), basis=f"{LAW} Điều 73"),
    ),
    variants={"explained": Variant(
        N_("with an explanation or to be verified"),
        limits={"decision": Limit(_RULES["explained_decision_days"], DAYS)},
        extensions={"decision": Extension(1, _RULES["explained_extension_days"], DAYS)})},
    document="sanction-decision", document_after="decide")
