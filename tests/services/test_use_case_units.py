"""One unit of work per use case (issue #12 item 4), tried as a Department would: every right is
checked before anything is written, and everything a use case writes (number, permit, register
entry, dossier step, audit) is written in one transaction, or nothing is; a retry, a double click
or a second desk never produces a second permit or a second decision."""

from __future__ import annotations

import csv
import datetime as dt
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sotttt_desktop.core.models import AuditEntry, Permit
from sotttt_desktop.errors import AppError, NotFoundError, PermissionDeniedError, ValidationError
from sotttt_desktop.services import Services
from sotttt_desktop.services.actor import Actor
from tests.permit_samples import SAMPLES

PASSWORD = "mat-khau-1"


@pytest.fixture
def holder(services: Services) -> dict:
    return services.parties.add(kind="org", name="Công ty Cổ phần In Sông Bé",
                                tax_code="3700999111", district_code="718",
                                address="Số 1 đường Yersin", legal_representative="Trần Văn Bình")


def _as(services: Services, username: str, role: str, **kw: object) -> Services:
    services.security.add_user(username, username, PASSWORD, [role], must_change=False, **kw)
    return services.as_actor(services.security.login(username, PASSWORD))


def _approved(services: Services, holder: dict, key: str) -> str:
    code = services.dossiers.receive(key, holder["id"],
                                     received_at=dt.datetime(2024, 6, 3, 9))["code"]
    for step in ("start_appraisal", "approve"):
        services.dossiers.act(code, step)
    return code


def _written(services: Services) -> tuple[int, int, list[str]]:
    """Permits, colour-copier entries and the audit actions, to compare before and after."""
    with services.db.session() as session:
        permits = session.execute(select(func.count()).select_from(Permit)).scalar_one()
        actions = list(session.execute(select(AuditEntry.action).order_by(
            AuditEntry.id)).scalars())
    return permits, services.registers.count("colour_copiers"), actions


def test_a_leader_who_may_sign_but_not_edit_issues_everything_at_once(
        services: Services, holder: dict) -> None:
    code = _approved(services, holder, "publishing.photocopier.register")
    leader = _as(services, "lanh.dao.2", "leader")
    assert leader.refusal("publishing", "edit") is not None  # signs, does not edit
    before = _written(services)
    permit = leader.permits.issue(code, subject="", details=SAMPLES["publishing.photocopier"],
                                  on=dt.date(2024, 6, 10))
    permits, copiers, actions = _written(services)
    assert (permits, copiers) == (before[0] + 1, before[1] + 1)
    assert actions[len(before[2]):] == ["issue", "create", "result_ready"]  # one transaction
    assert services.dossiers.show(code)["state"] == "result_ready"
    entry = next(services.registers.iter_records("colour_copiers"))
    assert (entry["serial_no"], entry["licence_no"]) == ("XN-2024-0001", permit["number"])
    for attempt in range(2):  # a retry: refused, nothing more written
        with pytest.raises(ValidationError, match="phê duyệt"):
            leader.permits.issue(code, subject="", details=SAMPLES["publishing.photocopier"])
        assert _written(services) == (permits, copiers, actions), attempt


def test_who_may_not_sign_writes_nothing(services: Services, holder: dict) -> None:
    code = _approved(services, holder, "publishing.photocopier.register")
    before = _written(services)
    for username, role in (("chuyen.vien.2", "specialist"), ("mot.cua.2", "one_stop_clerk"),
                           ("truong.phong.2", "head_of_unit")):
        desk = _as(services, username, role, areas=["publishing"], unit="TTBCXB") \
            if role != "one_stop_clerk" else _as(services, username, role)
        with pytest.raises(PermissionDeniedError):
            desk.permits.issue(code, subject="", details=SAMPLES["publishing.photocopier"])
        assert _written(services)[:2] == before[:2]
    assert services.dossiers.show(code)["state"] == "approved"


def test_a_failure_after_the_number_is_taken_writes_nothing(services: Services,
                                                            holder: dict) -> None:
    """The register refuses the entry (the fair ends before it starts) after the number was
    taken and the permit added: all of it is undone, the number is not used up."""
    code = _approved(services, holder, "publishing.fair.issue")
    before = _written(services)
    wrong = {**SAMPLES["publishing.fair"], "starts_on": "16/05/2024", "ends_on": "10/05/2024"}
    with pytest.raises(ValidationError):
        services.permits.issue(code, subject="", details=wrong, on=dt.date(2024, 6, 10))
    assert _written(services) == before
    assert services.registers.count("book_fairs") == 0
    assert services.dossiers.show(code)["state"] == "approved"
    permit = services.permits.issue(code, subject="", details=SAMPLES["publishing.fair"],
                                    on=dt.date(2024, 6, 10))
    assert permit["number"] == "01/GP-STTTT"  # the refused attempt took no number


def test_two_desks_issuing_the_same_dossier_get_one_permit(services: Services,
                                                           holder: dict) -> None:
    codes = [_approved(services, holder, "publishing.photocopier.register") for _ in range(5)]
    outcomes: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(4)

    def desk() -> None:
        barrier.wait(timeout=30)
        for n, code in enumerate(codes):
            try:
                services.permits.issue(code, subject="", details={
                    **SAMPLES["publishing.photocopier"], "serial_no": f"XN-{n}"})
                result = "issued"
            except AppError as refused:
                result = type(refused).__name__
            with lock:
                outcomes.append(result)

    threads = [threading.Thread(target=desk) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert outcomes.count("issued") == len(codes)  # one per dossier, never two
    assert sorted(set(outcomes)) == ["ValidationError", "issued"]
    assert len(services.permits.list(limit=50)) == len(codes)
    assert services.registers.count("colour_copiers") == len(codes)


def test_suspend_and_revoke_check_the_right_first_and_decide_once(services: Services,
                                                                  holder: dict) -> None:
    # a website licence: a kind the law lets the Department suspend and revoke
    code = _approved(services, holder, "e_information.website.issue")
    number = services.permits.issue(code, subject="",
                                    details=SAMPLES["e_information.website"],
                                    on=dt.date(2024, 6, 10))["number"]
    until = dt.date.today() + dt.timedelta(days=30)
    specialist = _as(services, "chuyen.vien.2", "specialist", areas=["e_information"],
                     unit="TTBCXB")
    before = _written(services)
    with pytest.raises(PermissionDeniedError):
        specialist.permits.decide(number, "suspend", reason="Kiểm tra", until=until)
    assert _written(services) == before
    assert services.permits.show(number)["state"] == "valid"
    leader = _as(services, "lanh.dao.2", "leader")
    outcomes: list[str] = []
    barrier = threading.Barrier(3)

    def desk() -> None:  # three desks suspend the same permit at once
        barrier.wait(timeout=30)
        try:
            leader.permits.decide(number, "suspend", reason="Không khai báo chuyển nhượng",
                                  until=until)
            outcomes.append("done")
        except ValidationError:
            outcomes.append("refused")

    threads = [threading.Thread(target=desk) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(outcomes) == ["done", "refused", "refused"]
    actions = _written(services)[2]
    assert actions.count("suspend") == 1
    assert services.permits.show(number)["state"] == "suspended"
    leader.permits.decide(number, "revoke", reason="Vi phạm")
    with pytest.raises(ValidationError):  # a retry of the revocation
        leader.permits.decide(number, "revoke", reason="Vi phạm")
    assert _written(services)[2].count("revoke") == 1
    assert services.permits.show(number)["state"] == "revoked"


def test_an_import_checks_every_right_before_writing(services: Services, tmp_path: Path) -> None:
    services.registers.create("printing_facilities", {
        "tax_code": "3700111222", "name": "Công ty In Cũ", "district_code": "718",
        "licence_kind": "permit", "state": "active"})
    path = tmp_path / "co-so-in.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["MST", "Tên cơ sở in", "Huyện", "Giấy phép hay đăng ký", "Trạng thái"])
        writer.writerow(["3700111222", "Công ty In Cũ (đổi tên)", "718", "permit", "active"])
        writer.writerow(["3700111333", "Công ty In Mới", "718", "permit", "active"])
    creator = services.as_actor(Actor(username="nhap.lieu", display_name="Nhập liệu",
                                      authenticated=True,
                                      grants=frozenset({("*", "view"),
                                                        ("publishing", "create")})))
    with pytest.raises(PermissionDeniedError):  # may add, may not change: nothing at all
        creator.register_files.commit("printing_facilities", path)
    assert services.registers.count("printing_facilities") == 1
    assert next(services.registers.iter_records("printing_facilities"))["name"] == \
        "Công ty In Cũ"
    first = services.register_files.commit("printing_facilities", path).counts()
    assert (first["create"], first["update"]) == (1, 1)
    again = services.register_files.commit("printing_facilities", path).counts()  # a retry
    assert (again["create"], again["update"]) == (0, 0)
    assert services.registers.count("printing_facilities") == 2


def test_a_refused_receipt_writes_nothing(services: Services, holder: dict,
                                          tmp_path: Path) -> None:
    scan = tmp_path / "don.pdf"
    scan.write_bytes(b"%PDF-1.4 don de nghi")
    viewer = _as(services, "xem.2", "viewer")
    with pytest.raises(PermissionDeniedError):
        viewer.dossiers.receive("publishing.photocopier.register", holder["id"],
                                attachments=[scan])
    import uuid

    with pytest.raises(NotFoundError):
        services.dossiers.receive("publishing.photocopier.register", uuid.uuid4(),
                                  received_at=dt.datetime(2024, 6, 3, 9))
    assert services.dossiers.count() == 0
    code = services.dossiers.receive("publishing.photocopier.register", holder["id"],
                                     received_at=dt.datetime(2024, 6, 3, 9))["code"]
    assert code.endswith("-0001")  # the refused receipts took no code


def test_the_records_clerk_issues_what_the_leader_signed_and_decides_nothing(
        services: Services, holder: dict) -> None:
    """The role matrix (README, "Roles"): the head of unit approves, the leader signs, the
    records clerk (văn thư) numbers and issues a result signed on paper; suspending and revoking
    stay the leader's."""
    code = _approved(services, holder, "publishing.photocopier.register")
    clerk = _as(services, "van.thu", "records_clerk")
    for action in ("create", "edit", "approve", "revoke"):
        assert clerk.refusal("publishing", action) is not None, action
    permit = clerk.permits.issue(code, subject="", details=SAMPLES["publishing.photocopier"],
                                 on=dt.date(2024, 6, 10))
    assert services.dossiers.show(code)["state"] == "result_ready"
    assert services.registers.count("colour_copiers") == 1
    with pytest.raises(PermissionDeniedError):
        clerk.permits.decide(permit["number"], "revoke", reason="Vi phạm")
    with pytest.raises(PermissionDeniedError):  # approving a dossier is the head of unit's
        clerk.dossiers.act(_approved_until(services, holder), "approve")
    assert services.permits.show(permit["number"])["state"] == "valid"


def _approved_until(services: Services, holder: dict) -> str:
    code = services.dossiers.receive("publishing.photocopier.register", holder["id"],
                                     received_at=dt.datetime(2024, 6, 3, 9))["code"]
    services.dossiers.act(code, "start_appraisal")
    return code
