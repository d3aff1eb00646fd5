"""The permit register: issue from an approved dossier, lineage, limits, suspension, revocation."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.errors import PermissionDeniedError, ValidationError
from sotttt_desktop.services import Services
from tests.permit_samples import sample


@pytest.fixture
def holder(services: Services) -> dict:
    return services.parties.add(kind="org", name="Công ty Cổ phần Tin tức Bình Dương",
                                tax_code="3700999888", district_code="718")


def _approved(services: Services, holder: dict, procedure: str) -> str:
    code = services.dossiers.receive(procedure, holder["id"],
                                     received_at=dt.datetime(2024, 3, 1, 9))["code"]
    services.dossiers.act(code, "start_appraisal")
    services.dossiers.act(code, "approve")
    return code


def _website(services: Services, holder: dict, **kw) -> dict:  # noqa: ANN003
    code = _approved(services, holder, "e_information.website.issue")
    return services.permits.issue(code, subject="https://tintucbinhduong.vn",
                                  on=dt.date(2024, 3, 15),
                                  details=sample("e_information.website", but="domain"), **kw)


def test_issue_from_an_approved_dossier(services: Services, holder: dict) -> None:
    permit = _website(services, holder)
    assert permit["number"] == "01/GP-STTTT"
    assert permit["valid_until"] == dt.date(2034, 3, 15)  # the longest term: 10 years
    assert permit["holder"] == holder["name"] and permit["state"] == "valid"
    assert services.dossiers.show(permit["dossier"])["state"] == "result_ready"
    returned = services.dossiers.act(permit["dossier"], "return_result")
    assert returned["state"] == "returned"


def test_only_approved_dossiers_get_a_result(services: Services, holder: dict) -> None:
    code = services.dossiers.receive("e_information.website.issue", holder["id"],
                                     received_at=dt.datetime(2024, 3, 1, 9))["code"]
    with pytest.raises(ValidationError, match="phê duyệt"):
        services.permits.issue(code, subject="x")
    assert services.permits.list() == []


def test_validity_longer_than_the_kind_allows_is_refused(services: Services, holder: dict
                                                         ) -> None:
    with pytest.raises(ValidationError, match="10 năm"):
        _website(services, holder, valid_until=dt.date(2035, 1, 1))
    assert services.permits.list() == []


def test_two_extensions_of_at_most_two_years_then_no_more(services: Services, holder: dict
                                                          ) -> None:
    first = _website(services, holder, valid_until=dt.date(2026, 3, 15))
    number = first["reference"]
    too_long = _approved(services, holder, "e_information.website.extend")
    with pytest.raises(ValidationError, match="24 tháng"):
        services.permits.issue(too_long, subject="", replaces=number, extend_months=36)
    for expected_until in (dt.date(2028, 3, 15), dt.date(2030, 3, 15)):
        code = _approved(services, holder, "e_information.website.extend")
        extended = services.permits.issue(code, subject="", replaces=number, extend_months=24)
        assert extended["valid_until"] == expected_until
        assert services.permits.show(number)["state"] == "superseded"
        number = extended["reference"]
    code = _approved(services, holder, "e_information.website.extend")
    with pytest.raises(ValidationError, match="2 lần"):
        services.permits.issue(code, subject="", replaces=number, extend_months=12)
    chain = services.permits.show(number)["replaces_chain"]
    assert [c["number"] for c in chain] == ["01/GP-STTTT", "01/GP-STTTT"]  # 2026, then 2024


def test_a_revoked_permit_cannot_be_amended(services: Services, holder: dict) -> None:
    permit = _website(services, holder)
    revoked = services.permits.decide(permit["reference"], "revoke",
                                      reason="Vi phạm Điều 5 khoản 1 Nghị định 72/2013/NĐ-CP")
    # numbered by the register: the first administrative document of this year
    assert revoked["state"] == "revoked" and revoked["decision_number"] == "01/QĐ-STTTT"
    code = _approved(services, holder, "e_information.website.amend")
    with pytest.raises(ValidationError, match="đã bị thu hồi"):
        services.permits.issue(code, subject="", replaces=permit["reference"])
    assert services.dossiers.show(code)["state"] == "approved"  # nothing written


def test_suspension_needs_a_decision_and_an_end(services: Services, holder: dict) -> None:
    permit = _website(services, holder)
    with pytest.raises(ValidationError):
        services.permits.decide(permit["number"], "suspend", reason="", until=dt.date(2099, 1, 1))
    with pytest.raises(TypeError):  # no number is typed: the register gives it
        services.permits.decide(permit["number"], "suspend",  # type: ignore[call-arg]
                                decision_number="15/QĐ-STTTT", reason="x",
                                until=dt.date.today() + dt.timedelta(days=9))
    for reason, until, words in (
            ("x" * 2001, dt.date.today() + dt.timedelta(days=9), "2000"),
            ("x", dt.date(9999, 12, 31), "3 (tháng|months)")):  # ≤ 3 months (website)
        with pytest.raises(ValidationError, match=words):
            services.permits.decide(permit["number"], "suspend", reason=reason, until=until)
    assert services.permits.show(permit["reference"])["state"] == "valid"  # nothing written
    suspended = services.permits.decide(permit["number"], "suspend",
                                        reason="Chưa khắc phục",
                                        until=dt.date.today() + dt.timedelta(days=90))
    assert suspended["state"] == "suspended"


def test_amendment_keeps_the_term_and_links_the_old(services: Services, holder: dict) -> None:
    permit = _website(services, holder)
    code = _approved(services, holder, "e_information.website.amend")
    amended = services.permits.issue(code, subject="https://tintucbinhduong.com.vn",
                                     replaces=permit["reference"], on=dt.date(2024, 5, 2))
    assert amended["valid_until"] == permit["valid_until"]
    assert amended["subject"] == "https://tintucbinhduong.com.vn"
    assert amended["number"] == "02/GP-STTTT"


def test_game_point_extension_is_a_decision_of_at_most_six_months(services: Services,
                                                                  holder: dict) -> None:
    code = _approved(services, holder, "e_information.game_point.issue")
    cert = services.permits.issue(code, subject="Điểm trò chơi 12 Yersin",
                                  on=dt.date(2024, 3, 15),
                                  details=sample("e_information.game_point", but="point_address"))
    assert cert["number"] == "01/GCN-STTTT" and cert["valid_until"] == dt.date(2027, 3, 15)
    code = _approved(services, holder, "e_information.game_point.extend")
    with pytest.raises(ValidationError, match="6 tháng"):
        services.permits.issue(code, subject="", replaces=cert["reference"], extend_months=7)
    extension = services.permits.issue(code, subject="", replaces=cert["reference"],
                                       extend_months=6)
    assert extension["number"].endswith("/QĐ-STTTT")
    assert extension["valid_until"] == dt.date(2027, 9, 15)


def test_expiring_soon_view(services: Services, holder: dict) -> None:
    today = dt.date.today()
    soon = _website(services, holder, valid_until=today + dt.timedelta(days=20))
    _website(services, holder, valid_until=today + dt.timedelta(days=400))
    assert [p["number"] for p in services.permits.list(expiring_within=30)] == [soon["number"]]


def test_only_signers_issue(services: Services, holder: dict) -> None:
    code = _approved(services, holder, "e_information.website.issue")
    services.security.add_user("mot.cua.2", "Một Cửa", "mat-khau-1", ["one_stop_clerk"],
                               must_change=False)
    clerk = services.as_actor(services.security.login("mot.cua.2", "mat-khau-1"))
    with pytest.raises(PermissionDeniedError):
        clerk.permits.issue(code, subject="x")


def test_two_hundred_concurrent_permit_issues_get_consecutive_numbers(services: Services,
                                                                      holder: dict) -> None:
    import threading

    codes = [_approved(services, holder, "publishing.photocopier.register") for _ in range(200)]
    numbers: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    barrier = threading.Barrier(10)

    def desk(share: list[str]) -> None:
        try:
            barrier.wait(timeout=60)
            for code in share:
                permit = services.permits.issue(
                    code, subject=f"Máy photocopy màu {code}", on=dt.date(2024, 4, 1),
                    details={**sample("publishing.photocopier", but="make_model"),
                             "serial_no": code})
                with lock:
                    numbers.append(permit["number"])
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=desk, args=(codes[i::10],)) for i in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert errors == []
    assert sorted(int(n.split("/")[0]) for n in numbers) == list(range(1, 201))
    assert all(n.endswith("/XN-STTTT") for n in numbers)
