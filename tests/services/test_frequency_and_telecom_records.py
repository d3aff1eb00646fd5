"""The rest of the telecom and frequency registers (issue #17): one plan in force on a day,
routes to be put underground name their project, violations their record and follow-up, the
licence dossiers' state follows their dates and their licences are watched for expiry; the
annual check plan numbers its decision and its letter to the centre."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.core import clock
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.registers import registers_of
from sotttt_desktop.services import Services


@pytest.fixture
def operator(services: Services) -> str:
    return str(services.parties.add(kind="org", name="Viễn thông Bình Dương (VNPT Bình Dương)",
                                    tax_code="3700146225", district_code="718")["id"])


def test_the_areas_keep_their_registers() -> None:
    assert registers_of("telecom") == ["antenna_masts", "cable_routes",
                                       "subscriber_inspections", "telecom_plans"]
    assert registers_of("frequency") == ["frequency_checks", "frequency_dossiers",
                                         "broadcast_consents"]


def test_one_plan_is_in_force_on_a_day(services: Services) -> None:
    first = {"decision_no": "2200/QĐ-UBND", "decided_on": "25/08/2016",
             "title": "Quy hoạch hạ tầng kỹ thuật viễn thông thụ động tỉnh Bình Dương đến năm "
                      "2020, định hướng đến năm 2025", "effective_from": "25/08/2016",
             "issuer": "Ủy ban nhân dân tỉnh Bình Dương"}
    created = services.registers.create("telecom_plans", first)
    second = {"decision_no": "15/QĐ-UBND", "decided_on": "10/01/2025",
              "title": "Quy hoạch hạ tầng kỹ thuật viễn thông thụ động (điều chỉnh)",
              "effective_from": "01/02/2025", "issuer": "Ủy ban nhân dân tỉnh Bình Dương"}
    with pytest.raises(ValidationError, match="2200/QĐ-UBND"):
        services.registers.create("telecom_plans", second)
    with pytest.raises(ValidationError):  # in force before its decision
        services.registers.create("telecom_plans", {**second, "effective_from": "01/01/2025",
                                                    "decision_no": "16/QĐ-UBND"})
    from sotttt_desktop.registers import get_register
    from sotttt_desktop.services.records import edit_text

    raw = {f.name: edit_text(f, created.get(f.name))
           for f in get_register("telecom_plans").fields if created.get(f.name) is not None}
    services.registers.update("telecom_plans", created["id"],
                              {**raw, "effective_until": "01/02/2025"}, created["version"])
    services.registers.create("telecom_plans", second)
    assert services.registers.count("telecom_plans") == 2


def test_routes_inspections_and_checks_say_what_follows(services: Services,
                                                        operator: str) -> None:
    route = {"route_code": "TD-718-01", "route": "Đại lộ Bình Dương", "owner_id": operator,
             "kind": "Treo", "length_km": "6,4", "district_code": "718",
             "state": "to_underground"}
    with pytest.raises(ValidationError) as refused:
        services.registers.create("cable_routes", route)
    assert "underground_project" in refused.value.field_errors
    saved = services.registers.create("cable_routes", {**route, "underground_project":
                                                       "Dự án ngầm hóa tuyến đường chính"})
    assert saved["kind"] == "aerial" and str(saved["length_km"]) == "6.40"
    inspection = {"point_of_sale": "Đại lý SIM thẻ Hoàng Long", "operator_id": operator,
                  "address": "Số 5 đường 30/4", "district_code": "718",
                  "inspected_on": "02/12/2026", "finding": "violation", "record_no": "01/BB-KT"}
    clock.set_working_date(dt.date(2026, 12, 5))
    with pytest.raises(ValidationError) as refused:
        services.registers.create("subscriber_inspections", inspection)
    assert "findings" in refused.value.field_errors
    services.registers.create("subscriber_inspections", {
        **inspection, "findings": "Bán SIM đã kích hoạt sẵn thông tin thuê bao"})
    check = {"record_no": "01/BB-KTTS", "checked_party_id": operator,
             "station": "Đài truyền thanh không dây xã An Điền", "district_code": "721",
             "checked_on": "01/12/2026", "result": "violation"}
    with pytest.raises(ValidationError) as refused:
        services.registers.create("frequency_checks", check)
    assert "follow_up" in refused.value.field_errors
    services.registers.create("frequency_checks", {**check, "follow_up": "Yêu cầu ngừng phát"})


def test_a_dossier_follows_its_dates_and_its_licence_is_watched(services: Services,
                                                                 operator: str) -> None:
    clock.set_working_date(dt.date(2026, 12, 5))
    dossier = {"dossier_no": "TS-2026-001", "applicant_id": operator,
               "licence_kind": "equipment", "received_on": "01/10/2026"}
    received = services.registers.create("frequency_dossiers", dossier)
    assert received["state"] == "received"
    with pytest.raises(ValidationError) as refused:
        services.registers.create("frequency_dossiers", {**dossier, "dossier_no": "TS-2026-002",
                                                         "handed_over_on": "30/09/2026"})
    assert "handed_over_on" in refused.value.field_errors
    handed = services.registers.create("frequency_dossiers", {
        **dossier, "dossier_no": "TS-2026-003", "handed_over_on": "03/10/2026"})
    assert handed["state"] == "handed_over"
    licensed = services.registers.create("frequency_dossiers", {
        **dossier, "dossier_no": "TS-2026-004", "handed_over_on": "03/10/2026",
        "licence_no": "1234/GP-CTS", "licence_until": "15/02/2027"})
    assert licensed["state"] == "licensed"
    [counted] = [r for r in services.overview.area("frequency")["registers"]
                 if r["register"] == "frequency_dossiers"]
    assert counted["due"] == {"days": 90, "count": 1, "overdue": 0}


def test_the_check_plan_numbers_its_decision_and_its_letter(services: Services) -> None:
    opened = services.cases.open(
        "frequency_check_plan", "Kế hoạch kiểm tra tần số vô tuyến điện năm 2027",
        at=dt.datetime(2026, 11, 2, 8),
        data={"plan_year": "2027", "targets": "Các đài truyền thanh không dây cấp xã"})
    shown = services.cases.show(opened["code"])
    assert shown["data"]["centre"] == "Trung tâm Tần số vô tuyến điện khu vực II"  # default
    services.cases.step(opened["code"], "approve", at=dt.datetime(2026, 12, 1, 9))
    services.cases.step(opened["code"], "notify", at=dt.datetime(2026, 12, 2, 9))
    timeline = services.cases.show(opened["code"])["timeline"]
    decision, letter = (event["decision"] for event in timeline[1:])
    assert decision.endswith("/QĐ-STTTT") and "/STTTT-" in letter
    entries = {e["text"]: e for e in services.numbering.register(2026, "HC")}
    assert entries[decision]["summary"] == ("Quyết định phê duyệt Kế hoạch kiểm tra tần số vô "
                                            "tuyến điện định kỳ năm 2027")
    assert entries[letter]["recipients"] == "Trung tâm Tần số vô tuyến điện khu vực II"
    with pytest.raises(ValidationError):  # one plan a year
        services.cases.open("frequency_check_plan", "Kế hoạch thứ hai",
                            at=dt.datetime(2026, 12, 3, 8),
                            data={"plan_year": "2027", "targets": "…"})


def test_a_consent_to_broadcast_is_written_from_the_desk_and_its_licence_watched(
        services: Services) -> None:
    """TT 05/2015 Art. 13(3)(a): the consent an organisation that is not a press agency attaches
    to its frequency-licence application; the licence it leads to is watched for its end."""
    from sotttt_desktop.registers import get_register
    from sotttt_desktop.services.records import edit_text
    from tests.permit_samples import SAMPLES, issue_at_the_desk

    holder = services.parties.add(kind="org", name="Công ty Cổ phần Truyền hình cáp Sông Bé",
                                  tax_code="3700222333", district_code="718",
                                  address="Số 3 đường Yersin")
    consent = issue_at_the_desk(services, holder, "press.local_broadcast.consent",
                                details=SAMPLES["press.local_broadcast"])
    [entry] = services.registers.iter_records("broadcast_consents")
    assert (entry["tax_code"], entry["consent_no"], entry["consent_date"]) == (
        "3700222333", consent["number"], dt.date(2024, 3, 15))
    assert entry["programmes"] == SAMPLES["press.local_broadcast"]["programmes"]
    assert entry["coverage"] == SAMPLES["press.local_broadcast"]["coverage"]
    raw = {f.name: edit_text(f, entry.get(f.name))
           for f in get_register("broadcast_consents").fields if entry.get(f.name) is not None}
    with pytest.raises(ValidationError) as refused:
        services.registers.update("broadcast_consents", entry["id"], {
            **raw, "rf_licence_no": "1234/GP-CTS", "rf_licence_until": "01/03/2024"},
            entry["version"])
    assert "rf_licence_until" in refused.value.field_errors
    services.registers.update("broadcast_consents", entry["id"], {
        **raw, "rf_licence_no": "1234/GP-CTS", "rf_licence_until": "15/02/2027"},
        entry["version"])
    clock.set_working_date(dt.date(2026, 12, 5))
    [counted] = [r for r in services.overview.area("frequency")["registers"]
                 if r["register"] == "broadcast_consents"]
    assert counted["due"] == {"days": 90, "count": 1, "overdue": 0}
