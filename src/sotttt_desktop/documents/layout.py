"""The Decree 30/2020 layout engine: `render(Document) -> PDF bytes` (REFERENCE.md §3).

A4 portrait: margins top 20, bottom 20, left 30, right 15 mm (the low ends of the ranges, so the
most text fits); Times New Roman (see fonts.py); page numbers 13 pt centred in the top margin from
page 2. The header is two columns: the parent body (12 pt) and the agency (12 pt bold, short rule)
over the number line (13 pt) on the left; the national name (12 pt bold) and the motto (13 pt bold,
rule as long as the text) over the italic date line (13 pt) on the right, the number and the date
on one baseline. Body 14 pt justified, first-line indent 1 cm, 6 pt between paragraphs, line
spacing 1.2. Signature block 14 pt bold; "Nơi nhận:" 12 pt bold italic level with the authority
line; the list 11 pt. A5 (one-stop forms) keeps the same structure two points smaller, with
margins 12/12/15/10 mm; the dossier book is A4 landscape.
Every string is NFC; the four font styles are embedded TrueType subsets; no base-14 font.
"""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from sotttt_desktop.core import verification
from sotttt_desktop.documents import fonts
from sotttt_desktop.documents.model import (
    Article,
    Block,
    ChartBlock,
    Document,
    Field,
    Para,
    Signature,
    Signatures,
    TableBlock,
)
from sotttt_desktop.documents.phrases import (
    MOTTO,
    NATIONAL_NAME,
    date_phrase,
    list_lines,
    nfc,
    number_line,
)

LINE = 1.2  # line height as a multiple of the font size ("single" for Times New Roman ≈ 1.15)


@dataclass(frozen=True)
class Geometry:
    size: tuple[float, float]
    top: float
    bottom: float
    left: float
    right: float
    left_column: float  # share of the text width for the agency column of the header
    header: float  # national name, parent body, agency
    motto: float
    number: float  # number line and date line
    title: float
    body: float
    signature_space: float  # room for the hand signature and the seal
    recipients_label: float
    recipients: float
    page_number: float
    qr: float
    gap: float = 1.0  # scale of the space between paragraphs, around the title, in table cells

    @property
    def width(self) -> float:
        return self.size[0] - self.left - self.right


GEOMETRIES = {
    "A4": Geometry(A4, 20 * mm, 20 * mm, 30 * mm, 15 * mm, 75.5 / 165, 12, 13, 13, 14, 14, 28 * mm,
                   12, 11, 13, 24 * mm),
    "A4-landscape": Geometry(landscape(A4), 20 * mm, 20 * mm, 30 * mm, 15 * mm, 0.38, 12, 13, 13,
                             14, 12, 22 * mm, 12, 11, 13, 24 * mm),
    "A5": Geometry(A5, 12 * mm, 12 * mm, 15 * mm, 10 * mm, 0.38, 10, 11, 11, 12, 10.5, 12 * mm,
                   10, 9.5, 11, 18 * mm, gap=0.4),
}


def _style(name: str, size: float, *, font: str = "regular", align: int = TA_LEFT,
           indent: float = 0, after: float = 0, left: float = 0,
           line: float = LINE) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=fonts.font_name(font), fontSize=size,
                          leading=size * line, alignment=align, firstLineIndent=indent,
                          spaceAfter=after, leftIndent=left)


def _text(value: str) -> str:
    return escape(nfc(value))


# --- flowables -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    text: str
    size: float
    style: str = "regular"
    rule: float = 0.0  # draw a rule under the line: fraction of the widest line of its group
    space_before: float = 0.0


class CentredLines(Flowable):
    """Lines centred in a given width, wrapped when too long, each group optionally ruled
    underneath (the motto: the whole text; the agency and the summary: a third to a half)."""

    def __init__(self, lines: list[Line], width: float, gutter: float = 0.0, *,
                 balanced: bool = False):
        super().__init__()
        self.lines = lines
        self.width = width
        self.wrap_width = width - 2 * gutter
        self.balanced = balanced  # a line too long breaks into two of even length
        self._laid: list[tuple[str, str, float, float, float]] = []  # text, font, size, x, y
        self._rules: list[tuple[float, float, float]] = []  # x0, x1, y
        self.height = self._layout()

    def _layout(self) -> float:
        laid, rules = [], []
        y = 0.0  # distance from the top, downwards
        for line in self.lines:
            font = fonts.font_name(line.style)
            y += line.space_before
            text = nfc(line.text)
            if "  " in text and stringWidth(text, font, line.size) <= self.wrap_width:
                pieces = [text]  # a blank to fill by hand ("Số:        /") keeps its width
            else:
                pieces = simpleSplit(text, font, line.size, self.wrap_width) or [""]
            if self.balanced and len(pieces) == 2:
                pieces = _balanced_halves(text, font, line.size, self.wrap_width)
            widest = 0.0
            for piece in pieces:
                baseline = y + line.size * 0.93
                width = stringWidth(piece, font, line.size)
                widest = max(widest, width)
                laid.append((piece, font, line.size, (self.width - width) / 2, baseline))
                y += line.size * LINE
            if line.rule:
                length = widest * line.rule
                rule_y = baseline + line.size * 0.55  # clear of the descenders
                rules.append(((self.width - length) / 2, (self.width + length) / 2, rule_y))
                y = max(y, rule_y + 3)
        self._laid, self._rules = laid, rules
        return y

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        for text, font, size, x, baseline in self._laid:
            canvas.setFont(font, size)
            canvas.drawString(x, self.height - baseline, text)
        canvas.setLineWidth(0.6)
        for x0, x1, y in self._rules:
            canvas.line(x0, self.height - y, x1, self.height - y)


# where a header line in two halves prefers to break (before "VÀ", before the kind of a local
# administrative unit) and where it never does (inside "THÀNH PHỐ", "THỊ XÃ", "ỦY BAN NHÂN DÂN")
PREFERRED_BREAKS = frozenset({"VÀ", "THÀNH", "TỈNH", "HUYỆN", "QUẬN", "THỊ", "PHƯỜNG", "XÃ"})
UNBROKEN_PAIRS = frozenset({("THÀNH", "PHỐ"), ("THỊ", "XÃ"), ("THỊ", "TRẤN"), ("ỦY", "BAN"),
                            ("BAN", "NHÂN"), ("NHÂN", "DÂN")})


def _balanced_halves(text: str, font: str, size: float, width: float | None = None
                     ) -> list[str]:
    """A header line in two lines broken between words: before "VÀ" or a unit's kind if both
    halves fit `width` ("UBND" / "THÀNH PHỐ HỒ CHÍ MINH", "SỞ KHOA HỌC" / "VÀ CÔNG NGHỆ"),
    else where the longer half is shortest ("UBND THÀNH PHỐ" / "HỒ CHÍ MINH", never "UBND
    THÀNH PHỐ HỒ CHÍ" / "MINH"). Without `width`: the shortest longer half."""
    words = text.split()
    allowed = [i for i in range(1, len(words))
               if (words[i - 1].upper(), words[i].upper()) not in UNBROKEN_PAIRS]
    if not allowed:
        return [text]

    def longer(i: int) -> float:
        return max(stringWidth(" ".join(words[:i]), font, size),
                   stringWidth(" ".join(words[i:]), font, size))

    preferred = [i for i in allowed if words[i].upper() in PREFERRED_BREAKS
                 and width is not None and longer(i) <= width]
    best = min(preferred or allowed, key=longer)
    return [" ".join(words[:best]), " ".join(words[best:])]


class Header(Flowable):
    """ô 1–4 (and 5b): the two header columns, number and date on one baseline."""

    def __init__(self, document: Document, geometry: Geometry):
        super().__init__()
        g = geometry
        self.width = g.width
        left_lines = []
        if document.parent_body:
            left_lines.append(Line(document.parent_body.upper(), g.header))
        left_lines.append(Line(document.agency_name.upper(), g.header, "bold", rule=0.4))
        number_lines = ([Line(number_line(document.number), g.number)]
                        if document.show_number else [])
        date_text = date_phrase(document.place, document.date)
        self.left_width, self.date_size, gutter = _header_split(
            g, left_lines + number_lines, date_text)
        self.right_width = g.width - self.left_width
        moved = self.left_width != g.width * g.left_column  # a long place name took room
        self.left = CentredLines(left_lines, self.left_width, gutter, balanced=moved)
        self.right = CentredLines([Line(NATIONAL_NAME, g.header, "bold"),
                                   Line(MOTTO, g.motto, "bold", rule=1.0)], self.right_width,
                                  HEADER_GUTTER)
        self.number = CentredLines(number_lines, self.left_width)
        self.date = CentredLines([Line(date_text, self.date_size, "italic")], self.right_width)
        self.letter = (CentredLines([Line(f"V/v {document.letter_summary}", g.header)],
                                    self.left_width - 4 * mm)
                       if document.letter_summary else None)
        self.top_part = max(self.left.height, self.right.height) + 4
        self.height = self.top_part + max(self.number.height, self.date.height)
        if self.letter:
            self.height += 6 + self.letter.height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        top = self.height
        self.left.drawOn(canvas, 0, top - self.left.height)
        self.right.drawOn(canvas, self.left_width, top - self.right.height)
        row = top - self.top_part
        self.number.drawOn(canvas, 0, row - self.number.height)
        self.date.drawOn(canvas, self.left_width, row - self.date.height)
        if self.letter:
            y = row - self.number.height - 6 - self.letter.height
            self.letter.drawOn(canvas, 2 * mm, y)


HEADER_GUTTER = 0.5 * mm  # the national name at 12 pt leaves 2.7 mm to share on A4
TIGHT_GUTTER = 0.25 * mm
DATE_SHRINK_LIMIT = 1.0  # points the date line may lose before the agency column wraps


def _header_split(g: Geometry, left_lines: list[Line], date_text: str
                  ) -> tuple[float, float, float]:
    """(agency column width, date line size, agency column gutter): the date line ("Thành phố
    Hồ Chí Minh, ngày 15 tháng 12 năm 2025") never wraps. The place column widens to hold it
    as long as the agency column keeps its longest line whole; else the date line shrinks, by
    half points, at most `DATE_SHRINK_LIMIT`. Where the agency column cannot keep its lines
    whole anyway (A5), they break in two even halves (Decree 30 lets long names wrap) and the
    date keeps its size if those halves fit."""
    italic = fonts.font_name("italic")
    left_default = g.width * g.left_column
    sizes = [g.number - 0.5 * step for step in range(int(DATE_SHRINK_LIMIT * 2) + 1)]

    def left_for(size: float) -> float:
        return min(left_default, g.width - stringWidth(nfc(date_text), italic, size) - 0.5)

    if left_for(g.number) >= left_default:
        return left_default, g.number, HEADER_GUTTER
    whole = max(stringWidth(nfc(line.text), fonts.font_name(line.style), line.size)
                for line in left_lines)
    halves = max(max(stringWidth(part, fonts.font_name(line.style), line.size)
                     for part in _balanced_halves(nfc(line.text), fonts.font_name(line.style),
                                                  line.size))
                 for line in left_lines)
    for needed in (whole, halves):
        for size in sizes:
            if left_for(size) >= needed + 2 * TIGHT_GUTTER:
                return left_for(size), size, TIGHT_GUTTER
    return left_for(sizes[-1]), sizes[-1], TIGHT_GUTTER


class QrCode(Flowable):
    """The verification code of a permit: the QR symbol of the signed code, and beside it the
    short form a person reads ("Mã xác thực: K7Q3-M2XA-PL9F"), nothing else."""

    def __init__(self, payload: str, size: float, caption_size: float, width: float):
        super().__init__()
        self.payload = payload
        self.size = size
        self.caption_size = caption_size
        self.width = width
        self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        modules = qr_modules(self.payload)
        count = len(modules) + 2 * QR_QUIET
        box = self.size / count
        path = canvas.beginPath()
        for row_index, row in enumerate(modules):  # one rectangle per run of dark modules
            y = self.size - (row_index + QR_QUIET + 1) * box
            column = 0
            for dark, run in itertools.groupby(row):
                length = len(list(run))
                if dark:
                    path.rect((column + QR_QUIET) * box, y, length * box, box)
                column += length
        canvas.setFillColorRGB(0, 0, 0)
        canvas.drawPath(path, stroke=0, fill=1)
        text_x = self.size + 3 * mm
        if self.payload.startswith(verification.SIGNED_PREFIX):
            # one line a person reads and compares with what a check of the symbol says
            lines = [f"Mã xác thực: {verification.short_form(self.payload)}"]
            size = self.caption_size + 2  # read and typed by people: not the fine print
            y = (self.size - size) / 2
        else:  # a code of version 1, reprinted: the page as it was issued, byte for byte
            lines = ["Mã xác thực văn bản: quét mã hoặc chạy",
                     "sotttt-desktop verify <mã> để kiểm tra."]
            lines += simpleSplit(self.payload, fonts.font_name("regular"), self.caption_size,
                                 self.width - text_x)
            size = self.caption_size
            y = self.size - size
        for line in lines:
            canvas.setFont(fonts.font_name("regular"), size)
            canvas.drawString(text_x, y, line)
            y -= size * LINE


QR_QUIET = 4  # modules of white around the symbol (ISO/IEC 18004 quiet zone)


def qr_modules(payload: str) -> list[list[bool]]:
    """The QR symbol of an ASCII payload, error correction M, as rows of dark/light modules.

    zxing-cpp makes it (with the best of the eight masks, ISO/IEC 18004) in 0.4 ms; ReportLab's
    pure-Python encoder took 1.6 ms with one fixed mask, 19 ms searching the masks."""
    import zxingcpp

    symbol = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = symbol.to_image(scale=1, add_hrt=False, add_quiet_zones=False)
    view = memoryview(image)
    height, width = view.shape
    cells = view.tobytes()
    return [[cells[row * width + column] == 0 for column in range(width)]
            for row in range(height)]


# --- blocks ----------------------------------------------------------------------------------


class _Styles:
    def __init__(self, g: Geometry):
        indent = 10 * mm
        self.body = _style("body", g.body, align=TA_JUSTIFY, indent=indent, after=6 * g.gap)
        self.plain = _style("plain", g.body, align=TA_JUSTIFY, after=3 * g.gap)
        self.centre = _style("centre", g.body, align=TA_CENTER, after=6 * g.gap)
        self.centre_bold = _style("centre_bold", g.body, font="bold", align=TA_CENTER,
                                  after=6 * g.gap)
        self.italic = _style("italic", g.body, font="italic", align=TA_JUSTIFY, indent=indent,
                             after=3 * g.gap)
        self.heading = _style("heading", g.body, font="bold", align=TA_JUSTIFY, indent=indent,
                              after=3 * g.gap)
        self.legal = _style("legal", g.body, font="italic", align=TA_JUSTIFY, indent=indent,
                            after=3 * g.gap)
        self.small = _style("small", g.recipients, align=TA_LEFT)
        self.issuer = _style("issuer", g.title, font="bold", align=TA_CENTER, after=6 * g.gap)
        self.article = _style("article", g.body, align=TA_JUSTIFY, indent=indent,
                              after=6 * g.gap)
        self.field = _style("field", g.body, align=TA_LEFT, indent=indent, after=3 * g.gap)
        # a multi-line value: one dash item a line under its label, wrapped under its text
        self.field_item = _style("field_item", g.body, align=TA_LEFT, left=indent + 8 * mm,
                                 indent=-4 * mm, after=g.gap)
        self.addressee = _style("addressee", g.body, align=TA_LEFT, after=0)
        self.recipients_label = _style("recipients_label", g.recipients_label,
                                       font="bold_italic")
        self.recipients = _style("recipients", g.recipients)


def _block(block: Block, s: _Styles, g: Geometry) -> list[Flowable]:
    if isinstance(block, Para):
        style = {"body": s.body, "plain": s.plain, "centre": s.centre,
                 "centre_bold": s.centre_bold, "heading": s.heading, "italic": s.italic,
                 "small": s.small}[block.kind]
        paragraph = Paragraph(_text(block.text), style)
        # "CHO PHÉP:", "QUYẾT ĐỊNH:", "I. KẾT QUẢ" never end a page: they go with what they
        # introduce
        return [_heading(paragraph) if block.kind in ("centre_bold", "heading") else paragraph]
    if isinstance(block, Article):
        paragraphs = list(block.paragraphs)
        if block.title:  # "Điều 1. Phạm vi điều chỉnh" — a titled article, bold, on its own
            head = _heading(Paragraph(f"<b>Điều {block.number}. {_text(block.title)}</b>",
                                      s.article))
        else:  # "Điều 1. Thu hồi …" — the article's text follows the bold label
            head = Paragraph(f"<b>Điều {block.number}.</b> "
                             f"{_text(paragraphs.pop(0)) if paragraphs else ''}", s.article)
        return [head] + [Paragraph(_text(p), s.article) for p in paragraphs]
    if isinstance(block, Field):
        items = block.lines()
        if len(items) > 1:  # the lines the clerk entered stay lines
            bold = ("<b>", "</b>") if block.bold else ("", "")
            return [_heading(Paragraph(f"{_text(block.label)}:", s.field))] + [
                Paragraph(f"- {bold[0]}{_text(item)}{bold[1]}", s.field_item) for item in items]
        value = _text(block.value.strip()) or "…"
        value = f"<b>{value}</b>" if block.bold else value
        return [Paragraph(f"{_text(block.label)}: {value}", s.field)]
    if isinstance(block, TableBlock):
        return [_table(block, g)]
    if isinstance(block, ChartBlock):
        title = [_heading(Paragraph(f"<b>{_text(block.title)}</b>", s.centre))]
        return [*(title if block.title else []), _chart(block, g)]
    if isinstance(block, Signatures):
        half = g.width / 2
        table = Table([[_signature(block.left, s, g, half), _signature(block.right, s, g, half)]],
                      colWidths=[half, half])
        table.setStyle(_cell_style(0))
        return [Spacer(1, 6), table]  # kept with the lines above it: see story()
    raise TypeError(type(block))


CHART_COLOURS = ("#2e7d32", "#c62828", "#f9a825", "#1565c0")


def _chart(block: ChartBlock, g: Geometry) -> Flowable:
    """A stacked bar chart as vector graphics, the document's font, the labels under the
    bars (wrapped to two lines), a legend under the chart."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.colors import HexColor

    height = block.height_mm * mm
    drawing = Drawing(g.width, height + 16 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 16 * mm
    chart.width, chart.height = g.width - 16 * mm, height
    chart.data = [list(values) for _name, values in block.series]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = [_wrapped(label) for label in block.labels]
    chart.categoryAxis.labels.fontName = fonts.font_name("regular")
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.valueAxis.labels.fontName = fonts.font_name("regular")
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    highest = max((sum(values) for values in zip(*chart.data, strict=True)), default=0)
    chart.valueAxis.valueStep = max(1, -(-highest // 5))  # whole numbers: counts, not halves
    chart.valueAxis.labelTextFormat = lambda value: f"{int(value):,}".replace(",", ".")
    colours = block.colours or CHART_COLOURS
    for index in range(len(block.series)):
        chart.bars[index].fillColor = HexColor(colours[index % len(colours)])
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 12 * mm, 4 * mm
    legend.fontName, legend.fontSize = fonts.font_name("regular"), 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 60 * mm
    legend.colorNamePairs = [(HexColor(colours[i % len(colours)]), nfc(name))
                             for i, (name, _values) in enumerate(block.series)]
    drawing.add(legend)
    return drawing


def _wrapped(label: str, width: int = 18) -> str:
    """A category label on at most two lines of about `width` characters."""
    words, lines = nfc(label).split(), [""]
    for word in words:
        if len(lines[-1]) + len(word) + 1 > width and lines[-1]:
            if len(lines) == 2:
                lines[-1] += "…"
                break
            lines.append("")
        lines[-1] = f"{lines[-1]} {word}".strip()
    return "\n".join(lines)


def _heading(paragraph: Paragraph) -> Paragraph:
    """A line that introduces what follows ("9. Quyền và nghĩa vụ:", "Điều 2. Hiệu lực"):
    never the last line of a page, ReportLab moves it to the next page with its first
    paragraph (a page that ends nowhere near it prints exactly as before)."""
    paragraph.keepWithNext = True
    return paragraph


def _cell_style(padding: float) -> TableStyle:
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.font_name("regular")),
                       ("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("LEFTPADDING", (0, 0), (-1, -1), padding),
                       ("RIGHTPADDING", (0, 0), (-1, -1), padding),
                       ("TOPPADDING", (0, 0), (-1, -1), 0),
                       ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])


def _table(block: TableBlock, g: Geometry) -> Table:
    size = block.font_size or g.body - 2
    line = LINE if g.gap >= 1 else 1.1  # the A5 forms' tables: tighter lines
    head = _style("th", size, font="bold", align=TA_CENTER, line=line)
    aligns = {"LEFT": TA_LEFT, "CENTER": TA_CENTER, "RIGHT": 2}
    columns = block.align or ("LEFT",) * len(block.header)
    cell_styles = [_style(f"td{i}", size, align=aligns.get(a, TA_LEFT), line=line)
                   for i, a in enumerate(columns)]
    bold_styles = [_style(f"tb{i}", size, font="bold", align=aligns.get(a, TA_LEFT), line=line)
                   for i, a in enumerate(columns)]
    while len(cell_styles) < len(block.header):
        cell_styles.append(_style("td", size, line=line))
        bold_styles.append(_style("tb", size, font="bold", line=line))
    heading, spans = _table_heading(block, head)
    data = heading + [[Paragraph(_text(c).replace("\n", "<br/>"),
                                 (bold_styles if r in block.bold_rows else cell_styles)[i])
                       for i, c in enumerate(row)]
                      for r, row in enumerate(block.rows)]
    table = Table(data, colWidths=[g.width * w for w in block.widths], repeatRows=len(heading))
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), fonts.font_name("regular")),
        ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2 * g.gap ** 0.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * g.gap ** 0.5), *spans]))
    return table


def _table_heading(block: TableBlock, head: ParagraphStyle) -> tuple[list[list[Any]], list[Any]]:
    """The heading rows of a table (one, or two under `groups`) and their SPAN commands."""
    titles = [Paragraph(_text(h).replace("\n", "<br/>"), head) for h in block.header]
    if not block.groups:
        return [titles], []
    top: list[Any] = []
    spans: list[Any] = []
    for text, width in block.groups:
        first = len(top)
        top += [Paragraph(_text(text).replace("\n", "<br/>"), head)] + [""] * (width - 1)
        if width > 1:
            spans.append(("SPAN", (first, 0), (first + width - 1, 0)))
        elif not block.header[first]:
            spans.append(("SPAN", (first, 0), (first, 1)))
    return [top, titles], spans


def _signature(signature: Signature, s: _Styles, g: Geometry, width: float) -> list[Flowable]:
    lines = []
    if signature.authority:
        lines.append(Line(signature.authority.upper(), g.title, "bold"))
    lines.append(Line(signature.position.upper(), g.title, "bold"))
    parts: list[Flowable] = [CentredLines(lines, width)]
    if signature.caption:
        parts.append(CentredLines([Line(signature.caption, g.body - 1, "italic")], width))
    parts.append(Spacer(1, g.signature_space))
    parts.append(CentredLines([Line(signature.name, g.title, "bold")], width))
    return parts


def _closing(document: Document, s: _Styles, g: Geometry) -> list[Flowable]:
    """ô 7 and 9b: "Nơi nhận:" and its first lines beside the signature; a long list carries on
    below in the same column and flows onto further pages."""
    left_width = g.width * 0.45
    right_width = g.width - left_width
    recipients = list_lines(list(document.recipients))
    beside = 7
    left: list[Flowable] = []
    if recipients:
        left.append(Paragraph("Nơi nhận:", s.recipients_label))
        left += [Paragraph(_text(r), s.recipients) for r in recipients[:beside]]
    right = _signature(document.signature, s, g, right_width) if document.signature else []
    if document.qr_payload and len(recipients) <= beside:
        left += [Spacer(1, 8), QrCode(document.qr_payload, g.qr, 7, left_width)]
    table = Table([[left, right]], colWidths=[left_width, right_width])
    table.setStyle(_cell_style(0))
    rest = [Paragraph(_text(r), s.recipients) for r in recipients[beside:]]
    if rest:
        table_rest = Table([[rest_item] for rest_item in rest], colWidths=[left_width],
                           hAlign="LEFT")
        table_rest.setStyle(_cell_style(0))
        return [Spacer(1, 8), table, table_rest]
    return [Spacer(1, 8), table]


KEPT_WITH_SIGNATURES = 2  # paragraphs that move to the next page with a pair of signatures
KEPT_WITH_CLOSING = 2  # body paragraphs that move to the next page with the signer's block


def _tail(parts: list[Flowable], start: int, count: int) -> list[Flowable]:
    """Take the last `count` paragraphs of the body off `parts` (never before `start`, never
    across a table or a block already kept together), with any headings right above them."""
    kept: list[Flowable] = []
    while (len(parts) > start and isinstance(parts[-1], Paragraph)
           and (len(kept) < count or parts[-1].getKeepWithNext())):
        kept.insert(0, parts.pop())
    return kept


def story(document: Document, geometry: Geometry) -> list[Flowable]:
    g, s = geometry, _Styles(geometry)
    parts: list[Flowable] = [Header(document, g)]
    if document.title or document.summary:
        lines = []
        if document.title:
            lines.append(Line(document.title.upper(), g.title, "bold",
                              rule=0.0 if document.summary else 0.35))
        if document.summary:
            lines.append(Line(document.summary, g.title, "bold", rule=0.35))
        parts += [Spacer(1, 14 * g.gap ** 0.5), CentredLines(lines, g.width)]
    if document.addressees:
        parts.append(Spacer(1, 10 * g.gap ** 0.5))
        label = "Kính gửi:"
        label_width = stringWidth(label + " ", fonts.font_name("regular"), g.body)
        indent = max(label_width, g.width * 0.22)
        if len(document.addressees) == 1:
            parts.append(Paragraph(f"{label} {_text(document.addressees[0])}.",
                                   _style("kg", g.body, align=TA_CENTER)))
        else:
            rows = [[Paragraph(label if i == 0 else "", s.addressee), Paragraph(_text(line),
                                                                                 s.addressee)]
                    for i, line in enumerate(list_lines(list(document.addressees)))]
            table = Table(rows, colWidths=[indent, g.width - indent])
            table.setStyle(_cell_style(0))
            parts.append(table)
    parts.append(Spacer(1, 10 * g.gap ** 0.5))
    if document.issuer:
        parts.append(Paragraph(_text(document.issuer.upper()), s.issuer))
    for basis in document.legal_bases:
        parts.append(Paragraph(_text(basis), s.legal))
    if document.legal_bases:
        parts.append(Spacer(1, 4))
    body_start = len(parts)
    for block in document.body:
        flowables = _block(block, s, g)
        if isinstance(block, Signatures):  # never alone on a page: the lines above go with it
            kept: list[Flowable] = []
            while parts and isinstance(parts[-1], Paragraph) and len(kept) < KEPT_WITH_SIGNATURES:
                kept.insert(0, parts.pop())
            flowables = [KeepTogether([*kept, *flowables])]
        parts += flowables
    if document.signature or document.recipients:
        closing = _closing(document, s, g)
        # Decree 30 practice: the signature and "Nơi nhận:" never stand alone on a page; the
        # last paragraphs of the body (and a heading just above them) go to the next page
        # with them. The list of recipients beyond the first lines may flow on after.
        kept = _tail(parts, body_start, KEPT_WITH_CLOSING)
        if kept:
            closing = [KeepTogether([*kept, *closing[:2]]), *closing[2:]]
        parts += closing
    if document.qr_payload and len(document.recipients) > 7:
        parts += [Spacer(1, 10), QrCode(document.qr_payload, g.qr, 8.5, g.width)]
    return parts


def _page_number(canvas: object, doc: BaseDocTemplate) -> None:
    page = canvas.getPageNumber()  # type: ignore[attr-defined]
    if page < 2:
        return
    g: Geometry = doc.geometry  # type: ignore[attr-defined]
    canvas.setFont(fonts.font_name("regular"), g.page_number)  # type: ignore[attr-defined]
    width, height = g.size
    canvas.drawCentredString(g.left + g.width / 2, height - g.top / 2 - g.page_number / 3,  # type: ignore[attr-defined]
                             str(page))


def _footer_reference(text: str) -> object:
    def draw(canvas: object, doc: BaseDocTemplate) -> None:
        _page_number(canvas, doc)
        g: Geometry = doc.geometry  # type: ignore[attr-defined]
        canvas.setFont(fonts.font_name("italic"), 8)  # type: ignore[attr-defined]
        canvas.drawRightString(g.size[0] - g.right, g.bottom / 2, nfc(text))  # type: ignore[attr-defined]
    return draw


def render(document: Document) -> bytes:
    """The PDF of `document`; the same document gives the same bytes (invariant mode)."""
    used = fonts.register()
    geometry = GEOMETRIES[document.page]
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=geometry.size, leftMargin=geometry.left, rightMargin=geometry.right,
        topMargin=geometry.top, bottomMargin=geometry.bottom, invariant=1,
        initialFontName=fonts.font_name("regular"), initialFontSize=geometry.body,
        title=nfc(document.metadata_title or document.title or document.summary),
        author=nfc(document.agency_name), subject=nfc(document.number or ""),
        keywords=document.qr_payload or "", creator=f"sotttt-desktop ({used.name})")
    doc.geometry = geometry  # type: ignore[attr-defined]
    frame = Frame(geometry.left, geometry.bottom, geometry.width,
                  geometry.size[1] - geometry.top - geometry.bottom, id="text",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    on_page = _footer_reference(document.reference) if document.reference else _page_number
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    doc.build(story(document, geometry))
    return buffer.getvalue()
