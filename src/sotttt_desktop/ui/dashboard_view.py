"""The leaders' dashboard (issue #21): built when its page is first shown, its figures read off the
GUI thread (services/dashboard.py); every bar opens the list behind it — a month's late
dossiers, the desk filtered by area or to the overdue, a case kind's tab, the permits — and the
whole dashboard saves as a PNG."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.errors import AppError
from sotttt_desktop.i18n import LOCAL_TZ, N_, _, format_date
from sotttt_desktop.services.dashboard import (
    CASE_KINDS_SHOWN,
    COLOURS,
    STATE_GROUPS,
    open_by_area,
)
from sotttt_desktop.ui.background import run_in_background
from sotttt_desktop.ui.charts import BarChart
from sotttt_desktop.ui.qt_text import show_error
from sotttt_desktop.ui.rows_model import RowsModel, table_view

if TYPE_CHECKING:
    from sotttt_desktop.services import Services

def _area_name(key: str) -> str:
    from sotttt_desktop.areas import AREAS

    return next((_(a.title) for a in AREAS if a.key == key), key)


class DashboardView(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.figures: dict[str, Any] | None = None
        self._loading = False
        self.heading = QLabel()
        self.heading.setObjectName("dashboard_heading")
        refresh = QPushButton(_("&Refresh"))
        refresh.setObjectName("dashboard_refresh")
        refresh.clicked.connect(self.load)
        save = QPushButton(_("Save as PNG…"))
        save.setObjectName("dashboard_save")
        save.clicked.connect(lambda: self.save_png())
        print_button = QPushButton(_("&Print…"))
        print_button.setObjectName("dashboard_print")
        print_button.setToolTip(_("Today's figures as a printed report, the charts in it"))
        print_button.clicked.connect(self.print_report)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(refresh)
        top.addWidget(print_button)
        top.addWidget(save)
        self.on_time = BarChart([_("Settled early or on time"), _("Settled late")],
                                stacked=True, colours=COLOURS["on_time"])
        self.by_area = BarChart([_(name) for name, _states in STATE_GROUPS], stacked=True,
                                colours=COLOURS["by_area"])
        self.by_unit = BarChart([_("Overdue"), _("Due within 3 days")],
                                colours=COLOURS["by_unit"])
        self.cases = BarChart([_("Past a clock"), _("Due within 3 days"), _("Clock running")],
                              colours=COLOURS["cases"])
        self.expiring = BarChart([_("Permits ending within 90 days")], colours=COLOURS["expiring"])
        for chart, name in ((self.on_time, "chart_on_time"), (self.by_area, "chart_by_area"),
                            (self.by_unit, "chart_by_unit"), (self.cases, "chart_cases"),
                            (self.expiring, "chart_expiring")):
            chart.setObjectName(name)
            chart.empty_text = _("Nothing to show.")
        self.on_time.bar_clicked.connect(self.open_month)
        self.by_area.bar_clicked.connect(self.open_area)
        self.by_unit.bar_clicked.connect(lambda _i: self.open_overdue())
        self.cases.bar_clicked.connect(self.open_case_kind)
        self.expiring.bar_clicked.connect(lambda _i: self.open_permits())
        self.officers = QLabel()
        self.officers.setObjectName("dashboard_officers")
        self.officers.setWordWrap(True)
        grid = QGridLayout()
        for index, (title, widget) in enumerate((
                (_("Dossiers settled early or on time, by month"), self.on_time),
                (_("Open dossiers by area"), self.by_area),
                (_("Overdue and at-risk dossiers by unit"), self.by_unit),
                (_("Open cases by their clocks"), self.cases),
                (_("Permits ending soon, by area"), self.expiring),
                (_("Open cases by officer"), self.officers))):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(widget)
            grid.addWidget(box, index // 2, index % 2)
        self.page = QWidget()
        self.page.setObjectName("dashboard_page")
        page_layout = QVBoxLayout(self.page)
        page_layout.addLayout(top)
        page_layout.addLayout(grid, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.page)
        self.load()

    def load(self) -> None:
        if self._loading:
            return
        self._loading = True
        self.heading.setText(_("Reading the figures…"))
        run_in_background(self._services.dashboard.figures, parent=self, on_done=self.show_figures,
                          on_error=self._failed)

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        if not isinstance(error, AppError):
            raise error
        self.heading.setText(str(error))

    def show_figures(self, figures: dict[str, Any]) -> None:
        self._loading = False
        self.figures = figures
        self.heading.setText(_("The Department's work on {day}").format(
            day=format_date(figures["today"])))
        self._show_dossiers(figures)
        cases = figures["cases"][:CASE_KINDS_SHOWN]
        self.cases.set_data([_(row["label"]) for row in cases],
                            [[row["overdue"], row["at_risk"], row["running"]] for row in cases])
        expiring = figures["expiring"]
        self.expiring.set_data([_area_name(row["area"]) for row in expiring],
                               [[row["count"]] for row in expiring])
        officers = figures["officers"]
        self.officers.setText("\n".join(
            _("{name}: {open} open, {overdue} past a clock").format(**row)
            for row in sorted(officers, key=lambda r: -r["open"])) or _("Nothing to show."))

    def _show_dossiers(self, figures: dict[str, Any]) -> None:
        unseen = self._services.refusal("one_stop", "view")
        for chart in (self.on_time, self.by_area, self.by_unit):
            chart.empty_text = unseen or _("Nothing to show.")
        if figures["on_time"] is None:
            for chart in (self.on_time, self.by_area, self.by_unit):
                chart.set_data([], [])
            return
        months = figures["on_time"]
        self.on_time.set_data(
            [f"{m['month'][5:]}/{m['month'][2:4]}" for m in months],
            [[m["on_time"], m["late"]] for m in months],
            [f"{m['rate']:.0f}%" if m["rate"] is not None else "" for m in months])
        areas = open_by_area(figures["by_area_state"])
        self._areas = [area for area, _counts in areas]
        self.by_area.set_data([_area_name(a) for a in self._areas],
                              [counts for _area, counts in areas])
        units = figures["by_unit"]
        self.by_unit.set_data([row["name"] for row in units],
                              [[row["overdue"], row["at_risk"]] for row in units])

    def print_report(self) -> object:
        """Today's dashboard as a printed report (documents/templates/dashboard.py)."""
        from sotttt_desktop.ui.document_preview import preview

        return preview(self._services, "dashboard", "today", _("Dashboard"), self)

    # --- the lists behind the bars ---------------------------------------------------------------

    def _window(self) -> Any:  # noqa: ANN401 - the main window, when the view is in one
        window = self.window()
        return window if hasattr(window, "area_tab") else None

    def _desk(self) -> Any:  # noqa: ANN401
        window = self._window()
        return window.area_tab("one_stop").custom if window else None

    def open_month(self, index: int) -> LateDossiersDialog | None:
        if not self.figures or not self.figures["on_time"]:
            return None
        month = self.figures["on_time"][index]["month"]
        try:
            rows = self._services.dashboard.late_in_month(month)
        except AppError as error:
            show_error(self, str(error))
            return None
        dialog = LateDossiersDialog(month, rows, self)
        dialog.open()
        return dialog

    def open_area(self, index: int) -> None:
        desk = self._desk()
        if desk is None:
            return
        view = desk.dossiers
        desk.tabs.setCurrentWidget(view)
        view.area.setCurrentIndex(max(view.area.findData(self._areas[index]), 0))

    def open_overdue(self) -> None:
        desk = self._desk()
        if desk is not None:
            desk.tabs.setCurrentWidget(desk.dossiers)
            desk.dossiers.overdue.setChecked(True)

    def open_case_kind(self, index: int) -> None:
        window = self._window()
        if window is not None and self.figures:
            area = self.figures["cases"][index]["area"]
            if area:
                window.area_tab(area)

    def open_permits(self) -> None:
        desk = self._desk()
        if desk is not None:
            desk.tabs.setCurrentWidget(desk.permits)

    def save_png(self, path: str | None = None) -> bool:
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self, _("Save as PNG"), "dashboard.png",
                                                        "PNG (*.png)")
            if not path:
                return False
        if not self.page.grab().save(path, "PNG"):
            show_error(self, _("Cannot write {path}.").format(path=path), _("Save as PNG"))
            return False
        self.heading.setText(_("Written to {path}.").format(path=path))
        return True


class LateDossiersDialog(QDialog):
    """The dossiers settled late in a month (the list behind a bar of the on-time chart)."""

    HEADERS = (N_("Code"), N_("Procedure"), N_("Due"), N_("Settled on"), N_("Unit"))

    def __init__(self, month: str, rows: list[dict[str, Any]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Dossiers settled late in {month}").format(
            month=f"{month[5:]}/{month[:4]}"))
        self.model = RowsModel([_(h) for h in self.HEADERS])
        self.model.set_rows([[r["code"], r["procedure_name"], format_date(r["due"]),
                              format_date(r["decided_at"].astimezone(LOCAL_TZ).date()),
                              r["unit"] or ""] for r in rows], [r["code"] for r in rows])
        table = table_view(self.model)
        table.setObjectName("late_dossiers")
        table.resizeColumnsToContents()
        close = QPushButton(_("Close"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("{count} dossier(s)").format(count=len(rows))))
        layout.addWidget(table)
        layout.addWidget(close)
        self.resize(900, 500)
