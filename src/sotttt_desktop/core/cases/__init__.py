"""Declared case kinds (see `spec`): the kinds a user can open, by key.

A new kind is one module with one `CaseSpec`, listed here; the engine, the store, the service,
the CLI and the lists need nothing else.
"""

from __future__ import annotations

import tomllib
from functools import cache
from typing import Any

from sotttt_desktop.core.cases.spec import CaseSpec


@cache
def unconfirmed() -> dict[str, Any]:
    """The legal facts kept as data because no primary text confirmed them."""
    from sotttt_desktop.resources import resource_path

    with resource_path("cases", "unconfirmed.toml").open("rb") as handle:
        return tomllib.load(handle)


@cache
def kinds() -> dict[str, CaseSpec]:
    from sotttt_desktop.core.cases import (
        annual_report,
        complaint,
        denunciation,
        digital,
        external,
        frequency,
        inspection,
        petition,
        sanction,
        security,
        takedown,
        telecom,
    )

    specs = (denunciation.SPEC, takedown.SPEC, annual_report.SPEC, external.APPRAISAL,
             external.FALSE_INFORMATION, telecom.SHARING_DISPUTE, telecom.INTERFERENCE,
             frequency.CHECK_PLAN, *digital.APPRAISAL_KINDS, security.INCIDENT,
             security.LEVEL_12, security.LEVEL_3, security.HALF_YEAR_REPORT,
             *complaint.KINDS, petition.SPEC, sanction.SPEC, inspection.PLAN, inspection.INSPECTION)
    prefixes = [spec.code_prefix for spec in specs]
    if len(set(prefixes)) != len(prefixes):  # codes are numbered per prefix and year
        raise ValueError(f"two case kinds share a code prefix: {prefixes}")
    return {spec.kind: spec for spec in specs}
