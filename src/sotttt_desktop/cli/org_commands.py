"""The organisation profile as history: `org periods`, `org show [--on DATE]`,
`org add-period FILE.toml` (administrators; a file shaped like one [[period]] of
resources/reference/organisation.toml, see docs/organisation-periods/)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from sotttt_desktop.cli.auth import acting
from sotttt_desktop.cli.output import emit_json, emit_lines, emit_table
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _, format_date, parse_date
from sotttt_desktop.settings import DatabaseLocation


def register(sub: Any, common: argparse.ArgumentParser) -> None:  # noqa: ANN401
    org = sub.add_parser("org", parents=[common],
                         help="the organisation profile, period by period")
    org_sub = org.add_subparsers(dest="org_command", metavar="ACTION", required=True)
    org_sub.add_parser("periods", parents=[common], help="every period, oldest first"
                       ).set_defaults(handler=cmd_org_periods)
    show = org_sub.add_parser("show", parents=[common],
                              help="the agency, founding decision, units and signers of a date")
    show.add_argument("--on", help="dd/mm/yyyy (default: today)")
    show.set_defaults(handler=cmd_org_show)
    add = org_sub.add_parser("add-period", parents=[common],
                             help="add (or correct) the period that starts on the file's "
                                  "effective_from")
    add.add_argument("file", help="a TOML file: header fields, [founding_decision], [[unit]], "
                                  "optionally [[signer]]")
    add.set_defaults(handler=cmd_org_add_period)


def _lines(period: dict[str, Any], signers: list[dict[str, Any]] | None = None) -> list[str]:
    from sotttt_desktop.documents.phrases import founding_citation

    until = period.get("effective_until")
    lines = [_("From {start} until {end}:").format(
                 start=format_date(parse_iso(period["effective_from"])),
                 end=format_date(parse_iso(until)) if until else _("now")),
             f"  {period['parent_body_short']} / {period['agency_name']} "
             f"({period['abbreviation']}) — {period['place_name']}"]
    if period.get("founding_decision"):
        lines.append("  " + founding_citation(period["founding_decision"]))
    lines += [f"  - {unit['code']}: {unit['name']}" for unit in period.get("units", [])]
    for signer in signers or []:
        prefix = f"{signer['authority']} / " if signer.get("authority") else ""
        lines.append(f"  * {prefix}{signer['position']}: {signer['full_name']}")
    return lines


def parse_iso(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def cmd_org_periods(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=False) as services:
        periods = services.reference.profile_versions()
    if args.json:
        emit_json(periods)
    else:
        emit_table([_("From"), _("Until"), _("Agency name"), _("Founding decision"),
                    _("Units")],
                   [[p["effective_from"], p["effective_until"] or "",
                     p["agency_name"], (p["founding_decision"] or {}).get("number", ""),
                     str(len(p["units"]))] for p in periods])
    return 0


def cmd_org_show(args: argparse.Namespace, location: DatabaseLocation) -> int:
    try:
        on = parse_date(args.on) if args.on else None
    except ValueError as error:
        raise ValidationError(_("Write the date as dd/mm/yyyy, for example 05/03/1990.")) \
            from error
    with acting(args, location, write=False) as services:
        period = services.reference.profile(on)
        signers = services.reference.signers(on)
    if args.json:
        emit_json({**period, "signers": signers})
    else:
        emit_lines(_lines(period, signers))
    return 0


def cmd_org_add_period(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=True) as services:
        period = services.reference.add_period_from_file(Path(args.file))
        signers = services.reference.signers(parse_iso(period["effective_from"]))
    if args.json:
        emit_json({**period, "signers": signers})
    else:
        emit_lines([_("Period saved.")] + _lines(period, signers))
    return 0
