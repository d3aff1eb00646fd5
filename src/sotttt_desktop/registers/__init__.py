"""Register declarations: each register is declared once and drives table, form, detail and search."""

from sotttt_desktop.registers.spec import FieldKind, FieldSpec, RegisterSpec

__all__ = ["FieldKind", "FieldSpec", "RegisterSpec", "all_registers", "get_register"]


def all_registers() -> dict[str, RegisterSpec]:
    from sotttt_desktop.registers.parties import PARTIES
    from sotttt_desktop.registers.press import NEWS_BULLETINS, TVRO_RECEIVERS
    from sotttt_desktop.registers.publishing import (
        COLOUR_COPIERS,
        DISTRIBUTORS,
        PRINTING_FACILITIES,
    )

    return {spec.key: spec for spec in (PARTIES, NEWS_BULLETINS, TVRO_RECEIVERS,
                                        PRINTING_FACILITIES, COLOUR_COPIERS, DISTRIBUTORS)}


def get_register(key: str) -> RegisterSpec:
    return all_registers()[key]
