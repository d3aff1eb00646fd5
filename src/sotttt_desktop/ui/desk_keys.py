"""The one-stop desk by keyboard, declared once: the key of each desk action (the same QAction
as its button: disabled with the services' refusal, a disabled action's key does nothing; the
key is shown in the button's tooltip and in the dossier's context menu, listed in README), and
the receive dialog's pickers driven from their search boxes."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QListWidget, QPushButton, QWidget

from sotttt_desktop.core.cases.one_stop import SPEC as DOSSIER_SPEC
from sotttt_desktop.i18n import N_, _
from sotttt_desktop.ui.permissions import gate

# Ctrl+N, Ctrl+Q, F2, Ctrl+K, F5, Ctrl+1…9 and Ctrl+L are the main window's; Ctrl+F is its
# "filter this register", which on the desk is the dossier search (tests/ui/test_desk_keys.py).
DESK_KEYS: dict[str, str] = {
    "receive": "Ctrl+R",  # the dossier list: receive a new dossier
    "search": "Ctrl+F",  # the dossier list: to its search box (MainWindow._focus_filter)
    # a dossier (Enter on the list opens it): its steps, as its state offers them
    "hand_over": "Ctrl+H",
    "request_supplement": "Ctrl+B",
    "supplement_received": "Ctrl+Shift+B",
    "start_appraisal": "Ctrl+T",
    "approve": "Ctrl+D",
    "refuse": "Ctrl+Shift+D",
    "issue": "Ctrl+I",
    "result_ready": "Ctrl+Shift+I",
    "return_result": "Ctrl+Shift+R",
    "apologise": "Ctrl+Shift+A",
    "withdraw": "Ctrl+Shift+W",
    "forms": "Ctrl+P",  # the forms menu; then 1–6 prints form 01–06
    "confirm": "Ctrl+Return",  # a step's dialog: take the step from its reason's text
}

DOSSIER_LIST, A_DOSSIER, RECEIVING = N_("The dossier list"), N_("A dossier"), \
    N_("Receiving a dossier")
# where a desk key works (the rest: in an open dossier) and what it does (a step: its label)
KEY_PLACES = {"receive": DOSSIER_LIST, "search": DOSSIER_LIST, "confirm": N_("A step's dialog")}
KEY_TEXTS = {"receive": N_("&Receive a dossier…"), "search": N_("Search the dossiers"),
             "issue": N_("Issue the result…"), "forms": N_("Print a form"),
             "confirm": N_("Take the step (Enter writes a new line of the reason)")}
# the plain keys of the desk's lists and dialogs, listed beside the shortcuts (Help → Keyboard
# shortcuts); tests/ui/test_desk_keys.py presses each
PLAIN_KEYS: tuple[tuple[str, str, str], ...] = (
    (DOSSIER_LIST, "↑ ↓, Enter", N_("Choose a dossier, open it")),
    (A_DOSSIER, "1–6", N_("In the forms menu: print form 01–06")),
    (A_DOSSIER, "Esc", N_("Close it")),
    (RECEIVING, "↑ ↓, Enter", N_("Procedure, applicant: move the match, take it and go on")),
    (RECEIVING, "Space, ↓", N_("Documents handed in: tick or untick, the next one")),
    (RECEIVING, "Enter, Esc", N_("Receive; cancel")),
    (N_("A document preview"), "Enter", N_("Print")),
)


def without_mnemonic(text: str) -> str:
    """A menu or button text as read: "&Tệp" → "Tệp", "Tổ chức && cá nhân" → "Tổ chức & cá nhân"."""
    return re.sub("&(.)", r"\1", text)


def step_text(name: str) -> str:
    """What a desk key does, as its button and menu entry say it."""
    return _(KEY_TEXTS.get(name) or DOSSIER_SPEC.steps[name].label)


def desk_keys_listed() -> list[tuple[str, str, str]]:
    """Every key of the desk: (where, key, what it does), translated, in the user's words."""
    shortcuts = [(_(KEY_PLACES.get(name, A_DOSSIER)), key_text(name),
                  without_mnemonic(step_text(name))) for name in DESK_KEYS]
    return shortcuts + [(_(place), keys, _(does)) for place, keys, does in PLAIN_KEYS]


def key_text(name: str) -> str:
    """The key of a desk action as the user's platform writes it ("Ctrl+Shift+R")."""
    return QKeySequence(DESK_KEYS[name]).toString(QKeySequence.SequenceFormat.NativeText)


def with_key(text: str, name: str) -> str:
    """A tooltip: what the action does, then its key."""
    return f"{without_mnemonic(text).rstrip('…').strip()} ({key_text(name)})"


def desk_action(parent: QWidget, name: str, text: str, slot: Callable[[], object],
                refusal: str | None = None) -> QAction:
    """The action of a desk key, added to `parent` (its key works while `parent`'s window is
    active and `parent` shown); disabled with `refusal` as its tooltip when refused."""
    action = QAction(text, parent)
    action.setObjectName(f"key_{name}")
    action.setShortcut(QKeySequence(DESK_KEYS[name]))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _checked=False: slot())
    gate(action, refusal, with_key(text, name))
    parent.addAction(action)
    return action


def bind_button(button: QPushButton, action: QAction) -> QPushButton:
    """A button that is `action`: pressing it triggers it; enabled and tooltip as it is."""

    def mirror() -> None:
        button.setEnabled(action.isEnabled())
        button.setToolTip(action.toolTip())

    button.clicked.connect(lambda _checked=False: action.trigger())
    action.changed.connect(mirror)
    mirror()
    return button


class PickerKeys(QObject):
    """A picker's search box drives its list: Up/Down/Page Up/Page Down move the highlighted
    match without leaving the box; Enter takes it and goes to the next field (Enter anywhere
    else in the dialog confirms it)."""

    MOVES = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)

    def __init__(self, box: QWidget, choices: QListWidget, next_field: Callable[[], QWidget]):
        super().__init__(box)
        self._choices, self._next_field = choices, next_field
        box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() in self.MOVES and not event.modifiers():
            self._move(event.key())
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._choices.currentItem() is not None:
                self._next_field().setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return False

    def _move(self, key: Qt.Key) -> None:
        count = self._choices.count()
        if not count:
            return
        row_height = max(1, self._choices.sizeHintForRow(0))
        page = max(1, self._choices.viewport().height() // row_height - 1)
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -page,
                Qt.Key.Key_PageDown: page}[key]
        row = self._choices.currentRow()
        row = 0 if row < 0 else min(count - 1, max(0, row + step))
        self._choices.setCurrentRow(row)
        self._choices.scrollToItem(self._choices.item(row))
