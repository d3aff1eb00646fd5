"""`sotttt-desktop dossier …`: receive, list, show and act on one-stop dossiers."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sotttt_desktop.cli.arguments import DAYS, LIMIT, MONTHS, whole_number
from sotttt_desktop.cli.auth import acting, date_arg
from sotttt_desktop.cli.calendar_commands import parse_moment
from sotttt_desktop.cli.field_arguments import add_field_arguments, field_values
from sotttt_desktop.cli.output import emit_json, emit_lines, emit_table
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _, format_date
from sotttt_desktop.settings import DatabaseLocation


def register(sub: Any, common: argparse.ArgumentParser) -> None:  # noqa: ANN401
    from sotttt_desktop.services.dossiers import STEPS

    dossier = sub.add_parser("dossier", parents=[common], help="one-stop dossiers")
    dossier_sub = dossier.add_subparsers(dest="dossier_command", metavar="ACTION", required=True)
    receive = dossier_sub.add_parser("receive", parents=[common], help="receive a dossier")
    receive.add_argument("--procedure", required=True, help="procedure key (procedures list)")
    receive.add_argument("--applicant", required=True,
                         help="the applicant's tax code, citizen ID or id")
    receive.add_argument("--channel", default="counter", choices=["counter", "online", "post"])
    receive.add_argument("--received", help="YYYY-MM-DDTHH:MM (default now)")
    receive.add_argument("--missing", type=whole_number(1, 1000), action="append", default=[],
                         help="checklist item (1-based) not handed in; repeatable")
    receive.add_argument("--note", default="")
    receive.add_argument("--attach", action="append", default=[], metavar="FILE",
                         help="a file handed in (scan, PDF); repeatable")
    receive.set_defaults(handler=cmd_receive)
    lst = dossier_sub.add_parser("list", parents=[common], help="dossiers, soonest due first")
    lst.add_argument("--state")
    lst.add_argument("--area")
    lst.add_argument("--procedure")
    lst.add_argument("--overdue", action="store_true")
    lst.add_argument("--due-within", type=DAYS, metavar="DAYS")
    lst.add_argument("--query", default="", metavar="TEXT",
                     help="code, applicant or procedure; diacritics optional")
    lst.add_argument("--limit", type=LIMIT, default=100)
    lst.set_defaults(handler=cmd_list)
    show = dossier_sub.add_parser("show", parents=[common], help="one dossier with its timeline")
    show.add_argument("code")
    show.set_defaults(handler=cmd_show)
    act = dossier_sub.add_parser("act", parents=[common], help="take a step")
    act.add_argument("code")
    act.add_argument("action", choices=sorted(STEPS))
    act.add_argument("--reason", default="")
    act.add_argument("--to-unit", default="")
    act.add_argument("--new-due", help="dd/mm/yyyy (apologise)")
    act.add_argument("--at", help="YYYY-MM-DDTHH:MM (default now)")
    act.set_defaults(handler=cmd_act)

    permit = sub.add_parser("permit", parents=[common], help="the permit register")
    permit_sub = permit.add_subparsers(dest="permit_command", metavar="ACTION", required=True)
    plist = permit_sub.add_parser("list", parents=[common], help="permits, newest first")
    plist.add_argument("--state", choices=["valid", "suspended", "revoked", "superseded"])
    plist.add_argument("--expiring-within", type=DAYS, metavar="DAYS")
    plist.add_argument("--family")
    plist.add_argument("--limit", type=LIMIT, default=100)
    plist.set_defaults(handler=cmd_permit_list)
    pshow = permit_sub.add_parser("show", parents=[common], help="one permit and its lineage")
    pshow.add_argument("number")
    pshow.set_defaults(handler=cmd_permit_show)
    pissue = permit_sub.add_parser("issue", parents=[common],
                                   help="issue the result of an approved dossier")
    pissue.add_argument("dossier")
    pissue.add_argument("--subject", default="", help="what it is for: website, address, …")
    pissue.add_argument("--valid-until", help="dd/mm/yyyy (default: the longest term allowed)")
    pissue.add_argument("--replaces", help="the permit amended, extended or reissued")
    pissue.add_argument("--extend-months", type=MONTHS)
    add_field_arguments(pissue, "permit", "permit fields CODE")
    pfields = permit_sub.add_parser("fields", parents=[common],
                                    help="the fields a dossier's permit declares")
    pfields.add_argument("dossier")
    pfields.set_defaults(handler=cmd_permit_fields)
    pissue.set_defaults(handler=cmd_permit_issue)
    for action in ("revoke", "suspend"):
        p = permit_sub.add_parser(action, parents=[common], help=f"{action} by decision")
        p.add_argument("number")
        p.add_argument("--decision", help=argparse.SUPPRESS)  # refused: see cmd_permit_decide
        p.add_argument("--reason", required=True)
        if action == "suspend":
            p.add_argument("--until", required=True, help="dd/mm/yyyy")
        p.set_defaults(handler=cmd_permit_decide, decision_action=action)
    from sotttt_desktop.cli.document_commands import register_pdf_actions

    register_pdf_actions(dossier_sub, permit_sub, common)


def _emit(args: argparse.Namespace, data: dict) -> None:
    if args.json:
        emit_json(data)
    else:
        emit_lines([f"{data['code']}  {data['state_label']}  {_('Due')}: "
                    f"{format_date(data['due'])}  {data['holder']}"])


def cmd_receive(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=True) as services:
        applicant = services.parties.find(args.applicant)
        received = parse_moment(args.received) if args.received else None
        if received is not None and not hasattr(received, "hour"):
            raise ValidationError(_("Write the receipt as YYYY-MM-DD or YYYY-MM-DDTHH:MM, e.g. "
                                    "2024-02-05T10:30."))
        data = services.dossiers.receive(args.procedure, applicant, channel=args.channel,
                                         missing=args.missing, received_at=received,
                                         note=args.note,
                                         attachments=[Path(p) for p in args.attach])
    _emit(args, data)
    return 0


def cmd_list(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=False) as services:
        rows = services.dossiers.list(state=args.state, area=args.area, procedure=args.procedure,
                                      overdue=args.overdue, due_within=args.due_within,
                                      query=args.query, limit=max(0, args.limit))
    if args.json:
        emit_json(rows)
    else:
        emit_table([_("Code"), _("State"), _("Due"), _("Applicant")],
                   [[r["code"], r["state_label"], format_date(r["due"]), r["holder"]]
                    for r in rows])
    return 0


def cmd_show(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=False) as services:
        data = services.dossiers.show(args.code)
    if args.json:
        emit_json(data)
    else:
        _emit(args, data)
        for event in data["timeline"]:
            emit_lines([f"  {event['kind']}: {event['detail']}"])
            for step in event["explanation"] or []:
                emit_lines([f"      {step}"])
    return 0


def cmd_act(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=True) as services:
        new_due = date_arg(args.new_due)
        at = parse_moment(args.at) if args.at else None
        data = services.dossiers.act(args.code, args.action, reason=args.reason,
                                     to_unit=args.to_unit, new_due=new_due, at=at)
    _emit(args, data)
    return 0


def _emit_permit(args: argparse.Namespace, data: dict) -> None:
    if args.json:
        emit_json(data)
    else:
        emit_lines([f"{data['number']}  {data['title']}  {data['holder']}  "
                    f"{data['validity_text']}  ({data['state']})"])


def cmd_permit_list(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=False) as services:
        rows = services.permits.list(state=args.state, expiring_within=args.expiring_within,
                                     family=args.family, limit=max(0, args.limit))
    if args.json:
        emit_json(rows)
    else:
        for row in rows:
            _emit_permit(args, row)
    return 0


def cmd_permit_show(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=False) as services:
        data = services.permits.show(args.number)
    _emit_permit(args, data)
    if not args.json:
        emit_lines([f"  {label}: {text}" for label, text in data["contents"]])
    return 0


def cmd_permit_fields(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=False) as services:
        form = services.permits.contents_form(args.dossier)
    rows = [{"field": spec.name, "label": _(spec.label), "required": spec.required,
             "value": form["texts"].get(spec.name, "")} for spec in form["fields"]]
    if args.json:
        emit_json(rows)
    else:
        emit_table([_("Field"), _("Label"), _("Required"), _("Value")],
                   [[r["field"], r["label"], "*" if r["required"] else "", r["value"]]
                    for r in rows])
    return 0


def cmd_permit_issue(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=True) as services:
        data = services.permits.issue(args.dossier, subject=args.subject,
                                      valid_until=date_arg(args.valid_until),
                                      replaces=args.replaces, extend_months=args.extend_months,
                                      details=field_values(args))
    _emit_permit(args, data)
    return 0


def cmd_permit_decide(args: argparse.Namespace, location: DatabaseLocation) -> int:
    if args.decision is not None:
        raise ValidationError(_(
            "--decision is no longer accepted: the decision takes the next number of the "
            "register of outgoing documents. Run the command again without it."))
    with acting(args, location, write=True) as services:
        data = services.permits.decide(args.number, args.decision_action, reason=args.reason,
                                       until=date_arg(getattr(args, "until", None)))
    _emit_permit(args, data)
    return 0
