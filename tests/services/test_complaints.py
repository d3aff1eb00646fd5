"""Complaints (issue #20) through the services on SQLite and PostgreSQL: the inspector records
one with the day it was received, the time bar is checked, the rules of the day of receipt
apply (07 working days to accept from 01/07/2026), a leader accepts and decides, each notice
and decision numbered from the register of outgoing documents."""

from __future__ import annotations

import pytest

from sotttt_desktop.errors import PermissionDeniedError, ValidationError
from sotttt_desktop.services import Services
from tests.documents.helpers import pdf_text


def _user(services: Services, name: str, roles: list[str]) -> Services:
    services.security.add_user(name, name.title(), "mat-khau-1", roles, must_change=False)
    return services.as_actor(services.security.login(name, "mat-khau-1"))


SETTLEMENT = {
    "findings": "Ngày 05/01/2026 trang thông tin đã khắc phục vi phạm, sau thời hạn Sở yêu cầu.",
    "settlement_bases": "Nghị định số 72/2013/NĐ-CP ngày 15 tháng 7 năm 2013 của Chính phủ",
    "conclusion": "Việc thu hồi giấy phép là đúng; thời hạn thu hồi ghi trong quyết định chưa "
                  "đúng quy định.",
    "measures": "Sửa đổi Điều 1 Quyết định số 12/QĐ-STTTT về thời điểm thu hồi.",
    "compensation": "Không phát sinh"}


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
    with pytest.raises(ValidationError, match="kết luận về nội dung khiếu nại"):
        leader.cases.step(case["code"], "decide")  # the outcome is written first
    settled = _complaint(party, "10/03/2026 09:00", "01/03/2026", outcome="partly_right",
                         **SETTLEMENT)
    inspector.cases.edit(case["code"], {**settled, "measures": ""})
    with pytest.raises(ValidationError, match="những nội dung quyết định"):
        leader.cases.step(case["code"], "decide")  # what it decides, written first
    inspector.cases.step(case["code"], "dialogue", at=_at("10/04/2026 09:00"),
                         reason="Đối thoại với đại diện công ty; công ty giữ nguyên yêu cầu")
    inspector.cases.edit(case["code"], settled)
    leader.cases.step(case["code"], "decide", at=_at("20/04/2026 09:00"))
    number = leader.cases.show(case["code"])["timeline"][-1]["decision"]
    [entry] = [e for e in leader.numbering.register(2026, "QĐ") if e["text"] == number]
    assert entry["summary"] == ("Quyết định giải quyết khiếu nại lần đầu của Nguyễn Văn Khiếu")
    assert entry["recipients"] == "Nguyễn Văn Khiếu"
    shown = leader.cases.show(case["code"])
    dues = {c["key"]: str(c["due"]) for c in shown["clocks"]}
    assert (dues["sending"], dues["final"]) == ("2026-04-23", "2026-05-20")
    text = " ".join(pdf_text(leader.documents.render("complaint-decision",
                                                     case["code"]).pdf).split())
    for words in (f"Số: {number}", "ngày 20 tháng 4 năm 2026",  # Art. 31(2)(a)
                  "Về việc giải quyết khiếu nại lần đầu của Nguyễn Văn Khiếu",
                  "GIÁM ĐỐC SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Căn cứ Luật Khiếu nại",
                  "Căn cứ Nghị định số 124/2020/NĐ-CP", "Căn cứ Nghị định số 72/2013/NĐ-CP",
                  "địa chỉ: Phường Phú Cường, Thủ Dầu Một",  # (b)
                  "của Giám đốc Sở", "Đề nghị hủy quyết định thu hồi.",  # (b), (c)
                  "KẾT QUẢ XÁC MINH NỘI DUNG KHIẾU NẠI", SETTLEMENT["findings"],  # (d)
                  "KẾT QUẢ ĐỐI THOẠI", "công ty giữ nguyên yêu cầu",  # (đ)
                  "Nội dung khiếu nại của Nguyễn Văn Khiếu là đúng một phần",  # (g)
                  "Điều 1. Sửa đổi Điều 1",  # (h)
                  "Điều 2. Bồi thường thiệt hại: Không phát sinh",  # (i)
                  "khiếu nại đến Chủ tịch Ủy ban nhân dân tỉnh Bình Dương",  # (k)
                  "hiệu lực pháp luật sau 30 ngày", "Căn cứ Quyết định số 15/2023/QĐ-UBND",
                  "Như Điều 4", "Chủ tịch UBND tỉnh Bình Dương (để báo cáo)"):
        assert words in text, words
    with pytest.raises(ValidationError, match="gửi"):  # issued: what it says is kept
        inspector.cases.edit(case["code"], {**settled, "conclusion": "Khác"})
    # the complainant as named when issued, and the Director, whoever is chosen at print time
    current = services.parties.get(party["id"])
    services.parties.update(party["id"], current["version"], kind="person",
                            name="Nguyễn Văn Đổi Tên", address=current["address"])
    again = " ".join(pdf_text(leader.documents.render(
        "complaint-decision", case["code"], signer="Trần Thị Ngọc Lan").pdf).split())
    assert "Nguyễn Văn Khiếu" in again and "Đổi Tên" not in again
    assert "KT. GIÁM ĐỐC" not in again


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


def test_a_discontinued_complaint_is_continued_within_thirty_days_or_closed(
        services: Services) -> None:
    """Art. 11(8): the notice of discontinuation is numbered; the complainant may continue for
    30 days from it, not later; the file is closed only after them."""
    party = services.parties.add(kind="person", name="Phạm Thị Đào",
                                 address="Phường Hiệp Thành, Thủ Dầu Một")
    inspector = _user(services, "thanhtra", ["inspector"])
    leader = _user(services, "giamdoc", ["leader"])
    codes = []
    for name in ("continued", "closed"):
        case = inspector.cases.open("complaint_first", f"Khiếu nại ({name})",
                                    data=_complaint(party, "10/03/2026 09:00", "01/03/2026"))
        leader.cases.step(case["code"], "accept", at=_at("12/03/2026 09:00"))
        with pytest.raises(PermissionDeniedError):
            inspector.cases.step(case["code"], "discontinue", reason="Rút đơn",
                                 at=_at("16/03/2026 09:00"))
        leader.cases.step(case["code"], "discontinue", reason="Người khiếu nại rút đơn",
                          at=_at("16/03/2026 09:00"))
        shown = leader.cases.show(case["code"])
        assert shown["timeline"][-1]["decision"].endswith("/TB-STTTT")
        assert str(shown["data"]["discontinued_on"]) == "2026-03-16"
        codes.append(case["code"])
    continued, closed = codes
    with pytest.raises(ValidationError, match="15/04/2026"):
        inspector.cases.step(continued, "continue", reason="Tiếp tục",
                             at=_at("16/04/2026 09:00"))
    inspector.cases.step(continued, "continue", reason="Đơn đề nghị tiếp tục giải quyết",
                         at=_at("14/04/2026 09:00"))
    assert inspector.cases.show(continued)["state"] == "accepted"
    with pytest.raises(ValidationError, match="15/04/2026"):
        inspector.cases.step(closed, "close_discontinued", at=_at("15/04/2026 16:00"))
    inspector.cases.step(closed, "close_discontinued", at=_at("16/04/2026 08:00"))
    assert inspector.cases.show(closed)["state"] == "ended"


def test_a_petition_is_forwarded_or_answered_by_a_numbered_letter(services: Services) -> None:
    party = services.parties.add(kind="person", name="Lê Văn Phản",
                                 address="Phường Chánh Nghĩa, Thủ Dầu Một")
    inspector = _user(services, "thanhtra", ["inspector"])
    leader = _user(services, "giamdoc", ["leader"])
    data = {"sender": str(party["id"]), "received_at": "10/03/2026 09:00", "channel": "letter",
            "content": "Phản ánh trạm phát sóng gây nhiễu truyền hình"}
    forwarded = inspector.cases.open("petition", "Phản ánh nhiễu sóng", data=data)
    assert str(inspector.cases.show(forwarded["code"])["due"]) == "2026-03-17"  # 05 NLV
    with pytest.raises(PermissionDeniedError):  # a letter of the Department: a leader's
        inspector.cases.step(forwarded["code"], "forward", reason="Cục Tần số vô tuyến điện")
    leader.cases.step(forwarded["code"], "forward", reason="Cục Tần số vô tuyến điện",
                      at=_at("12/03/2026 09:00"))
    letter = inspector.cases.show(forwarded["code"])["timeline"][-1]["decision"]
    assert "/STTTT-" in letter
    answered = inspector.cases.open("petition", "Kiến nghị thủ tục", data=data)
    inspector.cases.step(answered["code"], "accept", at=_at("11/03/2026 09:00"))
    with pytest.raises(ValidationError):
        leader.cases.step(answered["code"], "answer")  # the answer is written first
    inspector.cases.edit(answered["code"], {**data, "answer": "Sở đã chỉ đạo kiểm tra."})
    leader.cases.step(answered["code"], "answer", at=_at("20/03/2026 09:00"))
    shown = leader.cases.show(answered["code"])
    assert shown["state"] == "answered"
    assert shown["timeline"][-1]["decision"] != letter


def test_a_second_instance_decision_needs_the_first_result_and_a_dialogue(
        services: Services) -> None:
    """Art. 39–40: the first settlement's result is written and the dialogue held first."""
    party = services.parties.add(kind="person", name="Trần Văn Hai",
                                 address="Phường Bình Hòa, Thuận An")
    inspector = _user(services, "thanhtra", ["inspector"])
    leader = _user(services, "giamdoc", ["leader"])
    data = _complaint(party, "10/03/2026 09:00", "01/01/2026", first_decision="05/QĐ-TTCNTT",
                      first_decision_on="01/03/2026", outcome="wrong", **SETTLEMENT)
    code = inspector.cases.open("complaint_second", "Khiếu nại lần hai", data=data)["code"]
    leader.cases.step(code, "accept", at=_at("12/03/2026 09:00"))
    with pytest.raises(ValidationError, match="kết quả giải quyết khiếu nại lần đầu"):
        leader.cases.step(code, "decide", at=_at("20/04/2026 09:00"))
    inspector.cases.edit(code, {**data, "first_result": "Giữ nguyên việc chấm dứt hợp đồng."})
    with pytest.raises(ValidationError, match="Điều 39"):
        leader.cases.step(code, "decide", at=_at("20/04/2026 09:00"))
    inspector.cases.step(code, "dialogue", reason="Đối thoại ngày 15/04", at=_at("15/04/2026 09:00"))
    leader.cases.step(code, "decide", at=_at("20/04/2026 09:00"))
    text = " ".join(pdf_text(leader.documents.render("complaint-decision", code).pdf).split())
    for words in ("Về việc giải quyết khiếu nại lần hai của Trần Văn Hai",
                  "KẾT QUẢ GIẢI QUYẾT KHIẾU NẠI LẦN ĐẦU", "Giữ nguyên việc chấm dứt hợp đồng.",
                  "KẾT QUẢ ĐỐI THOẠI", "là sai toàn bộ", "quyết định giải quyết khiếu nại lần hai",
                  "khởi kiện vụ án hành chính"):
        assert words in text, words


def test_a_report_to_the_superior_answers_a_request_once(services: Services) -> None:
    """Art. 38: no report before the superior asks; one report a request."""
    inspector = _user(services, "thanhtra", ["inspector"])
    leader = _user(services, "giamdoc", ["leader"])
    code = inspector.cases.open("denunciation", "Tố cáo quá hạn",
                                at=_at("02/03/2026 09:00"))["code"]
    leader.cases.step(code, "accept", at=_at("03/03/2026 09:00"))
    with pytest.raises(ValidationError, match="Điều 38"):
        leader.cases.step(code, "report_to_superior", at=_at("10/04/2026 09:00"))
    inspector.cases.step(code, "superior_asks", reason="Công văn 12/UBND-TCD",
                         at=_at("13/04/2026 09:00"))
    leader.cases.step(code, "report_to_superior", at=_at("15/04/2026 09:00"))
    assert leader.cases.show(code)["timeline"][-1]["decision"].endswith("/BC-STTTT")
    with pytest.raises(ValidationError, match="Điều 38"):
        leader.cases.step(code, "report_to_superior", at=_at("16/04/2026 09:00"))
