"""Registers of the publishing, printing and distribution area (REFERENCE.md §1.2)."""

from __future__ import annotations

from typing import Any

from sotttt_desktop.core import validation
from sotttt_desktop.i18n import N_, _
from sotttt_desktop.registers.licensed import (
    DEPOSIT_RESULTS,
    LICENSED_FEED,
    PERMIT_LINKS,
    holder_fields,
    licence_fields,
    lifecycle_fields,
    location_fields,
    tax_code_field,
)
from sotttt_desktop.registers.spec import (
    FieldKind,
    FieldSpec,
    PermitFeed,
    RegisterSpec,
    StoredColumn,
    StoredKind,
)

LICENCE_KIND_CHOICES = (("permit", N_("Printing licence")),
                        ("registration", N_("Registered printing facility")))


FACILITY_FEED = PermitFeed(  # the facility is the holder; the licence kind is the family's
    facts={"tax_code": "holder.tax_code", "name": "holder.name", "address": "holder.address",
           "district_code": "holder.district_code", "commune_code": "holder.commune_code",
           "phone": "holder.phone", "licence_no": "number", "licence_date": "issued_on"},
    constants={"state": "active"})


PRINTING_FACILITIES = RegisterSpec(
    key="printing_facilities",
    area="publishing",
    title=N_("Printing facilities"),
    item_name=N_("printing facility"),
    table="printing_facility",
    search_kind="printing_facility",
    default_sort="name",
    subtitle_fields=("tax_code", "licence_no", "district_code"),
    sort_from="name",
    stored=PERMIT_LINKS,
    permit_feed=FACILITY_FEED,
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
        *location_fields(district_required=True),
        FieldSpec("licence_kind", N_("Licence or registration"), FieldKind.CHOICE,
                  required=True, choices=LICENCE_KIND_CHOICES, width=170, filterable=True),
        *licence_fields(date_sortable=True),
        FieldSpec("equipment", N_("Printing equipment"), FieldKind.MULTILINE, max_length=2000,
                  in_table=False),
        FieldSpec("products", N_("Products printed"), FieldKind.MULTILINE, max_length=2000,
                  in_table=False),
        *lifecycle_fields(),
    ),
)


COPIER_KIND_CHOICES = (("copier", N_("Colour photocopier")), ("printer", N_("Colour printer")))

COLOUR_COPIERS = RegisterSpec(
    key="colour_copiers", area="publishing", title=N_("Colour photocopiers and printers"),
    item_name=N_("colour copier"), table="colour_copier", stored=PERMIT_LINKS, sort_from="holder_name", search_kind="colour_copier",
    default_sort="holder_name", title_field="serial_no",
    subtitle_fields=("holder_name", "make_model"),
    permit_feed=LICENSED_FEED,
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
        *lifecycle_fields(),
    ),
)

DISTRIBUTORS = RegisterSpec(
    key="distributors", area="publishing", title=N_("Publication distributors"),
    item_name=N_("distributor"), table="distributor", stored=PERMIT_LINKS, sort_from="holder_name", search_kind="distributor",
    default_sort="holder_name", title_field="holder_name",
    subtitle_fields=("tax_code", "licence_no"),
    permit_feed=LICENSED_FEED.extended(tax_code="holder.tax_code"),
    fields=(
        tax_code_field(N_("A distributor with tax code {value} already exists: {name}.")),
        *holder_fields(tax_code=False),
        FieldSpec("outlets", N_("Outlets"), FieldKind.MULTILINE, max_length=2000,
                  in_table=False, aliases=("Địa điểm kinh doanh",)),
        *licence_fields(),
        *lifecycle_fields(),
    ),
)


NON_BUSINESS = RegisterSpec(
    key="nonbusiness_publications", area="publishing", title=N_("Non-business publications"),
    item_name=N_("non-business publication"), table="nonbusiness_publication", stored=PERMIT_LINKS, sort_from="holder_name",
    search_kind="nonbusiness_publication", default_sort="holder_name", title_field="title",
    subtitle_fields=("holder_name", "licence_no"),
    permit_feed=LICENSED_FEED,
    fields=(
        FieldSpec("title", N_("Title"), required=True, max_length=400, width=260,
                  searchable=True, aliases=("Tên tài liệu", "Tên xuất bản phẩm"),
                  unique_message=N_("The publication {value} is already registered ({name}).")),
        *holder_fields(),
        FieldSpec("author", N_("Author"), max_length=300, in_table=False,
                  aliases=("Tác giả",)),
        FieldSpec("pages", N_("Pages"), max_length=64, width=70, aliases=("Số trang",)),
        FieldSpec("size", N_("Size"), max_length=64, in_table=False, aliases=("Khuôn khổ",)),
        FieldSpec("print_run", N_("Print run"), max_length=64, width=90,
                  aliases=("Số lượng in", "Số lượng")),
        FieldSpec("printer", N_("Printed by"), max_length=300, in_table=False,
                  aliases=("Nơi in",)),
        FieldSpec("manuscript_copies", N_("Manuscript copies filed"), max_length=64,
                  in_table=False, aliases=("Số bản thảo nộp",)),
        *licence_fields(),
        *lifecycle_fields(),
    ),
)

PUBLICATION_IMPORTS = RegisterSpec(
    key="publication_imports", area="publishing",
    title=N_("Import licences for non-business publications"),
    item_name=N_("import licence"), table="publication_import", stored=PERMIT_LINKS, sort_from="holder_name", search_kind="publication_import",
    default_sort="holder_name", title_field="holder_name",
    subtitle_fields=("reference", "licence_no"),
    permit_feed=LICENSED_FEED.extended(reference="dossier_code"),
    fields=(
        FieldSpec("reference", N_("Dossier code or registration no."), required=True,
                  max_length=64, width=150, searchable=True,
                  aliases=("Mã hồ sơ", "Số đăng ký"),
                  unique_message=N_("{value} is already registered ({name}).")),
        *holder_fields(),
        FieldSpec("titles", N_("Titles"), FieldKind.MULTILINE, required=True,
                  max_length=8000, width=260, searchable=True,
                  aliases=("Danh mục xuất bản phẩm", "Tên xuất bản phẩm")),
        FieldSpec("copies", N_("Copies"), max_length=64, in_table=False,
                  aliases=("Số lượng",)),
        FieldSpec("origin", N_("Country of origin"), max_length=200, in_table=False,
                  aliases=("Xuất xứ",)),
        FieldSpec("purpose", N_("Purpose"), FieldKind.MULTILINE, max_length=2000,
                  in_table=False, aliases=("Mục đích",)),
        *licence_fields(),
        *lifecycle_fields(),
    ),
)


def check_fair(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    if values.get("starts_on") and values.get("ends_on") and values["ends_on"] < \
            values["starts_on"]:
        return {"ends_on": _("The fair cannot end before it starts.")}
    return {}


BOOK_FAIRS = RegisterSpec(
    key="book_fairs", area="publishing", title=N_("Book fairs and exhibitions"),
    item_name=N_("book fair"), table="book_fair", stored=PERMIT_LINKS, sort_from="holder_name", search_kind="book_fair",
    default_sort="holder_name", title_field="fair_name",
    subtitle_fields=("holder_name", "starts_on"), checks=check_fair,
    permit_feed=LICENSED_FEED,
    fields=(
        FieldSpec("fair_name", N_("Fair or exhibition"), required=True, max_length=300,
                  width=240, searchable=True, aliases=("Tên hội chợ", "Tên triển lãm"),
                  unique_message=N_("{value} is already registered ({name}).")),
        *holder_fields(),
        FieldSpec("venue", N_("Venue"), max_length=400, width=200, searchable=True,
                  aliases=("Địa điểm",)),
        FieldSpec("starts_on", N_("From"), FieldKind.DATE, width=100, aliases=("Từ ngày",)),
        FieldSpec("ends_on", N_("To"), FieldKind.DATE, width=100, aliases=("Đến ngày",)),
        *licence_fields(),
        *lifecycle_fields(),
    ),
)

PUBLICATION_DEPOSITS = RegisterSpec(
    key="publication_deposits", area="publishing", title=N_("Legal-deposit copies"),
    item_name=N_("deposit copy"), table="publication_deposit", search_kind="publication_deposit",
    default_sort="received_on", title_field="title", subtitle_fields=("deposit_no", "publisher"),
    district_field=None, sort_from="title",
    fields=(
        FieldSpec("deposit_no", N_("Deposit no."), required=True, max_length=64, width=110,
                  searchable=True, aliases=("Số lưu chiểu",),
                  unique_message=N_("Deposit {value} is already registered ({name}).")),
        FieldSpec("title", N_("Title"), required=True, max_length=400, width=260,
                  searchable=True, sort_column="sort_name", aliases=("Tên xuất bản phẩm",)),
        FieldSpec("publisher", N_("Publisher or organisation"), max_length=300, width=200,
                  searchable=True, aliases=("Đơn vị", "Tổ chức")),
        FieldSpec("licence_no", N_("Licence no."), max_length=64, width=120,
                  aliases=("Số giấy phép",)),
        FieldSpec("received_on", N_("Received on"), FieldKind.DATE, required=True, width=100,
                  sort_column="received_on", validate=validation.past_date,
                  aliases=("Ngày nộp lưu chiểu", "Ngày nhận")),
        FieldSpec("copies", N_("Copies"), max_length=32, in_table=False,
                  aliases=("Số bản",)),
        FieldSpec("reviewer", N_("Read by"), max_length=200, width=140,
                  aliases=("Người đọc",)),
        FieldSpec("result", N_("Result"), FieldKind.CHOICE, required=True,
                  choices=DEPOSIT_RESULTS, width=130, filterable=True, sort_column="result",
                  index="result",
                  aliases=("Kết quả",)),
        FieldSpec("findings", N_("Findings"), FieldKind.MULTILINE, max_length=4000,
                  in_table=False, aliases=("Nhận xét",)),
    ),
)

MEASURES = (("suspend_printing", N_("Printing suspended")),
            ("stop_printing", N_("Printing stopped")),
            ("suspend_distribution", N_("Distribution suspended")),
            ("recall", N_("Recalled")), ("confiscate", N_("Confiscated")),
            ("ban", N_("Banned from circulation")), ("destroy", N_("Destroyed")))
MEASURE_TARGETS = (("printing_facilities", N_("Printing facilities")),
                   ("distributors", N_("Publication distributors")),
                   ("nonbusiness_publications", N_("Non-business publications")),
                   ("publication_deposits", N_("Legal-deposit copies")),
                   ("colour_copiers", N_("Colour photocopiers and printers")))


def check_measure(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    """The record a measure concerns must exist: found by its identifying value (tax code,
    serial, title, deposit number) in the register named; its id is kept with the measure."""
    from sqlalchemy import select

    from sotttt_desktop.registers import get_register

    target = get_register(values["target_register"])
    unique = target.unique_field
    with services.db.session() as session:
        found = session.execute(select(target.model.id).where(
            getattr(target.model, unique.name) == values["target_key"])).scalar_one_or_none()
    if found is None:
        return {"target_key": _("No record with {field} {value} in “{register}”.").format(
            field=_(unique.label), value=values["target_key"], register=_(target.title))}
    values["target_id"] = found
    return {}


PUBLISHING_MEASURES = RegisterSpec(
    key="publishing_measures", area="publishing",
    title=N_("Suspensions, recalls and confiscations"),
    item_name=N_("measure"), table="publishing_measure", search_kind="publishing_measure",
    default_sort="decided_on", title_field="decision_no",
    subtitle_fields=("measure", "target_key"), checks=check_measure, sort_from="target_key",
    stored=(StoredColumn("target_id", StoredKind.UUID),),  # found by check_measure
    indexes=(("target", ("target_register", "target_id")),),
    fields=(
        FieldSpec("decision_no", N_("Decision no."), required=True, max_length=64, width=120,
                  searchable=True, aliases=("Số quyết định",),
                  unique_message=N_("Decision {value} is already registered ({name}).")),
        FieldSpec("decided_on", N_("Decided on"), FieldKind.DATE, required=True, width=100,
                  sort_column="decided_on", validate=validation.past_date,
                  aliases=("Ngày quyết định",)),
        FieldSpec("measure", N_("Measure"), FieldKind.CHOICE, required=True, choices=MEASURES,
                  column_length=24, width=170, filterable=True, index="kind",
                  aliases=("Biện pháp",)),
        FieldSpec("target_register", N_("Register of the record"), FieldKind.CHOICE,
                  required=True, choices=MEASURE_TARGETS, column_length=40, width=170,
                  filterable=True),
        FieldSpec("target_key", N_("Record (tax code, serial, title or deposit no.)"),
                  required=True, max_length=400, width=220, searchable=True,
                  sort_column="sort_name", aliases=("Đối tượng",)),
        FieldSpec("authority", N_("Decided by"), max_length=300, in_table=False,
                  aliases=("Cơ quan quyết định",)),
        FieldSpec("reason", N_("Reason"), FieldKind.MULTILINE, max_length=4000, width=200,
                  aliases=("Lý do",)),
        FieldSpec("until", N_("Until"), FieldKind.DATE, in_table=False,
                  aliases=("Đến ngày",)),
        FieldSpec("district_code", N_("District"), FieldKind.DISTRICT, in_table=False),
    ),
)
