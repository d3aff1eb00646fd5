"""Parties: organisations and individuals, through the generic register operations."""

from __future__ import annotations

import contextlib
import uuid
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select

from sotttt_desktop.core.models import Party
from sotttt_desktop.errors import NotFoundError
from sotttt_desktop.i18n import _
from sotttt_desktop.registers import get_register
from sotttt_desktop.services.registers import RegisterFilter

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services

REGISTER = "parties"


class PartyService:
    def __init__(self, services: Services):
        self._services = services

    def add(self, **raw: object) -> dict[str, Any]:
        return self._services.registers.create(REGISTER, raw)

    def update(self, party_id: uuid.UUID, expected_version: int, **raw: object) -> dict[str, Any]:
        return self._services.registers.update(REGISTER, party_id, raw, expected_version)

    def get(self, party_id: uuid.UUID) -> dict[str, Any]:
        return self._services.registers.record(REGISTER, party_id)

    def name_of(self, kept: uuid.UUID | str) -> str:
        """The name of the party an id refers to, as a document names it (no tax code); a text
        kept from before a field referred to the register is that text."""
        try:
            party_id = kept if isinstance(kept, uuid.UUID) else uuid.UUID(str(kept))
        except ValueError:
            return str(kept)
        return self.get(party_id)["name"]

    def find(self, identifier: str) -> uuid.UUID:
        """The one party with this tax code, citizen ID or id that the actor may see (a district
        officer: only a party of the officer's district)."""
        services = self._services
        services.require(get_register(REGISTER).area, "view")
        text = identifier.strip()
        conditions = [Party.tax_code == text, Party.citizen_id == text]
        with contextlib.suppress(ValueError):
            conditions.append(Party.id == uuid.UUID(text))
        statement = select(Party.id).where(or_(*conditions))
        if services.actor.district_scoped:
            statement = statement.where(Party.district_code == services.actor.district_code)
        with services.db.session() as session:
            found = session.execute(statement.limit(2)).scalars().all()
        if len(found) != 1:
            raise NotFoundError(_("No organisation or individual with tax code, citizen ID or id "
                                  "{value}. Add it first: sotttt-desktop party add.").format(
                value=text))
        return found[0]

    def list(self, *, limit: int = 100, offset: int = 0, kind: str | None = None,
             district_code: int | None = None, text: str = "") -> list[dict[str, Any]]:
        equals: dict[str, Any] = {}
        if kind:
            equals["kind"] = kind
        if district_code is not None:
            equals["district_code"] = district_code
        registers = self._services.registers
        rows = registers.page(REGISTER, offset, limit, flt=RegisterFilter(text, equals))
        return registers.records(REGISTER, [row.id for row in rows])

    def as_json(self, record: dict[str, Any]) -> dict[str, Any]:
        reference = self._services.reference
        data = {key: value for key, value in record.items()}
        data["id"] = str(record["id"])
        for key in ("created_at", "updated_at"):
            data[key] = record[key].isoformat() if record.get(key) else None
        if record.get("date_of_birth"):
            data["date_of_birth"] = record["date_of_birth"].isoformat()
        data["district"] = reference.district_name(record.get("district_code")) or None
        data["commune"] = reference.commune_name(record.get("commune_code")) or None
        return data
