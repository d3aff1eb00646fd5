"""The declared cases of one area: soonest due first, coloured by clock status, and the
selected case's clocks explained step by step with its timeline."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.core.cases import kinds
from sotttt_desktop.core.cases.status import LIST_HEADERS
from sotttt_desktop.errors import AppError
from sotttt_desktop.i18n import _, format_date
from sotttt_desktop.ui.case_dialogs import (
    EditCaseDialog,
    NewCaseDialog,
    StepDialog,
    creatable_kinds,
)
from sotttt_desktop.ui.permissions import gate
from sotttt_desktop.ui.qt_text import show_error
from sotttt_desktop.ui.rows_model import RowsModel, table_view

if TYPE_CHECKING:
    import datetime as dt

    from sotttt_desktop.services import Services

# the colour of a row follows core.cases.status, the one rule of every list
STATUS_COLOURS = {"overdue": "#f8d0d0", "at_risk": "#fde9c8", "early": "#d8f0d8",
                  "late": "#f8d0d0"}
HEADERS = LIST_HEADERS


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
        for spec in kinds().values():  # the kinds this user may read (incidents: not all)
            if spec.area == area and services.cases.read_refusal(spec) is None:
                self.kind.addItem(_(spec.label), spec.kind)
        self.overdue = QCheckBox(_("Overdue only"))
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.overdue.toggled.connect(lambda _on: self.refresh())
        self.count_label = QLabel()
        self.new_button = QPushButton(_("&New case…"))
        self.new_button.setObjectName("case_new")
        self.new_button.clicked.connect(lambda: self.new_case())
        gate(self.new_button, None if creatable_kinds(services, area) else
             _("{user} may not open cases in this area.").format(
                 user=services.actor.display_name))
        self.step_button = QPushButton(_("&Take a step…"))
        self.step_button.setObjectName("case_step_button")
        self.step_button.clicked.connect(lambda: self.take_step())
        self.edit_button = QPushButton(_("&Details…"))
        self.edit_button.setObjectName("case_edit_button")
        self.edit_button.clicked.connect(lambda: self.edit_case())
        self.print_button = QPushButton(_("&Print…"))
        self.print_button.setObjectName("case_print_button")
        self.print_button.clicked.connect(lambda: self.print_document())
        self.assign_button = QPushButton(_("&Assign…"))
        self.assign_button.setObjectName("case_assign_button")
        self.assign_button.clicked.connect(lambda: self.assign_case())
        self._selected: dict | None = None
        filters = QHBoxLayout()
        for widget in (self.kind, self.overdue):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        filters.addWidget(self.new_button)
        filters.addWidget(self.step_button)
        filters.addWidget(self.edit_button)
        filters.addWidget(self.assign_button)
        filters.addWidget(self.print_button)
        self.model = RowsModel([_(h) for h in HEADERS])
        self.table = table_view(self.model)
        self.table.setObjectName("case_table")
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.show_selected())
        self.detail = QTextBrowser()
        self.detail.setObjectName("case_detail")
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([760, 440])
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
            rows = []  # nothing listed rather than the previous filter's rows
        self.model.set_rows(
            [[r["code"], r["kind_label"], r["state_label"], _due(r["due"]), r["status_text"],
              r["title"]] for r in rows],
            [r["code"] for r in rows], [STATUS_COLOURS.get(r["status"] or "") for r in rows])
        self.table.resizeColumnsToContents()
        self.count_label.setText(_("{count} cases").format(count=len(rows)))
        self.detail.clear()
        self._selected = None
        self._gate_step()

    def _gate_step(self) -> None:
        case = self._selected
        if case is None:
            refusal = _("Choose a case in the list first.")
        elif not case["steps"]:
            refusal = _("No step is possible from the state “{state}”.").format(
                state=case["state_label"])
        else:
            # every step refused: their reasons, each once, in the order the steps are declared
            refusal = " ".join(dict.fromkeys(s["refusal"] for s in case["steps"])) \
                if all(s["refusal"] for s in case["steps"]) else None
        gate(self.step_button, refusal)
        self._gate_edit_and_print()

    def _gate_edit_and_print(self) -> None:
        """Details: the case's declared fields, while it is open, for those who may edit in its
        area. Print: the document its kind prints, for those who may view it."""
        case = self._selected
        services = self._services
        spec = kinds().get(case["kind"]) if case else None
        if spec is None:
            edit_refusal = print_refusal = _("Choose a case in the list first.")
        else:
            edit_refusal = (
                _("This kind of case records nothing besides its title.") if not spec.fields
                else _("Case {code} is closed: what it recorded is kept as it was.").format(
                    code=case["code"]) if case["state"] in spec.final_states
                else services.refusal(spec.area, "edit"))
            after = spec.steps.get(spec.document_after) if spec.document_after else None
            print_refusal = (
                _("This kind of case prints no document.") if not spec.document
                else _("Its document is printed once the step “{step}” is taken.").format(
                    step=_(after.label)) if after is not None and not any(
                    event["step"] == spec.document_after for event in case["timeline"])
                else services.refusal(spec.area, "view"))
        gate(self.edit_button, edit_refusal)
        gate(self.print_button, print_refusal)
        gate(self.assign_button, _("Choose a case in the list first.") if spec is None
             else _("Case {code} is closed.").format(code=case["code"])
             if case["state"] in spec.final_states else services.refusal(spec.area, "approve"))

    def select(self, code: str) -> None:
        if code in self.model.keys:
            self.table.selectRow(self.model.keys.index(code))

    def new_case(self) -> dict | None:
        dialog = NewCaseDialog(self._services, self._area, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.opened is None:
            return None
        self.refresh()
        self.select(dialog.opened["code"])
        return dialog.opened

    def take_step(self) -> dict | None:
        if self._selected is None:
            return None
        dialog = StepDialog(self._services, self._selected, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.done_case is None:
            return None
        code = self._selected["code"]
        self.refresh()
        self.select(code)
        return dialog.done_case

    def edit_case(self) -> dict | None:
        if self._selected is None or not self.edit_button.isEnabled():
            return None
        dialog = EditCaseDialog(self._services, self._selected, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.saved is None:
            return None
        code = self._selected["code"]
        self.refresh()
        self.select(code)
        return dialog.saved

    def assign_case(self, username: str | None = None) -> dict | None:
        """Give the selected case to one who handles its area (asked from a list)."""
        if self._selected is None or not self.assign_button.isEnabled():
            return None
        case = self._selected
        if username is None:
            from PySide6.QtWidgets import QInputDialog

            handlers = self._services.cases.handlers(case["kind"])
            names = [f"{h['full_name']} ({h['username']})" for h in handlers]
            if not names:
                show_error(self, _("Nobody may handle cases of this area."), _("Assign"))
                return None
            current = next((n for n, h in enumerate(handlers)
                            if h["username"] == case["assigned_to"]), 0)
            chosen, ok = QInputDialog.getItem(self, _("Assign"), _("Give {code} to:").format(
                code=case["code"]), names, current, False)
            if not ok:
                return None
            username = handlers[names.index(chosen)]["username"]
        try:
            done = self._services.cases.assign(case["code"], username)
        except AppError as error:
            show_error(self, str(error), _("Assign"))
            return None
        self.refresh()
        self.select(case["code"])
        return done

    def print_document(self) -> None:
        """The case's document in the preview (made off the GUI thread), to print or save."""
        if self._selected is None or not self.print_button.isEnabled():
            return
        from sotttt_desktop.ui.document_preview import preview

        spec = kinds()[self._selected["kind"]]
        self.preview = preview(self._services, spec.document, self._selected["code"],
                               f"{_(spec.label)} — {self._selected['code']}", self)

    def show_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        try:
            case = self._services.cases.show(self.model.keys[rows[0].row()])
        except AppError as error:
            self.detail.setPlainText(str(error))
            return
        self._selected = case
        self._gate_step()
        lines = [f"<b>{escape(case['code'])}</b> — {escape(case['title'])}<br>"
                 f"{escape(case['state_label'])}"]
        if case["assigned_to"]:
            lines.append("<br>" + escape(_("Assigned to: {user}").format(
                user=case["assigned_to"])))
        if case["details"]:
            lines.append("<p>" + "<br>".join(
                f"<b>{escape(line['label'])}:</b> " + escape(line["text"]).replace("\n", "<br>")
                for line in case["details"]))
        if case["remarks"]:  # worked out for today: a limitation, a late-payment addition
            lines.append("<p><i>" + "<br>".join(escape(r) for r in case["remarks"]) + "</i>")
        for clock in case["clocks"]:
            status = f" ({clock['status_text']})" if clock["status_text"] else ""
            lines.append(f"<p><b>{escape(clock['label'])}: {_due(clock['due'])}</b>{status}<br>"
                         f"<i>{escape(clock['basis'])}</i><br>"
                         + "<br>".join(escape(line) for line in clock["explanation"]))
        lines.append(f"<p><b>{_('Timeline')}</b><br>" + "<br>".join(
            escape(f"{e['at'].strftime('%d/%m/%Y %H:%M')} {e['step_label']}"
                   + (f" [{e['decision']}]" if e["decision"] else "") + f" {e['detail']}")
            for e in case["timeline"]))
        self.detail.setHtml("".join(lines))
