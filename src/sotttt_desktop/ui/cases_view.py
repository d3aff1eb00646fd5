"""The declared cases of one area: soonest due first, coloured by clock status, and the
selected case's clocks explained step by step with its timeline."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.core.cases import kinds
from sotttt_desktop.errors import AppError
from sotttt_desktop.i18n import N_, _, format_date
from sotttt_desktop.ui.rows_model import RowsModel, table_view

if TYPE_CHECKING:
    import datetime as dt

    from sotttt_desktop.services import Services

# the colour of a row follows core.cases.status, the one rule of every list
STATUS_COLOURS = {"overdue": "#f8d0d0", "at_risk": "#fde9c8", "early": "#d8f0d8",
                  "late": "#f8d0d0"}
HEADERS = (N_("Code"), N_("Kind"), N_("State"), N_("Deadline"), N_("Due status"), N_("Subject"))


def area_has_cases(area: str) -> bool:
    return any(spec.area == area for spec in kinds().values())


def _due(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return "—"
    return value.strftime("%d/%m/%Y %H:%M") if hasattr(value, "hour") else format_date(value)


class CasesView(QWidget):
    def __init__(self, services: Services, area: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._area = area
        self.kind = QComboBox()
        self.kind.addItem(_("All kinds"), None)
        for spec in kinds().values():
            if spec.area == area:
                self.kind.addItem(_(spec.label), spec.kind)
        self.overdue = QCheckBox(_("Overdue only"))
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.overdue.toggled.connect(lambda _on: self.refresh())
        self.count_label = QLabel()
        filters = QHBoxLayout()
        for widget in (self.kind, self.overdue):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        self.model = RowsModel([_(h) for h in HEADERS])
        self.table = table_view(self.model)
        self.table.setObjectName("case_table")
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.show_selected())
        self.detail = QTextBrowser()
        self.detail.setObjectName("case_detail")
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        self.refresh()

    def refresh(self) -> None:
        try:
            rows = self._services.cases.list(kind=self.kind.currentData(), area=self._area,
                                             overdue=self.overdue.isChecked(), limit=1000)
        except AppError as error:
            self.count_label.setText(str(error))
            return
        self.model.set_rows(
            [[r["code"], r["kind_label"], r["state_label"], _due(r["due"]), r["status_label"],
              r["title"]] for r in rows],
            [r["code"] for r in rows], [STATUS_COLOURS.get(r["status"] or "") for r in rows])
        self.table.resizeColumnsToContents()
        self.count_label.setText(_("{count} cases").format(count=len(rows)))
        self.detail.clear()

    def show_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        try:
            case = self._services.cases.show(self.model.keys[rows[0].row()])
        except AppError as error:
            self.detail.setPlainText(str(error))
            return
        lines = [f"<b>{escape(case['code'])}</b> — {escape(case['title'])}<br>"
                 f"{escape(case['state_label'])}"]
        for clock in case["clocks"]:
            status = f" ({clock['status_label']})" if clock["status_label"] else ""
            lines.append(f"<p><b>{escape(clock['label'])}: {_due(clock['due'])}</b>{status}<br>"
                         f"<i>{escape(clock['basis'])}</i><br>"
                         + "<br>".join(escape(line) for line in clock["explanation"]))
        lines.append(f"<p><b>{_('Timeline')}</b><br>" + "<br>".join(
            escape(f"{e['at'].strftime('%d/%m/%Y %H:%M')} {e['step_label']}"
                   + (f" [{e['decision']}]" if e["decision"] else "") + f" {e['detail']}")
            for e in case["timeline"]))
        self.detail.setHtml("".join(lines))
