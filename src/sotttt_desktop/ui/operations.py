"""The one helper for long operations: an import, an export, a full check, a backup, a restore.

`run_operation` runs the work on a worker (ui/background.py) and shows a modeless progress
dialog — a bar when the work reports `(done, total)`, a busy bar otherwise — so the window keeps
answering. Where stopping is safe (the service checks the flag between batches and takes back
what it wrote) the dialog has a Cancel button. The result goes to `on_done`; an error the user
can act on is shown in their language (or given to `on_error`); anything else goes to the
application's error hook, as an error in a slot would.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from sotttt_desktop.errors import AppError
from sotttt_desktop.i18n import _, format_number
from sotttt_desktop.ui.background import BackgroundTask, run_in_background
from sotttt_desktop.ui.qt_text import show_error

Work = Callable[[Callable[[int, int], None], threading.Event], Any]
SHOW_AFTER_MS = 400  # a quick operation shows no dialog at all


class Operation(QObject):
    """One long operation on screen: its worker, its progress dialog, its outcome."""

    def __init__(self, parent: QWidget, title: str, label: str, work: Work, *,
                 on_done: Callable[[Any], None] | None = None,
                 on_error: Callable[[AppError], None] | None = None,
                 cancellable: bool = False, modal: bool = False,
                 always: Callable[[], None] | None = None, counting: str | None = None):
        super().__init__(parent)
        self._always = always
        self._parent = parent
        self._label = label
        self._counting = counting  # the text once the work reports, with {done} and {total}
        self._on_done, self._on_error = on_done, on_error
        self.done = False  # the outcome was delivered
        self.result: Any = None
        self.error: BaseException | None = None
        self.dialog = QProgressDialog(label, "", 0, 0, parent)
        self.dialog.setObjectName("operation_progress")
        self.dialog.setWindowTitle(title)
        # modal: the window takes no input meanwhile (a restore: the database is closed), but
        # it still paints and answers
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal if modal
                                      else Qt.WindowModality.NonModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumWidth(420)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.cancel_button: QPushButton | None = None
        if cancellable:
            self.cancel_button = QPushButton(_("Cancel"))
            self.cancel_button.setObjectName("operation_cancel")
            self.dialog.setCancelButton(self.cancel_button)
        else:
            self.dialog.setCancelButton(None)
        self.dialog.canceled.connect(self.cancel)
        QTimer.singleShot(SHOW_AFTER_MS, self, self._show)
        self.task: BackgroundTask = run_in_background(
            work, parent=self, on_done=self._finished, on_error=self._failed,
            on_progress=self._progress)

    @property
    def cancelled(self) -> bool:
        return self.task.cancelled.is_set()

    def cancel(self) -> None:
        """Ask the worker to stop at its next safe point (it takes back what it wrote)."""
        if self.done:
            return
        self.task.cancelled.set()
        self.dialog.setLabelText(_("Cancelling: what was written is being taken back…"))
        if self.cancel_button is not None:
            self.cancel_button.setEnabled(False)
        self.dialog.show()

    def _show(self) -> None:
        if not self.done:
            self.dialog.show()

    def _progress(self, done: int, total: int) -> None:
        if self.done or self.cancelled:
            return
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, total))
        self.dialog.setLabelText((self._counting or _("{done} of {total} done.")).format(
            done=format_number(done), total=format_number(total)))

    def _close(self) -> None:
        self.done = True
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.close()
        self.dialog.deleteLater()
        if self._always is not None:
            self._always()

    def _finished(self, result: object) -> None:
        self.result = result
        self._close()
        if self._on_done is not None:
            self._on_done(result)

    def _failed(self, error: BaseException) -> None:
        self.error = error
        self._close()
        if not isinstance(error, AppError):
            raise error  # unexpected: the application's error hook shows and logs it
        if self._on_error is not None:
            self._on_error(error)
        else:
            show_error(self._parent, str(error), self.dialog.windowTitle())

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the worker ends (closing the window only)."""
        return self.task.wait(timeout)


def run_operation(parent: QWidget, title: str, label: str, work: Work, *,
                  on_done: Callable[[Any], None] | None = None,
                  on_error: Callable[[AppError], None] | None = None,
                  cancellable: bool = False, modal: bool = False,
                  always: Callable[[], None] | None = None,
                  counting: str | None = None) -> Operation:
    """Run `work(report, cancelled)` off the GUI thread with a progress dialog showing `label`
    (a sentence), then `counting` (with {done} and {total}) once the work reports; `always()`
    runs when it ends, whatever the outcome (before `on_done` or `on_error`)."""
    return Operation(parent, title, label, work, on_done=on_done, on_error=on_error,
                     cancellable=cancellable, modal=modal, always=always, counting=counting)
