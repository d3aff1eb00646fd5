"""Registers of the press, radio and TV area (REFERENCE.md §1.1)."""

from __future__ import annotations

import datetime as dt
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
)
from sotttt_desktop.registers.spec import FieldKind, FieldSpec, RegisterSpec

NEWS_BULLETINS = RegisterSpec(
    key="news_bulletins", area="press", title=N_("News bulletins"),
    item_name=N_("news bulletin"), table="news_bulletin", search_kind="news_bulletin",
    default_sort="title", title_field="title", stored=PERMIT_LINKS,
    sort_from="holder_name", index_order="sort_name",
    subtitle_fields=("holder_name", "licence_no"), permit_feed=LICENSED_FEED,
    fields=(
        FieldSpec("title", N_("Bulletin name"), required=True, max_length=300, width=240,
                  searchable=True, sort_column="title",
                  unique_message=N_("A bulletin named {value} is already registered "
                                    "({name})."), aliases=("Tên bản tin",)),
        *holder_fields(),
        FieldSpec("responsible", N_("Person responsible"), max_length=200, in_table=False,
                  searchable=True, aliases=("Người chịu trách nhiệm",)),
        FieldSpec("purpose", N_("Purpose"), FieldKind.MULTILINE, max_length=2000,
                  in_table=False),
        FieldSpec("periodicity", N_("Periodicity"), max_length=100, width=110,
                  aliases=("Kỳ hạn xuất bản",)),
        FieldSpec("format", N_("Format, pages"), max_length=100, in_table=False,
                  aliases=("Khuôn khổ, số trang",)),
        FieldSpec("print_run", N_("Print run"), max_length=100, in_table=False,
                  aliases=("Số lượng",)),
        FieldSpec("language", N_("Language"), max_length=100, in_table=False,
                  aliases=("Ngôn ngữ",)),
        FieldSpec("distribution", N_("Distribution scope"), max_length=200, in_table=False,
                  aliases=("Phạm vi phát hành",)),
        *licence_fields(),
        *lifecycle_fields(),
    ),
)

TVRO_RECEIVERS = RegisterSpec(
    key="tvro_receivers", area="press", title=N_("Foreign-satellite TV receivers (TVRO)"),
    item_name=N_("TVRO receiver"), table="tvro_receiver", search_kind="tvro_receiver",
    default_sort="holder_name", title_field="site", stored=PERMIT_LINKS,
    sort_from="holder_name", subtitle_fields=("holder_name", "licence_no"),
    permit_feed=LICENSED_FEED,
    fields=(
        FieldSpec("site", N_("Installation site"), required=True, max_length=300, width=240,
                  searchable=True,
                  unique_message=N_("A receiver at {value} is already registered ({name})."),
                  aliases=("Địa điểm lắp đặt",)),
        *holder_fields(),
        FieldSpec("channels", N_("Channels received"), FieldKind.MULTILINE, max_length=2000,
                  in_table=False, aliases=("Số kênh", "Kênh")),
        *licence_fields(),
        *lifecycle_fields(),
    ),
)


ORGANISER_KINDS = (("domestic", N_("Vietnamese organiser")),
                   ("foreign", N_("Foreign organiser")))
ANSWERS = (("none", N_("No answer: may be held")), ("agreed", N_("Agreed in writing")),
           ("objected", N_("Objected in writing")))
CHECK_RESULTS = (("not_checked", N_("Not checked yet")), ("meets", N_("Meets the conditions")),
                 ("fails", N_("Does not meet the conditions")))
NOTICE_HOURS = 24


def _moment(day: dt.date, time_text: str | None) -> dt.datetime:
    hours, _sep, minutes = (time_text or "00:00").partition(":")
    return dt.datetime.combine(day, dt.time(int(hours), int(minutes or 0)))


def check_conference(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    """The notice must reach the Department at least 24 hours before the conference."""
    notified = _moment(values["notified_on"], values.get("notified_time"))
    held = _moment(values["held_on"], values.get("held_time"))
    if held - notified < dt.timedelta(hours=NOTICE_HOURS):
        return {"notified_on": _("The notice must arrive at least {hours} hours before the "
                                 "conference.").format(hours=NOTICE_HOURS)}
    return {}


PRESS_CONFERENCES = RegisterSpec(
    key="press_conferences", area="press", title=N_("Press conference notices"),
    item_name=N_("press conference notice"), table="press_conference",
    search_kind="press_conference", default_sort="held_on", title_field="organiser",
    subtitle_fields=("notice_no", "held_on"), sort_from="organiser", checks=check_conference,
    fields=(
        FieldSpec("notice_no", N_("Notice no."), required=True, max_length=64, width=120,
                  searchable=True, aliases=("Số thông báo", "Số văn bản"),
                  unique_message=N_("Notice {value} is already registered ({name}).")),
        FieldSpec("organiser", N_("Organiser"), required=True, max_length=300, width=240,
                  searchable=True, sort_column="sort_name", aliases=("Cơ quan tổ chức",)),
        FieldSpec("organiser_kind", N_("Organiser is"), FieldKind.CHOICE, required=True,
                  choices=ORGANISER_KINDS, width=150, filterable=True),
        FieldSpec("notified_on", N_("Notice received on"), FieldKind.DATE, required=True,
                  width=110, aliases=("Ngày nhận thông báo",)),
        FieldSpec("notified_time", N_("Notice received at (hh:mm)"), FieldKind.TIME,
                  max_length=8, in_table=False),
        FieldSpec("held_on", N_("Held on"), FieldKind.DATE, required=True, width=100,
                  sort_column="held_on", aliases=("Ngày họp báo",)),
        FieldSpec("held_time", N_("Held at (hh:mm)"), FieldKind.TIME, max_length=8, width=70,
                  aliases=("Giờ họp báo",)),
        FieldSpec("place", N_("Place"), required=True, max_length=400, width=220,
                  searchable=True, aliases=("Địa điểm",)),
        FieldSpec("district_code", N_("District"), FieldKind.DISTRICT, width=140,
                  filterable=True, index="district", aliases=("Huyện",)),
        FieldSpec("content", N_("Content"), FieldKind.MULTILINE, max_length=4000,
                  in_table=False, aliases=("Nội dung",)),
        FieldSpec("chairperson", N_("Chairperson"), max_length=200, in_table=False,
                  aliases=("Người chủ trì",)),
        FieldSpec("answer", N_("Department's answer"), FieldKind.CHOICE, required=True,
                  choices=ANSWERS, width=170, filterable=True, aliases=("Trả lời",)),
        FieldSpec("answer_no", N_("Answer letter no."), max_length=64, in_table=False),
        FieldSpec("note", N_("Note"), FieldKind.MULTILINE, max_length=2000, in_table=False),
    ),
)

REPRESENTATIVE_OFFICES = RegisterSpec(
    key="press_offices", area="press", title=N_("Representative offices of press agencies"),
    item_name=N_("representative office"), table="press_office",
    search_kind="press_office", default_sort="agency", title_field="agency",
    subtitle_fields=("head", "district_code"), sort_from="agency",
    fields=(
        FieldSpec("agency", N_("Press agency"), required=True, max_length=300, width=260,
                  searchable=True, sort_column="sort_name",
                  aliases=("Cơ quan báo chí", "Tên cơ quan báo chí"),
                  unique_message=N_("The office of {value} is already registered ({name}).")),
        FieldSpec("head", N_("Head of office"), max_length=200, width=170, searchable=True,
                  aliases=("Trưởng văn phòng",)),
        *location_fields(commune=False),
        FieldSpec("approval_no", N_("Approval no."), max_length=64, in_table=False,
                  aliases=("Số văn bản chấp thuận",)),
        FieldSpec("approval_date", N_("Approved on"), FieldKind.DATE, in_table=False,
                  validate=validation.past_date),
        FieldSpec("checked_on", N_("Last checked on"), FieldKind.DATE, width=110,
                  validate=validation.past_date, aliases=("Ngày kiểm tra",)),
        FieldSpec("check_result", N_("Conditions"), FieldKind.CHOICE, required=True,
                  choices=CHECK_RESULTS, width=170, filterable=True,
                  aliases=("Kết quả kiểm tra",)),
        *lifecycle_fields(),
    ),
)

PRESS_DEPOSITS = RegisterSpec(
    key="press_deposits", area="press", title=N_("Legal deposit of local press"),
    item_name=N_("deposited issue"), table="press_deposit", search_kind="press_deposit",
    default_sort="received_on", title_field="publication",
    subtitle_fields=("issue", "deposit_no"), district_field=None, sort_from="publication",
    fields=(
        FieldSpec("deposit_no", N_("Deposit no."), required=True, max_length=64, width=110,
                  searchable=True, aliases=("Số lưu chiểu", "Số vào sổ"),
                  unique_message=N_("Deposit {value} is already registered ({name}).")),
        FieldSpec("publication", N_("Publication"), required=True, max_length=300, width=240,
                  searchable=True, sort_column="sort_name", aliases=("Tên ấn phẩm", "Tên báo")),
        FieldSpec("issue", N_("Issue"), max_length=64, width=90, aliases=("Số, kỳ",)),
        FieldSpec("received_on", N_("Received on"), FieldKind.DATE, required=True, width=110,
                  sort_column="received_on", validate=validation.past_date,
                  aliases=("Ngày nhận",)),
        FieldSpec("reviewer", N_("Read by"), max_length=200, width=150,
                  aliases=("Người đọc",)),
        FieldSpec("result", N_("Result"), FieldKind.CHOICE, required=True,
                  choices=DEPOSIT_RESULTS, width=140, filterable=True, sort_column="result",
                  index="result",
                  aliases=("Kết quả",)),
        FieldSpec("findings", N_("Findings"), FieldKind.MULTILINE, max_length=4000,
                  in_table=False, aliases=("Nhận xét",)),
        FieldSpec("follow_up", N_("Follow-up"), FieldKind.MULTILINE, max_length=4000,
                  in_table=False, aliases=("Xử lý",)),
    ),
)
