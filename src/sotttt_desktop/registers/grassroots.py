"""Registers of grassroots information (REFERENCE-2.md §3; ND 49/2024 from 01/07/2024, before it
QĐ 52/2016; TT 39/2020 for stations using IT and telecoms): the commune radio stations of the
province's wards and communes, each with its loudspeaker clusters where they stand."""

from __future__ import annotations

from typing import Any

from sotttt_desktop.i18n import N_, _
from sotttt_desktop.registers.licensed import lifecycle_fields
from sotttt_desktop.registers.point_layer import PointLayer
from sotttt_desktop.registers.spec import FieldKind, FieldSpec, RegisterSpec

TECHNOLOGIES = (("wired", N_("Wired")), ("fm", N_("FM wireless")),
                ("ict", N_("IT and telecoms (TT 39/2020)")))
# the band of the national technical regulation for FM wireless commune radio equipment
# (REFERENCE-2 §3: 54–68 MHz; the regulation's number is UNCONFIRMED)
FM_BAND_MHZ = (54.0, 68.0)


def check_station(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    """An FM wireless station transmits on a frequency of the band, under a frequency licence."""
    errors: dict[str, str] = {}
    if values.get("technology") != "fm":
        return errors
    frequency = values.get("frequency")
    low, high = FM_BAND_MHZ
    if frequency is None:
        errors["frequency"] = _("An FM wireless station needs its frequency.")
    elif not low <= float(frequency) <= high:
        errors["frequency"] = _("FM wireless commune radio transmits between {low} and {high} "
                                "MHz.").format(low=int(low), high=int(high))
    if not values.get("rf_licence_no"):
        errors["rf_licence_no"] = _("An FM wireless station needs its frequency licence.")
    return errors


COMMUNE_RADIO_STATIONS = RegisterSpec(
    key="commune_radio_stations", area="grassroots", title=N_("Commune radio stations"),
    item_name=N_("commune radio station"), table="commune_radio_station",
    search_kind="commune_radio_station", default_sort="station_name",
    title_field="station_name", subtitle_fields=("technology", "district_code"),
    holder_column=None, checks=check_station,
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
        *lifecycle_fields(),
    ),
)

# every loudspeaker cluster a point, with its station (the map of the province's commune radio)
LOUDSPEAKER_CLUSTERS = PointLayer(
    key="loudspeaker_clusters", register="commune_radio_stations",
    title=N_("Loudspeaker clusters"), rows="clusters", coordinates="coordinates",
    entry_fields=("station_name", "district_code", "commune_code", "technology", "state"))
