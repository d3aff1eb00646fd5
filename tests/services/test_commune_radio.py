"""The commune radio stations of grassroots information (issue #16): one station per ward or
commune, FM wireless ones on a frequency of the band under a frequency licence, each with its
loudspeaker clusters; the clusters as a map layer (GeoJSON for QGIS: one Point feature per
located cluster, [longitude, latitude]) and as a spreadsheet (one line per cluster)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from sotttt_desktop.errors import PermissionDeniedError, ValidationError
from sotttt_desktop.registers import registers_of
from sotttt_desktop.services import Services

CLUSTERS = ("Nhà văn hóa khu phố 1 | 10.981200, 106.652300 | 4\n"
            "Ngã tư chợ Phú Cường | 10.979800, 106.655100 | 6\n"
            "Trạm y tế phường (chưa định vị)")


def _station(services: Services, commune: str = "25747", **raw: str) -> dict:
    return services.registers.create("commune_radio_stations", {
        "station_name": "Đài truyền thanh phường Phú Cường", "district_code": "718",
        "commune_code": commune, "technology": "ict", "clusters": CLUSTERS, "state": "active",
        **raw})


def test_the_area_keeps_its_stations(services: Services) -> None:
    assert registers_of("grassroots")[0] == "commune_radio_stations"
    _station(services)
    with pytest.raises(ValidationError, match="đã có đài truyền thanh"):
        _station(services, station_name="Đài thứ hai")
    with pytest.raises(ValidationError, match="không thuộc huyện"):
        _station(services, commune="25945")  # a commune of another district


def test_an_fm_station_needs_its_frequency_and_licence(services: Services) -> None:
    with pytest.raises(ValidationError) as refused:
        _station(services, technology="fm")
    assert set(refused.value.field_errors) == {"frequency", "rf_licence_no"}
    with pytest.raises(ValidationError, match="54–68 MHz"):
        _station(services, technology="fm", frequency="88,5", rf_licence_no="123/GP-CTS")
    entry = _station(services, technology="fm", frequency="56,5", rf_licence_no="123/GP-CTS")
    assert float(entry["frequency"]) == 56.5


def test_the_clusters_as_a_map_layer_and_a_sheet(services: Services, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _station(services)
    layer = services.point_layers
    assert layer.export("loudspeaker_clusters", tmp_path / "cum-loa.geojson") == 2
    collection = json.loads((tmp_path / "cum-loa.geojson").read_text("utf-8"))
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 2
    first = collection["features"][0]
    assert first["geometry"] == {"type": "Point", "coordinates": [106.6523, 10.9812]}
    assert first["properties"] == {
        "station_name": "Đài truyền thanh phường Phú Cường",
        "district_code": "Thành phố Thủ Dầu Một", "commune_code": "Phường Phú Cường",
        "technology": "Ứng dụng CNTT - viễn thông (TT 39/2020)", "state": "Đang hoạt động",
        "address": "Nhà văn hóa khu phố 1", "speakers": 4}
    # the spreadsheet has every cluster, the one not yet located too
    assert layer.export("loudspeaker_clusters", tmp_path / "cum-loa.xlsx") == 3
    sheet = load_workbook(tmp_path / "cum-loa.xlsx").active
    headings = [c.value for c in sheet[1]]
    assert headings[-3:] == ["Số loa", "Vĩ độ", "Kinh độ"] and sheet.max_row == 4
    assert [c.value for c in sheet[2]][-3:] == [4, 10.9812, 106.6523]
    assert [c.value for c in sheet[4]][-4:] == ["Trạm y tế phường (chưa định vị)", None, None,
                                                None]
    assert layer.export("loudspeaker_clusters", tmp_path / "cum-loa.csv") == 3
    with (tmp_path / "cum-loa.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][-2:] == ["10.9812", "106.6523"]
    with pytest.raises(ValidationError, match=r"\.geojson"):
        layer.export("loudspeaker_clusters", tmp_path / "cum-loa.kml")
    with pytest.raises(ValidationError, match="Không có lớp bản đồ"):
        layer.export("bts", tmp_path / "bts.geojson")


def test_a_viewer_sees_but_does_not_export(services: Services, tmp_path: Path) -> None:
    _station(services)
    services.security.add_user("xem", "Người xem", "mat-khau-1", ["viewer"], must_change=False)
    viewer = services.as_actor(services.security.login("xem", "mat-khau-1"))
    assert len(viewer.point_layers.points("loudspeaker_clusters")) == 3
    with pytest.raises(PermissionDeniedError):
        viewer.point_layers.export("loudspeaker_clusters", tmp_path / "x.geojson")
    assert not list(tmp_path.glob("x*"))


def test_the_departments_consent_writes_the_station_awaiting_its_licence(
        services: Services) -> None:
    """TT 05/2015 Art. 14(1)(b): the consent goes with the commune's frequency-licence
    application; the station it names enters the register, waiting for that licence."""
    import datetime as dt

    from tests.documents.helpers import pdf_text
    from tests.permit_samples import SAMPLES

    commune = services.parties.add(kind="org", name="Ủy ban nhân dân xã Thanh Tuyền",
                                   tax_code="3700999111", district_code="720",
                                   commune_code=services.reference.districts()[720]
                                   .communes[0][0], address="Xã Thanh Tuyền")
    code = services.dossiers.receive("grassroots.commune_radio.consent", commune["id"],
                                     received_at=dt.datetime(2024, 3, 1, 9))["code"]
    services.dossiers.act(code, "start_appraisal")
    services.dossiers.act(code, "approve")
    consent = services.permits.issue(code, subject="", on=dt.date(2024, 3, 15),
                                     details=SAMPLES["grassroots.commune_radio"])
    [station] = services.registers.iter_records("commune_radio_stations")
    assert (station["station_name"], station["technology"], station["state"]) == (
        "Đài truyền thanh không dây xã Thanh Tuyền", "fm", "planned")
    assert (float(station["frequency"]), float(station["transmitter_power"])) == (54.5, 50.0)
    assert (station["consent_no"], station["consent_date"], station["managed_by"]) == (
        consent["number"], dt.date(2024, 3, 15), "Ủy ban nhân dân xã Thanh Tuyền")
    text = pdf_text(services.documents.render("permit", consent["number"]).pdf)
    assert "Tần số: 54,5 MHz" in text and "Công suất máy phát: 50 W" in text
    raw = {"station_name": station["station_name"], "district_code": "720",
           "commune_code": str(station["commune_code"]), "technology": "fm",
           "frequency": "54,5", "state": "active"}
    with pytest.raises(ValidationError, match="phải có giấy phép sử dụng tần số"):  # on air
        services.registers.update("commune_radio_stations", station["id"], raw,
                                  expected_version=station["version"])
    on_air = services.registers.update("commune_radio_stations", station["id"],
                                       {**raw, "rf_licence_no": "1234/GP-CTS"},
                                       expected_version=station["version"])
    assert on_air["state"] == "active"


def test_a_frequency_licence_coming_to_its_end_is_counted_and_filtered(
        services: Services) -> None:
    """Issue #17 (radio frequency): the station's frequency licence, which the consent letter
    leads to, is watched for its expiry — 90 days ahead, the ceased stations left out."""
    import datetime as dt

    from sotttt_desktop.core import clock
    from sotttt_desktop.services.registers import RegisterFilter

    clock.set_working_date(dt.date(2026, 3, 1))
    _station(services, technology="fm", frequency="56,5", rf_licence_no="123/GP-CTS",
             rf_licence_until="15/05/2026")
    _station(services, commune="25750", station_name="Đài truyền thanh phường Hiệp Thành",
             technology="fm", frequency="58", rf_licence_no="124/GP-CTS",
             rf_licence_until="15/02/2026")
    _station(services, commune="25753", station_name="Đài truyền thanh phường Chánh Nghĩa",
             technology="fm", frequency="60", rf_licence_no="125/GP-CTS",
             rf_licence_until="15/01/2026", state="ceased")
    [stations] = [r for r in services.overview.area("grassroots")["registers"]
                  if r["register"] == "commune_radio_stations"]
    assert stations["due"] == {"days": 90, "count": 2, "overdue": 1}
    due = services.registers.iter_records("commune_radio_stations",
                                          RegisterFilter(due_by=dt.date(2026, 5, 30)))
    assert sorted(row["rf_licence_no"] for row in due) == ["123/GP-CTS", "124/GP-CTS"]
