"""A sanction file (issue #20) through the services on SQLite and PostgreSQL: the record of a
violation within its limitation, the decision a leader issues — numbered by the register, and
withdrawing a game-point certificate for 3 months suspends that permit in the same transaction,
showing in the holder's and the record's history —, printed with every content of Art. 68; the
payment clock and the late-payment addition."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.core.sanctions import amount_in_words, late_addition, signer_for
from sotttt_desktop.errors import PermissionDeniedError, ValidationError
from sotttt_desktop.services import Services
from tests.documents.helpers import pdf_text
from tests.permit_samples import SAMPLES, issue_at_the_desk

at = dt.datetime


def _user(services: Services, name: str, roles: list[str]) -> Services:
    services.security.add_user(name, name.title(), "mat-khau-1", roles, must_change=False)
    return services.as_actor(services.security.login(name, "mat-khau-1"))


@pytest.fixture
def game_point(services: Services) -> tuple[dict, dict]:
    holder = services.parties.add(kind="person", name="Trần Văn Bình",
                                  citizen_id="074090001234", district_code="718",
                                  date_of_birth="12/05/1985",
                                  address="Số 5 đường Yersin, phường Phú Cường")
    certificate = issue_at_the_desk(services, holder, "e_information.game_point.issue",
                                    details=SAMPLES["e_information.game_point"],
                                    valid_until=dt.date(2027, 3, 15))
    return holder, certificate


def _record(holder: dict, certificate: dict, **more: str) -> dict[str, str]:
    return {"record_no": "05/BB-VPHC", "recorded_at": "10/03/2026 09:00",
            "place": "Điểm trò chơi Yersin, số 12 đường Yersin", "violator": str(holder["id"]),
            "occupation": "Kinh doanh dịch vụ trò chơi điện tử", "decree": "nd-15-2020",
            "provision": "điểm a khoản 3 Điều 103",
            "act": "Hoạt động cung cấp dịch vụ trò chơi điện tử công cộng sau 22 giờ đến 8 giờ "
                   "sáng hôm sau", "act_ended_on": "08/03/2026",
            "circumstances": "Vi phạm lần thứ hai trong năm (tình tiết tăng nặng)",
            "main_penalty": "fine", "fine": "15000000", "additional": "licence_withdrawal",
            "permit": certificate["number"], "withdrawal_months": "3",
            "remedial": "Không", **more}


def test_a_withdrawal_suspends_the_certificate_and_the_decision_prints_art_68(
        services: Services, game_point: tuple[dict, dict]) -> None:
    holder, certificate = game_point
    inspector = _user(services, "thanhtra", ["inspector"])
    leader = _user(services, "giamdoc", ["leader"])
    case = inspector.cases.open("sanction", "Xử phạt Điểm trò chơi Yersin",
                                data=_record(holder, certificate))
    code = case["code"]
    assert case["party_id"] == str(holder["id"])  # the violator's file
    shown = inspector.cases.show(code)
    decision_clock = shown["clocks"][0]
    # 07 working days from Tuesday 10/03: 11, 12, 13, 16, 17, 18, 19/03
    assert (decision_clock["key"], str(decision_clock["due"])) == ("decision", "2026-03-19")
    assert shown["data"]["limitation_ends"] == "2027-03-07"  # 01 year from 08/03/2026
    inspector.cases.step(code, "explain", reason="Xin giảm nhẹ vì lần đầu vi phạm giờ mở cửa",
                         at=at(2026, 3, 12, 9))
    shown = inspector.cases.show(code)  # an explanation: 01 month to decide
    assert (shown["variant"], str(shown["due"])) == ("explained", "2026-04-10")
    with pytest.raises(PermissionDeniedError):
        inspector.cases.step(code, "decide")  # the one with the power signs
    leader.cases.step(code, "decide", at=at(2026, 3, 16, 10))
    number = leader.cases.show(code)["timeline"][-1]["decision"]
    assert "/QĐ-" in number
    # the certificate is suspended by that decision, in the same transaction
    permit = leader.permits.show(certificate["number"])
    assert (permit["state"], permit["suspended_until"], permit["decision_number"]) == (
        "suspended", dt.date(2026, 6, 15), number)
    # no licensing "suspension decision" of the Department is printed for it: the sanction
    # decision is the document
    with pytest.raises(ValidationError, match=f"{number}.*{code}"):
        leader.documents.render("permit-suspension", certificate["number"])
    [entry] = list(leader.registers.iter_records("game_points"))
    history = leader.registers.history("game_points", entry["id"])
    assert [c["code"] for c in history["cases"]] == [code]
    assert any(e["action"] == "suspend" for e in leader.audit.entries(limit=50))
    party_history = leader.registers.history("parties", holder["id"])
    assert [c["code"] for c in party_history["cases"]] == [code]
    text = " ".join(pdf_text(leader.documents.render("sanction-decision", code).pdf).split())
    for words in (
            f"Số: {number}", "ngày 16 tháng 3 năm 2026", "QUYẾT ĐỊNH",
            "Xử phạt vi phạm hành chính",
            "Căn cứ Điều 57, Điều 68, Điều 70, Điều 78 Luật Xử lý vi phạm hành chính ngày 20 "
            "tháng 6 năm 2012; Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành "
            "chính ngày 13 tháng 11 năm 2020;",
            "Căn cứ Nghị định số 15/2020/NĐ-CP ngày 03 tháng 02 năm 2020",
            "Căn cứ Biên bản vi phạm hành chính số 05/BB-VPHC lập ngày 10/03/2026;",
            "Căn cứ văn bản giải trình ngày 12/03/2026 của Trần Văn Bình.",
            "Tôi: Nguyễn Văn Hòa. Chức vụ: Giám đốc Sở.",  # after 01/07/2025: the Director
            "Họ và tên: Trần Văn Bình.", "Ngày sinh: 12/05/1985.",
            "Nghề nghiệp: Kinh doanh dịch vụ trò chơi điện tử.",
            "Địa chỉ: Số 5 đường Yersin, phường Phú Cường.",
            "Số định danh cá nhân: 074090001234.",
            "1. Đã thực hiện hành vi vi phạm hành chính: Hoạt động cung cấp dịch vụ trò chơi "
            "điện tử công cộng sau 22 giờ", "2. Quy định tại điểm a khoản 3 Điều 103 Nghị định "
            "số 15/2020/NĐ-CP", "3. Các tình tiết liên quan đến giải quyết vụ vi phạm: Vi phạm "
            "lần thứ hai trong năm", "a) Hình thức xử phạt chính: Phạt tiền. Mức phạt: "
            "15.000.000 đồng (Bằng chữ: Mười lăm triệu đồng).",
            "b) Hình thức xử phạt bổ sung: Tước quyền sử dụng Giấy chứng nhận đủ điều kiện "
            f"hoạt động điểm cung cấp dịch vụ trò chơi điện tử công cộng số "
            f"{certificate['number']} cấp ngày 15/03/2024 trong thời hạn 03 tháng, kể từ ngày",
            "16/03/2026 đến ngày 15/06/2026.",  # (a page may end between them)
            "c) Biện pháp khắc phục hậu quả: Không.",
            "Quyết định này có hiệu lực kể từ ngày ký.",
            "phải nộp tiền phạt tại Kho bạc Nhà nước tỉnh Bình Dương", "trong thời hạn 10 "
            "ngày, kể từ ngày nhận được Quyết định này", "0,05% trên tổng số tiền phạt chưa nộp",
            "có quyền khiếu nại hoặc khởi kiện hành chính", "GIÁM ĐỐC", "Nguyễn Văn Hòa",
            "Như Điều 3"):
        assert words in text, words
    # what the decision says is kept as issued; the violator as named then
    data = leader.cases.show(code)["data"]
    assert data["violator_particulars"].startswith("Họ và tên: Trần Văn Bình.")
    with pytest.raises(ValidationError, match="giữ nguyên"):
        inspector.cases.edit(code, {**_record(holder, certificate), "fine": "90000000"})
    services.parties.update(holder["id"], services.parties.get(holder["id"])["version"],
                            **{**_party_raw(services, holder), "name": "Trần Văn Bình (mới)"})
    assert "Họ và tên: Trần Văn Bình." in " ".join(pdf_text(leader.documents.render(
        "sanction-decision", code).pdf).split())
    # delivered on 17/03, due 27/03; paid on 01/04: five days late
    inspector.cases.step(code, "deliver", at=at(2026, 3, 17, 9))
    assert str(next(c for c in leader.cases.show(code)["clocks"]
                    if c["key"] == "payment")["due"]) == "2026-03-27"
    [sanctions] = [k for k in leader.cases.summary("inspection", dt.date(2026, 3, 30))
                   if k["kind"] == "sanction"]
    assert sanctions["overdue"] == [("Phạt tiền quá hạn chưa nộp", [(code, dt.date(2026, 3,
                                                                                   27))])]
    [on_time] = [k for k in leader.cases.summary("inspection", dt.date(2026, 3, 27))
                 if k["kind"] == "sanction"]
    assert on_time["overdue"] == [("Phạt tiền quá hạn chưa nộp", [])]  # due that day
    inspector.cases.step(code, "pay", at=at(2026, 4, 1, 9))
    shown = leader.cases.show(code)
    assert shown["state"] == "paid"
    assert shown["remarks"] == ["Nộp chậm 5 ngày: phải nộp thêm 37.500 đồng (0,05% mỗi ngày)."]


def test_the_limitation_is_checked_when_recorded_and_when_decided(
        services: Services, game_point: tuple[dict, dict]) -> None:
    holder, certificate = game_point
    inspector = _user(services, "thanhtra", ["inspector"])
    leader = _user(services, "giamdoc", ["leader"])
    with pytest.raises(ValidationError, match="31/01/2026") as late:
        inspector.cases.open("sanction", "Quá thời hiệu", data=_record(
            holder, certificate, act_ended_on="01/02/2025"))
    assert "act_ended_on" in late.value.field_errors
    # an ongoing act counts from its discovery
    inspector.cases.open("sanction", "Đang vi phạm", data=_record(
        holder, certificate, act_ended_on="", ongoing="có", discovered_on="09/03/2026",
        record_no="06/BB-VPHC", additional="none", permit="", withdrawal_months=""))
    # press and publishing: 02 years
    inspector.cases.open("sanction", "Xuất bản", data=_record(
        holder, certificate, decree="nd-119-2020", act_ended_on="01/06/2024",
        provision="khoản 2 Điều 25", record_no="07/BB-VPHC", additional="none", permit="",
        withdrawal_months=""))
    # recorded within it, decided after it ended: refused, nothing numbered
    close = inspector.cases.open("sanction", "Sát thời hiệu", data=_record(
        holder, certificate, act_ended_on="11/03/2025", additional="none", permit="",
        withdrawal_months="", record_no="08/BB-VPHC"))
    assert "Thời hiệu" in " ".join(inspector.cases.show(close["code"])["remarks"])
    before = len(leader.numbering.register(2026, "QĐ"))
    with pytest.raises(ValidationError, match="10/03/2026"):
        leader.cases.step(close["code"], "decide", at=at(2026, 3, 11, 9))
    assert len(leader.numbering.register(2026, "QĐ")) == before


def test_a_withdrawal_names_the_violators_valid_licence_within_24_months(
        services: Services, game_point: tuple[dict, dict]) -> None:
    holder, certificate = game_point
    other = services.parties.add(kind="person", name="Nguyễn Thị Khác", citizen_id="074090009999")
    inspector = _user(services, "thanhtra", ["inspector"])
    leader = _user(services, "giamdoc", ["leader"])
    with pytest.raises(ValidationError) as refused:
        inspector.cases.open("sanction", "x", data=_record(
            other, certificate, withdrawal_months="25"))
    assert set(refused.value.field_errors) == {"permit", "withdrawal_months"}
    assert "Trần Văn Bình" in refused.value.field_errors["permit"]
    case = inspector.cases.open("sanction", "Xử phạt", data=_record(holder, certificate))
    services.permits.decide(certificate["number"], "revoke", reason="Thu hồi theo đề nghị")
    before = len(leader.numbering.register(2026, "QĐ"))
    with pytest.raises(ValidationError, match="thu hồi"):  # the licence is no longer valid
        leader.cases.step(case["code"], "decide", at=at(2026, 3, 16, 10))
    assert leader.cases.show(case["code"])["state"] == "recorded"
    assert len(leader.numbering.register(2026, "QĐ")) == before  # nothing half-written


def _party_raw(services: Services, holder: dict) -> dict[str, str]:
    from sotttt_desktop.registers import get_register
    from sotttt_desktop.services.records import edit_text

    party = services.parties.get(holder["id"])
    return {f.name: edit_text(f, party[f.name]) for f in get_register("parties").fields
            if not f.computed}


def test_a_record_says_what_is_possible(services: Services,
                                        game_point: tuple[dict, dict]) -> None:
    holder, certificate = game_point
    inspector = _user(services, "thanhtra", ["inspector"])
    plain = {"additional": "none", "permit": "", "withdrawal_months": ""}
    for wrong, field in (
            ({"main_penalty": "warning"}, "fine"),  # a warning with a fine
            ({"fine": "150000000", **plain}, "fine"),  # over half of 200 million: a person
            ({"act_ended_on": "12/03/2026"}, "act_ended_on"),  # after the record
            ({"recorded_at": "10/03/2099 09:00"}, "recorded_at"),  # in the future
            ({"additional": "none", "withdrawal_months": ""}, "permit"),  # a licence, no
            ({"additional": "suspension", "permit": "", "withdrawal_months": ""},
             "withdrawal_months")):
        with pytest.raises(ValidationError) as refused:
            inspector.cases.open("sanction", "x", data=_record(holder, certificate, **wrong))
        assert field in refused.value.field_errors, (wrong, refused.value.field_errors)


def test_a_warning_is_delivered_without_a_payment_clock(
        services: Services, game_point: tuple[dict, dict]) -> None:
    holder, certificate = game_point
    inspector = _user(services, "thanhtra", ["inspector"])
    leader = _user(services, "giamdoc", ["leader"])
    code = inspector.cases.open("sanction", "Cảnh cáo", data=_record(
        holder, certificate, main_penalty="warning", fine="", additional="none", permit="",
        withdrawal_months=""))["code"]
    leader.cases.step(code, "decide", at=at(2026, 3, 11, 9))
    with pytest.raises(ValidationError, match="Cảnh cáo|cảnh cáo"):
        inspector.cases.step(code, "deliver", at=at(2026, 3, 12, 9))
    inspector.cases.step(code, "warning_delivered", at=at(2026, 3, 12, 9))
    shown = inspector.cases.show(code)
    assert shown["state"] == "paid" and [c["key"] for c in shown["clocks"]] == ["decision"]
    text = " ".join(pdf_text(leader.documents.render("sanction-decision", code).pdf).split())
    assert "a) Hình thức xử phạt chính: Cảnh cáo." in text
    assert "theo quy định của pháp luật./." in text and "Kho bạc" not in text


def test_the_rules_in_figures() -> None:
    from sotttt_desktop.core.sanctions import period_end

    assert period_end(dt.date(2026, 3, 16), 3) == dt.date(2026, 6, 15)
    assert period_end(dt.date(2024, 11, 29), 3) == dt.date(2025, 2, 28)  # no 29/02/2025
    assert period_end(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert period_end(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)
    with pytest.raises(ValueError):
        amount_in_words(10 ** 21)
    assert late_addition(15_000_000, dt.date(2026, 3, 27), dt.date(2026, 4, 1)) == (5, 37_500)
    assert late_addition(15_000_000, dt.date(2026, 3, 27), dt.date(2026, 3, 20)) == (0, 0)
    assert amount_in_words(7_500_000) == "Bảy triệu năm trăm nghìn đồng"
    assert amount_in_words(1_005_000) == "Một triệu không trăm linh năm nghìn đồng"
    assert signer_for(dt.date(2025, 6, 30))["position"] == "CHÁNH THANH TRA"
    assert signer_for(dt.date(2025, 7, 1))["position"] == "GIÁM ĐỐC"
