"""More registers of the telecom area (REFERENCE-2.md §4, "What the software should keep"):
cable and duct routes, the passive-infrastructure plan's versions (effective-dated: one in force
on a day), and the inspections of subscriber information at points of sale."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sotttt_desktop.i18n import N_, _
from sotttt_desktop.registers.checks import not_in_future
from sotttt_desktop.registers.spec import FieldKind, FieldSpec, RegisterSpec

ROUTE_KINDS = (("aerial", N_("Aerial (on poles)")), ("underground", N_("Underground")),
               ("duct", N_("Ducts and manholes")))
ROUTE_STATES = (("in_use", N_("In use")), ("to_underground", N_("To be put underground")),
                ("removed", N_("Removed")))
DISTRICT = ("Huyện", "Huyện/thị xã/thành phố")


def check_route(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    if values.get("state") == "to_underground" and not values.get("underground_project"):
        return {"underground_project": _("A route to be put underground names its project.")}
    return {}


CABLE_ROUTES = RegisterSpec(
    key="cable_routes", area="telecom", title=N_("Cable and duct routes"),
    item_name=N_("cable route"), table="cable_route", search_kind="cable_route",
    default_sort="route_code", title_field="route_code", subtitle_fields=("owner_id", "route"),
    holder_column="owner_id", checks=check_route,
    fields=(
        FieldSpec("route_code", N_("Route code"), required=True, max_length=40, width=140,
                  searchable=True, sort_column="route_code", aliases=("Mã tuyến",),
                  unique_message=N_("The route {value} is already in the register ({name}).")),
        FieldSpec("route", N_("Route (from – to, streets)"), required=True, max_length=400,
                  width=280, searchable=True, aliases=("Tuyến", "Lộ trình")),
        FieldSpec("owner_id", N_("Owner"), FieldKind.PARTY, required=True, width=200,
                  aliases=("Doanh nghiệp", "Chủ sở hữu")),
        FieldSpec("kind", N_("Kind"), FieldKind.CHOICE, required=True, choices=ROUTE_KINDS,
                  width=140, filterable=True, aliases=("Loại tuyến", "Hình thức"),
                  choice_aliases=(("Treo", "aerial"), ("Ngầm", "underground"),
                                  ("Cống bể", "duct"))),
        FieldSpec("length_km", N_("Length"), FieldKind.DECIMAL, unit="km", decimals=2,
                  required=True, width=80, aliases=("Chiều dài",)),
        FieldSpec("district_code", N_("District"), FieldKind.DISTRICT, required=True,
                  width=140, filterable=True, sort_column="district_code", index="district",
                  aliases=DISTRICT),
        FieldSpec("underground_project", N_("Undergrounding project"), max_length=300,
                  in_table=False, aliases=("Dự án ngầm hóa",)),
        FieldSpec("permits", N_("Permits (number, date, issuer)"), FieldKind.MULTILINE,
                  max_length=2000, in_table=False, aliases=("Giấy phép",)),
        FieldSpec("state", N_("State"), FieldKind.CHOICE, required=True, choices=ROUTE_STATES,
                  default="in_use", width=140, filterable=True, index="state",
                  aliases=("Trạng thái",)),
        FieldSpec("note", N_("Note"), FieldKind.MULTILINE, max_length=2000, in_table=False),
    ),
)


def check_plan(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    """A version starts after its decision and ends after it starts; versions do not overlap
    (one plan in force on a day)."""
    from sqlalchemy import or_, select

    errors = not_in_future(values, ("decided_on",))
    start: dt.date | None = values.get("effective_from")
    end: dt.date | None = values.get("effective_until")
    decided: dt.date | None = values.get("decided_on")
    if start and decided and start < decided:
        errors["effective_from"] = _("A plan takes effect on or after its decision.")
    if start and end and end <= start:
        errors["effective_until"] = _("A plan ends after it takes effect.")
    if start and not errors and services is not None:
        model = PLAN_VERSIONS.model
        with services.db.session() as session:
            clash = session.execute(select(model.decision_no).where(
                model.decision_no != values.get("decision_no"),
                or_(model.effective_until.is_(None), model.effective_until > start),
                *((model.effective_from < end,) if end else ())).limit(1)).scalar()
        if clash is not None:
            errors["effective_from"] = _("The plan {other} is in force then: end it first "
                                         "(its “in force until”).").format(other=clash)
    return errors


PLAN_VERSIONS = RegisterSpec(
    key="telecom_plans", area="telecom", title=N_("Passive-infrastructure plans"),
    item_name=N_("plan version"), table="telecom_plan", search_kind="telecom_plan",
    default_sort="effective_from", title_field="title", subtitle_fields=("decision_no",),
    holder_column=None, district_field=None, checks=check_plan,
    fields=(
        FieldSpec("decision_no", N_("Decision no."), required=True, max_length=64, width=140,
                  searchable=True, aliases=("Số quyết định",),
                  unique_message=N_("Decision {value} is already registered ({name}).")),
        FieldSpec("decided_on", N_("Decided on"), FieldKind.DATE, required=True, width=100,
                  aliases=("Ngày ban hành",)),
        FieldSpec("issuer", N_("Issued by"), required=True, max_length=200, width=200,
                  default="Ủy ban nhân dân tỉnh Bình Dương", aliases=("Cơ quan ban hành",)),
        FieldSpec("title", N_("Plan title"), required=True, max_length=500, width=360,
                  searchable=True, aliases=("Tên quy hoạch", "Trích yếu")),
        FieldSpec("period", N_("Plan period"), max_length=100, width=140,
                  aliases=("Giai đoạn", "Kỳ quy hoạch")),
        FieldSpec("effective_from", N_("In force from"), FieldKind.DATE, required=True,
                  width=100, sort_column="effective_from", aliases=("Hiệu lực từ",)),
        FieldSpec("effective_until", N_("In force until"), FieldKind.DATE, width=100,
                  aliases=("Hiệu lực đến",)),
        FieldSpec("map_files", N_("Maps and attachments"), FieldKind.FILES, in_table=False,
                  aliases=("Bản đồ",)),
        FieldSpec("note", N_("Note"), FieldKind.MULTILINE, max_length=2000, in_table=False),
    ),
)


FINDINGS = (("compliant", N_("Compliant")), ("violation", N_("Violation found")))


def check_subscriber_inspection(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    errors = not_in_future(values, ("inspected_on",))
    if values.get("finding") == "violation" and not values.get("findings"):
        errors["findings"] = _("A violation found says what was found.")
    return errors


SUBSCRIBER_INSPECTIONS = RegisterSpec(
    key="subscriber_inspections", area="telecom",
    title=N_("Subscriber-information inspections"), item_name=N_("subscriber inspection"),
    table="subscriber_inspection", search_kind="subscriber_inspection",
    default_sort="inspected_on", title_field="record_no",
    subtitle_fields=("point_of_sale", "inspected_on"), holder_column="operator_id",
    sort_from="point_of_sale", checks=check_subscriber_inspection,
    fields=(
        # every inspection is recorded (biên bản kiểm tra): its number identifies it
        FieldSpec("record_no", N_("Record no."), required=True, max_length=64, width=120,
                  searchable=True, aliases=("Số biên bản",),
                  unique_message=N_("The inspection record {value} is already in the "
                                    "register ({name}).")),
        FieldSpec("point_of_sale", N_("Point of sale"), required=True, max_length=300,
                  width=240, searchable=True, aliases=("Điểm cung cấp dịch vụ", "Đại lý")),
        FieldSpec("operator_id", N_("Operator"), FieldKind.PARTY, required=True, width=200,
                  aliases=("Doanh nghiệp", "Nhà mạng")),
        FieldSpec("address", N_("Address"), required=True, max_length=300, width=220,
                  aliases=("Địa chỉ",)),
        FieldSpec("district_code", N_("District"), FieldKind.DISTRICT, required=True,
                  width=140, filterable=True, sort_column="district_code", index="district",
                  aliases=DISTRICT),
        FieldSpec("inspected_on", N_("Inspected on"), FieldKind.DATE, required=True,
                  width=100, sort_column="inspected_on", aliases=("Ngày kiểm tra",)),
        FieldSpec("finding", N_("Finding"), FieldKind.CHOICE, required=True, choices=FINDINGS,
                  width=140, filterable=True, index="finding", aliases=("Kết quả",)),
        FieldSpec("findings", N_("What was found"), FieldKind.MULTILINE, max_length=2000,
                  in_table=False, aliases=("Nội dung",)),
        FieldSpec("decision_no", N_("Sanction decision no."), max_length=64, in_table=False,
                  aliases=("Số quyết định xử phạt",)),
        FieldSpec("files", N_("Files"), FieldKind.FILES, in_table=False),
    ),
)
