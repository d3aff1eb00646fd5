"""Registers of the publishing, printing and distribution area (REFERENCE.md §1.2)."""

from __future__ import annotations

from typing import Any

from sotttt_desktop.core import validation
from sotttt_desktop.core.models import PrintingFacility
from sotttt_desktop.core.text import fold
from sotttt_desktop.i18n import N_
from sotttt_desktop.registers.spec import FieldKind, FieldSpec, RegisterSpec

LICENCE_KIND_CHOICES = (("permit", N_("Printing licence")),
                        ("registration", N_("Registered printing facility")))
FACILITY_STATE_CHOICES = (("active", N_("Active")), ("suspended", N_("Suspended")),
                          ("ceased", N_("Ceased")))


def derive_facility_columns(values: dict[str, Any]) -> dict[str, Any]:
    return {"sort_name": fold(values["name"])[:300]}


def _facility_from_permit(kind: str) -> Any:  # noqa: ANN401
    def values(permit: dict[str, Any]) -> dict[str, Any]:
        """The entry as the issued permit or confirmation describes it (not typed twice)."""
        holder = permit["holder_record"]
        details = permit.get("details") or {}
        found = {"tax_code": holder.get("tax_code"), "name": holder["name"],
                 "owner": holder.get("legal_representative"), "address": holder.get("address"),
                 "district_code": holder.get("district_code"),
                 "commune_code": holder.get("commune_code"), "phone": holder.get("phone"),
                 "licence_kind": kind, "licence_no": permit["number"],
                 "licence_date": permit["issued_on"], "state": "active"}
        for label, name in (("Thiết bị", "equipment"), ("Sản phẩm in", "products")):
            if details.get(label):
                found[name] = details[label]
        return found
    return values


PRINTING_FACILITIES = RegisterSpec(
    key="printing_facilities",
    area="publishing",
    title=N_("Printing facilities"),
    item_name=N_("printing facility"),
    model=PrintingFacility,
    search_kind="printing_facility",
    default_sort="name",
    subtitle_fields=("tax_code", "licence_no", "district_code"),
    derive=derive_facility_columns,
    from_permits={"publishing.printing": _facility_from_permit("permit"),
                  "publishing.printing_facility": _facility_from_permit("registration")},
    fields=(
        FieldSpec("tax_code", N_("Tax code"), required=True, max_length=14, width=120,
                  validate=validation.tax_code, normalise=validation.normalise_tax_code,
                  searchable=True, placeholder="3700123456", sort_column="tax_code",
                  aliases=("MST", "Mã số doanh nghiệp"),
                  unique_message=N_("A printing facility with tax code {value} already exists: "
                                    "{name}.")),
        FieldSpec("name", N_("Name"), required=True, max_length=300, width=300,
                  sort_column="sort_name", searchable=True,
                  aliases=("Tên cơ sở in", "Tên cơ sở", "Tên doanh nghiệp"),
                  placeholder=N_("e.g. Công ty TNHH In Đức Hưng")),
        FieldSpec("owner", N_("Owner / legal representative"), max_length=200, in_table=False,
                  searchable=True, aliases=("Chủ cơ sở", "Người đại diện")),
        FieldSpec("address", N_("Address"), max_length=400, width=280, searchable=True),
        FieldSpec("district_code", N_("District"), FieldKind.DISTRICT, required=True, width=150,
                  filterable=True, sort_column="district_code",
                  aliases=("Huyện", "Quận/huyện", "Huyện/thị xã/thành phố")),
        FieldSpec("commune_code", N_("Ward / commune"), FieldKind.COMMUNE, in_table=False),
        FieldSpec("phone", N_("Phone"), max_length=20, in_table=False,
                  validate=validation.phone, normalise=validation.normalise_phone),
        FieldSpec("licence_kind", N_("Licence or registration"), FieldKind.CHOICE,
                  required=True, choices=LICENCE_KIND_CHOICES, width=170, filterable=True),
        FieldSpec("licence_no", N_("Licence / confirmation no."), max_length=64, width=130,
                  searchable=True, aliases=("Số giấy phép", "Số GP", "Số xác nhận")),
        FieldSpec("licence_date", N_("Issued on"), FieldKind.DATE, width=100,
                  aliases=("Ngày cấp phép", "Ngày cấp giấy phép"),
                  validate=validation.past_date, sort_column="licence_date",
                  placeholder=N_("dd/mm/yyyy")),
        FieldSpec("equipment", N_("Printing equipment"), FieldKind.MULTILINE, max_length=2000,
                  in_table=False),
        FieldSpec("products", N_("Products printed"), FieldKind.MULTILINE, max_length=2000,
                  in_table=False),
        FieldSpec("state", N_("State"), FieldKind.CHOICE, required=True,
                  choices=FACILITY_STATE_CHOICES, width=110, filterable=True,
                  sort_column="state"),
        FieldSpec("note", N_("Note"), FieldKind.MULTILINE, max_length=2000, in_table=False),
    ),
)
