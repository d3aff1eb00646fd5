"""Reading rendered PDFs back: text with pdftotext -raw, fonts with pdffonts, positions with
pdfplumber (points; 1 mm = 72/25.4 pt)."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest

MM = 72 / 25.4


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} (poppler-utils) is needed: scripts/setup.sh installs it")
    return path


def pdf_text(pdf: bytes) -> str:
    return subprocess.run([_tool("pdftotext"), "-raw", "-enc", "UTF-8", "-", "-"], input=pdf,
                          capture_output=True, check=True).stdout.decode("utf-8")


def pdf_fonts(pdf: bytes) -> list[dict[str, str]]:
    """Rows of `pdffonts`: name, type, embedded (yes/no)."""
    out = subprocess.run([_tool("pdffonts"), "-"], input=pdf, capture_output=True, check=True
                         ).stdout.decode("utf-8").splitlines()[2:]
    rows = []
    for line in out:
        parts = line.split()
        # name type... encoding emb sub uni object ID
        rows.append({"name": parts[0], "embedded": parts[-5], "line": line})
    return rows


def plumber(pdf: bytes):  # noqa: ANN201
    import pdfplumber

    return pdfplumber.open(io.BytesIO(pdf))


def lines_of(page) -> list[dict]:  # noqa: ANN001
    """Text lines with their boxes (pdfplumber words grouped by baseline)."""
    return page.extract_text_lines(layout=False, strip=True, return_chars=False)
