"""Permissions are enforced in the services; log-in locks out; secrets never leak."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select, update

from sotttt_desktop.core.models import AuditEntry, User
from sotttt_desktop.errors import (
    AuthenticationError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from sotttt_desktop.services import Services
from sotttt_desktop.services.registers import RegisterFilter
from tests.conftest import TEST_PASSWORD

PASSWORD = "mat-khau-2024"


def _user(services: Services, name: str, roles: list[str], **kwargs) -> Services:  # noqa: ANN003
    services.security.add_user(name, name.title(), PASSWORD, roles, must_change=False, **kwargs)
    return services.as_actor(services.security.login(name, PASSWORD))


@pytest.fixture
def two_districts(services: Services) -> dict[str, dict]:
    return {
        "dian": services.parties.add(kind="org", name="Công ty Dĩ An", tax_code="3700000724",
                                     district_code="724"),
        "tdm": services.parties.add(kind="org", name="Công ty Thủ Dầu Một",
                                    tax_code="3700000718", district_code="718"),
    }


def test_a_specialist_cannot_edit_a_register_outside_their_areas(services: Services) -> None:
    press = _user(services, "bao.chi", ["specialist"], areas=["press"])
    assert press.actor.can("press", "edit") and not press.actor.can("telecom", "edit")
    with pytest.raises(PermissionDeniedError):
        press.require("telecom", "edit")
    # the directory is shared by default; take it away and the register service refuses
    services.security.set_grant("specialist", "directory", "create", False)
    press = services.as_actor(services.security.login("bao.chi", PASSWORD))
    with pytest.raises(PermissionDeniedError, match="Tổ chức & cá nhân"):
        press.parties.add(kind="org", name="Công ty Báo")
    assert services.registers.count("parties") == 0


def test_a_head_of_unit_works_in_the_areas_of_the_unit(services: Services) -> None:
    head = _user(services, "truong.phong", ["head_of_unit"], unit="CDSBCVT")
    assert head.actor.can("telecom", "approve") and head.actor.can("postal", "edit")
    assert not head.actor.can("press", "edit")


def test_a_district_officer_sees_and_changes_only_their_district(
        services: Services, two_districts: dict[str, dict]) -> None:
    officer = _user(services, "can.bo.di.an", ["district_officer"], district=724)
    names = [p["name"] for p in officer.parties.list()]
    assert names == ["Công ty Dĩ An"]
    assert officer.registers.count("parties") == 1
    assert [h.title for h in officer.search.query("cong ty")] == ["Công ty Dĩ An"]
    with pytest.raises(NotFoundError):
        officer.parties.get(two_districts["tdm"]["id"])
    with pytest.raises(NotFoundError):
        officer.parties.update(two_districts["tdm"]["id"], 1, kind="org", name="Đổi tên",
                               district_code="718")
    with pytest.raises(PermissionDeniedError):
        officer.parties.add(kind="org", name="Công ty khác huyện", district_code="718")
    with pytest.raises(PermissionDeniedError):  # nor move a record out of the district
        officer.parties.update(two_districts["dian"]["id"], 1, kind="org", name="Công ty Dĩ An",
                               district_code="718")
    added = officer.parties.add(kind="org", name="Công ty mới ở Dĩ An")
    assert added["district_code"] == 724  # filled in with the officer's district
    assert services.parties.get(two_districts["tdm"]["id"])["name"] == "Công ty Thủ Dầu Một"


def test_a_viewer_can_read_but_not_export_or_change(services: Services,
                                                    two_districts: dict[str, dict]) -> None:
    viewer = _user(services, "chi.xem", ["viewer"])
    assert len(viewer.parties.list()) == 2
    with pytest.raises(PermissionDeniedError):
        viewer.require("directory", "export")
    with pytest.raises(PermissionDeniedError):
        viewer.parties.add(kind="org", name="Công ty X")
    with pytest.raises(PermissionDeniedError):
        viewer.security.list_users()


def test_a_disabled_user_cannot_log_in(services: Services) -> None:
    _user(services, "nghi.viec", ["viewer"])
    services.security.set_active("nghi.viec", False)
    with pytest.raises(AuthenticationError, match="vô hiệu hóa"):
        services.security.login("nghi.viec", PASSWORD)


def test_a_locked_or_disabled_account_answers_like_an_unknown_one(services: Services) -> None:
    _user(services, "hay.quen", ["viewer"])
    with pytest.raises(AuthenticationError) as unknown:
        services.security.login("khong.co.ai", "sai-mat-khau")
    for _attempt in range(5):
        with pytest.raises(AuthenticationError):
            services.security.login("hay.quen", "sai-mat-khau")
    for password in ("sai-mat-khau", PASSWORD):  # locked: even the right one is not tried
        with pytest.raises(AuthenticationError) as locked:
            services.security.login("hay.quen", password)
        assert str(locked.value) == str(unknown.value)
    with services.db.session() as session:
        user = session.execute(select(User).where(User.username == "hay.quen")).scalar_one()
        assert user.locked_until - dt.datetime.now(dt.UTC) > dt.timedelta(minutes=14)
    with services.db.session(write=True) as session:  # 15 minutes later
        session.execute(update(User).where(User.username == "hay.quen").values(
            locked_until=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)))
        session.commit()
    assert services.security.login("hay.quen", PASSWORD).username == "hay.quen"
    # a disabled account: "disabled" only after the right password
    services.security.set_active("hay.quen", False)
    with pytest.raises(AuthenticationError) as disabled_wrong:
        services.security.login("hay.quen", "sai-mat-khau")
    assert str(disabled_wrong.value) == str(unknown.value)
    with pytest.raises(AuthenticationError, match="vô hiệu hóa"):
        services.security.login("hay.quen", PASSWORD)


def test_user_names_are_capped_and_cleaned_before_the_audit_trail(services: Services) -> None:
    huge = "admin" + "x" * 120_000
    for typed in (huge, "admin\nđăng nhập giả\r\x00", "ad\u200bmin\t"):
        with pytest.raises(AuthenticationError, match="Sai tên đăng nhập hoặc mật khẩu"):
            services.security.login(typed, "sai-mat-khau")
    with services.db.session() as session:
        names = list(session.execute(select(AuditEntry.username).where(
            AuditEntry.action == "login_failed").order_by(AuditEntry.id)).scalars())
    assert len(names) == 3 and all(len(n) <= 64 for n in names)
    assert not any(ch in n for n in names for ch in "\n\r\x00\t\u200b")
    assert names[0].startswith("adminxxx") and names[0].endswith("…")
    # a cleaned name is the account's: "ad\u200bmin" is admin, and counts against it
    assert names[2] == "admin"


def test_the_last_administrator_is_slowed_down_not_locked(services: Services) -> None:
    for _attempt in range(5):
        with pytest.raises(AuthenticationError):
            services.security.login("admin", "sai-mat-khau")

    def wait() -> dt.timedelta:
        with services.db.session() as session:
            user = session.execute(select(User).where(User.username == "admin")).scalar_one()
            return user.locked_until - dt.datetime.now(dt.UTC)

    assert dt.timedelta(seconds=3) < wait() <= dt.timedelta(seconds=5)
    with pytest.raises(AuthenticationError):  # within the delay the right password waits too
        services.security.login("admin", TEST_PASSWORD)
    for expected in (10, 20, 40, 60, 60):  # each wrong try doubles the wait, up to a minute
        with services.db.session(write=True) as session:
            session.execute(update(User).where(User.username == "admin").values(
                locked_until=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)))
            session.commit()
        with pytest.raises(AuthenticationError):
            services.security.login("admin", "sai-mat-khau")
        assert dt.timedelta(seconds=expected - 2) < wait() <= dt.timedelta(seconds=expected)
    with services.db.session(write=True) as session:
        session.execute(update(User).where(User.username == "admin").values(
            locked_until=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)))
        session.commit()
    assert services.security.login("admin", TEST_PASSWORD).username == "admin"
    # with a second administrator, the first one is locked like anyone else
    _user(services, "quan.tri.hai", ["administrator"])
    for _attempt in range(5):
        with pytest.raises(AuthenticationError):
            services.security.login("admin", "sai-mat-khau")
    assert wait() > dt.timedelta(minutes=14)


def test_the_last_administration_right_cannot_be_taken_away(services: Services) -> None:
    lead = _user(services, "lanh.dao", ["leader"])
    assert lead.actor.can("audit", "view")
    refusals = (
        lambda: services.security.set_grant("administrator", "*", "*", False),
        lambda: services.security.set_active("admin", False),
        lambda: services.security.update_user("admin", full_name="Quản trị", roles=["viewer"],
                                              areas=[], unit=None, district=None),
    )
    for change in refusals:
        with pytest.raises(ValidationError, match="quyền quản trị"):
            change()
    admin = services.as_actor(services.security.login("admin", TEST_PASSWORD))
    assert admin.actor.can("admin", "administer")
    assert "*:*" in services.security.matrix()["administrator"]["grants"]
    # once another account can administer, the first may be disabled
    services.security.set_grant("leader", "admin", "administer", True)
    services.security.set_active("admin", False)
    with pytest.raises(ValidationError, match="quyền quản trị"):  # but not the last one left
        services.security.set_grant("leader", "admin", "administer", False)
    with pytest.raises(ValidationError, match="quyền quản trị"):
        services.security.set_active("lanh.dao", False)


def test_a_wrong_user_name_and_a_wrong_password_read_the_same(services: Services) -> None:
    _user(services, "co.that", ["viewer"])
    with pytest.raises(AuthenticationError) as unknown:
        services.security.login("khong.co", PASSWORD)
    with pytest.raises(AuthenticationError) as wrong:
        services.security.login("co.that", "sai-mat-khau")
    assert str(unknown.value) == str(wrong.value)


def test_new_and_reset_accounts_must_change_their_password(services: Services) -> None:
    services.security.add_user("moi.vao", "Người Mới", PASSWORD, ["specialist"], areas=["press"])
    fresh = services.as_actor(services.security.login("moi.vao", PASSWORD))
    assert fresh.actor.must_change_password
    with pytest.raises(PermissionDeniedError, match="đổi mật khẩu"):
        fresh.parties.add(kind="org", name="Công ty X")
    changed = fresh.as_actor(fresh.security.change_own_password(PASSWORD, "mat-khau-moi-1"))
    assert not changed.actor.must_change_password
    changed.parties.add(kind="org", name="Công ty X")
    services.security.reset_password("moi.vao", "tam-thoi-123")
    assert services.security.login("moi.vao", "tam-thoi-123").must_change_password


def test_weak_passwords_and_bad_accounts_are_refused(services: Services) -> None:
    with pytest.raises(ValidationError):
        services.security.add_user("ngan", "Ngắn", "123", ["viewer"])
    with pytest.raises(ValidationError, match="huyện"):
        services.security.add_user("huyen.x", "Huyện", PASSWORD, ["district_officer"])
    with pytest.raises(ValidationError):
        services.security.add_user("Có Dấu", "X", PASSWORD, ["viewer"])
    with pytest.raises(ValidationError):
        services.security.add_user("vai.tro", "X", PASSWORD, ["emperor"])
    assert [u["username"] for u in services.security.list_users()] == ["admin"]


def test_the_first_administrator_only_on_an_empty_database(services: Services) -> None:
    with pytest.raises(ValidationError):
        services.security.create_first_admin("admin2", "Quản trị 2", PASSWORD)


def test_no_password_or_hash_in_audit_logs_or_errors(services: Services,
                                                     tmp_path: Path) -> None:
    secret = "Bi-Mat-Tuyet-Doi-42"
    services.security.add_user("bi.mat", "Bí Mật", secret, ["viewer"])
    services.security.reset_password("bi.mat", secret + "x")
    try:
        services.security.login("bi.mat", "wrong-" + secret)
    except AuthenticationError as error:
        assert secret not in str(error)
    with services.db.session() as session:
        entries = session.execute(select(AuditEntry)).scalars().all()
        stored_hash = session.execute(select(User.password_hash).where(
            User.username == "bi.mat")).scalar_one()
    text = " ".join(f"{e.summary} {e.before} {e.after}" for e in entries)
    assert secret not in text and "argon2" not in text and stored_hash not in text
    assert "password_hash" not in text
    assert all("password" not in u for u in services.security.list_users())


def test_every_change_is_audited_with_before_and_after(services: Services,
                                                       two_districts: dict[str, dict]) -> None:
    record = two_districts["dian"]
    services.parties.update(record["id"], 1, kind="org", name="Công ty Dĩ An Mới",
                            tax_code="3700000724", district_code="724")
    entries = services.audit.entries()
    update_entry = next(e for e in entries if e["action"] == "update")
    assert "Công ty Dĩ An" in update_entry["before"]
    assert "Công ty Dĩ An Mới" in update_entry["after"]
    assert update_entry["username"] == "tester"
    assert {e["action"] for e in entries} >= {"create", "update"}


def test_failed_log_ins_are_audited(services: Services) -> None:
    with pytest.raises(AuthenticationError):
        services.security.login("admin", "sai")
    services.security.login("admin", TEST_PASSWORD)
    actions = [e["action"] for e in services.audit.entries()]
    assert actions[:2] == ["login", "login_failed"]


def test_audit_is_read_only_for_those_allowed(services: Services) -> None:
    clerk = _user(services, "mot.cua", ["one_stop_clerk"])
    with pytest.raises(PermissionDeniedError):
        clerk.audit.entries()
    leader = _user(services, "lanh.dao", ["leader"])
    assert leader.audit.count() > 0


def test_permission_matrix_edits_take_effect_and_are_audited(services: Services) -> None:
    assert not _user(services, "xem.thu", ["viewer"]).actor.can("directory", "export")
    services.security.set_grant("viewer", "directory", "export", True)
    assert services.security.login("xem.thu", PASSWORD).can("directory", "export")
    assert "viewer directory:export" in [e["summary"] for e in services.audit.entries()]
    with pytest.raises(ValidationError):
        services.security.set_grant("viewer", "nowhere", "view", True)


def test_register_scope_applies_to_filters_too(services: Services,
                                               two_districts: dict[str, dict]) -> None:
    officer = _user(services, "can.bo.tdm", ["district_officer"], district=718)
    assert officer.registers.count("parties", RegisterFilter("cong ty")) == 1
    assert officer.registers.count("parties", RegisterFilter("", {"district_code": 724})) == 0


def test_unlocking_an_idle_session_counts_towards_the_lock_out(services: Services) -> None:
    desk = _user(services, "de.quen", ["viewer"])
    assert desk.security.confirm_password(PASSWORD)
    for _attempt in range(5):
        assert not desk.security.confirm_password("sai-mat-khau")
    assert not desk.security.confirm_password(PASSWORD)  # locked: not tried
    with pytest.raises(AuthenticationError):
        services.security.login("de.quen", PASSWORD)
    with services.db.session() as session:
        reasons = list(session.execute(select(AuditEntry.summary).where(
            AuditEntry.action == "unlock_failed").order_by(AuditEntry.id)).scalars())
    assert reasons[:4] == ["wrong password"] * 4 and reasons[5].startswith("locked until")
