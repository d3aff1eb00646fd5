"""The verification code printed as a QR on every permit, checked offline.

Version 2 (below, `SOTTTT2:`, since issue #13) is signed with the Department's Ed25519 key and
checks on any installation that holds the public key. Version 1, kept so that permits printed
before still verify on the desk that made them:

`SOTTTT1|05/GP-STTTT|2026|20260105|20280105|CONG TY TNHH ABC|3f9a0c1b7d2e`
 version | number (diacritics dropped: QĐ → QD) | year of the number | issued | valid until ("-": no term) | holder (folded to
 ASCII, upper case, at most 40 characters) | the first 12 hex digits of HMAC-SHA256 over the rest
 with this installation's secret key (kept in the database, shared by every desk of it).

A code whose checksum does not match was altered or made elsewhere; a code that checks but
disagrees with the register (another holder, other dates) is reported forged as well.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import re
import unicodedata
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


# --- signed codes (version 2): the Department's Ed25519 signature, checkable anywhere ---------
#
# `SOTTTT2:` + base32 (RFC 4648, upper case, no padding) of
#     key id (4 bytes: SHA-256 of the public key) | number (UTF-8, length-prefixed) |
#     year (2 bytes) | issued, valid from, valid until (3 bytes each: proleptic ordinal, 0 = no
#     term) | holder (UTF-8 NFC, length-prefixed) | Ed25519 signature (64 bytes)
# The signature covers the prefix and everything before it. Base32 upper case is the QR
# alphanumeric set: the symbol stays small (version 9–10 for a 50-character holder). Anyone
# holding the public key checks it offline; only the Department's database holds the private key.
# The page prints the short form (`Mã xác thực: K7Q3-M2XA-PL9F`, a digest of the whole code):
# a person compares it with what a check of the QR says, the issuing desk looks it up.

SIGNED_PREFIX = "SOTTTT2:"
KEY_ID_BYTES = 4
SIGNATURE_BYTES = 64
SHORT_GROUPS = 3
SHORT_FORM = re.compile(r"^[A-Z2-7]{4}(?:-?[A-Z2-7]{4}){" + str(SHORT_GROUPS - 1) + "}$")
_BASE32 = re.compile(r"^[A-Z2-7]+$")


@dataclass(frozen=True)
class SignedFacts:
    """What a signed code states about a document: what the page says, nothing folded or cut."""

    number: str
    year: int
    issued_on: dt.date
    valid_from: dt.date
    valid_until: dt.date | None
    holder: str


@dataclass(frozen=True)
class SignedCode:
    text: str  # canonical: prefix + upper-case base32
    key_id: bytes
    facts: SignedFacts
    signed: bytes  # what the signature covers
    signature: bytes

    def signed_by(self, public_key: bytes) -> bool:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

        if key_id(public_key) != self.key_id:
            return False
        try:
            Ed25519PublicKey.from_public_bytes(public_key).verify(self.signature, self.signed)
        except (InvalidSignature, ValueError):
            return False
        return True


def _b32(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").rstrip("=")


def _unb32(text: str) -> bytes | None:
    """The bytes of canonical unpadded base32 (a changed last character that only touches the
    padding bits is a different text, so it is refused, not read as the same code)."""
    if not _BASE32.match(text) or len(text) % 8 in (1, 3, 6):
        return None
    try:
        data = base64.b32decode(text + "=" * (-len(text) % 8))
    except (ValueError, binascii.Error):
        return None
    return data if _b32(data) == text else None


def new_private_key() -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    return Ed25519PrivateKey.generate().private_bytes(Encoding.Raw, PrivateFormat.Raw,
                                                      NoEncryption())


def public_key_of(private_key: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return Ed25519PrivateKey.from_private_bytes(private_key).public_key().public_bytes(
        Encoding.Raw, PublicFormat.Raw)


def key_id(public_key: bytes) -> bytes:
    return hashlib.sha256(public_key).digest()[:KEY_ID_BYTES]


def fingerprint(public_key: bytes) -> str:
    """`ABCD-EFGH-IJKL-MNOP`: read aloud over the telephone to confirm an imported key."""
    text = _b32(hashlib.sha256(public_key).digest()[:10])
    return "-".join(text[i:i + 4] for i in range(0, 16, 4))


def _fit(text: str, limit: int = 255) -> bytes:
    """UTF-8 of NFC `text`, at most `limit` bytes, cut between characters."""
    data = unicodedata.normalize("NFC", text).encode("utf-8")
    return data[:limit].decode("utf-8", "ignore").encode("utf-8")


def _pack(facts: SignedFacts) -> bytes:
    number, holder = _fit(facts.number), _fit(facts.holder)
    return b"".join([
        bytes([len(number)]), number, facts.year.to_bytes(2, "big"),
        facts.issued_on.toordinal().to_bytes(3, "big"),
        facts.valid_from.toordinal().to_bytes(3, "big"),
        (facts.valid_until.toordinal() if facts.valid_until else 0).to_bytes(3, "big"),
        bytes([len(holder)]), holder])


def _unpack(data: bytes) -> SignedFacts | None:
    try:
        size = data[0]
        number = data[1:1 + size].decode("utf-8")
        at = 1 + size
        year = int.from_bytes(data[at:at + 2], "big")
        days = [int.from_bytes(data[at + 2 + 3 * i:at + 5 + 3 * i], "big") for i in range(3)]
        at += 11
        size = data[at]
        holder = data[at + 1:at + 1 + size].decode("utf-8")
        if at + 1 + size != len(data) or len(holder.encode("utf-8")) != size:
            return None
        return SignedFacts(number, year, dt.date.fromordinal(days[0]),
                           dt.date.fromordinal(days[1]),
                           dt.date.fromordinal(days[2]) if days[2] else None, holder)
    except (IndexError, UnicodeDecodeError, ValueError, OverflowError):
        return None


def sign(private_key: bytes, facts: SignedFacts) -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    body = key_id(public_key_of(private_key)) + _pack(facts)
    signature = Ed25519PrivateKey.from_private_bytes(private_key).sign(
        SIGNED_PREFIX.encode("ascii") + body)
    return SIGNED_PREFIX + _b32(body + signature)


def read_signed(text: str) -> SignedCode | None:
    """The code if it is well formed (whoever signed it); None if it is not a signed code.
    Spaces and line breaks (a code copied off a page or a chat) and case do not matter."""
    cleaned = "".join(text.split()).upper()
    if not cleaned.startswith(SIGNED_PREFIX):
        return None
    data = _unb32(cleaned[len(SIGNED_PREFIX):])
    if data is None or len(data) < KEY_ID_BYTES + SIGNATURE_BYTES + 13:
        return None
    body, signature = data[:-SIGNATURE_BYTES], data[-SIGNATURE_BYTES:]
    facts = _unpack(body[KEY_ID_BYTES:])
    if facts is None:
        return None
    return SignedCode(cleaned, body[:KEY_ID_BYTES], facts, SIGNED_PREFIX.encode("ascii") + body,
                      signature)


def same_facts(one: SignedFacts, other: SignedFacts) -> bool:
    return _pack(one) == _pack(other)


def short_form(code: str) -> str:
    """`K7Q3-M2XA-PL9F`: the line printed under the QR symbol of a signed code."""
    cleaned = "".join(code.split()).upper()
    text = _b32(hashlib.sha256(cleaned.encode("ascii")).digest()[:8])[:4 * SHORT_GROUPS]
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def normalised_short_form(text: str) -> str | None:
    """A typed short form, as printed (`k7q3 m2xa-pl9f` → `K7Q3-M2XA-PL9F`); None if it is not one."""
    cleaned = "".join(text.split()).upper()
    if not SHORT_FORM.match(cleaned):
        return None
    letters = cleaned.replace("-", "")
    return "-".join(letters[i:i + 4] for i in range(0, len(letters), 4))


PAYLOAD_IN_PDF = re.compile(rb"/Keywords \(((?:SOTTTT1\|[ -~]+?)|(?:SOTTTT2:[A-Z2-7]+))\)")
CODE_PREFIXES = (f"{VERSION}|", SIGNED_PREFIX)


def payload_from_pdf(data: bytes) -> str | None:
    """The code this system wrote into a PDF's metadata (not a scan: that is an image)."""
    found = PAYLOAD_IN_PDF.search(data)
    return found.group(1).decode("ascii").replace("\\(", "(").replace("\\)", ")") if found else None
