"""Registers of IT application and digital transformation (REFERENCE-2.md §7; QĐ 15/2023
Art. 3(14), (16)): officials' public-service digital-signature certificates (requests under the
rules in force on their date: resources/reference/digital_signatures.toml), the data catalogue
(databases, their shared services and the connection accounts given to consumers — within 5
working days of the request, ND 47/2020 Art. 35) and the shared platforms with their users."""

from __future__ import annotations

import datetime as dt
import tomllib
from functools import cache
from typing import Any

from sotttt_desktop.core import clock
from sotttt_desktop.i18n import N_, _, format_date
from sotttt_desktop.registers.checks import not_in_future
from sotttt_desktop.registers.spec import DueWatch, FieldKind, FieldSpec, RegisterSpec
from sotttt_desktop.resources import resource_path

REQUEST_TYPES = (("new", N_("New certificate")), ("renew", N_("Renewal")),
                 ("change", N_("Change of content")), ("revoke", N_("Revocation")),
                 ("restore_device", N_("Device restored")))
DEVICES = (("token", N_("PKI token")), ("sim", N_("SIM PKI")))
CERT_STATES = (("submitted", N_("Request submitted")), ("issued", N_("Certificate issued")),
               ("revoked", N_("Revoked")), ("superseded", N_("Replaced by a later one")),
               ("refused", N_("Refused")))
EXPIRING_DAYS = 60


@cache
def signature_regimes() -> tuple[dict[str, Any], ...]:
    """The rules of the digital signature, oldest first."""
    with resource_path("reference", "digital_signatures.toml").open("rb") as fh:
        return tuple(sorted(tomllib.load(fh)["regime"], key=lambda r: r["effective_from"]))


def regime_on(day: dt.date) -> dict[str, Any] | None:
    found = None
    for regime in signature_regimes():
        if regime["effective_from"] <= day:
            found = regime
    return found


def check_certificate(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    """A request of a type the rules of its day know; an issued certificate has its serial and
    validity; a revoked one its date."""
    errors = not_in_future(values, ("submitted_on", "revoked_on"))
    submitted: dt.date | None = values.get("submitted_on")
    regime = regime_on(submitted) if submitted else None
    kind = values.get("request_type")
    if regime is not None and kind and kind not in regime["request_types"]:
        label = dict(REQUEST_TYPES)[kind]
        errors["request_type"] = _("“{kind}” is not a request under {basis} (in force on "
                                   "{day}).").format(kind=_(label), basis=regime["basis"],
                                                     day=format_date(submitted))
    state = values.get("state")
    if state == "issued" and not (values.get("cert_serial") and values.get("valid_to")):
        errors["cert_serial"] = _("An issued certificate has its serial and its end of "
                                  "validity.")
    if state == "revoked" and not values.get("revoked_on"):
        errors["revoked_on"] = _("A revoked certificate has the date it was revoked.")
    start, end = values.get("valid_from"), values.get("valid_to")
    if start and end and end <= start:
        errors["valid_to"] = _("A certificate ends after it starts.")
    return errors


def certificate_remarks(values: dict[str, Any], services: Any = None) -> list[str]:  # noqa: ANN401
    """Under which rules the request was made, and an end coming."""
    remarks = []
    submitted = values.get("submitted_on")
    regime = regime_on(submitted) if submitted else None
    if regime is not None:
        remarks.append(_("Requested under {basis} (from {day}), to {provider}.").format(
            basis=regime["basis"], day=format_date(regime["effective_from"]),
            provider=regime["provider"]))
    end = values.get("valid_to")
    if end and values.get("state") == "issued":
        left = (end - clock.local_today()).days
        if left < 0:
            remarks.append(_("The certificate ended on {day}.").format(day=format_date(end)))
        elif left <= EXPIRING_DAYS:
            remarks.append(_("The certificate ends in {days} days ({day}): request its "
                             "renewal.").format(days=left, day=format_date(end)))
    return remarks


SIGNATURE_CERTIFICATES = RegisterSpec(
    key="signature_certificates", area="digital",
    title=N_("Officials' digital-signature certificates"),
    item_name=N_("certificate request"), table="signature_certificate",
    search_kind="signature_certificate", default_sort="submitted_on", title_field="request_no",
    subtitle_fields=("subscriber", "agency"), holder_column=None, district_field=None,
    checks=check_certificate, remarks=certificate_remarks,
    due_watch=DueWatch("valid_to", EXPIRING_DAYS,
                       N_("Certificates ending within {days} days"),
                       ended_states=("revoked", "superseded", "refused", "submitted")),
    fields=(
        FieldSpec("request_no", N_("Request document no."), required=True, max_length=64,
                  width=140, searchable=True, aliases=("Số văn bản đề nghị",),
                  unique_message=N_("The request {value} is already in the register "
                                    "({name}).")),
        FieldSpec("subscriber", N_("Subscriber"), required=True, max_length=200, width=180,
                  searchable=True, aliases=("Thuê bao", "Họ và tên")),
        FieldSpec("position", N_("Position"), max_length=200, width=140,
                  aliases=("Chức vụ",)),
        FieldSpec("agency", N_("Agency"), required=True, max_length=300, width=220,
                  searchable=True, aliases=("Cơ quan, đơn vị",)),
        FieldSpec("request_type", N_("Request"), FieldKind.CHOICE, required=True,
                  choices=REQUEST_TYPES, width=130, filterable=True, aliases=("Loại yêu cầu",)),
        FieldSpec("device", N_("Device"), FieldKind.CHOICE, choices=DEVICES, width=90,
                  in_table=False, aliases=("Thiết bị",)),
        FieldSpec("device_serial", N_("Device serial"), max_length=64, in_table=False,
                  searchable=True, aliases=("Số serial thiết bị",)),
        FieldSpec("submitted_on", N_("Submitted on"), FieldKind.DATE, required=True,
                  width=100, sort_column="submitted_on", aliases=("Ngày gửi",)),
        FieldSpec("cert_serial", N_("Certificate serial"), max_length=64, width=150,
                  searchable=True, aliases=("Số hiệu chứng thư",)),
        FieldSpec("valid_from", N_("Valid from"), FieldKind.DATE, in_table=False,
                  aliases=("Hiệu lực từ",)),
        FieldSpec("valid_to", N_("Valid to"), FieldKind.DATE, width=100,
                  sort_column="valid_to", aliases=("Hiệu lực đến",)),
        FieldSpec("revoked_on", N_("Revoked on"), FieldKind.DATE, in_table=False,
                  aliases=("Ngày thu hồi",)),
        FieldSpec("reason", N_("Reason"), FieldKind.MULTILINE, max_length=2000,
                  in_table=False, aliases=("Lý do",)),
        FieldSpec("state", N_("State"), FieldKind.CHOICE, required=True, choices=CERT_STATES,
                  default="submitted", width=140, filterable=True, index="state",
                  aliases=("Trạng thái",)),
    ),
)


ACCOUNT_DAYS = 5  # ND 47/2020 Art. 35: the provider creates the account within 5 working days


def check_database(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    """A connection account is created on or after its request (ND 47/2020 Art. 35)."""
    for number, row in enumerate(values.get("accounts") or [], start=1):
        requested, created = _day(row.get("requested_on")), _day(row.get("created_on"))
        if requested and created and created < requested:
            return {"accounts": _("Row {row}: an account is created on or after its "
                                  "request.").format(row=number)}
    return {}


def _day(text: str | None) -> dt.date | None:
    try:
        return dt.datetime.strptime(text, "%d/%m/%Y").date() if text else None
    except ValueError:
        return None


def database_remarks(values: dict[str, Any], services: Any = None) -> list[str]:  # noqa: ANN401
    """The connection accounts created later than 5 working days after their request."""
    from sotttt_desktop.core.calendar import WorkingCalendar

    calendar = WorkingCalendar()
    remarks = []
    for row in values.get("accounts") or []:
        requested, created = _day(row.get("requested_on")), _day(row.get("created_on"))
        if not requested:
            continue
        limit = requested
        for _step in range(ACCOUNT_DAYS):
            limit = calendar.next_working_day(limit)
        if (created or clock.local_today()) > limit:
            remarks.append(_("{consumer}: the account was due by {day} (5 working days, "
                             "ND 47/2020 Art. 35){late}.").format(
                consumer=row.get("consumer") or "—", day=format_date(limit),
                late="" if created else _(", still not created")))
    return remarks


SHARED_DATABASES = RegisterSpec(
    key="shared_databases", area="digital", title=N_("Data catalogue"),
    item_name=N_("database"), table="shared_database", search_kind="shared_database",
    default_sort="name", title_field="name", sort_from="name",
    subtitle_fields=("owner", "legal_basis"), holder_column=None, district_field=None,
    checks=check_database, remarks=database_remarks,
    fields=(
        FieldSpec("name", N_("Database"), required=True, max_length=300, width=300,
                  sort_column="sort_name", searchable=True, aliases=("Tên cơ sở dữ liệu",),
                  unique_message=N_("The database {value} is already in the catalogue "
                                    "({name}).")),
        FieldSpec("owner", N_("Owning agency"), required=True, max_length=300, width=220,
                  searchable=True, aliases=("Cơ quan chủ quản",)),
        FieldSpec("legal_basis", N_("Legal basis"), max_length=400, width=200,
                  aliases=("Căn cứ pháp lý",)),
        FieldSpec("shared", N_("Shared (in the province's list)"), FieldKind.YES_NO,
                  width=90, filterable=True, aliases=("Dùng chung",)),
        FieldSpec("services", N_("Data-sharing services"), FieldKind.ROWS, in_table=False,
                  searchable=True, aliases=("Dịch vụ chia sẻ",),
                  columns=(FieldSpec("code", N_("Service code"), required=True, max_length=64),
                           FieldSpec("name", N_("Service"), max_length=200))),
        FieldSpec("accounts", N_("Connection accounts"), FieldKind.ROWS, in_table=False,
                  searchable=True, aliases=("Tài khoản kết nối",),
                  columns=(FieldSpec("consumer", N_("Consumer"), required=True,
                                     max_length=200),
                           FieldSpec("account", N_("Account"), max_length=100),
                           FieldSpec("requested_on", N_("Requested on"), FieldKind.DATE,
                                     required=True),
                           FieldSpec("created_on", N_("Created on"), FieldKind.DATE))),
        FieldSpec("note", N_("Note"), FieldKind.MULTILINE, max_length=2000, in_table=False),
    ),
)


PLATFORM_KINDS = (("lgsp", N_("Integration and sharing platform (LGSP)")),
                  ("e_office", N_("Document management and e-office")),
                  ("one_stop", N_("Administrative procedures information system")),
                  ("mail", N_("Official e-mail")), ("video", N_("Video conferencing")),
                  ("other", N_("Other")))
PLATFORM_STATES = (("running", N_("Running")), ("building", N_("Being built")),
                   ("retired", N_("Retired")))

SHARED_PLATFORMS = RegisterSpec(
    key="shared_platforms", area="digital", title=N_("Shared platforms"),
    item_name=N_("shared platform"), table="shared_platform", search_kind="shared_platform",
    default_sort="name", title_field="name", sort_from="name",
    subtitle_fields=("kind", "operator"), holder_column=None, district_field=None,
    fields=(
        FieldSpec("name", N_("Platform"), required=True, max_length=300, width=300,
                  sort_column="sort_name", searchable=True, aliases=("Tên nền tảng",),
                  unique_message=N_("The platform {value} is already in the register "
                                    "({name}).")),
        FieldSpec("kind", N_("Kind"), FieldKind.CHOICE, required=True, choices=PLATFORM_KINDS,
                  width=220, filterable=True, aliases=("Loại",)),
        FieldSpec("operator", N_("Run by"), required=True, max_length=300, width=200,
                  aliases=("Đơn vị vận hành",)),
        FieldSpec("users", N_("Agencies using it"), FieldKind.ROWS, in_table=False,
                  searchable=True, aliases=("Đơn vị sử dụng",),
                  columns=(FieldSpec("agency", N_("Agency"), required=True, max_length=300),
                           FieldSpec("since", N_("Since"), FieldKind.DATE))),
        FieldSpec("state", N_("State"), FieldKind.CHOICE, required=True,
                  choices=PLATFORM_STATES, default="running", width=120, filterable=True,
                  index="state", aliases=("Trạng thái",)),
        FieldSpec("note", N_("Note"), FieldKind.MULTILINE, max_length=2000, in_table=False),
    ),
)


REQUEST_FORMS = (("service", N_("Call of a sharing service")), ("file", N_("Data file supplied")),
                 ("letter", N_("Written request")))
REQUEST_STATES = (("served", N_("Served")), ("refused", N_("Refused")),
                  ("failed", N_("Failed")))

# ND 47/2020 Art. 45: the provider of shared data logs each request — when and in what form, who
# asked, what, its state and the data given. The platform's own log is imported (its request id
# keeps an entry once however often a file is imported) or a request by letter is typed.
DATA_ACCESS_LOG = RegisterSpec(
    key="data_access_log", area="digital", title=N_("Data-sharing log"),
    item_name=N_("data request"), table="data_access_entry", search_kind="data_request",
    default_sort="requested_at", title_field="request_id",
    subtitle_fields=("database_id", "requester"), holder_column=None, district_field=None,
    fields=(
        FieldSpec("request_id", N_("Request id"), required=True, max_length=64, width=190,
                  searchable=True, sort_column="request_id",
                  aliases=("Mã yêu cầu", "Mã giao dịch", "Số văn bản yêu cầu"),
                  unique_message=N_("Request {value} is already in the log ({name}).")),
        FieldSpec("database_id", N_("Database"), FieldKind.RECORD, target="shared_databases",
                  required=True, width=240, filterable=True,
                  aliases=("Cơ sở dữ liệu", "Tên cơ sở dữ liệu")),
        FieldSpec("service_code", N_("Service code"), max_length=64, width=120,
                  searchable=True, aliases=("Mã dịch vụ",)),
        FieldSpec("requested_at", N_("Requested at"), FieldKind.DATETIME, required=True,
                  width=130, sort_column="requested_at", aliases=("Thời gian yêu cầu",)),
        FieldSpec("form", N_("Form of the request"), FieldKind.CHOICE, required=True,
                  choices=REQUEST_FORMS, default="service", width=210, filterable=True,
                  aliases=("Hình thức yêu cầu",)),
        FieldSpec("requester", N_("Requested by"), required=True, max_length=300, width=220,
                  searchable=True, aliases=("Cơ quan, tài khoản yêu cầu", "Bên yêu cầu")),
        FieldSpec("content", N_("What was asked"), max_length=500, width=220,
                  aliases=("Nội dung yêu cầu",)),
        FieldSpec("state", N_("State"), FieldKind.CHOICE, required=True,
                  choices=REQUEST_STATES, default="served", width=100, filterable=True,
                  index="state", aliases=("Trạng thái", "Trạng thái xử lý")),
        FieldSpec("data_shared", N_("Data given"), FieldKind.MULTILINE, max_length=2000,
                  in_table=False, aliases=("Dữ liệu đã chia sẻ", "Dữ liệu cung cấp")),
        FieldSpec("note", N_("Note"), FieldKind.MULTILINE, max_length=2000, in_table=False),
    ),
)
