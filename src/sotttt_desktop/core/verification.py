"""The verification code printed as a QR on every permit: compact ASCII, checked offline.

`SOTTTT1|05/GP-STTTT|2026|20260105|20280105|CONG TY TNHH ABC|3f9a0c1b7d2e`
 version | number (diacritics dropped: QĐ → QD) | year of the number | issued | valid until ("-": no term) | holder (folded to
 ASCII, upper case, at most 40 characters) | the first 12 hex digits of HMAC-SHA256 over the rest
 with this installation's secret key (kept in the database, shared by every desk of it).

A code whose checksum does not match was altered or made elsewhere; a code that checks but
disagrees with the register (another holder, other dates) is reported forged as well.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
from dataclasses import dataclass

from sotttt_desktop.core.text import fold

VERSION = "SOTTTT1"
MAC_DIGITS = 12
HOLDER_CHARS = 40


@dataclass(frozen=True)
class Code:
    number: str
    year: int
    issued_on: dt.date
    valid_until: dt.date | None
    holder: str


def holder_ascii(name: str) -> str:
    folded = fold(name).upper()
    folded = re.sub(r"[^A-Z0-9 .,&()\-/]", " ", folded)
    return re.sub(r"\s+", " ", folded).strip()[:HOLDER_CHARS].strip()


def number_ascii(number: str) -> str:
    """`01/QĐ-STTTT` → `01/QD-STTTT`: numbers keep their case, lose their diacritics."""
    folded = fold(number)
    return "".join(f.upper() if o.isupper() else f for o, f in zip(number, folded, strict=False)
                   ) if len(folded) == len(number) else folded.upper()


def _body(code: Code) -> str:
    until = f"{code.valid_until:%Y%m%d}" if code.valid_until else "-"
    return "|".join([VERSION, number_ascii(code.number), str(code.year), f"{code.issued_on:%Y%m%d}", until,
                     holder_ascii(code.holder)])


def _mac(key: bytes, body: str) -> str:
    return hmac.new(key, body.encode("ascii"), hashlib.sha256).hexdigest()[:MAC_DIGITS]


def make(key: bytes, code: Code) -> str:
    body = _body(code)
    return f"{body}|{_mac(key, body)}"


def parse(payload: str, key: bytes) -> Code | None:
    """The code if it is well formed and its checksum matches; None if altered or foreign."""
    payload = payload.strip()
    try:
        payload.encode("ascii")
    except UnicodeEncodeError:
        return None
    body, _sep, mac = payload.rpartition("|")
    parts = body.split("|")
    if len(parts) != 6 or parts[0] != VERSION or not hmac.compare_digest(_mac(key, body), mac):
        return None
    try:
        return Code(number=parts[1], year=int(parts[2]),
                    issued_on=dt.datetime.strptime(parts[3], "%Y%m%d").date(),
                    valid_until=None if parts[4] == "-" else
                    dt.datetime.strptime(parts[4], "%Y%m%d").date(), holder=parts[5])
    except ValueError:
        return None


def matches(code: Code, other: Code) -> bool:
    return _body(code) == _body(other)


PAYLOAD_IN_PDF = re.compile(rb"/Keywords \((SOTTTT1\|[ -~]+?)\)")


def payload_from_pdf(data: bytes) -> str | None:
    """The code this system wrote into a PDF's metadata (not a scan: that is an image)."""
    found = PAYLOAD_IN_PDF.search(data)
    return found.group(1).decode("ascii").replace("\\(", "(").replace("\\)", ")") if found else None
