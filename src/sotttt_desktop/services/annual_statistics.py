"""Annual statistics counted from the registers, by a declared table (data, not code): each
row of the table names a register, the year field that places a record in a year, what is
measured (a count or the sum of a field), its unit and scale, a condition and a choice field
that splits it into sub-rows. The first table is the IT industry's
(resources/reference/it_statistics.toml, document kind "it-statistics", subject "year"); the
reports of issue #21 add theirs.

A table counts the records whose figures are of the year asked (a register keeps an enterprise's
latest figures, so a comparison with an earlier year needs the registers' history: issue #21);
the area's right to view is checked before anything is read."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from sotttt_desktop.core import clock
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _, in_language
from sotttt_desktop.registers import get_register
from sotttt_desktop.registers.spec import FieldKind
from sotttt_desktop.resources import resource_path

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services


@dataclass(frozen=True)
class StatisticRow:
    code: str
    label: str
    measure: str  # "count" or "sum:<field>"
    unit: str
    register: str = ""  # the register counted, or:
    cases: tuple[str, ...] = ()  # the kinds of case counted (services/sector_statistics.py)
    case_count: str = ""  # received | carried | open_at_end | reached:<state>[,<state>…]
    year_field: str = ""  # a yearly table: the field that places a record in the year
    scale: int = 1
    decimals: int = 0  # places printed (a scaled sum prints one)
    where: dict[str, Any] = field(default_factory=dict)
    by: str = ""
    # a table "as of" a period's end (services/sector_statistics.py):
    in_force: str = ""  # a date field: the record counts while it is empty or not past
    within: str = ""  # a date field: the record counts when it falls in the period

    @property
    def summed(self) -> str | None:
        return self.measure.removeprefix("sum:") if self.measure.startswith("sum:") else None


@dataclass(frozen=True)
class StatisticTable:
    kind: str  # the document kind that prints it
    area: str  # the area whose right to view the table needs
    title: str
    basis: str
    rows: tuple[StatisticRow, ...]


def checked(row: StatisticRow) -> StatisticRow:
    """A row naming a register or field that does not exist fails when the table is loaded
    (a test loads every table), not in front of a clerk."""
    if row.cases:
        return _checked_cases(row)
    spec = get_register(row.register)
    names = {f.name for f in spec.fields}
    for name in (row.year_field, row.summed, row.by, row.in_force, row.within, *row.where):
        if name and name not in names:
            raise ValueError(f"statistics row {row.code}: {row.register} has no field {name}")
    if row.measure != "count" and row.summed is None:
        raise ValueError(f"statistics row {row.code}: measure is count or sum:<field>")
    if row.by and spec.field(row.by).kind is not FieldKind.CHOICE:
        raise ValueError(f"statistics row {row.code}: {row.by} is not a choice field")
    for name in (row.in_force, row.within):
        if name and spec.field(name).kind is not FieldKind.DATE:
            raise ValueError(f"statistics row {row.code}: {name} is not a date field")
    return row


CASE_COUNTS = ("received", "carried", "open_at_end")


def _checked_cases(row: StatisticRow) -> StatisticRow:
    from sotttt_desktop.core.cases import kinds

    declared = kinds()
    missing = [kind for kind in row.cases if kind not in declared]
    if missing:
        raise ValueError(f"statistics row {row.code}: no kind of case {missing[0]}")
    if row.register or row.measure != "count" or row.by or row.where:
        raise ValueError(f"statistics row {row.code}: a row of cases counts them, nothing else")
    states = row.case_count.removeprefix("reached:")
    if states == row.case_count:
        if row.case_count not in CASE_COUNTS:
            raise ValueError(f"statistics row {row.code}: case_count is one of {CASE_COUNTS} "
                             "or reached:<states>")
    else:
        known = {state for kind in row.cases for state in declared[kind].states}
        unknown = [state for state in states.split(",") if state not in known]
        if unknown:
            raise ValueError(f"statistics row {row.code}: no state {unknown[0]}")
    return row


@cache
def _table(kind: str, area: str, title: str, file: str) -> StatisticTable:
    data = tomllib.loads(resource_path("reference", file).read_text(encoding="utf-8"))
    return StatisticTable(kind, area, title, data["basis"],
                          tuple(checked(row_of(row)) for row in data["row"]))


def row_of(declared: dict[str, Any]) -> StatisticRow:
    """A row as a table file declares it (a list of kinds of case kept as a tuple)."""
    return StatisticRow(**{**declared, "cases": tuple(declared.get("cases", ()))})


def it_statistics() -> StatisticTable:
    return _table("it-statistics", "it_industry",
                  "Số liệu thống kê công nghiệp công nghệ thông tin", "it_statistics.toml")


TABLES = {"it-statistics": it_statistics}


def table(kind: str) -> StatisticTable:
    return TABLES[kind]()


def parse_year(ref: str, message: str) -> int:
    """The year a yearly document is of; `message` (translated) when `ref` is not one."""
    try:
        year = int(str(ref).strip())
    except ValueError:
        year = 0
    if not 2000 <= year <= 2100:
        raise ValidationError(message)
    return year


def statistics_year(ref: str) -> int:
    return parse_year(ref, _("Give the year of the statistics, e.g. 2024."))


def _measure(services: Services, row: StatisticRow, year: int) -> dict[str, Decimal]:
    """{"": the row's value, choice: the value of the records of that choice}."""
    from sotttt_desktop.services.registers import RegisterFilter

    totals: dict[str, Decimal] = {"": Decimal(0)}
    for record in services.registers.iter_records(
            row.register, RegisterFilter(equals={row.year_field: year, **row.where})):
        value = Decimal(1) if row.summed is None else Decimal(record.get(row.summed) or 0)
        totals[""] += value
        if row.by:
            choice = str(record.get(row.by) or "")
            totals[choice] = totals.get(choice, Decimal(0)) + value
    return totals


def number(value: Decimal, scale: int, decimals: int = 0) -> str:
    """A value as printed: thousands grouped with ".", decimals after "," (one when scaled)."""
    places = decimals or (1 if scale != 1 else 0)
    shown = (value / scale).quantize(Decimal(1).scaleb(-places))
    whole, _dot, fraction = f"{shown:f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{grouped},{fraction}" if fraction and fraction.strip("0") else grouped


def printed_rows(row: StatisticRow, totals: dict[str, Decimal]) -> list[list[str]]:
    """A row as printed (code, label, unit, value), then one sub-row per choice of its `by`
    field, in the declared order (`totals`: {"": the row's value, choice: its value})."""
    printed = [[row.code, row.label, row.unit, number(totals[""], row.scale, row.decimals)]]
    if row.by:
        printed.extend(["", f"– {in_language('vi', label)}", row.unit,
                        number(totals.get(code, Decimal(0)), row.scale, row.decimals)]
                       for code, label in get_register(row.register).field(row.by).choices)
    return printed


def statistics_data(services: Services, kind: str, ref: str) -> dict[str, Any]:
    """The table of `kind` for the year `ref`, as printed rows."""
    declared = table(kind)
    year = statistics_year(ref)
    services.require(declared.area, "view")
    rows: list[list[str]] = []
    counted = 0
    for row in declared.rows:
        totals = _measure(services, row, year)
        counted += int(totals[""] != 0)
        rows.extend(printed_rows(row, totals))
    if not counted:
        raise ValidationError(_("No record of the registers counted has figures of {year}: "
                                "the table would print only zeros.").format(year=year))
    return {"year": year, "title": declared.title, "basis": declared.basis, "rows": rows,
            "printed_on": clock.local_today()}
