"""Complaints (khiếu nại) settled by the Director: first instance against his own or his staff's
decisions and acts, second instance against the heads of units under the Department (Luật
Khiếu nại 02/2011/QH13 Art. 20; ND 124/2020). REFERENCE-2 §10.2, units exactly as the source:

- the time bar: 90 ngày from receiving or knowing the decision or act, the time of an obstacle
  not counted (Art. 9) — checked when the complaint is recorded: a later complaint needs the
  obstacle written;
- acceptance (thụ lý): 10 ngày from receipt (Art. 27; Art. 36 for the second instance) — from
  01/07/2026 07 ngày làm việc (ND 155/2026 amending ND 124/2020): a later kind of the same
  family;
- settlement: first instance ≤ 30 ngày from acceptance, complex ≤ 45, remote areas 45 / 60
  (Art. 28); second instance ≤ 45, complex ≤ 60, remote 60 / 70 (Art. 37);
- sending the decision: 03 ngày làm việc (Art. 32) / 07 ngày (Art. 41);
- the decision becomes final 30 ngày after it is issued without a further complaint, 45 in
  remote areas (Art. 33, 44): a clock ending on the step that records it;
- a settlement discontinued (đình chỉ, by a numbered notice): the complainant may continue
  within 30 ngày; after that the complaint is not accepted again (Art. 11(8)) and the file is
  closed. The settlement clock pauses meanwhile and resumes if continued.

The decision is numbered from the register of outgoing documents when a leader issues it and
prints with the contents of Art. 31(2) (first instance) or Art. 40(2) (second instance):
document "complaint-decision"; what it says is kept as issued.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sotttt_desktop.core.cases.spec import (
    OPEN,
    CaseSpec,
    CaseStep,
    Clock,
    ClockUnit,
    IssuedDocument,
    Limit,
    Variant,
)
from sotttt_desktop.i18n import N_, _, format_date
from sotttt_desktop.registers.spec import FieldKind, FieldSpec

WD, DAYS = ClockUnit.WORKING_DAYS, ClockUnit.DAYS
LAW = "Luật Khiếu nại 2011"
AMENDED = "NĐ 155/2026/NĐ-CP sửa đổi NĐ 124/2020/NĐ-CP"
AMENDED_FROM = dt.date(2026, 7, 1)
TIME_BAR_DAYS = 90
SECOND_WINDOW_DAYS = 30
CONTINUE_WINDOW_DAYS = 30  # Art. 11(8): silent 30 days after the notice of discontinuation
CLOSED = ("not_accepted", "forwarded", "withdrawn", "final", "appealed", "ended")
OUTCOMES = (("right", N_("right")), ("partly_right", N_("partly right")),
            ("wrong", N_("wrong")))
STATES = {"received": N_("received"), "accepted": N_("accepted for settlement"),
          "not_accepted": N_("not accepted"), "forwarded": N_("forwarded"),
          "decided": N_("decision issued"), "sent": N_("decision sent"),
          "final": N_("decision final"), "appealed": N_("complained further or taken to court"),
          "withdrawn": N_("complaint withdrawn"),
          "discontinued": N_("settlement discontinued"),
          "ended": N_("discontinued, not continued")}


def _after_receipt(values: dict[str, Any], names: tuple[str, ...]) -> dict[str, str]:
    received: dt.datetime | None = values.get("received_at")
    if received is None:
        return {}
    return {name: _("This date comes after the complaint was received.") for name in names
            if values.get(name) is not None and values[name] > received.date()}


def check_time_bar(values: dict[str, Any], services: Any = None) -> dict[str, str]:  # noqa: ANN401
    """Art. 9: a first complaint within 90 days of knowing the decision or act; later, the
    obstacle that stopped the complainant is written (its time does not count)."""
    errors = _after_receipt(values, ("known_on",))
    received: dt.datetime | None = values.get("received_at")
    known: dt.date | None = values.get("known_on")
    if errors or received is None or known is None or values.get("obstacle"):
        return errors
    if (received.date() - known).days > TIME_BAR_DAYS:
        errors["known_on"] = _(
            "Received {days} days after {day}: past the {limit} days of Art. 9 of the Law on "
            "Complaints. Write the obstacle that stopped the complainant, or do not accept the "
            "complaint.").format(days=(received.date() - known).days, day=format_date(known),
                                 limit=TIME_BAR_DAYS)
    return errors


def check_second(values: dict[str, Any], services: Any = None) -> dict[str, str]:  # noqa: ANN401
    """Art. 33: a second complaint within 30 days of receiving the first decision (45 in a
    remote area: written as the obstacle), or of the end of the first settlement's limit."""
    errors = _after_receipt(values, ("known_on", "first_decision_on"))
    received: dt.datetime | None = values.get("received_at")
    first: dt.date | None = values.get("first_decision_on")
    if errors or received is None or first is None or values.get("obstacle"):
        return errors
    if (received.date() - first).days > SECOND_WINDOW_DAYS:
        errors["first_decision_on"] = _(
            "Received {days} days after the first decision reached the complainant: past the "
            "{limit} days of Art. 33. In a remote area (45 days) or after an obstacle, write "
            "it as the obstacle; otherwise do not accept the complaint.").format(
            days=(received.date() - first).days, limit=SECOND_WINDOW_DAYS)
    return errors


def discontinued_on(values: dict[str, Any], services: Any,  # noqa: ANN401
                    moment: dt.datetime) -> dict[str, Any]:
    """The day of the notice of discontinuation: the 30 days of Art. 11(8) count from it."""
    return {"discontinued_on": moment.date()}


def complainant_as_issued(values: dict[str, Any], services: Any,  # noqa: ANN401
                          moment: dt.datetime) -> dict[str, Any]:
    """The complainant as the decision names them, copied when it is issued: a later change
    of the party does not change a reprint."""
    party = services.parties.get(values["complainant"])
    return {"complainant_as_issued": "\n".join((party["name"], party.get("address") or "",
                                                 party["kind"]))}


def dialogue_held(values: dict[str, Any], services: Any,  # noqa: ANN401
                  moment: dt.datetime) -> dict[str, Any]:
    return {"dialogue_on": moment.date()}


def after_dialogue(values: dict[str, Any], moment: dt.datetime) -> str | None:
    """Art. 39: at second instance the dialogue is held before the decision."""
    if not values.get("dialogue_on"):
        return _("At second instance the dialogue is held before the decision (Art. 39 of "
                 "the Law on Complaints): record the dialogue first.")
    return None


def _window_end(values: dict[str, Any]) -> dt.date | None:
    notice: dt.date | None = values.get("discontinued_on")
    return notice + dt.timedelta(days=CONTINUE_WINDOW_DAYS) if notice else None


def within_window(values: dict[str, Any], moment: dt.datetime) -> str | None:
    """Continued within 30 days of the notice; later, the complaint is not accepted."""
    end = _window_end(values)
    if end is not None and moment.date() > end:
        return _("The complainant did not continue within {days} days of the notice of "
                 "discontinuation (to {day}): the complaint is not accepted again (Art. 11(8) "
                 "of the Law on Complaints).").format(days=CONTINUE_WINDOW_DAYS,
                                                        day=format_date(end))
    return None


def after_window(values: dict[str, Any], moment: dt.datetime) -> str | None:
    """The file is closed for good only once the 30 days have passed without a continuation."""
    end = _window_end(values)
    if end is not None and moment.date() <= end:
        return _("The complainant may continue the complaint until {day}: close it after "
                 "that day.").format(day=format_date(end))
    return None


def _fields(second: bool) -> tuple[FieldSpec, ...]:
    first_decision = (
        FieldSpec("first_decision", N_("First-instance decision"), max_length=300,
                  aliases=("Quyết định giải quyết lần đầu",)),
        FieldSpec("first_decision_on", N_("First decision received on"), FieldKind.DATE,
                  aliases=("Ngày nhận quyết định lần đầu",)),
    ) if second else ()
    return (
        FieldSpec("complainant", N_("The complainant"), FieldKind.PARTY, required=True,
                  aliases=("Người khiếu nại",)),
        FieldSpec("received_at", N_("Received at"), FieldKind.DATETIME, required=True,
                  aliases=("Ngày nhận đơn", "Thời điểm nhận")),
        FieldSpec("complained_of", N_("Decision or act complained of"), required=True,
                  max_length=1000, aliases=("Quyết định, hành vi bị khiếu nại",)),
        FieldSpec("complained_by", N_("Made by"), max_length=300,
                  aliases=("Người có quyết định, hành vi bị khiếu nại",)),
        FieldSpec("complained_by_address", N_("Address of the one complained of"),
                  max_length=300, aliases=("Địa chỉ người bị khiếu nại",)),
        FieldSpec("known_on", N_("Received or known by the complainant on"), FieldKind.DATE,
                  required=True, aliases=("Ngày biết được quyết định, hành vi",)),
        *first_decision,
        FieldSpec("obstacle", N_("Obstacle (time not counted)"), FieldKind.MULTILINE,
                  max_length=2000, aliases=("Trở ngại khách quan",)),
        FieldSpec("content", N_("What is complained of"), FieldKind.MULTILINE, required=True,
                  max_length=4000, aliases=("Nội dung khiếu nại",)),
        FieldSpec("requests", N_("What the complainant asks"), FieldKind.MULTILINE,
                  max_length=2000, aliases=("Yêu cầu của người khiếu nại",)),
        *((FieldSpec("first_result", N_("Result of the first settlement"),
                     FieldKind.MULTILINE, max_length=4000,
                     aliases=("Kết quả giải quyết khiếu nại lần đầu",)),) if second else ()),
        FieldSpec("findings", N_("Results of the verification"), FieldKind.MULTILINE,
                  max_length=8000, aliases=("Kết quả xác minh nội dung khiếu nại",)),
        FieldSpec("settlement_bases", N_("Legal bases of the settlement (one a line)"),
                  FieldKind.MULTILINE, max_length=4000,
                  aliases=("Căn cứ pháp luật để giải quyết khiếu nại",)),
        FieldSpec("outcome", N_("Outcome of the complaint"), FieldKind.CHOICE, choices=OUTCOMES,
                  aliases=("Kết quả giải quyết",)),
        FieldSpec("conclusion", N_("Reasons for the conclusion"), FieldKind.MULTILINE,
                  max_length=4000, aliases=("Kết luận nội dung khiếu nại",)),
        FieldSpec("measures", N_("What the decision decides (keep, amend or cancel; what is "
                                 "settled)"), FieldKind.MULTILINE, max_length=4000,
                  aliases=("Nội dung quyết định giải quyết",)),
        FieldSpec("compensation", N_("Compensation for damage"), FieldKind.MULTILINE,
                  max_length=2000, aliases=("Bồi thường thiệt hại",)),
        FieldSpec("discontinued_on", N_("Notice of discontinuation on"), FieldKind.DATE,
                  computed=True),
        FieldSpec("dialogue_on", N_("Dialogue held on"), FieldKind.DATE, computed=True),
        FieldSpec("complainant_as_issued", N_("The complainant as the decision names them"),
                  FieldKind.MULTILINE, max_length=1000, computed=True),
        FieldSpec("files", N_("Files"), FieldKind.FILES),
    )


# what the decision cannot be issued without (Art. 31(2), 40(2)); at second instance also the
# first settlement's result
REQUIRED = ("findings", "settlement_bases", "outcome", "conclusion", "measures")
# what the decision says (Art. 31(2), 40(2)), kept as issued: a change is a new decision
KEPT = ("complainant", "complained_of", "complained_by", "complained_by_address", "content",
        "requests", "first_result", "findings", "settlement_bases", "outcome", "conclusion", "measures", "compensation")


def _steps(instance: str, second: bool) -> dict[str, CaseStep]:
    return {
        "accept": CaseStep(
            N_("accept for settlement"), ("received",), "accepted", permission="approve",
            issues=IssuedDocument("TB", kind_name="Thông báo",
                                  summary=f"thụ lý giải quyết khiếu nại {instance} của "
                                          "{complainant}", recipients="{complainant}")),
        "refuse": CaseStep(N_("do not accept"), ("received",), "not_accepted",
                           permission="approve", needs_reason=True),
        "forward": CaseStep(N_("guide to the competent body"), ("received",), "forwarded",
                            needs_reason=True),
        "classify": CaseStep(N_("classify the case"), ("received", "accepted"), None,
                             permission="approve", chooses_variant=True),
        "dialogue": CaseStep(N_("record the dialogue"), ("accepted",), None, needs_reason=True,
                             records=dialogue_held),
        "decide": CaseStep(
            N_("issue the decision"), ("accepted",), "decided", permission="approve",
            requires=("first_result", *REQUIRED) if second else REQUIRED, keeps=KEPT,
            records=complainant_as_issued, guard=after_dialogue if second else None,
            issues=IssuedDocument("QĐ", kind_name="Quyết định",
                                  summary=f"giải quyết khiếu nại {instance} của {{complainant}}",
                                  recipients="{complainant}")),
        "send_decision": CaseStep(N_("record the decision sent"), ("decided",), "sent"),
        "record_final": CaseStep(N_("record the decision as final"), ("sent",), "final"),
        "appealed": CaseStep(N_("record a further complaint or a lawsuit"),
                             ("decided", "sent"), "appealed", needs_reason=True),
        "withdraw": CaseStep(N_("withdrawal by the complainant"), ("received", "accepted"),
                             "withdrawn", needs_reason=True),
        "discontinue": CaseStep(
            N_("discontinue the settlement"), ("accepted",), "discontinued",
            permission="approve", needs_reason=True, records=discontinued_on,
            issues=IssuedDocument("TB", kind_name="Thông báo",
                                  summary=f"đình chỉ việc giải quyết khiếu nại {instance} của "
                                          "{complainant}", recipients="{complainant}")),
        "continue": CaseStep(N_("the complainant continues the complaint"), ("discontinued",),
                             "accepted", needs_reason=True, guard=within_window),
        "close_discontinued": CaseStep(N_("close: not continued within 30 days"),
                                       ("discontinued",), "ended", guard=after_window),
    }


def _clocks(acceptance: Limit, acceptance_basis: str, settlement: int, articles: tuple[str, str, str],
            send: Limit) -> tuple[Clock, ...]:
    settle, sending, final = articles
    return (
        Clock("acceptance", N_("Acceptance"), acceptance, start_on=(OPEN,),
              stop_on=("accept", "refuse", "forward"), stop_states=CLOSED,
              start_text=N_("The complaint was received on {when}."), basis=acceptance_basis),
        Clock("settlement", N_("Settlement of the complaint"), Limit(settlement, DAYS), start_on=("accept",),
              stop_on=("decide",), stop_states=CLOSED, pause_on=("discontinue",),
              resume_on=("continue",),
              start_text=N_("Accepted for settlement on {when}."), basis=f"{LAW} {settle}"),
        Clock("sending", N_("Send the decision"), send, start_on=("decide",),
              stop_on=("send_decision",), stop_states=CLOSED,
              start_text=N_("Decision issued on {when}."), basis=f"{LAW} {sending}"),
        Clock("final", N_("Becomes final without a further complaint"), Limit(30, DAYS),
              start_on=("decide",), stop_on=("record_final", "appealed"),
              stop_states=("withdrawn",), start_text=N_("Decision issued on {when}."),
              due_label=N_("Final on"), basis=f"{LAW} {final}"),
        Clock("continue_window", N_("The complainant may continue"),
              Limit(CONTINUE_WINDOW_DAYS, DAYS), start_on=("discontinue",),
              restart_on=("discontinue",),
              stop_on=("continue", "close_discontinued"), stop_states=CLOSED,
              start_text=N_("Settlement discontinued on {when}."),
              due_label=N_("Not accepted again after"), basis=f"{LAW} Điều 11 khoản 8"),
    )


def _variants(complex_days: int, remote: int, remote_complex: int) -> dict[str, Variant]:
    remote_final = {"final": Limit(45, DAYS)}
    return {
        "complex": Variant(N_("complex"), limits={"settlement": Limit(complex_days, DAYS)}),
        "remote": Variant(N_("remote area"), limits={"settlement": Limit(remote, DAYS),
                                                     **remote_final}),
        "remote_complex": Variant(N_("remote area, complex"), limits={
            "settlement": Limit(remote_complex, DAYS), **remote_final}),
    }


def _kind(second: bool, amended: bool) -> CaseSpec:
    instance = "lần hai" if second else "lần đầu"
    if amended:
        acceptance, acceptance_basis = Limit(7, WD), f"{LAW} (sửa đổi 2025); {AMENDED}"
    else:
        acceptance = Limit(10, DAYS)
        acceptance_basis = f"{LAW} Điều {36 if second else 27}"
    labels = {(False, False): N_("Complaint, first instance"),
              (False, True): N_("Complaint, first instance (from 01/07/2026)"),
              (True, False): N_("Complaint, second instance"),
              (True, True): N_("Complaint, second instance (from 01/07/2026)")}
    articles = ("Điều 37", "Điều 41", "Điều 44") if second else ("Điều 28", "Điều 32",
                                                                  "Điều 33, Điều 44")
    return CaseSpec(
        kind=f"complaint_{'second' if second else 'first'}{'_2026' if amended else ''}",
        version=1, label=labels[(second, amended)], area="inspection",
        code_prefix=f"KN{2 if second else 1}{'M' if amended else ''}",
        basis=f"{LAW}; NĐ 124/2020/NĐ-CP" + (f"; {AMENDED}" if amended else ""),
        states=STATES, initial="received", final_states=CLOSED, steps=_steps(instance, second),
        fields=_fields(second), starts_at="received_at",
        checks=check_second if second else check_time_bar,
        clocks=_clocks(acceptance, acceptance_basis, 45 if second else 30, articles,
                       Limit(7, DAYS) if second else Limit(3, WD)),
        variants=_variants(60, 60, 70) if second else _variants(45, 45, 60),
        document="complaint-decision", document_after="decide",
        family=f"complaint_{'second' if second else 'first'}",
        in_force_from=AMENDED_FROM if amended else None,
        in_force_until=None if amended else AMENDED_FROM - dt.timedelta(days=1))


FIRST = _kind(second=False, amended=False)
FIRST_2026 = _kind(second=False, amended=True)
SECOND = _kind(second=True, amended=False)
SECOND_2026 = _kind(second=True, amended=True)
KINDS = (FIRST, FIRST_2026, SECOND, SECOND_2026)
