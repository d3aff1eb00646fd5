"""Reference data (effective-dated, from resources) and the demo data generator."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from sqlalchemy import select

from sotttt_desktop.core import validation
from sotttt_desktop.core.models import Party
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.services import Services
from sotttt_desktop.services.demo import fill_demo
from sotttt_desktop.services.demo_inspection import party_names
from sotttt_desktop.services.demo_security import agency_names
from sotttt_desktop.services.demo_volume import PUBLIC_COMMUNES
from tests.conftest import DEMO_PARTIES


def test_the_nine_districts_and_91_communes_of_2023(services: Services) -> None:
    districts = services.reference.districts()
    assert len(districts) == 9
    assert sum(len(d.communes) for d in districts.values()) == 91
    assert districts[721].name == "Thị xã Bến Cát"


@pytest.mark.parametrize(("typed", "code"), [
    ("718", 718), ("Thành phố Thủ Dầu Một", 718), ("thu dau mot", 718), ("TP Dĩ An", 724),
    ("ben cat", 721), ("Huyện Bắc Tân Uyên", 726), ("tan uyen", 723),
])
def test_find_district_by_code_or_name(services: Services, typed: str, code: int) -> None:
    assert services.reference.find_district(typed) == code


def test_unknown_district_lists_the_known_ones(services: Services) -> None:
    with pytest.raises(ValidationError, match="Thành phố Dĩ An"):
        services.reference.find_district("Quận 1")


def test_default_profile_follows_the_decision(services: Services) -> None:
    profile = services.reference.profile()
    assert profile["parent_body"] == "ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG"
    assert profile["agency_name"] == "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
    assert profile["abbreviation"] == "STTTT"
    assert profile["place_name"] == "Bình Dương"
    units = [u["name"] for u in services.reference.units()]
    assert "Phòng Thông tin - Báo chí - Xuất bản" in units and len(units) == 7
    assert any(s["authority"] == "KT. GIÁM ĐỐC" for s in services.reference.signers())


def test_profile_changes_are_effective_dated(services: Services) -> None:
    old = services.reference.profile()
    merged = {**old, "agency_name": "SỞ KHOA HỌC VÀ CÔNG NGHỆ"}
    services.reference.save_profile(merged, dt.date(2025, 3, 1))
    assert services.reference.profile(dt.date(2024, 12, 31))["agency_name"] == old["agency_name"]
    assert services.reference.profile(dt.date(2025, 3, 1))["agency_name"] == \
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    assert len(services.reference.profile_versions()) == 3  # 2021, 2023 (shipped), 2025


def test_incomplete_profile_is_refused(services: Services) -> None:
    with pytest.raises(ValidationError) as info:
        services.reference.save_profile({"agency_name": ""}, dt.date(2025, 1, 1))
    assert "agency_name" in info.value.field_errors
    assert len(services.reference.profile_versions()) == 2


def test_demo_data_is_realistic_and_valid(demo_services: Services) -> None:
    with demo_services.db.session() as session:
        parties = session.execute(select(Party)).scalars().all()
    assert len(parties) == DEMO_PARTIES
    # among them the communes and foreign offices that apply for their own procedures (and the
    # provincial agencies that invest in IT projects and own information systems)
    agencies = {*agency_names(), *party_names()}  # and the complainants, the sanctioned
    parties = [p for p in parties if p.name not in agencies]  # the generated ones
    assert sum(p.name.startswith("Ủy ban nhân dân ") for p in parties) == PUBLIC_COMMUNES
    orgs = [p for p in parties if p.kind == "org"]
    people = [p for p in parties if p.kind == "person"]
    assert 0.75 < len(orgs) / len(parties) < 0.95
    assert {p.district_code for p in parties} == set(demo_services.reference.districts())
    for p in orgs:
        assert validation.tax_code(p.tax_code) is None, p.tax_code
    for p in people:
        assert validation.citizen_id(p.citizen_id) is None
        assert validation.past_date(p.date_of_birth.strftime("%d/%m/%Y")) is None
    for p in parties:
        assert validation.phone(p.phone) is None, p.phone
        assert validation.email(p.email) is None, p.email
        assert unicodedata.is_normalized("NFC", p.name)
        assert "tỉnh Bình Dương" in p.address
    years = {p.created_at.year for p in parties}
    assert len(years) >= 5
    assert len({p.tax_code for p in orgs}) == len(orgs)
    assert any(any(ch in p.name for ch in "ĐđƯưƠơ") for p in parties)


def test_demo_data_is_refused_on_a_database_with_parties(demo_services: Services) -> None:
    with pytest.raises(ValidationError):
        fill_demo(demo_services, scale=0.1)


def test_the_demo_build_indexes_every_party_and_keeps_the_index_trigger(tmp_path) -> None:  # noqa: ANN001
    """The bulk build sets the search index's trigger aside and rebuilds the index after the
    rows: every party is found, and a party added afterwards is indexed by the trigger again."""
    from sotttt_desktop.services.backup import check_database
    from sotttt_desktop.services.setup import initialise
    from sotttt_desktop.settings import sqlite_location
    from tests.conftest import TEST_ACTOR

    services = initialise(sqlite_location(tmp_path / "demo.sqlite3"), actor=TEST_ACTOR,
                          demo=True, scale=1)
    checks = {c["check"]: c for c in check_database(services, full=True).checks}
    assert checks["search_index"]["ok"] and checks["row_counts"]["ok"], checks
    party = services.parties.add(kind="org", name="Công ty TNHH Sau Cùng", tax_code="3709876543")
    assert [hit.title for hit in services.search.query("sau cung", kind="party")] == \
        [party["name"]]
    services.db.close()
