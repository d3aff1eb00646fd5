"""Loading and validating the procedure catalogue (`resources/procedures/*.toml`).

A version of a procedure applies from its `effective_from` until the next version of the same
`key`; `Catalogue.get(key, on=…)` answers which one was in force on a day. Every problem of a
file is reported at once, naming the file and the entry.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sotttt_desktop.areas import AREAS
from sotttt_desktop.core import clock
from sotttt_desktop.core.calendar import TimeUnit
from sotttt_desktop.core.text import fold
from sotttt_desktop.errors import NotFoundError, ValidationError
from sotttt_desktop.i18n import _
from sotttt_desktop.resources import resource_path

RESULT_KINDS = ("permit", "certificate", "confirmation", "approval", "decision")
# transfer: the new holder applies, replacing the former holder's permit (e.g. a colour copier)
ACTIONS = ("issue", "amend", "extend", "reissue", "transfer", "other")
FORMS = ("original", "copy", "either")
REQUIRED = ("key", "area", "family", "action", "name", "legal_basis", "time_limit", "unit",
            "result_kind", "result_name", "document_title", "number_symbol", "effective_from")
# what a summary or operative wording may name: the document this one replaces
WORDING_FIELDS = frozenset({"number", "date"})
FEE_ISSUER = "-BTC"  # a Ministry of Finance circular sets fees: never the basis of a licence


class CatalogueError(ValidationError):
    pass


@dataclass(frozen=True)
class Component:
    name: str
    required: bool = True
    form: str = "original"
    count: int = 1


@dataclass(frozen=True)
class Procedure:
    key: str
    code: str
    area: str
    family: str
    action: str
    name: str
    legal_basis: tuple[str, ...]  # instrument keys (resources/reference/instruments.toml)
    time_limit: int
    unit: TimeUnit
    result_kind: str
    result_name: str
    number_symbol: str
    effective_from: dt.date
    components: tuple[Component, ...] = ()
    fee: int = 0
    fee_note: str = ""
    validity_max_years: int | None = None
    max_extensions: int | None = None
    extension_max_months: int | None = None
    extension_notice_days: int | None = None
    unconfirmed: tuple[str, ...] = ()
    source: str = ""  # the catalogue file the entry was read from
    # where each fact was read: a short citation, with an URL when there is one
    sources: tuple[str, ...] = ()
    # the article of each instrument that gives the power (by instrument key), for reference
    articles: tuple[tuple[str, str], ...] = ()
    # the wording of the result document, as a clerk writes it: tên loại; trích yếu (a decision,
    # a letter's "V/v", or the line under a licence's title naming what it replaces); and a
    # decision's Article 1. "{number}" and "{date}" name the document replaced.
    document_title: str = ""
    document_summary: str = ""
    document_operative: str = ""
    # a letter's closing request when it is not an approval's ("Đề nghị … hoàn thiện hồ sơ")
    document_closing: str = ""
    # what the signer considers ("Xét … của <holder>"): an application by default, a notice
    # for the procedures that confirm one
    document_considering: str = "hồ sơ đề nghị"

    def as_json(self) -> dict:
        return {
            "key": self.key, "code": self.code, "area": self.area, "name": self.name,
            "time_limit": self.time_limit, "unit": self.unit.value,
            "result_kind": self.result_kind, "result_name": self.result_name,
            "number_symbol": self.number_symbol, "fee": self.fee,
            "effective_from": self.effective_from.isoformat(), "action": self.action,
            "legal_basis": list(self.legal_basis), "articles": dict(self.articles),
            "document_title": self.document_title, "document_summary": self.document_summary,
            "components": [c.__dict__ for c in self.components],
            "sources": list(self.sources), "unconfirmed": list(self.unconfirmed),
        }


def _entry(raw: dict, source: str, index: int, problems: list[str]) -> Procedure | None:
    where = f"{source} #{index + 1} ({raw.get('key', '?')})"
    missing = [name for name in REQUIRED if name not in raw]
    if missing:
        problems.append(f"{where}: missing {', '.join(missing)}")
        return None
    areas = {a.key for a in AREAS}
    checks = [
        (raw["area"] in areas, f"unknown area {raw['area']!r}"),
        (raw["action"] in ACTIONS, f"action must be one of {', '.join(ACTIONS)}"),
        (raw["result_kind"] in RESULT_KINDS, f"result_kind must be one of {', '.join(RESULT_KINDS)}"),
        (raw["unit"] in {u.value for u in TimeUnit}, f"unknown unit {raw['unit']!r}"),
        (isinstance(raw["time_limit"], int) and 0 < raw["time_limit"] <= 365,
         "time_limit must be a whole number from 1 to 365"),
        (isinstance(raw["effective_from"], dt.date), "effective_from must be a date (YYYY-MM-DD)"),
        (isinstance(raw["legal_basis"], list) and raw["legal_basis"], "legal_basis must list "
         "at least one instrument"),
        (isinstance(raw.get("fee", 0), int) and raw.get("fee", 0) >= 0,
         "fee must be a whole number of VND"),
        (_texts(raw.get("sources", [])), "sources must list non-empty texts"),
        (_texts(raw.get("unconfirmed", [])), "unconfirmed must list non-empty texts"),
    ]
    bad = [message for ok, message in checks if not ok]
    bad += _basis_problems(raw)
    bad += _wording_problems(raw)
    components = []
    for c in raw.get("component", []):
        if not c.get("name"):
            bad.append("a component without a name")
            continue
        if c.get("form", "original") not in FORMS:
            bad.append(f"component form must be one of {', '.join(FORMS)}")
            continue
        components.append(Component(c["name"], bool(c.get("required", True)),
                                    c.get("form", "original"), int(c.get("count", 1))))
    if not components:
        bad.append("no dossier components")
    if bad:
        problems.extend(f"{where}: {message}" for message in bad)
        return None
    return Procedure(
        key=raw["key"], code=raw.get("code", ""), area=raw["area"], family=raw["family"],
        action=raw["action"], name=raw["name"], legal_basis=tuple(raw["legal_basis"]),
        time_limit=raw["time_limit"], unit=TimeUnit(raw["unit"]), result_kind=raw["result_kind"],
        result_name=raw["result_name"], number_symbol=raw["number_symbol"],
        effective_from=raw["effective_from"], components=tuple(components),
        fee=raw.get("fee", 0), fee_note=raw.get("fee_note", ""),
        validity_max_years=raw.get("validity_max_years"),
        max_extensions=raw.get("max_extensions"),
        extension_max_months=raw.get("extension_max_months"),
        extension_notice_days=raw.get("extension_notice_days"),
        unconfirmed=tuple(raw.get("unconfirmed", ())), source=source,
        sources=tuple(raw.get("sources", ())),
        articles=tuple((raw.get("articles") or {}).items()),
        document_title=raw["document_title"], document_summary=raw.get("document_summary", ""),
        document_operative=raw.get("document_operative", ""),
        document_closing=raw.get("document_closing", ""),
        document_considering=raw.get("document_considering", "hồ sơ đề nghị"))


def _texts(value: object) -> bool:
    """A list of non-empty texts (a catalogue entry's sources or unconfirmed facts)."""
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _basis_problems(raw: dict) -> list[str]:
    """The legal bases name known instruments (no fee circular); articles name one of them."""
    from sotttt_desktop.catalog.instruments import load as load_instruments

    instruments = load_instruments()
    bases = raw["legal_basis"] if isinstance(raw["legal_basis"], list) else []
    bad = []
    for key in bases:
        if not isinstance(key, str) or key not in instruments:
            bad.append(f"unknown instrument {key!r} in legal_basis (instruments: "
                       f"{', '.join(instruments.keys())})")
        elif instruments.get(key).number.endswith(FEE_ISSUER):
            bad.append(f"{key} sets fees: it is no basis of the result")
    articles = raw.get("articles", {})
    if not isinstance(articles, dict) or not all(isinstance(v, str) for v in articles.values()):
        bad.append("articles must map instrument keys to texts")
    else:
        bad += [f"articles name {key!r}, not in legal_basis" for key in articles
                if key not in bases]
    return bad


def _wording_problems(raw: dict) -> list[str]:
    """A decision has its summary and Article 1; a letter its "V/v"; wording names no field
    but the replaced document's number and date, and carries no catalogue note."""
    bad = []
    for name in ("document_title", "document_summary", "document_operative", "document_closing",
                 "document_considering"):
        text = raw.get(name, "")
        if not isinstance(text, str):
            bad.append(f"{name} must be text")
            continue
        fields = set(re.findall(r"{(\w*)}", text))
        if fields - WORDING_FIELDS:
            bad.append(f"{name} may name only {{number}} and {{date}}")
        if re.search(r"\(\s*mẫu số", text, re.IGNORECASE):
            bad.append(f"{name} carries a catalogue note (Mẫu số …)")
    if not raw.get("document_title"):
        bad.append("document_title is empty")
    if raw.get("result_kind") in ("decision", "approval") and not raw.get("document_summary"):
        bad.append("a decision or a letter needs document_summary")
    if raw.get("result_kind") == "decision" and not raw.get("document_operative"):
        bad.append("a decision needs document_operative (its Article 1)")
    return bad


class Catalogue:
    def __init__(self, procedures: Iterable[Procedure]):
        self._versions: dict[str, list[Procedure]] = {}
        for procedure in procedures:
            self._versions.setdefault(procedure.key, []).append(procedure)
        for versions in self._versions.values():
            versions.sort(key=lambda p: p.effective_from)

    def get(self, key: str, on: dt.date | None = None) -> Procedure:
        on = on or clock.local_today()
        versions = [p for p in self._versions.get(key, ()) if p.effective_from <= on]
        if not versions:
            raise NotFoundError(_("Unknown procedure: {key}.").format(key=key))
        return versions[-1]

    def effective_until(self, procedure: Procedure) -> dt.date | None:
        """The last day `procedure` is in force: the day before the next version of its key
        (None while no later version is catalogued)."""
        later = [p.effective_from for p in self._versions.get(procedure.key, ())
                 if p.effective_from > procedure.effective_from]
        return min(later) - dt.timedelta(days=1) if later else None

    def every_version(self) -> list[Procedure]:
        """Every version of every procedure, in force or not (for checking a filter's word)."""
        return [procedure for versions in self._versions.values() for procedure in versions]

    def list(self, area: str | None = None, on: dt.date | None = None) -> list[Procedure]:
        on = on or clock.local_today()
        found = []
        for key in self._versions:
            try:
                procedure = self.get(key, on)
            except NotFoundError:
                continue
            if area is None or procedure.area == area:
                found.append(procedure)
        return sorted(found, key=lambda p: (p.area, p.family, p.key))

    def find(self, text: str, on: dt.date | None = None) -> list[Procedure]:
        """Procedures whose name, key or code contains every typed word (diacritics optional)."""
        words = fold(text).split()
        found = [p for p in self.list(on=on)
                 if all(w in fold(f"{p.name} {p.key} {p.code}") for w in words)]
        phrase = re.compile(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b")
        whole = [re.compile(rf"\b{re.escape(w)}\b") for w in words]

        def closeness(procedure: Procedure) -> int:
            """0: the words as typed, in the name; 1: each a whole word of the name; 2: parts
            of words ("ban tin" is a bulletin before it is "bưu chính nội tỉnh")."""
            name = fold(procedure.name)
            if words and phrase.search(name):
                return 0
            return 1 if all(w.search(name) for w in whole) else 2

        # the closest first; then a first licence, what a clerk looks for most; its variants after
        return sorted(found, key=lambda p: (closeness(p), ACTIONS.index(p.action), p.area, p.name))


def parse_files(paths: Iterable[Path]) -> Catalogue:
    problems: list[str] = []
    procedures: list[Procedure] = []
    seen: set[tuple[str, dt.date]] = set()
    for path in sorted(paths):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            problems.append(f"{path.name}: {error}")
            continue
        for index, raw in enumerate(data.get("procedure", [])):
            procedure = _entry(raw, path.name, index, problems)
            if procedure is None:
                continue
            identity = (procedure.key, procedure.effective_from)
            if identity in seen:
                problems.append(f"{path.name} #{index + 1}: {procedure.key} has two versions "
                                f"from {procedure.effective_from}")
                continue
            seen.add(identity)
            procedures.append(procedure)
    if problems:
        raise CatalogueError(_("The procedure catalogue has errors: {problems}").format(
            problems="; ".join(problems)))
    return Catalogue(procedures)


@cache
def load() -> Catalogue:
    """The catalogue shipped with the application (read once)."""
    return parse_files(resource_path("procedures").glob("*.toml"))
