"""The DTI workbook (REFERENCE-2.md §7; issue #18): per year and main index of the provincial
digital-transformation index, the self-assessed points, the evidence and the official score;
the structure (indices and their points) is effective-dated data by the year assessed
(resources/reference/dti.toml). Each entry shows its change against the previous year."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from functools import cache
from typing import Any

from sotttt_desktop.i18n import N_, _
from sotttt_desktop.registers.spec import FieldKind, FieldSpec, RegisterSpec
from sotttt_desktop.resources import resource_path


@cache
def _data() -> dict[str, Any]:
    with resource_path("reference", "dti.toml").open("rb") as fh:
        return tomllib.load(fh)


def dti_version(year: int) -> dict[str, Any]:
    """The structure the year is assessed under: the latest version begun by then (the first
    one for earlier years)."""
    versions = sorted(_data()["version"], key=lambda v: v["first_year"])
    found = versions[0]
    for version in versions:
        if version["first_year"] <= year:
            found = version
    return found


def later_structure(year: int) -> dict[str, Any] | None:
    """A later structure known to apply to `year` but not declared yet (QĐ 405/QĐ-BKHCN)."""
    later = _data().get("later")
    if later and year >= later["from_year"] and dti_version(year)["first_year"] < \
            later["from_year"]:
        return later
    return None


def index_choices() -> tuple[tuple[str, str], ...]:
    """(code, "code. name") of every main index of every version, first seen first."""
    seen: dict[str, str] = {}
    for version in _data()["version"]:
        for index in version["index"]:
            seen.setdefault(index["code"], f"{index['code']}. {index['name']}")
    return tuple(seen.items())


def index_of(year: int, code: str) -> dict[str, Any] | None:
    return next((i for i in dti_version(year)["index"] if i["code"] == code), None)


def check_score(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    """An index of the year's structure, points within its maximum; the entry's key is the
    year and the index (one entry each)."""
    year, code = values.get("year"), values.get("index_code")
    if year is None or code is None:
        return {}
    values["entry_key"] = f"{year}-{code}"
    index = index_of(year, code)
    if index is None:
        return {"index_code": _("Index {code} is not in the structure of {year} ({basis}).")
                .format(code=code, year=year, basis=dti_version(year)["basis"])}
    errors: dict[str, str] = {}
    most = Decimal(index["points"])
    for name in ("self_score", "official_score"):
        value = values.get(name)
        if value is not None and not Decimal(0) <= value <= most:
            errors[name] = _("Between 0 and {most} points for this index.").format(most=most)
    return errors


def score_remarks(values: dict[str, Any], services: Any = None) -> list[str]:  # noqa: ANN401
    """The structure of the year, and the change against the previous year's entry."""
    year, code = values.get("year"), values.get("index_code")
    if year is None or code is None:
        return []
    remarks = [_("Assessed under {basis}.").format(basis=dti_version(year)["basis"])]
    later = later_structure(year)
    if later:
        remarks.append(_("{basis} applies from {year}: {note}.").format(
            basis=later["basis"], year=later["from_year"], note=later["note"]))
    if services is not None:
        previous = services.registers.find_by_key("dti_scores", f"{year - 1}-{code}")
        if previous is not None:
            remarks.append(change_text(values, previous))
    return remarks


def change_text(values: dict[str, Any], previous: dict[str, Any]) -> str:
    parts = []
    for name, label in (("self_score", _("self-assessed")), ("official_score", _("official"))):
        now, before = values.get(name), previous.get(name)
        if now is not None and before is not None:
            parts.append(f"{_signed(now - before)} ({label})")
    return _("Against {year}: {changes}.").format(
        year=previous["year"], changes=", ".join(parts) or _("no figures to compare"))


def _signed(value: Decimal) -> str:
    text = f"{value.normalize():f}".replace(".", ",")
    return text if value < 0 else f"+{text}"


DTI_SCORES = RegisterSpec(
    key="dti_scores", area="digital", title=N_("DTI workbook"), item_name=N_("DTI entry"),
    table="dti_score", search_kind="dti_score", default_sort="entry_key",
    title_field="entry_key", subtitle_fields=("index_code", "official_score"),
    holder_column=None, district_field=None, checks=check_score, remarks=score_remarks,
    yearly_documents=(("dti-summary", N_("&Summary of a year…")),),
    fields=(
        FieldSpec("entry_key", N_("Entry"), max_length=20, width=90, computed=True,
                  sort_column="entry_key",
                  unique_message=N_("The year already has its entry for this index "
                                    "({name}).")),
        FieldSpec("year", N_("Year"), FieldKind.YEAR, required=True, width=70,
                  filterable=True, aliases=("Năm",)),
        FieldSpec("index_code", N_("Index"), FieldKind.CHOICE, required=True,
                  choices=index_choices(), width=240, filterable=True,
                  aliases=("Chỉ số", "Chỉ số chính")),
        FieldSpec("self_score", N_("Self-assessed points"), FieldKind.DECIMAL, decimals=2,
                  width=110, aliases=("Điểm tự đánh giá",)),
        FieldSpec("official_score", N_("Official points"), FieldKind.DECIMAL, decimals=2,
                  width=110, aliases=("Điểm chính thức",)),
        FieldSpec("evidence", N_("Evidence files"), FieldKind.FILES, in_table=False),
        FieldSpec("note", N_("Note"), FieldKind.MULTILINE, max_length=2000, in_table=False,
                  searchable=True),
    ),
)
