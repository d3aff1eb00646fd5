"""The register of outgoing documents (sổ đăng ký văn bản đi): the only source of the numbers of
the documents the application issues; the Văn thư records numbers given on paper and voids
numbers; the register prints in the form of Decree 30/2020."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from sotttt_desktop.core.models import AuditEntry, NumberRecord, utcnow
from sotttt_desktop.errors import NotFoundError, PermissionDeniedError, ValidationError
from sotttt_desktop.services import Services
from sotttt_desktop.services.setup import open_services
from sotttt_desktop.settings import sqlite_location
from tests.conftest import TEST_ACTOR
from tests.documents.helpers import pdf_text
from tests.permit_samples import sample

PASSWORD = "mat-khau-1"
TODAY = dt.date.today()


def _as(services: Services, username: str, role: str, **kw: object) -> Services:
    services.security.add_user(username, username, PASSWORD, [role], must_change=False, **kw)
    return services.as_actor(services.security.login(username, PASSWORD))


def _number(services: Services, symbol: str, reference: str, on: dt.date = TODAY) -> str:
    with services.db.session(write=True) as session:
        _n, text = services.numbering.document_number(session, symbol, reference=reference,
                                                      on=on)
        session.commit()
    return text


def _permit(services: Services, on: dt.date = TODAY) -> dict:
    holder = services.parties.add(kind="org", name="Công ty Cổ phần In Sông Bé",
                                  tax_code="3700111333", district_code="718")
    # a website licence: the licensing law gives the Department the power to suspend and
    # revoke it (a printing licence is withdrawn by a sanction decision)
    code = services.dossiers.receive("e_information.website.issue", holder["id"],
                                     received_at=dt.datetime.combine(
                                         on - dt.timedelta(days=20), dt.time(9)))["code"]
    services.dossiers.act(code, "start_appraisal")
    services.dossiers.act(code, "approve")
    return services.permits.issue(code, subject="https://insongbe.vn", on=on,
                                  details=sample("e_information.website", but="domain"))


def test_two_desks_never_get_the_same_number_and_leave_no_gap(db_path: Path) -> None:
    """Two installations of the desk on one database file, four clerks each, issuing decisions
    and letters (one shared series) and voiding some: every number once, none missing."""
    desks = [open_services(sqlite_location(db_path), actor=TEST_ACTOR) for _ in range(2)]
    taken: list[str] = []
    voided: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    barrier = threading.Barrier(8)

    def clerk(desk: Services, n: int) -> None:
        try:
            barrier.wait(timeout=30)
            for i in range(15):
                symbol = "QĐ" if (n + i) % 2 else "STTTT-TTBCXB"
                text = _number(desk, symbol, f"desk{n}-{i}")
                with lock:
                    taken.append(text)
                if i % 7 == 3:  # a document cancelled before it left
                    desk.numbering.void(text, "Văn bản hủy trước khi phát hành")
                    with lock:
                        voided.append(text)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=clerk, args=(desks[n % 2], n)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    try:
        assert errors == []
        assert len(taken) == len(set(taken)) == 120
        numbers = sorted(int(text.split("/")[0]) for text in taken)
        assert numbers == list(range(1, 121))  # no duplicate across the two kinds, no gap
        register = desks[0].numbering.register(TODAY.year, "HC")
        assert [e["number"] for e in register] == list(range(1, 121))
        assert {e["text"] for e in register if e["state"] == "void"} == set(voided)
        assert {e["document_kind"] for e in register} == {"QĐ", "CV"}
        # the next number follows the highest, voided ones included
        assert _number(desks[1], "QĐ", "after") == "121/QĐ-STTTT"
    finally:
        for desk in desks:
            desk.db.close()


def test_the_schema_refuses_a_second_record_of_a_number(services: Services) -> None:
    first = _number(services, "QĐ", "a")
    assert first == "01/QĐ-STTTT"
    for kind, text in (("HC", "01/STTTT-VP"), ("HC-other", first)):  # same number; same text
        with services.db.session(write=True) as session, pytest.raises(IntegrityError):
            session.add(NumberRecord(
                kind=kind if kind == "HC" else "QĐ", agency="STTTT", period=str(TODAY.year),
                number=1 if kind == "HC" else 99, text=text, state="issued", reference="x",
                at=utcnow(), by="tester", origin="app"))
            session.flush()


def test_a_decision_takes_the_next_number_and_a_typed_one_is_refused(
        services: Services) -> None:
    permit = _permit(services)
    _number(services, "STTTT-TTBCXB", "a letter")  # 01: a letter of this year
    with pytest.raises(TypeError):
        services.permits.decide(permit["number"], "revoke",  # type: ignore[call-arg]
                                decision_number="01/QĐ-STTTT", reason="Vi phạm")
    assert services.permits.show(permit["number"])["state"] == "valid"
    decided = services.permits.decide(permit["number"], "suspend", reason="Vi phạm",
                                      until=TODAY + dt.timedelta(days=30))
    assert decided["decision_number"] == "02/QĐ-STTTT"  # after the letter: one series
    entry = services.numbering.register(TODAY.year, "HC")[1]
    assert entry["reference"] == f"decision:{permit['id']}"
    assert entry["summary"].startswith(
        "Quyết định về việc đình chỉ giấy phép thiết lập trang thông tin điện tử tổng hợp số")
    assert entry["recipients"] == "Công ty Cổ phần In Sông Bé"
    # the permit's own number is in the series of its kind
    assert [e["text"] for e in services.numbering.register(TODAY.year, "GP")] == \
        [permit["number"]]


def test_a_number_taken_on_paper_moves_the_series(services: Services) -> None:
    clerk = _as(services, "vanthu", "records_clerk")
    assert _number(services, "QĐ", "a") == "01/QĐ-STTTT"
    result = clerk.numbering.record_outside(
        "QĐ", 5, on=TODAY, summary="Quyết định thành lập Đoàn kiểm tra", signer="Nguyễn Văn A",
        recipients="Như Điều 3", file_copy="VT, TTra", copies=5)
    assert result["text"] == "05/QĐ-STTTT" and result["reserved"] == [2, 3, 4]
    assert _number(services, "STTTT-VP", "b") == "06/STTTT-VP"  # never collides with paper
    # a reserved number is described when its paper document is found; the others refused
    clerk.numbering.record_outside("STTTT-VP", 3, on=TODAY, summary="Công văn về việc báo cáo")
    for number in (1, 3, 5, 6):
        with pytest.raises(ValidationError, match=f"{number}"):
            clerk.numbering.record_outside("QĐ", number, on=TODAY, summary="Trùng số")
    with pytest.raises(ValidationError):  # a typing mistake far ahead
        clerk.numbering.record_outside("QĐ", 5_000, on=TODAY, summary="Gõ nhầm")
    register = services.numbering.register(TODAY.year, "HC")
    assert [(e["number"], e["origin"]) for e in register] == [
        (1, "app"), (2, "reserved"), (3, "outside"), (4, "reserved"), (5, "outside"),
        (6, "app")]
    assert register[2]["text"] == "03/STTTT-VP" and register[4]["signer"] == "Nguyễn Văn A"
    with services.db.session() as session:  # who recorded what, in the audit trail
        audited = session.execute(select(AuditEntry.username, AuditEntry.entity_id).where(
            AuditEntry.action == "record_outside_number").order_by(AuditEntry.id)).all()
    assert [tuple(row) for row in audited] == [
        ("vanthu", f"05/QĐ-STTTT@{TODAY.year}"), ("vanthu", f"03/STTTT-VP@{TODAY.year}")]


def test_void_keeps_the_number_used(services: Services) -> None:
    clerk = _as(services, "vanthu", "records_clerk")
    clerk.numbering.record_outside("QĐ", 3, on=TODAY, summary="Quyết định giấy")
    with pytest.raises(ValidationError):
        clerk.numbering.void("02", "")  # a reason is required
    clerk.numbering.void("02", "Số dự phòng không dùng")  # a reserved number, by its number
    clerk.numbering.void("03/QĐ-STTTT", "Văn bản giấy bị hủy")
    with pytest.raises(ValidationError):
        clerk.numbering.void("03/QĐ-STTTT", "Lần nữa")
    with pytest.raises(NotFoundError):
        clerk.numbering.void("09/QĐ-STTTT", "Không có")
    assert _number(services, "QĐ", "next") == "04/QĐ-STTTT"
    register = services.numbering.register(TODAY.year, "HC")
    assert [(e["number"], e["state"]) for e in register] == [
        (1, "issued"), (2, "void"), (3, "void"), (4, "issued")]
    assert register[2]["void_reason"] == "Văn bản giấy bị hủy"
    with services.db.session() as session:  # each void in the audit trail, with its reason
        voids = session.execute(select(AuditEntry.summary).where(
            AuditEntry.action == "void_number", AuditEntry.username == "vanthu")).scalars().all()
    assert voids == ["Số dự phòng không dùng", "Văn bản giấy bị hủy"]
    # the number of a permit stays: a permit is withdrawn by a decision, not by a void
    permit = _permit(services)
    with pytest.raises(ValidationError, match="thu hồi|revocation"):
        clerk.numbering.void(permit["number"], "Hủy")


def test_only_the_records_clerk_keeps_the_register(services: Services) -> None:
    specialist = _as(services, "chuyenvien", "specialist", areas=["publishing"])
    leader = _as(services, "lanhdao", "leader")
    for someone in (specialist, leader):
        with pytest.raises(PermissionDeniedError):
            someone.numbering.record_outside("QĐ", 1, on=TODAY, summary="Quyết định")
        with pytest.raises(PermissionDeniedError):
            someone.numbering.void("01", "x")
    assert specialist.numbering.register(TODAY.year, "HC") == []  # everyone may read it


def test_the_printed_register_lists_the_documents(services: Services) -> None:
    clerk = _as(services, "vanthu", "records_clerk")
    permit = _permit(services)
    services.documents.render("permit", permit["number"])  # the signer comes from the print
    services.permits.decide(permit["number"], "revoke", reason="Ngừng hoạt động")
    clerk.numbering.record_outside("STTTT-VP", 3, on=TODAY,
                                   summary="Công văn về việc báo cáo kết quả kiểm tra",
                                   signer="Nguyễn Văn Giám", recipients="Sở Văn hóa",
                                   file_copy="VT, VP", copies=3)
    clerk.numbering.void("02", "Số dự phòng không dùng")
    flat = " ".join(pdf_text(clerk.documents.render(
        "outgoing-register", f"HC:{TODAY.year}").pdf).split())
    for expected in ("SỔ ĐĂNG KÝ VĂN BẢN ĐI", f"Văn bản hành chính năm {TODAY.year}",
                     "Số, ký hiệu văn bản", "Tên loại và trích yếu nội dung văn bản",
                     "Người ký", "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu",
                     "Số lượng bản", "Ghi chú", "01/QĐ-STTTT", "Quyết định về việc thu hồi",
                     "03/STTTT-VP", "Công văn về việc báo cáo kết quả kiểm tra",
                     "Hủy số: Số dự phòng không dùng", "Từ số 01 đến số 03"):
        assert expected in flat, expected
    flat = " ".join(pdf_text(services.documents.render(
        "outgoing-register", f"GP:{TODAY.year}").pdf).split())
    signer = services.reference.signers(TODAY)[0]["full_name"]
    assert permit["number"] in flat and "Giấy phép năm" in flat and signer in flat
    with pytest.raises(ValidationError):
        services.documents.render("outgoing-register", "HC")


def test_a_number_is_refused_for_a_document_from_the_future(services: Services) -> None:
    clerk = _as(services, "vanthu", "records_clerk")
    with pytest.raises(ValidationError):
        clerk.numbering.record_outside("QĐ", 1, on=TODAY + dt.timedelta(days=2),
                                       summary="Quyết định")
    with pytest.raises(ValidationError):
        clerk.numbering.record_outside("q đ", 1, on=TODAY, summary="Quyết định")
    with services.db.session() as session:
        assert session.execute(select(NumberRecord)).first() is None


def test_the_upgrade_keeps_the_numbers_and_fills_the_register(db_path: Path) -> None:
    """A database of before the register (0014): a letter numbered in its own series, a
    decision typed on the command line and a permit whose number was never recorded. The
    upgrade keeps every number, records them, and the shared series continues after them."""
    import sqlite3

    from alembic import command
    from sqlalchemy import create_engine

    from sotttt_desktop.core.db import Database
    from sotttt_desktop.core.schema import alembic_config, head_revision

    services = open_services(sqlite_location(db_path), actor=TEST_ACTOR)
    permit = _permit(services)
    services.permits.decide(permit["number"], "suspend", reason="Vi phạm",
                            until=TODAY + dt.timedelta(days=30))
    services.db.close()
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0014")
    engine.dispose()
    year = str(TODAY.year)
    with sqlite3.connect(db_path) as conn:  # as 0014 left it
        conn.execute("DELETE FROM number_record WHERE kind IN ('HC', 'GP')")
        conn.execute("DELETE FROM number_series WHERE kind IN ('HC', 'GP')")
        conn.execute("INSERT INTO number_series VALUES ('STTTT-TTBCXB', 'STTTT', ?, 1)", (year,))
        conn.execute("INSERT INTO number_record (kind, agency, period, number, text, state, "
                     "reference, at, by) VALUES ('STTTT-TTBCXB', 'STTTT', ?, 1, "
                     "'01/STTTT-TTBCXB', 'issued', 'x', '2026-01-05 02:00:00', 'tester')",
                     (year,))
        conn.execute("UPDATE permit SET decision_number = '01/QĐ-STTTT'")  # typed, colliding
        conn.execute("DELETE FROM role_grant WHERE role = 'records_clerk' AND area = 'register'")
    database = Database.open(sqlite_location(db_path))
    assert database.schema_revision() == head_revision()
    database.close()
    services = open_services(sqlite_location(db_path), actor=TEST_ACTOR)
    try:
        administrative = services.numbering.register(TODAY.year, "HC")
        assert [(e["text"], e["document_kind"]) for e in administrative] == [
            ("01/STTTT-TTBCXB", "CV"), ("01/QĐ-STTTT", "QĐ")]  # both kept, as printed
        assert administrative[1]["reference"] == f"decision:{permit['id']}"
        assert administrative[1]["summary"].startswith("Quyết định về việc đình chỉ")
        licences = services.numbering.register(TODAY.year, "GP")
        assert [(e["text"], e["reference"]) for e in licences] == [
            (permit["number"], permit["id"])]
        assert _number(services, "QĐ", "new") == "02/QĐ-STTTT"  # after the highest
        assert _number(services, "GP", "new") == "02/GP-STTTT"
        clerk = _as(services, "vanthu", "records_clerk")  # the role got its new right
        clerk.numbering.record_outside("QĐ", 3, on=TODAY, summary="Quyết định giấy")
    finally:
        services.db.close()
