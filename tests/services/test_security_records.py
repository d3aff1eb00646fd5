"""Alerts, drills and yearly reports of cybersecurity (issue #19) through the services on
SQLite and PostgreSQL: an alert's fix is due by its severity (the Department's days) unless the
alert sets its own deadline, and says when it is overdue or was fixed late; a yearly report of a
level-3 system is due before 30/11, late from that day, once a system and year."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.core import clock
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.registers.security_records import fix_days
from sotttt_desktop.services import Services


def _day(value: dt.date) -> str:
    return value.strftime("%d/%m/%Y")


def test_an_alert_is_due_by_its_severity_or_its_own_deadline(services: Services) -> None:
    today = clock.local_today()
    issued = today - dt.timedelta(days=10)
    alert = services.registers.create("security_alerts", {
        "alert_ref": "2010/CATTT-NCSC", "issued_on": _day(issued),
        "issue": "CVE-2024-38063", "severity": "high", "state": "open",
        "systems": "Hệ thống thư điện tử công vụ | Sở Nội vụ | " + _day(issued)})
    assert fix_days("high") == 7
    assert alert["fix_due"] == issued + dt.timedelta(days=7)
    [remark] = services.registers.remarks("security_alerts", alert)
    assert remark.startswith("Quá hạn khắc phục từ ngày") and "7 ngày theo mức độ" in remark
    own = services.registers.update("security_alerts", alert["id"], {
        "alert_ref": "2010/CATTT-NCSC", "issued_on": _day(issued), "issue": "CVE-2024-38063",
        "severity": "high", "state": "open", "own_due": _day(today + dt.timedelta(days=5))},
        alert["version"])
    assert own["fix_due"] == today + dt.timedelta(days=5)
    assert services.registers.remarks("security_alerts", own)[0].endswith(
        "(thời hạn trong văn bản cảnh báo).")
    with pytest.raises(ValidationError) as refused:  # fixed: say when
        services.registers.update("security_alerts", own["id"], {
            "alert_ref": "2010/CATTT-NCSC", "issued_on": _day(issued),
            "issue": "CVE-2024-38063", "severity": "high", "state": "fixed"}, own["version"])
    assert "fixed_on" in refused.value.field_errors
    fixed = services.registers.update("security_alerts", own["id"], {
        "alert_ref": "2010/CATTT-NCSC", "issued_on": _day(issued), "issue": "CVE-2024-38063",
        "severity": "high", "state": "fixed", "fixed_on": _day(issued + dt.timedelta(days=9))},
        own["version"])
    assert services.registers.remarks("security_alerts", fixed) == [
        f"Khắc phục chậm 2 ngày so với hạn ({_day(issued + dt.timedelta(days=7))})."]


def test_a_yearly_report_is_due_before_the_thirtieth_of_november(services: Services) -> None:
    owner = services.parties.add(kind="org", name="Ủy ban nhân dân tỉnh Bình Dương")
    system = services.registers.create("information_systems", {
        "name": "Nền tảng LGSP", "system_class": "infrastructure",
        "infrastructure_scope": "province", "owner_id": str(owner["id"]),
        "defence_harm": "none", "state": "in_use"})
    report = services.registers.create("security_reports", {
        "system_id": str(system["id"]), "year": "2023", "sent_on": "30/11/2023",
        "state": "sent"})
    assert (report["due_on"], report["late"]) == (dt.date(2023, 11, 30), True)
    assert services.registers.remarks("security_reports", report) == [
        "Gửi muộn: hạn gửi trước ngày 30/11/2023."]
    on_time = services.registers.create("security_reports", {
        "system_id": str(system["id"]), "year": "2022", "sent_on": "29/11/2022",
        "state": "sent"})
    assert on_time["late"] is False
    with pytest.raises(ValidationError):  # one report a system and year
        services.registers.create("security_reports", {
            "system_id": str(system["id"]), "year": "2023", "state": "drafting"})
    [hit] = [h for h in services.search.search("nen tang lgsp").hits
             if h.kind == "security_report" and "2023" in h.subtitle]
    assert hit.title == "Nền tảng LGSP"


def test_a_drill_has_happened(services: Services) -> None:
    tomorrow = clock.local_today() + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        services.registers.create("security_drills", {
            "title": "Diễn tập ứng cứu sự cố", "held_on": _day(tomorrow),
            "scope": "provincial", "scenario": "Mã độc tống tiền"})
    assert "held_on" in refused.value.field_errors
