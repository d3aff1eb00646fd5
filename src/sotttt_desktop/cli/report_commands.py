"""`sotttt-desktop reports …`: the report calendar, the reports due, Biểu 06 one-stop statistics
(on screen or to .xlsx; printed with `render one-stop-statistics PERIOD`) and recording a
report as sent."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sotttt_desktop.cli.auth import acting, date_arg
from sotttt_desktop.cli.output import emit_json, emit_lines, emit_table
from sotttt_desktop.core import clock
from sotttt_desktop.i18n import _, format_date
from sotttt_desktop.settings import DatabaseLocation

STATES = {"due": "due", "overdue": "OVERDUE", "sent": "sent"}


def register(sub: Any, common: argparse.ArgumentParser) -> None:  # noqa: ANN401
    reports = sub.add_parser("reports", parents=[common],
                             help="the report calendar, statistics, reports sent")
    reports_sub = reports.add_subparsers(dest="reports_command", metavar="ACTION", required=True)
    calendar = reports_sub.add_parser("calendar", parents=[common],
                                      help="every report the Department sends on a schedule")
    calendar.set_defaults(handler=cmd_calendar)
    due = reports_sub.add_parser("due", parents=[common],
                                 help="reports due this month, and those past due not sent")
    due.add_argument("--on", help="the day to look from (default today), dd/mm/yyyy")
    due.set_defaults(handler=cmd_due)
    statistics = reports_sub.add_parser(
        "statistics", parents=[common], help="one-stop statistics (Biểu 06/VPCP/KSTT)")
    statistics.add_argument("period", help="2024, 2024-11, 2024-Q3, 2024-H1, 2024-9M, "
                                           "01/10/2024-31/12/2024; add ~ for the 15→14 cut-off")
    statistics.add_argument("--unit", help="count only the dossiers this unit holds")
    statistics.add_argument("--xlsx", metavar="FILE.xlsx", help="export in the form's layout")
    statistics.add_argument("--force", action="store_true", help="replace FILE.xlsx")
    statistics.set_defaults(handler=cmd_statistics)
    sent = reports_sub.add_parser("sent", parents=[common],
                                  help="record a report as sent (numbered, its data frozen)")
    sent.add_argument("key", help="the report (reports calendar)")
    sent.add_argument("period", help="its period, e.g. 2024-Q3")
    sent.add_argument("--on", required=True, help="the day it was sent, dd/mm/yyyy")
    sent.add_argument("--channel", required=True,
                      help="how it was sent (e_document, reporting_system, post, hand)")
    sent.add_argument("--signer", help="who signed it (default: the first signer)")
    sent.add_argument("--number", default="", help="the number printed on a report sent "
                                                   "before today, e.g. 12/BC-STTTT")
    sent.add_argument("--note", default="")
    sent.set_defaults(handler=cmd_sent)
    withdraw = reports_sub.add_parser("withdraw", parents=[common],
                                      help="take back a report recorded as sent by mistake "
                                           "(its number is voided)")
    withdraw.add_argument("key")
    withdraw.add_argument("period")
    withdraw.add_argument("--reason", required=True)
    withdraw.set_defaults(handler=cmd_withdraw)
    as_of = reports_sub.add_parser("permits-as-of", parents=[common],
                                   help="the permits in force, suspended, … on a past day")
    as_of.add_argument("day", help="dd/mm/yyyy, e.g. the last day of a reporting period")
    as_of.add_argument("--area", help="one area's permits")
    as_of.set_defaults(handler=cmd_permits_as_of)
    listing = reports_sub.add_parser("list", parents=[common], help="the reports recorded as sent")
    listing.add_argument("--key", help="one report of the calendar")
    listing.set_defaults(handler=cmd_list)


def _drafted_as(entry: dict[str, Any]) -> str:
    """What drafts or keeps a report of the calendar (a calendar entry or a due row)."""
    return entry["document"] or entry["case"] or entry["register"] or _("not drafted yet")


def cmd_calendar(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from dataclasses import asdict

    from sotttt_desktop.services.reports import calendar

    kinds = [asdict(kind) for kind in calendar()]
    if args.json:
        emit_json(kinds)
        return 0
    emit_table(["key", "report", "periods", "rule", "due", "recipient", "drafted as"],
               [[k["key"], k["name"], ", ".join(k["frequencies"]), k["period_rule"], k["due"],
                 k["recipient"], _drafted_as(k)]
                for k in kinds])
    return 0


def cmd_due(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=False) as services:
        rows = services.reports.due(date_arg(args.on) or clock.local_today())
    if args.json:
        emit_json(rows)
        return 0
    emit_table(["due", "state", "report", "period", "recipient", "drafted as"],
               [[format_date(r["due"]), STATES[r["state"]], r["name"], r["period"],
                 r["recipient"], _drafted_as(r)]
                for r in rows] or [["—"] * 6])
    return 0


def cmd_statistics(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from sotttt_desktop.services import one_stop_statistics

    ref = args.period + (f"@{args.unit}" if args.unit else "")
    with acting(args, location, write=args.xlsx is not None) as services:
        if args.xlsx is not None:
            result = one_stop_statistics.export(services, ref, Path(args.xlsx), force=args.force)
            emit_json(result) if args.json else emit_lines([result["path"]])
            return 0
        data = one_stop_statistics.document_data(services, ref)
    if args.json:
        emit_json(data)
        return 0
    columns = list(one_stop_statistics.COLUMNS)
    rows = [["", _("Total"), *(str(data["total"][c]) for c in columns)]]
    for area in data["areas"]:
        rows.append([area["area"], area["name"], *(str(area[c]) for c in columns)])
        rows += [["", "  " + p["name"][:60], *(str(p[c]) for c in columns)]
                 for p in area["procedures"]]
    emit_lines([f"{data['period']['label']} ({format_date(data['period']['start'])}–"
                f"{format_date(data['period']['end'])})"])
    emit_table(["area", "procedure", *columns], rows)
    return 0


def cmd_sent(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=True) as services:
        row = services.reports.record_sent(args.key, args.period, sent_on=date_arg(args.on),
                                           channel=args.channel, signer=args.signer or "",
                                           note=args.note, number=args.number)
    if args.json:
        emit_json({k: v for k, v in row.items() if k != "snapshot"})
    else:
        emit_lines([f"{row['number']}  {row['name']}  {row['period']}"])
    return 0


def cmd_list(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=False) as services:
        rows = services.reports.instances(args.key)
    if args.json:
        emit_json([{k: v for k, v in r.items() if k != "snapshot"} for r in rows])
        return 0
    emit_table(["sent", "number", "report", "period", "signer", "channel"],
               [[format_date(r["sent_on"]), r["number"] or "", r["name"], r["period"],
                 r["signer"], r["channel"]] for r in rows] or [["—"] * 6])
    return 0


def cmd_permits_as_of(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from sotttt_desktop.services.permits_as_of import STATES, permits_as_of

    with acting(args, location, write=False) as services:
        rows = permits_as_of(services, date_arg(args.day), area=args.area)
    if args.json:
        emit_json(rows)
        return 0
    emit_table(["area", "permit", *STATES],
               [[r["area"], r["title"][:60], *(str(r[s]) for s in STATES)] for r in rows]
               or [["—"] * (2 + len(STATES))])
    return 0


def cmd_withdraw(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=True) as services:
        row = services.reports.withdraw_sent(args.key, args.period, args.reason)
    if args.json:
        emit_json({k: v for k, v in row.items() if k != "snapshot"})
    else:
        emit_lines([f"{row['number']}  {row['name']}  {row['period']}"])
    return 0
