"""Who runs a command: `--user NAME` (or SOTTTT_USER) with the password from SOTTTT_PASSWORD or
a prompt. Commands that only read may run without a user, with read-only rights."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sotttt_desktop.core.passwords import one_time_password
from sotttt_desktop.errors import AuthenticationError, ValidationError
from sotttt_desktop.i18n import DateOutOfRangeError, _, parse_date
from sotttt_desktop.settings import DatabaseLocation

if TYPE_CHECKING:
    from sotttt_desktop.services import Services


def read_secret(env_name: str, prompt: str, *, confirm: bool = False) -> str:
    value = os.environ.get(env_name)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise AuthenticationError(
            _("No password given: set {variable} or run the command in a terminal.")
            .format(variable=env_name))
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass(_("Repeat: ")) != value:
        raise ValidationError(_("The two passwords differ."))
    return value


def acting_services(args: argparse.Namespace, location: DatabaseLocation, *,
                    write: bool) -> Services:
    """Open the database as the named user (logged in), or read-only without one."""
    from sotttt_desktop.services.setup import open_services

    username = getattr(args, "user", None) or os.environ.get("SOTTTT_USER")
    services = open_services(location)
    if not username:
        if write:
            services.db.close()
            raise AuthenticationError(
                _("This command changes data: give --user NAME (the password is read from "
                  "SOTTTT_PASSWORD or asked)."))
        return services
    try:
        password = read_secret("SOTTTT_PASSWORD", _("Password for {user}: ").format(user=username))
        actor = services.security.login(username, password)
    except Exception:
        services.db.close()
        raise
    return services.as_actor(actor)


@contextmanager
def acting(args: argparse.Namespace, location: DatabaseLocation, *, write: bool
           ) -> Iterator[Services]:
    """`acting_services`, closed again whatever happens inside the block."""
    services = acting_services(args, location, write=write)
    try:
        yield services
    finally:
        services.db.close()


def date_arg(text: str | None) -> dt.date | None:
    """A command-line date (dd/mm/yyyy or YYYY-MM-DD), or one clear line saying how to write it."""
    if not text:
        return None
    try:
        return parse_date(text)
    except DateOutOfRangeError as error:
        raise ValidationError(error.message()) from error
    except ValueError as error:
        raise ValidationError(_("Write the date as dd/mm/yyyy, for example 05/03/1990.")) from error


def new_password(prompt: str) -> tuple[str, bool]:
    """The password for a new or reset account, and whether it was generated: from
    SOTTTT_NEW_PASSWORD, else asked at a terminal, else a random one-time password (to be shown
    once; the account must change it at first log-in). Never the signed-in user's own password."""
    value = os.environ.get("SOTTTT_NEW_PASSWORD")
    if value:
        return value, False
    if sys.stdin and sys.stdin.isatty():
        return read_secret("SOTTTT_NEW_PASSWORD", prompt, confirm=True), False
    return one_time_password(), True
