"""Golden clocks of declared cases, worked out by hand (holidays as in test_due_dates.py).

2025: Tết 27/01–31/01 (Mon–Fri, then the weekend 01–02/02); Hùng Kings 07/04. February 2025
has 28 days. Day 1 of a limit is the day after its start; a limit in days ending on a day off
moves to the next working day; an extension counts from the former due date. Only the
declarations run here: no service code is involved.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.core.calendar import WorkingCalendar
from sotttt_desktop.core.cases import kinds
from sotttt_desktop.core.cases.engine import OPEN, ClockState, Outcome, StepInput, apply_step
from sotttt_desktop.core.cases.spec import (
    CaseSpec,
    CaseStep,
    Clock,
    ClockUnit,
    Extension,
    Limit,
)
from sotttt_desktop.core.cases.status import clock_status
from sotttt_desktop.errors import ValidationError

CALENDAR = WorkingCalendar()
TET_2025 = ("Không tính các ngày nghỉ: 27/01/2025 (29 Tết); 28/01/2025 (Giao thừa Tết Nguyên "
            "Đán); 29/01/2025 (Tết Nguyên Đán); 30/01/2025 (Mùng hai Tết Nguyên Đán); "
            "31/01/2025 (Mùng ba Tết Nguyên Đán).")
SETTLEMENT_FROM_7_FEB = [
    "Thụ lý giải quyết lúc thứ Sáu 07/02/2025 09:00.",
    "Thời hạn 30 ngày; ngày thứ nhất là 08/02/2025, ngày thứ 30 là Chủ nhật 09/03/2025.",
    "Ngày 09/03/2025 không phải ngày làm việc (Chủ nhật): thời hạn kết thúc vào ngày làm việc "
    "tiếp theo.",
    "Hạn cuối: thứ Hai 10/03/2025.",
]


def walk(spec: CaseSpec, steps: list[tuple[str, StepInput]], variant: str = "") -> Outcome:
    state, clocks = spec.initial, {}
    outcome = None
    for action, given in steps:
        outcome = apply_step(spec, state, variant, clocks, action, given, CALENDAR)
        state, variant, clocks = outcome.state, outcome.variant, outcome.clocks
    assert outcome is not None
    return outcome


def at(*parts: int) -> StepInput:
    return StepInput(dt.datetime(*parts))


DENUNCIATION = kinds()["denunciation"]
RECEIVED = (OPEN, at(2025, 1, 23, 10))
ACCEPTED = ("accept", StepInput(dt.datetime(2025, 2, 7, 9), decision="05/QĐ-TTr"))


def test_intake_counts_seven_working_days_across_tet() -> None:
    clock = walk(DENUNCIATION, [RECEIVED]).clocks["intake"]
    assert clock.status == "running" and clock.due == dt.date(2025, 2, 10)
    assert list(clock.explanation) == [
        "Nhận tố cáo lúc thứ Năm 23/01/2025 10:00.",
        "Thời hạn 7 ngày làm việc; ngày thứ nhất là ngày làm việc kế tiếp sau ngày 23/01/2025.",
        TET_2025,
        "Hạn cuối: thứ Hai 10/02/2025 (ngày làm việc thứ 7).",
    ]


def test_the_several_places_variant_gives_ten_working_days() -> None:
    clock = walk(DENUNCIATION, [RECEIVED], variant="multi_site").clocks["intake"]
    assert clock.due == dt.date(2025, 2, 13)
    assert clock.explanation[-1] == "Hạn cuối: thứ Năm 13/02/2025 (ngày làm việc thứ 10)."


def test_acceptance_stops_intake_and_starts_notice_and_settlement() -> None:
    outcome = walk(DENUNCIATION, [RECEIVED, ACCEPTED])
    assert outcome.state == "accepted"
    assert outcome.clocks["intake"].status == "stopped"
    assert outcome.clocks["intake"].stopped == dt.datetime(2025, 2, 7, 9)
    notice = outcome.clocks["notice"]
    assert notice.due == dt.date(2025, 2, 14)
    assert list(notice.explanation) == [
        "Quyết định thụ lý lúc thứ Sáu 07/02/2025 09:00.",
        "Thời hạn 5 ngày làm việc; ngày thứ nhất là ngày làm việc kế tiếp sau ngày 07/02/2025.",
        "Hạn cuối: thứ Sáu 14/02/2025 (ngày làm việc thứ 5).",
    ]
    settlement = outcome.clocks["settlement"]
    assert settlement.due == dt.date(2025, 3, 10)  # day 30 is Sunday 09/03
    assert list(settlement.explanation) == SETTLEMENT_FROM_7_FEB
    assert sorted(outcome.changed) == ["intake", "notice", "settlement"]


def test_an_especially_complex_case_is_extended_twice_by_decision() -> None:
    outcome = walk(DENUNCIATION, [
        RECEIVED, ACCEPTED,
        ("classify", StepInput(dt.datetime(2025, 2, 7, 9), variant="especially_complex")),
        ("extend", StepInput(dt.datetime(2025, 3, 5, 9), decision="12/QĐ-TTr", amount=30)),
        ("extend", StepInput(dt.datetime(2025, 4, 2, 9), decision="20/QĐ-TTr", amount=30)),
    ])
    settlement = outcome.clocks["settlement"]
    assert settlement.due == dt.date(2025, 5, 9)
    assert list(settlement.explanation) == SETTLEMENT_FROM_7_FEB + [
        "Gia hạn lần 1 (tối đa 2 lần), Quyết định số 12/QĐ-TTr: thêm 30 ngày, tính từ hạn "
        "thứ Hai 10/03/2025.",
        "Thời hạn 30 ngày; ngày thứ nhất là 11/03/2025, ngày thứ 30 là thứ Tư 09/04/2025.",
        "Hạn cuối: thứ Tư 09/04/2025.",
        "Gia hạn lần 2 (tối đa 2 lần), Quyết định số 20/QĐ-TTr: thêm 30 ngày, tính từ hạn "
        "thứ Tư 09/04/2025.",
        "Thời hạn 30 ngày; ngày thứ nhất là 10/04/2025, ngày thứ 30 là thứ Sáu 09/05/2025.",
        "Hạn cuối: thứ Sáu 09/05/2025.",
    ]
    assert [(e["number"], e["decision"], e["due_before"], e["due_after"])
            for e in settlement.extensions] == [
        (1, "12/QĐ-TTr", "2025-03-10", "2025-04-09"), (2, "20/QĐ-TTr", "2025-04-09", "2025-05-09")]
    with pytest.raises(ValidationError, match="chỉ được gia hạn 2 lần"):
        apply_step(DENUNCIATION, outcome.state, outcome.variant, outcome.clocks, "extend",
                   StepInput(dt.datetime(2025, 5, 2, 9), decision="30/QĐ-TTr", amount=10),
                   CALENDAR)


def test_extensions_follow_the_variant_and_their_bounds() -> None:
    plain = walk(DENUNCIATION, [RECEIVED, ACCEPTED])
    extend = StepInput(dt.datetime(2025, 3, 5, 9), decision="12/QĐ-TTr", amount=30)
    with pytest.raises(ValidationError, match="không được gia hạn"):  # not classified complex
        apply_step(DENUNCIATION, plain.state, "", plain.clocks, "extend", extend, CALENDAR)
    with pytest.raises(ValidationError, match="từ 1 đến 30 ngày"):
        apply_step(DENUNCIATION, plain.state, "complex", plain.clocks, "extend",
                   StepInput(extend.moment, decision="12/QĐ-TTr", amount=31), CALENDAR)
    # (the decision's number: given by the register, CaseService, tests/services/test_cases.py)
    once = apply_step(DENUNCIATION, plain.state, "complex", plain.clocks, "extend", extend,
                      CALENDAR)
    assert once.clocks["settlement"].due == dt.date(2025, 4, 9)
    with pytest.raises(ValidationError, match="chỉ được gia hạn 1 lần"):
        apply_step(DENUNCIATION, once.state, "complex", once.clocks, "extend", extend, CALENDAR)
    with pytest.raises(ValidationError, match="tính chất vụ việc"):
        apply_step(DENUNCIATION, plain.state, "", plain.clocks, "classify",
                   StepInput(extend.moment, variant="very_hard"), CALENDAR)


def test_suspended_time_does_not_count() -> None:
    settlement = walk(DENUNCIATION, [
        RECEIVED, ACCEPTED,
        ("suspend", StepInput(dt.datetime(2025, 3, 3, 10), decision="07/QĐ-TTr",
                              reason="Chờ kết quả giám định")),
        ("resume", StepInput(dt.datetime(2025, 3, 20, 9), decision="09/QĐ-TTr")),
    ]).clocks["settlement"]
    assert settlement.status == "running" and settlement.due == dt.date(2025, 3, 27)
    assert list(settlement.explanation) == SETTLEMENT_FROM_7_FEB + [
        "Tạm dừng lúc thứ Hai 03/03/2025 10:00: còn lại 7 ngày.",
        "Tiếp tục lúc thứ Năm 20/03/2025 09:00: tính tiếp 7 ngày còn lại.",
        "Thời hạn 7 ngày; ngày thứ nhất là 21/03/2025, ngày thứ 7 là thứ Năm 27/03/2025.",
        "Hạn cuối: thứ Năm 27/03/2025.",
    ]


def test_illegal_steps_and_missing_reasons_are_refused() -> None:
    received = walk(DENUNCIATION, [RECEIVED])
    with pytest.raises(ValidationError, match="Có thể từ: đã thụ lý"):
        apply_step(DENUNCIATION, received.state, "", received.clocks, "conclude",
                   StepInput(dt.datetime(2025, 2, 3, 9), decision="1/KL"), CALENDAR)
    with pytest.raises(ValidationError, match="lý do"):
        apply_step(DENUNCIATION, received.state, "", received.clocks, "refuse",
                   at(2025, 2, 3, 9), CALENDAR)
    with pytest.raises(ValidationError, match="accept, refuse"):
        apply_step(DENUNCIATION, received.state, "", received.clocks, "fly", at(2025, 2, 3, 9),
                   CALENDAR)


def test_a_takedown_request_runs_twenty_four_hours_over_the_weekend() -> None:
    clock = walk(kinds()["takedown_request"], [(OPEN, at(2025, 1, 24, 16, 30))]).clocks["provider"]
    assert clock.due == dt.datetime(2025, 1, 25, 16, 30)
    assert list(clock.explanation) == [
        "Gửi yêu cầu lúc thứ Sáu 24/01/2025 16:30.",
        "Thời hạn 24 giờ.",
        "Hạn cuối: thứ Bảy 25/01/2025 16:30.",
    ]
    assert ClockState.from_json(clock.to_json()) == clock


def test_the_yearly_report_is_due_on_its_fixed_date() -> None:
    clock = walk(kinds()["ads_annual_report"], [(OPEN, at(2026, 1, 5, 8))]).clocks["report"]
    assert clock.due == dt.date(2026, 12, 31)
    assert list(clock.explanation) == [
        "Bắt đầu thực hiện lúc thứ Hai 05/01/2026 08:00.",
        "Hạn cố định: trước hoặc trong ngày 31/12 hằng năm.",
        "Hạn cuối: thứ Năm 31/12/2026.",
    ]


PLAN = CaseSpec(
    kind="inspection_plan", version=1, label="Inspection plan", area="inspection",
    code_prefix="KH", states={"drafting": "drafting", "included": "included"},
    initial="drafting", final_states=("included",),
    steps={"include": CaseStep("include", ("drafting",), "included")},
    clocks=(Clock("plan", "Plan", Limit(unit=ClockUnit.FIXED_DATE, day=20, month=12),
                  stop_states=("included",), extend_on=(),
                  extension=Extension(1, 5, ClockUnit.WORKING_DAYS)),),
)


def test_a_fixed_date_that_has_passed_is_next_years() -> None:
    clock = walk(PLAN, [(OPEN, at(2026, 12, 21, 9))]).clocks["plan"]
    assert clock.due == dt.date(2027, 12, 20)
    assert list(clock.explanation) == [
        "Thời hạn bắt đầu tính từ thứ Hai 21/12/2026 09:00.",
        "Hạn cố định: trước hoặc trong ngày 20/12 hằng năm.",
        "Ngày 20/12/2026 đã qua: tính theo ngày đó của năm sau.",
        "Hạn cuối: thứ Hai 20/12/2027.",
    ]
    included = walk(PLAN, [(OPEN, at(2026, 12, 1, 9)), ("include", at(2026, 12, 18, 9))])
    assert included.state == "included" and included.clocks["plan"].status == "stopped"


@pytest.mark.parametrize("broken", [
    {"initial": "nowhere"},
    {"steps": {"include": CaseStep("include", ("drafting",), "nowhere")}},
    {"clocks": (Clock("plan", "Plan", Limit(3), stop_on=("fly",)),)},
    {"clocks": (Clock("plan", "Plan", Limit(unit=ClockUnit.FIXED_DATE, day=20, month=12),
                      pause_on=("include",)),)},
    {"clocks": (Clock("plan", "Plan", Limit(3), extend_on=("include",)),)},
])
def test_a_declaration_naming_what_does_not_exist_fails_at_once(broken: dict) -> None:
    fields = {"kind": "x", "version": 1, "label": "x", "area": "inspection", "code_prefix": "X",
              "states": {"drafting": "d", "included": "i"}, "initial": "drafting",
              "final_states": ("included",),
              "steps": {"include": CaseStep("include", ("drafting",), "included")}}
    with pytest.raises(ValueError):
        CaseSpec(**(fields | broken))


@pytest.mark.parametrize(("now", "finished", "expected"), [
    (dt.datetime(2025, 2, 10, 9), None, ("on_time", 4)),
    (dt.datetime(2025, 2, 13, 9), None, ("at_risk", 1)),
    (dt.datetime(2025, 2, 14, 16), None, ("at_risk", 0)),
    (dt.datetime(2025, 2, 15, 9), None, ("overdue", 0)),
    (dt.datetime(2025, 2, 20, 9), dt.datetime(2025, 2, 13, 16), ("early", None)),
    (dt.datetime(2025, 2, 20, 9), dt.datetime(2025, 2, 14, 16), ("on_time", None)),
    (dt.datetime(2025, 2, 20, 9), dt.datetime(2025, 2, 17, 8), ("late", None)),
])
def test_clock_status_of_a_due_day(now: dt.datetime, finished: dt.datetime | None,
                                   expected: tuple) -> None:
    status = clock_status(dt.date(2025, 2, 14), now, CALENDAR, finished=finished)
    assert (status.status, status.left) == expected


def test_clock_status_of_a_due_moment() -> None:
    due = dt.datetime(2025, 1, 25, 16, 30)
    seen = [clock_status(due, now, CALENDAR) for now in (
        dt.datetime(2025, 1, 24, 17), dt.datetime(2025, 1, 25, 13), dt.datetime(2025, 1, 25, 17))]
    assert [(s.status, s.left) for s in seen] == [("on_time", 23), ("at_risk", 3), ("overdue", 0)]
    assert seen[2].label == "quá hạn"
    assert clock_status(due, due, CALENDAR, paused=True).status == "paused"
    assert clock_status(due, due, CALENDAR, finished=dt.datetime(2025, 1, 25, 18)).status == "late"


INCIDENT = CaseSpec(
    kind="incident", version=1, label="Incident", area="cybersecurity", code_prefix="SC",
    states={"open": "open", "waiting": "waiting", "closed": "closed"},
    initial="open", final_states=("closed",),
    steps={"wait": CaseStep("wait", ("open",), "waiting"),
           "go_on": CaseStep("go on", ("waiting",), "open"),
           "extend": CaseStep("extend", ("open",), None, needs_decision=True),
           "close": CaseStep("close", ("open",), "closed")},
    clocks=(Clock("report", "Report", Limit(24, ClockUnit.HOURS), stop_states=("closed",),
                  extend_on=("extend",), extension=Extension(1, 12, ClockUnit.HOURS)),
            Clock("fix", "Fix", Limit(5), stop_states=("closed",), pause_on=("wait",),
                  resume_on=("go_on",))),
)


def test_an_hours_clock_is_extended_in_hours() -> None:
    outcome = walk(INCIDENT, [(OPEN, at(2024, 2, 7, 10)),
                              ("extend", StepInput(dt.datetime(2024, 2, 8, 8), decision="3/QĐ",
                                                   amount=12))])
    report = outcome.clocks["report"]
    assert report.due == dt.datetime(2024, 2, 8, 22)
    assert list(report.explanation)[-2:] == [
        "Gia hạn lần 1 (tối đa 1 lần), Quyết định số 3/QĐ: thêm 12 giờ, tính từ hạn thứ Năm "
        "08/02/2024 10:00.",
        "Hạn cuối: thứ Năm 08/02/2024 22:00."]


def test_a_working_day_clock_paused_over_tet_keeps_what_was_left() -> None:
    # 5 working days from Wed 07/02/2024: Tết 08–14/02 → Thu 15, Fri 16, Mon 19, Tue 20, Wed 21
    fix = walk(INCIDENT, [(OPEN, at(2024, 2, 7, 10))]).clocks["fix"]
    assert fix.due == dt.date(2024, 2, 21)
    paused = walk(INCIDENT, [(OPEN, at(2024, 2, 7, 10)), ("wait", at(2024, 2, 16, 9)),
                             ("go_on", at(2024, 2, 26, 9))]).clocks["fix"]
    # paused on Fri 16: 19, 20, 21 remained (3); resumed Mon 26 → Tue 27, Wed 28, Thu 29
    assert paused.due == dt.date(2024, 2, 29)
    assert list(paused.explanation)[-4:] == [
        "Tạm dừng lúc thứ Sáu 16/02/2024 09:00: còn lại 3 ngày làm việc.",
        "Tiếp tục lúc thứ Hai 26/02/2024 09:00: tính tiếp 3 ngày làm việc còn lại.",
        "Thời hạn 3 ngày làm việc; ngày thứ nhất là ngày làm việc kế tiếp sau ngày 26/02/2024.",
        "Hạn cuối: thứ Năm 29/02/2024 (ngày làm việc thứ 3)."]
    assert clock_status(paused.due, dt.datetime(2024, 3, 5), CALENDAR,
                        paused=True).status == "paused"


def test_the_one_stop_declaration_restarts_on_supplement_and_re_appoints_once() -> None:
    from sotttt_desktop.core.cases.one_stop import PROCESSING
    from sotttt_desktop.core.cases.one_stop import SPEC as DOSSIER

    ten = {PROCESSING: Limit(10)}  # the procedure's own limit
    received = apply_step(DOSSIER, "received", "", {}, OPEN, at(2024, 2, 7, 16), CALENDAR,
                          limits=ten)
    assert received.clocks[PROCESSING].due == dt.date(2024, 2, 29)  # after 15:00: from 15/02
    asked = apply_step(DOSSIER, "received", "", received.clocks, "request_supplement",
                       StepInput(dt.datetime(2024, 2, 9, 9), reason="Thiếu bản sao"), CALENDAR,
                       limits=ten)
    back = apply_step(DOSSIER, asked.state, "", asked.clocks, "supplement_received",
                      at(2024, 6, 12, 10), CALENDAR, limits=ten)
    clock = back.clocks[PROCESSING]
    assert back.state == "received" and clock.due == dt.date(2024, 6, 26)
    assert clock.explanation[0] == ("Đã nhận đủ hồ sơ bổ sung: thời hạn giải quyết được tính lại "
                                    "từ đầu (Điều 19 khoản 4 Nghị định 61/2018/NĐ-CP).")
    assert clock.explanation[-1] == "Hạn trả kết quả: thứ Tư 26/06/2024 (ngày làm việc thứ 10)."
    sorry = StepInput(dt.datetime(2024, 6, 20, 9), reason="Chờ ý kiến",
                      new_due=dt.date(2024, 7, 3))
    moved = apply_step(DOSSIER, back.state, "", back.clocks, "apologise", sorry, CALENDAR)
    assert moved.clocks[PROCESSING].due == dt.date(2024, 7, 3)
    with pytest.raises(ValidationError, match="một lần"):
        apply_step(DOSSIER, moved.state, "", moved.clocks, "apologise", sorry, CALENDAR)
    returned = apply_step(DOSSIER, "result_ready", "", moved.clocks, "return_result",
                          at(2024, 7, 1, 9), CALENDAR)
    assert returned.state == "returned" and returned.clocks[PROCESSING].status == "stopped"
