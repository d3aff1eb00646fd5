"""Registers of the electronic-information area (REFERENCE.md §1.3; ND 72/2013 as amended by
ND 27/2018, then ND 147/2024): the general news websites and the public game points the
Department licensed, written from the permits that licensed them (never typed twice)."""

from __future__ import annotations

from sotttt_desktop.core import validation
from sotttt_desktop.i18n import N_
from sotttt_desktop.registers.licensed import (
    LICENSED_FEED,
    PERMIT_LINKS,
    holder_fields,
    licence_fields,
    lifecycle_fields,
)
from sotttt_desktop.registers.public_list import PublicList
from sotttt_desktop.registers.spec import FieldKind, FieldSpec, RegisterSpec

# a licence with a term: the last day it is valid and how many extensions it has used (an issued
# extension or amendment updates the same entry)
TERM_FEED = LICENSED_FEED.extended(valid_until="valid_until", extensions="extensions")


def term_fields() -> tuple[FieldSpec, ...]:
    return (
        FieldSpec("valid_until", N_("Valid until"), FieldKind.DATE, width=100,
                  sort_column="valid_until", aliases=("Thời hạn", "Hiệu lực đến")),
        FieldSpec("extensions", N_("Extensions used"), FieldKind.INTEGER, in_table=False,
                  aliases=("Số lần gia hạn",)),
    )


# Mẫu 24 (Art. 23): the website licence — domains, content and sources, server in Vietnam, the
# person responsible for the content
WEBSITES = RegisterSpec(
    key="websites", area="e_information", title=N_("General news websites"),
    item_name=N_("general news website"), table="website", search_kind="website",
    default_sort="domain", title_field="domain", stored=PERMIT_LINKS,
    sort_from="holder_name", subtitle_fields=("holder_name", "licence_no"),
    permit_feed=TERM_FEED,
    fields=(
        FieldSpec("domain", N_("Domain name"), required=True, max_length=300, width=200,
                  searchable=True, sort_column="domain",
                  unique_message=N_("The website {value} is already registered ({name})."),
                  aliases=("Tên miền",)),
        FieldSpec("other_domains", N_("Other domain names"), FieldKind.ROWS, in_table=False,
                  searchable=True, aliases=("Tên miền khác",),
                  columns=(FieldSpec("domain", N_("Domain name"), required=True,
                                     max_length=300),)),
        *holder_fields(),
        FieldSpec("content_scope", N_("Content and scope of information"), FieldKind.MULTILINE,
                  max_length=4000, in_table=False, aliases=("Nội dung thông tin",)),
        FieldSpec("sources", N_("Sources of information"), FieldKind.MULTILINE,
                  max_length=4000, in_table=False, aliases=("Nguồn tin",)),
        FieldSpec("server_location", N_("Server location in Vietnam"), max_length=400,
                  in_table=False, aliases=("Địa chỉ đặt máy chủ",)),
        FieldSpec("responsible", N_("Person responsible for the content"), max_length=200,
                  in_table=False, searchable=True, aliases=("Người chịu trách nhiệm",)),
        *licence_fields(date_sortable=True),
        *term_fields(),
        *lifecycle_fields(),
    ),
)

SCHOOL_CHECKS = (("not_checked", N_("Not checked yet")),
                 ("far_enough", N_("At least 200 m from schools")),
                 ("too_close", N_("Closer than 200 m to a school")))

# Mẫu 03/04 (Art. 35a(2)): the certificate of eligibility of a public game point; its checks
# (floor area, machines, distance to schools) recorded with it; valid 3 years
GAME_POINTS = RegisterSpec(
    key="game_points", area="e_information", title=N_("Public game points"),
    item_name=N_("public game point"), table="game_point", search_kind="game_point",
    default_sort="point_address", title_field="point_address", stored=PERMIT_LINKS,
    sort_from="holder_name", subtitle_fields=("point_name", "licence_no"),
    permit_feed=TERM_FEED,
    fields=(
        FieldSpec("point_address", N_("Address of the game point"), required=True,
                  max_length=400, width=260, searchable=True, sort_column="point_address",
                  unique_message=N_("A game point at {value} is already registered ({name})."),
                  aliases=("Địa chỉ điểm", "Địa chỉ điểm cung cấp dịch vụ")),
        FieldSpec("point_name", N_("Name of the game point"), max_length=300, width=200,
                  searchable=True, aliases=("Tên điểm",)),
        *holder_fields(),
        FieldSpec("business_registration", N_("Business registration no."), max_length=64,
                  in_table=False, searchable=True, aliases=("Số đăng ký kinh doanh",)),
        FieldSpec("owner_name", N_("Owner of the game point"), max_length=200, in_table=False,
                  searchable=True, aliases=("Chủ điểm",)),
        FieldSpec("owner_id", N_("Owner's citizen ID or passport no."), max_length=20,
                  in_table=False),
        FieldSpec("owner_phone", N_("Owner's phone"), max_length=20, column_length=32, in_table=False,
                  validate=validation.phone, normalise=validation.normalise_phone),
        FieldSpec("owner_email", N_("Owner's e-mail"), max_length=200, in_table=False,
                  validate=validation.email),
        FieldSpec("floor_area", N_("Total floor area of the computer rooms (m²)"),
                  max_length=20, in_table=False, aliases=("Diện tích",)),
        FieldSpec("machines", N_("Computers"), FieldKind.INTEGER, width=80,
                  aliases=("Số máy",)),
        FieldSpec("school_check", N_("Distance to schools"), FieldKind.CHOICE,
                  choices=SCHOOL_CHECKS, default="not_checked", width=150, filterable=True,
                  aliases=("Khoảng cách đến trường học",)),
        *licence_fields(date_sortable=True),
        *term_fields(),
        *lifecycle_fields(),
    ),
)

# the points certified and in force, which the Department publishes on its website (ND 72/2013
# as amended by ND 27/2018; the article is UNCONFIRMED: REFERENCE.md §1.3 keeps the duty, not
# its number)
PUBLIC_GAME_POINTS = PublicList(
    key="game_points", register="game_points",
    summary="Điểm cung cấp dịch vụ trò chơi điện tử công cộng đã được cấp Giấy chứng nhận đủ "
            "điều kiện hoạt động",
    # what the certificate states (Art. 35a(2)); the machine count is the inspection's, not it
    columns=("point_name", "point_address", "district_code", "owner_name", "licence_no",
             "licence_date", "valid_until", "floor_area"),
    widths=(0.14, 0.24, 0.1, 0.13, 0.11, 0.08, 0.08, 0.08),
    labels={"licence_no": "Số Giấy chứng nhận", "valid_until": "Có hiệu lực đến ngày"},
    basis="Nghị định số 72/2013/NĐ-CP (sửa đổi, bổ sung bởi Nghị định số 27/2018/NĐ-CP)")
