"""Vietnamese text: NFC normalisation on the way in, and folding for search.

Folding removes tone marks and vowel marks, maps đ/Đ to d, lower-cases and collapses white space,
so that "cong ty in duc hung" matches "Công ty In Đức Hưng", whether typed in NFC or NFD.
"""

from __future__ import annotations

import re
import unicodedata

# Characters no record may hold: C0/C1 controls other than the white space that `clean` folds
# (NUL breaks PostgreSQL and XLSX, ESC drives terminals), bidi overrides and isolates that make a
# name read backwards, zero-width and other invisible format characters, lone surrogates (not
# encodable), Unicode tags.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]")
_DIGIT = re.compile(r"\d")


def _ascii_digit(match: re.Match[str]) -> str:
    return str(unicodedata.decimal(match.group()))


def sanitise(value: str) -> str:
    """NFC; invisible and control characters removed; every decimal digit written in ASCII (a
    tax code typed in full-width or Arabic-Indic digits is the same tax code)."""
    value = _INVISIBLE.sub("", value)
    if not value.isascii():
        value = _DIGIT.sub(_ascii_digit, unicodedata.normalize("NFC", value))
    return value


def nfc(value: str | None) -> str | None:
    if value is None:
        return None
    return sanitise(value)


def clean(value: str | None) -> str | None:
    """Sanitised (NFC, no control characters, ASCII digits), trimmed, inner runs of white space
    collapsed; empty becomes None."""
    if value is None:
        return None
    value = " ".join(sanitise(value).split())
    return value or None


def clean_multiline(value: str | None) -> str | None:
    """`clean` line by line: line breaks kept (a list of titles), blank lines at the ends gone."""
    if value is None:
        return None
    lines = [" ".join(line.split()) for line in sanitise(value).splitlines()]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) or None


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    ranges = [(0x00C0, 0x024F), (0x1E00, 0x1EFF)]
    for start, end in ranges:
        for code in range(start, end + 1):
            ch = chr(code)
            base = "".join(
                c for c in unicodedata.normalize("NFD", ch) if unicodedata.category(c) != "Mn"
            )
            if base.isascii() and base:
                table[code] = base.lower()
    table[ord("đ")] = "d"
    table[ord("Đ")] = "d"
    table[ord("Ð")] = "d"  # Icelandic eth, a common look-alike typed for Đ
    return table


_FOLD_TABLE = _build_fold_table()
_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r"[0-9a-z]+")


def fold(value: str | None) -> str:
    """The search form of a text: no diacritics, đ→d, lower case, single spaces."""
    if not value:
        return ""
    text = unicodedata.normalize("NFC", value).translate(_FOLD_TABLE).lower()
    if not text.isascii():
        # rare: combining marks that do not compose, or letters outside the table
        text = "".join(
            c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
        ).translate(_FOLD_TABLE)
    return _SPACES.sub(" ", text).strip()


def tokens(value: str | None) -> list[str]:
    """Folded word tokens (letters and digits) of a text, as the search index sees them."""
    return _TOKEN.findall(fold(value))
