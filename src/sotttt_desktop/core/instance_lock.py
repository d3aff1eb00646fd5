"""One running application window per database file: an OS lock on `<database>.lock`.

The lock is released by the operating system when the process ends, even after a crash, so a stale
lock never blocks the next start.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sotttt_desktop.errors import DatabaseError
from sotttt_desktop.i18n import _


class InstanceLock:
    def __init__(self, database_path: Path):
        self.path = database_path.with_name(database_path.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise DatabaseError(
                _("The application is already open on this database ({path}). Use that window.")
                .format(path=self.path.with_suffix(""))
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        if sys.platform == "win32":
            import msvcrt

            try:
                os.lseek(self._fd, 0, 0)
                msvcrt.locking(self._fd, msvcrt.LK_UNLCK, 1)
            except OSError:
                pass
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
