"""A list the Department publishes from a register (registers/public_list.py), as of a day: how
many entries it lists, viewed and printed as the official list, or saved as a spreadsheet with
the same columns for the website."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.core import clock
from sotttt_desktop.errors import AppError
from sotttt_desktop.i18n import _, format_date
from sotttt_desktop.ui.permissions import gate_by_right
from sotttt_desktop.ui.qt_text import show_error

if TYPE_CHECKING:
    from sotttt_desktop.services import Services


class PublicListDialog(QDialog):
    def __init__(self, services: Services, key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._services, self.key = services, key
        chosen = services.public_lists.get(key)
        self.setWindowTitle(_("Public list"))
        self.summary = QLabel(f"<b>DANH SÁCH</b><br>{chosen.summary}")
        self.summary.setWordWrap(True)
        self.day = QDateEdit()
        self.day.setObjectName("public_list_day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        today = clock.local_today()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.count = QLabel()
        self.count.setObjectName("public_list_count")
        self.count.setWordWrap(True)
        self.preview_button = QPushButton(_("&View and print…"))
        self.preview_button.setObjectName("public_list_preview")
        self.preview_button.clicked.connect(lambda: self.preview())
        self.save_button = QPushButton(_("Save as &spreadsheet…"))
        self.save_button.setObjectName("public_list_save")
        self.save_button.clicked.connect(lambda: self.save())
        gate_by_right(self.save_button, services, services.public_lists.area(key), "export")
        close = QPushButton(_("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("In force on:")))
        top.addWidget(self.day)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.preview_button, self.save_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(top)
        layout.addWidget(self.count)
        layout.addLayout(buttons)
        self.day.dateChanged.connect(lambda _d: self._count())
        self._count()
        self.resize(560, 200)

    def on(self) -> dt.date:
        date = self.day.date()
        return dt.date(date.year(), date.month(), date.day())

    def _count(self) -> None:
        try:
            rows = self._services.public_lists.rows(self.key, self.on())
        except AppError as error:
            self.count.setText(str(error))
            return
        self.count.setText(_("{count} entries in force on {day}.").format(
            count=len(rows), day=format_date(self.on())))

    def preview(self) -> object:
        from sotttt_desktop.ui.document_preview import preview

        ref = self._services.public_lists.ref(self.key, self.on())
        return preview(self._services, "public-list", ref, _("Public list") + " — "
                       + format_date(self.on()), self)

    def save(self, path: str | None = None) -> int:
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, _("Save as spreadsheet"), f"danh-sach-{self.key}-{self.on():%Y%m%d}.xlsx",
                "Excel (*.xlsx);;CSV (*.csv)")
            if not path:
                return 0
        try:
            count = self._services.public_lists.export(self.key, Path(path), self.on())
        except AppError as error:
            show_error(self, str(error), self.windowTitle())
            return 0
        self.count.setText(_("{count} entries written to {path}.").format(count=count,
                                                                        path=path))
        return count
