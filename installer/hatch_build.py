"""Hatch build hook: compile the gettext catalogues into the wheel.

The `.po` files in `translations/` are the source; the wheel gets the compiled `.mo` files next to
them so the installed application never needs Babel to read a catalogue at run time.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        root = Path(self.root) / "translations"
        out = Path(tempfile.mkdtemp(prefix="sotttt-mo-"))
        for po_path in root.glob("*/LC_MESSAGES/messages.po"):
            lang = po_path.parent.parent.name
            with po_path.open("rb") as fh:
                catalog = read_po(fh, locale=lang)
            mo_path = out / lang / "messages.mo"
            mo_path.parent.mkdir(parents=True, exist_ok=True)
            with mo_path.open("wb") as fh:
                write_mo(fh, catalog)
            build_data["force_include"][str(mo_path)] = (
                f"sotttt_desktop/translations/{lang}/LC_MESSAGES/messages.mo"
            )
