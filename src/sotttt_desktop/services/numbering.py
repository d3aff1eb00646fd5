"""Document numbers and dossier codes for this agency (the abbreviation of the profile in force),
and the register of outgoing documents (sổ đăng ký văn bản đi) the Văn thư keeps.

Every document the application issues takes its number here, in the series of its kind and
year (core/numbering.py); nothing accepts a typed number. The Văn thư records the numbers taken
outside the application (paper work), so the series continues after them, and voids a number
with a reason. The register is printed in the form of ND 30/2020 Phụ lục IV.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sotttt_desktop.core import audit, clock
from sotttt_desktop.core.models import IssuedDocument, NumberRecord, Permit
from sotttt_desktop.core.numbering import (
    document_kind,
    document_number_text,
    dossier_code_text,
    next_number,
    records_of_series,
    series_name,
    series_of,
    series_table,
    take_outside_number,
    void_number,
)
from sotttt_desktop.core.text import clean
from sotttt_desktop.errors import NotFoundError, ValidationError
from sotttt_desktop.i18n import _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sotttt_desktop.services.facade import Services

REGISTER_AREA = "register"  # the permission area of the register: "register:edit" (Văn thư)
OUTSIDE_SKIP_MAX = 500  # numbers skipped by one outside number: more is a typing mistake
NUMBER_MAX = 99_999
SYMBOL_RE = re.compile(r"^[A-ZĐ][A-Za-zĐđ0-9]{0,15}(-[A-ZĐ][A-Za-zĐđ0-9]{0,15}){0,2}$")
TEXT_LIMITS = {"summary": 400, "signer": 120, "recipients": 400, "file_copy": 120, "note": 400}
DECISION_REFERENCE = "decision:"  # + the permit's id: a suspension or revocation decision


def _today() -> dt.date:
    return clock.local_today()


class NumberingService:
    def __init__(self, services: Services):
        self._services = services

    def agency(self, on: dt.date | None = None) -> str:
        return self._services.reference.profile(on)["abbreviation"]

    def document_number(self, session: Session, symbol: str, *, reference: str,
                        on: dt.date | None = None, agency: str | None = None,
                        register: dict[str, Any] | None = None) -> tuple[int, str]:
        """The next number of the series of `symbol` documents this year, inside the caller's
        transaction; `register`: what the register of outgoing documents records of it
        (summary, recipients, …).

        Pass `agency` (read before the transaction) when holding a write transaction: reading
        the profile then would need a second connection while the first holds the lock."""
        on = on or _today()
        agency = agency or self.agency(on)
        entry = {"document_kind": document_kind(symbol), "document_date": on,
                 **(register or {})}
        return next_number(session, series_of(symbol), agency, str(on.year),
                           reference=reference, username=self._services.actor.username,
                           text_of=lambda n: document_number_text(n, symbol, agency),
                           register=_limited(entry))

    def dossier_code(self, session: Session, day: dt.date, *, reference: str,
                     agency: str | None = None) -> str:
        agency = agency or self.agency(day)
        _number, text = next_number(session, "dossier", agency, f"{day:%y%m%d}",
                                    reference=reference, username=self._services.actor.username,
                                    text_of=lambda n: dossier_code_text(n, agency, day))
        return text

    # --- the Văn thư's work --------------------------------------------------------------------

    def record_outside(self, symbol: str, number: int, *, on: dt.date, summary: str,
                       signer: str = "", recipients: str = "", file_copy: str = "",
                       copies: int | None = None, note: str = "") -> dict[str, Any]:
        """Record a number the Văn thư gave outside the application (a paper document): the
        series of its kind continues after it; numbers skipped on the way are reserved for
        the paper documents that took them (describe each the same way, or void it)."""
        services = self._services
        services.require(REGISTER_AREA, "edit")
        symbol = clean(symbol) or ""
        if not SYMBOL_RE.match(symbol):
            raise ValidationError(_("Give the symbol as printed after the number, e.g. QĐ, GP "
                                    "or STTTT-VP for a letter."))
        if not 1 <= number <= NUMBER_MAX:
            raise ValidationError(_("A document number is between 1 and {max}.").format(
                max=NUMBER_MAX))
        if on > _today():
            raise ValidationError(_("A document cannot be dated in the future."))
        entry = {"summary": clean(summary) or "", "signer": clean(signer) or None,
                 "recipients": clean(recipients) or None, "file_copy": clean(file_copy) or None,
                 "note": clean(note) or None, "copies": copies,
                 "document_kind": document_kind(symbol), "document_date": on}
        if not entry["summary"]:
            raise ValidationError(_("Write the kind and summary of the document (tên loại và "
                                    "trích yếu)."))
        if copies is not None and not 1 <= copies <= 10_000:
            raise ValidationError(_("The number of copies is between 1 and 10000."))
        too_long = [name for name, limit in TEXT_LIMITS.items()
                    if len(entry.get(name) or "") > limit]
        if too_long:
            raise ValidationError(_("Too long: {fields}.").format(fields=", ".join(too_long)))
        agency = self.agency(on)
        with services.db.session(write=True) as session:
            text, reserved = self.outside_number(session, symbol, number, on=on, agency=agency,
                                                 register=entry)
            audit.append(session, username=services.actor.username,
                         action="record_outside_number", entity_kind="number",
                         entity_id=f"{text}@{on.year}", summary=entry["summary"],
                         after={**{k: v for k, v in entry.items() if k != "document_date"},
                                "document_date": on.isoformat(), "reserved": reserved})
            session.commit()
        return {"text": text, "year": on.year, "series": series_of(symbol),
                "reserved": reserved}

    def outside_number(self, session: Session, symbol: str, number: int, *, on: dt.date,
                       agency: str, register: dict[str, Any], reference: str = "outside"
                       ) -> tuple[str, list[int]]:
        """Take `number` of the series of `symbol` in `on`'s year, given outside the
        application (typed as printed), in the caller's transaction: (its text, the numbers
        reserved on the way); a number already used, or too far ahead, is refused."""
        series = series_of(symbol)
        try:
            reserved = take_outside_number(
                session, series, agency, str(on.year), number,
                username=self._services.actor.username, reference=reference,
                text_of=lambda n: document_number_text(n, symbol, agency),
                register=register, max_skip=OUTSIDE_SKIP_MAX)
        except ValueError as error:
            if str(error) == "skip":
                raise ValidationError(_(
                    "{number} is more than {count} numbers after the last one of the "
                    "series: check the number.").format(number=number,
                                                       count=OUTSIDE_SKIP_MAX)) from None
            used = session.get(NumberRecord, (series, agency, str(on.year), number))
            if used is not None and used.state == "void":
                raise ValidationError(_(
                    "Number {number} of {series} {year} was voided ({reason}): a voided number "
                    "is never used again.").format(number=number, series=series_name(series),
                                                   year=on.year,
                                                   reason=used.void_reason or "")) from None
            raise ValidationError(_(
                "Number {number} of {series} {year} is already used by {text} ({summary})."
            ).format(number=number, series=series_name(series), year=on.year,
                     text=used.text if used else number,
                     summary=(used.summary or "") if used else "")) from None
        return document_number_text(number, symbol, agency), reserved

    def void(self, text: str, reason: str, *, year: int | None = None,
             series: str | None = None) -> None:
        """Withdraw a number (a document cancelled before it left, or a reserved number no
        paper document took): recorded with its reason, never reused. `text` is the number as
        printed (it may end in `@YEAR`), or the bare number with `series`."""
        services = self._services
        services.require(REGISTER_AREA, "edit")
        reason = clean(reason) or ""
        if not reason:
            raise ValidationError(_("Give the reason (e.g. the decision that moved the day)."))
        if len(reason) > TEXT_LIMITS["note"]:
            raise ValidationError(_("Too long: {fields}.").format(fields="reason"))
        number_text, _sep, given_year = text.strip().partition("@")
        if given_year.strip().isdigit():
            year = int(given_year)
        number_text = clean(number_text) or ""
        with services.db.session(write=True) as session:
            if number_text.isdigit() and not 1 <= int(number_text[:9]) <= NUMBER_MAX:
                raise NotFoundError(_("There is no document number {number}.").format(
                    number=text))
            if number_text.isdigit():
                key = (series or "HC").strip()
                key = key if key in series_table() else series_of(key)
                statement = select(NumberRecord).where(
                    NumberRecord.kind == key, NumberRecord.number == int(number_text),
                    NumberRecord.period == str(year or _today().year))
            else:
                statement = select(NumberRecord).where(NumberRecord.text == number_text)
                if year is not None:
                    statement = statement.where(NumberRecord.period == str(year))
            found = session.execute(statement.order_by(NumberRecord.period.desc())
                                    ).scalars().all()
            if not found:
                raise NotFoundError(_("There is no document number {number}.").format(
                    number=text))
            record = found[0]
            if record.state == "void":
                raise ValidationError(_("{number} is already void.").format(number=record.text))
            carrier = self._carrier(session, record)
            if carrier is not None:
                raise ValidationError(_(
                    "{number} is carried by {document}: it stays in the register. A permit is "
                    "withdrawn by a revocation decision.").format(number=record.text,
                                                                  document=carrier))
            void_number(session, record.kind, record.agency, record.period, record.number,
                        reason=reason)
            audit.append(session, username=services.actor.username, action="void_number",
                         entity_kind="number", entity_id=f"{record.text}@{record.period}",
                         summary=reason)
            session.commit()

    @staticmethod
    def _carrier(session: Session, record: NumberRecord) -> str | None:
        """The permit or decision in the application that carries this number, if any."""
        reference = record.reference
        is_decision = reference.startswith(DECISION_REFERENCE)
        try:
            permit_id = uuid.UUID(reference.removeprefix(DECISION_REFERENCE))
        except ValueError:
            return None
        permit = session.get(Permit, permit_id)
        if permit is None:
            return None
        if is_decision:
            return _("the decision on {number}").format(number=permit.number)
        return _("the permit {number}").format(number=permit.number) \
            if permit.number == record.text else None

    # --- reading -----------------------------------------------------------------------------

    def is_registered(self, text: str, year: int) -> bool:
        """Is `text` a number of the register in `year`, given and not voided?"""
        with self._services.db.session() as session:
            record = session.execute(select(NumberRecord).where(
                NumberRecord.text == (clean(text) or ""), NumberRecord.period == str(year),
                NumberRecord.origin != "reserved")).scalars().first()
            return record is not None and record.state == "issued"

    def series(self) -> list[dict[str, Any]]:
        return [{"key": s.key, "name": s.name, "symbols": list(s.symbols)}
                for s in series_table().values()]

    def records(self, kind: str, year: int) -> list[dict]:
        """The numbers of the series that documents of `kind` (a symbol or a series) take."""
        return [{"number": e["number"], "text": e["text"], "state": e["state"],
                 "reference": e["reference"], "origin": e["origin"]}
                for e in self.register(year, series_of(kind))]

    def register(self, year: int, series: str) -> list[dict[str, Any]]:
        """The register of outgoing documents of a series and year, in number order, with the
        columns of ND 30/2020 Phụ lục IV (what the application knows of its own documents is
        filled from them: the signer of the printed document, the holder as recipient)."""
        self._services.require(REGISTER_AREA, "view")
        series = series_of(series.strip()) if series.strip() not in series_table() \
            else series.strip()
        with self._services.db.session() as session:
            rows = records_of_series(session, series, None, str(year))
            return [self._entry(session, r) for r in rows]

    def register_ref(self, ref: str) -> tuple[str, int]:
        """`HC:2024` (or a symbol: `QĐ:2024`, `GP:2024`) → the series and the year."""
        name, _sep, year = ref.strip().rpartition(":")
        name = name.strip()
        if not name or not year.strip().isdigit() or not 2000 <= int(year) <= 2200:
            raise ValidationError(_("Name the register as SERIES:YEAR, e.g. HC:2024 or GP:2024 "
                                    "(series: {series}).").format(
                series=", ".join(series_table())))
        return (name if name in series_table() else series_of(name)), int(year)

    def register_document_data(self, ref: str) -> dict[str, Any]:
        """The data of the printed register of a series and year."""
        series, year = self.register_ref(ref)
        entries = self.register(year, series)
        today = _today()
        return {"year": year, "series": series, "series_name": series_name(series),
                "printed_on": today, "profile_on": min(today, dt.date(year, 12, 31)),
                "entries": entries}

    def _entry(self, session: Session, record: NumberRecord) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "number": record.number, "text": record.text, "state": record.state,
            "origin": record.origin, "reference": record.reference, "series": record.kind,
            "document_kind": record.document_kind, "document_date": record.document_date,
            "summary": record.summary or "", "signer": record.signer or "",
            "recipients": record.recipients or "", "file_copy": record.file_copy or "",
            "copies": record.copies, "note": record.note or "",
            "void_reason": record.void_reason or "", "by": record.by,
        }
        if record.origin == "app":
            printed = self._printed(session, record)
            if not entry["signer"]:
                entry["signer"] = (printed.get("signer") or {}).get("full_name", "")
            if not entry["file_copy"] and printed:
                entry["file_copy"] = ", ".join(
                    part for part in ("VT", printed.get("unit_abbreviation")) if part)
        return entry

    @staticmethod
    def _printed(session: Session, record: NumberRecord) -> dict[str, Any]:
        """The data of the first print of the document that carries the number ({} if it was
        not printed yet)."""
        reference = record.reference
        try:
            permit = session.get(Permit, uuid.UUID(reference.removeprefix(DECISION_REFERENCE)))
        except ValueError:
            return {}
        if permit is None:
            return {}
        kinds = (("permit-suspension", "permit-revocation")
                 if reference.startswith(DECISION_REFERENCE) else ("permit",))
        for stored in session.execute(select(IssuedDocument.data).where(
                IssuedDocument.kind.in_(kinds),
                IssuedDocument.subject_ref == f"{permit.number}@{permit.number_year}"
        )).scalars():
            data = json.loads(stored)
            if data.get("number") == record.text:
                return data
        return {}


def _limited(entry: dict[str, Any]) -> dict[str, Any]:
    """Register texts cut to their columns (a long summary is the document's, not the
    register's business)."""
    return {name: (value[:TEXT_LIMITS[name] - 1] + "…"
                   if name in TEXT_LIMITS and isinstance(value, str)
                   and len(value) > TEXT_LIMITS[name] else value)
            for name, value in entry.items()}
