"""`key`: the public key that lets other installations check this Department's permits.

    sotttt-desktop key show                      this installation's key and fingerprint
    sotttt-desktop key export --out dept.pub     the public key file to hand to others
    sotttt-desktop key import dept.pub [--agency NAME]
    sotttt-desktop key list | key remove FINGERPRINT
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sotttt_desktop.cli.auth import acting
from sotttt_desktop.cli.output import emit_json, emit_lines, emit_table
from sotttt_desktop.core.safe_write import check_target, placed_file
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _
from sotttt_desktop.settings import DatabaseLocation


def register(sub: Any, common: argparse.ArgumentParser) -> None:  # noqa: ANN401
    key = sub.add_parser("key", parents=[common],
                         help="the keys that sign and check the verification codes of permits")
    key_sub = key.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    key_sub.add_parser("show", parents=[common], help="this installation's public key"
                       ).set_defaults(handler=cmd_key_show)
    export = key_sub.add_parser("export", parents=[common],
                                help="write the public key file other installations import")
    export.add_argument("--out", required=True, metavar="FILE.pub")
    export.add_argument("--force", action="store_true", help="replace FILE.pub if it exists")
    export.set_defaults(handler=cmd_key_export)
    imported = key_sub.add_parser("import", parents=[common],
                                  help="trust another installation's public key")
    imported.add_argument("file", metavar="FILE.pub")
    imported.add_argument("--agency", help="the agency's name (if the file lacks or misspells it)")
    imported.set_defaults(handler=cmd_key_import)
    key_sub.add_parser("list", parents=[common], help="the trusted keys of other agencies"
                       ).set_defaults(handler=cmd_key_list)
    remove = key_sub.add_parser("remove", parents=[common], help="stop trusting a key")
    remove.add_argument("fingerprint")
    remove.set_defaults(handler=cmd_key_remove)


def cmd_key_show(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=False) as services:
        own = services.verification.own_key()
    if args.json:
        emit_json(own)
    elif own is None:
        emit_lines([_("No key yet: it is made with the first permit printed, or by key export.")])
    else:
        emit_lines([_("Fingerprint: {fingerprint}").format(fingerprint=own["fingerprint"]),
                    _("Agency: {agency}").format(agency=own["agency"])])
    return 0


def cmd_key_export(args: argparse.Namespace, location: DatabaseLocation) -> int:
    out = Path(args.out)
    check_target(out, force=args.force)
    with acting(args, location, write=True) as services:
        services.verification.export_public_key(
            lambda text: placed_file(out, text.encode("utf-8"), force=args.force))
        own = services.verification.own_key()
    assert own is not None
    if args.json:
        emit_json({"file": str(out), **own})
    else:
        emit_lines([_("{path}: public key of {agency}, fingerprint {fingerprint}").format(
            path=out, agency=own["agency"], fingerprint=own["fingerprint"])])
    return 0


def cmd_key_import(args: argparse.Namespace, location: DatabaseLocation) -> int:
    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ValidationError(_("{path} cannot be read as a key file.").format(path=path)
                              ) from error
    with acting(args, location, write=True) as services:
        imported = services.verification.import_public_key(text, args.agency)
    if args.json:
        emit_json(imported)
    else:
        emit_lines([_("Trusted: {agency}, fingerprint {fingerprint} (compare it with the "
                      "agency's)").format(agency=imported["agency"],
                                          fingerprint=imported["fingerprint"])])
    return 0


def cmd_key_list(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=False) as services:
        keys = services.verification.trusted_keys()
    if args.json:
        emit_json(keys)
    else:
        emit_table([_("Agency"), _("Fingerprint"), _("Added on"), _("Added by")],
                   [[k["agency"], k["fingerprint"], k["added_on"], k["added_by"]] for k in keys])
    return 0


def cmd_key_remove(args: argparse.Namespace, location: DatabaseLocation) -> int:
    with acting(args, location, write=True) as services:
        removed = services.verification.remove_trusted_key(args.fingerprint)
    if args.json:
        emit_json(removed)
    else:
        emit_lines([_("No longer trusted: {agency}, fingerprint {fingerprint}").format(
            agency=removed["agency"], fingerprint=removed["fingerprint"])])
    return 0
