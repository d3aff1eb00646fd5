"""The remaining registers and cases of issue #16, through the services on SQLite and PostgreSQL:
advertising violations (forwarded to the Ministry with a letter, removal confirmed after the
finding), external-information plans with their activities, the appraisal of another agency's
plan on its internal clock, false-information cases, district radio stations, the source
information log, and the grassroots means of the communes. A refusal writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.errors import PermissionDeniedError, ValidationError
from sotttt_desktop.registers import registers_of
from sotttt_desktop.services import Services

VIOLATION = {"entry_no": "001/2024", "detected_at": "05/11/2024 09:40", "source": "monitoring",
             "medium": "social_network", "location": "https://www.tiktok.com/@vay.nhanh/video/1",
             "advertiser": "Tài khoản “Vay nhanh”", "origin": "cross_border",
             "action": "forwarded"}


def _user(services: Services, name: str, roles: list[str], **kw) -> Services:  # noqa: ANN003
    services.security.add_user(name, name.title(), "mat-khau-1", roles, must_change=False, **kw)
    return services.as_actor(services.security.login(name, "mat-khau-1"))


def test_the_areas_declare_their_registers() -> None:
    assert registers_of("e_information") == ["websites", "game_points", "ad_violations"]
    assert registers_of("grassroots") == [
        "commune_radio_stations", "district_stations", "grassroots_means", "source_bulletins",
        "external_plans"]


def test_an_ad_violation_forwarded_to_the_ministry_names_its_letter(services: Services) -> None:
    entries = services.audit.count()
    with pytest.raises(ValidationError) as refused:
        services.registers.create("ad_violations", VIOLATION)
    assert set(refused.value.field_errors) == {"forwarded_no", "forwarded_on"}
    assert "ghi số văn bản" in refused.value.field_errors["forwarded_no"]
    with pytest.raises(ValidationError, match="trước ngày phát hiện"):
        services.registers.create("ad_violations", {**VIOLATION, "forwarded_no": "12/STTTT",
                                                     "forwarded_on": "01/11/2024"})
    with pytest.raises(ValidationError, match="trước thời điểm phát hiện"):
        services.registers.create("ad_violations", {
            **VIOLATION, "forwarded_no": "1203/STTTT-TTBCXB", "forwarded_on": "06/11/2024",
            "removed_at": "05/11/2024 08:00"})
    assert services.registers.count("ad_violations") == 0
    assert services.audit.count() == entries  # nothing written
    entry = services.registers.create("ad_violations", {
        **VIOLATION, "forwarded_no": "1203/STTTT-TTBCXB", "forwarded_on": "06/11/2024",
        "removed_at": "07/11/2024 16:20"})
    assert entry["detected_at"] == dt.datetime(2024, 11, 5, 9, 40)
    assert entry["removed_at"] == dt.datetime(2024, 11, 7, 16, 20)
    with pytest.raises(ValidationError, match="đã có trong sổ"):
        services.registers.create("ad_violations", {**VIOLATION, "action": "reminder"})
    hits = services.search.query("vay nhanh")
    assert [h.kind for h in hits] == ["ad_violation"]


def test_an_external_plan_keeps_its_activities_and_budget(services: Services) -> None:
    plan = {"plan_no": "1914/KH-UBND", "year": "2024", "plan_kind": "annual",
            "title": "Kế hoạch thông tin đối ngoại năm 2024", "budget": "1.850.000.000",
            "activities": "Tọa đàm đầu tư | Quý II/2024 | TP. Thủ Dầu Một | Nhà đầu tư | "
                          "event | 450.000.000\nẤn phẩm tiếng Anh | | | | publication",
            "state": "drafting"}
    with pytest.raises(ValidationError, match="bốn chữ số"):
        services.registers.create("external_plans", {**plan, "year": "24"})
    with pytest.raises(ValidationError) as refused:
        services.registers.create("external_plans", {**plan, "settled": "1000"})
    assert set(refused.value.field_errors) == {"settled"}
    with pytest.raises(ValidationError, match="Dòng 1, Kênh thông tin"):
        services.registers.create("external_plans", {
            **plan, "activities": "Tọa đàm | Quý II | | | truyền hình"})
    with pytest.raises(ValidationError, match="phải có đánh giá"):
        services.registers.create("external_plans", {**plan, "state": "done"})
    entry = services.registers.create("external_plans", plan)
    assert entry["budget"] == 1_850_000_000 and entry["year"] == 2024
    assert ("Năm", "2024") in services.registers.display("external_plans", entry)  # not 2.024
    first = entry["activities"][0]  # each value kept as its kind exports it
    assert (first["name"], first["when"], first["channel"]) == (
        "Tọa đàm đầu tư", "Quý II/2024", "Sự kiện, triển lãm")
    assert first["budget"].replace(".", "") == "450000000"
    assert len(entry["activities"]) == 2
    shown = services.registers.update("external_plans", entry["id"], {
        **plan, "state": "done", "settled": "1.700.000.000",
        "evaluation": "Hoàn thành các hoạt động"}, expected_version=entry["version"])
    assert shown["settled"] == 1_700_000_000


def test_an_appraisal_runs_on_the_departments_internal_limit(services: Services) -> None:
    opened = services.cases.open(
        "external_appraisal", "Thẩm định Kế hoạch TTĐN 2025 của Sở Công Thương",
        at=dt.datetime(2024, 12, 2, 9),
        data={"submitter": "Sở Công Thương", "plan_title": "Kế hoạch TTĐN năm 2025",
              "budget": "320.000.000"})
    # 10 working days (resources/cases/unconfirmed.toml) from Monday 02/12/2024
    assert (opened["clock"], opened["due"]) == ("appraisal", dt.date(2024, 12, 16))
    shown = services.cases.show(opened["code"])
    assert shown["details"] and any("320.000.000" in line for line in
                                    map(str, shown["details"]))
    specialist = _user(services, "chuyenvien", ["specialist"], areas=["grassroots"])
    with pytest.raises(PermissionDeniedError):
        specialist.cases.step(opened["code"], "submit", decision="55/TTr-STTTT",
                              at=dt.datetime(2024, 12, 10, 9))
    with pytest.raises(ValidationError):
        services.cases.step(opened["code"], "submit", at=dt.datetime(2024, 12, 10, 9))
    done = services.cases.step(opened["code"], "submit", decision="55/TTr-STTTT",
                               at=dt.datetime(2024, 12, 10, 9))
    assert done["state"] == "submitted" and done["status"] == "early"
    with pytest.raises(ValidationError):  # what the case records is checked
        services.cases.open("external_appraisal", "Thiếu cơ quan trình",
                            at=dt.datetime(2024, 12, 2, 9), data={"plan_title": "X"})


def test_a_false_information_case_is_clarified(services: Services) -> None:
    opened = services.cases.open(
        "false_information", "Bài viết sai sự thật về doanh nghiệp FDI",
        at=dt.datetime(2024, 11, 29, 15),
        data={"item": "https://www.facebook.com/tin.kinhte/posts/1", "source": "Facebook",
              "detected_at": "29/11/2024 13:00", "informed": "Ban Tuyên giáo Tỉnh ủy"})
    assert opened["due"] == dt.date(2024, 12, 4)  # 3 working days
    clarified = services.cases.step(opened["code"], "clarify", decision="4120/STTTT-TTBCXB",
                                    at=dt.datetime(2024, 12, 3, 10))
    assert clarified["state"] == "clarified"


def test_one_station_a_district_on_the_fm_broadcast_band(services: Services) -> None:
    station = {"district_code": "Thủ Dầu Một", "technology": "fm", "state": "active",
               "station_name": "Trung tâm Văn hóa, Thể thao và Truyền thanh TP. Thủ Dầu Một"}
    with pytest.raises(ValidationError, match="87–108 MHz"):
        services.registers.create("district_stations", {
            **station, "frequency": "56,5", "rf_licence_no": "12/GP-CTS"})
    services.registers.create("district_stations", {
        **station, "frequency": "97,5", "rf_licence_no": "12/GP-CTS"})
    with pytest.raises(ValidationError, match="đã có đài truyền thanh"):
        services.registers.create("district_stations", {**station, "technology": "ict"})


def test_source_information_goes_on_air_once_approved(services: Services) -> None:
    item = {"bulletin_no": "TTN-2024-0001", "provider_level": "provincial",
            "provider": "Sở Thông tin và Truyền thông", "title": "Phòng chống lừa đảo qua mạng",
            "scheduled_at": "20/11/2024 17:30",
            "targets": "Đài truyền thanh phường Phú Cường | 20/11/2024 08:00 | "
                       "20/11/2024 17:30\nĐài truyền thanh xã An Tây | 20/11/2024 09:10"}
    with pytest.raises(ValidationError) as refused:
        services.registers.create("source_bulletins", {**item,
                                                        "broadcast_at": "20/11/2024 17:00"})
    assert set(refused.value.field_errors) == {"approved_by", "broadcast_at"}
    entry = services.registers.create("source_bulletins", {
        **item, "approved_by": "Trần Minh Hải", "broadcast_at": "20/11/2024 17:30"})
    assert [t["station"] for t in entry["targets"]] == [
        "Đài truyền thanh phường Phú Cường", "Đài truyền thanh xã An Tây"]
    assert entry["targets"][1].get("aired_at") in (None, "")


def test_grassroots_means_are_per_commune_and_scoped_to_the_district(
        services: Services) -> None:
    base = {"district_code": "718", "commune_code": "25747", "state": "active"}
    with pytest.raises(ValidationError, match="số điện thoại|Số điện thoại"):
        services.registers.create("grassroots_means", {
            **base, "code": "TTV-25747-01", "means": "propagandist", "name": "Lê Thị Hoa",
            "phone": "12"})
    with pytest.raises(ValidationError, match="không thuộc huyện"):
        services.registers.create("grassroots_means", {
            **base, "code": "BTC-25945-01", "means": "board", "name": "Bảng tin",
            "commune_code": "25945"})
    services.registers.create("grassroots_means", {
        **base, "code": "TTV-25747-01", "means": "propagandist", "name": "Lê Thị Hoa",
        "phone": "0912 345 678"})
    services.registers.create("grassroots_means", {
        "code": "BTC-720-01", "means": "board", "name": "Bảng tin UBND thị trấn Dầu Tiếng",
        "district_code": "720",
        "commune_code": services.reference.districts()[720].communes[0][0], "state": "active"})
    officer = _user(services, "vanhoa_tdm", ["district_officer"], district=718)
    names = [r["name"] for r in officer.registers.iter_records("grassroots_means")]
    assert names == ["Lê Thị Hoa"]


def test_the_area_overview_names_the_cases_past_or_near_their_deadline(
        services: Services) -> None:
    from sotttt_desktop.core import clock

    now = clock.local_now().replace(tzinfo=None, second=0, microsecond=0)
    reported = {"item": "https://www.facebook.com/quangcao.x/posts/1", "platform": "Facebook"}
    late = services.cases.open("takedown_request", "Quá 24 giờ",
                               at=now - dt.timedelta(hours=30), data=reported)
    services.cases.open("takedown_request", "Vừa gửi", at=now - dt.timedelta(hours=1),
                        data=reported)
    near = services.cases.open("takedown_request", "Còn 2 giờ",
                               at=now - dt.timedelta(hours=22), data=reported)
    at_risk = services.overview.area("e_information")["cases_at_risk"]
    assert [(c["code"], c["status"]) for c in at_risk] == [
        (late["code"], "overdue"), (near["code"], "at_risk")]
    assert services.overview.area("press")["cases_at_risk"] == []


def test_the_grassroots_rule_changes_on_the_first_of_july_2024(services: Services) -> None:
    from sotttt_desktop.services.area_rules import rule_in_force

    assert rule_in_force("grassroots", dt.date(2024, 6, 30))["short"] == "QĐ 52/2016/QĐ-TTg"
    assert rule_in_force("grassroots", dt.date(2024, 7, 1))["short"] == "NĐ 49/2024/NĐ-CP"
    assert rule_in_force("press", dt.date(2024, 7, 1)) is None
    overview = services.overview.area("grassroots", today=dt.date(2024, 6, 30))
    assert overview["rule"]["basis"].startswith("Quyết định số 52/2016/QĐ-TTg")


def test_what_happened_is_not_in_the_future_and_plans_add_up(services: Services) -> None:
    from sotttt_desktop.core import clock

    tomorrow = clock.local_today() + dt.timedelta(days=1)
    with pytest.raises(ValidationError, match="tương lai"):
        services.registers.create("ad_violations", {
            **VIOLATION, "action": "reminder", "detected_at": f"{tomorrow:%d/%m/%Y} 09:00"})
    plan = {"plan_no": "1/KH-UBND", "year": str(tomorrow.year), "plan_kind": "annual",
            "title": "Kế hoạch", "state": "drafting", "budget": "100.000.000",
            "activities": "Hội nghị | | | | event | 80.000.000\nẤn phẩm | | | | publication | "
                          "30.000.000"}
    with pytest.raises(ValidationError, match="110.000.000 đồng, vượt dự toán"):
        services.registers.create("external_plans", plan)
    with pytest.raises(ValidationError, match="tối đa 10 năm"):
        services.registers.create("external_plans", {**plan, "year": "2099",
                                                      "activities": ""})
    with pytest.raises(ValidationError, match="Dòng 1: đài phát tin sau khi đã nhận tin"):
        services.registers.create("source_bulletins", {
            "bulletin_no": "TTN-1", "provider_level": "provincial", "provider": "Sở",
            "title": "Tin", "scheduled_at": "20/11/2024 17:30", "approved_by": "A",
            "broadcast_at": "20/11/2024 17:30",
            "targets": "Đài xã A | 20/11/2024 18:00 | 20/11/2024 17:30"})


def test_a_district_officer_works_with_the_registers_kept_by_district(
        services: Services) -> None:
    services.security.add_user("dian", "Cán bộ Dĩ An", "mat-khau-1", ["district_officer"],
                               district=724, must_change=False)
    officer = services.as_actor(services.security.login("dian", "mat-khau-1"))
    assert officer.registers.of_area("grassroots") == [
        "commune_radio_stations", "district_stations", "grassroots_means"]
    assert officer.registers.of_area("e_information") == ["websites", "game_points"]
    assert [r["register"] for r in officer.overview.area("grassroots")["registers"]] == [
        "commune_radio_stations", "district_stations", "grassroots_means"]
