"""Translations (gettext catalogues built with Babel) and locale-aware formatting.

Message ids are English; Vietnamese is the default language. Use `_()` for text shown at run time
and `N_()` to mark text defined at import time (translated later with `_()` where it is shown).
Placeholders are named (`{name}`): translate first, then format.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import io
import os
import zlib
from pathlib import Path
from zoneinfo import ZoneInfo

from sotttt_desktop.resources import translations_dir
from sotttt_desktop.settings import cache_dir

SUPPORTED_LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
DOMAIN = "messages"
LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


class UnknownLanguageError(ValueError):
    pass


def _load_catalogue(lang: str) -> gettext.NullTranslations:
    base = translations_dir() / lang / "LC_MESSAGES"
    mo_path = base / f"{DOMAIN}.mo"
    if mo_path.exists():
        with mo_path.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    po_path = base / f"{DOMAIN}.po"
    if not po_path.exists():
        return gettext.NullTranslations()
    # A source checkout has only the .po (installed wheels ship the .mo). Compiling it takes
    # ~25 ms and ~4 MB of Babel and e-mail modules at every start, so the compiled catalogue is
    # kept in the cache directory under the size and CRC of the .po: an edited .po gets a new file
    # (zlib is loaded by Qt's start already; hashlib would load OpenSSL before the first paint).
    po_bytes = po_path.read_bytes()
    key = f"{len(po_bytes)}-{zlib.crc32(po_bytes):08x}"
    cached = cache_dir() / "translations" / f"{lang}-{key}.mo"
    try:
        return gettext.GNUTranslations(io.BytesIO(cached.read_bytes()))
    except Exception:  # noqa: BLE001 - missing, unreadable or damaged: the cache is disposable
        mo_bytes = _compile_po(po_bytes, lang)
        _write_quietly(cached, mo_bytes)
        return gettext.GNUTranslations(io.BytesIO(mo_bytes))


def _compile_po(po_bytes: bytes, lang: str) -> bytes:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(po_bytes), locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def _write_quietly(path: Path, data: bytes) -> None:
    """A cache file written whole or not at all; a read-only cache only costs speed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        pass


def set_language(lang: str | None) -> str:
    """Switch the UI language. `None` means SOTTTT_LANG or the default (Vietnamese)."""
    global _translations, _language
    lang = (lang or os.environ.get("SOTTTT_LANG") or DEFAULT_LANGUAGE).strip().lower()
    if lang not in SUPPORTED_LANGUAGES:
        raise UnknownLanguageError(lang)
    _translations = _load_catalogue(lang)
    _language = lang
    return lang


def language() -> str:
    return _language


def _(message: str) -> str:
    return _translations.gettext(message)


@functools.cache
def _catalogue(lang: str) -> gettext.NullTranslations:
    return _load_catalogue(lang)


def in_language(lang: str, message: str) -> str:
    """`message` in a given language, whatever the UI shows (file headers, official words)."""
    return _catalogue(lang).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark a string for extraction without translating it now."""
    return message


# --- formatting -------------------------------------------------------------------------------


def format_date(value: dt.date | None) -> str:
    """dd/mm/yyyy in both languages (the Vietnamese administrative convention)."""
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y")


def to_local(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(LOCAL_TZ)


def format_datetime(value: dt.datetime | None) -> str:
    """A UTC timestamp shown in Asia/Ho_Chi_Minh time: `dd/mm/yyyy HH:MM`."""
    if value is None:
        return ""
    return to_local(value).strftime("%d/%m/%Y %H:%M")


def format_number(value: int | float) -> str:
    """Thousands separators of the current language: 1.234.567 (vi) or 1,234,567 (en)."""
    from babel.numbers import format_decimal  # 8 ms of imports, kept off the start-up path

    return format_decimal(value, locale=_babel_locale())


def format_vnd(amount: int) -> str:
    """Money is integer VND: `1.500.000 đồng` (vi) or `1,500,000 VND` (en)."""
    return _("{amount} VND").format(amount=format_number(int(amount)))


# The window of every date the application accepts: a record, a dossier, a permit. Tighter
# windows belong to a field (a birth date is in the past, an apology moves a due date by months).
DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(2100, 12, 31)


class DateOutOfRangeError(ValueError):
    """A well-formed date outside DATE_MIN..DATE_MAX (year 0001 or 9999 is a typing slip)."""

    def message(self) -> str:
        return _("The date must be between {first} and {last}.").format(
            first=format_date(DATE_MIN), last=format_date(DATE_MAX))


def in_date_window(value: dt.date) -> dt.date:
    """`value`, or DateOutOfRangeError (a date-time is checked by its date)."""
    day = value.date() if isinstance(value, dt.datetime) else value
    if not DATE_MIN <= day <= DATE_MAX:
        raise DateOutOfRangeError(str(value))
    return value


def parse_date(text: str) -> dt.date:
    """Parse dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy) or ISO yyyy-mm-dd, within the
    window DATE_MIN..DATE_MAX."""
    text = text.strip()
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        return in_date_window(dt.date.fromisoformat(text))
    for sep in "/-.":
        parts = text.split(sep)
        if len(parts) == 3 and all(p.isdigit() and len(p) <= 4 for p in parts) \
                and len(parts[2]) == 4:
            day, month, year = (int(p) for p in parts)
            if not 1 <= year <= 9999:
                raise DateOutOfRangeError(text)
            return in_date_window(dt.date(year, month, day))
    raise ValueError(text)


def parse_moment(text: str) -> dt.datetime | dt.date:
    """A date, or a date and time (ISO, `T` or a space between): a time with a zone (`Z`,
    `+07:00`) is converted to Vietnam's local time, which is how moments are kept."""
    text = text.strip()
    if "T" not in text and " " not in text:
        return parse_date(text)
    value = dt.datetime.fromisoformat(text.replace(" ", "T"))
    if value.tzinfo is not None:
        value = value.astimezone(LOCAL_TZ).replace(tzinfo=None)
    return in_date_window(value)


def _babel_locale() -> str:
    return "vi_VN" if _language == "vi" else "en_US"
