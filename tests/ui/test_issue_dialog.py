"""Every procedure issued from the app (issue #12 item 3): the real issue dialog shows one input
per declared field, prefilled from the applicant or from the replaced permit, the clerk types the
contents and clicks "Sign and issue", and the register entry carries what was typed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from sotttt_desktop.catalog import load as load_catalogue
from sotttt_desktop.core.calendar import TimeUnit
from sotttt_desktop.permits import contents as permit_contents
from sotttt_desktop.permits import contents_for
from sotttt_desktop.services import Services
from sotttt_desktop.services.permits import REPLACING_ACTIONS, TO_NEW_HOLDER
from sotttt_desktop.ui.issue_dialog import IssueDialog
from tests.permit_samples import SAMPLES

ISSUABLE = sorted(p.key for p in load_catalogue().list() if p.unit is not TimeUnit.HOURS_BEFORE)
APPLICANT = {"kind": "org", "name": "Công ty Cổ phần Văn hóa Sông Bé", "tax_code": "3700999111",
             "district_code": "718", "commune_code": "25747", "address": "Số 1 đường Yersin",
             "legal_representative": "Trần Văn Bình", "phone": "0274 3822 123",
             "email": "vanhoa@songbe.vn"}


def _approved(services: Services, holder: dict, key: str) -> dict:
    code = services.dossiers.receive(key, holder["id"],
                                     received_at=dt.datetime(2024, 6, 3, 9))["code"]
    for step in ("start_appraisal", "approve"):
        services.dossiers.act(code, step)
    return services.dossiers.show(code)


def _type(qtbot, editor, text: str) -> None:  # noqa: ANN001
    """As the clerk types it: the input cleared, then the keys."""
    if isinstance(editor, QComboBox):
        index = editor.findData(text)
        assert index >= 0, text
        editor.setCurrentIndex(index)
        return
    editor.setFocus()
    if isinstance(editor, QLineEdit):
        editor.clear()
    else:
        assert isinstance(editor, QPlainTextEdit)
        editor.clear()
    type_keys(editor, text)


def type_keys(editor, text: str) -> None:  # noqa: ANN001
    """Key presses carrying each character (QTest.keyClicks aborts on letters such as "ệ")."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(editor, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     char))


@pytest.mark.parametrize("key", ISSUABLE)
def test_every_procedure_is_issued_from_the_dialog(key: str, qtbot, services: Services  # noqa: ANN001
                                                   ) -> None:
    procedure = load_catalogue().get(key)
    contents = contents_for(procedure.family)
    sample = SAMPLES[procedure.family]
    holder = services.parties.add(**APPLICANT)
    expected = dict(sample)
    if procedure.action in REPLACING_ACTIONS:
        first_key = next(p.key for p in load_catalogue().list()
                         if p.family == procedure.family and p.action == "issue")
        # a transfer replaces the permit of the former holder; the others the applicant's own
        owner = services.parties.add(**{**APPLICANT, "name": "Công ty TNHH Bán Máy",
                                        "tax_code": "3700999222", "address": "Số 9 Đại lộ"}
                                     ) if procedure.action in TO_NEW_HOLDER else holder
        services.permits.issue(_approved(services, owner, first_key)["code"], subject="",
                               details=sample, on=dt.date(2024, 6, 5))
    dialog = IssueDialog(services, _approved(services, holder, key))
    qtbot.addWidget(dialog)
    dialog.show()
    shown = dialog.contents.raw_values()
    assert list(shown) == list(contents.field_names())  # one input per field, declared order
    if procedure.action in REPLACING_ACTIONS:
        # the replaced permit's contents are the starting point; a new holder's own details
        start = permit_contents.edit_texts(
            contents, permit_contents.parse(contents, sample, services.reference))
        if procedure.action in TO_NEW_HOLDER:
            start.update({name: holder[attribute] for name, attribute in contents.prefill.items()})
            expected.update(start)
        assert {k: v for k, v in shown.items() if v} == start
        # a one-line text if the family has one (a distributor's is its list of outlets)
        changed = next(s.name for s in sorted(contents.specs(), key=lambda s: s.kind != "text")
                       if s.kind in ("text", "multiline"))
        expected[changed] = sample[changed] + " mới"
        editor = dialog.contents.editors[changed]
        editor.setFocus()
        if isinstance(editor, QPlainTextEdit):
            editor.moveCursor(QTextCursor.MoveOperation.End)
        else:
            editor.end(False)
        type_keys(editor, " mới")
    else:
        for name, attribute in contents.prefill.items():  # from the applicant
            wanted = next((holder[a] for a in attribute.split("|") if holder.get(a)), "")
            assert shown[name] == wanted, name
        for name, text in sample.items():
            _type(qtbot, dialog.contents.editors[name], text)
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    permit = services.permits.list(limit=1)[0]
    assert services.dossiers.show(permit["dossier"])["state"] == "result_ready"
    # a declared period prints its two days as one line, under the first day's place
    printed = [n for n in contents.field_names() if not contents.period or n != contents.period[1]]
    form_view = dict(zip(printed, (text for _l, text in permit["contents"]), strict=True))
    assert set(form_view) == set(expected) - ({contents.period[1]} if contents.period else set())
    assert set(stored_names := contents.field_names()) == set(expected), stored_names
    if contents.register:
        entries = list(services.registers.iter_records(contents.register))
        assert len(entries) == 1
        stored = services.permits.show(permit["reference"])["details"]
        for name in contents.field_names():
            if name not in entries[0]:  # the permit's own line (a consent's loudspeakers)
                continue
            value = entries[0][name]
            if isinstance(value, Decimal):  # kept as exact text in the permit
                value, stored[name] = str(value.normalize()), str(Decimal(stored[name]).normalize())
            assert (value.isoformat() if hasattr(value, "isoformat") else value) == stored[name]
        for name in contents.field_names():
            spec = contents.specs()[contents.field_names().index(name)]
            if spec.kind == "text" and spec.normalise is None:  # a phone is kept normalised
                assert stored[name] == expected[name], name


def test_a_wrong_value_is_said_next_to_its_field_and_nothing_is_written(
        qtbot, services: Services) -> None:  # noqa: ANN001
    holder = services.parties.add(**APPLICANT)
    dialog = IssueDialog(services, _approved(services, holder, "e_information.game_point.issue"))
    qtbot.addWidget(dialog)
    dialog.show()
    for name, text in SAMPLES["e_information.game_point"].items():
        _type(qtbot, dialog.contents.editors[name], text)
    _type(qtbot, dialog.contents.editors["owner_phone"], "12")
    assert dialog.contents.error_text("owner_phone")  # as typed, like a register form
    dialog.contents.editors["floor_area"].clear()
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.contents.error_text("floor_area") == "Trường này bắt buộc nhập."
    assert services.permits.list() == []
