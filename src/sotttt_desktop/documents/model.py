"""A document as plain data: what the templates produce and the layout engine draws.

Nothing here knows about ReportLab; a template fills these in from the plain data a service
gives it, and `layout.render` turns them into a PDF laid out after Decree 30/2020 Appendix I.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_BULLET = re.compile(r"^\s*[-•–+*]\s+")  # "- ", "• " typed before an item


@dataclass(frozen=True)
class Para:
    """A body paragraph. `kind`: body (justified, first-line indent), plain (no indent),
    centre (centred), centre_bold (e.g. "QUYẾT ĐỊNH:"), heading (a section of a report, "I. KẾT
    QUẢ": bold, indented, kept with what follows), italic (a note), small."""

    text: str
    kind: str = "body"


@dataclass(frozen=True)
class Article:
    """"Điều 1. Title." in bold with the first-line indent, then its paragraphs; without a
    title, the first paragraph runs on after the bold "Điều 1."."""

    number: int
    title: str
    paragraphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Field:
    """One "label: value" line of a permit or a form; the value may be bold (the holder)."""

    label: str
    value: str
    bold: bool = False

    def lines(self) -> list[str]:
        """The value's non-empty lines, each without a dash or bullet typed before it: a value
        of several lines prints as a list under its label."""
        return [_BULLET.sub("", line).strip() for line in self.value.splitlines()
                if _BULLET.sub("", line).strip()]


@dataclass(frozen=True)
class TableBlock:
    """A table across the text width; `widths` are fractions of it; the header row repeats on
    every page the table flows onto."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    font_size: float | None = None  # default: two points below the body
    align: tuple[str, ...] = ()  # per column: LEFT, CENTER, RIGHT
    # a heading row above `header`: (text, columns it spans); a one-column group over an empty
    # header cell is that column's heading, two rows high (a statistics form's headings)
    groups: tuple[tuple[str, int], ...] = ()
    bold_rows: tuple[int, ...] = ()  # indexes in `rows` printed bold (totals)


@dataclass(frozen=True)
class ChartBlock:
    """A bar chart drawn in the PDF itself (vector, ReportLab's graphics): bars of each series
    stacked per label, a legend; `title` above it. The dashboard's figures in a printed report."""

    title: str
    labels: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]  # (name, one value per label)
    height_mm: float = 60
    colours: tuple[str, ...] = ()  # one "#rrggbb" per series; none: the layout's own


@dataclass(frozen=True)
class Signature:
    """The signature block (ô 7): "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" / space / name."""

    position: str
    name: str
    authority: str = ""  # TM., KT., Q., TL., TUQ. + the title signed for; "" when signing as head
    caption: str = ""  # e.g. "(Ký, ghi rõ họ tên)" on one-stop forms


@dataclass(frozen=True)
class Signatures:
    """Two signatures side by side (one-stop forms: applicant and receiving officer)."""

    left: Signature
    right: Signature


Block = Para | Article | Field | TableBlock | ChartBlock | Signatures


@dataclass(frozen=True)
class Document:
    page: str  # "A4", "A4-landscape", "A5"
    parent_body: str  # ô 2, upper case, e.g. "UBND TỈNH BÌNH DƯƠNG"
    agency_name: str  # ô 2, bold
    place: str
    date: dt.date | None
    number: str | None  # ô 3, "05/GP-STTTT"; None prints the blank "Số:    /"
    show_number: bool = True  # one-stop forms carry the dossier code instead
    title: str = ""  # ô 5a tên loại, e.g. "QUYẾT ĐỊNH", "GIẤY PHÉP XUẤT BẢN BẢN TIN"
    summary: str = ""  # ô 5a trích yếu, under the title with its short rule
    letter_summary: str = ""  # ô 5b "V/v …" of a công văn, under the number
    addressees: tuple[str, ...] = ()  # ô 9a "Kính gửi:"
    issuer: str = ""  # "GIÁM ĐỐC SỞ THÔNG TIN VÀ TRUYỀN THÔNG" above the legal bases
    legal_bases: tuple[str, ...] = ()  # ô 6, italic, one per line
    body: tuple[Block, ...] = ()
    signature: Signature | None = None
    recipients: tuple[str, ...] = ()  # ô 9b, the "Nơi nhận:" list
    qr_payload: str | None = None  # the verification code of a permit
    reference: str = ""  # printed small in the footer of one-stop forms, e.g. the dossier code
    metadata_title: str = ""
