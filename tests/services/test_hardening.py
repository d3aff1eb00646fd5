"""#22, the classes of the adversarial review that live in the services' input gate: control
characters, foreign digits, dates outside any sane window, searches of thousands of words, the
district scope of the row being changed, and a permit whose holder was renamed after issue."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.core.text import clean
from sotttt_desktop.errors import (
    DuplicateError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from sotttt_desktop.services import Services
from sotttt_desktop.services.actor import Actor
from sotttt_desktop.services.search import QUERY_MAX_WORDS, search_words
from tests.permit_samples import sample

HOSTILE = "Công ty\x00 In\x1b[2J Bình\x07 \u202eDương\u200b\ufeff"


def _org(services: Services, name: str, tax_code: str, district: str = "718") -> dict:
    return services.parties.add(kind="org", name=name, tax_code=tax_code, district_code=district)


# --- class 17: control characters ----------------------------------------------------------------

def test_control_and_invisible_characters_never_reach_a_record(services: Services,
                                                               tmp_path) -> None:  # noqa: ANN001
    party = _org(services, HOSTILE, "3700111222")
    assert party["name"] == "Công ty In[2J Bình Dương"
    assert all(ch.isprintable() for ch in party["name"])
    with pytest.raises(ValidationError):  # a name of zero-width characters is no name
        _org(services, "\u200b\u200d\u2060", "3700111223")
    # the record then exports (NUL and ESC made XLSX export fail for good)
    out = tmp_path / "parties.xlsx"
    assert services.register_files.export("parties", out) == 1
    assert out.stat().st_size > 0
    assert clean("a\r\nb\tc\x0bd") == "a b c d"


# --- class 23: digits of other scripts -----------------------------------------------------------

def test_a_tax_code_in_full_width_or_arabic_indic_digits_is_the_same_tax_code(
        services: Services) -> None:
    first = _org(services, "Công ty A", "０１０１２３４５６７")
    assert first["tax_code"] == "0101234567"
    with pytest.raises(DuplicateError):
        _org(services, "Công ty B", "٠١٠١٢٣٤٥٦٧")


# --- class 24: dates within a window -------------------------------------------------------------

@pytest.mark.parametrize("day", ["31/12/9999", "01/01/0001", "9999-12-31", "01/01/1899"])
def test_a_date_outside_the_window_is_refused_with_the_window(services: Services,
                                                             day: str) -> None:
    with pytest.raises(ValidationError, match="từ 01/01/1900|01/01/1900"):
        services.parties.add(kind="person", name="Nguyễn Văn Bình", citizen_id="074090001234",
                             date_of_birth=day, district_code="718")


def test_an_apology_or_a_permit_term_cannot_reach_the_year_9999(services: Services) -> None:
    holder = _org(services, "Công ty Cổ phần Sông Bé", "3700111222")
    code = services.dossiers.receive("e_information.website.issue", holder["id"],
                                     received_at=dt.datetime(2024, 3, 1, 9))["code"]
    with pytest.raises(ValidationError, match="180"):
        services.dossiers.act(code, "apologise", reason="Chậm thẩm định",
                              new_due=dt.date(9999, 12, 31), at=dt.datetime(2024, 3, 8, 9))
    services.dossiers.act(code, "start_appraisal", at=dt.datetime(2024, 3, 8, 10))
    services.dossiers.act(code, "approve", at=dt.datetime(2024, 3, 11, 10))
    with pytest.raises(ValidationError):
        services.permits.issue(code, subject="https://songbe.vn", on=dt.date(2024, 3, 15),
                               valid_until=dt.date(9999, 12, 31),
                               details=sample("e_information.website", but="domain"))


# --- class 18: searches of thousands of words ----------------------------------------------------

def test_a_search_of_ten_thousand_words_is_capped(services: Services) -> None:
    _org(services, "Công ty In Đức Hưng", "3700111222")
    flood = " ".join(f"tu{i}" for i in range(10_000))
    assert len(search_words(flood)) == QUERY_MAX_WORDS
    assert services.search.query(flood) == []  # answered at once, not after minutes
    assert [hit.title for hit in services.search.query("cong ty in duc hung " + flood[:50])] \
        == []  # the cap keeps the first words: these do not all match
    assert [hit.title for hit in services.search.query("duc hung")] == ["Công ty In Đức Hưng"]
    assert services.dossiers.list(query=flood) == []
    assert services.parties.list(text=flood) == []


# --- class 6: the existing row's district --------------------------------------------------------

def _district_officer(services: Services, district: int) -> Services:
    return services.as_actor(Actor(username="dian", display_name="Cán bộ phòng VH-TT",
                                   authenticated=True, district_code=district,
                                   grants=frozenset({("directory", "*")})))


def test_a_district_officer_cannot_take_over_or_see_another_districts_record(
        services: Services) -> None:
    other = _org(services, "Công ty Thủ Dầu Một", "3700111222", district="718")  # Thủ Dầu Một
    officer = _district_officer(services, 724)  # Dĩ An
    spec_values = {"kind": "org", "name": "Bị chiếm", "tax_code": "3700111222",
                   "district_code": "724"}
    from sotttt_desktop.registers import get_register

    spec = get_register("parties")
    values = officer.registers.parse(spec, spec_values)
    with pytest.raises(PermissionDeniedError):  # the import path: write_many
        officer.registers.write_many(spec, [(other["id"], values)], summary="import")
    assert services.parties.get(other["id"])["name"] == "Công ty Thủ Dầu Một"
    # a duplicate outside the district is not named
    with pytest.raises(DuplicateError) as refused:
        officer.parties.add(kind="org", name="Công ty Dĩ An", tax_code="3700111222")
    assert "Thủ Dầu Một" not in str(refused.value)
    assert refused.value.existing_id is None
    # inside the district the duplicate is named, as before
    _org(services, "Công ty Dĩ An Xanh", "3700111333", district="724")
    with pytest.raises(DuplicateError, match="Dĩ An Xanh"):
        officer.parties.add(kind="org", name="Công ty khác", tax_code="3700111333")


def test_finding_an_applicant_keeps_the_district_scope(services: Services) -> None:
    """The CLI's `--applicant TAX_CODE` goes through PartyService.find: a district officer
    finds a party of the district, and one of another district is "not found"."""
    other = _org(services, "Công ty Thủ Dầu Một", "3700111222", district="718")
    own = _org(services, "Công ty Dĩ An Xanh", "3700111333", district="724")
    officer = _district_officer(services, 724)
    assert str(officer.parties.find("3700111333")) == str(own["id"])
    assert str(services.parties.find(str(other["id"]))) == str(other["id"])
    for text in ("3700111222", str(other["id"])):
        with pytest.raises(NotFoundError):
            officer.parties.find(text)


# --- class 22: a genuine permit after its holder is renamed --------------------------------------

def test_a_permit_still_verifies_after_its_holder_is_renamed(services: Services,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    monkeypatch.setenv("SOTTTT_DOCUMENT_FONT", "bundled")
    holder = _org(services, "Công ty Cổ phần Truyền thông Sông Bé", "3700111222")
    code = services.dossiers.receive("e_information.website.issue", holder["id"],
                                     received_at=dt.datetime(2024, 3, 1, 9))["code"]
    services.dossiers.act(code, "start_appraisal")
    services.dossiers.act(code, "approve")
    permit = services.permits.issue(code, subject="https://songbe.vn", on=dt.date.today(),
                                    details=sample("e_information.website", but="domain"))
    services.documents.render("permit", permit["number"])
    payload = services.documents.permit_data(permit["number"])["qr_payload"]
    current = services.parties.get(holder["id"])
    services.parties.update(holder["id"], current["version"], kind="org",
                            name="Công ty Cổ phần Truyền thông Bình Dương",
                            tax_code="3700111222", district_code="718")
    verdict = services.documents.verify(payload)
    assert verdict["status"] == "valid"
    assert verdict["permit"]["holder"] == "Công ty Cổ phần Truyền thông Sông Bé"  # as issued
    # and a code made out to the new name (even with this installation's key) is forged: the
    # register says the paper was issued to the old name
    from sotttt_desktop.core import verification

    facts = verification.read_signed(payload).facts
    renamed = verification.sign(services.verification._private_key(create=False),
                                verification.SignedFacts(**{**facts.__dict__, "holder":
                                                            "Công ty Cổ phần Truyền thông Bình "
                                                            "Dương"}))
    assert services.documents.verify(renamed)["status"] == "forged"
