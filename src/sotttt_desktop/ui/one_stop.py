"""The One-stop tab: dossiers (receive, follow, act), and the permit register beside them
(ui/permits_view.py)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.areas import areas_in_order
from sotttt_desktop.core.cases.one_stop import SPEC as DOSSIER_SPEC
from sotttt_desktop.core.cases.status import STATUS_LABELS
from sotttt_desktop.errors import AppError
from sotttt_desktop.i18n import N_, _, format_date, format_datetime
from sotttt_desktop.services.audit_trail import action_words
from sotttt_desktop.ui.cases_view import STATUS_COLOURS
from sotttt_desktop.ui.desk_keys import bind_button, desk_action, step_text, with_key
from sotttt_desktop.ui.issue_dialog import IssueDialog
from sotttt_desktop.ui.permissions import gate
from sotttt_desktop.ui.permits_view import PermitsView
from sotttt_desktop.ui.qt_text import (
    accept_if_done,
    confirm_buttons,
    error_label,
    show_error,
    translate_buttons,
)
from sotttt_desktop.ui.receive_dialog import ReceiveDialog
from sotttt_desktop.ui.rows_model import RowsModel, enter_opens, table_view

if TYPE_CHECKING:
    from sotttt_desktop.services import Services

ACTION_LABELS = {key: step.label for key, step in DOSSIER_SPEC.steps.items()}  # declared once


def status_text(dossier: dict) -> str:
    label = _(STATUS_LABELS.get(dossier["status"], dossier["status"]))
    if dossier.get("working_days_left") is not None and dossier["status"] in ("on_time",
                                                                               "at_risk"):
        return _("{status}, {count} working days left").format(
            status=label, count=dossier["working_days_left"])
    return label


FORM_LABELS = {
    "01": N_("Receipt and appointment"), "02": N_("Supplement request"),
    "03": N_("Refusal"), "04": N_("Apology and new date"), "05": N_("Process-control sheet"),
    "06": N_("Dossier book of the month"),
}


class DossierDialog(QDialog):
    """A dossier: its data, checklist and timeline, and the steps its state allows."""

    def __init__(self, services: Services, code: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.code = code
        self.setWindowTitle(_("Dossier {code}").format(code=code))
        self.resize(760, 620)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.timeline = QListWidget()
        self.timeline.setObjectName("timeline")
        self.actions_box = QHBoxLayout()
        self.error = error_label()
        close = translate_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(_("Timeline:")))
        layout.addWidget(self.timeline, 1)
        layout.addLayout(self.actions_box)
        layout.addWidget(self.error)
        layout.addWidget(close)
        # right click or the Menu key: the steps with their keys (the actions added in reload)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.reload()

    def reload(self) -> None:
        data = self._services.dossiers.show(self.code)
        self.data = data
        received = format_datetime(data["received_at"])
        self.summary.setText(
            f"<b>{data['code']}</b> — {data['procedure_name']}<br>"
            + _("Applicant: {name}").format(name=data["holder"]) + "<br>"
            + _("Received {received}; due {due}; {state}, {status}.").format(
                received=received, due=format_date(data["due"]), state=data["state_label"],
                status=status_text(data)))
        self.timeline.clear()
        for event in data["timeline"]:
            when = format_datetime(event["at"])
            label = action_words(event["kind"])
            text = f"{label}: {event['detail']}" if event["detail"] and event["kind"] != "received" \
                else (event["detail"] or label)
            lines = [f"{when} — {event['by']}: {text}"]
            lines += [f"    {step}" for step in event["explanation"] or []]
            self.timeline.addItem("\n".join(lines))
        while self.actions_box.count():
            widget = self.actions_box.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for old in getattr(self, "step_actions", {}).values():  # the keys of the last state
            self.removeAction(old)
            old.deleteLater()
        self.buttons: dict[str, QPushButton] = {}
        self.step_actions: dict[str, QAction] = {}  # the button's action: its key, its gate
        for action, refusal in self._services.dossiers.available_steps(data).items():
            text = step_text(action)
            slot = self.issue_permit if action == "issue" else lambda a=action: self.act(a)
            self.step_actions[action] = desk_action(self, action, text, slot, refusal)
            button = bind_button(QPushButton(text), self.step_actions[action])
            button.setObjectName(f"act_{action}" if action != "issue" else "issue_permit")
            self.actions_box.addWidget(button)
            self.buttons[action] = button
        forms = QPushButton(step_text("forms"))
        forms.setObjectName("print_form")
        menu = QMenu(forms)
        for number, refusal in self._services.documents.forms_for(data).items():
            # "0&1": 1 (… 6) chooses the form in the open menu
            action = menu.addAction(f"{number[0]}&{number[1:]} — {_(FORM_LABELS[number])}",
                                    lambda n=number: self.print_form(n))
            action.setObjectName(f"form_{number}")
            gate(action, refusal)
        menu.setToolTipsVisible(True)
        forms.setMenu(menu)
        self.step_actions["forms"] = desk_action(self, "forms", step_text("forms"),
                                                 forms.showMenu)
        forms.setToolTip(self.step_actions["forms"].toolTip())
        self.actions_box.addWidget(forms)
        self.buttons["forms"] = forms

    def print_form(self, number: str) -> object:
        """Preview one-stop form 01–06 of this dossier (06: the book of its month)."""
        from sotttt_desktop.ui.document_preview import preview

        kind, ref = self._services.documents.form(number, self.code)
        return preview(self._services, kind, ref, f"{_('Form')} {number} — {self.code}", self)

    def act(self, action: str, *, reason: str | None = None, new_due: dt.date | None = None,
            to_unit: str | None = None) -> bool:
        """Take a step. A step that needs a reason, a new date or a unit asks for them in one
        dialog that the service checks (errors inline); given them, no dialog (tests)."""
        from sotttt_desktop.services.dossiers import NEEDS_REASON

        asks = (action in NEEDS_REASON and reason is None) or \
            (action == "apologise" and new_due is None) or (action == "hand_over" and to_unit is None)
        if asks:
            dialog = StepDialog(self._services, self.data, action, self)
            self.last_step_dialog = dialog
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        else:
            try:
                self._services.dossiers.act(self.code, action, reason=reason or "",
                                            new_due=new_due, to_unit=to_unit or "")
            except AppError as error:
                self._error(str(error))
                return False
        self.error.hide()
        self.reload()
        return True

    def issue_permit(self, subject: str | None = None, replaces: str | None = None,
                     extend_months: int | None = None,
                     details: dict[str, str] | None = None) -> bool:
        """Issue the result: one dialog (what it is for; the permit it replaces, chosen among the
        applicant's; the months of an extension); given the values, no dialog (tests)."""
        if subject is None:
            dialog = IssueDialog(self._services, self.data, self)
            self.last_issue_dialog = dialog
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        else:
            try:
                self._services.permits.issue(self.code, subject=subject, replaces=replaces,
                                             extend_months=extend_months, details=details)
            except AppError as error:
                self._error(str(error))
                return False
        self.reload()
        return True

    def _error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class StepDialog(QDialog):
    """A step that needs words: the reason (printed on the form for the applicant), the new
    return date of an apology, the unit a dossier is handed to."""

    def __init__(self, services: Services, dossier: dict, action: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        from sotttt_desktop.services.dossiers import NEEDS_REASON

        self._services, self._dossier, self._action = services, dossier, action
        self.setWindowTitle(f"{_(ACTION_LABELS[action])} {dossier['code']}")
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("step_reason")
        self.reason.setTabChangesFocus(True)
        self.new_due = QDateEdit()
        self.new_due.setObjectName("step_new_due")
        self.new_due.setCalendarPopup(True)
        self.new_due.setDisplayFormat("dd/MM/yyyy")
        due = dossier["due"] + dt.timedelta(days=1)
        self.new_due.setDate(QDate(due.year, due.month, due.day))
        self.new_due.setMinimumDate(QDate(due.year, due.month, due.day))
        self.unit = QComboBox()
        self.unit.setObjectName("step_unit")
        for code, name in services.dossiers.units().items():
            if code != dossier.get("current_unit"):
                self.unit.addItem(name, code)
        self.error = error_label("step_error")
        form = QFormLayout()
        form.addRow(_("Dossier"), QLabel(f"{dossier['code']} — {dossier['holder']}"))
        if action == "hand_over":
            form.addRow(_("To unit:"), self.unit)
        if action == "apologise":
            form.addRow(_("New return date:"), self.new_due)
        if action in NEEDS_REASON or action == "hand_over":
            form.addRow(_("Reason:"), self.reason)
        buttons, self.confirm = confirm_buttons(_(ACTION_LABELS[action]).rstrip("…"),
                                                "step_confirm", self.take, self.reject)
        confirm_key = desk_action(self, "confirm", self.confirm.text(), self.take)
        self.confirm.setToolTip(confirm_key.toolTip())  # Enter writes a new line of the reason
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 280)

    def take(self) -> None:
        date = self.new_due.date()
        accept_if_done(self, self.error, lambda: self._services.dossiers.act(
            self._dossier["code"], self._action, reason=self.reason.toPlainText(),
            new_due=dt.date(date.year(), date.month(), date.day())
            if self._action == "apologise" else None,
            to_unit=self.unit.currentData() or "" if self._action == "hand_over" else ""))


SHOWN_KINDS = ("dossier", "permit", "party")  # what the one-stop lists show (audit kinds)


class DossiersView(QWidget):
    HEADERS = (N_("Code"), N_("Procedure"), N_("Applicant"), N_("Received"), N_("Due"),
               N_("State"), N_("Due status"))

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        from sotttt_desktop.services.dossiers import STATE_LABELS

        self._services = services
        self.model = RowsModel([_(h) for h in self.HEADERS])  # owned by this view's wrapper
        self.table = table_view(self.model)
        self.table.setObjectName("dossier_table")
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        enter_opens(self.table, self.open_selected)
        self.state = QComboBox()
        self.state.addItem(_("All states"), None)
        for key, label in STATE_LABELS.items():
            self.state.addItem(_(label), key)
        self.area = QComboBox()
        self.area.addItem(_("All areas"), None)
        for area in areas_in_order():
            if area.key not in ("directory", "one_stop", "reports"):
                self.area.addItem(_(area.title), area.key)
        from sotttt_desktop.catalog import load

        self.procedure = QComboBox()
        self.procedure.setObjectName("procedure_filter")
        self.procedure.addItem(_("All procedures"), None)
        for procedure in load().list():
            self.procedure.addItem(procedure.name, procedure.key)
        self.procedure.setMaximumWidth(360)
        for combo, letters in ((self.area, 16), (self.procedure, 24)):  # long names shrink,
            combo.setSizeAdjustPolicy(  # not the search box
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(letters)
        self.search = QLineEdit()
        self.search.setObjectName("dossier_search")
        self.search.setPlaceholderText(_("Code, applicant or procedure (diacritics optional)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)  # the typed code stays readable beside the filters
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._search_now)
        self.search.setToolTip(with_key(self.search.placeholderText(), "search"))
        self.overdue = QCheckBox(_("Overdue"))
        self.this_week = QCheckBox(_("Due this week"))
        for widget in (self.state, self.area, self.procedure):
            widget.currentIndexChanged.connect(lambda _i: self.reload())
        for box in (self.overdue, self.this_week):
            box.toggled.connect(lambda _c: self.reload())
        self.receive_action = desk_action(self, "receive", step_text("receive"),
                                          self.receive, services.refusal("one_stop", "create"))
        receive = bind_button(QPushButton(step_text("receive")), self.receive_action)
        receive.setObjectName("receive_button")
        details = QPushButton(_("&Details"))
        details.clicked.connect(self.open_selected)
        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.state)
        top.addWidget(self.area)
        top.addWidget(self.procedure)
        top.addWidget(self.overdue)
        top.addWidget(self.this_week)
        top.addStretch(1)
        top.addWidget(receive)
        top.addWidget(details)
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.reload()
        from sotttt_desktop.ui.changes import kinds_watcher, reload_in_place

        self.watcher = kinds_watcher(  # the list shows dossiers, their applicants, results
            self, services, SHOWN_KINDS,
            lambda: reload_in_place(self.table, lambda: self.model.keys, self.reload))

    def reload(self) -> None:
        try:
            rows = self._services.dossiers.list(
                state=self.state.currentData(), area=self.area.currentData(),
                procedure=self.procedure.currentData(), overdue=self.overdue.isChecked(),
                due_within=7 if self.this_week.isChecked() else None,
                query=self.search.text(), limit=1000)
        except AppError as error:
            show_error(self, str(error))
            return
        self.model.set_rows(
            [[d["code"], d["procedure_name"], d["holder"],
              format_datetime(d["received_at"]), format_date(d["due"]), d["state_label"],
              status_text(d)] for d in rows],
            [d["code"] for d in rows],
            [STATUS_COLOURS.get(d["status"]) for d in rows])
        # widths from the first rows only: measuring every cell of 1,000 rows froze the
        # window a second when the desk opened on a Department's volume
        self.table.horizontalHeader().setResizeContentsPrecision(60)
        self.table.resizeColumnsToContents()
        for column, widest in ((1, 360), (2, 260)):  # long names must not hide the state
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        self.count_label.setText(_("{count} dossiers").format(count=len(rows)))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_now(self) -> None:
        """Enter in the search box: the list now, its first row selected and focused (Enter
        again opens it)."""
        self._search_timer.stop()
        self.reload()
        if self.model.rowCount():
            self.table.selectRow(0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def receive(self) -> object:
        """Receive a dossier, then offer its receipt and appointment slip (form 01)."""
        dialog = ReceiveDialog(self._services, self)
        if not dialog.exec() or dialog.result_dossier is None:
            return None
        self.reload()
        code = dialog.result_dossier["code"]
        choice = QMessageBox.question(
            self, _("Receive a dossier"),
            _("Dossier {code} received; due {due}.\n\nPrint the receipt and appointment slip "
              "(form 01) for the applicant now?").format(
                code=code, due=format_date(dialog.result_dossier["due"])))
        if choice != QMessageBox.StandardButton.Yes:
            return None
        from sotttt_desktop.ui.document_preview import preview

        kind, ref = self._services.documents.form("01", code)
        return preview(self._services, kind, ref, f"{_('Form')} 01 — {code}", self)

    def open_selected(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        DossierDialog(self._services, self.model.keys[index.row()], self).exec()
        self.reload()

    def reveal(self, code: str) -> None:
        """A dossier found elsewhere (the global search): listed (the list searched for its
        code when the current filters hide it), selected, and opened."""
        if code not in self.model.keys:
            self._search_timer.stop()
            self.search.blockSignals(True)
            self.search.setText(code)
            self.search.blockSignals(False)
            for box in (self.overdue, self.this_week):
                box.blockSignals(True)
                box.setChecked(False)
                box.blockSignals(False)
            for combo in (self.state, self.area, self.procedure):
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
            self.reload()
        if code in self.model.keys:
            self.table.selectRow(self.model.keys.index(code))
            self.open_selected()
            if code in self.model.keys:
                self.table.selectRow(self.model.keys.index(code))
            return
        try:  # not in the list: the actor's to see at all?
            self._services.dossiers.show(code)
        except AppError as error:
            show_error(self, str(error))
            return
        DossierDialog(self._services, code, self).exec()


class OneStopTab(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.dossiers = DossiersView(services)
        self.permits = PermitsView(services)
        self.tabs.addTab(self.dossiers, _("Dossiers"))
        self.tabs.addTab(self.permits, _("Permits and certificates"))
        self.addAction(self.dossiers.receive_action)  # Ctrl+R beside the permits too
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def focus_filter(self) -> None:
        """Ctrl+F on the desk (the main window's "filter"): the dossier search."""
        self.tabs.setCurrentWidget(self.dossiers)
        self.dossiers.focus_search()

    def refresh(self) -> None:
        """The list in front read again now; the other when it is shown (its watcher's
        pending reload): showing the desk again costs one list, not two."""
        for view in (self.dossiers, self.permits):
            if view.isVisible() or not self.isVisible():
                view.watcher.pending = False
                view.reload()
            else:
                view.watcher.pending = True

    def open_search_hit(self, target_key: str, ref: str) -> bool:
        """A global search hit of the desk's lists: a dossier (by code) or a permit (by its
        reference) shown in its list."""
        from sotttt_desktop.services.search_targets import DOSSIERS, PERMITS

        if target_key == DOSSIERS.key:
            self.tabs.setCurrentWidget(self.dossiers)
            self.dossiers.reveal(ref)
            return True
        if target_key == PERMITS.key:
            self.tabs.setCurrentWidget(self.permits)
            return self.permits.reveal(ref)
        return False
