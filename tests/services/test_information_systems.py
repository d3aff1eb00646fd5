"""The register of information systems (issue #19) through the services on SQLite and
PostgreSQL: the level the answers lead to and the criterion that decided it are computed on
save, another proposal needs its reason, an approval is whole, the next check follows the level,
the overview counts the checks coming due, the form's answers give the level before saving; a
district officer does not see the register."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.core import clock
from sotttt_desktop.errors import PermissionDeniedError, ValidationError
from sotttt_desktop.services import Services

ONE_STOP = {"name": "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh",
            "system_class": "public_service", "online_service_level": "4",
            "personal_data": "có", "data_subjects": "1200000", "defence_harm": "none",
            "state": "in_use"}


@pytest.fixture
def owner(services: Services) -> str:
    return str(services.parties.add(kind="org", name="Ủy ban nhân dân tỉnh Bình Dương",
                                    district_code="718")["id"])


def test_the_level_is_computed_with_its_criterion(services: Services, owner: str) -> None:
    system = services.registers.create("information_systems", {**ONE_STOP, "owner_id": owner})
    assert (system["suggested_level"], system["proposed_level"]) == ("3", "3")
    assert system["suggested_by"] == ("Điều 9: cung cấp dịch vụ công trực tuyến từ mức độ 3 "
                                      "trở lên")
    remarks = services.registers.remarks("information_systems", system)
    assert remarks[0] == ("Cấp độ theo tiêu chí: 3 — Điều 9: cung cấp dịch vụ công trực tuyến "
                          "từ mức độ 3 trở lên (Nghị định 85/2016/NĐ-CP).")
    assert remarks[1].startswith("Cấp độ 3: thẩm định — Đơn vị chuyên trách về an toàn thông "
                                 "tin của chủ quản")
    assert "trong 15 ngày kể từ khi nhận đủ hồ sơ hợp lệ" in remarks[1]
    assert remarks[2].startswith("Mô hình 4 lớp: còn thiếu Lớp 1: lực lượng tại chỗ")
    # the answers typed to the form, not yet saved: the level before saving
    assert services.registers.draft_remarks("information_systems", {
        "system_class": "internal", "info_kind": "private", "defence_harm": "none",
        "online_service_level": "4"})[0].startswith("Cấp độ theo tiêu chí: 2 — Điều 8")
    assert services.registers.draft_remarks("information_systems", {
        "system_class": "other", "defence_harm": "none"})[0].startswith(
        "Các câu trả lời chưa đủ để xác định cấp độ")


def test_another_proposal_needs_its_reason_and_an_approval_is_whole(
        services: Services, owner: str) -> None:
    portal = {**ONE_STOP, "name": "Cổng thông tin điện tử tỉnh", "online_service_level": "0",
              "personal_data": "không", "data_subjects": "", "owner_id": owner}
    with pytest.raises(ValidationError) as refused:
        services.registers.create("information_systems", {**portal, "proposed_level": "3"})
    assert "overrule_reason" in refused.value.field_errors
    assert "(2)" in refused.value.field_errors["overrule_reason"]
    with pytest.raises(ValidationError) as refused:
        services.registers.create("information_systems", {
            **portal, "proposed_level": "3", "overrule_reason": "Kênh thông tin chính thức",
            "approved_level": "3"})
    assert set(refused.value.field_errors) == {"approval_decision", "approved_on"}
    today = clock.local_today()
    system = services.registers.create("information_systems", {
        **portal, "proposed_level": "3", "overrule_reason": "Kênh thông tin chính thức",
        "approved_level": "3", "approval_decision": "1520/QĐ-UBND",
        "approved_on": (today - dt.timedelta(days=400)).strftime("%d/%m/%Y")})
    assert system["suggested_level"] == "2" and system["proposed_level"] == "3"
    # level 3: yearly — counted from the approval while no check is recorded: overdue
    assert system["next_review_due"] < today
    assert "Đề xuất cấp độ 3, khác cấp độ theo tiêu chí: Kênh thông tin chính thức" in \
        services.registers.remarks("information_systems", system)
    assert services.registers.remarks("information_systems", system)[-1].startswith(
        "Quá hạn kiểm tra, đánh giá rủi ro từ ngày")
    checked = services.registers.update("information_systems", system["id"], {
        **portal, "proposed_level": "3", "overrule_reason": "Kênh thông tin chính thức",
        "approved_level": "3", "approval_decision": "1520/QĐ-UBND",
        "approved_on": (today - dt.timedelta(days=400)).strftime("%d/%m/%Y"),
        "last_assessed_on": (today - dt.timedelta(days=330)).strftime("%d/%m/%Y")},
        system["version"])
    due = checked["next_review_due"]
    assert dt.timedelta(days=30) <= due - today <= dt.timedelta(days=40)
    overview = services.overview.area("cybersecurity")
    [counted] = [r for r in overview["registers"] if r["register"] == "information_systems"]
    assert counted["due"]["count"] == 1


def test_a_district_officer_does_not_see_the_register(services: Services, owner: str) -> None:
    services.registers.create("information_systems", {**ONE_STOP, "owner_id": owner})
    services.security.add_user("vhtt", "Cán bộ huyện", "mat-khau-1", ["district_officer"],
                               district=721, must_change=False)
    district = services.as_actor(services.security.login("vhtt", "mat-khau-1"))
    with pytest.raises(PermissionDeniedError):
        district.registers.page("information_systems", 0, 50)
    with pytest.raises(PermissionDeniedError):
        district.registers.draft_remarks("information_systems", ONE_STOP)
