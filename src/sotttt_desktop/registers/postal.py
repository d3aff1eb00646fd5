"""Registers of the postal area (REFERENCE.md §1.4; QĐ 15/2023 Art. 3(10)): the enterprises the
Department licensed (postal licence, intra-province) or whose notified activity it confirmed,
each entry written from the permit — the kinds of service, the scope, the branches — never typed
twice; the public postal service points; the periodic reports the enterprises send.

A licensed enterprise that has not started its service one year after the licence may have it
revoked (Luật Bưu chính 2010, Art. 24): the register computes the date by which it must start
(`start_due`, a year after the first licence — an amendment or a reissue keeps that date —
while no start is recorded), warns on the entry and counts
the enterprises near or past it in the area's overview.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sotttt_desktop.core import clock
from sotttt_desktop.i18n import N_, _, format_date
from sotttt_desktop.registers.checks import not_in_future
from sotttt_desktop.registers.licensed import (
    LICENSED_FEED,
    PERMIT_LINKS,
    holder_fields,
    licence_fields,
    lifecycle_fields,
    tax_code_field,
)
from sotttt_desktop.registers.point_layer import PointLayer
from sotttt_desktop.registers.spec import (
    DueWatch,
    FieldKind,
    FieldSpec,
    RegisterSpec,
    StoredColumn,
    StoredKind,
)

TAX_CODE_ALIASES = ("MST", "Mã số doanh nghiệp")
START_WITHIN_YEARS = 1  # Luật Bưu chính Art. 24: not started within one year of the licence
START_DUE_DAYS = 60  # warned this long before


def _service_fields(*, standards: bool) -> tuple[FieldSpec, ...]:
    """What the licence (Luật Bưu chính Art. 22) or the confirmation says the enterprise
    provides: the kinds of postal service, the scope, the standards it is held to (a licence
    states them), and its branches and representative offices."""
    return (
        FieldSpec("postal_services", N_("Kinds of postal service"), FieldKind.MULTILINE,
                  required=True, max_length=2000, width=220, searchable=True,
                  aliases=("Loại dịch vụ", "Dịch vụ bưu chính")),
        FieldSpec("service_scope", N_("Scope of service"), required=True, max_length=400,
                  width=160, aliases=("Phạm vi cung ứng", "Phạm vi")),
        *((FieldSpec("service_standards", N_("Service standards and quality"),
                     FieldKind.MULTILINE, max_length=2000, in_table=False,
                     aliases=("Chỉ tiêu chất lượng",)),) if standards else ()),
        FieldSpec("branches", N_("Branches and representative offices"), FieldKind.MULTILINE,
                  max_length=4000, in_table=False, searchable=True,
                  aliases=("Chi nhánh", "Văn phòng đại diện")),
    )


def check_licence(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    """The year to start runs from the first licence (an amendment or a reissue keeps it): the
    first licence date is the licence date until one is kept. The service starts on or after
    it, not in the future; until it starts, it is due a year on (computed into `start_due`)."""
    errors: dict[str, str] = {}
    issued: dt.date | None = values.get("licence_date")
    if values.get("first_licensed_on") is None:
        values["first_licensed_on"] = issued
    first: dt.date | None = values.get("first_licensed_on")
    if first and issued and first > issued:
        errors["first_licensed_on"] = _("The first licence comes before this one.")
    started: dt.date | None = values.get("started_on")
    if first and started and started < first:
        errors["started_on"] = _("The service starts on or after the licence date.")
    until: dt.date | None = values.get("valid_until")
    if issued and until and until <= issued:
        errors["valid_until"] = _("The licence ends after the date it was issued.")
    errors.update(not_in_future(values, ("started_on",)))
    values["start_due"] = start_due(first, started)
    return errors


def start_due(issued: dt.date | None, started: dt.date | None) -> dt.date | None:
    """The day by which a licensed enterprise must have started: a year after the licence,
    while no start is recorded."""
    if issued is None or started is not None:
        return None
    try:
        return issued.replace(year=issued.year + START_WITHIN_YEARS)
    except ValueError:  # 29 February
        return issued.replace(year=issued.year + START_WITHIN_YEARS, day=28)


def licence_remarks(values: dict[str, Any], services: Any = None) -> list[str]:  # noqa: ANN401
    """The warning of Art. 24 on an active licence whose service has not started."""
    due = start_due(values.get("first_licensed_on") or values.get("licence_date"),
                    values.get("started_on"))
    if due is None or values.get("state") == "ceased":
        return []
    today = clock.local_today()
    if due < today:
        return [_("Service not started within one year of the licence (due {due}): a ground "
                  "for revoking it (Luật Bưu chính, Art. 24).").format(due=format_date(due))]
    if (due - today).days <= START_DUE_DAYS:
        return [_("Service not started yet: it must start by {due} (Luật Bưu chính, "
                  "Art. 24).").format(due=format_date(due))]
    return []


POSTAL_LICENCES = RegisterSpec(
    key="postal_licences", area="postal", title=N_("Postal licences"),
    item_name=N_("postal licence"), table="postal_licence", search_kind="postal_licence",
    default_sort="holder_name", title_field="holder_name", sort_from="holder_name",
    subtitle_fields=("tax_code", "licence_no", "service_scope"),
    stored=(*PERMIT_LINKS, StoredColumn("start_due", StoredKind.DATE)),
    permit_feed=LICENSED_FEED.extended(tax_code="holder.tax_code", valid_until="valid_until"),
    checks=check_licence, remarks=licence_remarks,
    due_watch=DueWatch("start_due", START_DUE_DAYS,
                       N_("Service not started: due within {days} days"),
                       ended_states=("ceased",)),
    fields=(
        tax_code_field(N_("A postal licence of the enterprise with tax code {value} is already "
                          "in the register: {name}."), aliases=TAX_CODE_ALIASES),
        *holder_fields(tax_code=False),
        *_service_fields(standards=True),
        *licence_fields(date_sortable=True),
        FieldSpec("valid_until", N_("Valid until"), FieldKind.DATE, width=100,
                  sort_column="valid_until", aliases=("Thời hạn", "Có giá trị đến")),
        FieldSpec("first_licensed_on", N_("First licensed on"), FieldKind.DATE,
                  in_table=False, aliases=("Ngày cấp phép lần đầu",)),
        FieldSpec("started_on", N_("Service started on"), FieldKind.DATE, width=110,
                  aliases=("Ngày bắt đầu cung ứng dịch vụ",)),
        *lifecycle_fields(),
    ),
)

POSTAL_NOTIFICATIONS = RegisterSpec(
    key="postal_notifications", area="postal", title=N_("Confirmed postal notifications"),
    item_name=N_("postal notification"), table="postal_notification",
    search_kind="postal_notification", default_sort="holder_name", title_field="holder_name",
    sort_from="holder_name", subtitle_fields=("tax_code", "licence_no", "service_scope"),
    stored=PERMIT_LINKS, permit_feed=LICENSED_FEED.extended(tax_code="holder.tax_code"),
    fields=(
        tax_code_field(N_("A confirmed notification of the enterprise with tax code {value} "
                          "is already in the register: {name}."), aliases=TAX_CODE_ALIASES),
        *holder_fields(tax_code=False),
        *_service_fields(standards=False),
        *licence_fields(date_sortable=True),
        *lifecycle_fields(),
    ),
)


POINT_KINDS = (("post_office", N_("Post office")), ("commune_post", N_("Commune post office")),
               ("agent", N_("Postal agent")), ("letter_box", N_("Public letter box")))
POINT_STATES = (("open", N_("Serving the public")), ("suspended", N_("Service suspended")),
                ("closed", N_("Closed")))


def check_point(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    if values.get("kind") != "letter_box" and not values.get("opening_hours") \
            and values.get("state") == "open":
        return {"opening_hours": _("An open service point states its opening hours.")}
    return {}


POSTAL_POINTS = RegisterSpec(
    key="postal_points", area="postal", title=N_("Public postal service points"),
    item_name=N_("postal service point"), table="postal_service_point",
    search_kind="postal_service_point", default_sort="name", title_field="name",
    sort_from="name", subtitle_fields=("point_code", "address"), holder_column="operator_id",
    checks=check_point,
    fields=(
        FieldSpec("point_code", N_("Point code"), required=True, max_length=20, width=100,
                  searchable=True, sort_column="point_code",
                  unique_message=N_("The service point {value} is already in the register "
                                    "({name})."), aliases=("Mã điểm", "Mã bưu cục")),
        FieldSpec("name", N_("Name"), required=True, max_length=200, width=220,
                  sort_column="sort_name", searchable=True, aliases=("Tên điểm", "Tên")),
        FieldSpec("kind", N_("Kind of point"), FieldKind.CHOICE, required=True,
                  choices=POINT_KINDS, width=150, filterable=True, aliases=("Loại điểm",),
                  choice_aliases=(("Bưu cục", "post_office"),
                                  ("Điểm Bưu điện - Văn hóa xã", "commune_post"),
                                  ("Đại lý bưu điện", "agent"), ("Thùng thư", "letter_box"))),
        FieldSpec("operator_id", N_("Postal operator"), FieldKind.PARTY, required=True,
                  width=200, aliases=("Doanh nghiệp", "Đơn vị quản lý")),
        FieldSpec("address", N_("Address"), required=True, max_length=300, width=220,
                  searchable=True, aliases=("Địa chỉ",)),
        FieldSpec("district_code", N_("District"), FieldKind.DISTRICT, required=True,
                  width=140, filterable=True, sort_column="district_code",
                  index="district", aliases=("Huyện", "Huyện/thị xã/thành phố")),
        FieldSpec("commune_code", N_("Ward / commune"), FieldKind.COMMUNE, width=140,
                  aliases=("Xã/phường/thị trấn",)),
        FieldSpec("coordinates", N_("Coordinates"), FieldKind.COORDINATES, in_table=False,
                  aliases=("Tọa độ", "Toạ độ", "GPS")),
        FieldSpec("opening_hours", N_("Opening hours"), max_length=200, width=180,
                  aliases=("Giờ mở cửa", "Thời gian phục vụ")),
        FieldSpec("state", N_("State"), FieldKind.CHOICE, required=True, choices=POINT_STATES,
                  default="open", width=100, filterable=True, sort_column="state",
                  index="state", aliases=("Trạng thái",)),
        FieldSpec("note", N_("Note"), FieldKind.MULTILINE, max_length=2000, in_table=False),
    ),
)

POSTAL_POINT_LAYER = PointLayer(
    key="postal_points", register="postal_points", title=N_("Public postal service points"),
    rows=None, coordinates="coordinates",
    entry_fields=("point_code", "name", "kind", "operator_id", "address", "district_code",
                  "commune_code", "opening_hours", "state"))


def check_report(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    """A report is late when it came after its due date (computed, never typed)."""
    received: dt.date | None = values.get("received_on")
    due: dt.date | None = values.get("due_on")
    values["late"] = bool(received and due and received > due)
    return not_in_future(values, ("received_on",))


def report_remarks(values: dict[str, Any], services: Any = None) -> list[str]:  # noqa: ANN401
    due, received = values.get("due_on"), values.get("received_on")
    if due is not None and received is not None and received > due:
        return [_("Received {days} days late (due {due}).").format(
            days=(received - due).days, due=format_date(due))]
    return []


# the reports received, each by the enterprise's own number: late when received after its due
# date (the periods and their due dates are the enterprises' obligations, typed with each)
POSTAL_REPORTS = RegisterSpec(
    key="postal_reports", area="postal", title=N_("Reports of postal enterprises"),
    item_name=N_("postal report"), table="postal_report", search_kind="postal_report",
    default_sort="received_on", title_field="report_no",
    subtitle_fields=("enterprise_id", "period"), holder_column="enterprise_id",
    district_field=None, checks=check_report, remarks=report_remarks,
    fields=(
        FieldSpec("report_no", N_("Report no."), required=True, max_length=64, width=130,
                  searchable=True, aliases=("Số báo cáo", "Số, ký hiệu"),
                  unique_message=N_("The report {value} is already in the register "
                                    "({name}).")),
        FieldSpec("enterprise_id", N_("Enterprise"), FieldKind.PARTY, required=True,
                  width=240, searchable=True, aliases=("Doanh nghiệp",)),
        FieldSpec("period", N_("Reporting period"), required=True, max_length=100, width=160,
                  searchable=True, aliases=("Kỳ báo cáo",),
                  placeholder=N_("e.g. 6 tháng đầu năm 2026")),
        FieldSpec("due_on", N_("Due on"), FieldKind.DATE, required=True, width=100,
                  aliases=("Hạn nộp",)),
        FieldSpec("received_on", N_("Received on"), FieldKind.DATE, required=True, width=100,
                  sort_column="received_on", aliases=("Ngày nhận",)),
        FieldSpec("late", N_("Late"), FieldKind.YES_NO, width=90, filterable=True,
                  index="late", computed=True, aliases=("Nộp muộn",)),
        FieldSpec("note", N_("Note"), FieldKind.MULTILINE, max_length=2000, in_table=False),
    ),
)
