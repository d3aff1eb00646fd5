"""A register entry held by one holder is never taken over by another's permit; a transfer
(the new holder applies, replacing the former holder's permit) moves it, in one transaction."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.errors import ValidationError
from sotttt_desktop.services import Services
from tests.documents.helpers import pdf_text
from tests.permit_samples import sample

SERIAL = "SN9862907"


@pytest.fixture
def seller(services: Services) -> dict:
    return services.parties.add(kind="org", name="Công ty TNHH Photo Sông Bé",
                                tax_code="3700999111", district_code="718",
                                address="Số 5 đường 30/4")


@pytest.fixture
def buyer(services: Services) -> dict:
    return services.parties.add(kind="org", name="Công ty Cổ phần In Ấn Phú Cường",
                                tax_code="3700999222", district_code="718",
                                address="Số 9 đường Yersin")


def _approved(services: Services, party: dict, procedure: str) -> str:
    code = services.dossiers.receive(procedure, party["id"],
                                     received_at=dt.datetime(2024, 3, 1, 9))["code"]
    services.dossiers.act(code, "start_appraisal")
    services.dossiers.act(code, "approve")
    return code


def _register(services: Services, party: dict, model: str) -> tuple[str, dict]:
    code = _approved(services, party, "publishing.photocopier.register")
    details = {**sample("publishing.photocopier"), "serial_no": SERIAL, "make_model": model}
    return code, services.permits.issue(code, subject="", on=dt.date(2024, 3, 15),
                                        details=details)


def _entries(services: Services) -> list[dict]:
    return list(services.registers.iter_records("colour_copiers"))


def test_another_holders_machine_is_not_taken_over(services: Services, seller: dict,
                                                   buyer: dict) -> None:
    _code, first = _register(services, seller, "Canon iR-ADV C5535i")
    code = _approved(services, buyer, "publishing.photocopier.register")
    with pytest.raises(ValidationError) as refused:
        services.permits.issue(code, subject="", on=dt.date(2024, 3, 20), details={
            **sample("publishing.photocopier"), "serial_no": SERIAL, "make_model": "Ricoh"})
    message = str(refused.value)
    assert SERIAL in message and seller["name"] in message and first["number"] in message
    assert "chuyển nhượng" in message
    # nothing written: no permit, no number, the dossier still waits, the entry is the seller's
    assert [p["number"] for p in services.permits.list()] == [first["number"]]
    assert services.dossiers.show(code)["state"] == "approved"
    (entry,) = _entries(services)
    assert (entry["holder_name"], entry["make_model"], entry["licence_no"]) == (
        seller["name"], "Canon iR-ADV C5535i", first["number"])
    assert services.permits.show(first["number"])["state"] == "valid"
    other = services.permits.issue(code, subject="", on=dt.date(2024, 3, 20), details={
        **sample("publishing.photocopier"), "serial_no": "SN0000001"})
    assert other["number"] == "02/XN-STTTT"  # the refused issue consumed no number
    assert len(_entries(services)) == 2


def test_a_transfer_moves_the_machine_to_the_buyer(services: Services, seller: dict,
                                                   buyer: dict) -> None:
    _code, first = _register(services, seller, "Canon iR-ADV C5535i")
    code = _approved(services, buyer, "publishing.photocopier.transfer")
    assert [p["number"] for p in services.permits.replaceable(code)] == [first["number"]]
    form = services.permits.contents_form(code, first["reference"])
    assert form["texts"]["serial_no"] == SERIAL
    assert form["texts"]["location"] == buyer["address"]  # where the buyer uses it
    moved = services.permits.issue(code, subject="", on=dt.date(2024, 4, 2),
                                   replaces=first["reference"],
                                   details={"location": buyer["address"]})
    assert moved["holder"] == buyer["name"] and moved["action"] == "transfer"
    assert moved["details"]["serial_no"] == SERIAL
    assert moved["details"]["make_model"] == "Canon iR-ADV C5535i"
    assert moved["replaces_chain"][0]["number"] == first["number"]
    assert services.permits.show(first["reference"])["state"] == "superseded"
    (entry,) = _entries(services)
    assert (entry["holder_name"], entry["licence_no"], entry["location"]) == (
        buyer["name"], moved["number"], buyer["address"])
    # the document names the seller, whose confirmation it replaces; the register of outgoing
    # documents records it as the Văn thư writes it
    text = " ".join(pdf_text(services.documents.render("permit", moved["reference"]).pdf).split())
    assert (f"thay thế Giấy xác nhận đăng ký sử dụng máy photocopy màu, máy in có chức năng "
            f"photocopy màu số {first['number']} ngày 15/03/2024 cấp cho {seller['name']}.") in text
    assert (f"Nội dung thay đổi: - Tổ chức, cá nhân được cấp: {buyer['name']} (trước đây: "
            f"{seller['name']})") in text
    entry = next(e for e in services.numbering.register(2024, "XN")
                 if e["text"] == moved["number"])
    assert entry["summary"] == (
        "Giấy xác nhận đăng ký sử dụng máy photocopy màu, máy in có chức năng photocopy màu "
        f"(Đăng ký chuyển nhượng máy đã xác nhận tại văn bản số {first['number']} ngày "
        f"15/03/2024) cấp cho {buyer['name']} (Canon iR-ADV C5535i)"), entry["summary"]
    assert entry["recipients"].startswith(buyer["name"])
    assert entry["file_copy"] == "VT, TTBCXB" and entry["copies"] == 3
    # the seller's confirmation no longer counts: selling it back replaces the buyer's
    back = _approved(services, seller, "publishing.photocopier.transfer")
    assert [p["number"] for p in services.permits.replaceable(back)] == [moved["number"]]


def test_a_transfer_goes_to_another_holder(services: Services, seller: dict) -> None:
    _code, first = _register(services, seller, "Canon iR-ADV C5535i")
    code = _approved(services, seller, "publishing.photocopier.transfer")
    assert services.permits.replaceable(code) == []
    with pytest.raises(ValidationError, match=first["number"]):
        services.permits.issue(code, subject="", on=dt.date(2024, 4, 2),
                               replaces=first["reference"])
    assert services.permits.show(first["reference"])["state"] == "valid"
    assert services.dossiers.show(code)["state"] == "approved"


def test_an_entry_typed_without_a_permit_is_matched_by_its_holder(services: Services,
                                                                  seller: dict,
                                                                  buyer: dict) -> None:
    services.registers.create("colour_copiers", {
        "serial_no": SERIAL, "machine_kind": "copier", "make_model": "Konica Minolta C300i",
        "holder_name": seller["name"], "holder_tax_code": seller["tax_code"],
        "district_code": "718", "state": "active"})
    code = _approved(services, buyer, "publishing.photocopier.register")
    with pytest.raises(ValidationError, match=f"{SERIAL}.*{seller['name']}"):
        services.permits.issue(code, subject="", on=dt.date(2024, 3, 20), details={
            **sample("publishing.photocopier"), "serial_no": SERIAL})
    assert services.permits.list() == []
    (entry,) = _entries(services)
    assert (entry["holder_name"], entry["make_model"]) == (seller["name"],
                                                           "Konica Minolta C300i")
    # the holder it names registers it: the entry becomes the permit's
    _code, permit = _register(services, seller, "Konica Minolta C300i")
    (entry,) = _entries(services)
    assert (entry["holder_name"], entry["licence_no"]) == (seller["name"], permit["number"])
