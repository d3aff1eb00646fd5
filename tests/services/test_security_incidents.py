"""An incident (issue #19) through the services on SQLite and PostgreSQL: it starts at its
discovery whenever it is recorded, a step is dated when it happened, a late notice says so in
the list; its details are read only by the security unit and the leaders."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.core import clock
from sotttt_desktop.errors import PermissionDeniedError, ValidationError
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


def test_a_level_3_opinion_and_a_level_2_approval_are_numbered_and_printed(
        services: Services) -> None:
    """The opinion letter (to the owner, who approves level 3) and the Department's decision
    approving level 2 take the register's next numbers and print the system as registered; a
    specialist accepts the dossier, only a leader sends the opinion or approves."""
    from tests.documents.helpers import pdf_text

    owner = services.parties.add(kind="org", name="Ủy ban nhân dân tỉnh Bình Dương")
    health_unit = str(services.parties.add(kind="org", name="Sở Y tế tỉnh Bình Dương")["id"])
    health = services.registers.create("information_systems", {
        "name": "Hệ thống hồ sơ sức khỏe điện tử", "system_class": "public_service",
        "online_service_level": "2", "personal_data": "có", "data_subjects": "850000",
        "owner_id": str(owner["id"]), "operator_id": health_unit, "defence_harm": "none",
        "state": "in_use"})
    site = services.registers.create("information_systems", {
        "name": "Trang thông tin điện tử Sở Y tế", "system_class": "public_service",
        "online_service_level": "1", "owner_id": str(owner["id"]), "defence_harm": "none",
        "state": "in_use"})
    specialist = _user(services, "attt", ["specialist"], areas=["cybersecurity"])
    leader = _user(services, "giamdoc", ["leader"])
    with pytest.raises(ValidationError):  # the level-3 kind is for level 3
        specialist.cases.open("security_level_3", "Thẩm định", data={
            "system_id": str(health["id"]), "submitter": health_unit, "proposed_level": "2"})
    with pytest.raises(ValidationError, match="đang đề xuất cấp độ 3") as refused:
        specialist.cases.open("security_level_12", "Phê duyệt", data={  # its register says 3
            "system_id": str(health["id"]), "submitter": health_unit, "proposed_level": "2"})
    assert "proposed_level" in refused.value.field_errors
    opinion = specialist.cases.open("security_level_3", "Thẩm định cấp độ 3", data={
        "system_id": str(health["id"]), "submitter": health_unit, "proposed_level": "3",
        "conclusion": "Hồ sơ đáp ứng yêu cầu; đề nghị bổ sung phương án sao lưu dự phòng."})
    specialist.cases.step(opinion["code"], "accept")
    with pytest.raises(PermissionDeniedError):
        specialist.cases.step(opinion["code"], "send_opinion")
    leader.cases.step(opinion["code"], "send_opinion")
    number = leader.cases.show(opinion["code"])["timeline"][-1]["decision"]
    text = " ".join(pdf_text(leader.documents.render("security-level-opinion",
                                                     opinion["code"]).pdf).split())
    for words in (f"Số: {number}", "Kính gửi: Sở Y tế tỉnh Bình Dương.",
                  "Căn cứ Nghị định số 85/2016/NĐ-CP", "Hệ thống hồ sơ sức khỏe điện tử",
                  "2. Chủ quản hệ thống thông tin: Ủy ban nhân dân tỉnh Bình Dương.",
                  "3. Đơn vị vận hành: Sở Y tế tỉnh Bình Dương.",
                  "cấp độ 3 theo Điều 9 Nghị định số 85/2016/NĐ-CP (cung cấp dịch vụ trực "
                  "tuyến có xử lý thông tin cá nhân", "đề nghị bổ sung phương án sao lưu dự "
                  "phòng", "Đề nghị Sở Y tế tỉnh Bình Dương hoàn thiện hồ sơ, trình Ủy ban nhân "
                  "dân tỉnh Bình Dương phê duyệt theo quy định tại khoản 2 Điều 12 và Điều 17 "
                  "Nghị định số 85/2016/NĐ-CP./."):
        assert words in text, words
    approval = specialist.cases.open("security_level_12", "Phê duyệt cấp độ 2", data={
        "system_id": str(site["id"]), "submitter": health_unit, "proposed_level": "2"})
    specialist.cases.step(approval["code"], "accept")
    leader.cases.step(approval["code"], "approve")
    number = leader.cases.show(approval["code"])["timeline"][-1]["decision"]
    assert "/QĐ-" in number
    [entry] = [e for e in leader.numbering.register(clock.local_today().year, "QĐ")
               if e["text"] == number]
    assert entry["recipients"] == "Sở Y tế tỉnh Bình Dương"  # who submitted, not the system
    # the approval is the system's, in its register, and its next check follows from it
    approved = services.registers.record("information_systems", site["id"])
    today = clock.local_today()
    assert (approved["approved_level"], approved["approval_decision"], approved["approved_on"],
            approved["next_review_due"]) == ("2", number, today, today.replace(
                year=today.year + 2) if (today.month, today.day) != (2, 29) else
            today.replace(year=today.year + 2, day=28))
    specialist.cases.step(opinion["code"], "record_approval", decision="412/QĐ-UBND")
    assert services.registers.record("information_systems", health["id"])[
        "approval_decision"] == "412/QĐ-UBND"
    text = " ".join(pdf_text(leader.documents.render("security-level-approval",
                                                     approval["code"]).pdf).split())
    for words in ("QUYẾT ĐỊNH", "Về việc phê duyệt hồ sơ đề xuất cấp độ an toàn hệ thống "
                  "thông tin Trang thông tin điện tử Sở Y tế", "Căn cứ Luật An toàn thông tin "
                  "mạng", "Trang thông tin điện tử Sở Y tế: cấp độ 2 theo Điều 8 Nghị định số "
                  "85/2016/NĐ-CP", "định kỳ 02 năm một lần theo quy định tại điểm c khoản 2 "
                  "Điều 20", "Quyết định này có hiệu lực kể từ ngày ký.", "Như Điều 3"):
        assert words in text, words
