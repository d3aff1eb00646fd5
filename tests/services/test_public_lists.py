"""The list of public game points the Department publishes (issue #16): the points whose
certificate is in force on the day, grouped by district, in the declared columns, printed as
"DANH SÁCH" on A4 landscape and saved as a spreadsheet with the same columns; a viewer may look
but not export."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from sotttt_desktop.errors import PermissionDeniedError, ValidationError
from sotttt_desktop.services import Services

ON = dt.date(2024, 11, 29)


def _point(services: Services, address: str, district: str, licence: str, issued: str,
           until: str, state: str = "active") -> None:
    services.registers.create("game_points", {
        "point_address": address, "point_name": f"Điểm trò chơi {licence}",
        "holder_name": "Hộ kinh doanh Nguyễn Văn Bình", "district_code": district,
        "owner_name": "Nguyễn Văn Bình", "floor_area": "60 m²", "licence_no": licence,
        "licence_date": issued, "valid_until": until, "state": state})


@pytest.fixture
def listed(services: Services) -> Services:
    _point(services, "Số 5 đường Yersin, phường Phú Cường", "718", "12/GCN-STTTT", "05/03/2023",
           "05/03/2026")
    _point(services, "Số 9 đường Nguyễn An Ninh, phường Dĩ An", "724", "07/GCN-STTTT",
           "02/01/2024", "02/01/2027")
    _point(services, "Số 1 đường ĐT743, phường Bình Hòa", "725", "03/GCN-STTTT", "10/10/2021",
           "10/10/2024")  # lapsed
    _point(services, "Số 2 đường Cách Mạng Tháng Tám, phường Lái Thiêu", "725", "15/GCN-STTTT",
           "01/06/2024", "01/06/2027", state="suspended")
    _point(services, "Số 4 đường 30/4, phường Chánh Nghĩa", "718", "20/GCN-STTTT", "02/12/2024",
           "02/12/2027")  # certified after the day
    return services


def test_the_list_holds_the_points_in_force_by_district(listed: Services) -> None:
    lists = listed.public_lists
    assert lists.headings("game_points") == [
        "STT", "Tên điểm cung cấp dịch vụ", "Địa chỉ điểm cung cấp dịch vụ",
        "Huyện, thị xã, thành phố", "Chủ điểm cung cấp dịch vụ", "Số Giấy chứng nhận",
        "Ngày cấp", "Có hiệu lực đến ngày", "Tổng diện tích các phòng máy (m²)"]
    rows = lists.rows("game_points", ON)
    assert [(r[0], r[5]) for r in rows] == [("1", "07/GCN-STTTT"), ("2", "12/GCN-STTTT")]
    assert rows[0][3] == "Thành phố Dĩ An" and rows[0][6:8] == ["02/01/2024", "02/01/2027"]
    assert len(lists.rows("game_points", dt.date(2024, 12, 2))) == 3  # the new one is listed


def test_the_list_is_printed_and_saved_with_the_same_columns(listed: Services,
                                                              tmp_path: Path) -> None:
    from openpyxl import load_workbook

    ref = listed.public_lists.ref("game_points", ON)
    rendered = listed.documents.render("public-list", ref)
    pdf = tmp_path / "list.pdf"
    pdf.write_bytes(rendered.pdf)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "DANH SÁCH" in text and "(Tính đến ngày 29/11/2024)" in text
    assert "Số 9 đường Nguyễn An Ninh" in text and "Tổng số: 2 điểm." in text
    assert "ĐT743" not in text  # lapsed
    size = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    assert "842 x 595" in size or "841.89 x 595.276" in size  # A4 landscape
    sheet_path = tmp_path / "list.xlsx"
    assert listed.public_lists.export("game_points", sheet_path, ON) == 2
    sheet = load_workbook(sheet_path).active
    assert [c.value for c in sheet[1]] == listed.public_lists.headings("game_points")
    assert sheet.cell(2, 6).value == "07/GCN-STTTT"
    assert sheet.cell(2, 7).value == dt.datetime(2024, 1, 2)  # a real date in a spreadsheet
    assert sheet.max_row == 3
    assert listed.audit.entries()[0]["action"] == "export"


def test_bad_requests_and_rights(listed: Services, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="Không có danh sách công khai websites"):
        listed.public_lists.rows("websites", ON)
    with pytest.raises(ValidationError, match="MÃ:YYYY-MM-DD"):
        listed.documents.render("public-list", "game_points:hôm nay")
    with pytest.raises(ValidationError, match=r"\.xlsx"):
        listed.public_lists.export("game_points", tmp_path / "list.pdf", ON)
    listed.security.add_user("xem", "Người xem", "mat-khau-1", ["viewer"], must_change=False)
    viewer = listed.as_actor(listed.security.login("xem", "mat-khau-1"))
    assert len(viewer.public_lists.rows("game_points", ON)) == 2  # a viewer may look
    with pytest.raises(PermissionDeniedError):
        viewer.public_lists.export("game_points", tmp_path / "list.xlsx", ON)
    assert not (tmp_path / "list.xlsx").exists()
