"""`number list|register|record-outside|void`: the register of outgoing documents (sổ đăng ký
văn bản đi) that the Văn thư keeps. Numbers of the documents the application issues come from
it; a number given outside the application (on paper) is recorded here so the series continues
after it."""

from __future__ import annotations

import argparse
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from sotttt_desktop.cli.arguments import whole_number
from sotttt_desktop.cli.auth import acting, date_arg
from sotttt_desktop.cli.output import emit_json, emit_lines, emit_table
from sotttt_desktop.core import clock
from sotttt_desktop.core.safe_write import check_target, placed_file
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _, format_date
from sotttt_desktop.settings import DatabaseLocation

YEAR = whole_number(2000, 2200)
STATE_LABELS = {"void": "void", "reserved": "reserved", "outside": "outside", "app": ""}


def register(sub: Any, common: argparse.ArgumentParser) -> None:  # noqa: ANN401
    number = sub.add_parser("number", parents=[common],
                            help="the register of outgoing documents (sổ đăng ký văn bản đi)")
    number_sub = number.add_subparsers(dest="number_command", metavar="ACTION", required=True)
    listing = number_sub.add_parser("list", parents=[common],
                                    help="the numbers of a series and year")
    _register_arguments(listing)
    listing.set_defaults(handler=cmd_number_list)
    book = number_sub.add_parser("register", parents=[common],
                                 help="the register of a series and year; --pdf prints it")
    _register_arguments(book)
    book.add_argument("--pdf", metavar="FILE.pdf", help="write the register in the form of "
                      "Decree 30/2020")
    book.add_argument("--force", action="store_true", help="replace FILE.pdf if it exists")
    book.set_defaults(handler=cmd_number_register)
    outside = number_sub.add_parser(
        "record-outside", parents=[common],
        help="record a number given outside the application (a paper document)")
    outside.add_argument("symbol", help="as printed after the number: QĐ, GP, STTTT-VP …")
    outside.add_argument("number", type=whole_number(1, 99_999))
    outside.add_argument("--date", required=True, help="the document's date, dd/mm/yyyy")
    outside.add_argument("--summary", required=True,
                         help="kind and summary (tên loại và trích yếu)")
    outside.add_argument("--signer", default="")
    outside.add_argument("--recipients", default="", help="nơi nhận")
    outside.add_argument("--file-copy", default="", help="unit or person keeping the copy")
    outside.add_argument("--copies", type=whole_number(1, 10_000))
    outside.add_argument("--note", default="")
    outside.set_defaults(handler=cmd_number_record_outside)
    void = number_sub.add_parser("void", parents=[common],
                                 help="void a number, with the reason (never reused)")
    void.add_argument("text", help="the number as printed, e.g. 05/QĐ-STTTT (or …@2024); or "
                      "a bare number with --series")
    void.add_argument("--reason", required=True)
    void.add_argument("--year", type=YEAR)
    void.add_argument("--series", default="HC", help="for a bare number (default: HC)")
    void.set_defaults(handler=cmd_number_void)


def _register_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=YEAR, help="default: this year")
    parser.add_argument("--series", default="HC",
                        help="HC (administrative documents: QĐ, letters …), GP, GCN, XN, or a "
                             "symbol (default: HC)")


def _year(args: argparse.Namespace) -> int:
    return args.year or clock.local_today().year


def _emit_register(args: argparse.Namespace, entries: list[dict[str, Any]]) -> None:
    if args.json:
        emit_json(entries)
        return
    emit_table([_("Number"), _("Date"), _("Summary"), _("Signer"), _("Note")],
               [[f"{e['number']:02d}" if e["origin"] == "reserved" else e["text"], format_date(e["document_date"]) if e["document_date"] else "",
                 e["summary"][:60], e["signer"],
                 " ".join(part for part in (
                     _("void: {reason}").format(reason=e["void_reason"])
                     if e["state"] == "void" else "",
                     _("reserved for a paper document")
                     if e["origin"] == "reserved" and e["state"] != "void" else "",
                     _("recorded from paper") if e["origin"] == "outside" else "") if part)]
                for e in entries])


def cmd_number_list(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=False) as services:
        entries = services.numbering.register(_year(args), args.series)
    _emit_register(args, entries)
    return 0


def cmd_number_register(args: argparse.Namespace, location: DatabaseLocation) -> int:
    if not args.pdf:
        return cmd_number_list(args, location)
    out = Path(args.pdf)
    check_target(out, force=args.force)

    def deliver(rendered: Any) -> AbstractContextManager[None]:  # noqa: ANN401
        return placed_file(out, rendered.pdf, force=args.force)

    with acting(args, location, write=True) as services:
        series, year = services.numbering.register_ref(f"{args.series}:{_year(args)}")
        rendered = services.documents.render("outgoing-register", f"{series}:{year}",
                                             deliver=deliver)
    if args.json:
        emit_json({"file": str(out), "id": rendered.subject_ref, "sha256": rendered.sha256})
    else:
        emit_lines([_("{path}: register of outgoing documents {id}").format(
            path=out, id=rendered.subject_ref)])
    return 0


def cmd_number_record_outside(args: argparse.Namespace, location: DatabaseLocation) -> int:
    on = date_arg(args.date)
    if on is None:
        raise ValidationError(_("Write the date as dd/mm/yyyy, for example 05/03/1990."))
    with acting(args, location, write=True) as services:
        result = services.numbering.record_outside(
            args.symbol, args.number, on=on, summary=args.summary, signer=args.signer,
            recipients=args.recipients, file_copy=args.file_copy, copies=args.copies,
            note=args.note)
    if args.json:
        emit_json(result)
    else:
        lines = [_("{text} ({year}) recorded in the register; the series continues after "
                   "it.").format(text=result["text"], year=result["year"])]
        if result["reserved"]:
            lines.append(_("Numbers {numbers} are reserved for paper documents: record each "
                           "of them, or void it.").format(
                numbers=", ".join(f"{n:02d}" for n in result["reserved"])))
        emit_lines(lines)
    return 0


def cmd_number_void(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=True) as services:
        services.numbering.void(args.text, args.reason, year=args.year, series=args.series)
    if args.json:
        emit_json({"voided": args.text})
    else:
        emit_lines([_("{text} is void; the number stays used.").format(text=args.text)])
    return 0
