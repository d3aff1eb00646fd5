"""`sotttt-desktop case …`: declared cases with legal clocks (kinds, open, edit, step, show,
list)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from sotttt_desktop.cli.arguments import LIMIT, whole_number
from sotttt_desktop.cli.auth import acting, date_arg
from sotttt_desktop.cli.calendar_commands import parse_moment
from sotttt_desktop.cli.field_arguments import add_field_arguments, field_values
from sotttt_desktop.cli.output import emit_json, emit_lines, emit_table
from sotttt_desktop.core.cases.status import LIST_HEADERS
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _, format_date
from sotttt_desktop.settings import DatabaseLocation

AMOUNT = whole_number(1, 3_660)


def register(sub: Any, common: argparse.ArgumentParser) -> None:  # noqa: ANN401
    case = sub.add_parser("case", parents=[common],
                          help="cases on a legal clock (denunciations, takedown requests, …)")
    case_sub = case.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    kinds = case_sub.add_parser("kinds", parents=[common], help="the declared kinds of case")
    kinds.set_defaults(handler=cmd_kinds)
    opened = case_sub.add_parser("open", parents=[common], help="open a case")
    opened.add_argument("kind", help="kind of case (case kinds)")
    opened.add_argument("--title", required=True, help="what the case is about")
    opened.add_argument("--party", help="tax code, citizen ID or id of the party concerned")
    opened.add_argument("--district", type=whole_number(1, 99_999), help="district code")
    opened.add_argument("--variant", default="", help="complex, remote area, … (case kinds)")
    opened.add_argument("--at", help="YYYY-MM-DDTHH:MM (default now)")
    add_field_arguments(opened, "case", "case kinds")
    opened.add_argument("--file", action="append", default=[], metavar="FIELD=PATH",
                        help="a file for an evidence field, kept by its SHA-256; repeatable")
    opened.set_defaults(handler=cmd_open)
    edit = case_sub.add_parser("edit", parents=[common],
                               help="correct or complete what an open case records")
    edit.add_argument("code")
    add_field_arguments(edit, "case", "case kinds")
    edit.add_argument("--file", action="append", default=[], metavar="FIELD=PATH",
                      help="a file for an evidence field (replaces its files); repeatable")
    edit.set_defaults(handler=cmd_edit)
    step = case_sub.add_parser("step", parents=[common], help="take a step")
    step.add_argument("code")
    step.add_argument("action", help="a step of the case's kind (case kinds)")
    step.add_argument("--reason", default="")
    step.add_argument("--decision", default="", help="the number of the decision")
    step.add_argument("--amount", type=AMOUNT, help="length of an extension, in its unit")
    step.add_argument("--new-due", help="dd/mm/yyyy (a re-appointed date)")
    step.add_argument("--variant", help="the kind of case a classifying step chooses "
                                        "('-': the plain case)")
    step.add_argument("--at", help="YYYY-MM-DDTHH:MM (default now)")
    step.set_defaults(handler=cmd_step)
    assign = case_sub.add_parser("assign", parents=[common],
                                 help="give a case to a user who handles its area (a leader)")
    assign.add_argument("code")
    assign.add_argument("username")
    assign.set_defaults(handler=cmd_assign)
    show = case_sub.add_parser("show", parents=[common], help="one case, its clocks explained")
    show.add_argument("code")
    show.set_defaults(handler=cmd_show)
    lst = case_sub.add_parser("list", parents=[common], help="cases, soonest due first")
    lst.add_argument("--kind")
    lst.add_argument("--state")
    lst.add_argument("--overdue", action="store_true")
    lst.add_argument("--limit", type=LIMIT, default=100)
    lst.set_defaults(handler=cmd_list)


def _moment(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    moment = parse_moment(text)
    return moment if isinstance(moment, dt.datetime) else dt.datetime.combine(moment, dt.time())


def _due(value: dt.date | dt.datetime | None) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    return format_date(value) if value else "—"


def _line(data: dict) -> str:
    status = f" ({data['status_text']})" if data["status_text"] else ""
    return (f"{data['code']}  {data['kind_label']}  {data['state_label']}  {_('Deadline')}: "
            f"{_due(data['due'])}{status}  {data['title']}")


def _emit(args: argparse.Namespace, data: dict) -> None:
    if args.json:
        emit_json(data)
    else:
        emit_lines([_line(data)])


def cmd_kinds(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=False) as services:
        kinds = services.cases.kinds()
    if args.json:
        emit_json(kinds)
        return 0
    for kind in kinds:
        emit_lines([f"{kind['kind']}: {kind['label']} ({kind['basis']})",
                    "  " + _("Steps") + ": " + ", ".join(kind["steps"]),
                    "  " + _("Clocks") + ": " + ", ".join(kind["clocks"].values())])
        if kind["fields"]:
            emit_lines(["  " + _("Fields") + ": " + ", ".join(
                f"{f['field']}{'*' if f['required'] else ''} ({f['label']})"
                for f in kind["fields"])])
        if kind["variants"]:
            emit_lines(["  " + _("Variants") + ": " + ", ".join(
                f"{key} ({label})" for key, label in kind["variants"].items())])
    return 0


def _with_files(services: Any, values: dict[str, object], files: list[str]  # noqa: ANN401
                ) -> dict[str, object]:
    """`--file FIELD=PATH`: each file copied whole into the attachment store, then named in
    its field as the form's Add file… does."""
    chosen: dict[str, list[Path]] = {}
    for item in files:
        name, sep, path = item.partition("=")
        if not sep or not name.strip() or not path.strip():
            raise ValidationError(_("Write --file FIELD=PATH, for example --file "
                                    "evidence=capture.png."))
        chosen.setdefault(name.strip(), []).append(Path(path.strip()))
    for name, paths in chosen.items():
        values[name] = json.dumps(services.links.store_files(paths), ensure_ascii=False)
    return values


def cmd_open(args: argparse.Namespace, location: DatabaseLocation) -> int:
    values = field_values(args)
    with acting(args, location, write=True) as services:
        party = services.parties.find(args.party) if args.party else None
        data = services.cases.open(args.kind, args.title, party_id=party,
                                   district_code=args.district, variant=args.variant,
                                   at=_moment(args.at),
                                   data=_with_files(services, values, args.file))
    _emit(args, data)
    return 0


def cmd_edit(args: argparse.Namespace, location: DatabaseLocation) -> int:
    """The fields given replace theirs (an empty value clears one); the others are kept."""
    from sotttt_desktop.core.cases import kinds
    from sotttt_desktop.services import case_fields
    from sotttt_desktop.services.records import edit_text

    values = field_values(args)
    with acting(args, location, write=True) as services:
        case = services.cases.show(args.code)
        spec = kinds()[case["kind"]]
        kept = case_fields.from_json(spec, case["data"])
        data: dict[str, object] = {f.name: edit_text(f, kept[f.name]) for f in spec.form_fields
                                   if f.name in kept}
        data.update(_with_files(services, values, args.file))
        data = {name: text for name, text in data.items() if str(text).strip()}
        edited = services.cases.edit(args.code, data, expected_version=case["version"])
    _emit(args, edited)
    return 0


def cmd_step(args: argparse.Namespace, location: DatabaseLocation) -> int:
    variant = "" if args.variant == "-" else args.variant
    with acting(args, location, write=True) as services:
        data = services.cases.step(args.code, args.action, reason=args.reason,
                                   decision=args.decision, amount=args.amount,
                                   new_due=date_arg(args.new_due), variant=variant,
                                   at=_moment(args.at))
    _emit(args, data)
    return 0


def cmd_assign(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=True) as services:
        data = services.cases.assign(args.code, args.username)
    _emit(args, data)
    return 0


def cmd_show(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=False) as services:
        data = services.cases.show(args.code)
    if args.json:
        emit_json(data)
        return 0
    emit_lines([_line(data)])
    if data["assigned_to"]:
        emit_lines(["  " + _("Assigned to: {user}").format(user=data["assigned_to"])])
    for line in data["details"]:
        first, *rest = line["text"].split("\n")
        emit_lines([f"  {line['label']}: {first}", *(f"      {more}" for more in rest)])
    emit_lines([f"  {remark}" for remark in data["remarks"]])
    for clock in data["clocks"]:
        status = f" ({clock['status_text']})" if clock["status_text"] else ""
        emit_lines([f"  {clock['label']}: {_due(clock['due'])}{status} — {clock['basis']}"])
        emit_lines([f"      {line}" for line in clock["explanation"]])
    emit_lines(["  " + _("Timeline") + ":"])
    for event in data["timeline"]:
        decision = f" [{event['decision']}]" if event["decision"] else ""
        emit_lines([f"    {event['at'].strftime('%d/%m/%Y %H:%M')}  {event['step_label']}"
                    f"{decision}  {event['detail']}"])
    return 0


def cmd_list(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=False) as services:
        rows = services.cases.list(kind=args.kind, state=args.state, overdue=args.overdue,
                                   limit=args.limit)
    if args.json:
        emit_json(rows)
    else:
        emit_table([_(header) for header in LIST_HEADERS],
                   [[r["code"], r["kind_label"], r["state_label"], _due(r["due"]),
                     r["status_text"], r["title"]] for r in rows])
    return 0
