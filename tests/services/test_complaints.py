"""Complaints (issue #20) through the services on SQLite and PostgreSQL: the inspector records
one with the day it was received, the time bar is checked, the rules of the day of receipt
apply (07 working days to accept from 01/07/2026), a leader accepts and decides, each notice
and decision numbered from the register of outgoing documents."""

from __future__ import annotations

import pytest

from sotttt_desktop.errors import PermissionDeniedError, ValidationError
from sotttt_desktop.services import Services


def _user(services: Services, name: str, roles: list[str]) -> Services:
    services.security.add_user(name, name.title(), "mat-khau-1", roles, must_change=False)
    return services.as_actor(services.security.login(name, "mat-khau-1"))


def _complaint(party: dict, received: str, known: str, **more: str) -> dict[str, str]:
    return {"complainant": str(party["id"]), "received_at": received, "known_on": known,
            "complained_of": "Quyết định số 12/QĐ-STTTT ngày 01/02/2026 thu hồi giấy phép "
                             "thiết lập trang thông tin điện tử tổng hợp",
            "complained_by": "Giám đốc Sở", "content": "Đề nghị hủy quyết định thu hồi.",
            **more}


def test_a_complaint_is_accepted_and_decided_on_its_clocks(services: Services) -> None:
    party = services.parties.add(kind="person", name="Nguyễn Văn Khiếu",
                                 address="Phường Phú Cường, Thủ Dầu Một")
    inspector = _user(services, "thanhtra", ["inspector"])
    leader = _user(services, "giamdoc", ["leader"])
    case = inspector.cases.open("complaint_first", "Khiếu nại quyết định thu hồi giấy phép",
                                data=_complaint(party, "10/03/2026 09:00", "01/03/2026"))
    assert case["code"].startswith("KN1-2026-")
    shown = inspector.cases.show(case["code"])
    assert shown["clocks"][0]["key"] == "acceptance"
    assert str(shown["clocks"][0]["due"]) == "2026-03-20"  # 10 days from 10/03
    with pytest.raises(PermissionDeniedError):
        inspector.cases.step(case["code"], "accept")  # the head accepts
    leader.cases.step(case["code"], "accept", at=_at("12/03/2026 09:00"))
    notice = leader.cases.show(case["code"])["timeline"][-1]["decision"]
    assert notice.endswith("/TB-STTTT")
    leader.cases.step(case["code"], "classify", variant="complex", at=_at("13/03/2026 09:00"))
    settlement = next(c for c in leader.cases.show(case["code"])["clocks"]
                      if c["key"] == "settlement")
    # 45 days from 12/03: Sunday 26/04 (the Hùng Kings day), its Monday off 27/04 → 28/04
    assert str(settlement["due"]) == "2026-04-28"
    with pytest.raises(ValidationError, match="Ghi kết luận về nội dung khiếu nại"):
        leader.cases.step(case["code"], "decide")  # the outcome is written first
    inspector.cases.edit(case["code"], _complaint(party, "10/03/2026 09:00", "01/03/2026",
                                                  outcome="partly_right"))
    leader.cases.step(case["code"], "decide", at=_at("20/04/2026 09:00"))
    number = leader.cases.show(case["code"])["timeline"][-1]["decision"]
    [entry] = [e for e in leader.numbering.register(2026, "QĐ") if e["text"] == number]
    assert entry["summary"] == ("Quyết định giải quyết khiếu nại lần đầu của Nguyễn Văn Khiếu")
    assert entry["recipients"] == "Nguyễn Văn Khiếu"
    shown = leader.cases.show(case["code"])
    dues = {c["key"]: str(c["due"]) for c in shown["clocks"]}
    assert (dues["sending"], dues["final"]) == ("2026-04-23", "2026-05-20")


def _at(text: str):  # noqa: ANN202
    import datetime as dt

    return dt.datetime.strptime(text, "%d/%m/%Y %H:%M")


def test_the_time_bar_and_the_rules_of_the_day_of_receipt(services: Services) -> None:
    party = services.parties.add(kind="person", name="Trần Thị Nại")
    inspector = _user(services, "thanhtra", ["inspector"])
    with pytest.raises(ValidationError, match="Điều 9") as late:
        inspector.cases.open("complaint_first", "Khiếu nại quá hạn",
                             data=_complaint(party, "10/03/2026 09:00", "01/11/2025"))
    assert "known_on" in late.value.field_errors
    inspector.cases.open("complaint_first", "Khiếu nại có trở ngại", data=_complaint(
        party, "10/03/2026 09:00", "01/11/2025", obstacle="Điều trị dài ngày tại bệnh viện"))
    with pytest.raises(ValidationError, match="từ 01/07/2026"):  # names the kind in force
        inspector.cases.open("complaint_first", "Khiếu nại tháng 7",
                             data=_complaint(party, "02/07/2026 09:00", "20/06/2026"))
    july = inspector.cases.open("complaint_first_2026", "Khiếu nại tháng 7",
                                data=_complaint(party, "02/07/2026 09:00", "20/06/2026"))
    acceptance = inspector.cases.show(july["code"])["clocks"][0]
    assert str(acceptance["due"]) == "2026-07-13"  # 07 working days: 03/07 … 13/07
