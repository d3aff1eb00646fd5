"""The grassroots tab keeps the commune radio stations (issue #16), and their loudspeaker clusters
are saved as a map layer from the register; a viewer's button says why not."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from sotttt_desktop.areas import AREAS
from sotttt_desktop.services import Services
from sotttt_desktop.ui.area_tab import AreaTab
from sotttt_desktop.ui.widgets.register_view import RegisterView
from tests.services.test_commune_radio import _station


def test_the_tab_lists_the_stations_and_saves_the_map(qtbot, services: Services,  # noqa: ANN001
                                                       tmp_path: Path,
                                                       monkeypatch) -> None:  # noqa: ANN001
    _station(services)
    tab = AreaTab(services, next(a for a in AREAS if a.key == "grassroots"))
    qtbot.addWidget(tab)
    tab.show()
    view = tab.show_register("commune_radio_stations")
    assert view is not None
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.public_list_button is None and view.map_button.isEnabled()
    target = tmp_path / "cum-loa.geojson"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda *_a, **_k: (str(target), "GeoJSON (*.geojson)"))
    qtbot.mouseClick(view.map_button, Qt.MouseButton.LeftButton)
    assert len(json.loads(target.read_text("utf-8"))["features"]) == 2
    assert "Đã ghi 2 điểm" in view.count_label.text()


def test_a_viewer_may_not_save_the_map(qtbot, services: Services) -> None:  # noqa: ANN001
    services.security.add_user("xem", "Người xem", "mat-khau-1", ["viewer"], must_change=False)
    viewer = services.as_actor(services.security.login("xem", "mat-khau-1"))
    view = RegisterView(viewer, "commune_radio_stations")
    qtbot.addWidget(view)
    assert not view.map_button.isEnabled() and "không có quyền" in view.map_button.toolTip()
