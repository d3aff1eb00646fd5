"""Parties through the services: validation, deduplication, NFC, optimistic locking, indexing."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import func, select

from sotttt_desktop.core.models import Party, SearchEntry
from sotttt_desktop.errors import ConflictError, DuplicateError, ValidationError
from sotttt_desktop.services import Services


def _count(services: Services, model: type = Party) -> int:
    with services.db.session() as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def test_adds_an_organisation_with_its_district_and_commune(services: Services) -> None:
    record = services.parties.add(
        kind="org", name="Công ty TNHH In Đức Hưng", tax_code="3700123456",
        address="Số 12 đường Yersin", district_code="Thủ Dầu Một", commune_code="Phường Phú Cường",
        legal_representative="Nguyễn Văn An", phone="0274 3822 111", email="in@duchung.vn")
    assert record["district_code"] == 718
    assert record["commune_code"] == 25747
    assert record["phone"] == "02743822111"
    assert record["version"] == 1
    assert record["created_by"] == "tester"
    data = services.parties.as_json(record)
    assert data["district"] == "Thành phố Thủ Dầu Một"


def test_decomposed_text_is_stored_as_nfc(services: Services) -> None:
    name = unicodedata.normalize("NFD", "Công ty Cổ phần Truyền thông Đại Nam")
    record = services.parties.add(kind="org", name=name)
    stored = services.parties.get(record["id"])["name"]
    assert stored == unicodedata.normalize("NFC", name)
    assert unicodedata.is_normalized("NFC", stored)


def test_branch_tax_code_is_normalised(services: Services) -> None:
    record = services.parties.add(kind="org", name="Chi nhánh A", tax_code="3700123456 001")
    assert record["tax_code"] == "3700123456-001"


@pytest.mark.parametrize("tax_code", ["12345", "37001234567", "3700123456-01", "37OO123456"])
def test_invalid_tax_code_is_refused_and_nothing_is_written(services: Services, tax_code: str
                                                            ) -> None:
    with pytest.raises(ValidationError) as info:
        services.parties.add(kind="org", name="Công ty Sai Mã", tax_code=tax_code)
    assert "tax_code" in info.value.field_errors
    assert "Mã số thuế gồm 10 chữ số" in info.value.field_errors["tax_code"]
    assert _count(services) == 0
    assert _count(services, SearchEntry) == 0


def test_every_bad_field_is_reported_at_once(services: Services) -> None:
    with pytest.raises(ValidationError) as info:
        services.parties.add(kind="person", name="", citizen_id="123", phone="12",
                             email="không-phải-email", date_of_birth="31/02/1990")
    assert set(info.value.field_errors) == {"name", "citizen_id", "phone", "email",
                                            "date_of_birth"}


def test_duplicate_tax_code_names_the_existing_organisation(services: Services) -> None:
    first = services.parties.add(kind="org", name="Công ty In Phú Cường", tax_code="3701234567")
    with pytest.raises(DuplicateError) as info:
        services.parties.add(kind="org", name="Công ty khác", tax_code="3701234567")
    assert "Công ty In Phú Cường" in str(info.value)
    assert info.value.existing_id == first["id"]
    assert _count(services) == 1


def test_duplicate_citizen_id_is_refused(services: Services) -> None:
    services.parties.add(kind="person", name="Trần Thị Bích", citizen_id="074190001234")
    with pytest.raises(DuplicateError):
        services.parties.add(kind="person", name="Trần Thị B", citizen_id="074190001234")


def test_commune_must_belong_to_the_district(services: Services) -> None:
    with pytest.raises(ValidationError) as info:
        services.parties.add(kind="org", name="Công ty X", district_code="Dĩ An",
                             commune_code="Phường Phú Cường")
    assert "commune_code" in info.value.field_errors


def test_person_fields_are_cleared_for_an_organisation(services: Services) -> None:
    record = services.parties.add(kind="org", name="Công ty Y", citizen_id="074190001234")
    assert record["citizen_id"] is None


def test_stale_update_is_refused_instead_of_overwriting(services: Services) -> None:
    record = services.parties.add(kind="org", name="Công ty Z", tax_code="3709999999")
    services.parties.update(record["id"], 1, kind="org", name="Công ty Z (đổi tên)",
                            tax_code="3709999999")
    with pytest.raises(ConflictError):
        services.parties.update(record["id"], 1, kind="org", name="Công ty Z cũ",
                                tax_code="3709999999")
    assert services.parties.get(record["id"])["name"] == "Công ty Z (đổi tên)"
    assert services.parties.get(record["id"])["version"] == 2


def test_update_refreshes_the_search_index(services: Services) -> None:
    record = services.parties.add(kind="org", name="Công ty Ánh Dương")
    services.parties.update(record["id"], 1, kind="org", name="Công ty Bình Minh")
    assert [h.title for h in services.search.query("binh minh")] == ["Công ty Bình Minh"]
    assert services.search.query("anh duong") == []


def test_update_may_keep_its_own_tax_code(services: Services) -> None:
    record = services.parties.add(kind="org", name="Công ty Q", tax_code="3705555555")
    updated = services.parties.update(record["id"], 1, kind="org", name="Công ty Q mới",
                                      tax_code="3705555555")
    assert updated["tax_code"] == "3705555555"
