"""The register of letters received and handled (sổ tiếp nhận, xử lý đơn; issue #20) through
the services on SQLite and PostgreSQL: a mixed letter split into its parts (one day and sender),
competence deciding the action, 05 working days to forward and 10 to handle (Tết not counted),
a letter of the same content forwarded only once, a denunciation written by its case."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.errors import PermissionDeniedError, ValidationError
from sotttt_desktop.services import Services


def _user(services: Services, name: str, roles: list[str]) -> Services:
    services.security.add_user(name, name.title(), "mat-khau-1", roles, must_change=False)
    return services.as_actor(services.security.login(name, "mat-khau-1"))


LETTER = {"letter_no": "125", "received_on": "23/01/2025", "channel": "post",
          "sender": "Nguyễn Văn Hòa", "senders": "1"}


def _errors(call: object) -> set[str]:
    with pytest.raises(ValidationError) as raised:
        call()  # type: ignore[operator]
    return set(raised.value.field_errors)


def test_a_mixed_letter_is_split_into_parts_each_handled_on_its_clock(
        services: Services) -> None:
    inspector = _user(services, "thanhtra", ["inspector"])
    party = services.parties.add(kind="person", name="Nguyễn Văn Hòa")
    case = inspector.cases.open("complaint_first", "Khiếu nại quyết định xử phạt", data={
        "complainant": str(party["id"]), "received_at": "23/01/2025 09:00",
        "known_on": "20/01/2025", "complained_of": "Quyết định xử phạt",
        "content": "Khiếu nại quyết định xử phạt"})
    complaint = inspector.registers.create("letters", {
        **LETTER, "part": "1", "kind": "complaint", "competent": "yes", "action": "accepted",
        "case_code": case["code"], "state": "waiting",
        "content": "Khiếu nại quyết định xử phạt của Thanh tra Sở"})
    assert complaint["handle_due"] == dt.date(2025, 2, 13)  # 10 working days, Tết not counted
    assert complaint["forward_due"] is None  # competent: nothing to forward
    petition = inspector.registers.create("letters", {
        **LETTER, "part": "2", "kind": "petition", "competent": "no", "action": "forwarded",
        "forwarded_to": "UBND thành phố Thủ Dầu Một", "forwarded_on": "06/02/2025",
        "state": "handled", "handled_on": "06/02/2025",
        "content": "Kiến nghị sửa chữa đường dây cáp treo trên phố"})
    assert petition["forward_due"] == dt.date(2025, 2, 6)  # 05 working days
    assert petition["late"] is False
    assert inspector.registers.count("letters") == 2
    # the same part twice; a part of the letter from another sender or another day
    assert _errors(lambda: inspector.registers.create("letters", {
        **LETTER, "part": "1", "kind": "feedback", "action": "filed", "state": "handled",
        "handled_on": "24/01/2025", "content": "Phản ánh khác"})) == {"letter_key"}
    assert _errors(lambda: inspector.registers.create("letters", {
        **LETTER, "part": "3", "sender": "Trần Thị B", "kind": "feedback", "action": "filed",
        "state": "waiting", "content": "Phản ánh khác"})) == {"letter_no"}
    # a part in the book is corrected alone (the day the letter came), then the other
    moved = {**LETTER, "received_on": "24/01/2025"}
    complaint = inspector.registers.update("letters", complaint["id"], {
        **moved, "part": "1", "kind": "complaint", "competent": "yes", "action": "accepted",
        "case_code": case["code"], "state": "waiting",
        "content": "Khiếu nại quyết định xử phạt của Thanh tra Sở"},
        expected_version=complaint["version"])
    assert complaint["received_on"] == dt.date(2025, 1, 24)
    # a forward past its 05 working days is late
    late = inspector.registers.update("letters", petition["id"], {
        **LETTER, "part": "2", "kind": "petition", "competent": "no", "action": "forwarded",
        "forwarded_to": "UBND thành phố Thủ Dầu Một", "forwarded_on": "07/02/2025",
        "state": "handled", "handled_on": "07/02/2025",
        "content": "Kiến nghị sửa chữa đường dây cáp treo trên phố"},
        expected_version=petition["version"])
    assert late["late"] is True


def test_competence_decides_the_action_and_a_letter_is_forwarded_once(
        services: Services) -> None:
    inspector = _user(services, "thanhtra", ["inspector"])
    base = {**LETTER, "kind": "feedback", "state": "waiting",
            "content": "Phản ánh tin nhắn rác quảng cáo"}
    assert _errors(lambda: inspector.registers.create("letters", {
        **base, "competent": "yes", "action": "forwarded", "forwarded_to": "Cục",
        "forwarded_on": "24/01/2025"})) == {"action"}
    assert _errors(lambda: inspector.registers.create("letters", {
        **base, "competent": "no", "action": "accepted", "case_code": "X"})) == {
        "action", "case_code"}  # and there is no case X
    assert _errors(lambda: inspector.registers.create("letters", {
        **base, "competent": "no", "action": "forwarded"})) == {"forwarded_to", "forwarded_on"}
    inspector.registers.create("letters", {
        **base, "competent": "no", "action": "forwarded", "forwarded_to": "Cục An toàn thông tin",
        "forwarded_on": "24/01/2025"})
    again = {**base, "letter_no": "301", "received_on": "10/03/2025", "competent": "no"}
    with pytest.raises(ValidationError, match="125") as raised:
        inspector.registers.create("letters", {
            **again, "action": "forwarded", "forwarded_to": "Cục An toàn thông tin",
            "forwarded_on": "11/03/2025"})
    assert set(raised.value.field_errors) == {"action"}
    inspector.registers.create("letters", {**again, "action": "filed"})  # a repeat is filed
    # the same content however written, whatever kind or sender the clerk gave it
    for other in ({"content": "phản ánh tin nhắn rác, quảng cáo."}, {"kind": "petition"},
                  {"sender": "Ông Nguyễn Văn Hòa"}, {"sender": ""}):
        with pytest.raises(ValidationError, match="125"):
            inspector.registers.create("letters", {
                **again, "letter_no": "302", **other, "action": "forwarded",
                "forwarded_to": "Cục An toàn thông tin", "forwarded_on": "11/03/2025"})
    # a long common opening is not the same content
    opening = "Kính gửi Sở Thông tin và Truyền thông. Tôi tên là Nguyễn Văn Hòa, cư trú tại " * 3
    for number, tail in (("310", "phản ánh sóng yếu"), ("311", "phản ánh cáp treo")):
        inspector.registers.create("letters", {
            **again, "letter_no": number, "content": opening + tail, "action": "forwarded",
            "forwarded_to": "Cục Viễn thông", "forwarded_on": "11/03/2025"})
    assert inspector.registers.count("letters") == 4


def test_a_denunciation_is_written_by_its_case_and_viewers_may_not_write(
        services: Services) -> None:
    inspector = _user(services, "thanhtra", ["inspector"])
    viewer = _user(services, "xem", ["viewer"])
    code = inspector.cases.open("denunciation", "Tố cáo hành vi nhũng nhiễu",
                                at=dt.datetime(2024, 12, 2, 9))["code"]
    denunciation = {"letter_no": "7", "received_on": "02/12/2024", "channel": "post",
                    "kind": "denunciation", "competent": "yes", "action": "accepted",
                    "state": "waiting"}
    assert _errors(lambda: inspector.registers.create("letters", {
        **denunciation, "sender": "Người tố cáo"})) == {"sender", "case_code"}
    for said in ({"content": "Tố cáo ông Trần Văn Bị"}, {"note": "Người tố cáo là bà Kín"}):
        assert _errors(lambda said=said: inspector.registers.create("letters", {
            **denunciation, "case_code": code, **said})) == set(said)
    assert _errors(lambda: inspector.registers.create("letters", {
        **denunciation, "case_code": "TC-FAKE-1"})) == {"case_code"}
    entry = inspector.registers.create("letters", {**denunciation, "case_code": code.lower()})
    assert (entry["sender"], entry["case_code"]) == (None, code)
    assert entry["content"] == f"Đơn tố cáo: nội dung trong hồ sơ vụ việc {code}"
    with pytest.raises(PermissionDeniedError):
        viewer.registers.create("letters", {**denunciation, "letter_no": "8", "case_code": code})
    assert viewer.registers.count("letters") == 1


def test_an_imported_book_keeps_the_rules_across_its_own_rows(services: Services,
                                                              tmp_path) -> None:  # noqa: ANN001
    """A file with two forwards of one content and a letter whose parts differ: the rows that
    break a rule are rejected in the preview, the file as a whole is refused."""
    from openpyxl import Workbook

    path = tmp_path / "so-xu-ly-don.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(["Số vào sổ", "Phần", "Ngày nhận đơn", "Nguồn đơn", "Người gửi", "Loại đơn",
                  "Nội dung", "Thuộc thẩm quyền", "Hướng xử lý", "Chuyển đến", "Ngày chuyển",
                  "Trạng thái"])
    spam = "Phản ánh tin nhắn rác quảng cáo"
    sheet.append(["20", 1, "03/03/2025", "Qua bưu chính", "Lê Văn A", "Phản ánh", spam, "Không",
                  "Chuyển đơn", "Cục An toàn thông tin", "04/03/2025", "Đang xử lý"])
    sheet.append(["21", 1, "05/03/2025", "Qua bưu chính", "Lê Văn A", "Phản ánh", spam + ".",
                  "Không", "Chuyển đơn", "Cục An toàn thông tin", "06/03/2025", "Đang xử lý"])
    sheet.append(["22", 1, "05/03/2025", "Qua bưu chính", "Lê Văn B", "Phản ánh", "Khác 1",
                  "Có", "Lưu đơn", None, None, "Đang xử lý"])
    sheet.append(["22", 2, "06/03/2025", "Qua bưu chính", "Lê Văn B", "Kiến nghị", "Khác 2",
                  "Có", "Lưu đơn", None, None, "Đang xử lý"])
    book.save(path)
    preview = services.register_files.preview("letters", path)
    actions = {row.line: row.action for row in preview.rows}
    assert actions == {2: "create", 3: "reject", 4: "create", 5: "reject"}, [
        (row.line, row.messages) for row in preview.rows]
    with pytest.raises(ValidationError):
        services.register_files.commit("letters", path)
    assert services.registers.count("letters") == 0
