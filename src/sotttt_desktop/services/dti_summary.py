"""The printable summary of the DTI workbook of a year (document kind "dti-summary", subject
"year"): each main index of the year's structure with its maximum, the self-assessed and
official points of the year and of the year before, and the change; the totals."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sotttt_desktop.core import clock
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services

AREA = "digital"


def parse_year(ref: str) -> int:
    from sotttt_desktop.services.annual_statistics import parse_year as year_of

    return year_of(ref, _("Give the year of the DTI summary, e.g. 2024."))


def _points(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}".replace(".", ",")


def _change(now: Decimal | None, before: Decimal | None) -> str:
    """"+8,25", "-3", "0"; nothing when either year has no official points."""
    if now is None or before is None:
        return ""
    change = now - before
    return f"+{_points(change)}" if change > 0 else _points(change)


def dti_summary_data(services: Services, ref: str) -> dict[str, Any]:
    from sotttt_desktop.registers.dti import dti_version, later_structure
    from sotttt_desktop.services.registers import RegisterFilter

    year = parse_year(ref)
    services.require(AREA, "view")
    version = dti_version(year)
    entries = {
        (e["year"], e["index_code"]): e
        for wanted in (year, year - 1)
        for e in services.registers.iter_records("dti_scores",
                                                 RegisterFilter(equals={"year": wanted}))}
    if not any(y == year for y, _code in entries):
        raise ValidationError(_("The DTI workbook has no entry for {year}.").format(year=year))
    rows = []
    # a total of the points given (none given: no total, not a 0)
    totals: dict[str, Decimal | None] = {"self": None, "official": None, "before": None}
    for index in version["index"]:
        now = entries.get((year, index["code"]), {})
        before = entries.get((year - 1, index["code"]), {})
        official, previous = now.get("official_score"), before.get("official_score")
        for name, value in (("self", now.get("self_score")), ("official", official),
                            ("before", previous)):
            if value is not None:
                totals[name] = (totals[name] or Decimal(0)) + value
        rows.append([f"{index['code']}. {index['name']}", str(index["points"]),
                     _points(now.get("self_score")), _points(official), _points(previous),
                     _change(official, previous)])
    later = later_structure(year)
    return {"year": year, "basis": version["basis"], "total": version["total"],
            "rows": rows, "totals": [_points(totals["self"]), _points(totals["official"]),
                                     _points(totals["before"]),
                                     _change(totals["official"], totals["before"])],
            "later": f"{later['basis']} áp dụng từ năm {later['from_year']}: {later['note']}."
            if later else "",
            "printed_on": clock.local_today()}
