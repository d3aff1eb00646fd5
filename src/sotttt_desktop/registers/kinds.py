"""Field kinds, one handler each (no Qt): parse typed text, show a value, the text a form starts
with, the spreadsheet cell, the column type. The services, the import/export and the table
generator call `handler(field)`; the UI has one editor factory per kind (ui/field_editors.py).

`reference` is the ReferenceService (districts and communes), passed in by the caller.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import BigInteger, Boolean, Date, DateTime, Integer, Numeric, String

from sotttt_desktop.core.text import fold
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import (
    DateOutOfRangeError,
    _,
    format_date,
    format_number,
    format_vnd,
    in_language,
    language,
    parse_date,
)
from sotttt_desktop.registers.spec import FieldKind, FieldSpec

CHOICE_LENGTH = 16  # a stored choice value, unless the field declares its column_length
Parsed = tuple[Any, "str | None"]  # (value, None) or (None, translated message)


def _text(value: Any) -> str:  # noqa: ANN401
    return "" if value is None else str(value)


class KindHandler:
    """Plain text: the default of every operation."""

    multiline = False  # keeps line breaks when cleaning typed text
    references: str | None = None  # "table.column" a value refers to (a foreign key)
    import_headings: tuple[str, ...] = ()  # usual spreadsheet headings of such a column
    list_joined = False  # True: the list page shows `list_column` of the page's rows
    imported = True  # False: a spreadsheet column of it is not read (the record keeps its own)

    def foreign_key(self, field: FieldSpec) -> str | None:
        """The "table.column" a value refers to, if any."""
        return self.references

    def text_limit(self, field: FieldSpec) -> int:
        """The longest text accepted for the field."""
        return field.max_length

    def parse(self, field: FieldSpec, text: str, reference: Any) -> Parsed:  # noqa: ANN401
        return text, None

    def display(self, field: FieldSpec, reference: Any) -> Callable[[Any], str]:  # noqa: ANN401
        """How values are shown, worked out once per field (not per cell)."""
        return _text

    def list_display(self, field: FieldSpec, reference: Any) -> Callable[[Any], str]:  # noqa: ANN401
        """How the values of `list_column` are shown in a register's list."""
        return self.display(field, reference)

    def list_column(self, field: FieldSpec, column: Any) -> Any:  # noqa: ANN401
        """What a register's list page shows of the field's column (see `list_joined`)."""
        return column

    def search_text(self, field: FieldSpec, value: Any, reference: Any) -> str | None:  # noqa: ANN401
        """The words a value adds to the record's search entry."""
        return None if value is None else str(value)

    def search_many(self, field: FieldSpec, values: list[Any], reference: Any  # noqa: ANN401
                    ) -> list[str | None]:
        """`search_text` of the values of many records."""
        return [None if v is None else self.search_text(field, v, reference) for v in values]

    def edit_text(self, field: FieldSpec, value: Any) -> str:  # noqa: ANN401
        return _text(value)

    def keep_text(self, field: FieldSpec, value: Any, reference: Any) -> str:  # noqa: ANN401
        """A stored value as text that parses back to it (an import keeping a field)."""
        return self.export_text(field, value, reference)

    def export_many(self, field: FieldSpec, values: list[Any], reference: Any,  # noqa: ANN401
                    cell: bool) -> list[Any]:
        """The exported values of a batch of records (cells or text)."""
        convert = self.export_cell if cell else self.export_text
        return [convert(field, value, reference) for value in values]

    def export_text(self, field: FieldSpec, value: Any, reference: Any) -> str:  # noqa: ANN401
        """The value in an exported file (always Vietnamese), read back by parse."""
        return _text(value)

    def export_cell(self, field: FieldSpec, value: Any, reference: Any) -> Any:  # noqa: ANN401
        """The value in a spreadsheet cell (a real date or number where the kind has one)."""
        return self.export_text(field, value, reference)

    def column_type(self, field: FieldSpec) -> Any:  # noqa: ANN401 - a SQLAlchemy type
        from sotttt_desktop.core.models.base import NFCString

        return NFCString(field.column_length or field.max_length)


class MultilineHandler(KindHandler):
    multiline = True

    def column_type(self, field: FieldSpec) -> Any:  # noqa: ANN401
        from sotttt_desktop.core.models.base import NFCText

        return NFCText()


@functools.cache
def _choice_words(choices: tuple[tuple[str, str], ...],
                  aliases: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Folded value, labels (both languages) and declared other words → stored value; worked
    out once per choice list (an import parses every row)."""
    words: dict[str, str] = {}
    for value, label in choices:
        for text in (value, label, in_language("vi", label), in_language("en", label)):
            words.setdefault(fold(text), value)
    for text, value in aliases:
        words.setdefault(fold(text), value)
    return words


class ChoiceHandler(KindHandler):
    def parse(self, field: FieldSpec, text: str, reference: Any) -> Parsed:  # noqa: ANN401
        found = _choice_words(field.choices, field.choice_aliases).get(fold(text))
        if found is not None:  # "to chuc", "Tổ chức", "TỔ CHỨC" and "org" alike
            return found, None
        allowed = ", ".join(_(label) for _value, label in field.choices)
        return None, _("Choose one of: {choices}.").format(choices=allowed)

    def display(self, field: FieldSpec, reference: Any) -> Callable[[Any], str]:  # noqa: ANN401
        labels = {stored: _(label) for stored, label in field.choices}
        return lambda value: "" if value is None else labels.get(value, str(value))

    def export_text(self, field: FieldSpec, value: Any, reference: Any) -> str:  # noqa: ANN401
        labels = {stored: in_language("vi", label) for stored, label in field.choices}
        return "" if value is None else labels.get(value, str(value))

    def column_type(self, field: FieldSpec) -> Any:  # noqa: ANN401
        return String(field.column_length or CHOICE_LENGTH)


class DateHandler(KindHandler):
    def parse(self, field: FieldSpec, text: str, reference: Any) -> Parsed:  # noqa: ANN401
        try:
            return parse_date(text), None
        except DateOutOfRangeError as error:
            return None, error.message()
        except ValueError:
            return None, _("Write the date as dd/mm/yyyy, for example 05/03/1990.")

    def display(self, field: FieldSpec, reference: Any) -> Callable[[Any], str]:  # noqa: ANN401
        return lambda value: "" if value is None else format_date(value)

    def edit_text(self, field: FieldSpec, value: Any) -> str:  # noqa: ANN401
        return "" if value is None else format_date(value)

    def export_text(self, field: FieldSpec, value: Any, reference: Any) -> str:  # noqa: ANN401
        return "" if value is None else f"{value:%d/%m/%Y}"

    def export_cell(self, field: FieldSpec, value: Any, reference: Any) -> Any:  # noqa: ANN401
        return value

    def column_type(self, field: FieldSpec) -> Any:  # noqa: ANN401
        return Date()


class DistrictHandler(KindHandler):
    references = "district.code"
    import_headings = ("Huyện", "Quận", "Quận/huyện", "Quận, huyện", "Huyện/thị xã/thành phố",
                       "Huyện, thị xã, thành phố", "Quận/huyện/thị xã/thành phố", "Huyện/TX/TP",
                       "Địa bàn", "Đơn vị hành chính cấp huyện", "Mã huyện")

    def parse(self, field: FieldSpec, text: str, reference: Any) -> Parsed:  # noqa: ANN401
        try:
            return reference.find_district(text), None
        except ValidationError as error:
            return None, str(error)

    def _names(self, reference: Any) -> dict[int, str]:  # noqa: ANN401
        return {code: info.name for code, info in reference.districts().items()}

    def display(self, field: FieldSpec, reference: Any) -> Callable[[Any], str]:  # noqa: ANN401
        names = self._names(reference)
        return lambda value: "" if value is None else names.get(value, str(value))

    def export_text(self, field: FieldSpec, value: Any, reference: Any) -> str:  # noqa: ANN401
        return "" if value is None else self._names(reference).get(value, str(value))

    def column_type(self, field: FieldSpec) -> Any:  # noqa: ANN401
        return Integer()


class CommuneHandler(DistrictHandler):
    references = "commune.code"
    import_headings = ("Xã", "Phường", "Xã/phường", "Phường/xã", "Xã/phường/thị trấn",
                       "Phường, xã, thị trấn", "Xã, phường, thị trấn")

    def parse(self, field: FieldSpec, text: str, reference: Any) -> Parsed:  # noqa: ANN401
        for info in reference.districts().values():
            for code, name in info.communes:
                if text == str(code) or fold(text) == fold(name):
                    return code, None
        return None, _("Unknown ward or commune: {value}.").format(value=text)

    def _names(self, reference: Any) -> dict[int, str]:  # noqa: ANN401
        return {code: name for info in reference.districts().values()
                for code, name in info.communes}


_GROUPED = re.compile(r"[+-]?\d{1,3}([.,\s]\d{3})+|[+-]?\d+")


def _whole_number(text: str) -> int | None:
    """1234567, 1.234.567, 1,234,567 or 1 234 567 (a spreadsheet's 1234567.0 too)."""
    text = text.strip()
    if text.endswith(".0"):
        text = text[:-2]
    if not _GROUPED.fullmatch(text):
        return None
    return int(re.sub(r"[.,\s]", "", text))


class IntegerHandler(KindHandler):
    def parse(self, field: FieldSpec, text: str, reference: Any) -> Parsed:  # noqa: ANN401
        number = _whole_number(text)
        if number is None or number < 0:
            return None, _("Write a whole number, for example 1.200.")
        return number, None

    def display(self, field: FieldSpec, reference: Any) -> Callable[[Any], str]:  # noqa: ANN401
        return lambda value: "" if value is None else format_number(value)

    def export_cell(self, field: FieldSpec, value: Any, reference: Any) -> Any:  # noqa: ANN401
        return value

    def column_type(self, field: FieldSpec) -> Any:  # noqa: ANN401
        return Integer()


YEARS = (1945, 2100)


class YearHandler(IntegerHandler):
    """A calendar year: 2024, never 2.024."""

    def parse(self, field: FieldSpec, text: str, reference: Any) -> Parsed:  # noqa: ANN401
        text = text.strip().removesuffix(".0")  # a spreadsheet's number
        if not re.fullmatch(r"\d{4}", text) or not YEARS[0] <= int(text) <= YEARS[1]:
            return None, _("Give the year in four digits, for example 2024.")
        return int(text), None

    def display(self, field: FieldSpec, reference: Any) -> Callable[[Any], str]:  # noqa: ANN401
        return lambda value: "" if value is None else str(value)

    def edit_text(self, field: FieldSpec, value: Any) -> str:  # noqa: ANN401
        return "" if value is None else str(value)

    def export_text(self, field: FieldSpec, value: Any, reference: Any) -> str:  # noqa: ANN401
        return self.edit_text(field, value)


_CURRENCY = re.compile(r"\s*(đồng|đ|vnd|vnđ)\s*$", re.IGNORECASE)


class MoneyHandler(IntegerHandler):
    """Whole Vietnamese đồng, shown and printed `1.000.000 đồng`."""

    def parse(self, field: FieldSpec, text: str, reference: Any) -> Parsed:  # noqa: ANN401
        number = _whole_number(_CURRENCY.sub("", text))
        if number is None or number < 0:
            return None, _("Write an amount in đồng, for example 1.500.000.")
        return number, None

    def display(self, field: FieldSpec, reference: Any) -> Callable[[Any], str]:  # noqa: ANN401
        return lambda value: "" if value is None else format_vnd(value)

    def column_type(self, field: FieldSpec) -> Any:  # noqa: ANN401
        return BigInteger()


YES_WORDS = frozenset({"co", "yes", "x", "1", "true", "dung", "c"})
NO_WORDS = frozenset({"khong", "no", "0", "false", "sai", "k"})


class YesNoHandler(KindHandler):
    def parse(self, field: FieldSpec, text: str, reference: Any) -> Parsed:  # noqa: ANN401
        word = fold(text)
        if word in YES_WORDS or word == fold(_("Yes")):
            return True, None
        if word in NO_WORDS or word == fold(_("No")):
            return False, None
        return None, _("Answer yes or no.")

    def display(self, field: FieldSpec, reference: Any) -> Callable[[Any], str]:  # noqa: ANN401
        yes, no = _("Yes"), _("No")
        return lambda value: "" if value is None else (yes if value else no)

    def edit_text(self, field: FieldSpec, value: Any) -> str:  # noqa: ANN401
        return "" if value is None else ("1" if value else "0")

    def export_text(self, field: FieldSpec, value: Any, reference: Any) -> str:  # noqa: ANN401
        if value is None:
            return ""
        return in_language("vi", "Yes") if value else in_language("vi", "No")

    def column_type(self, field: FieldSpec) -> Any:  # noqa: ANN401
        return Boolean()


_TIME = re.compile(r"(\d{1,2})\s*[:hg.]\s*(\d{2})?(?::\d{2})?\s*(phút)?")  # a cell: 09:30:00


class TimeHandler(KindHandler):
    """A time of day, stored as text `hh:mm` (sorts as text)."""

    def parse(self, field: FieldSpec, text: str, reference: Any) -> Parsed:  # noqa: ANN401
        found = _TIME.fullmatch(text.strip().lower())
        if found and int(found[1]) < 24 and int(found[2] or 0) < 60:
            return f"{int(found[1]):02d}:{int(found[2] or 0):02d}", None
        return None, _("Write the time as hh:mm, for example 09:30.")

    def column_type(self, field: FieldSpec) -> Any:  # noqa: ANN401
        return String(5)


class DateTimeHandler(KindHandler):
    """A moment in the Department's local time: dd/mm/yyyy hh:mm."""

    def parse(self, field: FieldSpec, text: str, reference: Any) -> Parsed:  # noqa: ANN401
        day_text, _sep, time_text = text.strip().partition(" ")
        day, error = DateHandler().parse(field, day_text, reference)
        if error:
            return None, error
        moment, error = TimeHandler().parse(field, time_text or "00:00", reference)
        if error:
            return None, _("Write the date and time as dd/mm/yyyy hh:mm, for example "
                           "05/03/2024 09:30.")
        hours, minutes = moment.split(":")
        return dt.datetime.combine(day, dt.time(int(hours), int(minutes))), None

    def display(self, field: FieldSpec, reference: Any) -> Callable[[Any], str]:  # noqa: ANN401
        return lambda value: "" if value is None else f"{value:%d/%m/%Y %H:%M}"

    def edit_text(self, field: FieldSpec, value: Any) -> str:  # noqa: ANN401
        return "" if value is None else f"{value:%d/%m/%Y %H:%M}"

    def export_text(self, field: FieldSpec, value: Any, reference: Any) -> str:  # noqa: ANN401
        return self.edit_text(field, value)

    def column_type(self, field: FieldSpec) -> Any:  # noqa: ANN401
        return DateTime()


def _decimal(text: str) -> Decimal | None:
    """12,5 or 12.5 (Vietnamese or English), 1.234,5 or 1,234.5 with thousands."""
    text = text.strip().replace(" ", "")
    if "," in text and "." in text:  # the later one is the decimal point
        thousands = "." if text.rfind(",") > text.rfind(".") else ","
        text = text.replace(thousands, "")
    text = text.replace(",", ".")
    if not re.fullmatch(r"\d+(\.\d+)?", text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


class DecimalHandler(KindHandler):
    def parse(self, field: FieldSpec, text: str, reference: Any) -> Parsed:  # noqa: ANN401
        unit = _(field.unit) if field.unit else ""
        number = _decimal(text.removesuffix(unit).strip() if unit else text)
        if number is None:
            return None, _("Write a number, for example 12,5.")
        return round(number, field.decimals), None

    def display(self, field: FieldSpec, reference: Any) -> Callable[[Any], str]:  # noqa: ANN401
        unit = f" {_(field.unit)}" if field.unit else ""
        return lambda value: "" if value is None else f"{format_number(value)}{unit}"

    def edit_text(self, field: FieldSpec, value: Any) -> str:  # noqa: ANN401
        """Without thousands separators (a Vietnamese 1.234 would read back as 1,234)."""
        if value is None:
            return ""
        text = f"{Decimal(value).normalize():f}"
        return text.replace(".", ",") if language() == "vi" else text

    def export_cell(self, field: FieldSpec, value: Any, reference: Any) -> Any:  # noqa: ANN401
        return None if value is None else float(value)

    def column_type(self, field: FieldSpec) -> Any:  # noqa: ANN401
        return Numeric(14, field.decimals)


@functools.cache
def province_bounds() -> tuple[tuple[float, float], tuple[float, float]]:
    """((south, north), (west, east)) of the province, from resources/reference."""
    import tomllib

    from sotttt_desktop.resources import resource_path

    with resource_path("reference", "province.toml").open("rb") as fh:
        bounds = tomllib.load(fh)["bounds"]
    return tuple(bounds["latitude"]), tuple(bounds["longitude"])  # type: ignore[return-value]


_NUMBER = r"(\d+(?:[.,]\d+)?)"
# one angle in degrees, minutes and seconds as surveyors and operators write it: 10°58'12"N,
# 10°58'12.5", 10°58.2'N (minutes with decimals), ’ ′ ″ or '' for the marks
_DMS = re.compile(rf"{_NUMBER}\s*°\s*(?:{_NUMBER}\s*['’′]\s*)?(?:{_NUMBER}\s*(?:\"|″|''|’’)\s*)?"
                  r"([NSEWnsew])?")


def _number(text: str | None) -> float:
    return float(text.replace(",", ".")) if text else 0.0


def parse_point(text: str) -> tuple[float, float] | None:
    """(latitude, longitude) from "10.9804, 106.6519" or from degrees, minutes and seconds
    ("10°58'12\"N 106°39'07\"E", either order when the hemispheres are written); None when
    the text is neither."""
    if "°" in text:
        angles = list(_DMS.finditer(text))
        if len(angles) != 2 or re.sub(r"[\s,;]", "", _DMS.sub("", text)):
            return None
        values, sides = [], []
        for angle in angles:
            degrees, minutes, seconds, side = angle.groups()
            if _number(minutes) > 60 or _number(seconds) > 60:  # 60.0: a rounded 59.97
                return None
            value = _number(degrees) + _number(minutes) / 60 + _number(seconds) / 3600
            side = (side or "").upper()
            values.append(-value if side in ("S", "W") else value)
            sides.append(side)
        if sides[0] in ("E", "W") and sides[1] in ("N", "S", ""):
            values.reverse()  # longitude first
        elif sides[0] in ("N", "S") and sides[1] in ("N", "S") or \
                sides[0] in ("E", "W") and sides[1] in ("E", "W"):
            return None  # two latitudes or two longitudes
        return values[0], values[1]
    numbers = re.findall(_NUMBER, text)
    if len(numbers) != 2 or re.sub(r"[\d.,;\s]", "", text):
        return None
    latitude, longitude = (_number(n) for n in numbers)
    return latitude, longitude


class CoordinatesHandler(KindHandler):
    """A point as "latitude, longitude" in decimal degrees, inside the province; kept as that
    text (one column), which a clerk copies into a map. Degrees, minutes and seconds are read
    too (10°58'12"N, 106°39'07"E) and kept in decimal degrees."""

    def parse(self, field: FieldSpec, text: str, reference: Any) -> Parsed:  # noqa: ANN401
        point = parse_point(text)
        if point is None:
            return None, _("Write latitude, longitude in degrees, for example "
                           "10.9804, 106.6519 or 10°58'49\"N, 106°39'07\"E.")
        latitude, longitude = point
        (south, north), (west, east) = province_bounds()
        if not (south <= latitude <= north and west <= longitude <= east):
            return None, _("This point is outside the province (latitude {south}–{north}, "
                           "longitude {west}–{east}).").format(
                south=south, north=north, west=west, east=east)
        return f"{latitude:.6f}, {longitude:.6f}", None

    def column_type(self, field: FieldSpec) -> Any:  # noqa: ANN401
        return String(32)


HANDLERS: dict[FieldKind, KindHandler] = {
    FieldKind.TEXT: KindHandler(),
    FieldKind.MULTILINE: MultilineHandler(),
    FieldKind.CHOICE: ChoiceHandler(),
    FieldKind.DATE: DateHandler(),
    FieldKind.DISTRICT: DistrictHandler(),
    FieldKind.COMMUNE: CommuneHandler(),
    FieldKind.INTEGER: IntegerHandler(),
    FieldKind.YEAR: YearHandler(),
    FieldKind.MONEY: MoneyHandler(),
    FieldKind.YES_NO: YesNoHandler(),
    FieldKind.TIME: TimeHandler(),
    FieldKind.DATETIME: DateTimeHandler(),
    FieldKind.DECIMAL: DecimalHandler(),
    FieldKind.COORDINATES: CoordinatesHandler(),
}

from sotttt_desktop.registers.linked_kinds import LINKED_HANDLERS  # noqa: E402 - uses KindHandler

HANDLERS.update(LINKED_HANDLERS)


def handler(field: FieldSpec) -> KindHandler:
    return HANDLERS[field.kind]
