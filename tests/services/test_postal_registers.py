"""The postal registers (issue #17, postal): the licence and the confirmation write their entries
— kinds of service, scope, branches — from the permits the one-stop desk issues; the licence
that has not started its service a year on is warned of and counted (Luật Bưu chính Art. 24);
public postal service points on the map; the enterprises' reports, late or awaited."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sotttt_desktop.core import clock
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.registers import registers_of
from sotttt_desktop.services import Services
from sotttt_desktop.services.registers import RegisterFilter
from tests.permit_samples import SAMPLES, issue_at_the_desk

ISSUED_ON = dt.date(2024, 3, 15)


def _org(services: Services, name: str = "Công ty Cổ phần Bưu chính Sông Bé",
         tax_code: str = "3700111444") -> dict:
    return services.parties.add(kind="org", name=name, tax_code=tax_code, district_code="718",
                                address="Số 1 Đại lộ Bình Dương, phường Phú Hòa",
                                phone="0274 3811 111")


def _issue(services: Services, holder: dict, procedure: str, **kw: object) -> dict:
    return issue_at_the_desk(services, holder, procedure, **{"on": ISSUED_ON, **kw})


def _entries(services: Services, key: str) -> list[dict]:
    return list(services.registers.iter_records(key))


def _texts(services: Services, key: str, entry: dict, **changes: str) -> dict[str, str]:
    from sotttt_desktop.registers import get_register
    from sotttt_desktop.services.records import edit_text

    raw = {f.name: edit_text(f, entry.get(f.name)) for f in get_register(key).fields
           if entry.get(f.name) is not None}
    return {**raw, **changes}


def test_the_area_keeps_its_four_registers() -> None:
    assert registers_of("postal") == ["postal_licences", "postal_notifications",
                                      "postal_points", "postal_reports"]


def test_a_licence_writes_its_entry_its_amendment_updates_it_and_revocation_ends_it(
        services: Services) -> None:
    holder = _org(services)
    details = {**SAMPLES["postal.licence"], "branches": "Chi nhánh tại thị xã Bến Cát"}
    licence = _issue(services, holder, "postal.licence.issue", details=details,
                     valid_until=dt.date(2034, 3, 15))
    [entry] = _entries(services, "postal_licences")
    assert entry["tax_code"] == "3700111444"
    assert entry["holder_name"] == "Công ty Cổ phần Bưu chính Sông Bé"
    assert entry["postal_services"] == "Thư, gói, kiện hàng hóa"
    assert entry["service_scope"] == "Nội tỉnh Bình Dương"
    assert entry["service_standards"] == "Thư nội tỉnh phát trong 48 giờ"
    assert entry["branches"] == "Chi nhánh tại thị xã Bến Cát"
    assert entry["licence_no"] == licence["number"] and entry["licence_date"] == ISSUED_ON
    assert entry["valid_until"] == dt.date(2034, 3, 15) and entry["state"] == "active"
    assert _entries(services, "postal_notifications") == []
    amended = _issue(services, holder, "postal.licence.amend", replaces=licence["number"],
                     details={"branches": "Chi nhánh tại thị xã Bến Cát; chi nhánh tại "
                                          "thành phố Dĩ An"})
    [entry] = _entries(services, "postal_licences")  # the same entry, not a second one
    assert entry["licence_no"] == amended["number"]
    assert entry["branches"].endswith("chi nhánh tại thành phố Dĩ An")
    assert entry["postal_services"] == "Thư, gói, kiện hàng hóa"  # kept from the licence
    services.permits.decide(amended["number"], "revoke", reason="Không triển khai cung ứng "
                            "dịch vụ trong thời hạn 01 năm kể từ ngày được cấp giấy phép")
    assert _entries(services, "postal_licences")[0]["state"] == "ceased"


def test_a_confirmed_notification_goes_to_its_own_register(services: Services) -> None:
    holder = _org(services)
    confirmed = _issue(services, holder, "postal.notification.confirm",
                       details=SAMPLES["postal.notification"])
    [entry] = _entries(services, "postal_notifications")
    assert entry["licence_no"] == confirmed["number"] and "/XN-" in confirmed["number"]
    assert entry["postal_services"] == "Gói, kiện hàng hóa trên 2 kg"
    assert entry["branches"] == "Văn phòng đại diện tại thành phố Dĩ An"
    assert _entries(services, "postal_licences") == []


def test_a_licence_not_started_within_a_year_is_warned_counted_and_filtered(
        services: Services) -> None:
    """Luật Bưu chính Art. 24: not providing the service within one year of the licence is a
    ground for revoking it. The date is computed from the licence date while no start is
    recorded; the warning shows on the entry, the overview counts it, the filter finds it."""
    holder = _org(services)
    licence = _issue(services, holder, "postal.licence.issue",
                     details=SAMPLES["postal.licence"], valid_until=dt.date(2034, 3, 15))
    # an amendment half a year on does not restart the year (it runs from the first licence)
    _issue(services, holder, "postal.licence.amend", replaces=licence["number"],
           details={"branches": "Chi nhánh tại thị xã Bến Cát"}, on=dt.date(2024, 9, 2))
    [entry] = _entries(services, "postal_licences")
    assert entry["licence_date"] == dt.date(2024, 9, 2)
    assert entry["first_licensed_on"] == ISSUED_ON
    key = "postal_licences"
    # eleven months on: due in a month, warned as coming
    clock.set_working_date(dt.date(2025, 2, 20))
    [remark] = services.registers.remarks(key, entry)
    assert "15/03/2025" in remark and "Điều 24" in remark and "chưa" in remark.lower()
    overview = services.overview.area("postal")
    [counted] = [r for r in overview["registers"] if r["register"] == key]
    assert counted["due"] == {"days": 60, "count": 1, "overdue": 0}
    # past the year: a ground for revocation
    clock.set_working_date(dt.date(2025, 3, 16))
    [remark] = services.registers.remarks(key, entry)
    assert "thu hồi" in remark and "15/03/2025" in remark
    [counted] = [r for r in services.overview.area("postal")["registers"] if r["register"] == key]
    assert counted["due"]["overdue"] == 1
    due = services.registers.iter_records(key, RegisterFilter(due_by=dt.date(2025, 3, 16)))
    assert [row["licence_date"] for row in due] == [dt.date(2024, 9, 2)]
    # a start before the licence is refused; the recorded start ends the warning
    with pytest.raises(ValidationError) as refused:
        services.registers.update(key, entry["id"], _texts(services, key, entry,
                                                           started_on="01/03/2024"),
                                  entry["version"])
    assert "started_on" in refused.value.field_errors
    services.registers.update(key, entry["id"], _texts(services, key, entry,
                                                       started_on="02/05/2024"),
                              entry["version"])
    [entry] = _entries(services, key)
    assert entry["started_on"] == dt.date(2024, 5, 2)
    assert services.registers.remarks(key, entry) == []
    assert services.registers.count(key, RegisterFilter(due_by=dt.date(2025, 3, 16))) == 0


def test_service_points_state_their_hours_and_make_a_map_layer(services: Services,
                                                               tmp_path: Path) -> None:
    operator = _org(services, "Bưu điện tỉnh Bình Dương", "3700900201")
    point = {"point_code": "821801", "name": "Bưu cục Thủ Dầu Một", "kind": "post_office",
             "operator_id": str(operator["id"]), "address": "Số 324 Đại lộ Bình Dương",
             "district_code": "718", "coordinates": "10°58'49\"N, 106°39'07\"E",
             "state": "open"}
    with pytest.raises(ValidationError) as refused:
        services.registers.create("postal_points", point)
    assert "opening_hours" in refused.value.field_errors
    services.registers.create("postal_points", {**point, "opening_hours": "7 giờ - 19 giờ"})
    with pytest.raises(ValidationError):  # outside the province
        services.registers.create("postal_points", {**point, "point_code": "821802",
                                                    "opening_hours": "7 giờ - 19 giờ",
                                                    "coordinates": "21.0278, 105.8342"})
    out = tmp_path / "points.geojson"
    services.point_layers.export("postal_points", out)
    layer = json.loads(out.read_text("utf-8"))
    [feature] = layer["features"]
    lon, lat = feature["geometry"]["coordinates"]
    assert 10.9 < lat < 11.0 and 106.6 < lon < 106.7
    assert "Bưu cục Thủ Dầu Một" in feature["properties"].values()


def test_a_report_is_late_by_its_dates_and_kept_once(services: Services) -> None:
    enterprise = _org(services)
    clock.set_working_date(dt.date(2026, 2, 20))
    report = {"report_no": "12/BC-BCSB", "enterprise_id": str(enterprise["id"]),
              "period": "Năm 2025", "due_on": "31/01/2026", "received_on": "10/02/2026",
              "late": "không"}  # typed "not late": computed anyway
    late = services.registers.create("postal_reports", report)
    assert late["late"] is True
    assert services.registers.remarks("postal_reports", late) == [
        "Nhận muộn 10 ngày (hạn 31/01/2026)."]
    on_time = services.registers.create("postal_reports", {
        **report, "report_no": "30/BC-BCSB", "period": "6 tháng đầu năm 2025",
        "due_on": "15/07/2025", "received_on": "14/07/2025"})
    assert on_time["late"] is False
    assert services.registers.remarks("postal_reports", on_time) == []
    with pytest.raises(ValidationError):  # the same report twice
        services.registers.create("postal_reports", report)
    with pytest.raises(ValidationError):  # received in the future
        services.registers.create("postal_reports", {**report, "report_no": "31/BC-BCSB",
                                                     "received_on": "21/02/2026"})
