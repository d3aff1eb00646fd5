"""`sotttt-desktop [global options] [command]`: no command opens the main window.

Global options (accepted before or after the command): --db PATH, --database-url URL,
--lang vi|en, --json. Errors: one clear line on stderr and a non-zero exit code, no traceback
(the traceback of an unexpected error goes to the log file).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Sequence

from sotttt_desktop import __version__
from sotttt_desktop.cli import (
    admin_commands,
    calendar_commands,
    case_commands,
    commands,
    data_commands,
    document_commands,
    dossier_commands,
    key_commands,
    number_commands,
    org_commands,
    register_commands,
    report_commands,
)
from sotttt_desktop.cli.output import error
from sotttt_desktop.errors import AppError
from sotttt_desktop.i18n import SUPPORTED_LANGUAGES, UnknownLanguageError, _, set_language
from sotttt_desktop.settings import data_dir, resolve_database

log = logging.getLogger("sotttt_desktop")


def _global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--db", metavar="PATH", default=default,
                        help="SQLite database file (default: in the user data folder)")
    parser.add_argument("--database-url", metavar="URL", default=default,
                        help="SQLAlchemy URL of a database server, e.g. postgresql+psycopg://…")
    parser.add_argument("--lang", metavar="vi|en", default=default,
                        help="language of messages and of the user interface (default vi)")
    parser.add_argument("--user", metavar="NAME", default=default,
                        help="act as this user (password from SOTTTT_PASSWORD or a prompt)")
    parser.add_argument("--json", action="store_true",
                        default=argparse.SUPPRESS if suppress else False,
                        help="print data as JSON")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sotttt-desktop",
        description="Sở Thông tin và Truyền thông — desktop system. Without a command, opens the "
                    "main window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _global_options(parser, suppress=False)
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, suppress=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.register(sub, common)
    admin_commands.register(sub, common)
    data_commands.register(sub, common)
    calendar_commands.register(sub, common)
    dossier_commands.register(sub, common)
    case_commands.register(sub, common)
    document_commands.register(sub, common)
    key_commands.register(sub, common)
    register_commands.register(sub, common)
    number_commands.register(sub, common)
    org_commands.register(sub, common)
    report_commands.register(sub, common)
    return parser


def _setup_logging() -> str | None:
    try:
        logs = data_dir() / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        path = logs / "sotttt-desktop.log"
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return str(path)


def _early_language(argv: Sequence[str]) -> None:
    """--lang before parsing, so that argparse's complaints about values speak it too."""
    for index, word in enumerate(argv):
        value = (word.partition("=")[2] if word.startswith("--lang=") else
                 argv[index + 1] if word == "--lang" and index + 1 < len(argv) else None)
        if value is not None:
            with contextlib.suppress(UnknownLanguageError):  # reported after parsing
                set_language(value)


def _shown_path(path: object) -> str:
    text = str(path)
    return text if len(text) <= 80 else text[:38] + "…" + text[-38:]


DATABASE_MODULES = {"sqlalchemy", "sqlite3", "psycopg", "psycopg2"}


def database_failure(exc: BaseException) -> str | None:
    """One line for an error of the database layer, without its SQL statement or row values
    (SQLAlchemy's message carries both; a PostgreSQL DETAIL line repeats the values)."""
    if type(exc).__module__.split(".")[0] not in DATABASE_MODULES:
        return None
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).split("[SQL:")[0].strip()
    first = text.splitlines()[0].strip() if text else ""
    reason = f"{type(orig).__name__}: {first}"[:200] if first else type(orig).__name__
    return _("The database could not complete the command ({reason}); nothing was saved.").format(
        reason=reason)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _early_language(argv)
    args = build_parser().parse_args(argv)
    try:
        set_language(args.lang)
    except UnknownLanguageError:
        error(f"Ngôn ngữ không hỗ trợ: {args.lang!r}. Chọn một trong: "
              f"{', '.join(SUPPORTED_LANGUAGES)}. / Unsupported language {args.lang!r}; "
              f"choose one of: {', '.join(SUPPORTED_LANGUAGES)}.")
        return 2
    log_path = _setup_logging()
    try:
        location = resolve_database(args.db, args.database_url)
        if args.command is None:
            from sotttt_desktop.ui.app import run_gui

            return run_gui(location)
        return args.handler(args, location)
    except AppError as exc:
        error(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        error(_("Interrupted."))
        return 130
    except BrokenPipeError:
        # the reader went away (`| head -1`): stop quietly, as a shell tool does
        _silence_stdout()
        return 141
    except OSError as exc:  # a file the command was given: too long a name, no room, no right
        log.info("file error", exc_info=True)
        from sotttt_desktop.core.safe_write import os_reason

        reason = os_reason(exc) if exc.strerror else type(exc).__name__
        if exc.filename is not None:
            error(_("Cannot use the file {path}: {reason}.").format(
                path=_shown_path(exc.filename), reason=reason))
        else:
            error(_("A file operation failed: {reason}.").format(reason=reason))
        return 2
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, no traceback
        refused = database_failure(exc)
        if refused is not None:
            log.exception("database error")
            error(refused)
            return 3
        log.exception("unexpected error")
        where = _(" Details are in {path}.").format(path=log_path) if log_path else ""
        error(_("Unexpected error: {error}.").format(error=f"{type(exc).__name__}: {exc}") + where)
        return 1


def _silence_stdout() -> None:
    """After a broken pipe, Python's own flush at exit would complain again: point stdout at
    the null device."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
