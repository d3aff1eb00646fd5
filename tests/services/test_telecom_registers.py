"""The register of antenna masts and BTS sites (issue #17): the not-bulky test computed from the
two heights, the building permit or its exemption, a spreadsheet of sites with coordinates in
decimal degrees and in degrees, minutes and seconds previewed row by row (points outside the
province rejected with the reason) and committed at once, district officers seeing their
district only, export → import unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from sotttt_desktop.errors import ValidationError
from sotttt_desktop.registers.telecom import not_bulky_test
from sotttt_desktop.services import Services

REGISTER = "antenna_masts"


@pytest.fixture
def operator(services: Services) -> str:
    return services.parties.add(kind="org", name="Viễn thông Bình Dương (VNPT Bình Dương)",
                                tax_code="3700146225", district_code="718")["id"]


def _mast(operator: object, **changes: str) -> dict[str, object]:
    return {"site_code": "BDG-VNP-718-0001", "operator_id": str(operator),
            "address": "Số 10 đường Yersin, phường Phú Cường", "district_code": "718",
            "commune_code": "", "coordinates": "10°58'49\"N, 106°39'07\"E",
            "mounting": "building", "category": "A1a", "mast_height": "2,5",
            "building_height": "15", "state": "built",
            "exemption_basis": "TTLT 15/2016/TTLT-BTTTT-BXD", **changes}


def test_a_mast_on_a_building_is_not_bulky_only_when_low_enough(services: Services,
                                                                 operator: object) -> None:
    from decimal import Decimal

    passed, text = not_bulky_test(Decimal("2.5"), Decimal("15"))
    assert passed and text == ("cột cao 2,5 m, tối đa được 3 m (20 % chiều cao công trình 15 m "
                               "và không quá 3 m): không cồng kềnh.")
    assert not_bulky_test(Decimal("3.2"), Decimal("40"))[0] is False  # more than 3 m
    assert not_bulky_test(Decimal("2.5"), Decimal("10"))[0] is False  # more than 20 % of 10 m
    with pytest.raises(ValidationError) as refused:
        services.registers.create(REGISTER, _mast(operator, mast_height="2,5",
                                                  building_height="10"))
    assert refused.value.field_errors["category"].startswith(
        "Chỉ là cột không cồng kềnh khi cột đủ thấp: cột cao 2,5 m, tối đa được 2 m")
    assert services.registers.count(REGISTER) == 0
    created = services.registers.create(REGISTER, _mast(operator))
    assert created["coordinates"] == "10.980278, 106.651944"  # kept in decimal degrees
    shown = dict(services.registers.display(REGISTER, created))
    assert shown["Tọa độ"] == "10.980278, 106.651944"
    assert shown["Doanh nghiệp viễn thông"].startswith("Viễn thông Bình Dương")
    # shown with it: the test in words, and how many share it (derived from its rows)
    assert services.registers.remarks(REGISTER, created) == [
        "Kiểm tra cột ăng ten không cồng kềnh: cột cao 2,5 m, tối đa được 3 m (20 % chiều cao "
        "công trình 15 m và không quá 3 m): không cồng kềnh."]
    shared = services.registers.create(REGISTER, _mast(
        operator, site_code="BDG-VNP-718-0009",
        sharing="MobiFone | 01/02/2024\nVietnamobile | 01/03/2024"))
    assert services.registers.remarks(REGISTER, shared)[0] == (
        "Dùng chung: 2 doanh nghiệp ngoài doanh nghiệp sở hữu.")
    # a bulky mast on the ground needs its building permit once built
    with pytest.raises(ValidationError) as refused:
        services.registers.create(REGISTER, _mast(
            operator, site_code="BDG-VNP-718-0002", mounting="ground", building_height="",
            category="A2b", mast_height="42", exemption_basis=""))
    assert set(refused.value.field_errors) == {"building_permit_no"}
    with pytest.raises(ValidationError) as refused:
        services.registers.create(REGISTER, _mast(
            operator, site_code="BDG-VNP-718-0003", mounting="ground", category="A1a",
            inspected_on="01/03/2024", inspection_due="01/02/2024"))
    assert set(refused.value.field_errors) == {"building_height", "category", "inspection_due"}


def _sites(path: Path, operator_name: str, rows: int = 300) -> dict[str, list[int]]:
    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Mã trạm", "Nhà mạng", "Địa chỉ", "Huyện", "Tọa độ", "Vị trí lắp đặt",
                  "Loại cột", "Chiều cao cột", "Số giấy phép xây dựng", "Trạng thái"])
    planted: dict[str, list[int]] = {"outside": [], "bad": [], "dms": []}
    for n in range(1, rows + 1):
        line = n + 1
        latitude, longitude = 10.95 + (n % 40) * 0.01, 106.60 + (n % 25) * 0.01
        if n % 2:
            degrees, minutes = int(latitude), (latitude - int(latitude)) * 60
            lon_deg, lon_min = int(longitude), (longitude - int(longitude)) * 60
            point = f"{degrees}°{minutes:.4f}'N {lon_deg}°{lon_min:.4f}'E"
            planted["dms"].append(line)
        else:
            point = f"{latitude:.5f}, {longitude:.5f}"
        if n % 61 == 0:
            point = "21°01'42\"N, 105°51'15\"E"  # Hà Nội
            planted["outside"].append(line)
        elif n % 73 == 0:
            point = "10°75'00\"N, 106°39'07\"E"  # 75 minutes
            planted["bad"].append(line)
        sheet.append([n, f"BDG-{n:05d}", operator_name, f"Số {n} Quốc lộ 13", "Thuận An",
                      point, "Dưới đất", "A2b", 30 + n % 20, f"{n}/GPXD", "Đã xây dựng"])
    book.save(path)
    return planted


def test_sites_with_both_kinds_of_coordinates_are_imported_at_once(
        services: Services, operator: object, tmp_path: Path) -> None:
    path = tmp_path / "tram-bts.xlsx"
    planted = _sites(path, "3700146225")
    preview = services.register_files.preview(REGISTER, path)
    rows = {row.line: row for row in preview.rows}
    for line in planted["outside"]:
        assert rows[line].action == "reject"
        assert rows[line].messages[0].startswith("Tọa độ: Vị trí này nằm ngoài địa bàn tỉnh")
    for line in planted["bad"]:
        assert rows[line].action == "reject"
        assert "10°58'49\"N" in rows[line].messages[0]
    rejected = len(planted["outside"]) + len(planted["bad"])
    assert preview.counts() == {"create": 300 - rejected, "update": 0, "unchanged": 0,
                                "reject": rejected}
    dms = next(line for line in planted["dms"] if rows[line].action == "create")
    assert rows[dms].values["coordinates"].count(".") == 2  # decimal degrees
    with pytest.raises(ValidationError):
        services.register_files.commit(REGISTER, path)
    assert services.registers.count(REGISTER) == 0  # all or nothing
    services.register_files.commit(REGISTER, path, skip_rejected=True)
    assert services.registers.count(REGISTER) == 300 - rejected
    exported = tmp_path / "xuat.xlsx"
    services.register_files.export(REGISTER, exported)
    assert services.register_files.preview(REGISTER, exported).counts()["unchanged"] == \
        300 - rejected
    # a district officer of Dĩ An sees none of Thuận An's masts
    services.security.add_user("huyen.di.an", "Cán bộ Dĩ An", "mat-khau-1",
                               ["district_officer"], must_change=False, district=724)
    officer = services.as_actor(services.security.login("huyen.di.an", "mat-khau-1"))
    assert REGISTER in officer.registers.of_area("telecom")
    assert officer.registers.count(REGISTER) == 0


def test_masts_whose_inspection_is_due_are_counted_and_filtered(services: Services,
                                                                operator: object) -> None:
    """Due within 30 days or overdue, a removed mast not counted: in the overview, as a filter
    (with the district), and in the register's view, by its check box."""
    import datetime as dt

    from sotttt_desktop.core import clock
    from sotttt_desktop.services.registers import RegisterFilter

    today = clock.local_today()
    for n, (days, state, district) in enumerate(((10, "built", "718"), (-5, "built", "718"),
                                                 (-40, "removed", "718"), (90, "built", "718"),
                                                 (20, "unsafe", "724"))):
        due = today + dt.timedelta(days=days)
        services.registers.create(REGISTER, _mast(
            operator, site_code=f"BDG-{n}", district_code=district, state=state,
            inspected_on=(due - dt.timedelta(days=1095)).strftime("%d/%m/%Y"),
            inspection_due=due.strftime("%d/%m/%Y")))
    due_by = today + dt.timedelta(days=30)
    assert services.registers.count(REGISTER, RegisterFilter(due_by=due_by)) == 3
    assert services.registers.count(REGISTER, RegisterFilter(
        equals={"district_code": 718}, due_by=due_by)) == 2
    [masts] = [r for r in services.overview.area("telecom")["registers"]
               if r["register"] == REGISTER]
    assert masts["due"] == {"days": 30, "count": 3, "overdue": 1}
    with pytest.raises(ValidationError):
        services.registers.count("printing_facilities", RegisterFilter(due_by=due_by))


def test_the_due_check_box_filters_the_view(qtbot, services: Services,  # noqa: ANN001
                                            operator: object) -> None:
    import datetime as dt

    from sotttt_desktop.core import clock
    from sotttt_desktop.ui.area_tab import overview_text
    from sotttt_desktop.ui.widgets.register_view import RegisterView

    today = clock.local_today()
    for n, days in enumerate((3, 200)):
        due = today + dt.timedelta(days=days)
        services.registers.create(REGISTER, _mast(
            operator, site_code=f"BDG-{n}", inspected_on=(due - dt.timedelta(days=1095))
            .strftime("%d/%m/%Y"), inspection_due=due.strftime("%d/%m/%Y")))
    view = RegisterView(services, REGISTER)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    assert view.due_filter is not None
    assert view.due_filter.text() == "Đến hạn kiểm định trong 30 ngày"
    view.due_filter.setChecked(True)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert "Đến hạn kiểm định trong 30 ngày: 1 (quá hạn 0)." in overview_text(services,
                                                                             "telecom")


def test_the_masts_are_a_map_layer(services: Services, operator: object, tmp_path: Path) -> None:
    """One Point feature per mast, [longitude, latitude] (RFC 7946), with its attributes in
    Vietnamese; the spreadsheet has a line per mast with latitude and longitude apart."""
    import json

    from openpyxl import load_workbook

    services.registers.create(REGISTER, _mast(operator))
    layer = services.point_layers
    assert layer.for_register(REGISTER).key == "antenna_masts"
    assert layer.export("antenna_masts", tmp_path / "cot.geojson") == 1
    collection = json.loads((tmp_path / "cot.geojson").read_text("utf-8"))
    [feature] = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [106.651944, 10.980278]}
    assert feature["properties"]["site_code"] == "BDG-VNP-718-0001"
    assert feature["properties"]["mounting"] == "Trên công trình"
    assert layer.export("antenna_masts", tmp_path / "cot.xlsx") == 1
    sheet = load_workbook(tmp_path / "cot.xlsx").active
    heading, row = list(sheet.iter_rows(values_only=True))[:2]
    assert heading[0] == "Mã trạm" and heading[-2:] == ("Vĩ độ", "Kinh độ")
    assert row[-2:] == (10.980278, 106.651944)
