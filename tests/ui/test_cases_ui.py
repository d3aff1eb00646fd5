"""The declared cases of an area in its tab: soonest due first, coloured by the one status rule,
the selected case's clocks explained."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from sotttt_desktop.areas import AREAS
from sotttt_desktop.i18n import LOCAL_TZ
from sotttt_desktop.services import Services
from sotttt_desktop.ui.area_tab import AreaTab
from sotttt_desktop.ui.cases_view import STATUS_COLOURS, CasesView


def test_an_area_with_declared_cases_lists_them(qtbot, services: Services,  # noqa: ANN001
                                                tmp_path: Path) -> None:
    now = dt.datetime.now(LOCAL_TZ).replace(tzinfo=None, second=0, microsecond=0)
    late = services.cases.open("takedown_request", "Quảng cáo <b>sai</b> trên nền tảng X",
                               at=now - dt.timedelta(hours=30))["code"]
    report = services.cases.open("ads_annual_report", "Báo cáo năm", at=now)["code"]
    services.cases.open("denunciation", "Tố cáo (khu vực khác)", at=now)
    tab = AreaTab(services, next(a for a in AREAS if a.key == "e_information"))
    qtbot.addWidget(tab)
    assert tab.findChild(QLabel, "area_pending") is None
    view = tab.findChild(CasesView)
    assert view is not None and view.model.keys == [late, report]  # its area only, due order
    colour = view.model.data(view.model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    assert colour.color().name() == STATUS_COLOURS["overdue"]
    assert view.model.data(view.model.index(0, 4)) == "quá hạn"
    view.table.selectRow(0)
    html = view.detail.toHtml()
    assert "Thời hạn 24 giờ." in view.detail.toPlainText() and "<b>sai</b>" not in html
    view.overdue.setChecked(True)
    assert view.model.keys == [late]
    view.overdue.setChecked(False)
    tab.resize(1100, 500)
    view.table.selectRow(0)
    tab.grab().save(str(tmp_path / "cases.png"))
    assert (tmp_path / "cases.png").stat().st_size > 0
    view.kind.setCurrentIndex(view.kind.findData("ads_annual_report"))
    assert view.model.keys == [report]
