"""The Reports tab (issue #21): the reports due this month (and those past due, not sent), the
one-stop statistics of Biểu 06/VPCP/KSTT for any period and unit — counted off the GUI thread,
printed and exported to Excel — and the reports recorded as sent. Every rule is the services'."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.core import report_periods
from sotttt_desktop.core.clock import local_today
from sotttt_desktop.errors import AppError
from sotttt_desktop.i18n import N_, _, format_date
from sotttt_desktop.i18n import format_number as fmt_number
from sotttt_desktop.ui.background import run_in_background
from sotttt_desktop.ui.qt_text import accept_if_done, confirm_buttons, error_label, show_error
from sotttt_desktop.ui.rows_model import RowsModel, table_view

if TYPE_CHECKING:
    from sotttt_desktop.services import Services

DUE_HEADERS = (N_("Due on"), N_("State"), N_("Report"), N_("Reporting period"),
               N_("Recipient"), N_("Drafted as"))
DUE_STATES = {"due": N_("due this month"), "overdue": N_("past due"), "sent": N_("sent")}
DUE_COLOURS = {"overdue": "#f8d7da", "due": "#fff3cd", "sent": None}
COUNT_HEADERS = (N_("Area / procedure"), N_("Dossiers received"), N_("Carried over"),
                 N_("New online"), N_("New at the counter, by post"), N_("Dossiers settled"),
                 N_("Settled early"), N_("Settled on time"), N_("Settled late"),
                 N_("Dossiers pending"), N_("Pending within the limit"), N_("Pending overdue"),
                 N_("Dossiers withdrawn"))
SENT_HEADERS = (N_("Sent on"), N_("Number"), N_("Report"), N_("Reporting period"),
                N_("Signer"), N_("Sent by"))


def drafted_as(row: dict[str, Any]) -> str:
    """What drafts a report: the document's title, the case's kind, or nothing yet."""
    if row["document"]:
        from sotttt_desktop.documents.templates import templates

        return templates()[row["document"]].title
    if row["case"]:
        from sotttt_desktop.core.cases import kinds

        return _("a case: {kind}").format(kind=_(kinds()[row["case"]].label))
    if row.get("register"):
        from sotttt_desktop.registers import get_register

        return _("a register: {title}").format(title=_(get_register(row["register"]).title))
    return _("not drafted yet")


def last_quarter(today: dt.date) -> str:
    """The quarter before today's, cut off on the 14th as Biểu 06 is reported."""
    quarter = (today.month - 1) // 3
    year = today.year if quarter else today.year - 1
    return report_periods.period("quarter", year, quarter or 4, report_periods.CUTOFF).ref


class ReportsScreen(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._due_rows: list[dict[str, Any]] = []
        self._counting = False
        self.counts: dict[str, Any] | None = None
        splitter = QSplitter()
        splitter.setOrientation(splitter.orientation().Vertical)
        splitter.addWidget(self._due_box())
        splitter.addWidget(self._statistics_box())
        splitter.addWidget(self._sent_box())
        splitter.setSizes([290, 360, 150])
        # the dashboard is made when its page is first shown (its figures read off the GUI
        # thread): the Reports tab opens as fast without it
        self.dashboard: QWidget | None = None
        self.pages = QTabWidget()
        self.pages.setObjectName("reports_pages")
        self.pages.addTab(splitter, _("Reports and statistics"))
        self._dashboard_page = QWidget()
        QVBoxLayout(self._dashboard_page).setContentsMargins(0, 0, 0, 0)
        self.pages.addTab(self._dashboard_page, _("Dashboard"))
        self.pages.currentChanged.connect(self._page_shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.reload()

    def _page_shown(self, index: int) -> None:
        if self.pages.widget(index) is self._dashboard_page and self.dashboard is None:
            from sotttt_desktop.ui.dashboard_view import DashboardView

            self.dashboard = DashboardView(self._services, self._dashboard_page)
            self._dashboard_page.layout().addWidget(self.dashboard)

    def show_dashboard(self) -> QWidget:
        self.pages.setCurrentWidget(self._dashboard_page)
        assert self.dashboard is not None
        return self.dashboard

    # --- the calendar ----------------------------------------------------------------------

    def _due_box(self) -> QGroupBox:
        box = QGroupBox(_("Reports due this month, and past due not sent"))
        self.due_model = RowsModel([_(h) for h in DUE_HEADERS])
        self.due_table = table_view(self.due_model)
        self.due_table.setObjectName("reports_due_table")
        self.due_table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        self.print_due = QPushButton(_("&Print the draft…"))
        self.print_due.setObjectName("reports_print_due")
        self.print_due.clicked.connect(self.print_selected)
        self.record_sent = QPushButton(_("Record as &sent…"))
        self.record_sent.setObjectName("reports_record_sent")
        self.record_sent.clicked.connect(self.record_selected)
        self.due_note = QLabel()
        self.due_note.setObjectName("reports_due_note")
        self.due_note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.due_note, 1)
        buttons.addWidget(self.print_due)
        buttons.addWidget(self.record_sent)
        column = QVBoxLayout(box)
        column.addWidget(self.due_table)
        column.addLayout(buttons)
        column.addLayout(self._any_period_row())
        return box

    def _any_period_row(self) -> QHBoxLayout:
        """Any report the application prints, for any period (a past year, a half not due)."""
        from sotttt_desktop.services.reports import calendar

        self.any_report = QComboBox()
        self.any_report.setObjectName("reports_any_kind")
        for kind in calendar():
            if kind.document and self._services.refusal(kind.area, "view") is None:
                self.any_report.addItem(kind.name, kind.document)
        self.any_period = QLineEdit(str(local_today().year - 1))
        self.any_period.setObjectName("reports_any_period")
        self.any_period.setToolTip(self.period_hint())
        self.any_period.returnPressed.connect(self.print_any)
        self.print_any_button = QPushButton(_("Print for the &period…"))
        self.print_any_button.setObjectName("reports_print_any")
        self.print_any_button.clicked.connect(self.print_any)
        self.print_any_button.setEnabled(self.any_report.count() > 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Report:")))
        row.addWidget(self.any_report, 1)
        row.addWidget(QLabel(_("Period:")))
        row.addWidget(self.any_period)
        row.addWidget(self.print_any_button)
        return row

    @staticmethod
    def period_hint() -> str:
        return _("2024, 2024-11, 2024-Q3, 2024-H1, 2024-9M or 01/10/2024-31/12/2024; ~ at the "
                 "end: cut off on the 14th")

    def print_any(self) -> object:
        document, ref = self.any_report.currentData(), self.any_period.text().strip()
        if not document:
            return None
        if not ref:  # said, not silently ignored
            show_error(self, _("Type the period to print, e.g. {example}.").format(
                example=self.period_hint()), _("Print for the period"))
            self.any_period.setFocus()
            return None
        from sotttt_desktop.ui.document_preview import preview

        return preview(self._services, document, ref,
                       f"{self.any_report.currentText()} — {ref}", self)

    def selected_due(self) -> dict[str, Any] | None:
        rows = self.due_table.selectionModel().selectedRows()
        return self._due_rows[rows[0].row()] if rows else None

    def _enable(self) -> None:
        if hasattr(self, "withdraw"):
            refusal = self._services.refusal("reports", "sign")
            chosen = self.sent_table.selectionModel().selectedRows()
            self.withdraw.setEnabled(bool(chosen) and refusal is None)
        row = self.selected_due()
        self.print_due.setEnabled(bool(row and row["document"]))
        refusal = self._services.refusal("reports", "sign")
        self.record_sent.setEnabled(bool(row and not row["sent"]) and refusal is None)
        self.record_sent.setToolTip(refusal or "")
        if row is None:
            self.due_note.setText("")
        elif row["case"]:
            self.due_note.setText(_("Drafted as a case of its area's tab; record it here once "
                                    "sent."))
        elif row.get("register"):
            self.due_note.setText(_("Kept in its area's register, one entry per system; record "
                                    "it here once sent."))
        elif not row["drafted"]:
            self.due_note.setText(_("The application does not draft this report yet: prepare "
                                    "it outside and record it here once sent."))
        else:
            self.due_note.setText(row["unconfirmed"] and _("Unconfirmed: {what}").format(
                what=row["unconfirmed"]))

    def reload(self) -> None:
        try:
            self._due_rows = self._services.reports.due()
            sent = self._services.reports.instances()
        except AppError as error:
            self.due_note.setText(str(error))
            self._due_rows, sent = [], []
        self.due_model.set_rows(
            [[format_date(r["due"]), _(DUE_STATES[r["state"]]), r["name"], r["period_label"],
              r["recipient"], drafted_as(r)] for r in self._due_rows], [f"{r['key']}:{r['period']}" for r in self._due_rows],
            [DUE_COLOURS[r["state"]] for r in self._due_rows])
        self.due_table.resizeColumnsToContents()
        from sotttt_desktop.services.reports import CHANNELS

        self.sent_model.set_rows(
            [[format_date(r["sent_on"]), r["number"] or "", r["name"], r["period_label"],
              r["signer"],
              _(CHANNELS.get(r["channel"], r["channel"]))] for r in sent],
            [f"{r['key']}:{r['period']}" for r in sent])
        self.sent_table.resizeColumnsToContents()
        self._enable()

    def print_selected(self) -> object:
        row = self.selected_due()
        if not row or not row["document"]:
            return None
        from sotttt_desktop.ui.document_preview import preview

        return preview(self._services, row["document"], row["period"],
                       f"{row['name']} — {row['period_label']}", self)

    def record_selected(self) -> RecordSentDialog | None:
        row = self.selected_due()
        if not row or row["sent"]:
            return None
        dialog = RecordSentDialog(self._services, row, self)
        dialog.accepted.connect(self._recorded)
        dialog.open()
        return dialog

    def _recorded(self) -> None:
        self.reload()
        window = self.window()
        if hasattr(window, "count_reports_due"):  # the status bar's count
            window.count_reports_due()

    # --- Biểu 06 -----------------------------------------------------------------------------

    def _statistics_box(self) -> QGroupBox:
        box = QGroupBox(_("One-stop statistics (Biểu 06/VPCP/KSTT)"))
        self.period = QLineEdit(last_quarter(local_today()))
        self.period.setObjectName("statistics_period")
        self.period.setToolTip(self.period_hint())
        self.period.returnPressed.connect(self.count)
        self.unit = QComboBox()
        self.unit.setObjectName("statistics_unit")
        self.unit.addItem(_("The whole Department"), None)
        for code, name in self._services.dossiers.units().items():
            self.unit.addItem(name, code)
        self.count_button = QPushButton(_("&Count"))
        self.count_button.setObjectName("statistics_count")
        self.count_button.clicked.connect(self.count)
        self.print_counts = QPushButton(_("Print…"))
        self.print_counts.setObjectName("statistics_print")
        self.print_counts.clicked.connect(self.print_statistics)
        self.export_counts = QPushButton(_("Export to Excel…"))
        self.export_counts.setObjectName("statistics_export")
        self.export_counts.clicked.connect(lambda: self.export_statistics())
        # Biểu 06 counts the Department's dossiers: the one-stop area's view right is needed
        unseen = self._services.refusal("one_stop", "view")
        refusal = unseen or (self._services.refusal("reports", "export")
                             and self._services.refusal("one_stop", "export"))
        self.export_counts.setEnabled(not refusal)
        self.export_counts.setToolTip(refusal or "")
        for widget in (self.period, self.unit, self.count_button, self.print_counts):
            widget.setEnabled(unseen is None)
            widget.setToolTip(unseen or widget.toolTip())
        self.summary = QLabel()
        self.summary.setObjectName("statistics_summary")
        self.summary.setWordWrap(True)
        self.count_model = RowsModel([_(h) for h in COUNT_HEADERS])
        self.count_table = table_view(self.count_model)
        self.count_table.setObjectName("statistics_table")
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Period:")))
        top.addWidget(self.period)
        top.addWidget(self.unit, 1)
        top.addWidget(self.count_button)
        top.addWidget(self.print_counts)
        top.addWidget(self.export_counts)
        column = QVBoxLayout(box)
        column.addLayout(top)
        column.addWidget(self.summary)
        column.addWidget(self.count_table)
        return box

    def _ref(self) -> str:
        """The period typed, and the unit chosen (a unit typed after "@" wins)."""
        typed, unit = self.period.text().strip(), self.unit.currentData()
        return typed if "@" in typed else typed + (f"@{unit}" if unit else "")

    def count(self) -> None:
        """Count in the background (a year of a large Department reads every dossier)."""
        if self._counting:
            return
        self._counting = True
        self.count_button.setEnabled(False)
        self.summary.setText(_("Counting…"))
        services, ref = self._services, self._ref()
        # the figures as the printed report shows them (a report sent keeps its own)
        run_in_background(lambda: services.documents.data("one-stop-statistics", ref),
                          parent=self, on_done=self._counted, on_error=self._count_failed)

    def _counted(self, data: dict[str, Any]) -> None:
        from sotttt_desktop.services.one_stop_statistics import COLUMNS

        self._counting = False
        self.count_button.setEnabled(True)
        self.counts = data
        rows, keys, colours = [], [], []
        for label, counted, colour in [(_("Total"), data["total"], "#e8e8e8")] + [
                item for area in data["areas"] for item in
                [(area["name"], area, "#f2f2f2")]
                + [("    " + p["name"], p, None) for p in area["procedures"]]]:
            rows.append([label, *(fmt_number(counted[c]) for c in COLUMNS)])
            keys.append(counted.get("procedure") or counted.get("area") or "total")
            colours.append(colour)
        self.count_model.set_rows(rows, keys, colours)
        self.count_table.resizeColumnsToContents()
        self.count_table.setColumnWidth(0, min(self.count_table.columnWidth(0), 420))
        from sotttt_desktop.documents.templates.one_stop_statistics import report_day

        period = data["period"]
        rate = data.get("on_time_rate")
        text = _("{label}: {start} – {end}; pending counted on {as_of}.").format(
            label=period["label"], start=report_day(period["start"]),
            end=report_day(period["end"]), as_of=report_day(data["as_of"]))
        if data.get("number"):
            text += " " + _("Recorded as sent ({number}): the figures it was sent with.").format(
                number=data["number"])
        if rate is not None:
            text += " " + _("Settled early or on time: {rate}%.").format(
                rate=str(rate).replace(".", ","))
        self.summary.setText(text)

    def _count_failed(self, error: BaseException) -> None:
        self._counting = False
        self.count_button.setEnabled(True)
        self.counts = None
        self.count_model.set_rows([], [])  # no figures of another period under the message
        if not isinstance(error, AppError):
            raise error
        self.summary.setText(str(error))

    def print_statistics(self) -> object:
        from sotttt_desktop.ui.document_preview import preview

        return preview(self._services, "one-stop-statistics", self._ref(),
                       _("One-stop statistics") + f" — {self._ref()}", self)

    def export_statistics(self, path: str | None = None) -> dict[str, Any] | None:
        from sotttt_desktop.services import one_stop_statistics

        if path is None:
            name = "bieu-06-" + self._ref().replace("/", "-").replace("~", "").replace("@", "-")
            path, _filter = QFileDialog.getSaveFileName(self, _("Export to Excel"),
                                                        f"{name}.xlsx", "Excel (*.xlsx)")
            if not path:
                return None
        try:  # the dialog asked before replacing a file
            result = one_stop_statistics.export(self._services, self._ref(), Path(path),
                                                force=True)
        except AppError as error:
            show_error(self, str(error), _("Export to Excel"))
            return None
        self.summary.setText(_("Written to {path}.").format(path=path))
        return result

    # --- sent ----------------------------------------------------------------------------------

    def _sent_box(self) -> QGroupBox:
        box = QGroupBox(_("Reports recorded as sent"))
        self.sent_model = RowsModel([_(h) for h in SENT_HEADERS])
        self.sent_table = table_view(self.sent_model)
        self.sent_table.setObjectName("reports_sent_table")
        self.sent_table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        self.withdraw = QPushButton(_("&Withdraw the record…"))
        self.withdraw.setObjectName("reports_withdraw")
        self.withdraw.setToolTip(_("A report recorded as sent by mistake: the record goes and "
                                   "its number is voided in the register."))
        self.withdraw.clicked.connect(lambda: self.withdraw_selected())
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.withdraw)
        column = QVBoxLayout(box)
        column.addWidget(self.sent_table)
        column.addLayout(buttons)
        return box

    def withdraw_selected(self, reason: str | None = None) -> dict[str, Any] | None:
        rows = self.sent_table.selectionModel().selectedRows()
        if not rows:
            return None
        key, _sep, period = self.sent_model.keys[rows[0].row()].partition(":")
        if reason is None:
            from PySide6.QtWidgets import QInputDialog

            reason, chosen = QInputDialog.getText(self, _("Withdraw the record"),
                                                  _("Why was it recorded by mistake?"))
            if not chosen:
                return None
        try:
            withdrawn = self._services.reports.withdraw_sent(key, period, reason)
        except AppError as error:
            show_error(self, str(error), _("Withdraw the record"))
            return None
        self._recorded()
        return withdrawn


class RecordSentDialog(QDialog):
    """When and how a report went out, who signed it; its number is taken from the register of
    outgoing documents when it is sent today, or typed as printed for an earlier day."""

    def __init__(self, services: Services, row: dict[str, Any], parent: QWidget | None = None):
        from sotttt_desktop.services.reports import CHANNELS

        super().__init__(parent)
        self._services, self._row = services, row
        self.recorded: dict[str, Any] | None = None
        self.setWindowTitle(_("Record as sent") + f" — {row['period_label']}")
        today = local_today()
        self.sent_on = QDateEdit(QDate(today.year, today.month, today.day))
        self.sent_on.setObjectName("sent_on")
        self.sent_on.setCalendarPopup(True)
        self.sent_on.setDisplayFormat("dd/MM/yyyy")
        self.sent_on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.channel = QComboBox()
        self.channel.setObjectName("sent_channel")
        for key, label in CHANNELS.items():
            self.channel.addItem(_(label), key)
        self.signer = QComboBox()
        self.signer.setObjectName("sent_signer")
        for signer in services.reference.signers(today):
            self.signer.addItem(f"{signer['full_name']} — {signer.get('position', '')}",
                                signer["full_name"])
        self.number = QLineEdit()
        self.number.setObjectName("sent_number")
        self.number.setPlaceholderText(_("Only for a report sent before today, e.g. "
                                         "12/BC-STTTT"))
        self.note = QLineEdit()
        self.error = error_label("sent_error")
        buttons, self.confirm = confirm_buttons(_("Record as sent"), "sent_confirm", self.save,
                                                self.reject)
        form = QFormLayout()
        form.addRow(_("Report"), QLabel(f"{row['name']} — {row['period_label']}"))
        form.addRow(_("Recipient"), QLabel(row["recipient"]))
        form.addRow(_("Sent on"), self.sent_on)
        form.addRow(_("Sent by"), self.channel)
        form.addRow(_("Signer"), self.signer)
        form.addRow(_("Number"), self.number)
        form.addRow(_("Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        day = self.sent_on.date()

        def record() -> None:
            self.recorded = self._services.reports.record_sent(
                self._row["key"], self._row["period"],
                sent_on=dt.date(day.year(), day.month(), day.day()),
                channel=self.channel.currentData(), signer=self.signer.currentData() or "",
                number=self.number.text(), note=self.note.text())
        accept_if_done(self, self.error, record)
