"""Verification beyond this desk: a permit signed on installation A checks on installation B
that holds only A's public key; an altered code is forged; an unknown key says so; old HMAC
codes still verify where they were made; keys are imported by administrators, audited."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from sotttt_desktop.core import verification
from sotttt_desktop.core.models import AppState, AuditEntry
from sotttt_desktop.errors import PermissionDeniedError, ValidationError
from sotttt_desktop.services import Services
from sotttt_desktop.services.actor import Actor
from sotttt_desktop.services.setup import open_services
from sotttt_desktop.services.verification import LEGACY_KEY, describe
from sotttt_desktop.settings import sqlite_location
from tests.conftest import TEST_ACTOR
from tests.documents.helpers import pdf_text
from tests.permit_samples import SAMPLES

HOLDER = "Công ty Cổ phần Truyền thông Sông Bé"
VIEWER = Actor(username="xem", display_name="Người xem", authenticated=True,
               grants=frozenset({("*", "view")}))


@pytest.fixture(autouse=True)
def bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOTTTT_DOCUMENT_FONT", "bundled")


@pytest.fixture
def installation_a(db_path: Path) -> Iterator[Services]:
    services = open_services(sqlite_location(db_path)).as_actor(TEST_ACTOR)
    yield services
    services.db.close()


@pytest.fixture
def installation_b(template_db: Path, tmp_path: Path) -> Iterator[Services]:
    """Another Department's (or a district office's) installation, its own database and key."""
    path = tmp_path / "b" / "sotttt.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(template_db, path)
    services = open_services(sqlite_location(path)).as_actor(TEST_ACTOR)
    yield services
    services.db.close()


def _date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None


def _permit(services: Services, *, valid_until: dt.date | None = None) -> dict:
    holder = services.parties.add(kind="org", name=HOLDER, tax_code="3700111222",
                                  district_code="718", address="Số 1 Đại lộ Bình Dương")
    code = services.dossiers.receive("e_information.website.issue", holder["id"],
                                     received_at=dt.datetime(2024, 3, 1, 9))["code"]
    services.dossiers.act(code, "start_appraisal")
    services.dossiers.act(code, "approve")
    extra = {"valid_until": valid_until} if valid_until else {}
    return services.permits.issue(code, subject="https://songbe.vn", on=dt.date.today(),
                                  details=SAMPLES["e_information.website"], **extra)


def test_a_permit_of_a_verifies_on_b_given_only_the_public_key(
        installation_a: Services, installation_b: Services, tmp_path: Path) -> None:
    permit = _permit(installation_a)
    pdf = installation_a.documents.render("permit", permit["number"]).pdf
    path = tmp_path / "giay-phep.pdf"
    path.write_bytes(pdf)
    code = installation_a.documents.permit_data(permit["number"])["qr_payload"]
    # without A's key, B cannot tell: it says so, it does not call the permit forged
    unknown = installation_b.verification.verify(str(path))
    assert unknown["status"] == "unknown_key"
    assert unknown["label"].startswith("chưa kiểm tra được")
    key_file = installation_a.verification.export_public_key()
    imported = installation_b.verification.import_public_key(key_file)
    assert imported["agency"] == "SỞ THÔNG TIN VÀ TRUYỀN THÔNG (UBND TỈNH BÌNH DƯƠNG)"
    assert imported["fingerprint"] == installation_a.verification.own_key()["fingerprint"]
    assert installation_b.verification.own_key() is None or \
        installation_b.verification.own_key()["fingerprint"] != imported["fingerprint"]
    # B holds no permit, no HMAC secret, no private key of A: only the public key
    with installation_b.db.session() as session:
        assert session.get(AppState, "document_signing_key") is None or json.loads(
            session.get(AppState, "document_signing_key").value)["private_key"] not in key_file
    for given in (str(path), code, code.lower()):
        verdict = installation_b.verification.verify(given)
        assert verdict["status"] == "valid", given
        assert not verdict["checked_in_register"]
        assert verdict["signed_by"] == imported["agency"]
        facts = verdict["permit"]
        assert (facts["number"], facts["holder"], facts["issued_on"], facts["valid_until"]) == (
            permit["number"], HOLDER, dt.date.today(), _date(permit["valid_until"]))
        assert facts["valid_until"] is not None
    lines = describe(installation_b.verification.verify(code))
    assert lines[0] == f"Tình trạng: thật: do {imported['agency']} ký"
    assert f"Cấp cho: {HOLDER}" in lines
    short = verification.short_form(code)
    assert f"Mã xác thực: {short}" in pdf_text(pdf)  # what B shows is what the page says
    assert any(short in line for line in lines)
    # a short code alone is checked only where it was issued
    assert installation_a.verification.verify(short)["status"] == "valid"
    assert installation_b.verification.verify(short)["status"] == "unknown_code"


def test_a_changed_character_is_forged_on_b(installation_a: Services,
                                            installation_b: Services) -> None:
    permit = _permit(installation_a)
    code = installation_a.documents.permit_data(permit["number"])["qr_payload"]
    installation_b.verification.import_public_key(
        installation_a.verification.export_public_key())
    body = len(verification.SIGNED_PREFIX) + 2 * verification.KEY_ID_BYTES  # after the key id
    for index in range(body, len(code), 7):
        changed = code[:index] + ("A" if code[index] != "A" else "B") + code[index + 1:]
        assert installation_b.verification.verify(changed)["status"] == "forged", index
        assert installation_a.verification.verify(changed)["status"] == "forged", index
    # the holder's name re-signed by somebody else's key: not A's signature
    signed = verification.read_signed(code)
    assert signed is not None
    other = verification.sign(verification.new_private_key(),
                              signed.facts.__class__(**{**signed.facts.__dict__,
                                                        "holder": "Công ty Giả Mạo"}))
    assert installation_b.verification.verify(other)["status"] == "unknown_key"


def test_an_expired_permit_of_a_says_so_on_b(installation_a: Services,
                                             installation_b: Services) -> None:
    private = installation_a.verification._private_key(create=True)
    assert private is not None
    facts = verification.SignedFacts("05/GP-STTTT", 2020, dt.date(2020, 1, 6),
                                     dt.date(2020, 1, 6), dt.date(2025, 1, 6), HOLDER)
    code = verification.sign(private, facts)
    installation_b.verification.import_public_key(
        installation_a.verification.export_public_key(), agency="Sở TT&TT tỉnh Bình Dương")
    verdict = installation_b.verification.verify(code)
    assert verdict["status"] == "expired"
    assert verdict["label"] == "thật, do Sở TT&TT tỉnh Bình Dương ký, nhưng đã hết hiệu lực"


def test_an_old_hmac_code_still_verifies_where_it_was_made(installation_a: Services,
                                                           installation_b: Services) -> None:
    permit = _permit(installation_a)
    secret = bytes(range(32))
    with installation_a.db.session(write=True) as session:
        session.add(AppState(key=LEGACY_KEY, value=secret.hex()))
        session.commit()
    old = verification.make(secret, verification.Code(
        permit["number"], permit["year"], dt.date.today(), _date(permit["valid_until"]), HOLDER))
    assert old.startswith("SOTTTT1|")
    assert installation_a.verification.verify(old)["status"] == "valid"
    assert installation_a.verification.verify(old.replace("SONG BE", "SONG BA"))["status"] \
        == "forged"
    assert installation_b.verification.verify(old)["status"] == "forged"


def test_the_page_prints_no_software_and_an_old_code_reprints_as_issued() -> None:
    from sotttt_desktop.documents.layout import render
    from sotttt_desktop.documents.model import Document

    def page(code: str) -> str:
        return pdf_text(render(Document(
            page="A4", parent_body="UBND TỈNH BÌNH DƯƠNG", agency_name="SỞ THÔNG TIN VÀ TRUYỀN "
            "THÔNG", place="Bình Dương", date=dt.date(2026, 1, 5), number="01/GP-STTTT",
            title="Giấy phép", recipients=("Lưu: VT",), qr_payload=code)))

    facts = verification.SignedFacts("01/GP-STTTT", 2026, dt.date(2026, 1, 5),
                                     dt.date(2026, 1, 5), None, HOLDER)
    signed = verification.sign(verification.new_private_key(), facts)
    text = page(signed)
    assert "sotttt" not in text.lower() and "verify" not in text
    assert f"Mã xác thực: {verification.short_form(signed)}" in text
    assert "SONG BE" not in text and "SOTTTT" not in text  # no folded or cut name, no raw code
    # a permit issued with a code of version 1 reprints the page it was issued with
    old = verification.make(b"k", verification.Code("01/GP-STTTT", 2024, dt.date(2024, 1, 5),
                                                    None, HOLDER))
    assert "sotttt-desktop verify" in page(old)


def test_keys_are_imported_by_administrators_and_audited(installation_a: Services,
                                                         installation_b: Services) -> None:
    key_file = installation_a.verification.export_public_key()
    with pytest.raises(PermissionDeniedError):
        installation_b.as_actor(VIEWER).verification.import_public_key(key_file)
    with pytest.raises(PermissionDeniedError):
        installation_a.as_actor(VIEWER).verification.export_public_key()
    with pytest.raises(ValidationError, match="khóa của chính"):
        installation_a.verification.import_public_key(key_file)
    damaged = json.loads(key_file)
    damaged["public_key"] = damaged["public_key"][:-4] + "AAA="
    with pytest.raises(ValidationError, match="hỏng"):
        installation_b.verification.import_public_key(json.dumps(damaged))
    with pytest.raises(ValidationError, match="không phải tệp khóa"):
        installation_b.verification.import_public_key("not a key")
    first = installation_b.verification.import_public_key(key_file)
    again = installation_b.verification.import_public_key(key_file, agency="Sở TT&TT Bình Dương")
    assert not first["already_trusted"] and again["already_trusted"]
    assert [k["agency"] for k in installation_b.verification.trusted_keys()] == \
        ["Sở TT&TT Bình Dương"]
    assert installation_b.verification.trusted_keys()[0]["added_by"] == TEST_ACTOR.username
    installation_b.verification.remove_trusted_key(first["fingerprint"].lower())
    assert installation_b.verification.trusted_keys() == []
    with installation_b.db.session() as session:
        actions = [e.action for e in session.query(AuditEntry).filter(
            AuditEntry.entity_kind == "trusted_key").order_by(AuditEntry.id)]
    assert actions == ["import_public_key", "import_public_key", "remove_public_key"]
    with installation_a.db.session() as session:
        actions = [e.action for e in session.query(AuditEntry).filter(
            AuditEntry.entity_kind == "signing_key").order_by(AuditEntry.id)]
    assert actions == ["create_signing_key", "export_public_key"]


def test_a_key_shipped_with_the_installation_is_trusted_without_import(
        installation_a: Services, installation_b: Services, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from sotttt_desktop.services import verification as verification_service

    permit = _permit(installation_a)
    code = installation_a.documents.permit_data(permit["number"])["qr_payload"]
    folder = tmp_path / "trusted_keys"
    folder.mkdir()
    (folder / "so-tttt-binh-duong.pub").write_text(
        installation_a.verification.export_public_key(), encoding="utf-8")
    (folder / "broken.pub").write_text("{}", encoding="utf-8")  # trusts nothing, breaks nothing
    monkeypatch.setattr(verification_service, "bundled_keys_folder", lambda: folder)
    verdict = installation_b.verification.verify(code)
    assert verdict["status"] == "valid" and verdict["permit"]["holder"] == HOLDER
    keys = installation_b.verification.trusted_keys()
    assert [(k["source"], k["added_by"]) for k in keys] == [
        ("bundled", "cài sẵn theo bộ cài đặt")]
    with pytest.raises(ValidationError):  # removed with its file, not from the database
        installation_b.verification.remove_trusted_key(keys[0]["fingerprint"])
