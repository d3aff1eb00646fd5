"""Registers of grassroots information (REFERENCE-2.md §3; ND 49/2024 from 01/07/2024, before it
QĐ 52/2016 — the rule in force on a date is data: resources/reference/grassroots_rules.toml; TT
39/2020 for stations using IT and telecoms): the commune radio stations of the province's wards
and communes, each with its loudspeaker clusters where they stand; the district stations; the log
of the source information supplied to the stations; the grassroots bulletins, public notice
boards and propagandists of each ward and commune."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sotttt_desktop.core import clock, validation
from sotttt_desktop.i18n import N_, _
from sotttt_desktop.registers.checks import not_in_future
from sotttt_desktop.registers.licensed import PERMIT_LINKS, STATE_CHOICES, lifecycle_fields
from sotttt_desktop.registers.point_layer import PointLayer
from sotttt_desktop.registers.spec import (
    DueWatch,
    FieldKind,
    FieldSpec,
    PermitFeed,
    RegisterSpec,
)

TECHNOLOGIES = (("wired", N_("Wired")), ("fm", N_("FM wireless")),
                ("ict", N_("IT and telecoms (TT 39/2020)")))
# the band of the national technical regulation for FM wireless commune radio equipment
# (REFERENCE-2 §3: 54–68 MHz; the regulation's number is UNCONFIRMED)
FM_BAND_MHZ = (54.0, 68.0)
# a district station broadcasts in the FM sound-broadcasting band
FM_BROADCAST_BAND_MHZ = (87.0, 108.0)


def check_station(values: dict[str, Any], services: Any,  # noqa: ANN401
                  band: tuple[float, float] = FM_BAND_MHZ) -> dict[str, str]:
    """An FM wireless station transmits on a frequency of its band, and on air (active) under
    a frequency licence (the Department's consent comes first: the station then awaits it)."""
    errors: dict[str, str] = {}
    if values.get("technology") != "fm":
        return errors
    frequency = values.get("frequency")
    low, high = band
    if frequency is None:
        errors["frequency"] = _("An FM wireless station needs its frequency.")
    elif not low <= float(frequency) <= high:
        errors["frequency"] = _("An FM station of this kind transmits between {low} and "
                                "{high} MHz.").format(low=f"{low:g}", high=f"{high:g}")
    if not values.get("rf_licence_no") and values.get("state") in (None, "active"):
        errors["rf_licence_no"] = _("An FM wireless station needs its frequency licence.")
    return errors


# a station the Department consented to, waiting for its frequency licence (TT 05/2015 Art.
# 14(1)(b): the consent is part of the licence application)
STATION_STATES = (("planned", N_("Awaiting its frequency licence")), *STATE_CHOICES)

# the Department's consent to a commune's FM wireless station (procedure
# grassroots.commune_radio.consent) writes the station: the commune's People's Committee, the
# consent letter, the frequency, power and site it names; the station then awaits its licence
CONSENT_FEED = PermitFeed(
    facts={"managed_by": "holder.name", "district_code": "holder.district_code",
           "commune_code": "holder.commune_code", "consent_no": "number",
           "consent_date": "issued_on"},
    constants={"technology": "fm", "state": "planned"})

# a station's frequency licence coming to its end (the consent letter leads to it; issue #17):
# counted in the overview and offered as a filter, the ceased stations left out
RF_LICENCE_WATCH = DueWatch("rf_licence_until", 90,
                            N_("Frequency licence expiring within {days} days"),
                            ended_states=("ceased",))

COMMUNE_RADIO_STATIONS = RegisterSpec(
    key="commune_radio_stations", area="grassroots", title=N_("Commune radio stations"),
    item_name=N_("commune radio station"), table="commune_radio_station",
    search_kind="commune_radio_station", default_sort="station_name",
    title_field="station_name", subtitle_fields=("technology", "district_code"),
    stored=PERMIT_LINKS, permit_feed=CONSENT_FEED, checks=check_station,
    due_watch=RF_LICENCE_WATCH,
    fields=(
        FieldSpec("station_name", N_("Station"), required=True, max_length=200, width=240,
                  searchable=True, sort_column="station_name",
                  aliases=("Tên đài", "Đài truyền thanh")),
        FieldSpec("district_code", N_("District"), FieldKind.DISTRICT, required=True,
                  width=150, filterable=True, sort_column="district_code",
                  aliases=("Huyện", "Huyện/thị xã/thành phố")),
        FieldSpec("commune_code", N_("Ward / commune"), FieldKind.COMMUNE, required=True,
                  width=150,
                  unique_message=N_("The ward or commune {value} already has its station "
                                    "({name})."),
                  aliases=("Xã/phường/thị trấn", "Xã, phường")),
        FieldSpec("managed_by", N_("Managed by"), max_length=200, in_table=False,
                  aliases=("Cơ quan quản lý",)),
        FieldSpec("technology", N_("Technology"), FieldKind.CHOICE, required=True,
                  choices=TECHNOLOGIES, width=150, filterable=True, sort_column="technology",
                  index="technology", aliases=("Công nghệ", "Loại hình")),
        FieldSpec("frequency", N_("FM frequency"), FieldKind.DECIMAL, unit="MHz", decimals=3,
                  width=100, aliases=("Tần số",)),
        FieldSpec("transmitter_power", N_("Transmitter power"), FieldKind.DECIMAL, unit="W",
                  decimals=0, in_table=False, aliases=("Công suất máy phát",)),
        FieldSpec("transmitter_site", N_("Transmitter site"), max_length=400, in_table=False,
                  aliases=("Địa điểm đặt máy phát",)),
        FieldSpec("rf_licence_no", N_("Frequency licence no."), max_length=64, in_table=False,
                  aliases=("Số giấy phép tần số",)),
        FieldSpec("rf_licence_until", N_("Frequency licence valid until"), FieldKind.DATE,
                  width=100, sort_column="rf_licence_until",
                  aliases=("Giấy phép tần số có hiệu lực đến",)),
        FieldSpec("consent_no", N_("The Department's consent letter no."), max_length=64,
                  in_table=False, aliases=("Số văn bản chấp thuận",)),
        FieldSpec("consent_date", N_("Consent letter dated"), FieldKind.DATE, in_table=False,
                  aliases=("Ngày văn bản chấp thuận",)),
        FieldSpec("clusters", N_("Loudspeaker clusters"), FieldKind.ROWS, in_table=False,
                  searchable=True, aliases=("Cụm loa",),
                  columns=(FieldSpec("address", N_("Address"), required=True, max_length=300),
                           FieldSpec("coordinates", N_("Coordinates"), FieldKind.COORDINATES),
                           FieldSpec("speakers", N_("Loudspeakers"), FieldKind.INTEGER))),
        FieldSpec("equipment", N_("Equipment"), FieldKind.MULTILINE, max_length=4000,
                  in_table=False, aliases=("Thiết bị",)),
        FieldSpec("staff", N_("Staff"), FieldKind.MULTILINE, max_length=2000, in_table=False,
                  aliases=("Nhân sự",)),
        FieldSpec("source_connected_on", N_("Connected to the provincial source system on"),
                  FieldKind.DATE, width=110,
                  aliases=("Kết nối hệ thống thông tin nguồn từ ngày",)),
        FieldSpec("tt39_compliant_on", N_("Meets TT 39/2020 since"), FieldKind.DATE,
                  in_table=False, aliases=("Đáp ứng TT 39/2020 từ ngày",)),
        FieldSpec("state", N_("State"), FieldKind.CHOICE, required=True,
                  choices=STATION_STATES, default="active", width=130, filterable=True,
                  sort_column="state", index="state"),
        FieldSpec("note", N_("Note"), FieldKind.MULTILINE, max_length=2000, in_table=False),
    ),
)

# every loudspeaker cluster a point, with its station (the map of the province's commune radio)
LOUDSPEAKER_CLUSTERS = PointLayer(
    key="loudspeaker_clusters", register="commune_radio_stations",
    title=N_("Loudspeaker clusters"), rows="clusters", coordinates="coordinates",
    entry_fields=("station_name", "district_code", "commune_code", "technology", "state"))


def check_district_station(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    return check_station(values, services, FM_BROADCAST_BAND_MHZ)


# the radio of a district, town or city (in Bình Dương: the district's "Trung tâm Văn hóa, Thể
# thao và Truyền thanh"); it makes its programmes and the communes relay them on a schedule
DISTRICT_STATIONS = RegisterSpec(
    key="district_stations", area="grassroots", title=N_("District radio stations"),
    item_name=N_("district radio station"), table="district_station",
    search_kind="district_station", default_sort="district_code", title_field="station_name",
    subtitle_fields=("district_code", "technology"), holder_column=None,
    checks=check_district_station,
    due_watch=DueWatch("rf_licence_until", 90,
                       N_("Frequency licence expiring within {days} days")),
    fields=(
        FieldSpec("district_code", N_("District"), FieldKind.DISTRICT, required=True,
                  width=170, filterable=True, sort_column="district_code",
                  unique_message=N_("The district {value} already has its station ({name})."),
                  aliases=("Huyện", "Huyện/thị xã/thành phố")),
        FieldSpec("station_name", N_("Station"), required=True, max_length=300, width=300,
                  searchable=True, aliases=("Tên đài", "Đơn vị")),
        FieldSpec("address", N_("Address"), max_length=400, width=220, in_table=False),
        FieldSpec("technology", N_("Technology"), FieldKind.CHOICE, required=True,
                  choices=TECHNOLOGIES, width=150, filterable=True, aliases=("Công nghệ",)),
        FieldSpec("frequency", N_("FM frequency"), FieldKind.DECIMAL, unit="MHz", decimals=3,
                  width=100, aliases=("Tần số",)),
        FieldSpec("rf_licence_no", N_("Frequency licence no."), max_length=64, width=120,
                  aliases=("Số giấy phép tần số",)),
        FieldSpec("rf_licence_until", N_("Frequency licence valid until"), FieldKind.DATE,
                  width=100, sort_column="rf_licence_until",
                  aliases=("Giấy phép tần số có hiệu lực đến",)),
        FieldSpec("relay_schedule", N_("Relay schedule of the communes"), FieldKind.MULTILINE,
                  max_length=2000, in_table=False, aliases=("Lịch tiếp sóng",)),
        FieldSpec("equipment", N_("Equipment"), FieldKind.MULTILINE, max_length=4000,
                  in_table=False, aliases=("Thiết bị",)),
        FieldSpec("staff", N_("Staff"), FieldKind.MULTILINE, max_length=2000, in_table=False,
                  aliases=("Nhân sự",)),
        *lifecycle_fields(),
    ),
)

PROVIDER_LEVELS = (("central", N_("Central")), ("provincial", N_("Provincial")),
                   ("district", N_("District")))


def check_bulletin(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    """Source information goes on air only once approved, and not before it was scheduled
    for."""
    errors: dict[str, str] = {}
    if values.get("broadcast_at") and not values.get("approved_by"):
        errors["approved_by"] = _("Broadcast source information was approved: say by whom.")
    scheduled, broadcast = values.get("scheduled_at"), values.get("broadcast_at")
    if scheduled and broadcast and broadcast < scheduled:
        errors["broadcast_at"] = _("The broadcast cannot come before the time it was "
                                   "scheduled for.")
    errors.update(not_in_future(values, ("broadcast_at",)))
    for number, row in enumerate(values.get("targets") or (), start=1):
        received, aired = _moment(row.get("received_at")), _moment(row.get("aired_at"))
        if (aired and received and aired < received) or (
                aired and aired > clock.local_now().replace(tzinfo=None)):
            errors["targets"] = _("Row {row}: a station airs an item after receiving it, and "
                                  "not in the future.").format(row=number)
            break
    return errors


def _moment(text: str | None) -> dt.datetime | None:
    """A row's date and time as kept ("20/11/2024 17:30")."""
    try:
        return dt.datetime.strptime(text, "%d/%m/%Y %H:%M") if text else None
    except ValueError:
        return None


def check_means(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    return not_in_future(values, ("since",))


# the provincial source-information system (TT 39/2020 Art. 3): what was supplied to the
# stations, by whom, approved by whom, when it was to go and went on air, who confirmed it
SOURCE_BULLETINS = RegisterSpec(
    key="source_bulletins", area="grassroots", title=N_("Source information log"),
    item_name=N_("source information item"), table="source_bulletin",
    search_kind="source_bulletin", default_sort="scheduled_at", title_field="title",
    subtitle_fields=("bulletin_no", "provider"), district_field=None, holder_column=None,
    sort_from="title", checks=check_bulletin,
    fields=(
        FieldSpec("bulletin_no", N_("Item no."), required=True, max_length=32, width=110,
                  searchable=True, sort_column="bulletin_no", aliases=("Số hiệu", "Mã tin"),
                  unique_message=N_("Item {value} is already in the log ({name}).")),
        FieldSpec("provider_level", N_("Supplied by (level)"), FieldKind.CHOICE, required=True,
                  choices=PROVIDER_LEVELS, default="provincial", width=110, filterable=True,
                  aliases=("Cấp cung cấp",)),
        FieldSpec("provider", N_("Supplied by"), required=True, max_length=300, width=200,
                  searchable=True, aliases=("Đơn vị cung cấp",)),
        FieldSpec("title", N_("Headline"), required=True, max_length=500, width=300,
                  searchable=True, sort_column="sort_name", aliases=("Tiêu đề", "Tên tin")),
        FieldSpec("files", N_("Audio or text files"), FieldKind.FILES, in_table=False,
                  aliases=("Tệp tin",)),
        FieldSpec("approved_by", N_("Approved by"), max_length=200, width=150,
                  aliases=("Người duyệt",)),
        FieldSpec("scheduled_at", N_("Scheduled for"), FieldKind.DATETIME, required=True,
                  width=120, sort_column="scheduled_at", aliases=("Thời gian dự kiến phát",)),
        FieldSpec("broadcast_at", N_("Broadcast at"), FieldKind.DATETIME, width=120,
                  aliases=("Thời gian phát",)),
        FieldSpec("targets", N_("Stations and confirmations"), FieldKind.ROWS, in_table=False,
                  searchable=True, aliases=("Đài nhận tin",),
                  columns=(FieldSpec("station", N_("Station"), required=True, max_length=200),
                           FieldSpec("received_at", N_("Received at"), FieldKind.DATETIME),
                           FieldSpec("aired_at", N_("Aired at"), FieldKind.DATETIME))),
        FieldSpec("note", N_("Note"), FieldKind.MULTILINE, max_length=2000, in_table=False),
    ),
)

MEANS = (("bulletin", N_("Grassroots bulletin")), ("board", N_("Public notice board")),
         ("propagandist", N_("Grassroots propagandist")))

# the lists of the grassroots information means of each ward and commune (ND 49/2024 names eight
# forms; three are kept here, the stations have their register)
GRASSROOTS_MEANS = RegisterSpec(
    key="grassroots_means", area="grassroots", title=N_("Bulletins, notice boards, propagandists"),
    item_name=N_("grassroots information means"), table="grassroots_means",
    search_kind="grassroots_means", default_sort="name", title_field="name",
    subtitle_fields=("means", "commune_code"), holder_column=None, sort_from="name",
    variant_field="means", checks=check_means,
    fields=(
        FieldSpec("code", N_("List code"), required=True, max_length=32, width=120,
                  searchable=True, sort_column="code", aliases=("Mã", "Mã số"),
                  unique_message=N_("Code {value} is already in the lists ({name}).")),
        FieldSpec("means", N_("Means"), FieldKind.CHOICE, required=True, choices=MEANS,
                  width=170, filterable=True, index="means", aliases=("Loại hình",)),
        FieldSpec("name", N_("Name or person"), required=True, max_length=300, width=240,
                  searchable=True, sort_column="sort_name",
                  aliases=("Tên", "Họ và tên", "Tên bản tin", "Vị trí bảng tin")),
        FieldSpec("district_code", N_("District"), FieldKind.DISTRICT, required=True,
                  width=150, filterable=True, sort_column="district_code", index="district",
                  aliases=("Huyện",)),
        FieldSpec("commune_code", N_("Ward / commune"), FieldKind.COMMUNE, required=True,
                  width=150, aliases=("Xã/phường/thị trấn",)),
        FieldSpec("address", N_("Address"), max_length=400, width=200, searchable=True,
                  aliases=("Địa chỉ", "Vị trí")),
        FieldSpec("role", N_("Position"), max_length=200, in_table=False,
                  variants=frozenset({"propagandist"}), aliases=("Chức vụ",)),
        FieldSpec("phone", N_("Phone"), max_length=20, column_length=32, width=110,
                  validate=validation.phone, normalise=validation.normalise_phone,
                  variants=frozenset({"propagandist"}), aliases=("Điện thoại",)),
        FieldSpec("periodicity", N_("Periodicity"), max_length=100, in_table=False,
                  variants=frozenset({"bulletin"}), aliases=("Định kỳ",)),
        FieldSpec("copies", N_("Copies an issue"), FieldKind.INTEGER, in_table=False,
                  variants=frozenset({"bulletin"}), aliases=("Số lượng bản",)),
        FieldSpec("since", N_("Since"), FieldKind.DATE, width=100, aliases=("Từ ngày",)),
        *lifecycle_fields(),
    ),
)
