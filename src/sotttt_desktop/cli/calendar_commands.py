"""`sotttt-desktop calendar …`: due dates with their explanation, and the administrator's table."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
from typing import Any

from sotttt_desktop import i18n
from sotttt_desktop.cli.arguments import whole_number
from sotttt_desktop.cli.auth import acting, date_arg
from sotttt_desktop.cli.output import emit_json, emit_lines
from sotttt_desktop.core import clock
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import DateOutOfRangeError, _
from sotttt_desktop.settings import DatabaseLocation

UNITS = {"working-days": "working_days", "days": "days"}


def register(sub: Any, common: argparse.ArgumentParser) -> None:  # noqa: ANN401
    calendar = sub.add_parser("calendar", parents=[common], help="working days and due dates")
    calendar_sub = calendar.add_subparsers(dest="calendar_command", metavar="ACTION",
                                           required=True)
    due = calendar_sub.add_parser("due", parents=[common],
                                  help="due date of a dossier received at RECEIVED")
    due.add_argument("received", help="YYYY-MM-DD, YYYY-MM-DDTHH:MM or dd/mm/yyyy")
    due.add_argument("amount", type=whole_number(0, 3_660))
    due.add_argument("--unit", choices=sorted(UNITS), default="working-days")
    due.set_defaults(handler=cmd_due)
    procedures = sub.add_parser("procedures", parents=[common], help="the procedure catalogue")
    procedures_sub = procedures.add_subparsers(dest="procedures_command", metavar="ACTION",
                                               required=True)
    listing = procedures_sub.add_parser("list", parents=[common], help="procedures in force")
    listing.add_argument("--area", help="area key, e.g. publishing")
    listing.add_argument("--on", help="the day (default today), dd/mm/yyyy")
    listing.set_defaults(handler=cmd_procedures)
    lst = calendar_sub.add_parser("overrides", parents=[common], help="the administrator's table")
    lst.set_defaults(handler=cmd_overrides)
    for kind, text in (("off", "an extra day off"), ("work", "a make-up working day"),
                       ("clear", "remove the day's override")):
        p = calendar_sub.add_parser(kind, parents=[common], help=text)
        p.add_argument("day")
        if kind != "clear":
            p.add_argument("--reason", required=True)
        p.set_defaults(handler=cmd_set, kind=None if kind == "clear" else kind)


def parse_moment(text: str) -> dt.datetime | dt.date:
    try:
        return i18n.parse_moment(text)
    except DateOutOfRangeError as error:
        raise ValidationError(error.message()) from error
    except ValueError as error:
        raise ValidationError(_("Write the receipt as YYYY-MM-DD or YYYY-MM-DDTHH:MM, e.g. "
                                "2024-02-05T10:30.")) from error


def cmd_due(args: argparse.Namespace, location: DatabaseLocation) -> int:
    received = parse_moment(args.received)
    with acting(args, location, write=False) as services:
        result = services.calendar.due(received, args.amount, UNITS[args.unit])
    if args.json:
        emit_json({"received": received.isoformat(), "due": result.due.isoformat(),
                   "amount": args.amount, "unit": args.unit,
                   "explanation": result.explanation})
    else:
        emit_lines(result.explanation)
    return 0


def cmd_overrides(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=False) as services:
        rows = services.calendar.overrides()
    if args.json:
        emit_json(rows)
    else:
        emit_lines([f"{r['day']}  {r['kind']:4}  {r['reason']}" for r in rows] or ["—"])
    return 0


def cmd_set(args: argparse.Namespace, location: DatabaseLocation) -> int:
    day = date_arg(args.day)
    if day is None:
        raise ValidationError(_("Write the date as dd/mm/yyyy, for example 05/03/1990."))
    with acting(args, location, write=True) as services:
        services.calendar.set_override(day, args.kind, getattr(args, "reason", ""))
        rows = services.calendar.overrides()
    if args.json:
        emit_json(rows)
    else:
        emit_lines([_("Done: {name}.").format(name=day.isoformat())])
    return 0


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _database_today(location: DatabaseLocation) -> dt.date:
    """Today on the database's clock — a demo database's working date — or the real today when
    there is no database yet."""
    from sotttt_desktop.core.db import Database
    from sotttt_desktop.errors import AppError

    # no database (yet), or one this version cannot open: the real today
    with contextlib.suppress(AppError):
        Database.open(location, create=False).close()  # opening sets the working clock
    return clock.local_today()


def cmd_procedures(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from sotttt_desktop.areas import AREAS
    from sotttt_desktop.catalog import load

    if args.area and args.area not in {a.key for a in AREAS}:
        raise ValidationError(_("Unknown area: {area}. Areas: {areas}.").format(
            area=args.area, areas=", ".join(a.key for a in AREAS)))
    # the versions in force on the day asked, by default on the database's today (a demo
    # database lists what its desk receives under)
    on = date_arg(args.on) or _database_today(location)
    catalogue = load()
    procedures = catalogue.list(area=args.area, on=on)
    if args.json:
        from sotttt_desktop.catalog.instruments import load as load_instruments

        instruments, day = load_instruments(), on or clock.local_today()
        # the bases as a result of that day cites them (instruments.toml); the version's dates
        emit_json([{**p.as_json(), "effective_until": _iso(catalogue.effective_until(p)),
                    "citations": instruments.citations(p.legal_basis, day)}
                   for p in procedures])
    else:
        units = {"working_days": _("working days"), "days": _("days"),
                 "hours_before": _("hours before")}
        emit_lines([f"{p.key:42} {p.time_limit:>3} {units[p.unit.value]:16} {p.name}"
                    for p in procedures])
    return 0
