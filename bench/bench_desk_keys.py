"""The desk by keys only, in the real application (issue #14, keyboard-first desk).

Starts the application as `sotttt-desktop` does (the log-in dialog, then the main window) on a
copy of a demo database and drives it with key events only, each sent to the focused widget as
a keyboard's would be: signs in as `motcua`, Ctrl+2 to the desk, Ctrl+R, receives a website
licence for a known company (procedure and tax code typed, the three documents ticked with
Space), answers "print form 01?" with Enter, Enter in the preview (the printer dialog, closed
with Esc: no printer here), finds the dossier with Ctrl+F, opens it, hands it over (Ctrl+H,
Ctrl+Return), shows F1 and quits with Ctrl+Q. Run it under a display, e.g. Xvfb:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python bench/bench_desk_keys.py \\
        [--db DEMO.sqlite] [--shots DIR]

With no window manager under Xvfb, the script gives a newly shown window the focus as one
would (`activateWindow`); that is the only thing not done by a key. Prints the keys pressed for
the receipt and how long the application took to answer the keys that open something (from
the key to the window shown). A clerk's time is not measured here: README gives the keystrokes
and the keystroke-level estimate. Asserts nothing; exits 5 when a window did not come.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import sotttt_desktop.ui  # noqa: E402, F401, I001  (Qt through the application first)
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtGui import QGuiApplication, QKeySequence  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

TAX_CODE = "3701725545"  # a demo company of the trade (information technology)
WAIT_ROUNDS = 60  # × 250 ms for a window to come


class Robot:
    """Steps run one after another on timers (a key may open a modal dialog and not return
    until it closes, so the next step is scheduled before a step's keys are sent)."""

    def __init__(self, shots: Path | None):
        self.shots = shots
        self.steps: list[tuple[str | None, int, bool, Callable[[], None]]] = []
        self.keys = 0
        self.marks: dict[str, int] = {}
        self.latencies: dict[str, float] = {}
        self.received_code = ""
        self.failed = ""
        self._polls: list[QTimer] = []

    # --- keys ------------------------------------------------------------------------------
    @staticmethod
    def window(kind: str) -> QWidget | None:
        return next((w for w in QApplication.topLevelWidgets()
                     if type(w).__name__ == kind and w.isVisible()), None)

    def focus(self) -> QWidget:
        return (QApplication.focusWidget() or QApplication.activeModalWidget()
                or QApplication.activeWindow() or self.window("MainWindow"))

    def key(self, name: str) -> None:
        sequence = QKeySequence(name)[0]
        self.keys += 1
        QTest.keyClick(self.focus(), sequence.key(), sequence.keyboardModifiers())

    def type(self, text: str) -> None:
        self.keys += len(text)
        QTest.keyClicks(self.focus(), text)

    def timed_key(self, name: str, label: str, shown: str) -> None:
        """A key that opens a window: the time until it is shown (polled every 5 ms, in the
        event loop the new window runs)."""
        started = time.perf_counter()
        poll = QTimer()
        poll.setInterval(5)

        def check() -> None:
            if self.window(shown) is not None:
                self.latencies[label] = time.perf_counter() - started
                poll.stop()

        poll.timeout.connect(check)
        poll.start()
        self._polls.append(poll)  # kept alive while the window comes
        self.key(name)
        if poll.isActive():  # shown before the key returned: no event loop ran meanwhile
            check()

    def shot(self, name: str) -> None:
        if self.shots is None:
            return
        QApplication.processEvents()
        QGuiApplication.primaryScreen().grabWindow(0).save(str(self.shots / f"{name}.png"))

    def focus_window(self, kind: str) -> None:
        """The window manager's part: a window shown or uncovered gets the focus."""
        window = self.window(kind)
        if window is not None:
            window.activateWindow()

    # --- the run ---------------------------------------------------------------------------
    def step(self, wait_for: str | None = None, delay: int = 400,
             active: bool = True) -> Callable[[Callable[[], None]], Callable[[], None]]:
        def add(function: Callable[[], None]) -> Callable[[], None]:
            self.steps.append((wait_for, delay, active, function))
            return function
        return add

    def run(self, index: int = 0, waited: int = 0) -> None:
        if index >= len(self.steps):
            return
        wait_for, delay, active, function = self.steps[index]
        ready = (wait_for is None or self.window(wait_for) is not None) and \
            (QApplication.activeWindow() is not None or not active)
        if not ready:
            if waited < WAIT_ROUNDS:
                QTimer.singleShot(250, lambda: self.run(index, waited + 1))
                return
            self.failed = f"{function.__name__}: no {wait_for or 'active window'}"
            self.shot("zz_stuck")
            QApplication.instance().exit(5)
            return

        def go() -> None:
            self.run(index + 1)
            function()

        QTimer.singleShot(delay, go)


def desk_by_keys(robot: Robot) -> None:  # noqa: C901, PLR0915
    step, key, type_, shot = robot.step, robot.key, robot.type, robot.shot

    @step("LoginDialog")
    def sign_in() -> None:
        shot("01_login")
        type_("motcua")
        key("Tab")
        type_("demo-2023")
        key("Return")

    @step("MainWindow", delay=1200, active=False)
    def main_window_focused() -> None:
        robot.focus_window("MainWindow")

    @step("MainWindow")
    def to_the_desk() -> None:
        key("Ctrl+2")

    @step(delay=800)
    def receive() -> None:
        shot("02_desk")
        robot.marks["receipt"] = robot.keys
        robot.timed_key("Ctrl+R", "Ctrl+R → the receive dialog", "ReceiveDialog")

    @step("ReceiveDialog")
    def procedure_and_applicant() -> None:
        type_("trang thong tin")
        key("Return")
        type_(TAX_CODE)

    @step("ReceiveDialog", delay=600)
    def documents() -> None:
        key("Return")
        dialog = robot.window("ReceiveDialog")
        for row in range(dialog.checklist.count()):
            if row:
                key("Down")
            key("Space")
        shot("03_receive_by_keys")
        robot.timed_key("Return", "Enter → received, the list and the question shown",
                        "QMessageBox")

    @step("QMessageBox", delay=600)
    def print_the_receipt() -> None:
        robot.marks["received"] = robot.keys
        text = QApplication.activeModalWidget().text()
        robot.received_code = "STTTT-" + text.split("STTTT-")[1].split(";")[0]
        shot("04_received")
        robot.timed_key("Return", "Enter → the receipt (form 01) rendered and shown",
                        "DocumentPreview")

    @step("DocumentPreview", delay=800, active=False)
    def preview_focused() -> None:
        robot.focus_window("DocumentPreview")

    @step("DocumentPreview")
    def enter_prints() -> None:
        shot("05_receipt_preview")
        robot.timed_key("Return", "Enter → the printer dialog", "QPrintDialog")

    @step("QPrintDialog", delay=800)
    def no_printer_here() -> None:
        shot("06_printer_dialog")
        key("Escape")

    @step("DocumentPreview", delay=600, active=False)
    def preview_focused_again() -> None:
        robot.focus_window("DocumentPreview")

    @step("DocumentPreview")
    def close_the_preview() -> None:
        key("Escape")

    @step("MainWindow", delay=600, active=False)
    def main_window_focused_again() -> None:
        robot.focus_window("MainWindow")

    @step("MainWindow")
    def find_it() -> None:
        key("Ctrl+F")
        type_(robot.received_code)
        key("Return")

    @step(delay=600)
    def open_it() -> None:
        robot.timed_key("Return", "Enter → the dossier opened", "DossierDialog")

    @step("DossierDialog", delay=600, active=False)
    def dossier_focused() -> None:
        robot.focus_window("DossierDialog")

    @step("DossierDialog")
    def hand_over() -> None:
        shot("07_dossier")
        robot.timed_key("Ctrl+H", "Ctrl+H → the hand-over dialog", "StepDialog")

    @step("StepDialog", delay=600)
    def to_a_unit() -> None:
        key("Down")  # the unit: the next in the list (or its first letters)
        key("Tab")
        type_("Chuyen don vi tham dinh theo quy trinh")
        shot("08_hand_over")
        key("Ctrl+Return")

    @step("DossierDialog", delay=600, active=False)
    def dossier_focused_again() -> None:
        robot.focus_window("DossierDialog")

    @step("DossierDialog")
    def close_the_dossier() -> None:
        shot("09_handed_over")
        key("Escape")

    @step("MainWindow", delay=600, active=False)
    def main_window_focused_last() -> None:
        robot.focus_window("MainWindow")

    @step("MainWindow")
    def the_keys() -> None:
        robot.timed_key("F1", "F1 → the keyboard shortcuts", "ShortcutsDialog")

    @step("ShortcutsDialog", delay=600)
    def close_the_keys() -> None:
        shot("10_f1")
        key("Escape")

    @step("MainWindow", delay=600)
    def quit_() -> None:
        key("Ctrl+Q")
        QTimer.singleShot(5000, lambda: QApplication.instance().exit(0))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="a demo database (default: made at scale 0.3)")
    parser.add_argument("--shots", type=Path, help="save a screenshot of each stage here")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="desk_keys_"))
    database = work / "demo.sqlite"
    if args.db:
        shutil.copy(args.db, database)
    else:
        subprocess.run([sys.executable, "-m", "sotttt_desktop", "--db", str(database), "init",
                        "--demo", "--scale", "0.3"], check=True, capture_output=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    os.environ.update(SOTTTT_DATA_DIR=str(work / "data"), SOTTTT_CONFIG_DIR=str(work / "config"))
    if args.shots:
        args.shots.mkdir(parents=True, exist_ok=True)
    from sotttt_desktop.i18n import set_language
    from sotttt_desktop.settings import sqlite_location
    from sotttt_desktop.ui.app import application, run_gui

    set_language(None)  # Vietnamese, as the application starts
    application()
    robot = Robot(args.shots)
    desk_by_keys(robot)
    QTimer.singleShot(500, robot.run)
    code = run_gui(sqlite_location(database))
    print(f"dossier received by keys: {robot.received_code or '-'}")
    receipt_keys = robot.marks.get("received", 0) - robot.marks.get("receipt", 0)
    print(f"keys from Ctrl+R to received: {receipt_keys}; keys in the whole run: {robot.keys}")
    for label, seconds in robot.latencies.items():
        print(f"{label}: {seconds * 1000:.0f} ms")
    if robot.failed:
        print(f"stopped at {robot.failed}")
    shutil.rmtree(work, ignore_errors=True)
    return 5 if robot.failed else code


if __name__ == "__main__":
    sys.exit(main())
