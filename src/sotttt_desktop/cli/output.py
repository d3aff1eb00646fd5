"""Printing results: human text by default, JSON with --json; errors on stderr."""

from __future__ import annotations

import datetime as dt
import json
import sys
import uuid
from typing import Any


def _default(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    raise TypeError(type(value).__name__)


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=_default) + "\n")


def emit_lines(lines: list[str]) -> None:
    for line in lines:
        sys.stdout.write(line + "\n")


def emit_table(headers: list[str], rows: list[list[str]]) -> None:
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    emit_lines([fmt.format(*headers), fmt.format(*("-" * w for w in widths))])
    emit_lines([fmt.format(*row) for row in rows])


def one_line(message: str) -> str:
    """A message as one line of plain text: a value it repeats may hold line breaks, tabs or
    terminal escapes (`dossier show $'\\n\\e[2J'`)."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in message).split())


def error(message: str) -> None:
    sys.stderr.write(one_line(message) + "\n")
