"""Tools → Check a document ("Kiểm tra văn bản"), offscreen: type or paste a code, open a PDF,
read the verdict in Vietnamese; every signed-in role has the menu action."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from sotttt_desktop.core import verification
from sotttt_desktop.services import Services
from sotttt_desktop.services.actor import Actor
from sotttt_desktop.ui.app import ui_settings
from sotttt_desktop.ui.dialogs.verify_dialog import VerifyDialog
from sotttt_desktop.ui.main_window import MainWindow
from tests.permit_samples import SAMPLES

VIEWER = Actor(username="xem", display_name="Người xem", authenticated=True,
               grants=frozenset({("directory", "view")}))


@pytest.fixture(autouse=True)
def bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOTTTT_DOCUMENT_FONT", "bundled")


def _permit(services: Services) -> dict:
    holder = services.parties.add(kind="org", name="Công ty TNHH In Hòa Phú",
                                  tax_code="3700555444", district_code="718")
    code = services.dossiers.receive("publishing.printing.issue", holder["id"],
                                     received_at=dt.datetime(2024, 3, 1, 9))["code"]
    services.dossiers.act(code, "start_appraisal")
    services.dossiers.act(code, "approve")
    return services.permits.issue(code, subject="Cơ sở in Hòa Phú", on=dt.date.today(),
                                  details=SAMPLES["publishing.printing"])


def _check(qtbot, dialog: VerifyDialog, text: str) -> str:  # noqa: ANN001
    dialog.code_edit.clear()
    qtbot.keyClicks(dialog.code_edit, text)
    qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.check_button.isEnabled()
                    and dialog.status_label.text() != "Đang kiểm tra…", timeout=20_000)
    return dialog.status_label.text()


def test_type_a_code_and_read_the_verdict(qtbot, services: Services,  # noqa: ANN001
                                          tmp_path: Path) -> None:
    permit = _permit(services)
    pdf = services.documents.render("permit", permit["number"]).pdf
    code = services.documents.permit_data(permit["number"])["qr_payload"]
    dialog = VerifyDialog(services.as_actor(VIEWER))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Kiểm tra văn bản"
    assert _check(qtbot, dialog, code) == "Tình trạng: còn hiệu lực"
    details = dialog.details_label.text()
    assert f"số {permit['number']}" in details and "Cấp cho: Công ty TNHH In Hòa Phú" in details
    assert f"Mã xác thực: {verification.short_form(code)}" in details
    assert "#1b5e20" in dialog.status_label.styleSheet()
    # the short code printed on the page, typed as a clerk would
    short = verification.short_form(code).lower().replace("-", " ")
    assert _check(qtbot, dialog, short) == "Tình trạng: còn hiệu lực"
    middle = len(code) // 2
    forged = code[:middle] + ("A" if code[middle] != "A" else "B") + code[middle + 1:]
    assert _check(qtbot, dialog, forged).startswith("Tình trạng: giả mạo")
    assert "#b00020" in dialog.status_label.styleSheet()
    # a PDF (its path typed, or chosen with Open a file…): read in the background
    path = tmp_path / "giay-phep.pdf"
    path.write_bytes(pdf)
    assert _check(qtbot, dialog, str(path)) == "Tình trạng: còn hiệu lực"
    other = tmp_path / "khac.pdf"
    other.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert _check(qtbot, dialog, str(other)).startswith("Không tìm thấy mã xác thực")


def test_every_role_opens_it_from_the_tools_menu(qtbot, services: Services) -> None:  # noqa: ANN001
    window = MainWindow(services.as_actor(VIEWER), ui_settings())
    qtbot.addWidget(window)
    window.show()
    action = window.findChild(type(window.menuBar().actions()[0]), "action_verify_document")
    assert action is not None and action.isVisible() and action.isEnabled()
    assert action.text() == "Kiểm tra &văn bản…"
    seen: list[str] = []

    def close_it() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, VerifyDialog):
            seen.append(widget.windowTitle())
            widget.reject()
        else:
            QTimer.singleShot(20, close_it)

    QTimer.singleShot(20, close_it)
    action.trigger()
    assert seen == ["Kiểm tra văn bản"]


def _answer_next(qtbot, answers: list[str]) -> None:  # noqa: ANN001
    """Fill the next file or input dialog with `answers[0]`, as a person types it."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit

    def answer() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QFileDialog):
            widget.findChild(QLineEdit, "fileNameEdit").setText(answers.pop(0))
            widget.accept()
        elif isinstance(widget, QInputDialog):
            widget.setTextValue(answers.pop(0))
            widget.accept()
        if answers:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)


def test_an_administrator_exports_and_another_installation_imports_the_key(
        qtbot, services: Services, template_db: Path, tmp_path: Path) -> None:  # noqa: ANN001
    import shutil

    from sotttt_desktop.services.setup import open_services
    from sotttt_desktop.settings import sqlite_location
    from tests.conftest import TEST_ACTOR

    permit = _permit(services)
    code = services.documents.permit_data(permit["number"])["qr_payload"]
    ours = VerifyDialog(services)  # the tester may administer
    qtbot.addWidget(ours)
    ours.show()
    key_file = tmp_path / "dept.pub"
    _answer_next(qtbot, [str(key_file)])
    ours.findChild(type(ours.check_button), "verify_export_key").click()
    fingerprint = services.verification.own_key()["fingerprint"]
    assert key_file.exists() and fingerprint in key_file.read_text(encoding="utf-8")
    assert ours.status_label.text().startswith("Đã lưu khóa công khai vào")
    assert f"Khóa của đơn vị: dấu vân tay {fingerprint}" in ours.keys_label.text()

    other_path = tmp_path / "b" / "sotttt.sqlite3"
    other_path.parent.mkdir()
    shutil.copyfile(template_db, other_path)
    other = open_services(sqlite_location(other_path)).as_actor(TEST_ACTOR)
    try:
        theirs = VerifyDialog(other)
        qtbot.addWidget(theirs)
        theirs.show()
        assert "Chưa tin cậy khóa của cơ quan nào khác." in theirs.keys_label.text()
        assert _check(qtbot, theirs, code).startswith("Tình trạng: chưa kiểm tra được")
        _answer_next(qtbot, [str(key_file), "Sở TT&TT tỉnh Bình Dương"])
        theirs.findChild(type(theirs.check_button), "verify_import_key").click()
        assert f"Tin cậy: Sở TT&TT tỉnh Bình Dương, dấu vân tay {fingerprint}" in \
            theirs.keys_label.text()
        assert _check(qtbot, theirs, code) == "Tình trạng: thật: do Sở TT&TT tỉnh Bình Dương ký"
    finally:
        other.db.close()
    # a viewer sees no key buttons
    viewer = VerifyDialog(services.as_actor(VIEWER))
    qtbot.addWidget(viewer)
    assert viewer.keys_box is None
