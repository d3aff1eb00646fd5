"""The inspection plan, inspection files and the citizen-reception book (issue #20) through the
services on SQLite and PostgreSQL: the plan in the province's plan by 20/12, one a year; an
inspection's decision and conclusion numbered by the register, its 15-day clocks, shown in the
history of the party inspected and of its records; the book's 10-working-day answer; none of it
opened after the Department's inspectorate ended (30/06/2025)."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.errors import PermissionDeniedError, ValidationError
from sotttt_desktop.services import Services
from tests.permit_samples import SAMPLES, issue_at_the_desk

at = dt.datetime


def _user(services: Services, name: str, roles: list[str]) -> Services:
    services.security.add_user(name, name.title(), "mat-khau-1", roles, must_change=False)
    return services.as_actor(services.security.login(name, "mat-khau-1"))


def test_the_plan_is_in_the_provinces_plan_by_20_december(services: Services) -> None:
    inspector = _user(services, "thanhtra", ["inspector"])
    leader = _user(services, "giamdoc", ["leader"])
    plan = inspector.cases.open("inspection_plan", "Kế hoạch thanh tra năm 2025",
                                at=at(2024, 11, 25, 9), data={"plan_year": "2025"})
    assert str(inspector.cases.show(plan["code"])["clocks"][0]["due"]) == "2024-12-20"
    with pytest.raises(ValidationError, match=plan["code"]):
        inspector.cases.open("inspection_plan", "Kế hoạch lần hai", at=at(2024, 11, 26, 9),
                             data={"plan_year": "2025"})
    with pytest.raises(PermissionDeniedError):
        inspector.cases.step(plan["code"], "submit", at=at(2024, 11, 28, 9))
    leader.cases.step(plan["code"], "submit", at=at(2024, 11, 28, 9))
    number = leader.cases.show(plan["code"])["timeline"][-1]["decision"]
    [entry] = [e for e in leader.numbering.register(2024, "TTr") if e["text"] == number]
    assert entry["summary"] == "Tờ trình kế hoạch thanh tra năm 2025"
    inspector.cases.step(plan["code"], "include", decision="2950/QĐ-UBND",
                         at=at(2024, 12, 18, 9))
    assert inspector.cases.show(plan["code"])["clocks"][0]["status"] == "early"
    with pytest.raises(ValidationError, match="30/06/2025"):  # no inspectorate after
        inspector.cases.open("inspection_plan", "Kế hoạch thanh tra năm 2026",
                             at=at(2025, 11, 25, 9), data={"plan_year": "2026"})


def test_an_inspection_runs_on_its_clocks_and_shows_in_the_histories(
        services: Services) -> None:
    holder = services.parties.add(kind="person", name="Trần Văn Bình",
                                  citizen_id="074090001234", district_code="718",
                                  address="Số 5 đường Yersin, phường Phú Cường")
    issue_at_the_desk(services, holder, "e_information.game_point.issue",
                      details=SAMPLES["e_information.game_point"],
                      valid_until=dt.date(2027, 3, 15))
    inspector = _user(services, "thanhtra", ["inspector"])
    leader = _user(services, "giamdoc", ["leader"])
    code = inspector.cases.open("inspection", "Thanh tra điểm trò chơi Yersin",
                                at=at(2025, 3, 3, 9), data={
                                    "inspection_type": "ad_hoc", "target": str(holder["id"]),
                                    "subject": "Việc chấp hành điều kiện hoạt động",
                                    "period_inspected": "2024–2025"})["code"]
    leader.cases.step(code, "decide", at=at(2025, 3, 4, 9))
    decision = leader.cases.show(code)["timeline"][-1]["decision"]
    assert "/QĐ-" in decision
    for action, moment in (("announce", at(2025, 3, 5, 9)), ("end_direct", at(2025, 3, 20, 16))):
        inspector.cases.step(code, action, at=moment)
    shown = inspector.cases.show(code)
    assert (shown["clock"], str(shown["due"])) == ("report", "2025-04-04")  # 15 days
    inspector.cases.step(code, "report", at=at(2025, 4, 2, 9))
    assert str(inspector.cases.show(code)["due"]) == "2025-04-17"  # 15 days to sign
    with pytest.raises(ValidationError, match="kết luận thanh tra"):
        leader.cases.step(code, "conclude", at=at(2025, 4, 10, 9))  # the findings first
    data = inspector.cases.show(code)["data"]
    inspector.cases.edit(code, {**data, "findings": "Cơ sở hoạt động quá giờ quy định."})
    leader.cases.step(code, "conclude", at=at(2025, 4, 10, 9))
    conclusion = leader.cases.show(code)["timeline"][-1]["decision"]
    assert "/KL-" in conclusion
    [entry] = list(leader.registers.iter_records("game_points"))
    assert [c["code"] for c in leader.registers.history("game_points", entry["id"])[
        "cases"]] == [code]
    assert [c["code"] for c in leader.registers.history("parties", holder["id"])[
        "cases"]] == [code]


def test_the_reception_book_answers_in_ten_working_days(services: Services) -> None:
    inspector = _user(services, "thanhtra", ["inspector"])
    visit = inspector.registers.create("citizen_reception", {
        "received_on": "23/01/2025", "visitor_name": "Lê Thị Mai", "people": "2",
        "kind": "petition", "content": "Kiến nghị về trạm phát sóng gần khu dân cư",
        "handling": "accepted", "state": "waiting"})
    assert visit["answer_due"] == dt.date(2025, 2, 13)  # Tết 27–31/01 not counted
    answered = inspector.registers.update("citizen_reception", visit["id"], {
        "received_on": "23/01/2025", "visitor_name": "Lê Thị Mai", "people": "2",
        "kind": "petition", "content": "Kiến nghị về trạm phát sóng gần khu dân cư",
        "handling": "accepted", "state": "answered", "answered_on": "14/02/2025"},
        expected_version=visit["version"])
    assert answered["late"] is True
    with pytest.raises(ValidationError) as named:
        inspector.registers.create("citizen_reception", {
            "received_on": "23/01/2025", "visitor_name": "Người tố cáo", "kind": "denunciation",
            "content": "Tố cáo", "handling": "accepted", "state": "waiting"})
    assert set(named.value.field_errors) == {"visitor_name", "case_code", "content"}
    denunciation = inspector.cases.open("denunciation", "Tố cáo hành vi nhũng nhiễu",
                                        at=at(2025, 1, 23, 9))["code"]
    visit = {"received_on": "23/01/2025", "kind": "denunciation", "case_code": denunciation,
             "handling": "accepted", "state": "waiting"}
    with pytest.raises(ValidationError) as said:  # what is denounced stays in the case
        inspector.registers.create("citizen_reception", {**visit, "content": "Tố cáo ông A"})
    assert set(said.value.field_errors) == {"content"}
    with pytest.raises(ValidationError) as unknown:
        inspector.registers.create("citizen_reception", {**visit, "case_code": "TC-2025-09999"})
    assert set(unknown.value.field_errors) == {"case_code"}
    written = inspector.registers.create("citizen_reception", visit)
    assert written["content"] == f"Đơn tố cáo: nội dung trong hồ sơ vụ việc {denunciation}"
    assert inspector.registers.count("citizen_reception") == 2
