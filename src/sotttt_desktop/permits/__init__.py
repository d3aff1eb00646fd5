"""Permit families' contents, declared once per family (see `contents.py`)."""

from __future__ import annotations

import functools

from sotttt_desktop.permits.contents import PermitContents

__all__ = ["PermitContents", "all_contents", "contents_for"]


@functools.cache
def all_contents() -> dict[str, PermitContents]:
    from sotttt_desktop.permits import (
        cybersecurity,
        e_information,
        external_information,
        postal,
        press,
        publishing,
    )

    found: dict[str, PermitContents] = {}
    for module in (press, publishing, e_information, external_information, postal,
                   cybersecurity):
        for contents in module.CONTENTS:
            if contents.family in found:
                raise ValueError(f"{contents.family} is declared twice")
            found[contents.family] = contents
    return found


def contents_for(family: str) -> PermitContents:
    """The declared contents of a permit family; KeyError for an undeclared family."""
    return all_contents()[family]
