"""The permit register on a past day, rebuilt from its history (issue #21): a permit suspended
later is in force in the earlier report; revoked, replaced and not yet issued ones are told
apart; the decisions are dated by the register of outgoing documents."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.core import clock
from sotttt_desktop.services import Services
from sotttt_desktop.services.permits_as_of import permits_as_of
from tests.permit_samples import sample

FAMILY = "e_information.website"


def _issued(services: Services, holder: str, on: dt.date, domain: str) -> dict:
    clock.set_working_date(on)
    received = dt.datetime.combine(on - dt.timedelta(days=1), dt.time(9))  # not "today at
    code = services.dossiers.receive(f"{FAMILY}.issue", holder,  # 09:00": maybe still to come
                                     received_at=received)["code"]
    services.dossiers.act(code, "start_appraisal")
    services.dossiers.act(code, "approve")
    return services.permits.issue(code, subject=f"https://{domain}", on=on,
                                  details=sample(FAMILY, but="domain"))


def _counts(services: Services, day: dt.date) -> dict:
    [row] = [r for r in permits_as_of(services, day) if r["family"] == FAMILY]
    return {k: row[k] for k in ("valid", "suspended", "revoked", "superseded", "ended")}


@pytest.fixture
def holder(services: Services) -> str:
    return services.parties.add(kind="org", name="Công ty Cổ phần Tin tức Bình Dương",
                                tax_code="3700999888", district_code="718")["id"]


def test_a_permit_suspended_later_is_in_force_in_the_earlier_report(services: Services,
                                                                     holder: str) -> None:
    first = _issued(services, holder, dt.date(2024, 2, 1), "a.vn")
    second = _issued(services, holder, dt.date(2024, 3, 1), "b.vn")
    clock.set_working_date(dt.date(2024, 6, 10))  # suspended on 10/06 until 10/08
    services.permits.decide(first["number"], "suspend", reason="Chưa khắc phục vi phạm",
                            until=dt.date(2024, 8, 10))
    clock.set_working_date(dt.date(2024, 9, 2))  # the second revoked on 02/09
    services.permits.decide(second["number"], "revoke", reason="Vi phạm nghiêm trọng")
    clock.set_working_date(dt.date(2024, 11, 29))
    assert services.permits.show(first["reference"])["state"] == "suspended"  # today's state
    assert _counts(services, dt.date(2024, 2, 15)) == {
        "valid": 1, "suspended": 0, "revoked": 0, "superseded": 0, "ended": 0}
    assert _counts(services, dt.date(2024, 3, 31)) == {  # both in force: Q1's end
        "valid": 2, "suspended": 0, "revoked": 0, "superseded": 0, "ended": 0}
    assert _counts(services, dt.date(2024, 6, 30)) == {  # the first suspended: H1's end
        "valid": 1, "suspended": 1, "revoked": 0, "superseded": 0, "ended": 0}
    assert _counts(services, dt.date(2024, 9, 30)) == {  # suspension over; the second revoked
        "valid": 1, "suspended": 0, "revoked": 1, "superseded": 0, "ended": 0}
    assert [r for r in permits_as_of(services, dt.date(2024, 1, 31))
            if r["family"] == FAMILY] == []  # nothing issued yet
