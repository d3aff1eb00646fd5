"""An incident (issue #19) through the services on SQLite and PostgreSQL: it starts at its
discovery whenever it is recorded, a step is dated when it happened, a late notice says so in
the list; its details are read only by the security unit and the leaders."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.core import clock
from sotttt_desktop.errors import PermissionDeniedError
from sotttt_desktop.services import Services


def _user(services: Services, name: str, roles: list[str], **kw) -> Services:  # noqa: ANN003
    services.security.add_user(name, name.title(), "mat-khau-1", roles, must_change=False, **kw)
    return services.as_actor(services.security.login(name, "mat-khau-1"))


@pytest.fixture
def incident(services: Services) -> dict:
    owner = services.parties.add(kind="org", name="Ủy ban nhân dân tỉnh Bình Dương")
    system = services.registers.create("information_systems", {
        "name": "Cổng thông tin điện tử tỉnh", "system_class": "public_service",
        "online_service_level": "2", "owner_id": str(owner["id"]), "defence_harm": "none",
        "state": "in_use"})
    now = clock.local_now().replace(second=0, microsecond=0)
    discovered = now - dt.timedelta(days=6)
    return services.cases.open("security_incident", "Thay đổi giao diện Cổng thông tin", data={
        "system_id": str(system["id"]), "impact": "significant",
        "discovered_at": discovered.strftime("%d/%m/%Y %H:%M"),
        "description": "Trang chủ bị thay bằng nội dung lạ lúc rạng sáng"})


def test_the_incident_starts_at_its_discovery_and_a_late_notice_says_so(
        services: Services, incident: dict) -> None:
    shown = services.cases.show(incident["code"])
    discovered = shown["timeline"][0]["at"]
    assert shown["clocks"][0]["due"] == discovered + dt.timedelta(hours=120)
    assert shown["clocks"][0]["status"] == "overdue"  # six days on, not yet notified
    assert "Chủ quản hệ thống thông tin; Cơ quan điều phối quốc gia" in shown["data"][
        "notified_to"]  # the recipients of Art. 9(2)(a), as the field's default
    sent = discovered + dt.timedelta(hours=121)
    services.cases.step(incident["code"], "notify", at=sent)  # sent yesterday, recorded today
    shown = services.cases.show(incident["code"])
    assert shown["timeline"][-1]["at"] == sent
    assert (shown["clocks"][0]["status"], shown["clocks"][0]["status_text"]) == (
        "late", "trễ hạn")
    [listed] = services.cases.list(kind="security_incident")
    assert listed["code"] == incident["code"]


def test_only_the_security_unit_and_the_leaders_read_an_incident(
        services: Services, incident: dict) -> None:
    security = _user(services, "attt", ["specialist"], areas=["cybersecurity"])
    leader = _user(services, "lanhdao", ["leader"])
    press = _user(services, "baochi", ["specialist"], areas=["press"])
    viewer = _user(services, "xem", ["viewer"])
    for reader in (security, leader):
        assert reader.cases.show(incident["code"])["data"]["description"]
        assert [c["code"] for c in reader.cases.list(area="cybersecurity")] == [
            incident["code"]]
    for outsider in (press, viewer):
        with pytest.raises(PermissionDeniedError, match="lãnh đạo"):
            outsider.cases.show(incident["code"])
        with pytest.raises(PermissionDeniedError):
            outsider.cases.list(kind="security_incident")
        assert outsider.cases.list(area="cybersecurity") == []
        assert outsider.registers.count("information_systems") == 1  # the register is not
