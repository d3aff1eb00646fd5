"""Golden clocks of an information-security incident (issue #19; TT 20/2017/TT-BTTTT Art. 9),
worked out by hand: the notice within 05 days of the discovery counted at the hour (120 hours,
weekends and Tết included), the final report within 05 days after the response ends; a notice
one minute past its hour is late."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.core.cases import kinds
from sotttt_desktop.core.cases.engine import OPEN, ClockState, StepInput
from sotttt_desktop.core.cases.status import clock_status
from sotttt_desktop.errors import ValidationError
from tests.core.test_case_clocks import CALENDAR, at, walk

INCIDENT = kinds()["security_incident"]
DISCOVERED = (OPEN, at(2025, 1, 24, 21, 15))  # a Friday night, before Tết


def verdict(state: ClockState) -> str:
    """How the lists say a stopped clock ended: on time or late (at the minute)."""
    assert state.status == "stopped" and state.due is not None and state.stopped is not None
    return clock_status(state.due, state.stopped, CALENDAR, finished=state.stopped).status


def test_the_notice_is_due_five_days_after_the_discovery_at_the_hour() -> None:
    outcome = walk(INCIDENT, [DISCOVERED])
    notice = outcome.clocks["notification"]
    assert (outcome.state, notice.status) == ("discovered", "running")
    assert notice.due == dt.datetime(2025, 1, 29, 21, 15)  # Tết's days count: hours
    assert list(notice.explanation) == [
        "Phát hiện lúc thứ Sáu 24/01/2025 21:15.",
        "Thời hạn 120 giờ.",
        "Hạn cuối: thứ Tư 29/01/2025 21:15.",
    ]
    on_time = walk(INCIDENT, [DISCOVERED, ("initial_report", at(2025, 1, 24, 22, 0)),
                              ("notify", at(2025, 1, 29, 21, 15))])
    assert on_time.state == "notified"  # the initial report changed no state
    assert verdict(on_time.clocks["notification"]) == "on_time"
    late = walk(INCIDENT, [DISCOVERED, ("notify", at(2025, 1, 29, 21, 16))])
    assert verdict(late.clocks["notification"]) == "late"


def test_the_final_report_is_due_five_days_after_the_response_ends() -> None:
    steps = [DISCOVERED, ("notify", at(2025, 1, 27, 8, 0)),
             ("progress_report", StepInput(dt.datetime(2025, 1, 28, 9, 0),
                                           reason="Đã cô lập máy chủ bị nhiễm mã độc")),
             ("end_response", at(2025, 2, 3, 11, 0))]
    outcome = walk(INCIDENT, steps)
    final = outcome.clocks["final_report"]
    assert (outcome.state, final.status) == ("response_ended", "running")
    assert final.due == dt.datetime(2025, 2, 8, 11, 0)  # a Saturday: hours, not working days
    done = walk(INCIDENT, [*steps, ("final_report", at(2025, 2, 8, 10, 30)),
                           ("close", at(2025, 2, 10, 9, 0))])
    assert done.state == "closed"
    assert verdict(done.clocks["final_report"]) == "on_time"
    assert verdict(done.clocks["notification"]) == "on_time"
    late = walk(INCIDENT, [*steps, ("final_report", at(2025, 2, 10, 8, 0))])
    assert verdict(late.clocks["final_report"]) == "late"


def test_an_incident_ended_without_a_notice_is_still_late_on_its_notice() -> None:
    outcome = walk(INCIDENT, [DISCOVERED, ("end_response", at(2025, 1, 25, 9, 0))])
    assert outcome.clocks["notification"].status == "running"  # the notice is still owed
    with pytest.raises(ValidationError):  # the final report comes after the response ends
        walk(INCIDENT, [DISCOVERED, ("final_report", at(2025, 1, 25, 9, 0))])
