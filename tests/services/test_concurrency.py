"""Twenty desks at once: no lost update, no duplicate, on SQLite and on PostgreSQL.

(Permit and dossier numbering under concurrency belongs to the one-stop issue; here: the shared
records and the optimistic locking every register uses.)
"""

from __future__ import annotations

import threading

from sotttt_desktop.errors import ConflictError, DuplicateError
from sotttt_desktop.services import Services

DESKS = 20


def _run_desks(work) -> list[BaseException]:  # noqa: ANN001
    errors: list[BaseException] = []
    barrier = threading.Barrier(DESKS)

    def desk(n: int) -> None:
        try:
            barrier.wait(timeout=30)
            work(n)
        except BaseException as error:  # noqa: BLE001 - reported by the test
            errors.append(error)

    threads = [threading.Thread(target=desk, args=(n,)) for n in range(DESKS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def test_twenty_desks_adding_at_once_all_succeed(services: Services) -> None:
    def work(n: int) -> None:
        for i in range(5):
            services.parties.add(kind="org", name=f"Công ty Bàn {n:02d} số {i}",
                                 tax_code=f"38{n:02d}0000{i:02d}")

    assert _run_desks(work) == []
    assert services.registers.count("parties") == DESKS * 5
    assert services.audit.verify().ok  # the chain stays whole under concurrent appends


def test_the_same_tax_code_from_twenty_desks_is_stored_once(services: Services) -> None:
    outcomes: list[str] = []

    def work(n: int) -> None:
        try:
            services.parties.add(kind="org", name=f"Công ty Trùng {n}", tax_code="3799999999")
            outcomes.append("saved")
        except DuplicateError as duplicate:
            assert "3799999999" in str(duplicate) or "cùng mã số thuế" in str(duplicate)
            outcomes.append("duplicate")

    assert _run_desks(work) == []
    assert outcomes.count("saved") == 1 and outcomes.count("duplicate") == DESKS - 1
    assert services.registers.count("parties") == 1


def test_concurrent_edits_of_one_record_never_lose_an_update(services: Services) -> None:
    record = services.parties.add(kind="org", name="Công ty Tranh Chấp")
    successes: list[int] = []
    conflicts: list[int] = []

    def work(n: int) -> None:
        try:
            services.parties.update(record["id"], 1, kind="org", name=f"Sửa bởi bàn {n}")
            successes.append(n)
        except ConflictError:
            conflicts.append(n)

    assert _run_desks(work) == []
    assert len(successes) == 1 and len(conflicts) == DESKS - 1
    final = services.parties.get(record["id"])
    assert final["version"] == 2
    assert final["name"] == f"Sửa bởi bàn {successes[0]}"


def _parallel_logins(services: Services, username: str, password: str) -> list[str]:
    """Twenty desks sign in at once, each through its own connection; what each one got."""
    from sotttt_desktop.errors import AuthenticationError
    from sotttt_desktop.services.setup import open_services

    outcomes: list[str] = []
    desks = [open_services(services.db.location) for _ in range(DESKS)]

    def work(n: int) -> None:
        try:
            desks[n].security.login(username, password)
            outcomes.append("in")
        except AuthenticationError:
            outcomes.append("refused")

    try:
        assert _run_desks(work) == []
    finally:
        for desk in desks:
            desk.db.close()
    return outcomes


def test_twenty_parallel_wrong_passwords_lock_after_exactly_five(services: Services) -> None:
    from sqlalchemy import select

    from sotttt_desktop.core.models import AuditEntry, User

    services.security.add_user("ban.lam", "Bàn Làm", "mat-khau-2024", ["viewer"])
    assert _parallel_logins(services, "ban.lam", "doan-sai-1") == ["refused"] * DESKS
    with services.db.session() as session:
        user = session.execute(select(User).where(User.username == "ban.lam")).scalar_one()
        reasons = list(session.execute(select(AuditEntry.summary).where(
            AuditEntry.action == "login_failed", AuditEntry.entity_id == str(user.id))).scalars())
    assert user.locked_until is not None and user.failed_logins == 0
    assert len(reasons) == DESKS  # every attempt audited
    assert reasons.count("wrong password") == 4
    assert len([r for r in reasons if r.endswith("locked for 15 min")]) == 1
    assert len([r for r in reasons if r.startswith("locked until")]) == DESKS - 5
    assert services.audit.verify().ok


def test_twenty_parallel_right_passwords_all_sign_in(services: Services) -> None:
    from sqlalchemy import func, select

    from sotttt_desktop.core.models import AuditEntry

    services.security.add_user("ban.dung", "Bàn Đúng", "mat-khau-2024", ["viewer"])
    assert _parallel_logins(services, "ban.dung", "mat-khau-2024") == ["in"] * DESKS
    with services.db.session() as session:
        logins = session.execute(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "login", AuditEntry.username == "ban.dung")).scalar_one()
    assert logins == DESKS
    assert services.audit.verify().ok
