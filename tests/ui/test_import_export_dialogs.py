"""The import dialog writes the rows the clerk previewed, even when the file was overwritten
since; its progress says how many records (no dangling label); an export reports its progress
and can be cancelled, leaving no file."""

from __future__ import annotations

import time
from pathlib import Path

from sotttt_desktop.errors import CancelledError
from sotttt_desktop.services import Services
from sotttt_desktop.ui.app import ui_settings
from sotttt_desktop.ui.main_window import MainWindow
from tests.services.test_changes import REGISTER, clean_csv
from tests.services.test_import_as_previewed import _csv, _existing, _names, _overwrite


def _view(qtbot, services: Services):  # noqa: ANN001, ANN202
    window = MainWindow(services, ui_settings())
    qtbot.addWidget(window)
    window.show()
    return window, window.area_tab("publishing").register_views[0]


def test_the_dialog_writes_what_was_previewed_not_the_file_as_it_is_now(
        qtbot, services: Services, tmp_path: Path) -> None:  # noqa: ANN001
    before = _existing(services, tmp_path)
    _window, view = _view(qtbot, services)
    path = _csv(tmp_path / "small.csv", [(f"37000002{n:02d}", f"Cơ sở in mới {n}")
                                         for n in range(1, 4)])
    dialog = view.import_file(str(path))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    assert "3 thêm mới" in dialog.summary.text()
    _overwrite(path)  # the same path, another file, before "Write into the register"
    operation = dialog.commit()
    assert operation.dialog.labelText() == "Đang ghi 3 bản ghi vào sổ…"
    qtbot.waitUntil(lambda: operation.done, timeout=60_000)
    assert operation.error is None and dialog.committed
    assert dialog.summary.text() == "Đã ghi: 3 thêm mới, 0 cập nhật."
    after = _names(services)
    assert {k: v for k, v in after.items() if k in before} == before
    assert "CHANGED AFTER PREVIEW" not in after.values() and len(after) == 8


def test_the_commit_progress_counts_records(qtbot, services: Services, tmp_path: Path,  # noqa: ANN001
                                            monkeypatch) -> None:  # noqa: ANN001
    import sotttt_desktop.services.register_files as register_files

    monkeypatch.setattr(register_files, "BATCH_ROWS", 100)
    monkeypatch.setattr(register_files, "MIN_BATCH_ROWS", 100)
    _window, view = _view(qtbot, services)
    dialog = view.import_file(str(clean_csv(tmp_path / "co-so-in.csv", 1_200)))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    operation = dialog.commit()
    assert operation.dialog.labelText() == "Đang ghi 1.200 bản ghi vào sổ…"
    labels: list[str] = []
    operation.task.progressed.connect(lambda _d, _t: labels.append(
        operation.dialog.labelText()))
    qtbot.waitUntil(lambda: operation.done, timeout=60_000)
    assert labels[0] == "Đã ghi vào sổ: 100/1.200 bản ghi."
    assert labels[-1] == "Đã ghi vào sổ: 1.200/1.200 bản ghi."
    assert services.registers.count(REGISTER) == 1_200


def test_an_export_reports_progress_and_can_be_cancelled(qtbot, services: Services,  # noqa: ANN001
                                                         tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    import sotttt_desktop.services.register_files as register_files

    services.register_files.commit(REGISTER, clean_csv(tmp_path / "in.csv", 2_500))
    _window, view = _view(qtbot, services)
    target = tmp_path / "out.csv"
    operation = view.export_file(str(target))
    assert operation is not None and operation.cancel_button is not None
    seen: list[tuple[int, int]] = []
    operation.task.progressed.connect(lambda done, total: seen.append((done, total)))
    qtbot.waitUntil(lambda: operation.done, timeout=60_000)
    assert operation.error is None and seen[0] == (1_000, 2_500) and seen[-1] == (2_500, 2_500)
    assert len(target.read_text(encoding="utf-8-sig").splitlines()) == 2_501
    assert "2.500" in view.count_label.text()
    # cancelled as soon as the first rows are reported: no file, a line saying so
    monkeypatch.setattr(register_files, "EXPORT_STEP", 10)  # asked often: Cancel is heard
    cancelled_target = tmp_path / "huy.xlsx"
    operation = view.export_file(str(cancelled_target))
    operation.task.progressed.connect(lambda _d, _t: operation.cancel_button.click())
    qtbot.waitUntil(lambda: operation.done, timeout=60_000)
    assert isinstance(operation.error, CancelledError)
    assert view.count_label.text() == "Việc xuất dữ liệu đã hủy: không có tệp nào được ghi."
    assert not cancelled_target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".huy")] == []


def test_a_cancelled_update_is_previewed_again_before_it_can_be_retried(
        qtbot, services: Services, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    import sotttt_desktop.services.register_files as register_files

    monkeypatch.setattr(register_files, "BATCH_ROWS", 2)
    monkeypatch.setattr(register_files, "MIN_BATCH_ROWS", 2)
    write_batch = register_files.RegisterFileService._write_batch

    def slow_batch(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        # time for the click on Cancel to arrive before the next batch (PostgreSQL has no
        # pause between batches: the whole import could end before the click)
        written = write_batch(self, *args, **kwargs)
        time.sleep(0.3)
        return written

    monkeypatch.setattr(register_files.RegisterFileService, "_write_batch", slow_batch)
    before = _existing(services, tmp_path)
    _window, view = _view(qtbot, services)
    path = _csv(tmp_path / "doi-ten.csv", [(f"37000001{n:02d}", f"Cơ sở in đổi tên {n}")
                                           for n in range(1, 6)])
    dialog = view.import_file(str(path))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    operation = dialog.commit()
    operation.task.progressed.connect(lambda _d, _t: operation.cancel_button.click())
    qtbot.waitUntil(lambda: operation.done, timeout=60_000)
    assert isinstance(operation.error, CancelledError)
    assert _names(services) == before  # taken back
    qtbot.waitUntil(lambda: not dialog.busy and dialog.preview is not None, timeout=60_000)
    assert dialog.summary.text().startswith("Việc nhập dữ liệu đã hủy")
    assert "5 cập nhật" in dialog.summary.text() and dialog.commit_button.isEnabled()
    operation = dialog.commit()  # the new preview, read after the records were given back
    qtbot.waitUntil(lambda: operation.done, timeout=60_000)
    assert operation.error is None and dialog.committed
    assert sorted(_names(services).values()) == [f"Cơ sở in đổi tên {n}" for n in range(1, 6)]
