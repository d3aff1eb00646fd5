"""Registers of the IT industry (REFERENCE-2.md §6; QĐ 15/2023 Art. 3(13)): the IT and
digital-technology enterprises (each a record of the register of parties), their products (the
domestic products prioritised for procurement, TT 40/2020), and the dossiers of concentrated IT
parks with the criteria of ND 154/2013 Art. 5 computed from the figures
(resources/reference/it_parks.toml, effective-dated)."""

from __future__ import annotations

import datetime as dt
import tomllib
from decimal import Decimal
from functools import cache
from typing import Any

from sotttt_desktop.i18n import N_, _
from sotttt_desktop.registers.checks import not_in_future
from sotttt_desktop.registers.spec import FieldKind, FieldSpec, RegisterSpec
from sotttt_desktop.resources import resource_path

DISTRICT = ("Huyện", "Huyện/thị xã/thành phố")
ENTERPRISE_KINDS = (("hardware", N_("Hardware and electronics")), ("software", N_("Software")),
                    ("content", N_("Digital content")), ("services", N_("IT services")),
                    ("digital_tech", N_("Digital technology")))


def check_enterprise(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    staff, it_staff = values.get("employees"), values.get("it_staff")
    if staff is not None and it_staff is not None and it_staff > staff:
        return {"it_staff": _("The IT staff are among the employees, not more.")}
    return {}


IT_ENTERPRISES = RegisterSpec(
    key="it_enterprises", area="it_industry", title=N_("IT and digital-technology enterprises"),
    item_name=N_("IT enterprise"), table="it_enterprise", search_kind="it_enterprise",
    default_sort="kind", title_field="enterprise_id", subtitle_fields=("kind", "district_code"),
    holder_column="enterprise_id", checks=check_enterprise,
    yearly_documents=(("it-statistics", N_("Yearly &statistics…")),),
    fields=(
        FieldSpec("enterprise_id", N_("Enterprise"), FieldKind.PARTY, required=True,
                  width=280, searchable=True, aliases=("Doanh nghiệp", "Tên doanh nghiệp"),
                  unique_message=N_("The enterprise is already in the register ({name}).")),
        FieldSpec("kind", N_("Field of activity"), FieldKind.CHOICE, required=True,
                  choices=ENTERPRISE_KINDS, width=170, filterable=True,
                  sort_column="kind", aliases=("Lĩnh vực", "Loại hình")),
        FieldSpec("district_code", N_("District"), FieldKind.DISTRICT, required=True,
                  width=140, filterable=True, sort_column="district_code", index="district",
                  aliases=DISTRICT),
        FieldSpec("founded", N_("Founded"), FieldKind.YEAR, width=80,
                  aliases=("Năm thành lập",)),
        FieldSpec("employees", N_("Employees"), FieldKind.INTEGER, width=90,
                  aliases=("Số lao động",)),
        FieldSpec("it_staff", N_("IT staff"), FieldKind.INTEGER, width=90,
                  aliases=("Lao động CNTT",)),
        FieldSpec("revenue", N_("Revenue last year"), FieldKind.MONEY, width=150,
                  aliases=("Doanh thu",)),
        FieldSpec("exports", N_("Exports last year"), FieldKind.MONEY, width=150,
                  in_table=False, aliases=("Xuất khẩu",)),
        FieldSpec("figures_year", N_("Figures of the year"), FieldKind.YEAR, width=80,
                  aliases=("Năm số liệu",)),
        FieldSpec("certifications", N_("Certifications"), FieldKind.MULTILINE,
                  max_length=2000, in_table=False, aliases=("Chứng nhận",)),
        FieldSpec("source", N_("Source of the figures"), max_length=200, in_table=False,
                  aliases=("Nguồn số liệu",)),
    ),
)

PRODUCT_CATEGORIES = (("software", N_("Software")), ("hardware", N_("Hardware")),
                      ("content", N_("Digital content")), ("service", N_("IT service")),
                      ("platform", N_("Digital platform")))

IT_PRODUCTS = RegisterSpec(
    key="it_products", area="it_industry", title=N_("IT products"),
    item_name=N_("IT product"), table="it_product", search_kind="it_product",
    default_sort="product_name", title_field="product_name", sort_from="product_name",
    subtitle_fields=("owner_id", "category"), holder_column="owner_id", district_field=None,
    fields=(
        FieldSpec("product_name", N_("Product"), required=True, max_length=300, width=280,
                  sort_column="sort_name", searchable=True, aliases=("Tên sản phẩm",),
                  unique_message=N_("The product {value} is already in the register "
                                    "({name}).")),
        FieldSpec("owner_id", N_("Owner"), FieldKind.PARTY, required=True, width=240,
                  aliases=("Doanh nghiệp", "Chủ sở hữu")),
        FieldSpec("category", N_("Category"), FieldKind.CHOICE, required=True,
                  choices=PRODUCT_CATEGORIES, width=150, filterable=True,
                  aliases=("Nhóm sản phẩm",)),
        FieldSpec("priority", N_("Prioritised for procurement (TT 40/2020)"), FieldKind.YES_NO,
                  width=110, filterable=True, aliases=("Sản phẩm ưu tiên",)),
        FieldSpec("criteria", N_("Criteria met"), FieldKind.MULTILINE, max_length=2000,
                  in_table=False, aliases=("Tiêu chí đáp ứng",)),
        FieldSpec("year", N_("Year"), FieldKind.YEAR, width=70, aliases=("Năm",)),
        FieldSpec("note", N_("Note"), FieldKind.MULTILINE, max_length=2000, in_table=False),
    ),
)


@cache
def _park_criteria() -> tuple[dict[str, Any], ...]:
    with resource_path("reference", "it_parks.toml").open("rb") as fh:
        return tuple(sorted(tomllib.load(fh)["criteria"], key=lambda c: c["effective_from"]))


def park_criteria(day: dt.date) -> dict[str, Any]:
    found = _park_criteria()[0]
    for criteria in _park_criteria():
        if criteria["effective_from"] <= day:
            found = criteria
    return found


def park_test(values: dict[str, Any], day: dt.date) -> list[str]:
    """The park's figures against the criteria in force on `day`, in words."""
    criteria = park_criteria(day)
    kind = "software" if values.get("kind") == "software" else "general"
    it_workers, workers = values.get("it_workers"), values.get("workers")
    area: Decimal | None = values.get("area_ha")
    lines = []
    if it_workers is not None and workers:
        share = Decimal(it_workers) / Decimal(workers)
        needed, least = Decimal(str(criteria["share"])), criteria["workers"][kind]
        passed = share >= needed and it_workers >= least
        lines.append(_("IT workers {count} of {total} ({share} %): at least {least} and "
                       "{needed} % needed — {verdict} ({basis}).").format(
            count=it_workers, total=workers, share=f"{share * 100:.1f}".replace(".", ","),
            least=least, needed=f"{needed * 100:.0f}", basis=criteria["basis"],
            verdict=_("met") if passed else _("not met")))
    if area is not None:
        least_area = Decimal(str(criteria["hectares"][kind]))
        lines.append(_("Land {area} ha: at least {least} ha needed — {verdict}.").format(
            area=f"{area.normalize():f}".replace(".", ","),
            least=f"{least_area.normalize():f}".replace(".", ","),
            verdict=_("met") if area >= least_area else _("not met")))
    return lines


def check_park(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    errors = not_in_future(values, ("submitted_on", "appraised_on"))
    it_workers, workers = values.get("it_workers"), values.get("workers")
    if it_workers is not None and workers is not None and it_workers > workers:
        errors["it_workers"] = _("The IT workers are among the workers, not more.")
    submitted, appraised = values.get("submitted_on"), values.get("appraised_on")
    if submitted and appraised and appraised < submitted:
        errors["appraised_on"] = _("The appraisal comes after the submission.")
    return errors


def park_remarks(values: dict[str, Any], services: Any = None) -> list[str]:  # noqa: ANN401
    from sotttt_desktop.core import clock

    return park_test(values, values.get("submitted_on") or clock.local_today())


PARK_KINDS = (("general", N_("IT park")), ("software", N_("Software, content and services only")))
PARK_STATES = (("proposed", N_("Proposed")), ("submitted", N_("Submitted")),
               ("established", N_("Established")), ("refused", N_("Refused")))

IT_PARKS = RegisterSpec(
    key="it_parks", area="it_industry", title=N_("Concentrated IT parks"),
    item_name=N_("IT park dossier"), table="it_park", search_kind="it_park",
    default_sort="name", title_field="name", sort_from="name",
    subtitle_fields=("investor", "district_code"), holder_column=None, checks=check_park,
    remarks=park_remarks,
    fields=(
        FieldSpec("name", N_("Park"), required=True, max_length=300, width=280,
                  sort_column="sort_name", searchable=True, aliases=("Tên khu",),
                  unique_message=N_("The park {value} is already in the register ({name}).")),
        FieldSpec("kind", N_("Kind"), FieldKind.CHOICE, required=True, choices=PARK_KINDS,
                  default="general", width=200, filterable=True, aliases=("Loại khu",)),
        FieldSpec("investor", N_("Investor"), max_length=300, width=220,
                  aliases=("Chủ đầu tư",)),
        FieldSpec("district_code", N_("District"), FieldKind.DISTRICT, required=True,
                  width=140, filterable=True, sort_column="district_code", aliases=DISTRICT),
        FieldSpec("area_ha", N_("Area"), FieldKind.DECIMAL, unit="ha", decimals=2, width=80,
                  aliases=("Diện tích",)),
        FieldSpec("workers", N_("Workers"), FieldKind.INTEGER, width=90,
                  aliases=("Tổng số lao động",)),
        FieldSpec("it_workers", N_("IT workers"), FieldKind.INTEGER, width=90,
                  aliases=("Lao động CNTT",)),
        FieldSpec("zones", N_("Functional zones"), FieldKind.MULTILINE, max_length=2000,
                  in_table=False, aliases=("Phân khu chức năng",)),
        FieldSpec("in_master_plan", N_("In the master plan"), FieldKind.YES_NO, width=90,
                  aliases=("Trong quy hoạch",)),
        FieldSpec("submitted_on", N_("Submitted on"), FieldKind.DATE, width=100,
                  aliases=("Ngày trình",)),
        FieldSpec("appraised_on", N_("Appraised on"), FieldKind.DATE, width=100,
                  in_table=False, aliases=("Ngày thẩm định",)),
        FieldSpec("state", N_("State"), FieldKind.CHOICE, required=True, choices=PARK_STATES,
                  default="proposed", width=110, filterable=True, aliases=("Trạng thái",)),
        FieldSpec("note", N_("Note"), FieldKind.MULTILINE, max_length=2000, in_table=False),
    ),
)
