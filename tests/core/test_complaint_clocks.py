"""Golden clocks of complaints and the denunciation rows added for issue #20, every row of
REFERENCE-2 §10.2 worked out by hand, units as the table says ("ngày" and "ngày làm việc").

2025: Tết 27/01–31/01; Hùng Kings Mon 07/04; February has 28 days. 2026: 31/08–02/09 off
(National Day with its bridge day, as the calendar has it). A limit in days ending on a day off
moves to the next working day; day 1 is the day after the start."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.core.cases import kinds
from sotttt_desktop.core.cases.complaint import check_second, check_time_bar
from sotttt_desktop.core.cases.engine import OPEN, StepInput
from tests.core.test_case_clocks import SETTLEMENT_FROM_7_FEB, TET_2025, at, walk

FIRST, SECOND = kinds()["complaint_first"], kinds()["complaint_second"]
FIRST_2026, SECOND_2026 = kinds()["complaint_first_2026"], kinds()["complaint_second_2026"]
DENUNCIATION = kinds()["denunciation"]
RECEIVED = (OPEN, at(2025, 1, 23, 10))
ACCEPTED = ("accept", at(2025, 2, 7, 9))
DECIDED = ("decide", at(2025, 3, 7, 15))


def test_acceptance_is_ten_days_from_receipt_across_tet() -> None:
    for spec in (FIRST, SECOND):
        clock = walk(spec, [RECEIVED]).clocks["acceptance"]
        # 24/01 is day 1, day 10 is Sunday 02/02: the next working day
        assert clock.due == dt.date(2025, 2, 3), spec.kind
        assert clock.explanation[-1] == "Hạn cuối: thứ Hai 03/02/2025."


def test_from_july_2026_acceptance_is_seven_working_days() -> None:
    for spec in (FIRST_2026, SECOND_2026):
        clock = walk(spec, [(OPEN, at(2026, 8, 27, 10))]).clocks["acceptance"]
        # 28/08 (1); 31/08–02/09 off; 03/09 (2), 04/09 (3), 07/09 (4) … 10/09 (7)
        assert clock.due == dt.date(2026, 9, 10), spec.kind
        assert clock.explanation[-1] == "Hạn cuối: thứ Năm 10/09/2026 (ngày làm việc thứ 7)."
    assert FIRST.in_force(dt.date(2026, 6, 30)) and not FIRST.in_force(dt.date(2026, 7, 1))
    assert FIRST_2026.in_force(dt.date(2026, 7, 1)) and FIRST.family == FIRST_2026.family


@pytest.mark.parametrize(("spec", "variant", "due"), [
    (FIRST, "", dt.date(2025, 3, 10)),  # 30 days: Sunday 09/03 → Monday
    (FIRST, "complex", dt.date(2025, 3, 24)),  # 45
    (FIRST, "remote", dt.date(2025, 3, 24)),  # 45
    (FIRST, "remote_complex", dt.date(2025, 4, 8)),  # 60
    (SECOND, "", dt.date(2025, 3, 24)),  # 45
    (SECOND, "complex", dt.date(2025, 4, 8)),  # 60
    (SECOND, "remote", dt.date(2025, 4, 8)),  # 60
    (SECOND, "remote_complex", dt.date(2025, 4, 18)),  # 70
])
def test_settlement_by_instance_complexity_and_remoteness(spec, variant: str,  # noqa: ANN001
                                                          due: dt.date) -> None:
    outcome = walk(spec, [RECEIVED, ACCEPTED], variant=variant)
    assert outcome.state == "accepted"
    assert outcome.clocks["acceptance"].status == "stopped"
    assert outcome.clocks["settlement"].due == due


def test_the_first_settlement_explains_itself() -> None:
    clock = walk(FIRST, [RECEIVED, ACCEPTED]).clocks["settlement"]
    assert list(clock.explanation) == SETTLEMENT_FROM_7_FEB


def test_classifying_after_acceptance_changes_the_settlement_limit() -> None:
    outcome = walk(FIRST, [RECEIVED, ACCEPTED, ("classify", StepInput(
        dt.datetime(2025, 2, 10, 9), variant="complex"))])
    assert outcome.variant == "complex"
    assert outcome.clocks["settlement"].due == dt.date(2025, 3, 24)
    assert outcome.clocks["settlement"].explanation[0].startswith("Phân loại lúc")
    assert outcome.clocks["settlement"].explanation[-1] == "Hạn cuối: thứ Hai 24/03/2025."


def test_classifying_a_suspended_and_resumed_clock_keeps_the_suspension() -> None:
    """A denunciation accepted 02/10/2024, suspended 10/10 to 10/11, classified complex on
    11/11: its limit is the same (complexity gives an extension), its due date stays."""
    steps = [(OPEN, at(2024, 10, 1, 9)),
             ("accept", StepInput(dt.datetime(2024, 10, 2, 9), decision="05/QĐ-TTr")),
             ("suspend", StepInput(dt.datetime(2024, 10, 10, 9), reason="Chờ giám định",
                                   decision="07/QĐ-TTr")),
             ("resume", StepInput(dt.datetime(2024, 11, 10, 9), decision="09/QĐ-TTr"))]
    resumed = walk(DENUNCIATION, steps).clocks["settlement"]
    classified = walk(DENUNCIATION, [*steps, ("classify", StepInput(
        dt.datetime(2024, 11, 11, 9), variant="complex"))]).clocks["settlement"]
    assert classified.due == resumed.due and classified.explanation == resumed.explanation


def test_sending_the_decision_and_when_it_becomes_final() -> None:
    first = walk(FIRST, [RECEIVED, ACCEPTED, DECIDED]).clocks
    assert first["settlement"].status == "stopped"
    assert first["sending"].due == dt.date(2025, 3, 12)  # 03 working days: 10, 11, 12/03
    # 30 days: Sunday 06/04, Monday 07/04 the Hùng Kings' day → Tuesday 08/04
    assert first["final"].due == dt.date(2025, 4, 8)
    assert walk(FIRST, [RECEIVED, ACCEPTED, DECIDED], variant="remote").clocks[
        "final"].due == dt.date(2025, 4, 21)  # 45 days in a remote area
    second = walk(SECOND, [RECEIVED, ACCEPTED, DECIDED]).clocks
    assert second["sending"].due == dt.date(2025, 3, 14)  # 07 days, not working days
    sent = walk(FIRST, [RECEIVED, ACCEPTED, DECIDED, ("send_decision", at(2025, 3, 11, 9)),
                        ("record_final", at(2025, 4, 8, 9))])
    assert sent.state == "final"
    assert (sent.clocks["sending"].status, sent.clocks["final"].status) == ("stopped",
                                                                            "stopped")
    appealed = walk(FIRST, [RECEIVED, ACCEPTED, DECIDED,
                            ("appealed", StepInput(dt.datetime(2025, 3, 20, 9),
                                                   reason="Khiếu nại lần hai"))])
    assert appealed.state == "appealed" and appealed.clocks["final"].status == "stopped"


def test_the_time_bar_of_ninety_days() -> None:
    received = dt.datetime(2025, 1, 23, 10)
    assert check_time_bar({"received_at": received, "known_on": dt.date(2024, 10, 25)}) == {}
    late = check_time_bar({"received_at": received, "known_on": dt.date(2024, 10, 24)})
    assert "91" in late["known_on"] and "90" in late["known_on"]
    assert check_time_bar({"received_at": received, "known_on": dt.date(2024, 10, 1),
                           "obstacle": "Ốm nặng, điều trị tại bệnh viện 40 ngày"}) == {}
    for obstacle in ("", "Ốm nặng"):  # a date after the receipt is wrong, obstacle or not
        assert "known_on" in check_time_bar({"received_at": received, "obstacle": obstacle,
                                             "known_on": dt.date(2025, 2, 1)})


def test_a_second_complaint_counts_from_the_first_decision() -> None:
    received = dt.datetime(2025, 1, 23, 10)
    # known long ago, the first decision 10 days ago: in time (Art. 33, not Art. 9)
    assert check_second({"received_at": received, "known_on": dt.date(2024, 6, 1),
                         "first_decision_on": dt.date(2025, 1, 13)}) == {}
    late = check_second({"received_at": received, "known_on": dt.date(2024, 12, 1),
                         "first_decision_on": dt.date(2024, 12, 20)})
    assert "34" in late["first_decision_on"]
    assert check_second({"received_at": received, "first_decision_on": dt.date(2024, 12, 20),
                         "obstacle": "Vùng sâu, vùng xa (45 ngày)"}) == {}
    assert "first_decision_on" in check_second({"received_at": received,
                                                "first_decision_on": dt.date(2025, 1, 28)})


def test_a_denunciation_not_competent_is_forwarded_within_five_working_days() -> None:
    clock = walk(DENUNCIATION, [RECEIVED], variant="not_competent").clocks["intake"]
    assert clock.due == dt.date(2025, 2, 6)  # 24/01 (1); Tết; 03, 04, 05, 06/02
    assert TET_2025 in clock.explanation


def test_a_conclusion_is_sent_in_five_and_published_in_seven_working_days() -> None:
    concluded = walk(DENUNCIATION, [
        RECEIVED, ("accept", StepInput(dt.datetime(2025, 2, 7, 9), decision="05/QĐ-TTr")),
        ("conclude", StepInput(dt.datetime(2025, 3, 7, 15), decision="09/KL-TTr"))])
    assert concluded.state == "concluded"
    assert concluded.clocks["settlement"].status == "stopped"
    assert concluded.clocks["conclusion_sent"].due == dt.date(2025, 3, 14)
    assert concluded.clocks["publication"].due == dt.date(2025, 3, 18)
    sent = walk(DENUNCIATION, [
        RECEIVED, ("accept", StepInput(dt.datetime(2025, 2, 7, 9), decision="05/QĐ-TTr")),
        ("conclude", StepInput(dt.datetime(2025, 3, 7, 15), decision="09/KL-TTr")),
        ("send_conclusion", at(2025, 3, 12, 9)), ("publish", at(2025, 3, 19, 9))])
    assert sent.clocks["conclusion_sent"].status == "stopped"
    assert sent.clocks["publication"].status == "stopped"


def test_a_discontinued_settlement_may_be_continued_within_thirty_days() -> None:
    """Art. 11(8): discontinued by a notice of 14/02/2025, the complainant may continue for 30
    days (to Sunday 16/03 → Monday 17/03); the settlement clock waits meanwhile."""
    discontinued = walk(FIRST, [RECEIVED, ACCEPTED, ("discontinue", StepInput(
        dt.datetime(2025, 2, 14, 9), reason="Người khiếu nại rút đơn"))])
    assert discontinued.state == "discontinued"
    assert discontinued.clocks["settlement"].status == "paused"
    assert discontinued.clocks["continue_window"].due == dt.date(2025, 3, 17)
    continued = walk(FIRST, [RECEIVED, ACCEPTED, ("discontinue", StepInput(
        dt.datetime(2025, 2, 14, 9), reason="Rút đơn")), ("continue", StepInput(
            dt.datetime(2025, 3, 10, 9), reason="Tiếp tục khiếu nại"))])
    assert continued.state == "accepted"
    assert continued.clocks["continue_window"].status == "stopped"
    settlement = continued.clocks["settlement"]
    # 30 days from 07/02 end on Sunday 09/03, due Monday 10/03; paused on 14/02 with the 24
    # days to that due left (the engine keeps what is left of the due date, day off included),
    # they run again from 10/03: Thursday 03/04
    assert (settlement.status, settlement.due) == ("running", dt.date(2025, 4, 3))
    ended = walk(FIRST, [RECEIVED, ACCEPTED, ("discontinue", StepInput(
        dt.datetime(2025, 2, 14, 9), reason="Rút đơn")), ("close_discontinued",
                                                          at(2025, 3, 18, 9))])
    assert ended.state == "ended" and ended.state in FIRST.final_states


def test_a_denunciation_overdue_is_reported_to_the_superior_in_five_working_days() -> None:
    """Art. 38: the superior's request of Thursday 20/02/2025 is answered by 27/02."""
    steps = [RECEIVED, ("accept", StepInput(dt.datetime(2025, 2, 7, 9), decision="05/QĐ-TTr")),
             ("superior_asks", StepInput(dt.datetime(2025, 2, 20, 9),
                                         reason="Công văn 12/UBND-TCD yêu cầu báo cáo"))]
    asked = walk(DENUNCIATION, steps).clocks["superior_report"]
    assert (asked.status, asked.due) == ("running", dt.date(2025, 2, 27))
    reported = walk(DENUNCIATION, [*steps, ("report_to_superior", StepInput(
        dt.datetime(2025, 2, 26, 9), decision="25/BC-STTTT"))])
    assert reported.clocks["superior_report"].status == "stopped"
    assert reported.state == "accepted"


def test_a_petition_not_competent_is_forwarded_within_five_working_days() -> None:
    clock = walk(kinds()["petition"], [RECEIVED]).clocks["intake"]
    assert clock.due == dt.date(2025, 2, 6)  # 24/01 (1); Tết; 03, 04, 05, 06/02
    assert TET_2025 in clock.explanation


def test_a_second_discontinuation_opens_a_new_window_and_a_closed_case_stops_its_clocks() -> None:
    steps = [RECEIVED, ACCEPTED,
             ("discontinue", StepInput(dt.datetime(2025, 2, 14, 9), reason="Rút đơn")),
             ("continue", StepInput(dt.datetime(2025, 3, 10, 9), reason="Tiếp tục")),
             ("discontinue", StepInput(dt.datetime(2025, 3, 20, 9), reason="Rút đơn lần hai"))]
    window = walk(FIRST, steps).clocks["continue_window"]
    assert (window.status, window.due) == ("running", dt.date(2025, 4, 21))  # 30 days: Sat 19/04
    asked = [RECEIVED, ("accept", StepInput(dt.datetime(2025, 2, 7, 9), decision="05/QĐ-TTr")),
             ("superior_asks", StepInput(dt.datetime(2025, 2, 20, 9), reason="Yêu cầu")),
             ("withdraw", StepInput(dt.datetime(2025, 2, 21, 9), reason="Rút tố cáo"))]
    assert walk(DENUNCIATION, asked).clocks["superior_report"].status == "stopped"
