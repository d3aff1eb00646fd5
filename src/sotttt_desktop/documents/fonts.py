"""The document font: Times New Roman from the system when present, else Liberation Serif.

Decree 30/2020 asks for Times New Roman. Liberation Serif (SIL OFL 1.1, bundled in
resources/fonts/ with its licence) has the same metrics, so a document lays out line for line the
same with either. `SOTTTT_DOCUMENT_FONT=bundled` forces the bundled font (tests, and a Department
that wants every desk to print byte-identical files).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sotttt_desktop.resources import resource_path

FAMILY = "DocSerif"
STYLES = ("regular", "bold", "italic", "bold_italic")


@dataclass(frozen=True)
class FontSet:
    name: str  # what the PDF and the issued-document record say was used
    files: dict[str, Path]


def _system_times() -> FontSet | None:
    candidates: list[tuple[str, dict[str, str]]] = []
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT")
    if windir:
        candidates.append((str(Path(windir) / "Fonts"), {
            "regular": "times.ttf", "bold": "timesbd.ttf", "italic": "timesi.ttf",
            "bold_italic": "timesbi.ttf"}))
    candidates.append(("/usr/share/fonts/truetype/msttcorefonts", {
        "regular": "Times_New_Roman.ttf", "bold": "Times_New_Roman_Bold.ttf",
        "italic": "Times_New_Roman_Italic.ttf", "bold_italic": "Times_New_Roman_Bold_Italic.ttf"}))
    if sys.platform == "darwin":
        candidates.append(("/System/Library/Fonts/Supplemental", {
            "regular": "Times New Roman.ttf", "bold": "Times New Roman Bold.ttf",
            "italic": "Times New Roman Italic.ttf",
            "bold_italic": "Times New Roman Bold Italic.ttf"}))
    for folder, names in candidates:
        files = {style: Path(folder) / name for style, name in names.items()}
        if all(path.is_file() for path in files.values()):
            return FontSet("Times New Roman", files)
    return None


def bundled_fonts() -> FontSet:
    folder = resource_path("fonts")
    return FontSet("Liberation Serif", {
        "regular": folder / "LiberationSerif-Regular.ttf",
        "bold": folder / "LiberationSerif-Bold.ttf",
        "italic": folder / "LiberationSerif-Italic.ttf",
        "bold_italic": folder / "LiberationSerif-BoldItalic.ttf"})


def choose_fonts() -> FontSet:
    if os.environ.get("SOTTTT_DOCUMENT_FONT", "").lower() == "bundled":
        return bundled_fonts()
    return _system_times() or bundled_fonts()


@cache
def register() -> FontSet:
    """Register the four styles once per process as one family; returns what was chosen."""
    from reportlab import rl_config
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    rl_config.useA85 = 0  # binary streams: smaller files, 3 ms less a page than ASCII85
    fonts = choose_fonts()
    for style in STYLES:
        pdfmetrics.registerFont(TTFont(font_name(style), str(fonts.files[style])))
    addMapping(FAMILY, 0, 0, font_name("regular"))
    addMapping(FAMILY, 1, 0, font_name("bold"))
    addMapping(FAMILY, 0, 1, font_name("italic"))
    addMapping(FAMILY, 1, 1, font_name("bold_italic"))
    return fonts


def font_name(style: str = "regular") -> str:
    return {"regular": FAMILY, "bold": f"{FAMILY}-Bold", "italic": f"{FAMILY}-Italic",
            "bold_italic": f"{FAMILY}-BoldItalic"}[style]
