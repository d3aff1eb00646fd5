"""Field validators: each takes cleaned text and returns a translated message, or None if valid."""

from __future__ import annotations

import re

from sotttt_desktop.core import clock
from sotttt_desktop.i18n import DateOutOfRangeError, _, parse_date

TAX_CODE_RE = re.compile(r"^\d{10}(-\d{3})?$")
CITIZEN_ID_RE = re.compile(r"^\d{12}$")
PHONE_RE = re.compile(r"^(\+84|0)\d{9,10}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def normalise_tax_code(text: str) -> str:
    """Accept `0101234567001` or `0101234567 - 001` as `0101234567-001`."""
    compact = re.sub(r"[\s.]", "", text)
    if re.fullmatch(r"\d{13}", compact):
        return f"{compact[:10]}-{compact[10:]}"
    return compact


def tax_code(text: str) -> str | None:
    if TAX_CODE_RE.match(normalise_tax_code(text)):
        return None
    return _("A tax code has 10 digits, or 13 for a branch, written 0101234567 or 0101234567-001.")


def citizen_id(text: str) -> str | None:
    if CITIZEN_ID_RE.match(re.sub(r"\s", "", text)):
        return None
    return _("A citizen ID number has exactly 12 digits.")


def normalise_phone(text: str) -> str:
    return re.sub(r"[\s.\-()]", "", text)


def phone(text: str) -> str | None:
    if PHONE_RE.match(normalise_phone(text)):
        return None
    return _("A phone number has 10 or 11 digits and starts with 0 or +84.")


def email(text: str) -> str | None:
    if EMAIL_RE.match(text):
        return None
    return _("This is not an e-mail address (expected name@example.vn).")


def past_date(text: str) -> str | None:
    try:
        value = parse_date(text)
    except DateOutOfRangeError as error:
        return error.message()
    except ValueError:
        return _("Write the date as dd/mm/yyyy, for example 05/03/1990.")
    if value > clock.local_today():
        return _("The date cannot be in the future.")
    if value.year < 1900:
        return _("The date is too far in the past.")
    return None
