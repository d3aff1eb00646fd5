"""The blocks of fields the registers share (holder, location, licence, lifecycle) and the
columns of an entry written from permits, declared once; and the values a permit gives them."""

from __future__ import annotations

from sotttt_desktop.core import validation
from sotttt_desktop.i18n import N_
from sotttt_desktop.registers.spec import (
    FieldKind,
    FieldSpec,
    PermitFeed,
    StoredColumn,
    StoredKind,
)

STATE_CHOICES = (("active", N_("Active")), ("suspended", N_("Suspended")),
                 ("ceased", N_("Ceased")))
DEPOSIT_RESULTS = (("pending", N_("Not read yet")), ("no_violation", N_("No violation")),
                   ("violation", N_("Violation found")))  # legal-deposit reading, press and books


DISTRICT_ALIASES = ("Huyện", "Quận/huyện", "Huyện/thị xã/thành phố")


def location_fields(*, district_required: bool = False, commune: bool = True
                    ) -> tuple[FieldSpec, ...]:
    """Where a record is: address, district (indexed: the district filter, the district
    officers' scope), ward/commune and phone."""
    return (
        FieldSpec("address", N_("Address"), max_length=400, width=240, searchable=True),
        FieldSpec("district_code", N_("District"), FieldKind.DISTRICT, width=150,
                  required=district_required, filterable=True, sort_column="district_code",
                  index="district", aliases=DISTRICT_ALIASES),
        *((FieldSpec("commune_code", N_("Ward / commune"), FieldKind.COMMUNE, in_table=False),)
          if commune else ()),
        phone_field(),
    )


def phone_field() -> FieldSpec:
    return FieldSpec("phone", N_("Phone"), max_length=20, column_length=32, in_table=False,
                     validate=validation.phone, normalise=validation.normalise_phone)


def tax_code_field(unique_message: str, aliases: tuple[str, ...] = ("MST",)) -> FieldSpec:
    """An entry identified by its holder's tax code (one entry per enterprise): required,
    checked, normalised, searchable; `unique_message` (N_(), {value}, {name}) for a duplicate."""
    return FieldSpec("tax_code", N_("Tax code"), required=True, max_length=14, width=120,
                     validate=validation.tax_code, normalise=validation.normalise_tax_code,
                     searchable=True, aliases=aliases, unique_message=unique_message)


def holder_fields(*, tax_code: bool = True) -> tuple[FieldSpec, ...]:
    """Who holds a licensed thing (and where): `tax_code=False` where the register's own
    identity is the holder's tax code."""
    return (
        FieldSpec("holder_name", N_("Holder"), required=True, max_length=300, width=260,
                  sort_column="sort_name", searchable=True,
                  aliases=("Tổ chức", "Tên tổ chức", "Chủ sở hữu", "Đơn vị")),
        *((FieldSpec("holder_tax_code", N_("Holder's tax code"), max_length=14, in_table=False,
                     validate=validation.tax_code, normalise=validation.normalise_tax_code,
                     searchable=True, aliases=("MST",)),) if tax_code else ()),
        *location_fields(),
    )


def licence_fields(*, date_sortable: bool = False) -> tuple[FieldSpec, ...]:
    """Under which document: its number and date."""
    return (
        FieldSpec("licence_no", N_("Licence / confirmation no."), max_length=64, width=130,
                  searchable=True, aliases=("Số giấy phép", "Số GP", "Số xác nhận",
                                            "Số giấy chứng nhận")),
        FieldSpec("licence_date", N_("Issued on"), FieldKind.DATE, width=100,
                  validate=validation.past_date, placeholder=N_("dd/mm/yyyy"),
                  sort_column="licence_date" if date_sortable else None,
                  aliases=("Ngày cấp phép", "Ngày cấp giấy phép")),
    )


def lifecycle_fields() -> tuple[FieldSpec, ...]:
    """In which state, and a note."""
    return (
        FieldSpec("state", N_("State"), FieldKind.CHOICE, required=True, choices=STATE_CHOICES,
                  default="active", width=110, filterable=True, sort_column="state", index="state"),
        FieldSpec("note", N_("Note"), FieldKind.MULTILINE, max_length=2000, in_table=False),
    )


# what the services keep on an entry written from permits: its holder, its latest permit, and
# how many permits it had
PERMIT_LINKS = (StoredColumn("party_id", StoredKind.UUID, references="party"),
                StoredColumn("permit_id", StoredKind.UUID, references="permit"),
                StoredColumn("permits", StoredKind.INTEGER, default=0))


# the values an issued permit gives every register of licensed things (not typed twice)
LICENSED_FEED = PermitFeed(
    facts={"holder_name": "holder.name", "holder_tax_code": "holder.tax_code",
           "address": "holder.address", "district_code": "holder.district_code",
           "commune_code": "holder.commune_code", "phone": "holder.phone",
           "licence_no": "number", "licence_date": "issued_on"},
    constants={"state": "active"})
