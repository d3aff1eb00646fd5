"""The editors of the party, record, rows and files kinds, clicked as a clerk would; the record
form of a register holding all four saves what they say."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, QObject, Qt, QTime, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton, QTableWidget

from sotttt_desktop.i18n import LOCAL_TZ
from sotttt_desktop.registers import add_register, remove_register
from sotttt_desktop.registers.spec import FieldKind, FieldSpec
from sotttt_desktop.services import Services
from sotttt_desktop.services.actor import Actor
from sotttt_desktop.services.records import parse_field
from sotttt_desktop.ui.dialogs.record_detail import RecordDetailDialog
from sotttt_desktop.ui.dialogs.record_form import RecordFormDialog
from sotttt_desktop.ui.field_editors import editor_text, make_editor
from sotttt_desktop.ui.widgets.linked_editors import FilesEditor, RecordPicker, RowsEditor
from tests.services.test_sample_register import RAW, SAMPLE, SampleBase

PARTY = FieldSpec("party_id", "Inspected party", FieldKind.PARTY)
ROWS = SAMPLE.field("activities")
FILES = SAMPLE.field("evidence")


def _party(services: Services, name: str, tax_code: str, district: str) -> dict:
    return services.registers.create("parties", {"kind": "org", "name": name,
                                                 "tax_code": tax_code, "district_code": district})


def test_the_party_picker_searches_and_chooses(qtbot, services: Services) -> None:  # noqa: ANN001
    sao_mai = _party(services, "Công ty TNHH Quảng cáo Sao Mai", "3700123456", "Dĩ An")
    _party(services, "Công ty Quảng cáo Bến Cát", "3700222333", "Bến Cát")
    changes: list[int] = []
    picker = make_editor(PARTY, services, lambda: changes.append(1), lambda: None)
    qtbot.addWidget(picker)
    assert isinstance(picker, RecordPicker) and editor_text(picker) == ""
    qtbot.keyClicks(picker.search, "quang cao")  # keyClicks types ASCII only
    qtbot.waitUntil(lambda: picker.matches.count() == 2)  # after the pause in typing
    assert [picker.matches.item(i).text() for i in range(2)] == [
        "Công ty Quảng cáo Bến Cát (3700222333)", "Công ty TNHH Quảng cáo Sao Mai (3700123456)"]
    item = picker.matches.item(1)
    qtbot.mouseClick(picker.matches.viewport(), Qt.MouseButton.LeftButton,
                     pos=picker.matches.visualItemRect(item).center())
    assert editor_text(picker) == str(sao_mai["id"]) and changes
    assert picker.chosen.text() == "✔ Công ty TNHH Quảng cáo Sao Mai (3700123456)"
    assert parse_field(PARTY, editor_text(picker), services.reference) == (sao_mai["id"], None)
    qtbot.keyClicks(picker.search, "3700123456")  # a tax code and Enter: the only match
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert editor_text(picker) == str(sao_mai["id"])
    qtbot.mouseClick(picker.findChild(QPushButton, "clear_party_id"), Qt.MouseButton.LeftButton)
    assert editor_text(picker) == "" and picker.chosen.text() == "Chưa chọn."


def test_a_district_officer_picks_only_in_the_district(qtbot, services: Services) -> None:  # noqa: ANN001
    _party(services, "Công ty TNHH Quảng cáo Sao Mai", "3700123456", "Dĩ An")
    _party(services, "Công ty Quảng cáo Bến Cát", "3700222333", "Bến Cát")
    officer = services.as_actor(Actor(
        username="dian", display_name="Dĩ An", authenticated=True,
        grants=frozenset({("*", "view")}), district_code=services.reference.find_district("Dĩ An")))
    picker = make_editor(PARTY, officer, lambda: None, lambda: None)
    qtbot.addWidget(picker)
    picker.search.setText("quang cao")
    picker.search_now()
    assert [picker.matches.item(i).text() for i in range(picker.matches.count())] == [
        "Công ty TNHH Quảng cáo Sao Mai (3700123456)"]


def test_rows_are_added_typed_and_removed(qtbot, services: Services) -> None:  # noqa: ANN001
    editor = make_editor(ROWS, services, lambda: None, lambda: None)
    qtbot.addWidget(editor)
    assert isinstance(editor, RowsEditor)
    add = editor.findChild(QPushButton, "add_row_activities")
    for _ in range(3):
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    table = editor.findChild(QTableWidget, "rows_activities")
    assert table.rowCount() == 3
    for row, cells in enumerate([("05/03/2024", "Kiểm tra", "Phòng TTBCXB"),
                                 ("06/03/2024", "Lập biên bản", ""), ("07/03/2024", "Xóa", "")]):
        for column, text in enumerate(cells):
            table.item(row, column).setText(text)
    table.setCurrentCell(2, 0)
    qtbot.mouseClick(editor.findChild(QPushButton, "remove_row_activities"),
                     Qt.MouseButton.LeftButton)
    assert editor_text(editor) == ("05/03/2024 | Kiểm tra | Phòng TTBCXB\n"
                                   "06/03/2024 | Lập biên bản")
    value, error = parse_field(ROWS, editor_text(editor), services.reference)
    assert error is None and [r["content"] for r in value] == ["Kiểm tra", "Lập biên bản"]
    editor.set_text("31/02/2024 | Kiểm tra")
    assert table.rowCount() == 1
    assert parse_field(ROWS, editor_text(editor), services.reference)[1] == \
        "Dòng 1, On the day: Ghi ngày theo dạng ngày/tháng/năm, ví dụ 05/03/1990."


class _Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def show(self, url: QUrl) -> None:
        self.urls.append(url)


def test_evidence_files_are_added_removed_and_opened(qtbot, services: Services,  # noqa: ANN001
                                                    tmp_path: Path) -> None:
    editor = make_editor(FILES, services, lambda: None, lambda: None)
    qtbot.addWidget(editor)
    assert isinstance(editor, FilesEditor)
    first, second = tmp_path / "bien-ban.pdf", tmp_path / "anh.jpg"
    first.write_bytes(b"%PDF-1.4 minutes")
    second.write_bytes(b"\xff\xd8 photo")
    editor.add_paths([first, second])  # what Add file… does with the files chosen
    assert [e["name"] for e in json.loads(editor_text(editor))] == ["bien-ban.pdf", "anh.jpg"]
    opened = _Opened()
    QDesktopServices.setUrlHandler("file", opened, "show")
    try:
        editor.files.setCurrentRow(0)
        qtbot.mouseClick(editor.findChild(QPushButton, "open_file_evidence"),
                         Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert Path(opened.urls[0].toLocalFile()).read_bytes() == b"%PDF-1.4 minutes"
    qtbot.mouseClick(editor.findChild(QPushButton, "remove_file_evidence"),
                     Qt.MouseButton.LeftButton)
    assert [e["name"] for e in json.loads(editor_text(editor))] == ["anh.jpg"]
    editor.add_paths([tmp_path / "khong-co.pdf"])
    assert not editor.error.isHidden() and "khong-co.pdf" in editor.error.text()


def test_each_evidence_file_keeps_its_capture_time(qtbot, services: Services,  # noqa: ANN001
                                                   tmp_path: Path) -> None:
    """The capture time starts as the file's last change and is corrected per file."""
    editor = make_editor(FILES, services, lambda: None, lambda: None)
    qtbot.addWidget(editor)
    assert isinstance(editor, FilesEditor)
    shot = tmp_path / "anh-chup.png"
    shot.write_bytes(b"\x89PNG capture")
    taken = dt.datetime(2024, 3, 5, 9, 40, tzinfo=LOCAL_TZ).timestamp()
    os.utime(shot, (taken, taken))
    assert not editor.captured.isEnabled()  # no file chosen yet
    editor.add_paths([shot])
    assert editor.captured.isEnabled()
    assert editor.captured.dateTime().toString("dd/MM/yyyy HH:mm") == "05/03/2024 09:40"
    assert editor.files.item(0).text().endswith("05/03/2024 09:40")
    editor.captured.setDateTime(QDateTime(QDate(2024, 3, 5), QTime(9, 15)))
    [entry] = json.loads(editor_text(editor))
    assert entry["captured_at"] == "2024-03-05T09:15"
    assert editor.files.item(0).text().endswith("05/03/2024 09:15")
    again = make_editor(FILES, services, lambda: None, lambda: None)
    qtbot.addWidget(again)
    again.set_text(editor_text(editor))  # a saved record opened again
    again.files.setCurrentRow(0)
    assert again.captured.dateTime().toString("dd/MM/yyyy HH:mm") == "05/03/2024 09:15"


@pytest.fixture
def sample(services: Services) -> Iterator[Services]:
    SampleBase.metadata.create_all(services.db.engine, tables=[SAMPLE.model.__table__])
    add_register(SAMPLE)
    yield services
    remove_register(SAMPLE.key)


def test_the_record_form_saves_all_four_kinds(qtbot, sample: Services,  # noqa: ANN001
                                              tmp_path: Path) -> None:
    party = _party(sample, "Công ty TNHH Quảng cáo Sao Mai", "3700123456", "Dĩ An")
    facility = sample.registers.create("printing_facilities", {
        "tax_code": "3700111222", "name": "Công ty In Đức Hưng", "district_code": "718",
        "licence_kind": "permit", "state": "active"})
    evidence = tmp_path / "bien-ban.pdf"
    evidence.write_bytes(b"%PDF-1.4 minutes")
    dialog = RecordFormDialog(sample, SAMPLE.key)
    qtbot.addWidget(dialog)
    for name, text in RAW.items():
        dialog.set_text(name, text)
    dialog.set_text("district_code", str(sample.reference.find_district("Dĩ An")))
    dialog.set_text("violation", "1")  # the choices' values (a file may say "có")
    dialog.set_text("result", "open")  # nothing is chosen until the clerk chooses
    dialog.set_text("party_id", "3700123456")  # as a picker shows a stored one
    picker = dialog.findChild(RecordPicker, "field_facility_id")
    picker.search.setText("duc hung")
    picker.search_now()
    picker.matches.setCurrentRow(0)
    picker.matches.itemActivated.emit(picker.matches.item(0))
    rows = dialog.findChild(RowsEditor, "field_activities")
    rows.set_text("05/03/2024 | Kiểm tra giấy phép | Phòng TTBCXB\n06/03/2024 | Lập biên bản")
    dialog.findChild(FilesEditor, "field_evidence").add_paths([evidence])
    dialog.resize(720, 1400)
    dialog.show()
    assert dialog.grab().save(str(tmp_path / "form.png"))  # looked at: all four editors
    dialog._save()
    saved = dialog.saved_record
    assert saved is not None, (dialog._summary.text(), {n: dialog.error_text(n) for n in dialog._editors if dialog.error_text(n)})
    assert (saved["party_id"], saved["facility_id"]) == (party["id"], facility["id"])
    assert [r["content"] for r in saved["activities"]] == ["Kiểm tra giấy phép", "Lập biên bản"]
    assert [e["name"] for e in saved["evidence"]] == ["bien-ban.pdf"]
    again = RecordFormDialog(sample, SAMPLE.key, saved)  # opened again to edit: all shown
    qtbot.addWidget(again)
    assert again.findChild(RecordPicker, "field_party_id").chosen.text() == \
        "✔ Công ty TNHH Quảng cáo Sao Mai (3700123456)"
    assert again.findChild(RowsEditor, "field_activities").table.rowCount() == 2
    assert again.findChild(FilesEditor, "field_evidence").files.count() == 1
    detail = RecordDetailDialog(sample, SAMPLE.key, saved)
    qtbot.addWidget(detail)
    table = detail.findChild(QTableWidget, "detail_activities")
    assert table.rowCount() == 2 and table.item(1, 1).text() == "Lập biên bản"
    detail.resize(720, 900)
    detail.show()
    assert detail.grab().save(str(tmp_path / "detail.png"))
