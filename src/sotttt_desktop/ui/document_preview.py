"""Preview, print and save official documents, and print a batch in the background.

Pages are drawn by PDFium (pypdfium2) — the engine inside Qt's own QtPdf, which the PySide6
6.12 wheels no longer ship. The PDF comes from the services (the same file the CLI writes);
printing draws each page at the printer's resolution (at most 300 dpi) on a page of the
document's own size (A4, A5 or A4 landscape), full page, so the margins of Decree 30 are the
ones in the PDF, not the printer's.

The window never waits for a document: the preview opens at once and says "Preparing…" while
the PDF and its page images are made off the GUI thread, and printing (a 300-dpi image per page,
compressed by the printer's driver) runs off it too. Enter pressed while the document is still
being prepared prints it when it is ready (the desk's "receipt, Enter, Enter").
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QKeyEvent, QPageSize, QPainter, QPixmap
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


_PDFIUM = threading.Lock()  # PDFium is not thread-safe: one call at a time, any thread


class PdfPages:
    """The pages of a PDF as images (usable from any thread)."""

    def __init__(self, pdf: bytes):
        import pypdfium2

        try:
            with _PDFIUM:
                self._document = pypdfium2.PdfDocument(pdf)
        except pypdfium2.PdfiumError as error:
            raise AppError(_("The document could not be opened for printing ({error}).").format(
                error=error)) from error

    def __len__(self) -> int:
        with _PDFIUM:
            return len(self._document)

    def size_points(self, index: int) -> tuple[float, float]:
        with _PDFIUM:
            return self._document[index].get_size()

    def image(self, index: int, dpi: float) -> QImage:
        with _PDFIUM:
            bitmap = self._document[index].render(scale=dpi / 72, rev_byteorder=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888)
            return image.copy()  # detached from PDFium's buffer

    def close(self) -> None:
        with _PDFIUM:
            self._document.close()


def print_pdfs(printer: QPrinter, pdfs: list[tuple[str, bytes]],
               progress: Any = None) -> int:  # noqa: ANN401
    """Print every page of every PDF on `printer`; returns the number of pages printed.
    Runs off the GUI thread (Qt paints on a QPrinter from any thread)."""
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


def prepare_pages(services: Services, kind: str, ref: str) -> tuple[Rendered, list[QImage]]:
    """The document and its pages as images (off the GUI thread: QImage, not QPixmap)."""
    rendered = services.documents.render(kind, ref)
    document = PdfPages(rendered.pdf)
    try:
        return rendered, [document.image(index, PREVIEW_DPI) for index in range(len(document))]
    finally:
        document.close()


class DocumentPreview(QDialog):
    """One document: its pages, Print…, Save as PDF… Opened before the document is ready:
    `show_document` fills it; until then Print and Save wait."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.rendered: Rendered | None = None
        self.printed: int | None = None  # pages of the last print, once it has ended
        self._print_when_ready = False
        self.failed = False  # the document could not be made: the window closes
        self._print_task: BackgroundTask | None = None
        self.setWindowTitle(title)
        self.view = QScrollArea()
        self.view.setObjectName("pdf_view")
        self.view.setWidgetResizable(True)
        self.view.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.view.setStyleSheet("QScrollArea { background: #808080; }")
        self.page_labels: list[QLabel] = []
        self.note = QLabel(_("Preparing the document…"))
        self.print_button = QPushButton(_("&Print…"))
        self.print_button.setObjectName("print_button")
        self.print_button.setDefault(True)  # Enter prints (the desk: receipt, Enter, Enter)
        self.print_button.clicked.connect(lambda: self.print_document())
        self.save_button = QPushButton(_("&Save as PDF…"))
        self.save_button.setObjectName("save_button")
        self.save_button.clicked.connect(lambda: self.save_as())
        for button in (self.print_button, self.save_button):
            button.setEnabled(False)
        close = QPushButton(_("Close"))
        close.setAutoDefault(False)  # Enter while the document is made waits for it, not closes
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._fit(round(210 / 25.4 * PREVIEW_DPI))  # an A4 page wide until the pages come

    @property
    def ready(self) -> bool:
        """The document is shown and no print is running."""
        return self.rendered is not None and (
            self._print_task is None or self._print_task.finished)

    def _fit(self, widest: int) -> None:
        # a page wide, as tall as the screen lets it be: Print and Save stay on a 768-pixel screen
        parent = self.parentWidget()
        room = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        room_size = room.availableGeometry().size() if room is not None else QSize(1920, 1080)
        self.resize(min(widest + 60, room_size.width()), min(960, room_size.height() - 60))

    def show_document(self, rendered: Rendered, images: list[QImage]) -> None:
        self.rendered = rendered
        pages = QWidget()
        pages_layout = QVBoxLayout(pages)
        pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        for image in images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("border: 1px solid #404040;")
            pages_layout.addWidget(label)
            self.page_labels.append(label)
        self.view.setWidget(pages)
        self._fit(max((image.width() for image in images), default=600))
        self.note.setText(_("Reprint: identical to the document as issued.") if rendered.reprint
                          else _("{pages} page(s).").format(pages=len(images)))
        for button in (self.print_button, self.save_button):
            button.setEnabled(True)
        self.print_button.setFocus()
        if self._print_when_ready:
            self._print_when_ready = False
            self.print_document()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.rendered is None:
            self._print_when_ready = True  # Enter before the document is ready: print it then
            self.note.setText(_("Preparing the document… it will be printed when ready."))
            return
        super().keyPressEvent(event)

    def print_document(self, printer: QPrinter | None = None) -> bool:
        """Ask for a printer (none given) and print in the background; `printed` holds the
        number of pages when it ends. False when nothing was started."""
        if self.rendered is None or not self.ready:
            return False
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        self.printed = None
        self.print_button.setEnabled(False)
        self.note.setText(_("Printing…"))  # closing the window does not stop it
        pdfs = [(self.rendered.filename, self.rendered.pdf)]
        self._print_task = run_in_background(lambda: print_pdfs(printer, pdfs), parent=self,
                                       on_done=self._printed, on_error=self._print_failed)
        return True

    def _printed(self, pages: int) -> None:
        self.printed = pages
        self.print_button.setEnabled(True)
        self.note.setText(_("Printed: {pages} page(s).").format(pages=pages))

    def _print_failed(self, error: BaseException) -> None:
        self.printed = 0
        self.print_button.setEnabled(True)
        self.note.setText("")
        if not isinstance(error, AppError):
            raise error
        show_error(self, str(error), self.windowTitle())

    def save_as(self, path: str | None = None) -> bool:
        if self.rendered is None:
            return False
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

    @property
    def preparing(self) -> bool:
        """The document is being made or printed (a failure closes the window instead)."""
        return not self.ready and not self.failed


def preview(services: Services, kind: str, ref: str, title: str,
            parent: QWidget | None = None) -> DocumentPreview:
    """Show a document: the window opens at once and the document is made in the background;
    an error (e.g. a form that does not apply) closes it with a message."""
    dialog = DocumentPreview(title, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def failed(error: BaseException) -> None:
        dialog.failed = True
        dialog.close()
        if not isinstance(error, AppError):
            raise error
        show_error(parent, str(error), title)

    run_in_background(lambda: prepare_pages(services, kind, ref), parent=dialog,
                      on_done=lambda result: dialog.show_document(*result), on_error=failed)
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
        self.printed: int | None = None  # pages of the last print, once it has ended
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

    def print_all(self, printer: QPrinter | None = None) -> bool:
        """Print every prepared document in one job, in the background with progress;
        `printed` holds the number of pages when it ends. False when nothing was started."""
        if not self.rendered or self.preparing:
            return False
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
                return False
        self.printed = None
        for button in (self.start_button, self.print_button, self.save_button):
            button.setEnabled(False)
        self.progress.setRange(0, len(self.rendered))
        pdfs = [(r.filename, r.pdf) for r in self.rendered]
        self._task = run_in_background(
            lambda report, _cancelled: print_pdfs(printer, pdfs, report), parent=self,
            on_progress=self._printing, on_done=self._printed, on_error=self._print_failed)
        return True

    def _printing(self, done: int, total: int) -> None:
        self.progress.setValue(done)
        self.status.setText(_("Printed {done} of {total}.").format(done=done, total=total))

    def _printed(self, pages: int) -> None:
        self.printed = pages
        for button in (self.start_button, self.print_button, self.save_button):
            button.setEnabled(True)
        self.status.setText(_("Printed: {pages} page(s).").format(pages=pages))

    def _print_failed(self, error: BaseException) -> None:
        self.printed = 0
        for button in (self.start_button, self.print_button, self.save_button):
            button.setEnabled(True)
        if not isinstance(error, AppError):
            raise error
        show_error(self, str(error), self.windowTitle())

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
