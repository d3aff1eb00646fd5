"""The new registers of issue #16 in their tabs, used as a clerk would: New… opens the declared
form, a wrong value is shown beside its field and nothing is written, a right one lands in the
list; the year of a plan reads 2024; the overview names the cases near their deadline; a district
officer sees the grassroots means of his district only."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from sotttt_desktop.areas import AREAS
from sotttt_desktop.registers import get_register
from sotttt_desktop.services import Services
from sotttt_desktop.ui.area_tab import AreaTab
from sotttt_desktop.ui.dialogs.record_form import RecordFormDialog

# register → (a value the form refuses, then the values it accepts)
FORMS = {
    "ad_violations": ({"forwarded_on": ""}, {
        "entry_no": "001/2024", "detected_at": "05/11/2024 09:40", "source": "monitoring",
        "medium": "social_network", "location": "https://www.tiktok.com/@vay.nhanh/video/1",
        "origin": "cross_border", "action": "forwarded", "forwarded_no": "1203/STTTT-TTBCXB",
        "forwarded_on": "06/11/2024"}),
    "external_plans": ({"year": "24"}, {
        "plan_no": "1914/KH-UBND", "year": "2024", "plan_kind": "annual",
        "title": "Kế hoạch thông tin đối ngoại năm 2024", "state": "drafting",
        "activities": "Tọa đàm đầu tư | Quý II/2024 | Thủ Dầu Một | Nhà đầu tư | event"}),
    "district_stations": ({"frequency": "56,5"}, {
        "district_code": "718", "station_name": "Trung tâm VH-TT-TT thành phố Thủ Dầu Một",
        "technology": "fm", "frequency": "97,5", "rf_licence_no": "12/GP-CTS",
        "state": "active"}),
    "source_bulletins": ({"approved_by": ""}, {
        "bulletin_no": "TTN-2024-0001", "provider_level": "provincial",
        "provider": "Sở Thông tin và Truyền thông", "title": "Phòng chống lừa đảo qua mạng",
        "scheduled_at": "20/11/2024 17:30", "broadcast_at": "20/11/2024 17:30",
        "approved_by": "Trần Minh Hải"}),
    "grassroots_means": ({"phone": "12"}, {
        "code": "TTV-25747-01", "means": "propagandist", "name": "Lê Thị Hoa",
        "district_code": "718", "commune_code": "25747", "phone": "0912345678",
        "state": "active"}),
}


def _tab(services: Services, area: str) -> AreaTab:
    return AreaTab(services, next(a for a in AREAS if a.key == area))


def test_each_new_register_is_filled_from_its_tab(qtbot, services: Services) -> None:  # noqa: ANN001
    tabs = {area: _tab(services, area) for area in ("e_information", "grassroots")}
    for tab in tabs.values():
        qtbot.addWidget(tab)
        tab.show()
    refused: dict[str, str] = {}
    for key, (wrong, right) in FORMS.items():
        area = "e_information" if key == "ad_violations" else "grassroots"
        view = tabs[area].show_register(key)
        assert view is not None and view.isVisible() and view.new_button.isEnabled(), key

        def fill(key: str = key, wrong: dict = wrong, right: dict = right) -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, RecordFormDialog)
            QTimer.singleShot(5_000, dialog.reject)  # never left open by a failed check
            for name, text in {**right, **wrong}.items():
                dialog.set_text(name, text)
            dialog._save()
            assert dialog.saved_record is None, key
            refused[key] = next(iter(n for n in wrong if dialog.error_text(n)), "")
            for name, text in right.items():
                dialog.set_text(name, text)
            dialog._save()

        QTimer.singleShot(50, fill)
        qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
        assert services.registers.count(key) == 1, key
        qtbot.waitUntil(lambda view=view: view.model.rowCount() == 1)
    assert refused == {key: next(iter(wrong)) for key, (wrong, _right) in FORMS.items()}
    plans = tabs["grassroots"].show_register("external_plans")
    column = [f.name for f in get_register("external_plans").table_fields].index("year")
    assert plans.model.data(plans.model.index(0, column)) == "2024"  # a year, not 2.024


def test_the_overview_names_a_takedown_past_its_hours(qtbot, services: Services) -> None:  # noqa: ANN001
    import datetime as dt

    from sotttt_desktop.core import clock

    now = clock.local_now().replace(tzinfo=None, second=0, microsecond=0)
    late = services.cases.open("takedown_request", "Quá 24 giờ", at=now - dt.timedelta(hours=30),
                               data={"item": "https://x.vn/1", "platform": "Facebook"})
    tab = _tab(services, "e_information")
    qtbot.addWidget(tab)
    tab.show()
    assert f"Vụ việc quá hạn hoặc sắp đến hạn: 1 (quá hạn 1): {late['code']} quá hạn" in \
        tab.overview.text()


def test_a_district_officer_sees_the_means_of_his_district(qtbot, services: Services) -> None:  # noqa: ANN001
    services.registers.create("grassroots_means", FORMS["grassroots_means"][1])
    services.registers.create("grassroots_means", {
        "code": "BTC-720-01", "means": "board", "name": "Bảng tin UBND thị trấn Dầu Tiếng",
        "district_code": "720", "commune_code": str(services.reference.districts()[720]
                                                    .communes[0][0]), "state": "active"})
    services.security.add_user("vanhoa", "Cán bộ văn hóa", "mat-khau-1", ["district_officer"],
                               district=718, must_change=False)
    officer = services.as_actor(services.security.login("vanhoa", "mat-khau-1"))
    tab = _tab(officer, "grassroots")
    qtbot.addWidget(tab)
    tab.show()
    view = tab.show_register("grassroots_means")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.new_button.isEnabled()
