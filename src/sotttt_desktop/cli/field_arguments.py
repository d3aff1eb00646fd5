"""Declared fields on the command line: `--details FILE.toml` and `--set FIELD=VALUE` (a permit's
contents, a case's fields), checked by the services as a form checks them."""

from __future__ import annotations

import argparse
from pathlib import Path

from sotttt_desktop.core.safe_write import os_reason
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _


def add_field_arguments(parser: argparse.ArgumentParser, what: str, listed_by: str) -> None:
    parser.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                        dest="contents", help=f"one declared field of the {what}; repeatable "
                        f"({listed_by} lists them)")
    parser.add_argument("--details", metavar="FILE.toml",
                        help=f"the {what}'s fields as FIELD = \"value\" lines")


def field_values(args: argparse.Namespace) -> dict[str, object]:
    """`--details FILE.toml` then `--set FIELD=VALUE` (a later value wins)."""
    import tomllib

    contents: dict[str, object] = {}
    if args.details:
        path = Path(args.details)
        try:
            loaded = tomllib.loads(path.read_text("utf-8"))
        except OSError as error:
            raise ValidationError(_("Cannot read {path}: {error}").format(
                path=path, error=os_reason(error))) from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise ValidationError(_("{path} is not a TOML file of FIELD = \"value\" lines: "
                                    "{reason}.").format(path=path, reason=error)) from None
        for name, value in loaded.items():
            if isinstance(value, dict | list):
                raise ValidationError(_("{field} in {path} must be one value.").format(
                    field=name, path=path))
            contents[name] = value
    for item in args.contents:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise ValidationError(_("Write --set FIELD=VALUE, for example --set "
                                    "serial_no=XN-0001."))
        contents[name.strip()] = value
    return contents


