"""The one-stop step rules of ND 61/2018 Art. 19, on the working-day calendar (issue #14):
a supplement only within 03 working days of receipt (07 for postal procedures, ND 47/2011
Art. 8), an apology at the latest 01 working day before the due date and once, a dossier the
Department has finished with (refused, result ready) or that waits for the applicant never
overdue, a late result or return recorded with its working days. Golden dates around Tết 2024
(08–14/02/2024 off) and a make-up Saturday."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.errors import ValidationError
from sotttt_desktop.services import Services

WEBSITE = "e_information.website.issue"  # 10 working days
POSTAL = "postal.licence.issue"


@pytest.fixture
def applicant(services: Services) -> dict:
    return services.parties.add(kind="org", name="Công ty TNHH Truyền thông Sông Bé",
                                tax_code="3700111222", district_code="718")


def _at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def _receive(services: Services, applicant: dict, when: str, procedure: str = WEBSITE) -> str:
    return services.dossiers.receive(procedure, applicant["id"], received_at=_at(when))["code"]


def test_a_supplement_within_three_working_days_across_tet(services: Services,
                                                           applicant: dict) -> None:
    # received Wed 07/02/2024 10:00; Tết 08–14/02 off: working days 15/02, 16/02, 19/02
    on_day_three = _receive(services, applicant, "2024-02-07 10:00")
    services.dossiers.act(on_day_three, "request_supplement", reason="Thiếu sơ yếu lý lịch",
                          at=_at("2024-02-19 16:30"))
    assert services.dossiers.show(on_day_three)["state"] == "supplement_requested"
    on_day_four = _receive(services, applicant, "2024-02-07 10:00")
    entries = services.audit.count()
    with pytest.raises(ValidationError) as refused:
        services.dossiers.act(on_day_four, "request_supplement", reason="Thiếu sơ yếu lý lịch",
                              at=_at("2024-02-20 08:00"))
    assert "03 ngày làm việc" in str(refused.value) and "19/02/2024" in str(refused.value)
    assert "Điều 19 khoản 4" in str(refused.value)
    assert services.dossiers.show(on_day_four)["state"] == "received"
    assert services.audit.count() == entries  # nothing written


def test_after_three_pm_the_window_counts_from_the_next_working_day(
        services: Services, applicant: dict) -> None:
    late_in_the_day = _receive(services, applicant, "2024-02-07 16:00")  # as if on 15/02
    services.dossiers.act(late_in_the_day, "start_appraisal", at=_at("2024-02-15 09:00"))
    services.dossiers.act(late_in_the_day, "request_supplement", reason="Thiếu bản sao",
                          at=_at("2024-02-20 10:00"))  # the third working day after 15/02
    again = _receive(services, applicant, "2024-02-07 16:00")
    with pytest.raises(ValidationError, match="20/02/2024"):
        services.dossiers.act(again, "request_supplement", reason="Thiếu bản sao",
                              at=_at("2024-02-21 10:00"))


def test_a_make_up_saturday_counts_as_a_working_day(services: Services, applicant: dict) -> None:
    services.calendar.set_override(dt.date(2024, 2, 17), "work", reason="làm bù")
    code = _receive(services, applicant, "2024-02-07 10:00")  # 15/02, 16/02, Sat 17/02
    with pytest.raises(ValidationError, match="17/02/2024"):
        services.dossiers.act(code, "request_supplement", reason="Thiếu bản sao",
                              at=_at("2024-02-19 09:00"))


def test_a_postal_dossier_has_seven_working_days(services: Services, applicant: dict) -> None:
    code = _receive(services, applicant, "2024-03-04 09:00", POSTAL)  # Mon
    services.dossiers.act(code, "request_supplement", reason="Thiếu phương án kinh doanh",
                          at=_at("2024-03-13 10:00"))  # the 7th working day
    other = _receive(services, applicant, "2024-03-04 09:00", POSTAL)
    with pytest.raises(ValidationError, match="Nghị định 47/2011"):
        services.dossiers.act(other, "request_supplement", reason="Thiếu phương án",
                              at=_at("2024-03-14 10:00"))


def test_an_apology_at_the_latest_a_working_day_before_the_due_date_and_once(
        services: Services, applicant: dict) -> None:
    on_due_date = _receive(services, applicant, "2024-02-07 16:00")  # due Thu 29/02/2024
    with pytest.raises(ValidationError) as refused:
        services.dossiers.act(on_due_date, "apologise", reason="Chờ ý kiến Bộ",
                              new_due=dt.date(2024, 3, 8), at=_at("2024-02-29 08:00"))
    assert "28/02/2024" in str(refused.value) and "Điều 19 khoản 9" in str(refused.value)
    day_before = _receive(services, applicant, "2024-02-07 16:00")
    moved = services.dossiers.act(day_before, "apologise", reason="Chờ ý kiến Bộ",
                                  new_due=dt.date(2024, 3, 8), at=_at("2024-02-28 16:45"))
    assert moved["due"] == dt.date(2024, 3, 8)
    with pytest.raises(ValidationError, match="một lần"):
        services.dossiers.act(day_before, "apologise", reason="lần hai",
                              new_due=dt.date(2024, 3, 15), at=_at("2024-03-01 09:00"))
    steps = services.dossiers.available_steps(services.dossiers.show(on_due_date))
    assert steps["apologise"] and "Điều 19 khoản 9" in steps["apologise"]


def _overdue_codes(services: Services) -> set[str]:
    return {d["code"] for d in services.dossiers.list(overdue=True, limit=1000)}


def test_a_dossier_done_with_or_waiting_for_the_applicant_is_never_overdue(
        services: Services, applicant: dict) -> None:
    running = _receive(services, applicant, "2024-02-07 10:00")
    refused = _receive(services, applicant, "2024-02-07 10:00")
    services.dossiers.act(refused, "start_appraisal", at=_at("2024-02-15 09:00"))
    services.dossiers.act(refused, "refuse", reason="Tên miền không đúng quy định",
                          at=_at("2024-02-20 09:00"))
    waiting = _receive(services, applicant, "2024-02-07 10:00")
    services.dossiers.act(waiting, "request_supplement", reason="Thiếu bản sao",
                          at=_at("2024-02-16 09:00"))
    # long after the due date (28/02/2024): only the dossier the Department still owes is late
    assert {running, refused, waiting} & _overdue_codes(services) == {running}
    shown = services.dossiers.show(refused)
    assert shown["status"] == "early" and shown["decided_at"] is not None
    assert services.dossiers.show(waiting)["status"] == "paused"
    # handed back a week after the due date: recorded as late by its working days
    services.dossiers.act(refused, "return_result", at=_at("2024-03-06 10:00"))
    returned = services.dossiers.show(refused)
    assert returned["status"] == "early"  # the decision came in time
    assert "sau ngày hẹn trả" in returned["timeline"][-1]["detail"]
    assert "5 ngày làm việc" in returned["timeline"][-1]["detail"]


def test_a_result_ready_after_the_due_date_is_late_by_its_working_days(
        services: Services, applicant: dict) -> None:
    code = _receive(services, applicant, "2024-02-07 10:00")  # due 28/02/2024
    services.dossiers.act(code, "start_appraisal", at=_at("2024-02-15 09:00"))
    services.dossiers.act(code, "refuse", reason="Không đủ điều kiện",
                          at=_at("2024-03-01 09:00"))  # Thu 29/02, Fri 01/03: 2 days late
    shown = services.dossiers.show(code)
    assert shown["status"] == "late"
    assert "2 ngày làm việc" in shown["timeline"][-1]["detail"]
    assert code not in _overdue_codes(services)


def test_the_window_offers_a_step_only_while_the_law_allows_it(services: Services,
                                                               applicant: dict) -> None:
    """The window (and the CLI's list of steps) disables what `act` would refuse, saying why."""
    from sotttt_desktop.core import clock

    code = _receive(services, applicant, "2024-02-07 10:00")
    clock.set_working_date(dt.date(2024, 2, 19))  # the third working day: still open
    assert services.dossiers.available_steps(services.dossiers.show(code))[
        "request_supplement"] is None
    clock.set_working_date(dt.date(2024, 2, 20))
    refusal = services.dossiers.available_steps(services.dossiers.show(code))["request_supplement"]
    assert refusal and "19/02/2024" in refusal and "Điều 19 khoản 4" in refusal
