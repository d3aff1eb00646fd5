"""The level check in the form of a new information system (issue #19): the questions of the
chosen class are shown, the level and its criterion appear as the specialist answers, before
saving; saved, the record says it again."""

from __future__ import annotations

from sotttt_desktop.services import Services
from sotttt_desktop.ui.dialogs.record_form import RecordFormDialog


def test_the_form_proposes_the_level_as_the_questions_are_answered(
        qtbot, services: Services) -> None:  # noqa: ANN001
    owner = services.parties.add(kind="org", name="Ủy ban nhân dân tỉnh Bình Dương",
                                 district_code="718")
    form = RecordFormDialog(services, "information_systems")
    qtbot.addWidget(form)
    form.show()
    rows = {f.name: row for row, f in enumerate(form._spec.form_fields)}  # noqa: SLF001
    layout = form._form  # noqa: SLF001
    form.set_text("system_class", "internal")
    assert layout.isRowVisible(rows["info_kind"])
    assert not layout.isRowVisible(rows["online_service_level"])  # a public service's question
    form.set_text("info_kind", "public_only")
    qtbot.waitUntil(lambda: "Cấp độ theo tiêu chí: 1 — Điều 7" in form.remarks.text())
    assert form.remarks.text().startswith("Cấp độ theo tiêu chí: 1 — Điều 7")
    form.set_text("system_class", "public_service")
    assert layout.isRowVisible(rows["online_service_level"])
    form.set_text("online_service_level", "4")
    qtbot.waitUntil(lambda: "Cấp độ theo tiêu chí: 3 — Điều 9" in form.remarks.text())
    form.set_text("name", "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh")
    form.set_text("owner_id", str(owner["id"]))
    form._save()  # noqa: SLF001
    assert form.saved_record is not None
    assert form.saved_record["suggested_level"] == "3"


def test_an_incident_step_is_dated_when_it_happened(qtbot, services: Services) -> None:  # noqa: ANN001
    """The notification sent yesterday at 14:30 and recorded now counts at 14:30; the other
    steps of other kinds do not ask."""
    import datetime as dt

    from PySide6.QtCore import QDateTime

    from sotttt_desktop.core import clock
    from sotttt_desktop.ui.case_dialogs import StepDialog

    owner = services.parties.add(kind="org", name="Ủy ban nhân dân tỉnh Bình Dương")
    system = services.registers.create("information_systems", {
        "name": "Cổng thông tin điện tử tỉnh", "system_class": "public_service",
        "online_service_level": "2", "owner_id": str(owner["id"]), "defence_harm": "none",
        "state": "in_use"})
    today = clock.local_now().replace(hour=0, minute=0, second=0, microsecond=0)
    discovered, sent = today - dt.timedelta(days=2, hours=-9), today - dt.timedelta(hours=9, minutes=30)
    opened = services.cases.open("security_incident", "Thay đổi giao diện", data={
        "system_id": str(system["id"]), "impact": "minor", "description": "Trang chủ bị thay",
        "discovered_at": discovered.strftime("%d/%m/%Y %H:%M")})
    dialog = StepDialog(services, services.cases.show(opened["code"]))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.step.setCurrentIndex(dialog.step.findData("notify"))
    assert dialog.when.isVisibleTo(dialog)
    dialog.when.setDateTime(QDateTime(sent.year, sent.month, sent.day, sent.hour, sent.minute, 0))
    assert dialog.take()
    shown = services.cases.show(opened["code"])
    assert shown["timeline"][-1]["at"] == sent
    assert shown["clocks"][0]["status"] == "on_time"
