"""What the walking test needs to use the real window as a person would: a heartbeat that
catches a stalled GUI thread, a watchdog that ends a frozen run instead of hanging CI, someone
answering the dialogs, and a record of every refusal the user met."""

from __future__ import annotations

import faulthandler
import gc
import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

STALL_LIMIT_S = 1.0  # the GUI thread may not be busy longer than this without painting
FROZEN_S = 20.0  # past this the run is ended (a deadlock would otherwise hang CI for good)


class Heartbeat:
    """A 50 ms timer on the GUI thread; the longest gap between two beats is how long the
    window could not respond. A watchdog thread ends the process if the beats stop for good."""

    def __init__(self, pytest_config: object = None) -> None:
        self._config = pytest_config  # to show the watchdog's words past pytest's capture
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self._beat)
        self.last = time.monotonic()
        self.longest = 0.0
        self.longest_during = ""
        self.longest_collecting = 0.0  # of the longest gap, seconds in garbage collection
        self._collecting = 0.0
        self._collection_started = 0.0
        self.doing = ""
        self._stop = threading.Event()
        self._watchdog = threading.Thread(target=self._watch, daemon=True)

    def start(self) -> Heartbeat:
        self.last = time.monotonic()
        gc.callbacks.append(self._collection)
        self.timer.start()
        self._watchdog.start()
        return self

    def _beat(self) -> None:
        now = time.monotonic()
        gap = now - self.last
        if gap > self.longest:
            self.longest, self.longest_during = gap, self.doing
            self.longest_collecting = self._collecting
        self._collecting = 0.0
        self.last = now

    def _collection(self, phase: str, _info: dict) -> None:
        if phase == "start":
            self._collection_started = time.monotonic()
        else:
            self._collecting += time.monotonic() - self._collection_started

    def stall_message(self) -> str:
        return (f"the window froze {self.longest:.2f} s while {self.longest_during} "
                f"({self.longest_collecting:.2f} s of it collecting garbage)")

    def _watch(self) -> None:
        while not self._stop.wait(1.0):
            if time.monotonic() - self.last > FROZEN_S:
                capture = self._config.pluginmanager.getplugin("capturemanager") \
                    if self._config is not None else None
                if capture is not None:
                    capture.suspend_global_capture(in_=True)
                sys.stderr.write(f"\nThe GUI thread has not answered for {FROZEN_S:.0f} s while "
                                 f"{self.doing!r}: frozen. Stacks:\n")
                faulthandler.dump_traceback(file=sys.stderr, all_threads=True)
                sys.stderr.flush()
                os._exit(70)

    def mark(self, doing: str) -> None:
        """What the test does now (named in a failure); a pause of the test is not a stall."""
        self.doing = doing
        self.last = time.monotonic()
        self._collecting = 0.0

    def stop(self) -> None:
        self._stop.set()
        if self._collection in gc.callbacks:
            gc.callbacks.remove(self._collection)
        self.timer.stop()


@dataclass
class Answerer:
    """Answers modal dialogs as a careful clerk would: cancels forms and questions, saves
    files and prints to PDF into `folder`, and writes down every message it was shown."""

    folder: Path
    seen: list[tuple[str, str, str]] = field(default_factory=list)
    skip: Callable[[QWidget], bool] = lambda widget: False
    saved: list[Path] = field(default_factory=list)
    inputs: dict[str, str] = field(default_factory=dict)  # words of a question → the answer
    timer: QTimer = field(default_factory=QTimer)

    def start(self) -> Answerer:
        self.timer.setInterval(30)
        self.timer.timeout.connect(self.answer)
        self.timer.start()
        return self

    def stop(self) -> None:
        self.timer.stop()

    def answer(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or not widget.isVisible() or self.skip(widget):
            return
        title = widget.windowTitle()
        if isinstance(widget, QMessageBox):
            self.seen.append(("message", title, widget.text()))
            (widget.escapeButton() or widget.buttons()[-1]).click()
        elif isinstance(widget, QPrintDialog):
            path = self._next_path("printed", ".pdf")
            widget.findChild(QLineEdit, "filename").setText(str(path))
            self.seen.append(("print", title, str(path)))
            widget.accept()
        elif isinstance(widget, QFileDialog):
            if widget.acceptMode() == QFileDialog.AcceptMode.AcceptSave:
                suffix = ".xlsx" if "xlsx" in " ".join(widget.nameFilters()) else ".pdf"
                path = self._next_path("saved", suffix)
                widget.findChild(QLineEdit, "fileNameEdit").setText(str(path))
                self.seen.append(("save", title, str(path)))
                widget.accept()
            else:
                self.seen.append(("open", title, ""))
                widget.reject()
        elif isinstance(widget, QInputDialog):
            self.seen.append(("input", title, widget.labelText()))
            answer = next((value for words, value in self.inputs.items()
                           if words in widget.labelText()), None)
            if answer is None:
                widget.reject()
            else:
                if widget.inputMode() == QInputDialog.InputMode.IntInput:
                    widget.setIntValue(int(answer))
                else:
                    widget.setTextValue(answer)
                widget.accept()
        elif isinstance(widget, QDialog):
            self.seen.append(("dialog", title, type(widget).__name__))
            widget.reject()
        else:
            self.seen.append(("window", title, type(widget).__name__))
            widget.close()

    def _next_path(self, stem: str, suffix: str) -> Path:
        path = self.folder / f"{stem}-{len(self.saved) + 1}{suffix}"
        self.saved.append(path)
        return path

    def messages(self) -> list[str]:
        return [text for kind, _title, text in self.seen if kind == "message"]
