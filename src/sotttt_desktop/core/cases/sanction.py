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
from sotttt_desktop.core.sanctions import (
    Decree,
    decrees,
    late_addition,
    limitation_ends,
    money,
    settings,
)
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
    """The record is made within the limitation, of an act that ended (or was found) by then,
    under a decree in force on the act's day; a fine has its amount within the decree's
    highest, a warning none; a withdrawal names the violator's licence, a withdrawal or a
    suspension its months — and nothing of either without it."""
    from sotttt_desktop.registers.checks import not_in_future

    errors = not_in_future(values, ("recorded_at", "act_ended_on", "discovered_on"))
    recorded: dt.datetime | None = values.get("recorded_at")
    decree = decrees().get(values.get("decree") or "")
    start = _act_start(values)
    if not values.get("ongoing") and start is None:
        errors["act_ended_on"] = _("Give the day the act ended, or mark it as ongoing.")
    for name in ("act_ended_on", "discovered_on"):
        if recorded is not None and values.get(name) and values[name] > recorded.date() \
                and name not in errors:
            errors[name] = _("This date comes after the record of the violation.")
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
    errors.update(_penalties(values, decree, services))
    return errors


def _penalties(values: dict[str, Any], decree: Decree | None,
               services: Any) -> dict[str, str]:  # noqa: ANN401
    errors: dict[str, str] = {}
    fine = values.get("fine")
    if values.get("main_penalty") == "fine":
        if not fine or fine < 1:
            errors["fine"] = _("Give the amount of the fine.")
        elif decree is not None:
            organisation = True
            if services is not None and values.get("violator") is not None:
                organisation = services.parties.get(values["violator"])["kind"] != "person"
            highest = decree.fine_max(organisation)
            if fine > highest:
                errors["fine"] = _("At most {amount} for {whom} under {decree}.").format(
                    amount=money(highest), decree=decree.label,
                    whom=_("an organisation") if organisation else _("an individual"))
    elif fine:
        errors["fine"] = _("A warning has no fine: leave the amount empty.")
    additional = values.get("additional") or "none"
    months = values.get("withdrawal_months")
    low, high = _RULES["withdrawal_months_min"], _RULES["withdrawal_months_max"]
    if additional in ("licence_withdrawal", "suspension"):
        if months is None or not low <= months <= high:
            errors["withdrawal_months"] = _("From {low} to {high} months (Art. 25).").format(
                low=low, high=high)
    elif months is not None:
        errors["withdrawal_months"] = _("Months go with a withdrawal or a suspension only.")
    if additional == "licence_withdrawal":
        if not values.get("permit"):
            errors["permit"] = _("Give the number of the licence withdrawn.")
        elif services is not None:
            errors.update(_permit_of_violator(services, values))
    elif values.get("permit"):
        errors["permit"] = _("A licence is named only when it is withdrawn.")
    return errors


def _permit_of_violator(services: Any, values: dict[str, Any]) -> dict[str, str]:  # noqa: ANN401
    from sotttt_desktop.errors import NotFoundError

    try:
        permit = services.permits.show(values["permit"])
    except NotFoundError as missing:
        return {"permit": str(missing)}
    # suspended: its own decision suspended it (the file is saved again after it), or it is
    # refused when the decision is issued
    refusal = permit_refusal(permit, values.get("violator"), suspended_too=True)
    return {"permit": refusal} if refusal else {}


def permit_refusal(permit: dict[str, Any], violator: Any,  # noqa: ANN401
                   suspended_too: bool = False) -> str | None:
    """Why this permit cannot be withdrawn from this violator: another holder's, or not
    valid (`suspended_too`: a suspended one passes)."""
    if violator is not None and permit["holder_id"] != str(violator):
        return _("{number} is held by {holder}, not by the violator.").format(
            number=permit["number"], holder=permit["holder"])
    if permit["state"] != "valid" and not (suspended_too and permit["state"] == "suspended"):
        return _("{number} is {state}.").format(number=permit["number"],
                                                 state=permit["state_label"])
    return None


def with_fine(values: dict[str, Any], moment: dt.datetime) -> str | None:
    if values.get("main_penalty") != "fine":
        return _("A warning has no fine to pay: record the warning delivered.")
    return None


def with_warning(values: dict[str, Any], moment: dt.datetime) -> str | None:
    if values.get("main_penalty") == "fine":
        return _("The fine is paid or enforced: record the decision received first.")
    return None


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


def particulars(values: dict[str, Any], services: Any,  # noqa: ANN401
                moment: dt.datetime | None = None) -> dict[str, Any]:
    """The violator as the decision names them (Art. 68(1)), as of the decision: an individual's
    name, date of birth, occupation, address and identity number; an organisation's name,
    address, tax code and legal representative with his position."""
    party = services.parties.get(values["violator"])
    if party["kind"] == "person":
        lines = [f"Họ và tên: {party['name']}."]
        if party.get("date_of_birth"):
            lines.append(f"Ngày sinh: {party['date_of_birth']:%d/%m/%Y}.")
        lines.append(f"Nghề nghiệp: {values.get('occupation') or 'Không'}.")
        lines.append(f"Địa chỉ: {party.get('address') or ''}.")
        if party.get("citizen_id"):
            lines.append(f"Số định danh cá nhân: {party['citizen_id']}.")
    else:
        lines = [f"Tên tổ chức: {party['name']}.",
                 f"Địa chỉ trụ sở chính: {party.get('address') or ''}."]
        if party.get("tax_code"):
            lines.append(f"Mã số thuế: {party['tax_code']}.")
        if party.get("legal_representative"):
            title = values.get("representative_title")
            lines.append(f"Người đại diện theo pháp luật: {party['legal_representative']}"
                         + (f". Chức vụ: {title}." if title else "."))
    return {"violator_particulars": "\n".join(lines)}


# what the decision says, kept as issued (a change is a new decision)
KEPT = ("record_no", "recorded_at", "place", "violator", "occupation", "representative_title",
        "decree", "provision", "act", "act_ended_on", "ongoing", "discovered_on",
        "circumstances", "main_penalty", "fine", "additional", "permit", "withdrawal_months",
        "remedial")


def _decree_choices() -> tuple[tuple[str, str], ...]:
    return tuple((d.key, d.label) for d in decrees().values())


SPEC = CaseSpec(
    kind="sanction", version=1, label=N_("Administrative sanction"), area="inspection",
    code_prefix="XP", basis=f"{LAW}; {', '.join(d.key.upper() for d in decrees().values())}",
    states={"recorded": N_("violation recorded"), "decided": N_("sanction decided"),
            "delivered": N_("decision delivered"), "paid": N_("executed"),
            "enforced": N_("enforced"), "not_sanctioned": N_("closed without a sanction")},
    initial="recorded", final_states=CLOSED, starts_at="recorded_at", party_field="violator",
    checks=check_record, remarks=remarks,
    watch=CaseWatch("limitation_ends", 30, N_("Limitation ending within {days} days, no "
                                              "decision yet"), ("recorded",)),
    steps={
        "explain": CaseStep(N_("record the violator's explanation"), ("recorded",), None,
                            needs_reason=True, sets_variant="explained"),
        "classify": CaseStep(N_("classify the case"), ("recorded",), None,
                             permission="approve", chooses_variant=True),
        "extend": CaseStep(N_("extend the time to decide"), ("recorded",), None,
                           permission="approve", needs_decision=True),
        "decide": CaseStep(
            N_("issue the sanction decision"), ("recorded",), "decided", permission="approve",
            requires=("main_penalty",), guard=within_limitation, keeps=KEPT,
            records=particulars,
            suspends=PermitWithdrawal("permit", "withdrawal_months", "additional",
                                      "licence_withdrawal"),
            issues=IssuedDocument("QĐ", kind_name="Quyết định",
                                  summary="xử phạt vi phạm hành chính đối với {violator}",
                                  recipients="{violator}")),
        "deliver": CaseStep(N_("record the decision received by the violator"), ("decided",),
                            "delivered", asks_when=True, guard=with_fine),
        "warning_delivered": CaseStep(N_("record the warning delivered"), ("decided",), "paid",
                                      asks_when=True, guard=with_warning),
        "pay": CaseStep(N_("record the fine paid"), ("delivered",), "paid", asks_when=True),
        "enforce": CaseStep(N_("record the enforcement"), ("delivered",), "enforced",
                            permission="approve", needs_reason=True,
                            issues=IssuedDocument(
                                "QĐ", kind_name="Quyết định",
                                summary="cưỡng chế thi hành quyết định xử phạt vi phạm hành "
                                        "chính đối với {violator}", recipients="{violator}")),
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
        FieldSpec("withdrawal_months", N_("Withdrawal or suspension (months)"),
                  FieldKind.INTEGER, aliases=("Thời hạn tước, đình chỉ (tháng)",)),
        FieldSpec("remedial", N_("Remedial measures"), FieldKind.MULTILINE, max_length=1000,
                  aliases=("Biện pháp khắc phục hậu quả",)),
        FieldSpec("violator_particulars", N_("The violator as the decision names them"),
                  FieldKind.MULTILINE, max_length=2000, computed=True),
        FieldSpec("files", N_("Files"), FieldKind.FILES),
    ),
    clocks=(
        Clock("decision", N_("Sanction decision"),
              Limit(_RULES["decision_working_days"], ClockUnit.WORKING_DAYS),
              start_on=(OPEN,), stop_on=("decide", "close"), stop_states=CLOSED,
              extend_on=("extend",), start_text=N_("Violation recorded on {when}."),
              basis=_RULES["decision_basis"]),
        Clock("payment", N_("Payment of the fine"), Limit(_RULES["payment_days"], DAYS),
              start_on=("deliver",), stop_on=("pay", "enforce"),
              start_text=N_("Decision received on {when}."), basis=f"{LAW} Điều 73",
              overdue_label=N_("Fines unpaid past their due date")),
    ),
    variants={"explained": Variant(
        N_("with an explanation or to be verified"),
        limits={"decision": Limit(_RULES["explained_decision_months"], ClockUnit.MONTHS)},
        extensions={"decision": Extension(1, _RULES["explained_extension_months"],
                                          ClockUnit.MONTHS)})},
    document="sanction-decision", document_after="decide")
