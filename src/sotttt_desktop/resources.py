"""Where bundled files (resources, translations) live: in a checkout, a wheel, or a frozen build."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates(name: str) -> list[Path]:
    found = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        found.append(Path(frozen_root) / "sotttt_desktop" / name)
    found.append(_PACKAGE_DIR / name)  # installed wheel: force-included into the package
    found.append(_PACKAGE_DIR.parents[1] / name)  # source checkout / editable install
    return found


@cache
def bundled_dir(name: str) -> Path:
    """The directory `resources` or `translations`, wherever this installation keeps it."""
    for path in _candidates(name):
        if path.is_dir():
            return path
    raise FileNotFoundError(f"bundled directory {name!r} not found in {_candidates(name)}")


def resource_path(*parts: str) -> Path:
    return bundled_dir("resources").joinpath(*parts)


def translations_dir() -> Path:
    return bundled_dir("translations")
