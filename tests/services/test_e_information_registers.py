"""The registers of electronic information (issue #16): the websites and game points the
Department licensed, written from the licences and certificates it issues — never typed twice —
and following them through extension, suspension and revocation."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.errors import ValidationError
from sotttt_desktop.registers import registers_of
from sotttt_desktop.services import Services
from tests.permit_samples import SAMPLES, issue_at_the_desk


def _org(services: Services, name: str, tax_code: str) -> dict:
    return services.parties.add(kind="org", name=name, tax_code=tax_code, district_code="718",
                                address="Số 1 Đại lộ Bình Dương, phường Phú Hòa",
                                legal_representative="Nguyễn Văn An", phone="0274 3811 111")


def _issue(services: Services, holder: dict, procedure: str, **kw: object) -> dict:
    return issue_at_the_desk(services, holder, procedure, **kw)


def _entries(services: Services, key: str) -> list[dict]:
    return list(services.registers.iter_records(key))


def test_the_area_keeps_both_registers() -> None:
    assert registers_of("e_information") == ["websites", "game_points", "ad_violations"]


def test_a_website_licence_writes_its_entry_and_its_extension_updates_it(
        services: Services) -> None:
    holder = _org(services, "Công ty Cổ phần Truyền thông Sông Bé", "3700111222")
    licence = _issue(services, holder, "e_information.website.issue",
                     details=SAMPLES["e_information.website"],
                     valid_until=dt.date(2029, 3, 15))
    [entry] = _entries(services, "websites")
    assert entry["domain"] == SAMPLES["e_information.website"]["domain"]
    assert entry["holder_name"] == "Công ty Cổ phần Truyền thông Sông Bé"
    assert entry["holder_tax_code"] == "3700111222"
    assert entry["licence_no"] == licence["number"]
    assert entry["licence_date"] == dt.date(2024, 3, 15)
    assert entry["valid_until"] == dt.date(2029, 3, 15)
    assert entry["responsible"] == SAMPLES["e_information.website"]["responsible"]
    assert entry["state"] == "active" and entry["extensions"] == 0
    extended = _issue(services, holder, "e_information.website.extend",
                      replaces=licence["number"], extend_months=24)
    [entry] = _entries(services, "websites")  # the same entry, not a second one
    assert entry["licence_no"] == extended["number"]
    assert entry["valid_until"] == extended["valid_until"] == dt.date(2031, 3, 15)
    assert entry["extensions"] == 1
    services.permits.decide(extended["number"], "suspend", reason="Không khắc phục vi phạm",
                            until=dt.date.today() + dt.timedelta(days=30))
    assert _entries(services, "websites")[0]["state"] == "suspended"


def test_a_website_licence_is_extended_twice_and_refused_a_third_time(
        services: Services) -> None:
    """ND 72/2013 Art. 23h(3): at most two extensions, each of at most two years."""
    holder = _org(services, "Công ty TNHH Tin tức Phú Lợi", "3700111333")
    licence = _issue(services, holder, "e_information.website.issue",
                     details=SAMPLES["e_information.website"],
                     valid_until=dt.date(2029, 3, 15))
    latest = licence["number"]
    for expected_until in (dt.date(2031, 3, 15), dt.date(2033, 3, 15)):
        latest = _issue(services, holder, "e_information.website.extend", replaces=latest,
                        extend_months=24)["number"]
        [entry] = _entries(services, "websites")
        assert entry["valid_until"] == expected_until and entry["licence_no"] == latest
    assert entry["extensions"] == 2
    permits = len(services.permits.list(limit=100))
    with pytest.raises(ValidationError, match="số lần tối đa"):
        _issue(services, holder, "e_information.website.extend", replaces=latest,
               extend_months=12)
    [entry] = _entries(services, "websites")  # nothing written
    assert (entry["extensions"], entry["licence_no"], entry["valid_until"]) == (
        2, latest, dt.date(2033, 3, 15))
    assert len(services.permits.list(limit=100)) == permits


def test_a_domain_is_licensed_to_one_holder(services: Services) -> None:
    first = _org(services, "Công ty Cổ phần Truyền thông Sông Bé", "3700111222")
    other = _org(services, "Công ty TNHH Tin Nhanh", "3700111333")
    _issue(services, first, "e_information.website.issue",
           details=SAMPLES["e_information.website"], valid_until=dt.date(2029, 3, 15))
    permits_before = len(services.permits.list())
    with pytest.raises(ValidationError, match="chuyển nhượng|transfer"):
        _issue(services, other, "e_information.website.issue",
               details=SAMPLES["e_information.website"], valid_until=dt.date(2029, 3, 15))
    assert len(services.permits.list()) == permits_before  # nothing half-written
    assert [e["holder_name"] for e in _entries(services, "websites")] == [
        "Công ty Cổ phần Truyền thông Sông Bé"]


def test_a_game_point_certificate_writes_the_point_and_its_owner(services: Services) -> None:
    holder = services.parties.add(kind="person", name="Trần Văn Bình",
                                  citizen_id="074090001234", district_code="718",
                                  address="Số 5 đường Yersin, phường Phú Cường",
                                  phone="0909 123 456")
    sample = SAMPLES["e_information.game_point"]
    certificate = _issue(services, holder, "e_information.game_point.issue", details=sample,
                         valid_until=dt.date(2027, 3, 15))
    [entry] = _entries(services, "game_points")
    assert entry["point_address"] == sample["point_address"]
    assert entry["owner_name"] == sample["owner_name"]
    assert entry["holder_name"] == "Trần Văn Bình"
    assert entry["licence_no"] == certificate["number"] and "/GCN-" in entry["licence_no"]
    assert entry["valid_until"] == dt.date(2027, 3, 15)
    assert entry["school_check"] is None or entry["school_check"] == "not_checked"
    # the checks the specialist records on the entry are kept when the certificate changes
    from sotttt_desktop.services.records import edit_text

    raw = {f.name: edit_text(f, entry[f.name]) for f in _spec().fields}
    services.registers.update("game_points", entry["id"],
                              {**raw, "machines": "32", "school_check": "far_enough"},
                              expected_version=entry["version"])
    services.permits.decide(certificate["number"], "revoke", reason="Vi phạm giờ hoạt động")
    [entry] = _entries(services, "game_points")
    assert entry["state"] == "ceased" and entry["machines"] == 32
    assert entry["school_check"] == "far_enough"


def _spec():  # noqa: ANN202
    from sotttt_desktop.registers import get_register

    return get_register("game_points")
