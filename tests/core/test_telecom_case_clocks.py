"""Golden clocks of the telecom and frequency cases (issue #17), worked out by hand.

2025: Tết 27/01–31/01 (Mon–Fri); Hùng Kings Monday 07/04; 30/04 and 01/05. Day 1 of a limit
is the day after its start; a limit in days ending on a day off moves to the next working day.
Only the declarations run here (the internal limits of resources/cases/unconfirmed.toml:
2 working days to forward, 30 days to handle; 10 working days to convene, 45 days to settle).
"""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.core.cases import kinds
from sotttt_desktop.core.cases.engine import OPEN, StepInput
from sotttt_desktop.errors import ValidationError
from tests.core.test_case_clocks import at, walk

INTERFERENCE = kinds()["interference_complaint"]
DISPUTE = kinds()["sharing_dispute"]
COMPLAINED = (OPEN, at(2025, 1, 24, 15))  # Friday before Tết


def test_an_interference_complaint_is_forwarded_after_tet_and_handled_in_thirty_days() -> None:
    outcome = walk(INTERFERENCE, [COMPLAINED])
    assert outcome.state == "received"
    forward = outcome.clocks["forward"]
    assert forward.due == dt.date(2025, 2, 4)  # Tết: working days 1 and 2 are 03/02 and 04/02
    assert list(forward.explanation) == [
        "Nhận phản ánh lúc thứ Sáu 24/01/2025 15:00.",
        "Thời hạn 2 ngày làm việc; ngày thứ nhất là ngày làm việc kế tiếp sau ngày 24/01/2025.",
        "Không tính các ngày nghỉ: 27/01/2025 (29 Tết); 28/01/2025 (Giao thừa Tết Nguyên "
        "Đán); 29/01/2025 (Tết Nguyên Đán); 30/01/2025 (Mùng hai Tết Nguyên Đán); "
        "31/01/2025 (Mùng ba Tết Nguyên Đán).",
        "Hạn cuối: thứ Ba 04/02/2025 (ngày làm việc thứ 2).",
    ]
    handling = outcome.clocks["handling"]
    assert handling.due == dt.date(2025, 2, 24)  # day 30 is Sunday 23/02
    assert list(handling.explanation) == [
        "Nhận phản ánh lúc thứ Sáu 24/01/2025 15:00.",
        "Thời hạn 30 ngày; ngày thứ nhất là 25/01/2025, ngày thứ 30 là Chủ nhật 23/02/2025.",
        "Ngày 23/02/2025 không phải ngày làm việc (Chủ nhật): thời hạn kết thúc vào ngày làm "
        "việc tiếp theo.",
        "Hạn cuối: thứ Hai 24/02/2025.",
    ]
    outcome = walk(INTERFERENCE, [COMPLAINED, ("forward", at(2025, 2, 4, 10))])
    assert outcome.state == "forwarded"
    assert outcome.clocks["forward"].status == "stopped"
    assert outcome.clocks["forward"].stopped == dt.datetime(2025, 2, 4, 10)
    assert outcome.clocks["handling"].status == "running"
    outcome = walk(INTERFERENCE, [
        COMPLAINED, ("forward", at(2025, 2, 4, 10)), ("measure", at(2025, 2, 14, 9)),
        ("resolve", StepInput(dt.datetime(2025, 2, 20, 16),
                              reason="Máy phát FM không phép tại ấp 3 đã ngừng phát"))])
    assert outcome.state == "resolved"
    assert outcome.clocks["handling"].status == "stopped"
    assert outcome.clocks["handling"].stopped == dt.datetime(2025, 2, 20, 16)


def test_an_interference_complaint_steps_in_order_and_closes_with_a_reason() -> None:
    with pytest.raises(ValidationError):  # measured before it was forwarded
        walk(INTERFERENCE, [COMPLAINED, ("measure", at(2025, 2, 3, 9))])
    with pytest.raises(ValidationError):  # closing says why
        walk(INTERFERENCE, [COMPLAINED, ("close", at(2025, 2, 3, 9))])
    outcome = walk(INTERFERENCE, [COMPLAINED, ("close", StepInput(
        dt.datetime(2025, 2, 3, 9), reason="Không xác định được nguồn nhiễu"))])
    assert outcome.state == "closed"
    assert {c.status for c in outcome.clocks.values()} == {"stopped"}


REQUESTED = (OPEN, at(2025, 4, 3, 9))  # Thursday before the Hùng Kings' day


def test_a_sharing_dispute_is_convened_in_ten_working_days_and_settled_in_forty_five_days(
        ) -> None:
    outcome = walk(DISPUTE, [REQUESTED])
    convene = outcome.clocks["convene"]
    assert convene.due == dt.date(2025, 4, 18)  # Monday 07/04 is not a working day
    assert list(convene.explanation) == [
        "Nhận đề nghị lúc thứ Năm 03/04/2025 09:00.",
        "Thời hạn 10 ngày làm việc; ngày thứ nhất là ngày làm việc kế tiếp sau ngày 03/04/2025.",
        "Không tính các ngày nghỉ: 07/04/2025 (Ngày Giỗ Tổ Hùng Vương).",
        "Hạn cuối: thứ Sáu 18/04/2025 (ngày làm việc thứ 10).",
    ]
    settlement = outcome.clocks["settlement"]
    assert settlement.due == dt.date(2025, 5, 19)  # day 45 is Sunday 18/05
    assert list(settlement.explanation) == [
        "Nhận đề nghị lúc thứ Năm 03/04/2025 09:00.",
        "Thời hạn 45 ngày; ngày thứ nhất là 04/04/2025, ngày thứ 45 là Chủ nhật 18/05/2025.",
        "Ngày 18/05/2025 không phải ngày làm việc (Chủ nhật): thời hạn kết thúc vào ngày làm "
        "việc tiếp theo.",
        "Hạn cuối: thứ Hai 19/05/2025.",
    ]
    convened = [REQUESTED, ("convene", at(2025, 4, 15, 14))]
    outcome = walk(DISPUTE, convened)
    assert outcome.state == "meeting" and outcome.clocks["convene"].status == "stopped"
    # a second meeting: still convened, the settlement clock runs on
    outcome = walk(DISPUTE, [*convened, ("convene", at(2025, 4, 29, 9))])
    assert outcome.state == "meeting"
    assert outcome.clocks["settlement"].status == "running"
    assert outcome.clocks["settlement"].due == dt.date(2025, 5, 19)
    outcome = walk(DISPUTE, [*convened, ("convene", at(2025, 4, 29, 9)),
                             ("settle", at(2025, 5, 12, 10))])
    assert outcome.state == "settled"
    assert outcome.clocks["settlement"].status == "stopped"
    assert outcome.clocks["settlement"].stopped == dt.datetime(2025, 5, 12, 10)


def test_a_sharing_dispute_not_settled_is_referred_with_its_reason() -> None:
    with pytest.raises(ValidationError):  # settled without a meeting
        walk(DISPUTE, [REQUESTED, ("settle", at(2025, 4, 10, 9))])
    with pytest.raises(ValidationError):  # referred without saying why
        walk(DISPUTE, [REQUESTED, ("convene", at(2025, 4, 15, 14)),
                       ("refer", at(2025, 5, 20, 9))])
    outcome = walk(DISPUTE, [REQUESTED, ("convene", at(2025, 4, 15, 14)), ("refer", StepInput(
        dt.datetime(2025, 5, 20, 9), reason="Các bên không thống nhất giá thuê"))])
    assert outcome.state == "referred"
    assert outcome.clocks["settlement"].status == "stopped"


PLAN = kinds()["frequency_check_plan"]


def test_the_frequency_check_plan_is_approved_by_the_fifteenth_of_december() -> None:
    """TT 02/2016 Art. 8(3): the Department approves its plan by 15/12; opened after it, the
    plan is due on next year's 15/12."""
    clock = walk(PLAN, [(OPEN, at(2026, 10, 5, 8))]).clocks["approval"]
    assert clock.due == dt.date(2026, 12, 15)
    assert list(clock.explanation) == [
        "Bắt đầu thực hiện lúc thứ Hai 05/10/2026 08:00.",
        "Hạn cố định: trước hoặc trong ngày 15/12 hằng năm.",
        "Hạn cuối: thứ Ba 15/12/2026.",
    ]
    assert walk(PLAN, [(OPEN, at(2026, 12, 20, 8))]).clocks["approval"].due == \
        dt.date(2027, 12, 15)
    outcome = walk(PLAN, [(OPEN, at(2026, 10, 5, 8)), ("approve", at(2026, 12, 10, 15))])
    assert outcome.state == "approved" and outcome.clocks["approval"].status == "stopped"
    with pytest.raises(ValidationError):  # sent to the centre before it is approved
        walk(PLAN, [(OPEN, at(2026, 10, 5, 8)), ("notify", at(2026, 12, 10, 15))])
