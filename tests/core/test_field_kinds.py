"""Every field kind has one handler: typed text → value (or one message), display, the form's
text, the exported text read back, the column type."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import BigInteger, Boolean, Integer, String

from sotttt_desktop.i18n import set_language
from sotttt_desktop.registers import all_registers
from sotttt_desktop.registers.kinds import HANDLERS, handler
from sotttt_desktop.registers.spec import FieldKind, FieldSpec


def test_every_kind_has_a_handler_and_every_declared_field_a_kind() -> None:
    assert set(HANDLERS) == set(FieldKind)
    for spec in all_registers().values():
        for field in spec.fields:
            assert handler(field) is HANDLERS[field.kind]


def test_every_declared_choice_fits_its_column() -> None:
    """A choice key longer than its column is refused by PostgreSQL only (SQLite keeps it):
    caught here, on the declarations."""
    from sotttt_desktop.registers.kinds import CHOICE_LENGTH

    too_long = [(spec.key, field.name, key) for spec in all_registers().values()
                for field in spec.fields if field.kind is FieldKind.CHOICE
                for key, _label in field.choices
                if len(key) > (field.column_length or CHOICE_LENGTH)]
    assert too_long == []


def _parse(kind: FieldKind, text: str) -> tuple[object, str | None]:
    field = FieldSpec("x", "X", kind)
    return handler(field).parse(field, text, None)


@pytest.mark.parametrize(("text", "value"), [
    ("1200", 1200), ("1.200", 1200), ("1,200", 1200), ("1 200 000", 1_200_000), ("7.0", 7)])
def test_integer_parses_grouped_digits(text: str, value: int) -> None:
    assert _parse(FieldKind.INTEGER, text) == (value, None)


@pytest.mark.parametrize("text", ["12a", "1.2", "-5", "1.20.0"])
def test_integer_refuses_other_text_in_one_line(text: str) -> None:
    value, message = _parse(FieldKind.INTEGER, text)
    assert value is None
    assert message == "Nhập số nguyên, ví dụ 1.200."


def test_money_in_dong_is_printed_with_dots_and_the_currency() -> None:
    field = FieldSpec("fee", "Fee", FieldKind.MONEY)
    kind = handler(field)
    for text in ("1000000", "1.000.000 đồng", "1.000.000đ", "1,000,000 VND"):
        assert kind.parse(field, text, None) == (1_000_000, None)
    assert kind.display(field, None)(1_000_000) == "1.000.000 đồng"
    assert kind.parse(field, "một triệu", None)[1] == "Nhập số tiền bằng đồng, ví dụ 1.500.000."
    assert isinstance(kind.column_type(field), BigInteger)
    assert kind.export_cell(field, 1_000_000, None) == 1_000_000
    set_language("en")
    assert kind.display(field, None)(1_000_000) == "1,000,000 VND"


def test_yes_no_reads_vietnamese_and_english_words() -> None:
    field = FieldSpec("ok", "OK", FieldKind.YES_NO)
    kind = handler(field)
    assert [kind.parse(field, t, None)[0] for t in ("Có", "co", "x", "yes", "1")] == [True] * 5
    assert [kind.parse(field, t, None)[0] for t in ("Không", "no", "0", "sai")] == [False] * 4
    assert kind.parse(field, "có lẽ", None) == (None, "Chọn có hoặc không.")
    assert kind.display(field, None)(True) == "Có"
    assert kind.parse(field, kind.export_text(field, False, None), None) == (False, None)
    assert isinstance(kind.column_type(field), Boolean)


@pytest.mark.parametrize(("text", "value"), [
    ("09:30", "09:30"), ("9:30", "09:30"), ("9h30", "09:30"), ("14h", "14:00"),
    ("7.05", "07:05")])
def test_time_is_kept_as_hh_mm(text: str, value: str) -> None:
    assert _parse(FieldKind.TIME, text) == (value, None)


@pytest.mark.parametrize("text", ["24:00", "9:60", "nine", "0930"])
def test_a_wrong_time_is_one_message(text: str) -> None:
    assert _parse(FieldKind.TIME, text) == (
        None, "Ghi giờ theo dạng hh:mm, ví dụ 09:30.")


def test_time_keeps_the_press_conference_column() -> None:
    from sotttt_desktop.registers import get_register

    spec = get_register("press_conferences")
    column = spec.model.__table__.c.held_time
    assert spec.field("held_time").kind is FieldKind.TIME
    assert isinstance(column.type, String) and column.type.length == 5


def test_date_exports_a_real_date_and_text_read_back() -> None:
    field = FieldSpec("d", "D", FieldKind.DATE)
    kind = handler(field)
    day = dt.date(2024, 3, 5)
    assert kind.export_cell(field, day, None) == day
    assert kind.parse(field, kind.export_text(field, day, None), None) == (day, None)
    assert isinstance(handler(FieldSpec("n", "N", FieldKind.INTEGER)).column_type(field),
                      Integer)


def test_date_time_is_a_local_moment() -> None:
    field = FieldSpec("at", "At", FieldKind.DATETIME)
    kind = handler(field)
    moment = dt.datetime(2024, 3, 5, 9, 30)
    assert kind.parse(field, "05/03/2024 9h30", None) == (moment, None)
    assert kind.parse(field, "05/03/2024", None) == (dt.datetime(2024, 3, 5), None)
    assert kind.display(field, None)(moment) == "05/03/2024 09:30"
    assert kind.parse(field, kind.export_text(field, moment, None), None) == (moment, None)
    assert kind.parse(field, "05/03/2024 25:00", None)[1] == (
        "Ghi ngày giờ theo dạng dd/mm/yyyy hh:mm, ví dụ 05/03/2024 09:30.")


def test_decimal_reads_both_decimal_marks_and_shows_its_unit() -> None:
    from decimal import Decimal

    field = FieldSpec("area", "Area", FieldKind.DECIMAL, unit="m²")
    kind = handler(field)
    for text in ("12,5", "12.5", "12,5 m²", "12.50"):
        assert kind.parse(field, text, None) == (Decimal("12.50"), None)
    assert kind.parse(field, "1.234,5", None) == (Decimal("1234.50"), None)
    assert kind.display(field, None)(Decimal("1234.5")) == "1.234,5 m²"
    assert kind.edit_text(field, Decimal("1234.50")) == "1234,5"
    assert kind.parse(field, kind.edit_text(field, Decimal("1234.5")), None)[0] == \
        Decimal("1234.5")
    assert kind.parse(field, "mười", None) == (None, "Nhập một số, ví dụ 12,5.")


def test_coordinates_inside_the_province_as_copyable_text() -> None:
    from sotttt_desktop.registers.kinds import province_bounds

    field = FieldSpec("point", "Point", FieldKind.COORDINATES)
    kind = handler(field)
    assert province_bounds() == ((10.85, 11.5), (106.33, 106.97))  # resources/reference
    assert kind.parse(field, "10.9804, 106.6519", None) == ("10.980400, 106.651900", None)
    assert kind.parse(field, "10,9804; 106,6519", None) == ("10.980400, 106.651900", None)
    outside = kind.parse(field, "21.0285, 105.8542", None)  # Hà Nội
    assert outside[0] is None and "ngoài địa bàn tỉnh" in outside[1]
    assert kind.parse(field, "ở chợ", None)[0] is None
    # degrees, minutes and seconds, as operators' site lists give them, in either order
    for text in ("10°58'12\"N, 106°39'07\"E", "106°39'07\"E 10°58'12\"N",
                 "10° 58′ 12″ N, 106° 39′ 7″ E", "10°58.2'N 106°39.1167'E"):
        value, error = kind.parse(field, text, None)
        assert error is None and value.startswith("10.970000, 106.6519"), (text, value)
    # 60.0 seconds is a rounded 59.97 (site lists do that): the next minute
    assert kind.parse(field, "10°57'60.0\"N 106°38'60.0\"E", None) == (
        "10.966667, 106.650000", None)
    for wrong in ("10°58'12\"N 11°02'00\"N",  # two latitudes
                  "10°75'12\"N, 106°39'07\"E",  # 75 minutes
                  "10°58'12\"N"):  # one angle
        value, error = kind.parse(field, wrong, None)
        assert value is None and "10°58'49\"N" in error, wrong
    value, error = kind.parse(field, "21°01'42\"N, 105°51'15\"E", None)  # Hà Nội
    assert value is None and "ngoài địa bàn tỉnh" in error


PLAN = FieldSpec("plan", "Plan", FieldKind.ROWS, columns=(
    FieldSpec("on", "On", FieldKind.DATE, required=True), FieldSpec("cost", "Cost", FieldKind.MONEY),
    FieldSpec("what", "What")))


def test_rows_are_read_by_their_childrens_kinds_and_read_back() -> None:
    rows = handler(PLAN)
    value, error = rows.parse(PLAN, "5/3/2024 | 1.500.000 đồng | Họp báo\n\n06/03/2024 | | Tổng kết",
                              None)
    assert error is None and value == [
        {"on": "05/03/2024", "cost": "1500000", "what": "Họp báo"},
        {"on": "06/03/2024", "cost": "", "what": "Tổng kết"}]
    text = rows.export_text(PLAN, value, None)
    assert text == "05/03/2024 | 1500000 | Họp báo\n06/03/2024 |  | Tổng kết"
    assert rows.display(PLAN, None)(value) == \
        "05/03/2024 | 1.500.000 đồng | Họp báo\n06/03/2024 |  | Tổng kết"
    assert rows.parse(PLAN, text, None) == (value, None)
    assert rows.parse(PLAN, "06/03/2024 | nhiều", None)[1].startswith("Dòng 1, Cost: ")
    assert rows.parse(PLAN, "06/03/2024\n | | Họp", None)[1] == \
        "Dòng 2, On: Trường này bắt buộc nhập."
    assert rows.search_text(PLAN, value, None) == "05/03/2024 1500000 Họp báo 06/03/2024 Tổng kết"
    assert type(rows.column_type(PLAN)).__name__ == "JSON"


def test_files_take_only_the_list_an_editor_makes() -> None:
    files = FieldSpec("evidence", "Evidence", FieldKind.FILES)
    for text in ("bien-ban.pdf", '[{"name": "a.pdf"}]', '{"sha256": "00"}'):
        assert handler(files).parse(files, text, None) == (
            None, "Đính kèm tệp bằng nút Thêm tệp….")
    assert not handler(files).imported and handler(PLAN).imported
