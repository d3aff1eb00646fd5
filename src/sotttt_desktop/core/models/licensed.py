"""Columns shared by the registers of licensed or registered things (a bulletin, a photocopier,
a distributor, a TVRO receiver…): who holds it, where, under which document, in which state."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Date, ForeignKey, Integer, String, Uuid
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from sotttt_desktop.core.models.base import NFCString, NFCText


class LicensedMixin:
    holder_name: Mapped[str] = mapped_column(NFCString(300), nullable=False)
    holder_tax_code: Mapped[str | None] = mapped_column(String(14))
    sort_name: Mapped[str] = mapped_column(String(300), nullable=False)
    address: Mapped[str | None] = mapped_column(NFCString(400))
    phone: Mapped[str | None] = mapped_column(String(32))
    licence_no: Mapped[str | None] = mapped_column(NFCString(64))
    licence_date: Mapped[dt.date | None] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(16), nullable=False)  # active|suspended|ceased
    note: Mapped[str | None] = mapped_column(NFCText)
    permits: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    @declared_attr
    def district_code(cls) -> Mapped[int | None]:  # noqa: N805
        return mapped_column(ForeignKey("district.code"))

    @declared_attr
    def commune_code(cls) -> Mapped[int | None]:  # noqa: N805
        return mapped_column(ForeignKey("commune.code"))

    @declared_attr
    def party_id(cls) -> Mapped[uuid.UUID | None]:  # noqa: N805
        return mapped_column(Uuid, ForeignKey("party.id"))

    @declared_attr
    def permit_id(cls) -> Mapped[uuid.UUID | None]:  # noqa: N805
        return mapped_column(Uuid, ForeignKey("permit.id"))
