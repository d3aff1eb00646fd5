"""`render`, `verify`, `permit pdf`, `dossier pdf`: official documents from the command line."""

from __future__ import annotations

import argparse
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from sotttt_desktop.cli.auth import acting
from sotttt_desktop.cli.output import emit_json, emit_lines, emit_table
from sotttt_desktop.core.safe_write import check_target, placed_file
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _
from sotttt_desktop.settings import DatabaseLocation

FORMS = ("01", "02", "03", "04", "05", "06")


def register(sub: Any, common: argparse.ArgumentParser) -> None:  # noqa: ANN401
    render = sub.add_parser("render", parents=[common], help="render an official document")
    render.add_argument("--list", action="store_true", help="list the document kinds")
    render.add_argument("kind", nargs="?", help="document kind (render --list)")
    render.add_argument("id", nargs="?", help="permit number, dossier code, period, list, "
                                              "case code or JSON file (render --list)")
    render.add_argument("--out", metavar="FILE.pdf")
    render.add_argument("--force", action="store_true", help="replace FILE.pdf if it exists")
    render.add_argument("--signer", help="the leader who signs (default: the first signer)")
    render.set_defaults(handler=cmd_render)
    verify = sub.add_parser("verify", parents=[common],
                            help="check a permit's verification code (or a PDF or a scan) offline")
    verify.add_argument("payload", help="the code in the QR symbol, the short code printed "
                        "beside it, or a PDF or a scan (PDF, PNG, JPEG) of the document")
    verify.set_defaults(handler=cmd_verify)


def register_pdf_actions(dossier_sub: Any, permit_sub: Any, common: argparse.ArgumentParser
                         ) -> None:  # noqa: ANN401
    pdf = permit_sub.add_parser("pdf", parents=[common], help="the permit's own document")
    pdf.add_argument("number")
    pdf.add_argument("--out", required=True, metavar="FILE.pdf")
    pdf.add_argument("--force", action="store_true", help="replace FILE.pdf if it exists")
    pdf.add_argument("--signer")
    pdf.set_defaults(handler=cmd_permit_pdf)
    form = dossier_sub.add_parser("pdf", parents=[common], help="one-stop form 01–06 of a dossier")
    form.add_argument("code")
    form.add_argument("--form", required=True, choices=FORMS)
    form.add_argument("--out", required=True, metavar="FILE.pdf")
    form.add_argument("--force", action="store_true", help="replace FILE.pdf if it exists")
    form.add_argument("--signer")
    form.set_defaults(handler=cmd_dossier_pdf)


def _render_to_file(args: argparse.Namespace, services: Any, kind: str, ref: str  # noqa: ANN401
                    ) -> Any:  # noqa: ANN401
    """Render into --out: the target is checked first, the PDF written whole (never through a
    link, over a file only with --force), and the print recorded only once the file is there."""
    out = Path(args.out)
    check_target(out, force=args.force)

    def deliver(rendered: Any) -> AbstractContextManager[None]:  # noqa: ANN401
        return placed_file(out, rendered.pdf, force=args.force)
    return services.documents.render(kind, ref, signer=args.signer, deliver=deliver)


def _report(args: argparse.Namespace, rendered: Any) -> int:  # noqa: ANN401
    out = Path(args.out)
    info = {"file": str(out), "kind": rendered.kind, "id": rendered.subject_ref,
            "sha256": rendered.sha256, "reprint": rendered.reprint, "bytes": len(rendered.pdf)}
    if args.json:
        emit_json(info)
    else:
        emit_lines([_("{path}: {kind} {id}{reprint}").format(
            path=out, kind=rendered.kind, id=rendered.subject_ref,
            reprint=_(" (reprint, identical to the issued document)") if rendered.reprint
            else "")])
    return 0


def cmd_render(args: argparse.Namespace, location: DatabaseLocation) -> int:
    if args.list:
        with acting(args, location, write=False) as services:
            kinds = services.documents.kinds()
        if args.json:
            emit_json(kinds)
        else:
            emit_table([_("Kind"), _("Identifier"), _("Document"), _("Form")],
                       [[k["kind"], k["subject"], k["title"], k["form"]] for k in kinds])
        return 0
    if not args.kind or not args.id or not args.out:
        raise ValidationError(_("Give KIND, ID and --out FILE.pdf (kinds: render --list)."))
    with acting(args, location, write=True) as services:
        rendered = _render_to_file(args, services, args.kind, args.id)
    return _report(args, rendered)


def cmd_permit_pdf(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=True) as services:
        rendered = _render_to_file(args, services, "permit", args.number)
    return _report(args, rendered)


def cmd_dossier_pdf(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=True) as services:
        kind, ref = services.documents.form(args.form, args.code)
        rendered = _render_to_file(args, services, kind, ref)
    return _report(args, rendered)


def cmd_verify(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=False) as services:
        verdict = services.documents.verify(args.payload)
    if args.json:
        emit_json(verdict)
    else:
        from sotttt_desktop.services.verification import describe

        emit_lines(describe(verdict))
    return 0 if verdict["status"] == "valid" else 1
