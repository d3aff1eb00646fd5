"""Read-only view of one record: every declared field, then who created and changed it and when."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.i18n import _, format_date, format_datetime
from sotttt_desktop.registers import get_register
from sotttt_desktop.services import Services
from sotttt_desktop.ui.qt_text import REMARKS_STYLE, translate_buttons
from sotttt_desktop.ui.widgets.linked_editors import DETAIL_WIDGETS


def _document_name(kind: str) -> str:
    """A document's short name: its template's title up to the first bracket or dash (the
    documents are Vietnamese whatever the interface language)."""
    from sotttt_desktop.documents.templates import templates

    template = templates().get(kind)
    if template is None:
        return kind
    return template.title.split(" (")[0].split(" — ")[0].strip()


def history_lines(services: Services, register_key: str, record_id: Any) -> list[str]:  # noqa: ANN401
    from sotttt_desktop.services.audit_trail import action_words
    from sotttt_desktop.services.dossiers import state_label
    from sotttt_desktop.services.permits import permit_state_label

    found = services.registers.history(register_key, record_id)
    permit, dossier = _("Permit"), _("Dossier")
    printed = _("printed {count} times")
    lines = [f"{format_date(p['issued_on'])} — {permit} {p['number']}: {p['title']} "
             f"({permit_state_label(p['state'])})" for p in found["permits"]]
    lines += [f"{format_datetime(c['opened_at'])} — {c['kind_label']} {c['code']}: "
              f"{c['title']} ({c['state_label']})" for c in found["cases"]]
    lines += [f"{format_datetime(d['received_at'])} — {dossier} {d['code']}: "
              f"{d['procedure']} ({state_label(d['state'])})" for d in found["dossiers"]]
    lines += [f"{format_datetime(d['issued_at'])} — {_document_name(d['kind'])} "
              f"{d['subject']} "
              f"({printed.format(count=d['prints'])})" for d in found["documents"]]
    lines += [f"{format_datetime(e['at'])} — {e['by']}: {action_words(e['action'])} "
              f"{e['summary']}" for e in found["audit"]]
    return lines


def _colon(label: str) -> str:
    """"Tên:" — a question ("Hệ thống xử lý thông tin gì?") keeps its own mark."""
    return label if label.endswith("?") else label + ":"


class RecordDetailDialog(QDialog):
    def __init__(self, services: Services, register_key: str, record: dict[str, Any],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._key = register_key
        self.record = record
        self.edit_requested = False
        spec = get_register(register_key)
        self.setWindowTitle(str(services.registers.title_of(spec, record)
                                if record.get(spec.title_field) else _(spec.item_name)))
        self.setMinimumWidth(620)
        form = QFormLayout()
        shown = services.registers.display(register_key, record)
        variant = record.get(spec.variant_field) if spec.variant_field else None
        for field, (label, text) in zip(spec.fields_for(variant), shown, strict=True):
            own = DETAIL_WIDGETS.get(field.kind)
            if own is not None and record.get(field.name):  # a kind shown as a table
                form.addRow(_colon(label), own(field, record[field.name], services))
                continue
            value = QLabel(text or "—")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            form.addRow(_colon(label), value)
        meta = _("Created {created} by {creator}; last changed {updated} by {updater}; "
                 "version {version}.").format(
            created=format_datetime(record["created_at"]), creator=record["created_by"] or "—",
            updated=format_datetime(record["updated_at"]), updater=record["updated_by"] or "—",
            version=record["version"])
        # what the register concludes from the values (a warning, a test's verdict), in full
        remarks = services.registers.remarks(register_key, record)
        heading = _("Remarks")
        warning = QLabel("\n".join(f"{heading}: {remark}" for remark in remarks))
        warning.setObjectName("record_remarks")
        warning.setWordWrap(True)
        warning.setStyleSheet(REMARKS_STYLE)
        warning.setVisible(bool(remarks))
        history = QLabel(meta)
        history.setWordWrap(True)
        history.setStyleSheet("color: #555;")
        buttons = translate_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        edit = QPushButton(_("&Edit"))
        edit.setObjectName("edit_button")
        buttons.addButton(edit, QDialogButtonBox.ButtonRole.ActionRole)
        edit.clicked.connect(self._request_edit)
        edit.setEnabled(services.actor.can(spec.area, "edit"))
        buttons.rejected.connect(self.reject)
        self.events = QListWidget()
        self.events.setObjectName("record_history")
        for line in history_lines(services, register_key, record["id"]):
            self.events.addItem(line)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(warning)
        layout.addWidget(history)
        layout.addWidget(QLabel(_("History: permits, dossiers, documents, changes")))
        layout.addWidget(self.events, 1)
        layout.addWidget(buttons)

    def _request_edit(self) -> None:
        self.edit_requested = True
        self.accept()
