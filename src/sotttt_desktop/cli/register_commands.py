"""`registers`, `export REGISTER`, `public-list LIST`, `points LAYER`, `import REGISTER FILE
[--commit]`: registers, spreadsheets and map layers."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sotttt_desktop.cli.auth import acting
from sotttt_desktop.cli.output import emit_json, emit_lines, emit_table
from sotttt_desktop.i18n import _
from sotttt_desktop.services.register_files import column_notes
from sotttt_desktop.settings import DatabaseLocation


def register(sub: Any, common: argparse.ArgumentParser) -> None:  # noqa: ANN401
    registers = sub.add_parser("registers", parents=[common], help="the registers, by name")
    registers.set_defaults(handler=cmd_registers)
    export = sub.add_parser("export", parents=[common], help="a register to .xlsx or .csv")
    export.add_argument("register")
    export.add_argument("--out", required=True, metavar="FILE.xlsx|FILE.csv")
    export.add_argument("--query", default="", help="only the records matching this search")
    export.set_defaults(handler=cmd_export)
    public = sub.add_parser("public-list", parents=[common],
                            help="a list the Department publishes (game_points) to .xlsx or "
                                 ".csv; the printed list: render public-list KEY:YYYY-MM-DD")
    public.add_argument("list", help="game_points")
    public.add_argument("--out", required=True, metavar="FILE.xlsx|FILE.csv")
    public.add_argument("--on", help="in force on dd/mm/yyyy (default today)")
    public.set_defaults(handler=cmd_public_list)
    points = sub.add_parser("points", parents=[common],
                            help="a map layer (loudspeaker_clusters, antenna_masts) to .geojson (QGIS), .xlsx "
                                 "or .csv")
    points.add_argument("layer", help="loudspeaker_clusters or antenna_masts")
    points.add_argument("--out", required=True, metavar="FILE.geojson|FILE.xlsx|FILE.csv")
    points.set_defaults(handler=cmd_points)
    imp = sub.add_parser("import", parents=[common],
                         help="a spreadsheet into a register: preview, then --commit")
    imp.add_argument("register")
    imp.add_argument("file")
    imp.add_argument("--commit", action="store_true", help="write (one transaction)")
    imp.add_argument("--sha256", metavar="HASH",
                     help="with --commit: the hash the preview showed; a file changed since is "
                          "refused")
    imp.add_argument("--skip-rejected", action="store_true",
                     help="with --commit: import the good rows even if some are rejected")
    imp.set_defaults(handler=cmd_import)


def cmd_registers(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from sotttt_desktop.registers import all_registers

    with acting(args, location, write=False) as services:
        rows = [{"name": spec.key, "title": _(spec.title), "area": spec.area,
                 "records": services.registers.count(spec.key)
                 if services.actor.can(spec.area, "view") else None,
                 "fields": [f.name for f in spec.fields]}
                for spec in all_registers().values()]
    if args.json:
        emit_json(rows)
    else:
        emit_table([_("Identifier"), _("Register"), _("Records")],
                   [[r["name"], r["title"], "" if r["records"] is None else str(r["records"])]
                    for r in rows])
    return 0


def _known(key: str) -> None:
    from sotttt_desktop.errors import NotFoundError
    from sotttt_desktop.registers import all_registers

    if key not in all_registers():
        raise NotFoundError(_("There is no register {name}. Registers: {names}.").format(
            name=key, names=", ".join(all_registers())))


def cmd_export(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from sotttt_desktop.services.registers import RegisterFilter

    _known(args.register)
    with acting(args, location, write=True) as services:
        count = services.register_files.export(args.register, Path(args.out),
                                               RegisterFilter(text=args.query))
    if args.json:
        emit_json({"register": args.register, "file": args.out, "rows": count})
    else:
        emit_lines([_("{count} records written to {path}.").format(count=count, path=args.out)])
    return 0


def cmd_public_list(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from sotttt_desktop.cli.auth import date_arg
    from sotttt_desktop.core import clock

    with acting(args, location, write=True) as services:
        on = date_arg(args.on) or clock.local_today()
        count = services.public_lists.export(args.list, Path(args.out), on)
    if args.json:
        emit_json({"list": args.list, "on": on.isoformat(), "file": args.out, "rows": count})
    else:
        emit_lines([_("{count} entries written to {path}.").format(count=count, path=args.out)])
    return 0


def cmd_points(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=True) as services:
        count = services.point_layers.export(args.layer, Path(args.out))
    if args.json:
        emit_json({"layer": args.layer, "file": args.out, "points": count})
    else:
        emit_lines([_("{count} points written to {path}.").format(count=count, path=args.out)])
    return 0


def cmd_import(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from sotttt_desktop.errors import ValidationError

    _known(args.register)
    if args.sha256 is not None and not args.commit:
        raise ValidationError(_("--sha256 goes with --commit."))
    with acting(args, location, write=args.commit) as services:
        files = services.register_files
        preview = (files.commit(args.register, Path(args.file), skip_rejected=args.skip_rejected,
                                expected_sha256=args.sha256)
                   if args.commit else files.preview(args.register, Path(args.file)))
    if args.json:
        emit_json(preview.as_dict())
        return 0
    labels = {"create": _("new"), "update": _("update"), "unchanged": _("unchanged"),
              "reject": _("rejected")}
    emit_table([_("Row"), _("Action"), _("Key"), _("Name"), _("Why")],
               [[str(r.line), labels[r.action], r.key, r.title,
                 "; ".join(r.messages or r.changed)] for r in preview.rows
                if r.action != "unchanged"])
    emit_lines(column_notes(preview))
    counts = preview.counts()
    summary = _("{create} new, {update} updated, {unchanged} unchanged, {reject} rejected.").format(
        **counts)
    emit_lines([summary + " " + (_("Written.") if preview.committed else _(
        "Nothing written: to write exactly this file, run again with --commit --sha256 "
        "{sha256}.").format(sha256=preview.sha256))])
    return 0
