"""Tools → Register of outgoing documents: the Văn thư records a paper number, voids one and
saves the printed register; others read it with the buttons off and the reason shown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sotttt_desktop.services import Services
from sotttt_desktop.ui.dialogs.register_dialog import OutsideNumberDialog, RegisterDialog
from tests.documents.helpers import pdf_text

PASSWORD = "mat-khau-1"


def _as(services: Services, username: str, role: str, **kw: object) -> Services:
    services.security.add_user(username, username, PASSWORD, [role], must_change=False, **kw)
    return services.as_actor(services.security.login(username, PASSWORD))


def test_the_clerk_records_voids_and_prints(qtbot, services: Services, tmp_path: Path) -> None:  # noqa: ANN001
    clerk = _as(services, "vanthu", "records_clerk")
    dialog = RegisterDialog(clerk)
    qtbot.addWidget(dialog)
    assert dialog.record_button.isEnabled() and dialog.table.rowCount() == 0
    outside = OutsideNumberDialog(clerk, dt.date.today().year, dialog)
    qtbot.addWidget(outside)
    outside.symbol.setText("QĐ")
    outside.number.setValue(2)
    outside.record()  # no summary: refused, the dialog stays open with the reason
    assert outside.error.text() and outside.result() != outside.DialogCode.Accepted
    outside.summary.setText("Quyết định thành lập Đoàn kiểm tra")
    outside.signer.setText("Nguyễn Văn Giám")
    outside.copies.setValue(4)
    outside.record()
    assert outside.result() == outside.DialogCode.Accepted
    dialog.reload()
    assert [dialog.table.item(r, 0).text() for r in range(2)] == ["01", "02/QĐ-STTTT"]
    dialog.table.selectRow(0)
    assert dialog.void_selected(reason="Số dự phòng không dùng")
    assert "Số dự phòng không dùng" in dialog.table.item(0, 5).text()
    target = tmp_path / "so.pdf"
    assert dialog.save_pdf(str(target))
    flat = " ".join(pdf_text(target.read_bytes()).split())
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐI" in flat and "Quyết định thành lập Đoàn kiểm tra" in flat


def test_others_read_the_register_without_changing_it(qtbot, services: Services) -> None:  # noqa: ANN001
    specialist = _as(services, "chuyenvien", "specialist", areas=["publishing"])
    dialog = RegisterDialog(specialist)
    qtbot.addWidget(dialog)
    assert not dialog.record_button.isEnabled() and not dialog.void_button.isEnabled()
    assert dialog.record_button.toolTip()  # says which right is missing
    assert dialog.pdf_button.isEnabled()
