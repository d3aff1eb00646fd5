"""Documents in the app, offscreen: preview a permit and a form, print to a PDF printer, save,
and a batch print prepared in the background."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter

from sotttt_desktop.core import clock
from sotttt_desktop.services import Services
from sotttt_desktop.ui.document_preview import BatchPrintDialog, DocumentPreview
from sotttt_desktop.ui.one_stop import DossierDialog, PermitsView
from tests.permit_samples import SAMPLES


@pytest.fixture(autouse=True)
def bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOTTTT_DOCUMENT_FONT", "bundled")


def _permits(services: Services, count: int = 1, on: dt.date | None = None) -> list[dict]:
    holder = services.parties.add(kind="org", name="Công ty TNHH In Hòa Phú",
                                  tax_code="3700555444", district_code="718")
    issued = []
    for _n in range(count):
        code = services.dossiers.receive("publishing.printing.issue", holder["id"],
                                         received_at=dt.datetime(2024, 3, 1, 9))["code"]
        services.dossiers.act(code, "start_appraisal")
        services.dossiers.act(code, "approve")
        issued.append(services.permits.issue(code, subject="Cơ sở in Hòa Phú",
                                             on=on or clock.local_today(),
                                             details=SAMPLES["publishing.printing"]))
    return issued


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(150)
    return printer


def _pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(next(line.split()[-1] for line in out.stdout.splitlines()
                    if line.startswith("Pages:")))


def test_preview_print_and_save_a_permit(qtbot, services: Services, tmp_path: Path,  # noqa: ANN001
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    permit = _permits(services)[0]
    view = PermitsView(services)
    qtbot.addWidget(view)
    view.show()  # the list is read when first shown
    view.table.selectRow(0)
    dialog = view.preview_selected()
    assert isinstance(dialog, DocumentPreview)
    qtbot.addWidget(dialog)
    # the window opens at once; the document is made in the background
    assert dialog.isVisible() and not dialog.print_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.ready, timeout=30_000)
    assert len(dialog.page_labels) == 1
    pixmap = dialog.page_labels[0].pixmap()
    assert abs(pixmap.width() / pixmap.height() - 210 / 297) < 0.01  # an A4 page
    assert dialog.print_document(_pdf_printer(tmp_path / "printed.pdf"))
    qtbot.waitUntil(lambda: dialog.printed is not None, timeout=30_000)  # printed off the GUI
    assert dialog.printed == 1 and _pages(tmp_path / "printed.pdf") == 1
    assert dialog.save_as(str(tmp_path / "saved.pdf"))
    assert (tmp_path / "saved.pdf").read_bytes() == dialog.rendered.pdf
    # never through a symbolic link: the file it points to stays as it was
    shown: list[str] = []
    monkeypatch.setattr("sotttt_desktop.ui.document_preview.show_error",
                        lambda _parent, message, _title=None: shown.append(message))
    (tmp_path / "other.txt").write_text("giữ nguyên", encoding="utf-8")
    (tmp_path / "link.pdf").symlink_to(tmp_path / "other.txt")
    assert not dialog.save_as(str(tmp_path / "link.pdf"))
    assert "liên kết tượng trưng" in shown[0]
    assert (tmp_path / "other.txt").read_text(encoding="utf-8") == "giữ nguyên"
    dialog.hide()
    again = view.preview_selected()  # a reprint: the same file, said so
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.ready, timeout=30_000)
    assert again.rendered.reprint and again.rendered.pdf == dialog.rendered.pdf
    assert "giống hệt" in again.note.text()
    assert permit["number"] in again.windowTitle()


def test_a_form_from_the_dossier_dialog(qtbot, services: Services,  # noqa: ANN001
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr("sotttt_desktop.ui.document_preview.show_error",
                        lambda _parent, message, _title=None: shown.append(message))
    permit = _permits(services)[0]
    dialog = DossierDialog(services, permit["dossier"])
    qtbot.addWidget(dialog)
    assert dialog.buttons["forms"].menu().actions()[0].text().replace("&", "").startswith("01 — ")
    preview = dialog.print_form("01")
    qtbot.addWidget(preview)
    qtbot.waitUntil(lambda: preview.ready, timeout=30_000)
    room = preview.screen().availableGeometry()  # its Print and Save buttons on the screen
    assert preview.height() <= room.height() and preview.width() <= room.width()
    pixmap = preview.page_labels[0].pixmap()
    assert abs(pixmap.width() / pixmap.height() - 148 / 210) < 0.01  # an A5 page
    refused = dialog.print_form("02")  # no supplement was asked: a message, no preview
    qtbot.waitUntil(lambda: refused.failed, timeout=30_000)
    assert shown == ["Chưa thể in Mẫu 02: hồ sơ chưa có bước xử lý tương ứng."]


def test_batch_print_in_the_background(qtbot, services: Services, tmp_path: Path) -> None:  # noqa: ANN001
    _permits(services, count=3)
    dialog = BatchPrintDialog(services)
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=30_000)
    assert len(dialog.rendered) == 3 and dialog.progress.value() == 3
    assert dialog.print_all(_pdf_printer(tmp_path / "batch.pdf"))
    qtbot.waitUntil(lambda: dialog.printed is not None, timeout=30_000)
    assert dialog.printed == 3 and _pages(tmp_path / "batch.pdf") == 3
    assert dialog.save_all(str(tmp_path)) == 3
    assert len(list(tmp_path.glob("permit-*.pdf"))) == 3
    dialog.day.setDate(dialog.day.date().addDays(-400))
    dialog.start()
    assert "Không có giấy phép" in dialog.status.text()
