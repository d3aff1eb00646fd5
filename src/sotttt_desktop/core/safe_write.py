"""Writing a file the user named (`--out`): whole or not at all, never through a symbolic link,
never over an existing file unless asked.

The bytes go to a temporary file in the target folder, are flushed to disk (fsync), and the
temporary file then takes the target's name in one step; a full disk leaves no partial file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _


def check_target(path: Path, *, force: bool) -> None:
    """Refuse, before any work, a target that is a symbolic link, an existing file (unless
    `force`), not a plain file, or in a folder that does not exist."""
    if path.is_symlink():
        raise ValidationError(_("{path} is a symbolic link; give the path of a plain file.")
                              .format(path=path))
    if path.exists():
        if not path.is_file():
            raise ValidationError(_("{path} is not a file.").format(path=path))
        if not force:
            raise ValidationError(_("{path} already exists; add --force to replace it.")
                                  .format(path=path))
    if not path.parent.is_dir():
        raise ValidationError(_("The folder {folder} does not exist.").format(folder=path.parent))


def write_file_atomically(path: Path, data: bytes, *, force: bool) -> None:
    """Write `data` to `path` whole (temporary file, fsync, rename) or raise ValidationError and
    leave nothing behind."""
    check_target(path, force=force)
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                             suffix=".part")
    except OSError as error:
        raise _cannot_write(path, error) from error
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if force:
            os.replace(temporary, path)  # replaces a link or file at `path`, never follows it
        else:
            _place_new(temporary, path)
        _sync_folder(path.parent)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, FileExistsError):
            raise ValidationError(_("{path} already exists; add --force to replace it.")
                                  .format(path=path)) from error
        raise _cannot_write(path, error) from error


@contextlib.contextmanager
def placed_file(path: Path, data: bytes, *, force: bool) -> Iterator[None]:
    """Write the file, then run the block (recording that it was written); if the block fails,
    the file is removed again, so a record and its file exist together or not at all."""
    write_file_atomically(path, data, force=force)
    try:
        yield
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise


def _place_new(temporary: str, path: Path) -> None:
    """Give the temporary file the name `path` unless something has that name by now."""
    try:
        os.link(temporary, path)  # atomic, and fails if `path` exists
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links (FAT, some network shares)
        if os.path.lexists(path):
            raise FileExistsError(path) from None
        os.rename(temporary, path)
        return
    os.unlink(temporary)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _cannot_write(path: Path, error: OSError) -> ValidationError:
    return ValidationError(_("Cannot write {path}: {error}").format(
        path=path, error=os_reason(error)))


def os_reason(error: OSError) -> str:
    """Why the system refused, in the user's language for the common reasons (the system's own
    words are English on most machines)."""
    import errno

    reasons = {errno.EACCES: _("access is denied to your account"),
               errno.EPERM: _("access is denied to your account"),
               errno.ENOENT: _("it does not exist"),
               errno.ENOSPC: _("the disk is full"),
               errno.EROFS: _("the disk is read-only"),
               errno.ENAMETOOLONG: _("the file name is too long"),
               getattr(errno, "EDQUOT", -1): _("the disk quota is used up")}
    return reasons.get(error.errno or 0) or error.strerror or str(error)
