"""Registers of the publishing, printing and distribution area (REFERENCE.md §1.2)."""

from __future__ import annotations

from typing import Any

from sotttt_desktop.core import validation
from sotttt_desktop.core.models import ColourCopier, Distributor, PrintingFacility
from sotttt_desktop.core.text import fold
from sotttt_desktop.i18n import N_
from sotttt_desktop.registers.licensed import (
    derive_sort_name,
    from_permit,
    holder_fields,
    licence_fields,
)
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


COPIER_KIND_CHOICES = (("copier", N_("Colour photocopier")), ("printer", N_("Colour printer")))

COLOUR_COPIERS = RegisterSpec(
    key="colour_copiers", area="publishing", title=N_("Colour photocopiers and printers"),
    item_name=N_("colour copier"), model=ColourCopier, search_kind="colour_copier",
    default_sort="holder_name", title_field="serial_no",
    subtitle_fields=("holder_name", "make_model"), derive=derive_sort_name,
    from_permits={"publishing.photocopier": from_permit(lambda p: {
        "serial_no": p["details"].get("Số máy (serial)"),
        "make_model": p["subject"], "machine_kind": "copier",
        "location": p["details"].get("Địa chỉ đặt máy")})},
    fields=(
        FieldSpec("serial_no", N_("Serial number"), required=True, max_length=64, width=130,
                  searchable=True,
                  unique_message=N_("The machine with serial number {value} is already "
                                    "registered ({name})."), aliases=("Số máy", "Serial")),
        FieldSpec("machine_kind", N_("Machine"), FieldKind.CHOICE, required=True,
                  choices=COPIER_KIND_CHOICES, width=150, filterable=True,
                  aliases=("Loại máy",)),
        FieldSpec("make_model", N_("Make and model"), max_length=200, width=200,
                  searchable=True, aliases=("Nhãn hiệu", "Hiệu máy")),
        *holder_fields(),
        FieldSpec("location", N_("Where it is used"), max_length=400, in_table=False,
                  aliases=("Địa chỉ đặt máy",)),
        *licence_fields(),
    ),
)

DISTRIBUTORS = RegisterSpec(
    key="distributors", area="publishing", title=N_("Publication distributors"),
    item_name=N_("distributor"), model=Distributor, search_kind="distributor",
    default_sort="holder_name", title_field="holder_name",
    subtitle_fields=("tax_code", "licence_no"), derive=derive_sort_name,
    from_permits={"publishing.distribution": from_permit(lambda p: {
        "tax_code": p["holder_record"].get("tax_code"),
        "outlets": p["details"].get("Địa điểm kinh doanh") or p["subject"]})},
    fields=(
        FieldSpec("tax_code", N_("Tax code"), required=True, max_length=14, width=120,
                  validate=validation.tax_code, normalise=validation.normalise_tax_code,
                  searchable=True, aliases=("MST",),
                  unique_message=N_("A distributor with tax code {value} already exists: "
                                    "{name}.")),
        *(f for f in holder_fields() if f.name != "holder_tax_code"),
        FieldSpec("outlets", N_("Outlets"), FieldKind.MULTILINE, max_length=2000,
                  in_table=False, aliases=("Địa điểm kinh doanh",)),
        *licence_fields(),
    ),
)
