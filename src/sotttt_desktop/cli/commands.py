"""The CLI commands of the foundation: init, info, party, search."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from sotttt_desktop.cli.arguments import LIMIT, OFFSET, day_month_year, decimal_number
from sotttt_desktop.cli.auth import acting, read_secret
from sotttt_desktop.cli.output import emit_json, emit_lines, emit_table
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _, format_number
from sotttt_desktop.settings import DatabaseLocation

# The database layer is imported inside the commands: `--help` and the GUI start stay light.


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    init = sub.add_parser("init", parents=[common], help="create or upgrade the database")
    init.add_argument("--demo", action="store_true", help="fill it with realistic demo data")
    init.add_argument("--scale", type=decimal_number(0.01, 1000), default=1.0,
                      help="demo size: 1 ≈ one year of a Department (2,000 parties); 500 ≈ 1,000,000")
    init.add_argument("--volume", type=decimal_number(0, 1000), default=None,
                      help="the demo's one-stop volume: 1 ≈ 1,300 dossiers a year over three "
                           "years, with their permits (default: the scale; 0: only the demo's "
                           "own cases)")
    init.add_argument("--demo-date", type=day_month_year, default=None, metavar="DD/MM/YYYY",
                      help="the demo's working date (default 29/11/2024, inside the Decision's "
                           "period); a demo database runs on it")
    init.add_argument("--admin", metavar="NAME",
                      help="create the administrator (password from SOTTTT_PASSWORD or a prompt)")
    init.add_argument("--admin-name", metavar="FULL_NAME", default="Quản trị hệ thống",
                      help="the administrator's full name")
    init.set_defaults(handler=cmd_init)

    info = sub.add_parser("info", parents=[common], help="version, database, schema and row counts")
    info.set_defaults(handler=cmd_info)

    party = sub.add_parser("party", parents=[common], help="organisations and individuals")
    party_sub = party.add_subparsers(dest="party_command", metavar="ACTION", required=True)
    add = party_sub.add_parser("add", parents=[common], help="add an organisation or individual")
    add.add_argument("--kind", required=True, choices=["org", "person"])
    add.add_argument("--name", required=True)
    add.add_argument("--tax-code")
    add.add_argument("--registration-no")
    add.add_argument("--citizen-id")
    add.add_argument("--date-of-birth", metavar="DD/MM/YYYY")
    add.add_argument("--address")
    add.add_argument("--district", help="district code or name (diacritics optional)")
    add.add_argument("--commune", help="ward/commune code or name")
    add.add_argument("--legal-representative")
    add.add_argument("--phone")
    add.add_argument("--email")
    add.set_defaults(handler=cmd_party_add)
    lst = party_sub.add_parser("list", parents=[common], help="list organisations and individuals")
    lst.add_argument("--kind", choices=["org", "person"])
    lst.add_argument("--district")
    lst.add_argument("--query", default="", help="filter by folded text (no diacritics needed)")
    lst.add_argument("--limit", type=LIMIT, default=50)
    lst.add_argument("--offset", type=OFFSET, default=0)
    lst.set_defaults(handler=cmd_party_list)

    search = sub.add_parser("search", parents=[common], help="search everything, best first")
    search.add_argument("text")
    search.add_argument("--limit", type=LIMIT, default=20)
    search.set_defaults(handler=cmd_search)


class _Progress:
    """`[#####.....] 250,000/1,000,000  6,120 rows/s, 2 min 03 s left` on standard error."""

    def __init__(self) -> None:
        self._started = time.monotonic()

    def __call__(self, done: int, total: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        elapsed = max(time.monotonic() - self._started, 1e-6)
        rate = done / elapsed
        left = int((total - done) / rate) if rate else 0
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,}  "
                         + _("{rate} rows/s, {minutes} min {seconds:02d} s left").format(
                             rate=f"{rate:,.0f}", minutes=left // 60, seconds=left % 60) + "  ")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def cmd_init(args: argparse.Namespace, location: DatabaseLocation) -> int:
    if args.scale <= 0:
        raise ValidationError(_("The scale must be between 0.01 and 5000."))
    from sotttt_desktop.services.demo import DEMO_PASSWORD
    from sotttt_desktop.services.setup import initialise

    admin_password = None
    if args.admin:
        admin_password = read_secret("SOTTTT_PASSWORD", _("Password for {user}: ").format(
            user=args.admin), confirm=True)
    if args.demo_date and not args.demo:
        raise ValidationError(_("--demo-date is for a demo database (with --demo)."))
    services = initialise(location, demo=args.demo, scale=args.scale, demo_date=args.demo_date,
                          volume=args.volume, progress=None if args.json else _Progress())
    try:
        if args.admin:
            services.security.create_first_admin(args.admin, args.admin_name, admin_password or "")
        info = services.info()
    finally:
        services.db.close()
    if args.json:
        emit_json(info)
    else:
        lines = [_("Database ready: {path} (schema {revision}).").format(
            path=info["database"], revision=info["schema_revision"])]
        lines += [f"  {table}: {format_number(n)}" for table, n in info["counts"].items()]
        if args.demo:
            lines.append(_("Demo accounts (password {password}): see the README.").format(
                password=DEMO_PASSWORD))
        emit_lines(lines)
    return 0


def cmd_info(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from sotttt_desktop.services.setup import open_services

    services = open_services(location)
    info = services.info()
    services.db.close()
    if args.json:
        emit_json(info)
    else:
        emit_lines([
            _("Version: {version}").format(version=info["version"]),
            _("Database: {path} ({backend})").format(path=info["database"], backend=info["backend"]),
            _("Schema revision: {revision}").format(revision=info["schema_revision"]),
        ] + ([_("Assumed working date (demo): {date}").format(date=info["working_date"])]
             if info.get("working_date") else []) + [f"  {table}: {format_number(n)}" for table, n in info["counts"].items()])
    return 0


def cmd_party_add(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=True) as services:
        record = services.parties.add(
            kind=args.kind, name=args.name, tax_code=args.tax_code,
            registration_no=args.registration_no, citizen_id=args.citizen_id,
            date_of_birth=args.date_of_birth, address=args.address, district_code=args.district,
            commune_code=args.commune, legal_representative=args.legal_representative,
            phone=args.phone, email=args.email,
        )
        data = services.parties.as_json(record)
    if args.json:
        emit_json(data)
    else:
        emit_lines([_("Added: {name} ({id})").format(name=data["name"], id=data["id"])])
    return 0


def cmd_party_list(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=False) as services:
        district = services.reference.find_district(args.district) if args.district else None
        records = services.parties.list(limit=max(0, args.limit), offset=max(0, args.offset),
                                        kind=args.kind, district_code=district, text=args.query)
        data = [services.parties.as_json(r) for r in records]
    if args.json:
        emit_json(data)
    else:
        emit_table([_("Name"), _("Tax code / citizen ID"), _("District")],
                   [[d["name"], d["tax_code"] or d["citizen_id"] or "", d["district"] or ""]
                    for d in data])
    return 0


def cmd_search(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=False) as services:
        found = services.search.search(args.text, limit=max(0, args.limit))
    if args.json:
        emit_json([hit.as_json() for hit in found.hits])
    else:
        lines = [f"{hit.title} — {hit.subtitle} [{hit.target_title}]" for hit in found.hits]
        if found.more:
            lines.append(_("More results: ask with a higher --limit."))
        emit_lines(lines or [_("Nothing found.")])
    return 0
