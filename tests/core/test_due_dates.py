"""Golden table of due dates, each worked out by hand from the holidays of 2023–2026.

Days off used (statutory + substituted, from `holidays` 0.109, checked against REFERENCE §5.1):
2023: 01/01–02/01; Tết 20/01–26/01; 29/04–03/05; 01/09, 02/09, 04/09.
2024: 01/01; Tết 08/02–14/02; 18/04; 29/04 (swapped for the make-up Saturday 04/05), 30/04, 01/05;
      02/09, 03/09.
2025: 01/01; Tết 27/01–01/02; 07/04; 30/04, 01/05, 02/05 (make-up Saturday 26/04); 01/09, 02/09.
2026: 01/01; Tết 16/02–20/02; 26/04 (Sun) → 27/04; 30/04, 01/05; 31/08 (make-up Saturday 22/08),
      01/09, 02/09; plus the administrator's overrides of TOOLCHAIN.md: 02/01 off, 10/01 worked.
Rules: receipt after 15:00 or on a day off counts from the next working day; day 1 is the day
after; calendar-day limits ending on a day off move to the next working day.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.core.calendar import TimeUnit, WorkingCalendar, compute_due, notice_deadline

W, D = TimeUnit.WORKING_DAYS, TimeUnit.DAYS


def at(text: str) -> dt.datetime | dt.date:
    """'2024-02-05 10:00' → datetime; '2024-02-05' → date (no time given)."""
    return dt.datetime.fromisoformat(text) if " " in text else dt.date.fromisoformat(text)


GOLDEN = [
    # received, amount, unit, due — how it was counted
    ("2024-02-05 10:00", 5, W, "2024-02-19"),  # Tue 6, Wed 7, [Tết 8–14], Thu 15, Fri 16, Mon 19
    ("2024-02-07 09:00", 1, W, "2024-02-15"),  # next working day after Tết
    ("2024-02-07 16:00", 1, W, "2024-02-16"),  # after 15:00 → receipt Thu 15 → Fri 16
    ("2024-02-08 10:00", 3, W, "2024-02-20"),  # received on Tết (online) → from Thu 15: 16, 19, 20
    ("2024-02-02 10:00", 10, W, "2024-02-23"),  # 5,6,7 | 15,16,19,20,21,22,23
    ("2024-02-05 10:00", 5, D, "2024-02-15"),  # 10/02 is Tết → next working day Thu 15
    ("2024-02-02 10:00", 15, D, "2024-02-19"),  # 17/02 Sat → Mon 19
    ("2024-01-30 10:00", 20, D, "2024-02-19"),  # 19/02 Mon, a working day
    ("2024-04-16 10:00", 10, W, "2024-05-04"),  # 17,19,22–26 (7) | 2/5, 3/5, Sat 4/5 make-up
    ("2024-04-26 10:00", 1, W, "2024-05-02"),  # 29/04, 30/04, 01/05 off
    ("2024-05-03 10:00", 1, W, "2024-05-04"),  # the make-up Saturday counts
    ("2024-05-03 16:00", 1, W, "2024-05-06"),  # after 15:00 → receipt Sat 4/5 → Mon 6
    ("2024-05-04 09:00", 2, W, "2024-05-07"),  # received on the make-up Saturday: Mon 6, Tue 7
    ("2024-04-24 10:00", 5, D, "2024-05-02"),  # 29/04 off, 30/04, 01/05 off → Thu 2/5
    ("2024-04-17 10:00", 1, D, "2024-04-19"),  # 18/04 Hùng Kings → Fri 19
    ("2024-04-17 10:00", 1, W, "2024-04-19"),
    ("2024-08-30 10:00", 1, W, "2024-09-04"),  # Sat, Sun, 2/9, 3/9
    ("2024-08-29 10:00", 3, W, "2024-09-05"),  # Fri 30/8, Wed 4/9, Thu 5/9
    ("2024-08-23 10:00", 10, D, "2024-09-04"),  # 02/09 holiday, 03/09 holiday → Wed 4/9
    ("2024-08-30 15:30", 1, W, "2024-09-05"),  # after 15:00 → receipt Wed 4/9 → Thu 5/9
    ("2025-01-24 10:00", 1, W, "2025-02-03"),  # Tết 2025
    ("2025-01-23 10:00", 5, W, "2025-02-06"),  # Fri 24/1 | Mon 3, Tue 4, Wed 5, Thu 6
    ("2025-01-20 10:00", 10, D, "2025-02-03"),  # 30/01 Tết → Mon 3/2
    ("2025-01-22 10:00", 20, D, "2025-02-11"),  # 11/02 Tue
    ("2025-04-04 10:00", 1, W, "2025-04-08"),  # Mon 7/4 Hùng Kings
    ("2025-04-24 10:00", 3, W, "2025-04-28"),  # Fri 25, Sat 26 make-up, Mon 28
    ("2025-04-28 10:00", 2, W, "2025-05-05"),  # Tue 29 | 30/4, 1/5, 2/5 off | Mon 5/5
    ("2025-04-29 16:00", 1, W, "2025-05-06"),  # after 15:00 → receipt Mon 5/5 → Tue 6/5
    ("2025-04-25 10:00", 5, D, "2025-05-05"),  # 30/04 off … Sun 4/5 → Mon 5/5
    ("2025-04-26 09:00", 3, D, "2025-04-29"),  # received on the make-up Saturday → Tue 29/4
    ("2025-08-29 10:00", 1, W, "2025-09-03"),  # 1/9, 2/9
    ("2025-08-28 10:00", 10, W, "2025-09-15"),  # Fri 29 | 3,4,5,8,9,10,11,12,15
    ("2025-12-31 10:00", 1, W, "2026-01-05"),  # 1/1 holiday, 2/1 off by the administrator
    ("2025-12-31 10:00", 5, W, "2026-01-09"),  # 5, 6, 7, 8, 9
    ("2026-01-08 10:00", 2, W, "2026-01-10"),  # Fri 9, Sat 10 worked by the administrator
    ("2026-02-13 10:00", 1, W, "2026-02-23"),  # Tết 2026
    ("2026-02-12 10:00", 3, W, "2026-02-24"),  # Fri 13 | Mon 23, Tue 24
    ("2026-04-24 10:00", 1, W, "2026-04-28"),  # Mon 27/4 substitutes Sun 26/4
    ("2026-04-29 10:00", 1, W, "2026-05-04"),  # 30/4, 1/5 off
    ("2026-04-20 10:00", 10, D, "2026-05-04"),  # 30/4 → 1/5 off → weekend → Mon 4/5
    ("2026-08-28 10:00", 1, W, "2026-09-03"),  # 31/8 swapped, 1/9, 2/9
    ("2026-08-21 10:00", 1, W, "2026-08-22"),  # make-up Saturday 22/08
    ("2026-08-20 10:00", 5, W, "2026-08-26"),  # Fri 21, Sat 22, Mon 24, Tue 25, Wed 26
    ("2026-08-28 10:00", 10, W, "2026-09-16"),  # 3,4,7,8,9,10,11,14,15,16
    ("2024-06-10 10:00", 5, W, "2024-06-17"),  # an ordinary week
    ("2024-06-10 14:59", 1, W, "2024-06-11"),
    ("2024-06-10 15:00", 1, W, "2024-06-11"),  # 15:00 exactly is not after 15:00
    ("2024-06-10 15:01", 1, W, "2024-06-12"),
    ("2024-06-08 10:00", 1, W, "2024-06-11"),  # Saturday (online) → receipt Mon 10 → Tue 11
    ("2024-06-09 23:00", 3, W, "2024-06-13"),  # Sunday night → receipt Mon 10 → 11, 12, 13
    ("2024-06-14", 1, W, "2024-06-17"),  # a date without a time: Fri → Mon
    ("2024-06-10 10:00", 20, D, "2024-07-01"),  # Sun 30/6 → Mon 1/7
    ("2024-06-10 10:00", 15, D, "2024-06-25"),
    ("2024-06-14 10:00", 30, D, "2024-07-15"),  # Sun 14/7 → Mon 15/7
    ("2024-06-03 10:00", 15, W, "2024-06-24"),
    ("2024-12-27 10:00", 5, W, "2025-01-06"),  # 30, 31 | 1/1 off | 2, 3, 6
    ("2023-04-28 10:00", 1, W, "2023-05-04"),  # 29/4–3/5 off (2 substituted days)
    ("2023-01-19 10:00", 1, W, "2023-01-27"),  # Tết 2023 20–26/01
    ("2023-08-31 10:00", 1, W, "2023-09-05"),  # 1/9, weekend, 4/9 substituted
    ("2023-01-16 10:00", 5, D, "2023-01-27"),  # 21/01 Tết → Fri 27/01
    ("2023-12-29 10:00", 1, W, "2024-01-02"),  # 01/01/2024 holiday
    ("2024-12-02 10:00", 8, W, "2024-12-12"),  # TVRO: 8 working days
    ("2024-07-01 10:00", 20, D, "2024-07-22"),  # bulletin licence: 20 days → Sun 21 → Mon 22
    ("2024-08-01 10:00", 30, D, "2024-09-04"),  # postal licence: 30 days → 31/8 Sat … Wed 4/9
    ("2024-08-28 10:00", 10, W, "2024-09-13"),  # 29, 30 | 4, 5, 6, 9, 10, 11, 12, 13
    ("2024-11-07 15:30", 5, W, "2024-11-15"),  # after 15:00 → Fri 8 → 11, 12, 13, 14, 15
    ("2024-04-17 10:00", 15, D, "2024-05-02"),
    ("2024-04-26 10:00", 7, W, "2024-05-09"),  # 2/5, 3/5, 4/5 (Sat), 6, 7, 8, 9
    ("2024-02-07 10:00", 3, W, "2024-02-19"),
    ("2024-06-14 10:00", 1, D, "2024-06-17"),  # Sat 15 → Mon 17
    ("2024-06-14 15:30", 2, D, "2024-06-19"),  # after 15:00 → receipt Mon 17 → Wed 19
]


@pytest.fixture(scope="module")
def calendar() -> WorkingCalendar:
    return WorkingCalendar(extra_off={dt.date(2026, 1, 2): "Nghỉ Tết Dương lịch (bổ sung)"},
                           extra_work={dt.date(2026, 1, 10): "Làm bù cho ngày 02/01/2026"})


def test_the_golden_table_has_at_least_60_cases() -> None:
    assert len(GOLDEN) >= 60


@pytest.mark.parametrize(("received", "amount", "unit", "due"), GOLDEN)
def test_golden_due_dates(calendar: WorkingCalendar, received: str, amount: int,
                          unit: TimeUnit, due: str) -> None:
    assert compute_due(at(received), amount, unit, calendar).due == dt.date.fromisoformat(due)


def test_without_the_overrides_the_package_alone_is_used() -> None:
    plain = WorkingCalendar()
    assert compute_due(at("2025-12-31 10:00"), 1, W, plain).due == dt.date(2026, 1, 2)
    assert compute_due(at("2026-01-08 10:00"), 2, W, plain).due == dt.date(2026, 1, 12)


def test_the_explanation_reads_step_by_step_in_vietnamese(calendar: WorkingCalendar) -> None:
    result = compute_due(at("2024-02-07 10:00"), 3, W, calendar)
    text = "\n".join(result.explanation)
    assert "Nhận hồ sơ lúc thứ Tư 07/02/2024 10:00" in text
    assert "3 ngày làm việc" in text
    assert "Không tính các ngày nghỉ: 08/02/2024 (29 Tết)" in text  # skipped days, by name
    assert result.explanation[-1] == "Hạn trả kết quả: thứ Hai 19/02/2024 (ngày làm việc thứ 3)."
    late = compute_due(at("2024-02-07 16:00"), 3, W, calendar)
    assert "Nhận sau 15:00: tính như nhận vào ngày làm việc tiếp theo, thứ Năm 15/02/2024." \
        in late.explanation
    assert late.due == dt.date(2024, 2, 20)


def test_calendar_day_explanation_names_the_holiday(calendar: WorkingCalendar) -> None:
    result = compute_due(at("2024-08-23 10:00"), 10, D, calendar)
    assert any("Quốc khánh" in step for step in result.explanation)
    assert result.explanation[-1] == "Hạn trả kết quả: thứ Tư 04/09/2024."


def test_press_conference_notice_is_due_24_hours_before() -> None:
    result = notice_deadline(dt.datetime(2024, 9, 4, 9, 30), 24)
    assert result.due == dt.datetime(2024, 9, 3, 9, 30)
    assert "24 giờ" in result.explanation[-1]


def test_a_time_limit_below_one_is_refused(calendar: WorkingCalendar) -> None:
    with pytest.raises(ValueError):
        compute_due(at("2024-06-10 10:00"), 0, W, calendar)
