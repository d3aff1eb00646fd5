"""A denouncer's identity (issue #20) on SQLite and PostgreSQL: read only by the inspector the
case is assigned to and by the leaders — every such read on the audit trail —, shown masked to
every other role, never copied into the audit trail's values, kept when someone who cannot
read it saves the case, and not in the command line's output for them."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from sotttt_desktop.cli.main import main
from sotttt_desktop.core.models import AuditEntry
from sotttt_desktop.errors import PermissionDeniedError, ValidationError
from sotttt_desktop.services import Services

NAME, CONTACT = "Lê Thị Tố Giác", "Số 9 đường 30/4, phường Phú Hòa; 0909 123 456"


def _user(services: Services, name: str, roles: list[str], **kw) -> Services:  # noqa: ANN003
    services.security.add_user(name, name.title(), "mat-khau-1", roles, must_change=False, **kw)
    return services.as_actor(services.security.login(name, "mat-khau-1"))


@pytest.fixture
def people(services: Services) -> dict[str, Services]:
    return {"receiver": _user(services, "thanhtra1", ["inspector"]),
            "other": _user(services, "thanhtra2", ["inspector"]),
            "leader": _user(services, "giamdoc", ["leader"]),
            "admin": services,
            "viewer": _user(services, "xem", ["viewer"]),
            "specialist": _user(services, "baochi", ["specialist"], areas=["press"])}


def _reads(services: Services, code: str) -> int:
    with services.db.session() as session:
        return len(session.execute(select(AuditEntry).where(
            AuditEntry.action == "case_read_confidential",
            AuditEntry.summary == code)).scalars().all())


def test_only_the_assigned_inspector_and_the_leaders_read_the_denouncer(
        people: dict[str, Services], services: Services) -> None:
    code = people["receiver"].cases.open("denunciation", "Tố cáo cán bộ thu tiền ngoài quy định",
                                         data={"denouncer": NAME, "denouncer_contact": CONTACT,
                                               "denounced": "Ông Trần Văn B, chuyên viên",
                                               "content": "Yêu cầu nộp thêm tiền khi nhận hồ sơ."}
                                         )["code"]
    assert people["receiver"].cases.show(code)["assigned_to"] == "thanhtra1"
    for who in ("receiver", "leader"):
        shown = people[who].cases.show(code)
        assert (shown["data"]["denouncer"], shown["data"]["denouncer_contact"]) == (
            NAME, CONTACT), who
    assert _reads(services, code) == 3  # each read on the audit trail (the first above too)
    # another inspector, and the administrator (all rights, but not a leader): masked
    for who in ("other", "admin"):
        shown = people[who].cases.show(code)
        assert shown["data"]["denouncer"] == "(bảo mật)", who
        assert shown["data"]["denounced"] == "Ông Trần Văn B, chuyên viên"
        assert NAME not in json.dumps(shown, default=str, ensure_ascii=False), who
        assert NAME not in json.dumps(people[who].cases.list(kind="denunciation"), default=str,
                                      ensure_ascii=False)
    # those outside the inspection area do not read denunciations at all
    for who in ("viewer", "specialist"):
        with pytest.raises(PermissionDeniedError):
            people[who].cases.show(code)
        assert people[who].cases.list(area="inspection") == []
    assert _reads(services, code) == 3  # a masked read writes nothing
    # the leader gives the case to another inspector: the first no longer reads it
    with pytest.raises(PermissionDeniedError):
        people["receiver"].cases.assign(code, "thanhtra2")
    with pytest.raises(ValidationError, match="xem"):  # a viewer may not handle it
        people["leader"].cases.assign(code, "xem")
    people["leader"].cases.assign(code, "thanhtra2")
    assert people["other"].cases.show(code)["data"]["denouncer"] == NAME
    assert people["receiver"].cases.show(code)["data"]["denouncer"] == "(bảo mật)"


def test_a_title_or_a_reason_naming_the_denouncer_is_masked_too(
        people: dict[str, Services]) -> None:
    code = people["receiver"].cases.open("denunciation", f"Tố cáo do {NAME} gửi",
                                         data={"denouncer": NAME})["code"]
    people["leader"].cases.step(code, "refuse", reason=f"{NAME} đã rút đơn qua điện thoại")
    other = people["other"]
    for shown in (other.cases.show(code), *other.cases.list(kind="denunciation")):
        assert NAME not in json.dumps(shown, default=str, ensure_ascii=False)
    assert NAME in people["leader"].cases.show(code)["title"]


def test_saving_without_the_right_keeps_it_and_the_trail_never_copies_it(
        people: dict[str, Services], services: Services) -> None:
    code = people["receiver"].cases.open("denunciation", "Tố cáo",
                                         data={"denouncer": NAME, "content": "Nội dung"})["code"]
    masked = people["other"].cases.show(code)["data"]
    people["other"].cases.edit(code, {**masked, "content": "Nội dung đã bổ sung"})
    kept = people["leader"].cases.show(code)["data"]
    assert (kept["denouncer"], kept["content"]) == (NAME, "Nội dung đã bổ sung")
    people["receiver"].cases.edit(code, {**kept, "denouncer": "Lê Thị Tố Giác (đại diện)"})
    with services.db.session() as session:
        trail = " ".join(f"{e.before} {e.after} {e.summary}" for e in session.execute(
            select(AuditEntry)).scalars())
    assert "Nội dung đã bổ sung" in trail and NAME not in trail


def test_the_command_line_masks_it_for_an_inspector_not_assigned(
        people: dict[str, Services], services: Services,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    url = services.db.engine.url.render_as_string(hide_password=False)
    where = ["--db", url.removeprefix("sqlite:///")] if url.startswith("sqlite") else [
        "--database-url", url]
    code = people["receiver"].cases.open("denunciation", "Tố cáo qua đường bưu chính",
                                         data={"denouncer": NAME})["code"]
    monkeypatch.setenv("SOTTTT_PASSWORD", "mat-khau-1")
    for user, seen in (("thanhtra2", False), ("thanhtra1", True), ("giamdoc", True)):
        capsys.readouterr()
        assert main([*where, "--user", user, "case", "show", code]) == 0
        out = capsys.readouterr().out
        assert (NAME in out) is seen, user
        assert "(bảo mật)" in out or seen
    capsys.readouterr()
    # no user: a reader of everything, but not of denunciations (refused, exit 6)
    assert main([*where, "case", "show", code]) == 6
    assert NAME not in "".join(capsys.readouterr())
