"""Golden clocks of the IT investment appraisals (issue #18), worked out by hand.

ND 73/2019 Art. 21: a basic design is appraised within 20 / 15 / 10 days (groups A / B / C) of
the complete dossier; TT 03/2020 Art. 6–7: an outline and detailed estimate within 15 working
days, then approved within 3. Documents asked for within 5 working days of receipt: the clock
waits, and the complete dossier starts it again from zero. 2025: Tết 27–31/01; Hùng Kings
07/04; 30/04 and 01/05. Day 1 is the day after the start; a limit in days ending on a day off
moves to the next working day.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.core.cases import kinds
from sotttt_desktop.core.cases.engine import OPEN, StepInput
from sotttt_desktop.errors import ValidationError
from tests.core.test_case_clocks import at, walk


def test_a_group_a_basic_design_runs_twenty_days_across_tet() -> None:
    clock = walk(kinds()["it_design_a"], [(OPEN, at(2025, 1, 24, 10))]).clocks["appraisal"]
    assert clock.due == dt.date(2025, 2, 13)  # days, not working days: Tết counts
    assert list(clock.explanation) == [
        "Nhận hồ sơ lúc thứ Sáu 24/01/2025 10:00.",
        "Thời hạn 20 ngày; ngày thứ nhất là 25/01/2025, ngày thứ 20 là thứ Năm 13/02/2025.",
        "Hạn cuối: thứ Năm 13/02/2025.",
    ]


def test_a_group_b_design_waits_for_documents_and_starts_again_from_zero() -> None:
    spec = kinds()["it_design_b"]
    opened = (OPEN, at(2025, 3, 3, 9))
    assert walk(spec, [opened]).clocks["appraisal"].due == dt.date(2025, 3, 18)
    asked = ("request_documents", StepInput(dt.datetime(2025, 3, 6, 10),
                                            reason="Thiếu báo cáo khảo sát"))
    waiting = walk(spec, [opened, asked])
    assert waiting.state == "awaiting_documents"
    assert waiting.clocks["appraisal"].status == "paused"
    outcome = walk(spec, [opened, asked, ("documents_received", at(2025, 3, 12, 14))])
    clock = outcome.clocks["appraisal"]
    assert outcome.state == "appraising" and clock.status == "running"
    assert clock.due == dt.date(2025, 3, 27)  # 15 days from 12/03
    assert "Hồ sơ đã đầy đủ: thời hạn được tính lại từ đầu." in clock.explanation
    assert "Hạn cuối: thứ Năm 27/03/2025." in clock.explanation
    with pytest.raises(ValidationError, match="10/03/2025"):  # past the 5 working days
        walk(spec, [opened, ("request_documents", StepInput(
            dt.datetime(2025, 3, 11, 9), reason="Thiếu dự toán"))])


def test_a_group_c_design_ending_on_a_sunday_moves_to_monday() -> None:
    outcome = walk(kinds()["it_design_c"], [(OPEN, at(2025, 4, 3, 9))])
    assert outcome.clocks["appraisal"].due == dt.date(2025, 4, 14)  # day 10 is Sunday 13/04
    outcome = walk(kinds()["it_design_c"], [(OPEN, at(2025, 4, 3, 9)),
                                            ("send_result", at(2025, 4, 11, 16)),
                                            ("approve", StepInput(dt.datetime(2025, 4, 21, 9),
                                                                  decision="125/QĐ-UBND"))])
    assert outcome.state == "approved"
    assert outcome.clocks["appraisal"].stopped == dt.datetime(2025, 4, 11, 16)


def test_an_outline_is_appraised_in_fifteen_working_days_then_approved_in_three() -> None:
    spec = kinds()["it_outline"]
    opened = (OPEN, at(2025, 4, 24, 9))
    clock = walk(spec, [opened]).clocks["appraisal"]
    assert clock.due == dt.date(2025, 5, 19)  # 30/04 and 01/05 are not working days
    assert clock.explanation[-1] == "Hạn cuối: thứ Hai 19/05/2025 (ngày làm việc thứ 15)."
    outcome = walk(spec, [opened, ("send_result", at(2025, 5, 16, 10))])
    assert outcome.state == "appraised"
    assert outcome.clocks["appraisal"].status == "stopped"
    approval = outcome.clocks["approval"]
    assert approval.due == dt.date(2025, 5, 21)
    assert list(approval.explanation) == [
        "Gửi kết quả thẩm định lúc thứ Sáu 16/05/2025 10:00.",
        "Thời hạn 3 ngày làm việc; ngày thứ nhất là ngày làm việc kế tiếp sau ngày 16/05/2025.",
        "Hạn cuối: thứ Tư 21/05/2025 (ngày làm việc thứ 3).",
    ]
    with pytest.raises(ValidationError):  # the approving decision has its number
        walk(spec, [opened, ("send_result", at(2025, 5, 16, 10)),
                    ("approve", at(2025, 5, 20, 9))])


# From 01/07/2026: ND 224/2026 (Art. 50, 66, 67) — working days, and the time to complete the
# dossier is not counted (the clock waits, then goes on with what was left).

def test_a_group_a_project_design_under_decree_224_waits_and_goes_on() -> None:
    spec = kinds()["it_design_224_a"]
    opened = (OPEN, at(2026, 7, 2, 9))
    clock = walk(spec, [opened]).clocks["appraisal"]
    assert clock.due == dt.date(2026, 7, 23)
    assert clock.explanation[-1] == "Hạn cuối: thứ Năm 23/07/2026 (ngày làm việc thứ 15)."
    asked = ("request_documents", StepInput(dt.datetime(2026, 7, 6, 10), reason="Thiếu dự toán"))
    waiting = walk(spec, [opened, asked]).clocks["appraisal"]
    assert waiting.status == "paused"
    assert waiting.explanation[-1] == ("Tạm dừng lúc thứ Hai 06/07/2026 10:00: còn lại 13 ngày "
                                       "làm việc.")
    clock = walk(spec, [opened, asked, ("documents_received", at(2026, 7, 13, 14))]
                 ).clocks["appraisal"]
    assert clock.status == "running" and clock.due == dt.date(2026, 7, 30)
    assert "Tiếp tục lúc thứ Hai 13/07/2026 14:00: tính tiếp 13 ngày làm việc còn lại." \
        in clock.explanation


def test_groups_b_and_c_get_ten_working_days_under_decree_224() -> None:
    clock = walk(kinds()["it_design_224_bc"], [(OPEN, at(2026, 8, 3, 9))]).clocks["appraisal"]
    assert clock.due == dt.date(2026, 8, 17)


def test_a_rental_plan_asks_for_documents_within_three_working_days() -> None:
    spec = kinds()["it_rental_224"]
    opened = (OPEN, at(2026, 8, 3, 9))
    with pytest.raises(ValidationError, match="06/08/2026"):
        walk(spec, [opened, ("request_documents", StepInput(
            dt.datetime(2026, 8, 7, 9), reason="Thiếu phương án thuê"))])
    outcome = walk(spec, [opened, ("request_documents", StepInput(
        dt.datetime(2026, 8, 5, 9), reason="Thiếu phương án thuê")),
        ("documents_received", at(2026, 8, 10, 9)), ("send_result", at(2026, 8, 20, 16))])
    assert outcome.state == "appraised"
    # 3 working days: Friday 21/08, Saturday 22/08 (worked in exchange for Monday 31/08, before
    # National Day), Monday 24/08
    assert outcome.clocks["approval"].due == dt.date(2026, 8, 24)
