"""Data safety commands: backup, restore, check, migrate-to."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from sotttt_desktop.cli.auth import acting
from sotttt_desktop.cli.output import emit_json, emit_lines
from sotttt_desktop.cli.output import error as warning
from sotttt_desktop.errors import AppError, DatabaseError
from sotttt_desktop.i18n import _, format_number
from sotttt_desktop.settings import DatabaseLocation


class CheckFailed(AppError):
    exit_code = 9


def register(sub: Any, common: argparse.ArgumentParser) -> None:  # noqa: ANN401
    backup = sub.add_parser("backup", parents=[common],
                            help="back up the database now (an administrator)")
    backup.add_argument("--out", help="a new file to write, or a folder to write into (default: "
                                      "the backup folder)")
    backup.set_defaults(handler=cmd_backup)
    backups = sub.add_parser("backups", parents=[common], help="list the good backups")
    backups.set_defaults(handler=cmd_backups)
    restore = sub.add_parser("restore", parents=[common],
                             help="replace the database with a backup (the current file is kept)")
    restore.add_argument("path", type=Path)
    restore.set_defaults(handler=cmd_restore)
    check = sub.add_parser("check", parents=[common], help="check the database")
    check.add_argument("--quick", action="store_true",
                       help="only SQLite's quick check (what the application runs at start-up)")
    check.set_defaults(handler=cmd_check)
    move = sub.add_parser("migrate-to", parents=[common],
                          help="copy everything to an empty PostgreSQL database, verified")
    move.add_argument("url", help="postgresql+psycopg://user:password@server:5432/database")
    move.set_defaults(handler=cmd_migrate_to)


def cmd_backup(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=True) as services:
        manifest = services.backups.backup(out=args.out)
    if args.json:
        emit_json(manifest.__dict__)
    else:
        emit_lines([_("Backup written and checked: {path} ({size} bytes, {seconds} s).").format(
            path=manifest.path, size=format_number(manifest.size), seconds=manifest.seconds)])
    return 0


def cmd_backups(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from sotttt_desktop.services.backup import describe_backup

    with acting(args, location, write=False) as services:
        manifests = services.backups.list()
    if args.json:
        emit_json([m.__dict__ for m in manifests])
    else:
        emit_lines([f"{describe_backup(m)}  {m.path}" for m in manifests]
                   or [_("No backup yet.")])
    return 0


def cmd_restore(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from sotttt_desktop.services.backup import restore_database, validate_backup

    validate_backup(args.path)
    try:
        with acting(args, location, write=True) as services:
            services.require("admin", "administer")
            username = services.actor.username
    except DatabaseError:
        # A damaged or unusable database has no accounts to sign in with: whoever may replace
        # the file may restore it (the file is kept aside; the restore is audited in the copy).
        username = getattr(args, "user", None) or os.environ.get("SOTTTT_USER") or "system"
        warning(_("The database cannot be opened normally; it is restored without signing in."))
    result = restore_database(location, args.path, username=username)
    if not result["manifest"]:
        warning(_("Warning: the backup {path} has no manifest, so it could not be compared with "
                  "what was backed up. Check the restored data before working on it.")
                .format(path=result["restored_from"]))
    if args.json:
        emit_json(result)
    else:
        emit_lines([_("Restored from {backup}. The previous database was kept as {aside}.").format(
            backup=result["restored_from"], aside=result["set_aside"] or "—")])
    return 0


def cmd_check(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from sotttt_desktop.services.backup import check_location

    report = check_location(location, full=not args.quick)
    if args.json:
        emit_json({"ok": report.ok, "seconds": report.seconds, "checks": report.checks})
    else:
        emit_lines([("✔ " if c["ok"] else "✘ ") + c["check"] + (f": {c['detail']}" if c["detail"]
                                                                 else "") for c in report.checks])
    if not report.ok:
        raise CheckFailed(_("The database has problems: see the report above. Restore the newest "
                            "good backup (sotttt-desktop backups, sotttt-desktop restore)."))
    return 0


def cmd_migrate_to(args: argparse.Namespace, location: DatabaseLocation) -> int:
    import sys

    from sotttt_desktop.services.migrate_to import migrate_to
    from sotttt_desktop.settings import resolve_database

    with acting(args, location, write=True) as services:
        services.require("admin", "administer")

        def progress(table: str, rows: int) -> None:
            if not args.json:
                sys.stderr.write(f"\r{table}: {rows:,}      ")
                sys.stderr.flush()

        try:
            result = migrate_to(services.db, resolve_database(None, args.url),
                                username=services.actor.username, progress=progress)
        finally:
            if not args.json:
                sys.stderr.write("\n")  # end the progress line (before an error's line too)
    if args.json:
        emit_json(result)
    else:
        emit_lines([("✔ " if t["ok"] else "✘ ") + f"{t['table']}: {format_number(t['rows'])}"
                    for t in result["tables"]])
    if not result["ok"]:
        raise CheckFailed(_("The copy differs from the source; do not switch to the server."))
    if not args.json:
        emit_lines([_("Copied and verified {rows} rows in {seconds} s. Start the application with "
                      "--database-url to work on the server.").format(
            rows=format_number(result["rows"]), seconds=result["seconds"])])
    return 0
