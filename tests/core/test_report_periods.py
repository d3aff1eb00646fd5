"""Reporting periods and the report calendar (issue #21, REFERENCE-2 §11)."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.core import report_periods as rp
from sotttt_desktop.services import reports

D = dt.date


@pytest.mark.parametrize(("ref", "start", "end", "label"), [
    ("2024", D(2024, 1, 1), D(2024, 12, 31), "năm 2024"),
    ("2024-02", D(2024, 2, 1), D(2024, 2, 29), "tháng 02 năm 2024"),
    ("2024-Q3", D(2024, 7, 1), D(2024, 9, 30), "quý III năm 2024"),
    ("2024-h2", D(2024, 7, 1), D(2024, 12, 31), "6 tháng cuối năm 2024"),
    ("2024-9M", D(2024, 1, 1), D(2024, 9, 30), "9 tháng năm 2024"),
    # TT 02/2021/TT-TTCP: Q1 15/12 of the year before – 14/03; Q2–Q4 from the 15th of the last
    # month of the quarter before; the half 15/12–14/06; nine months to 14/09; the year to 14/12
    ("2024-Q1~", D(2023, 12, 15), D(2024, 3, 14), "quý I năm 2024"),
    ("2024-Q3~", D(2024, 6, 15), D(2024, 9, 14), "quý III năm 2024"),
    ("2024-H1~", D(2023, 12, 15), D(2024, 6, 14), "6 tháng đầu năm 2024"),
    ("2024-H2~", D(2024, 6, 15), D(2024, 12, 14), "6 tháng cuối năm 2024"),
    ("2024-9M~", D(2023, 12, 15), D(2024, 9, 14), "9 tháng năm 2024"),
    ("2024~", D(2023, 12, 15), D(2024, 12, 14), "năm 2024"),
    ("2024-03~", D(2024, 2, 15), D(2024, 3, 14), "tháng 3 năm 2024"),
    ("01/10/2024-31/12/2024", D(2024, 10, 1), D(2024, 12, 31),
     "từ ngày 01/10/2024 đến ngày 31/12/2024"),
])
def test_periods(ref: str, start: dt.date, end: dt.date, label: str) -> None:
    period = rp.parse(ref)
    assert (period.start, period.end, period.label) == (start, end, label)
    assert rp.parse(period.ref) == period  # the reference names it again


@pytest.mark.parametrize("ref", ["", "2024-13", "2024-Q0", "2024-H3", "1999", "24",
                                 "31/12/2024-01/10/2024", "30/02/2024-01/03/2024", "2024-Q1x"])
def test_what_names_no_period(ref: str) -> None:
    with pytest.raises(rp.PeriodError):
        rp.parse(ref)


def test_the_calendar_loads_checked_and_its_due_dates() -> None:
    kinds = {kind.key: kind for kind in reports.calendar()}
    one_stop = kinds["one_stop_statistics"]
    assert one_stop.document == "one-stop-statistics" and one_stop.drafted
    assert one_stop.due_on(one_stop.period("quarter", 2024, 3)) == D(2024, 9, 18)
    level = kinds["security_level_systems"]
    assert level.due_on(level.period("year", 2024, 1)) == D(2024, 11, 30)
    assert kinds["security_half_year"].case == "security_half_year_report"
    assert kinds["security_level_systems"].register == "security_reports"
    assert all(kind.drafted for kind in kinds.values())  # every report drafted or kept
    assert kinds["inspection_complaints"].document == "inspection-report"
    bad = reports.ReportKind(key="x", name="x", form="", basis="", recipient="", area="nowhere",
                             frequencies=("weekly",), period_rule="calendar", due="soon")
    with pytest.raises(ValueError, match="area nowhere.*frequencies.*due soon"):
        reports._checked(bad)
