"""Administration commands: users, roles (the permission matrix), the audit trail."""

from __future__ import annotations

import argparse
from typing import Any

from sotttt_desktop.cli.arguments import LIMIT
from sotttt_desktop.cli.auth import acting, new_password, read_secret
from sotttt_desktop.cli.output import emit_json, emit_lines, emit_table
from sotttt_desktop.errors import AppError, ValidationError
from sotttt_desktop.i18n import _, format_datetime, parse_date
from sotttt_desktop.services.actor import ACTIONS
from sotttt_desktop.settings import DatabaseLocation


class AuditChainBroken(AppError):
    exit_code = 8


def register(sub: Any, common: argparse.ArgumentParser) -> None:  # noqa: ANN401
    users = sub.add_parser("users", parents=[common], help="user accounts (administrators)")
    users_sub = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    add = users_sub.add_parser("add", parents=[common], help="add a user")
    add.add_argument("name")
    add.add_argument("--role", action="append", required=True,
                     help="role (repeat for several): administrator, leader, head_of_unit, "
                          "specialist, one_stop_clerk, records_clerk, inspector, district_officer, "
                          "viewer")
    add.add_argument("--area", action="append", default=[], help="area key (repeatable)")
    add.add_argument("--unit", help="unit code, e.g. TTBCXB")
    add.add_argument("--district", help="district code or name (district officers)")
    add.add_argument("--full-name")
    add.set_defaults(handler=cmd_users_add)
    lst = users_sub.add_parser("list", parents=[common], help="list users")
    lst.set_defaults(handler=cmd_users_list)
    for action, help_text in (("disable", "disable a user"), ("enable", "enable a user"),
                              ("reset-password", "set a temporary password")):
        p = users_sub.add_parser(action, parents=[common], help=help_text)
        p.add_argument("name")
        p.set_defaults(handler=cmd_users_change, users_action=action)
    passwd = users_sub.add_parser("passwd", parents=[common],
                                  help="change your own password (new one from "
                                       "SOTTTT_NEW_PASSWORD or a prompt)")
    passwd.set_defaults(handler=cmd_users_passwd)

    roles = sub.add_parser("roles", parents=[common], help="the permission matrix")
    roles_sub = roles.add_subparsers(dest="roles_command", metavar="ACTION", required=True)
    roles_sub.add_parser("list", parents=[common], help="roles and their grants"
                         ).set_defaults(handler=cmd_roles_list)
    for action in ("grant", "revoke"):
        p = roles_sub.add_parser(action, parents=[common], help=f"{action} AREA:ACTION to a role")
        p.add_argument("role")
        p.add_argument("area")
        p.add_argument("action", help=", ".join(ACTIONS) + ", or *")
        p.set_defaults(handler=cmd_roles_change, grant=action == "grant")

    audit = sub.add_parser("audit", parents=[common], help="the audit trail")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    audit_sub.add_parser("verify", parents=[common], help="recompute the hash chain"
                         ).set_defaults(handler=cmd_audit_verify)
    show = audit_sub.add_parser("list", parents=[common], help="entries, newest first")
    show.add_argument("--by", default="", help="only this user's entries")
    show.add_argument("--entity", default="", help="an entity id or kind (party, user, …)")
    show.add_argument("--since", help="dd/mm/yyyy")
    show.add_argument("--until", help="dd/mm/yyyy")
    show.add_argument("--limit", type=LIMIT, default=50)
    show.set_defaults(handler=cmd_audit_list)


def _district(services: Any, text: str | None) -> int | None:  # noqa: ANN401
    return services.reference.find_district(text) if text else None


def cmd_users_add(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=True) as services:
        password, generated = new_password(_("Password for {user}: ").format(user=args.name))
        user = services.security.add_user(
            args.name, args.full_name or args.name, password, args.role, areas=args.area,
            unit=args.unit, district=_district(services, args.district))
    if args.json:
        emit_json(user | ({"one_time_password": password} if generated else {}))
    else:
        emit_lines([_("User {name} added; the password must be changed at first log-in.")
                    .format(name=user["username"])] + _one_time_lines(password, generated))
    return 0


def _one_time_lines(password: str, generated: bool) -> list[str]:
    """The generated password, shown this once (it is stored only as a hash)."""
    if not generated:
        return []
    return [_("One-time password (shown only now; give it to the user in person): {password}")
            .format(password=password)]


def cmd_users_list(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=True) as services:
        users = services.security.list_users()
    if args.json:
        emit_json(users)
    else:
        emit_table([_("User name"), _("Full name"), _("Roles"), _("Active")],
                   [[u["username"], u["full_name"], ", ".join(u["roles"]),
                     _("Yes") if u["active"] else _("No")] for u in users])
    return 0


def cmd_users_change(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=True) as services:
        password, generated = "", False
        if args.users_action == "reset-password":
            password, generated = new_password(
                _("New password for {user}: ").format(user=args.name))
            user = services.security.reset_password(args.name, password)
        else:
            user = services.security.set_active(args.name, args.users_action == "enable")
    if args.json:
        emit_json(user | ({"one_time_password": password} if generated else {}))
    else:
        emit_lines([_("Done: {name}.").format(name=user["username"])]
                   + _one_time_lines(password, generated))
    return 0


def cmd_users_passwd(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=False) as services:
        if not services.actor.authenticated:
            raise AppError(_("Give --user NAME."))
        old = read_secret("SOTTTT_PASSWORD", _("Current password: "))
        new = read_secret("SOTTTT_NEW_PASSWORD", _("New password: "), confirm=True)
        services.security.change_own_password(old, new)
    emit_lines([_("Password changed.")])
    return 0


def cmd_roles_list(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=False) as services:
        matrix = services.security.matrix()
    if args.json:
        emit_json(matrix)
    else:
        for role, spec in matrix.items():
            scope = _(" (own district only)") if spec["district_scoped"] else ""
            emit_lines([f"{role}{scope}: {' '.join(spec['grants'])}"])
    return 0


def cmd_roles_change(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=True) as services:
        services.security.set_grant(args.role, args.area, args.action, args.grant)
        matrix = services.security.matrix()
    if args.json:
        emit_json(matrix[args.role])
    else:
        emit_lines([f"{args.role}: {' '.join(matrix[args.role]['grants'])}"])
    return 0


def cmd_audit_verify(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from sotttt_desktop.core import audit
    from sotttt_desktop.core.db import Database

    # read only, like `check`: a trail someone rewrote makes the file one that is not opened
    database = Database.read_only(location) if location.is_sqlite else Database.open(location)
    try:
        with database.session() as session:
            report = audit.verify(session)
    finally:
        database.engine.dispose()
    if args.json:
        emit_json({"ok": report.ok, "entries": report.entries, "sealed": report.sealed,
                   "first_broken_id": report.first_broken_id, "reason": report.reason or None})
    if report.ok:
        if not args.json:
            emit_lines([_("The audit trail is intact: {count} entries verified.")
                        .format(count=report.entries)]
                       + ([] if report.sealed else [_(
                           "This computer's seal could not be checked here (no audit key of "
                           "this computer, or the trail was written elsewhere): a trail "
                           "recomputed by whoever can edit the file would also look intact.")]))
        return 0
    reasons = {"content": _("its content was changed"),
               "previous-hash": _("the entry before it was changed, removed or inserted"),
               "missing-tail": _("entries at the end were removed"),
               "rewritten": _("the trail was rewritten: it differs from what this computer "
                              "sealed"),
               "seal": _("this computer's seal of the trail was forged")}
    if report.reason == "empty":
        raise AuditChainBroken(_("The audit trail is empty, but the database holds records: "
                                 "the trail was removed."))
    raise AuditChainBroken(_("The audit trail is broken at entry {id}: {reason}.").format(
        id=report.first_broken_id, reason=reasons.get(report.reason, report.reason)))


def cmd_audit_list(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from sotttt_desktop.services.audit_trail import AuditFilter

    with acting(args, location, write=False) as services:
        try:
            flt = AuditFilter(username=args.by, entity=args.entity,
                              since=parse_date(args.since) if args.since else None,
                              until=parse_date(args.until) if args.until else None)
        except ValueError as error:
            raise ValidationError(_("Write the date as dd/mm/yyyy, for example 05/03/1990.")) \
                from error
        entries = services.audit.entries(flt, limit=max(0, args.limit))
    if args.json:
        emit_json(entries)
    else:
        emit_table([_("No."), _("Time"), _("User"), _("Action"), _("Summary")],
                   [[str(e["id"]), format_datetime(e["at"]), e["username"], e["action"],
                     e["summary"][:60]] for e in entries])
    return 0
