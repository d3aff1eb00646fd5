"""The fields every register of licensed things shares (core/models/licensed.py), declared once,
and the values a permit gives them."""

from __future__ import annotations

from typing import Any

from sotttt_desktop.core import validation
from sotttt_desktop.core.text import fold
from sotttt_desktop.i18n import N_
from sotttt_desktop.registers.spec import FieldKind, FieldSpec, PermitFeed

STATE_CHOICES = (("active", N_("Active")), ("suspended", N_("Suspended")),
                 ("ceased", N_("Ceased")))
DEPOSIT_RESULTS = (("pending", N_("Not read yet")), ("no_violation", N_("No violation")),
                   ("violation", N_("Violation found")))  # legal-deposit reading, press and books


def holder_fields() -> tuple[FieldSpec, ...]:
    return (
        FieldSpec("holder_name", N_("Holder"), required=True, max_length=300, width=260,
                  sort_column="sort_name", searchable=True,
                  aliases=("Tổ chức", "Tên tổ chức", "Chủ sở hữu", "Đơn vị")),
        FieldSpec("holder_tax_code", N_("Holder's tax code"), max_length=14, in_table=False,
                  validate=validation.tax_code, normalise=validation.normalise_tax_code,
                  searchable=True, aliases=("MST",)),
        FieldSpec("address", N_("Address"), max_length=400, width=240, searchable=True),
        FieldSpec("district_code", N_("District"), FieldKind.DISTRICT, width=150,
                  filterable=True, sort_column="district_code", aliases=("Huyện",)),
        FieldSpec("commune_code", N_("Ward / commune"), FieldKind.COMMUNE, in_table=False),
        FieldSpec("phone", N_("Phone"), max_length=20, in_table=False,
                  validate=validation.phone, normalise=validation.normalise_phone),
    )


def licence_fields() -> tuple[FieldSpec, ...]:
    return (
        FieldSpec("licence_no", N_("Licence / confirmation no."), max_length=64, width=130,
                  searchable=True, aliases=("Số giấy phép", "Số GP", "Số xác nhận",
                                            "Số giấy chứng nhận")),
        FieldSpec("licence_date", N_("Issued on"), FieldKind.DATE, width=100,
                  validate=validation.past_date, placeholder=N_("dd/mm/yyyy"),
                  aliases=("Ngày cấp phép",)),
        FieldSpec("state", N_("State"), FieldKind.CHOICE, required=True, choices=STATE_CHOICES,
                  width=110, filterable=True, sort_column="state"),
        FieldSpec("note", N_("Note"), FieldKind.MULTILINE, max_length=2000, in_table=False),
    )


def derive_sort_name(values: dict[str, Any]) -> dict[str, Any]:
    return {"sort_name": fold(values["holder_name"])[:300]}


# the values an issued permit gives every register of licensed things (not typed twice)
LICENSED_FEED = PermitFeed(
    facts={"holder_name": "holder.name", "holder_tax_code": "holder.tax_code",
           "address": "holder.address", "district_code": "holder.district_code",
           "commune_code": "holder.commune_code", "phone": "holder.phone",
           "licence_no": "number", "licence_date": "issued_on"},
    constants={"state": "active"})
