"""The telecom and frequency cases through the service (issue #17): the letters they send take
the register of outgoing documents' numbers at their steps (never typed), the place of an
interference is a point inside the province, the steps obey the roles."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.errors import PermissionDeniedError, ValidationError
from sotttt_desktop.services import Services

INTERFERENCE = {"complainant": "Đài Phát thanh và Truyền hình Bình Dương",
                "service": "broadcasting", "frequency": "tần số 92,5 MHz",
                "place": "Khu phố Tân Long, phường Tân Đông Hiệp, thành phố Dĩ An",
                "coordinates": "10°55'35\"N, 106°44'53\"E",
                "time_pattern": "Hằng ngày, từ 18 giờ đến 22 giờ",
                "centre": "Trung tâm Tần số vô tuyến điện khu vực II"}
DISPUTE = {"requester": "Công ty Cổ phần Viễn thông Di động Vietnamobile",
           "respondent": "Viễn thông Bình Dương (VNPT Bình Dương)",
           "infrastructure": "Cột ăng ten BDG-VNP-718-0003",
           "issue": "Không thống nhất giá thuê vị trí trên cột."}


def _entry(services: Services, number: str) -> dict:
    [entry] = [e for e in services.numbering.register(2026, "HC") if e["text"] == number]
    return entry


def test_an_interference_complaint_forwards_a_numbered_letter_to_the_centre(
        services: Services) -> None:
    with pytest.raises(ValidationError, match="ngoài địa bàn tỉnh"):
        services.cases.open("interference_complaint", "Can nhiễu FM",
                            data={**INTERFERENCE, "coordinates": "21.0278, 105.8342"})
    opened = services.cases.open("interference_complaint", "Can nhiễu kênh FM 92,5 MHz",
                                 data=INTERFERENCE, at=dt.datetime(2026, 12, 1, 9))
    shown = services.cases.show(opened["code"])
    assert shown["data"]["coordinates"] == "10.926389, 106.748056"  # kept in decimal degrees
    with pytest.raises(ValidationError):  # the register numbers it: a typed number is refused
        services.cases.step(opened["code"], "forward", decision="99/STTTT-CDSBCVT",
                            at=dt.datetime(2026, 12, 2, 10))
    services.cases.step(opened["code"], "forward", at=dt.datetime(2026, 12, 2, 10))
    shown = services.cases.show(opened["code"])
    number = shown["timeline"][-1]["decision"]
    assert number.startswith("01/STTTT-")
    entry = _entry(services, number)
    assert entry["summary"] == ("Công văn về việc đề nghị phối hợp xử lý can nhiễu có hại trên "
                                "tần số 92,5 MHz")
    assert entry["recipients"] == "Trung tâm Tần số vô tuyến điện khu vực II"
    assert entry["reference"] == f"case:{opened['id']}"
    services.cases.step(opened["code"], "measure", at=dt.datetime(2026, 12, 3, 9))
    with pytest.raises(ValidationError):
        services.cases.step(opened["code"], "resolve", at=dt.datetime(2026, 12, 3, 16))
    services.cases.step(opened["code"], "resolve", reason="Nguồn nhiễu là máy phát FM không "
                        "phép, đã ngừng phát", at=dt.datetime(2026, 12, 3, 16))
    assert services.cases.show(opened["code"])["state"] == "resolved"


def test_a_sharing_dispute_numbers_its_invitations_and_its_outcome_notice(
        services: Services) -> None:
    opened = services.cases.open("sharing_dispute", "Tranh chấp thuê cột BDG-VNP-718-0003",
                                 data=DISPUTE, at=dt.datetime(2026, 11, 20, 9))
    for day in (24, 30):  # two meetings, two invitations
        services.cases.step(opened["code"], "convene", at=dt.datetime(2026, 11, day, 10))
    services.cases.step(opened["code"], "settle", at=dt.datetime(2026, 12, 2, 15))
    timeline = services.cases.show(opened["code"])["timeline"]
    numbers = [event["decision"] for event in timeline[1:]]
    assert [n.split("/", 1)[1] for n in numbers] == ["STTTT-CDSBCVT", "STTTT-CDSBCVT",
                                                      "TB-STTTT"]
    notice = _entry(services, numbers[-1])
    assert notice["summary"] == ("Thông báo kết quả giải quyết tranh chấp về sử dụng chung cơ "
                                 "sở hạ tầng kỹ thuật viễn thông thụ động")
    assert notice["recipients"] == ("Công ty Cổ phần Viễn thông Di động Vietnamobile; Viễn "
                                    "thông Bình Dương (VNPT Bình Dương)")
    assert services.cases.show(opened["code"])["state"] == "settled"


def test_a_specialist_convenes_but_only_a_leader_notifies_the_outcome(
        services: Services) -> None:
    from sotttt_desktop.services.actor import Actor

    specialist = services.as_actor(Actor(
        username="cv", display_name="Chuyên viên", authenticated=True,
        grants=frozenset({("telecom", "view"), ("telecom", "create"), ("telecom", "edit")})))
    opened = specialist.cases.open("sharing_dispute", "Tranh chấp thuê cột", data=DISPUTE,
                                   at=dt.datetime(2026, 11, 20, 9))
    specialist.cases.step(opened["code"], "convene", at=dt.datetime(2026, 11, 24, 10))
    before = len(services.numbering.register(2026, "HC"))
    with pytest.raises(PermissionDeniedError):
        specialist.cases.step(opened["code"], "settle", at=dt.datetime(2026, 12, 2, 15))
    assert len(services.numbering.register(2026, "HC")) == before  # no number taken
    assert services.cases.show(opened["code"])["state"] == "meeting"
