"""Legal instruments as data (`resources/reference/instruments.toml`) and their citation.

A document cites the instruments in force on ITS date, in the form of Decree 30/2020 Appendix I:
"Căn cứ Luật Báo chí ngày 05 tháng 4 năm 2016" for a law, "Căn cứ Nghị định số 72/2013/NĐ-CP ngày
15 tháng 7 năm 2013 của Chính phủ quản lý, …; Nghị định số 27/2018/NĐ-CP …" for a decree with the
texts amending it. A replaced instrument is cited as its replacement from the replacement's
effective date. The file also declares the powers to suspend and revoke each kind of permit
(`Power`). Every problem of the file is reported at once, naming the entry and the field.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _
from sotttt_desktop.resources import resource_path

TYPES = ("Luật", "Nghị định", "Thông tư", "Quyết định", "Nghị quyết")
REQUIRED = ("type", "number", "signed", "issuer", "effective_from")
KNOWN_FIELDS = frozenset({*REQUIRED, "name", "summary", "amended_by", "replaced_by",
                          "effective_until", "unconfirmed", "source"})
POWER_ACTIONS = ("suspend", "revoke")
POWER_FIELDS = frozenset({"family", "action", "instrument", "article", "max_months", "grounds",
                          "unconfirmed"})


class InstrumentError(ValidationError):
    pass


@dataclass(frozen=True)
class Instrument:
    key: str
    type: str
    number: str
    signed: dt.date
    issuer: str
    effective_from: dt.date
    name: str = ""  # a law's name ("Luật Báo chí")
    summary: str = ""  # the trích yếu of a decree, circular, decision
    amended_by: tuple[str, ...] = ()
    replaced_by: str = ""
    effective_until: dt.date | None = None
    unconfirmed: str = ""

    @property
    def is_law(self) -> bool:
        return self.type == "Luật"

    def reference(self) -> str:
        """"Nghị định số 72/2013/NĐ-CP" — how a body text names it ("Luật Bưu chính" for a law)."""
        return self.name if self.is_law else f"{self.type} số {self.number}"

    def citation(self) -> str:
        """The instrument alone, as a legal basis names it (no "Căn cứ", no amendments)."""
        if self.is_law:
            return f"{self.name} {date_words(self.signed)}"
        text = f"{self.type} số {self.number} {date_words(self.signed)} của {self.issuer}"
        return f"{text} {self.summary}" if self.summary else text


@dataclass(frozen=True)
class Power:
    """A power to suspend or revoke a kind of permit, under an instrument and its article."""

    family: str
    action: str
    instrument: str
    article: str = ""
    max_months: int | None = None
    grounds: tuple[str, ...] = ()
    unconfirmed: str = ""


def date_words(day: dt.date) -> str:
    """"ngày 05 tháng 4 năm 2016": day below 10 and months 1 and 2 with a leading zero (Decree 30)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


class Instruments:
    def __init__(self, instruments: dict[str, Instrument], powers: Iterable[Power]):
        self._by_key = instruments
        self.powers: tuple[Power, ...] = tuple(powers)

    def __contains__(self, key: str) -> bool:
        return key in self._by_key

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._by_key))

    def get(self, key: str) -> Instrument:
        return self._by_key[key]

    def keys(self) -> list[str]:
        return sorted(self._by_key)

    def until(self, instrument: Instrument) -> dt.date | None:
        """The last day it is in force (None: still in force)."""
        if instrument.replaced_by:
            return self._by_key[instrument.replaced_by].effective_from - dt.timedelta(days=1)
        return instrument.effective_until

    def in_force(self, key: str, on: dt.date) -> Instrument | None:
        """The instrument `key` stands for on `on`: itself, its replacement (and so on) once
        replaced; None before it took effect or after a repeal without replacement."""
        instrument = self._by_key[key]
        seen = {key}
        while True:
            until = self.until(instrument)
            if until is None or on <= until:
                return instrument if instrument.effective_from <= on else None
            if not instrument.replaced_by:
                return None
            instrument = self._by_key[instrument.replaced_by]
            if instrument.key in seen:  # a loop: refused on load; never here
                return None
            seen.add(instrument.key)

    def citation(self, key: str, on: dt.date) -> str | None:
        """"Căn cứ …" for the instrument in force on `on` with the amendments in force then
        (no final punctuation: the document adds ";" or "."). None: nothing in force."""
        instrument = self.in_force(key, on)
        if instrument is None:
            return None
        parts = [instrument.citation()]
        for amending in instrument.amended_by:
            text = self._by_key[amending]
            if text.effective_from <= on:
                parts.append(text.citation())
        return "Căn cứ " + "; ".join(parts)

    def citations(self, keys: Iterable[str], on: dt.date) -> list[str]:
        """The citations of `keys` on `on`, each once (two keys may lead to one replacement)."""
        found: list[str] = []
        for key in keys:
            text = self.citation(key, on)
            if text and text not in found:
                found.append(text)
        return found

    def power(self, family: str, action: str, on: dt.date) -> tuple[Power, Instrument] | None:
        """The power to `action` a permit of `family` on `on`: the entry whose instrument is in
        force that day (None: the law in force gives the Department no such power)."""
        for power in self.powers:
            if power.family != family or power.action != action:
                continue
            instrument = self._by_key[power.instrument]
            until = self.until(instrument)
            if instrument.effective_from <= on and (until is None or on <= until):
                return power, instrument
        return None


def _date(raw: dict[str, Any], name: str, where: str, problems: list[str]) -> dt.date | None:
    value = raw.get(name)
    if value is None:
        return None
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        problems.append(f"{where}: {name} must be a date (YYYY-MM-DD)")
        return None
    return value


def _instrument(key: str, raw: Any, problems: list[str]) -> Instrument | None:  # noqa: ANN401
    where = f"instrument {key}"
    if not isinstance(raw, dict):
        problems.append(f"{where}: not a table")
        return None
    bad: list[str] = []
    missing = [name for name in REQUIRED if name not in raw]
    if missing:
        bad.append(f"missing {', '.join(missing)}")
    unknown = sorted(set(raw) - KNOWN_FIELDS)
    if unknown:
        bad.append(f"unknown field {', '.join(unknown)}")
    if raw.get("type") is not None and raw.get("type") not in TYPES:
        bad.append(f"type must be one of {', '.join(TYPES)}")
    if raw.get("type") == "Luật" and not raw.get("name"):
        bad.append("a law needs its name")
    if raw.get("type") not in (None, "Luật") and not raw.get("summary"):
        bad.append("needs its summary (trích yếu)")
    if raw.get("replaced_by") and raw.get("effective_until"):
        bad.append("replaced_by and effective_until exclude each other")
    dates = [_date(raw, name, where, problems)
             for name in ("signed", "effective_from", "effective_until")]
    for name in ("number", "issuer", "name", "summary", "replaced_by", "unconfirmed", "source"):
        if name in raw and not isinstance(raw[name], str):
            bad.append(f"{name} must be text")
    amended = raw.get("amended_by", [])
    if not isinstance(amended, list) or not all(isinstance(k, str) for k in amended):
        bad.append("amended_by must list instrument keys")
        amended = []
    if bad or missing or None in dates[:2]:
        problems.extend(f"{where}: {message}" for message in bad)
        return None
    signed, effective_from, effective_until = dates
    if signed > effective_from:
        problems.append(f"{where}: takes effect ({effective_from}) before it was signed "
                        f"({signed})")
    return Instrument(key=key, type=raw["type"], number=raw["number"], signed=signed,
                      issuer=raw["issuer"], effective_from=effective_from,
                      name=raw.get("name", ""), summary=raw.get("summary", ""),
                      amended_by=tuple(amended), replaced_by=raw.get("replaced_by", ""),
                      effective_until=effective_until, unconfirmed=raw.get("unconfirmed", ""))


def _power(index: int, raw: Any, known: dict[str, Instrument],  # noqa: ANN401
           problems: list[str]) -> Power | None:
    where = f"power #{index + 1}"
    if not isinstance(raw, dict):
        problems.append(f"{where}: not a table")
        return None
    bad = [f"missing {name}" for name in ("family", "action", "instrument") if not raw.get(name)]
    unknown = sorted(set(raw) - POWER_FIELDS)
    if unknown:
        bad.append(f"unknown field {', '.join(unknown)}")
    if raw.get("action") and raw["action"] not in POWER_ACTIONS:
        bad.append(f"action must be one of {', '.join(POWER_ACTIONS)}")
    if raw.get("instrument") and raw["instrument"] not in known:
        bad.append(f"unknown instrument {raw['instrument']!r}")
    months = raw.get("max_months")
    if months is not None and not (isinstance(months, int) and 0 < months <= 120):
        bad.append("max_months must be a whole number from 1 to 120")
    if raw.get("action") == "suspend" and months is None:
        bad.append("a suspension power needs max_months")
    grounds = raw.get("grounds", [])
    if not isinstance(grounds, list) or not grounds or not all(isinstance(g, str) and g
                                                                for g in grounds):
        bad.append("grounds must list at least one text")
    if bad:
        problems.extend(f"{where} ({raw.get('family', '?')}): {m}" for m in bad)
        return None
    return Power(family=raw["family"], action=raw["action"], instrument=raw["instrument"],
                 article=raw.get("article", ""), max_months=months, grounds=tuple(grounds),
                 unconfirmed=raw.get("unconfirmed", ""))


def parse(data: dict[str, Any], source: str = "instruments.toml") -> Instruments:
    """Validate the loaded file: every problem named, then one error."""
    problems: list[str] = []
    unknown_tables = sorted(set(data) - {"instrument", "power"})
    if unknown_tables:
        problems.append(f"unknown table {', '.join(unknown_tables)}")
    instruments: dict[str, Instrument] = {}
    for key, raw in (data.get("instrument") or {}).items():
        instrument = _instrument(key, raw, problems)
        if instrument is not None:
            instruments[key] = instrument
    for instrument in instruments.values():
        for key in (*instrument.amended_by, instrument.replaced_by):
            if key and key not in instruments:
                problems.append(f"instrument {instrument.key}: unknown instrument {key!r}")
        seen, current = {instrument.key}, instrument
        while current.replaced_by in instruments:
            current = instruments[current.replaced_by]
            if current.key in seen:
                problems.append(f"instrument {instrument.key}: replaced in a loop")
                break
            seen.add(current.key)
    powers = [power for index, raw in enumerate(data.get("power") or [])
              if (power := _power(index, raw, instruments, problems)) is not None]
    if problems:
        raise InstrumentError(_("The list of legal instruments has errors: {problems}").format(
            problems="; ".join(f"{source}: {p}" for p in problems)))
    return Instruments(instruments, powers)


def parse_file(path: Path) -> Instruments:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InstrumentError(_("The list of legal instruments has errors: {problems}").format(
            problems=f"{path.name}: {error}")) from error
    return parse(data, path.name)


@cache
def load() -> Instruments:
    """The instruments shipped with the application (read once)."""
    return parse_file(resource_path("reference", "instruments.toml"))
