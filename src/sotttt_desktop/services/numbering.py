"""Document numbers and dossier codes for this agency (the abbreviation of the profile in force)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import select

from sotttt_desktop.core import audit
from sotttt_desktop.core.models import NumberRecord
from sotttt_desktop.core.numbering import (
    document_number_text,
    dossier_code_text,
    next_number,
    void_number,
)
from sotttt_desktop.core.text import clean
from sotttt_desktop.errors import NotFoundError, ValidationError
from sotttt_desktop.i18n import LOCAL_TZ, _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sotttt_desktop.services.facade import Services


class NumberingService:
    def __init__(self, services: Services):
        self._services = services

    def agency(self, on: dt.date | None = None) -> str:
        return self._services.reference.profile(on)["abbreviation"]

    def document_number(self, session: Session, symbol: str, *, reference: str,
                        on: dt.date | None = None, agency: str | None = None
                        ) -> tuple[int, str]:
        """The next number of `symbol` documents this year, inside the caller's transaction.

        Pass `agency` (read before the transaction) when holding a write transaction: reading
        the profile then would need a second connection while the first holds the lock."""
        on = on or dt.datetime.now(LOCAL_TZ).date()
        agency = agency or self.agency(on)
        return next_number(session, symbol, agency, str(on.year), reference=reference,
                           username=self._services.actor.username,
                           text_of=lambda n: document_number_text(n, symbol, agency))

    def dossier_code(self, session: Session, day: dt.date, *, reference: str,
                     agency: str | None = None) -> str:
        agency = agency or self.agency(day)
        _number, text = next_number(session, "dossier", agency, f"{day:%y%m%d}",
                                    reference=reference, username=self._services.actor.username,
                                    text_of=lambda n: dossier_code_text(n, agency, day))
        return text

    def void(self, text: str, reason: str) -> None:
        """Withdraw an issued number (a document cancelled before it left): recorded, not reused."""
        self._services.require("admin", "administer")
        reason = clean(reason) or ""
        if not reason:
            raise ValidationError(_("Give the reason (e.g. the decision that moved the day)."))
        with self._services.db.session(write=True) as session:
            record = session.execute(select(NumberRecord).where(NumberRecord.text == text)
                                     ).scalar_one_or_none()
            if record is None:
                raise NotFoundError(_("There is no document number {number}.").format(number=text))
            void_number(session, record.kind, record.agency, record.period, record.number,
                        reason=reason)
            audit.append(session, username=self._services.actor.username, action="void_number",
                         entity_kind="number", entity_id=text, summary=reason)
            session.commit()

    def records(self, kind: str, year: int) -> list[dict]:
        with self._services.db.session() as session:
            rows = session.execute(select(NumberRecord).where(
                NumberRecord.kind == kind, NumberRecord.period == str(year)
            ).order_by(NumberRecord.number)).scalars().all()
            return [{"number": r.number, "text": r.text, "state": r.state,
                     "reference": r.reference} for r in rows]
