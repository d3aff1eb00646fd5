"""Declared cases through the service, on SQLite and PostgreSQL: one transaction per step,
permissions from the declaration, the overdue list from the clocks, refusals that write nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.errors import NotFoundError, PermissionDeniedError, ValidationError
from sotttt_desktop.i18n import LOCAL_TZ
from sotttt_desktop.services import Services

REPORTED = {"item": "https://www.facebook.com/quangcao.x/posts/1", "platform": "Facebook"}

def _now() -> dt.datetime:
    return dt.datetime.now(LOCAL_TZ).replace(tzinfo=None, second=0, microsecond=0)


def _user(services: Services, name: str, roles: list[str], **kw) -> Services:  # noqa: ANN003
    services.security.add_user(name, name.title(), "mat-khau-1", roles, must_change=False, **kw)
    return services.as_actor(services.security.login(name, "mat-khau-1"))


@pytest.fixture
def party(services: Services) -> dict:
    return services.parties.add(kind="person", name="Nguyễn Văn Tố", citizen_id="074085001234",
                                district_code="718")


def test_a_denunciation_is_accepted_extended_and_concluded(services: Services,
                                                           party: dict) -> None:
    entries = services.audit.count()
    opened = services.cases.open("denunciation", "Tố cáo hành vi của cán bộ A",
                                 party_id=party["id"],
                                 at=dt.datetime(2025, 1, 23, 10))
    code = opened["code"]
    assert code == "TC-2025-00001" and opened["state"] == "received"
    assert opened["district_code"] == 718  # the party's
    assert (opened["clock"], opened["due"], opened["status"]) == ("intake", dt.date(2025, 2, 10),
                                                                  "overdue")
    # the Director's decisions take their numbers from the register of outgoing documents
    services.cases.step(code, "accept", at=dt.datetime(2025, 2, 7, 9))
    services.cases.step(code, "notify", at=dt.datetime(2025, 2, 10, 9))
    services.cases.step(code, "classify", variant="complex", at=dt.datetime(2025, 2, 10, 9))
    extended = services.cases.step(code, "extend", amount=30,
                                   reason="Phải xác minh thêm", at=dt.datetime(2025, 3, 5, 9))
    assert (extended["clock"], extended["due"]) == ("settlement", dt.date(2025, 4, 9))
    assert extended["variant_label"] == "phức tạp"
    done = services.cases.step(code, "conclude", at=dt.datetime(2025, 4, 8, 15))
    assert done["state"] == "concluded" and done["finished_at"] == dt.datetime(2025, 4, 8, 15)
    # the conclusion is still to be sent (05 working days) and published (07): the case runs on
    assert (done["clock"], done["status"]) == ("conclusion_sent", "overdue")
    services.cases.step(code, "send_conclusion", at=dt.datetime(2025, 4, 9, 9))
    done = services.cases.step(code, "publish", at=dt.datetime(2025, 4, 10, 9))
    assert done["status"] == "early"
    shown = services.cases.show(code)
    clocks = {c["key"]: c for c in shown["clocks"]}
    assert {k: (c["status"], c["due"]) for k, c in clocks.items()} == {
        "intake": ("early", dt.date(2025, 2, 10)), "notice": ("early", dt.date(2025, 2, 14)),
        "settlement": ("early", dt.date(2025, 4, 9)),
        "conclusion_sent": ("early", dt.date(2025, 4, 15)),
        "publication": ("early", dt.date(2025, 4, 17))}
    assert clocks["settlement"]["explanation"][-3:] == [
        "Gia hạn lần 1 (tối đa 1 lần), Quyết định số 02/QĐ-STTTT: thêm 30 ngày, tính từ hạn "
        "thứ Hai 10/03/2025.",
        "Thời hạn 30 ngày; ngày thứ nhất là 11/03/2025, ngày thứ 30 là thứ Tư 09/04/2025.",
        "Hạn cuối: thứ Tư 09/04/2025."]
    assert "Điều 30" in clocks["settlement"]["basis"]
    assert [(e["step"], e["to_state"], e["decision"]) for e in shown["timeline"]] == [
        ("open", "received", None), ("accept", "accepted", "01/QĐ-STTTT"),
        ("notify", "accepted", None), ("classify", "accepted", None),
        ("extend", "accepted", "02/QĐ-STTTT"), ("conclude", "concluded", "01/KL-STTTT"),
        ("send_conclusion", "concluded", None), ("publish", "concluded", None)]
    assert list(shown["timeline"][1]["clocks"]) == ["intake", "notice", "settlement"]
    assert services.audit.count() == entries + 8
    assert services.cases.list(overdue=True) == []


def test_refused_steps_write_nothing(services: Services) -> None:
    code = services.cases.open("denunciation", "Tố cáo B", at=dt.datetime(2025, 1, 23, 10))["code"]
    viewer = _user(services, "xem.vu.viec", ["viewer"])
    entries = services.audit.count()
    with pytest.raises(ValidationError, match="Có thể từ"):
        services.cases.step(code, "conclude", at=dt.datetime(2025, 2, 3, 9))
    with pytest.raises(ValidationError, match="sổ đăng ký văn bản đi"):  # no typed number
        services.cases.step(code, "accept", decision="5/QĐ", at=dt.datetime(2025, 2, 3, 9))
    with pytest.raises(ValidationError, match="trước bước liền trước"):
        services.cases.step(code, "accept", at=dt.datetime(2025, 1, 22, 9))
    with pytest.raises(ValidationError, match="tương lai"):
        services.cases.step(code, "accept", at=_now() + dt.timedelta(days=2))
    with pytest.raises(PermissionDeniedError):
        viewer.cases.step(code, "accept", at=dt.datetime(2025, 2, 3, 9))
    with pytest.raises(PermissionDeniedError):
        viewer.cases.open("denunciation", "Tố cáo C")
    shown = services.cases.show(code)
    assert shown["state"] == "received" and len(shown["timeline"]) == 1
    assert services.audit.count() == entries
    with pytest.raises(ValidationError, match="loại vụ việc"):
        services.cases.open("nothing", "x")
    with pytest.raises(ValidationError, match="nội dung"):
        services.cases.open("denunciation", "   ")
    with pytest.raises(NotFoundError):
        services.cases.show("TC-1999-00001")
    assert services.cases.count() == 1


def test_the_roles_of_the_declaration_apply(services: Services) -> None:
    inspector = _user(services, "thanh.tra", ["inspector"])
    code = inspector.cases.open("denunciation", "Tố cáo D", at=dt.datetime(2025, 1, 23, 10))["code"]
    with pytest.raises(PermissionDeniedError):  # accepting is a decision: approve
        inspector.cases.step(code, "accept", at=dt.datetime(2025, 2, 3, 9))
    leader = _user(services, "lanh.dao", ["leader"])
    assert leader.cases.step(code, "accept",
                             at=dt.datetime(2025, 2, 3, 9))["state"] == "accepted"
    assert inspector.cases.step(code, "notify", at=dt.datetime(2025, 2, 4, 9))["state"] == \
        "accepted"
    district = _user(services, "huyen.di.an", ["district_officer"], district=724)
    with pytest.raises(NotFoundError):  # another district's, and not the district's area
        district.cases.show(code)
    assert district.cases.list() == []  # denunciations are not the district's to see


def test_the_overdue_list_comes_from_the_running_clocks(services: Services) -> None:
    now = _now()
    late = services.cases.open("takedown_request", "Quảng cáo sai sự thật trên nền tảng X",
                               data=REPORTED, at=now - dt.timedelta(hours=30))
    soon = services.cases.open("takedown_request", "Quảng cáo trên nền tảng Y",
                               data=REPORTED, at=now - dt.timedelta(hours=22))
    later = services.cases.open("denunciation", "Tố cáo E", at=now)
    report = services.cases.open("ads_annual_report", f"Báo cáo năm {now.year}", at=now)
    assert [r["code"] for r in services.cases.list(overdue=True)] == [late["code"]]
    listed = services.cases.list()
    assert [r["code"] for r in listed] == [late["code"], soon["code"], later["code"],
                                           report["code"]]
    assert [r["status"] for r in listed[:2]] == ["overdue", "at_risk"]
    assert listed[1]["left"] == 1
    services.cases.step(late["code"], "removed", at=now)
    assert services.cases.list(overdue=True) == []
    assert [r["code"] for r in services.cases.list(kind="takedown_request", state="removed")] \
        == [late["code"]]
    assert services.cases.list()[-1]["code"] == late["code"]  # done: after the running ones
    assert [r["code"] for r in services.cases.list(offset=2, limit=2)] == [report["code"],
                                                                          late["code"]]
    assert [r["code"] for r in services.cases.list(offset=3, limit=5)] == [late["code"]]
    with pytest.raises(ValidationError):
        services.cases.list(state="removed")  # a state belongs to a kind
    with pytest.raises(ValidationError):
        services.cases.list(kind="takedown_request", state="nowhere")


def test_codes_run_per_kind_and_year(services: Services) -> None:
    codes = [services.cases.open("denunciation", f"Tố cáo {n}",
                                 at=dt.datetime(2025, 3, 3, 9))["code"] for n in range(3)]
    assert codes == ["TC-2025-00001", "TC-2025-00002", "TC-2025-00003"]
    assert services.cases.open("takedown_request", "Gỡ bỏ",
                               data=REPORTED, at=dt.datetime(2025, 3, 3, 9))["code"] \
        == "GG-2025-00001"


def test_the_audit_trail_names_case_steps_in_words(services: Services) -> None:
    from sotttt_desktop.services.audit_trail import action_words, kind_words

    code = services.cases.open("denunciation", "Tố cáo F", at=dt.datetime(2025, 1, 23, 10))["code"]
    services.cases.step(code, "accept", at=dt.datetime(2025, 2, 3, 9))
    actions = [e["action"] for e in services.audit.entries()][:2]
    assert sorted(actions) == ["case_accept", "case_open"]
    assert [action_words(a) for a in ("case_open", "case_accept")] == ["mở vụ việc",
                                                                       "thụ lý giải quyết"]
    assert kind_words("case") == "vụ việc"


def test_desks_opening_at_once_get_distinct_consecutive_codes(services: Services) -> None:
    import threading

    codes: list[str] = []
    errors: list[Exception] = []

    def desk(n: int) -> None:
        try:
            codes.append(services.cases.open("takedown_request", f"Yêu cầu {n}",
                                             data=REPORTED, at=dt.datetime(2025, 3, 3, 9))["code"])
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=desk, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(codes) == [f"GG-2025-{n:05d}" for n in range(1, 9)]
