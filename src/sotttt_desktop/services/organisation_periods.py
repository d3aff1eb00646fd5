"""The parts of an organisation period that are more than header lines: the decision that founded
the agency, its units and the signers who take office with it. Checked here (every problem named
at once), stored by `ReferenceService.save_profile`, read from a TOML file shaped like one
[[period]] of resources/reference/organisation.toml (`sotttt-desktop org add-period FILE`)."""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from pathlib import Path
from typing import Any

from sotttt_desktop.core.text import clean as _clean
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _

FOUNDING_FIELDS = ("kind", "number", "date", "issuer", "summary")
UNIT_KINDS = ("administrative", "public_service")
# "15/2023/QĐ-UBND", "738/QĐ-UBND": a number, an optional year, the symbol
DECISION_NUMBER = re.compile(r"^\d+(/\d{4})?/[A-ZĐ][A-ZĐa-z0-9]*(-[A-ZĐ][A-ZĐa-z0-9&]*)+$")
UNIT_CODE = re.compile(r"^[A-Z0-9Đ]{1,32}$")


def clean(value: str) -> str:
    return _clean(value) or ""


def _day(value: Any) -> dt.date | None:  # noqa: ANN401 - from TOML, JSON or a form
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value or "").strip()[:10])
    except ValueError:
        return None


def clean_founding(raw: dict[str, Any] | None, errors: dict[str, str]) -> dict[str, str]:
    """The founding decision as stored: kind, number, date (ISO), issuer, summary."""
    raw = raw or {}
    founding = {name: clean(str(raw.get(name) or "")) for name in FOUNDING_FIELDS}
    for name in FOUNDING_FIELDS:
        if not founding[name]:
            errors[f"founding_{name}"] = _("This field is required.")
    if founding["number"] and not DECISION_NUMBER.match(founding["number"]):
        errors["founding_number"] = _("Write the number as it is printed on the decision, "
                                      "e.g. 15/2023/QĐ-UBND.")
    day = _day(raw.get("date"))
    if founding["date"] and day is None:
        errors["founding_date"] = _("Write the date as YYYY-MM-DD.")
    founding["date"] = day.isoformat() if day else ""
    return founding


def clean_units(raw: list[dict[str, Any]] | None, errors: dict[str, str]) -> list[dict[str, Any]]:
    """The period's units in order: code, name, kind, areas (area keys)."""
    units: list[dict[str, Any]] = []
    seen: set[str] = set()
    problems: list[str] = []
    for index, item in enumerate(raw or [], start=1):
        code = clean(str(item.get("code") or "")).upper()
        name = clean(str(item.get("name") or ""))
        kind = clean(str(item.get("kind") or "administrative"))
        areas = item.get("areas") or []
        if isinstance(areas, str):
            areas = [a for a in re.split(r"[,\s]+", areas) if a]
        if not UNIT_CODE.match(code):
            problems.append(_("unit {n}: the code must be capital letters or digits, e.g. VP")
                            .format(n=index))
        elif code in seen:
            problems.append(_("unit {n}: the code {code} is used twice").format(n=index, code=code))
        if not name:
            problems.append(_("unit {n}: the name is missing").format(n=index))
        if kind not in UNIT_KINDS:
            problems.append(_("unit {n}: the kind must be one of {kinds}").format(
                n=index, kinds=", ".join(UNIT_KINDS)))
        seen.add(code)
        units.append({"code": code, "name": name, "kind": kind,
                      "areas": [clean(str(a)) for a in areas]})
    if not units:
        problems.append(_("a period needs its units"))
    if problems:
        errors["units"] = "; ".join(problems) + "."
    return units


def clean_signers(raw: list[dict[str, Any]] | None, errors: dict[str, str]
                  ) -> list[dict[str, str]] | None:
    """The leaders who sign from the period's first day (None: those in office stay)."""
    if raw is None:
        return None
    signers, problems = [], []
    for index, item in enumerate(raw, start=1):
        signer = {"full_name": clean(str(item.get("full_name") or "")),
                  "position": clean(str(item.get("position") or "")).upper(),
                  "authority": clean(str(item.get("authority") or "")).upper()}
        if not signer["full_name"] or not signer["position"]:
            problems.append(_("signer {n}: the name and the title are required").format(n=index))
        signers.append(signer)
    if not signers:
        problems.append(_("a period with new signers needs at least one"))
    if problems:
        errors["signers"] = "; ".join(problems) + "."
    return signers


def units_json(units: list[dict[str, Any]]) -> str:
    return json.dumps(units, ensure_ascii=False)


def read_period_file(path: Path) -> dict[str, Any]:
    """A period from a TOML file: the header fields, `effective_from`, [founding_decision],
    [[unit]] and, optionally, [[signer]] (the leaders from the period's first day)."""
    try:
        with path.open("rb") as fh:
            raw = tomllib.load(fh)
    except FileNotFoundError as error:
        raise ValidationError(_("There is no file {path}.").format(path=path)) from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ValidationError(_("{path} is not a TOML file in UTF-8: {error}").format(
            path=path, error=error)) from error
    effective = _day(raw.get("effective_from"))
    if effective is None:
        raise ValidationError(_("{path}: give effective_from as YYYY-MM-DD.").format(path=path),
                              {"effective_from": _("This field is required.")})
    return {"values": {k: v for k, v in raw.items() if isinstance(v, str)},
            "effective_from": effective, "founding": raw.get("founding_decision"),
            "units": raw.get("unit"), "signers": raw.get("signer")}
