"""Preview, print and save official documents, and print a batch in the background.

Pages are drawn by PDFium (pypdfium2) — the engine inside Qt's own QtPdf, which the PySide6
6.12 wheels no longer ship. The PDF comes from the services (the same file the CLI writes);
printing draws each page at the printer's resolution (at most 300 dpi) on a page of the
document's own size (A4, A5 or A4 landscape), full page, so the margins of Decree 30 are the
ones in the PDF, not the printer's.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sotttt_desktop.core import clock
from sotttt_desktop.core.safe_write import write_file_atomically
from sotttt_desktop.errors import AppError
from sotttt_desktop.i18n import _, format_date
from sotttt_desktop.ui.background import BackgroundTask, run_in_background
from sotttt_desktop.ui.qt_text import show_error

if TYPE_CHECKING:
    from sotttt_desktop.services import Services
    from sotttt_desktop.services.documents import Rendered


class PdfPages:
    """The pages of a PDF as images."""

    def __init__(self, pdf: bytes):
        import pypdfium2

        try:
            self._document = pypdfium2.PdfDocument(pdf)
        except pypdfium2.PdfiumError as error:
            raise AppError(_("The document could not be opened for printing ({error}).").format(
                error=error)) from error

    def __len__(self) -> int:
        return len(self._document)

    def size_points(self, index: int) -> tuple[float, float]:
        return self._document[index].get_size()

    def image(self, index: int, dpi: float) -> QImage:
        bitmap = self._document[index].render(scale=dpi / 72, rev_byteorder=True)
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                       QImage.Format.Format_RGB888)
        return image.copy()  # detached from PDFium's buffer

    def close(self) -> None:
        self._document.close()


def print_pdfs(printer: QPrinter, pdfs: list[tuple[str, bytes]],
               progress: Any = None) -> int:  # noqa: ANN401
    """Print every page of every PDF on `printer`; returns the number of pages printed."""
    printer.setFullPage(True)
    painter = QPainter()
    pages = 0
    try:
        for index, (name, pdf) in enumerate(pdfs):
            document = PdfPages(pdf)
            for page in range(len(document)):
                width, height = document.size_points(page)
                printer.setPageSize(QPageSize(QSizeF(width, height), QPageSize.Unit.Point, name))
                if pages == 0:
                    if not painter.begin(printer):
                        raise AppError(_("The printer could not be started."))
                elif not printer.newPage():
                    raise AppError(_("The printer refused a new page."))
                image = document.image(page, min(printer.resolution(), 300))
                target = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
                painter.drawImage(QRectF(0, 0, target.width(), target.height()), image)
                pages += 1
            document.close()
            if progress is not None:
                progress(index + 1, len(pdfs))
    finally:
        if painter.isActive():
            painter.end()
    return pages


PREVIEW_DPI = 96


class DocumentPreview(QDialog):
    """One document: its pages, Print…, Save as PDF…"""

    def __init__(self, rendered: Rendered, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.rendered = rendered
        self.setWindowTitle(title)
        self.document = PdfPages(rendered.pdf)
        self.view = QScrollArea()
        self.view.setObjectName("pdf_view")
        self.view.setWidgetResizable(True)
        self.view.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.view.setStyleSheet("QScrollArea { background: #808080; }")
        pages = QWidget()
        pages_layout = QVBoxLayout(pages)
        pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page_labels: list[QLabel] = []
        for index in range(len(self.document)):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(self.document.image(index, PREVIEW_DPI)))
            label.setStyleSheet("border: 1px solid #404040;")
            pages_layout.addWidget(label)
            self.page_labels.append(label)
        self.view.setWidget(pages)
        widest = max((label.pixmap().width() for label in self.page_labels), default=600)
        # a page wide, as tall as the screen lets it be: Print and Save stay on a 768-pixel screen
        room = (parent.screen() if parent is not None else QGuiApplication.primaryScreen())
        room_size = room.availableGeometry().size() if room is not None else QSize(1920, 1080)
        self.resize(min(widest + 60, room_size.width()), min(960, room_size.height() - 60))
        note = _("Reprint: identical to the document as issued.") if rendered.reprint else \
            _("{pages} page(s).").format(pages=len(self.document))
        self.document.close()  # the pixmaps are made; printing opens the bytes again
        self.note = QLabel(note)
        print_button = QPushButton(_("&Print…"))
        print_button.setObjectName("print_button")
        print_button.setDefault(True)  # Enter prints (the desk: receipt, Enter, Enter)
        print_button.clicked.connect(lambda: self.print_document())
        save = QPushButton(_("&Save as PDF…"))
        save.setObjectName("save_button")
        save.clicked.connect(lambda: self.save_as())
        close = QPushButton(_("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(print_button)
        buttons.addWidget(save)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def print_document(self, printer: QPrinter | None = None) -> int:
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return 0
        try:
            return print_pdfs(printer, [(self.rendered.filename, self.rendered.pdf)])
        except AppError as error:
            show_error(self, str(error), self.windowTitle())
            return 0

    def save_as(self, path: str | None = None) -> bool:
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, _("Save as PDF"), self.rendered.filename, "PDF (*.pdf)")
            if not path:
                return False
        try:  # the dialog asked before replacing a file; whole or nothing, never via a link
            write_file_atomically(Path(path), self.rendered.pdf, force=True)
        except AppError as error:
            show_error(self, str(error), self.windowTitle())
            return False
        return True


def preview(services: Services, kind: str, ref: str, title: str,
            parent: QWidget | None = None) -> DocumentPreview | None:
    """Render and show a document; errors (e.g. a form that does not apply) as a message."""
    try:
        rendered = services.documents.render(kind, ref)
    except AppError as error:
        show_error(parent, str(error), title)
        return None
    dialog = DocumentPreview(rendered, title, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def render_all(services: Services, kind: str, refs: list[str], report: Any,  # noqa: ANN401
               cancelled: Any) -> tuple[list[Rendered], list[str]]:  # noqa: ANN401
    """Render documents one by one (off the GUI thread); errors are lines, not a failure."""
    done: list[Rendered] = []
    errors: list[str] = []
    for index, ref in enumerate(refs):
        if cancelled.is_set():
            break
        try:
            done.append(services.documents.render(kind, ref))
        except AppError as error:
            errors.append(f"{ref}: {error}")
        report(index + 1, len(refs))
    return done, errors


class BatchPrintDialog(QDialog):
    """All permits issued on a day: rendered in the background with progress, then printed in
    one job or saved into a folder."""

    def __init__(self, services: Services, parent: QWidget | None = None,
                 day: dt.date | None = None):
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(_("Batch print"))
        self.resize(520, 200)
        self.day = QDateEdit()
        self.day.setObjectName("batch_day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        today = day or clock.local_today()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.start_button = QPushButton(_("&Prepare"))
        self.start_button.setObjectName("batch_start")
        self.start_button.clicked.connect(self.start)
        self.progress = QProgressBar()
        self.status = QLabel(_("Permits issued on the chosen day."))
        self.status.setWordWrap(True)
        self.print_button = QPushButton(_("&Print…"))
        self.print_button.setObjectName("batch_print")
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(lambda: self.print_all())
        self.save_button = QPushButton(_("Save into a &folder…"))
        self.save_button.setObjectName("batch_save")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(lambda: self.save_all())
        close = QPushButton(_("Close"))
        close.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Issued on:")))
        top.addWidget(self.day)
        top.addWidget(self.start_button)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(bottom)
        self.rendered: list[Rendered] = []
        self._refused: dict[str, str] = {}
        self._task: BackgroundTask | None = None

    def start(self) -> None:
        date = self.day.date()
        day = dt.date(date.year(), date.month(), date.day())
        refs, refused = self._services.documents.batch_of(day)
        self._refused = refused
        if not refs:
            self.status.setText(_("No permit was issued on {day}.").format(day=format_date(day))
                                if not refused else self._refused_text())
            return
        self.start_button.setEnabled(False)
        self.progress.setRange(0, len(refs))
        self.progress.setValue(0)
        services = self._services
        self._task = run_in_background(
            lambda report, cancelled: render_all(services, "permit", refs, report, cancelled),
            parent=self, on_progress=self._progress,
            on_done=lambda result: self._finished(*result))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(done)
        self.status.setText(_("Prepared {done} of {total}.").format(done=done, total=total))

    def _finished(self, rendered: list, errors: list) -> None:
        self.rendered = rendered
        text = _("{count} document(s) ready.").format(count=len(rendered))
        if errors:
            text += " " + _("Not prepared: {errors}").format(errors="; ".join(errors))
        if self._refused:
            text += " " + self._refused_text()
        self.status.setText(text)
        self.start_button.setEnabled(True)
        self.print_button.setEnabled(bool(rendered))
        self.save_button.setEnabled(bool(rendered))

    def _refused_text(self) -> str:
        """The permits left out: not yet signed, and this user may not sign them."""
        return _("Left out (first printed by whoever signs them): {numbers} — {reason}").format(
            numbers=", ".join(self._refused), reason=next(iter(self._refused.values())))

    def wait(self, timeout_ms: int = 60_000) -> bool:
        """Closing: wait for the background work to end (tests wait with qtbot instead)."""
        return self._task.wait(timeout_ms / 1000) if self._task is not None else True

    @property
    def preparing(self) -> bool:
        return self._task is not None and not self._task.finished

    def print_all(self, printer: QPrinter | None = None) -> int:
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
                return 0
        try:
            return print_pdfs(printer, [(r.filename, r.pdf) for r in self.rendered],
                              lambda done, total: self._progress(done, total))
        except AppError as error:
            show_error(self, str(error), self.windowTitle())
            return 0

    def save_all(self, folder: str | None = None) -> int:
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, _("Save into a folder"))
            if not folder:
                return 0
        try:
            for rendered in self.rendered:
                write_file_atomically(Path(folder) / rendered.filename, rendered.pdf, force=True)
        except AppError as error:
            show_error(self, str(error), self.windowTitle())
            return 0
        self.status.setText(_("{count} file(s) saved in {folder}.").format(
            count=len(self.rendered), folder=folder))
        return len(self.rendered)

    def done(self, result: int) -> None:  # noqa: D401 - Qt override
        if self._task is not None:
            self._task.cancelled.set()
        self.wait()
        super().done(result)
