"""Permits, certificates and confirmations issued from dossiers, with their lineage."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Date, ForeignKey, Index, Integer, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from sotttt_desktop.core.models.base import Base, NFCString, NFCText, RecordMixin


class Permit(RecordMixin, Base):
    __tablename__ = "permit"

    # numbers restart every 1 January: "01/GP-STTTT" of 2024 and of 2026 are different permits
    number: Mapped[str] = mapped_column(NFCString(64), nullable=False)
    number_year: Mapped[int] = mapped_column(Integer, nullable=False)
    family: Mapped[str] = mapped_column(String(80), nullable=False)  # e.g. e_information.website
    action: Mapped[str] = mapped_column(String(16), nullable=False)  # issue|amend|extend|reissue
    result_kind: Mapped[str] = mapped_column(String(16), nullable=False)
    title: Mapped[str] = mapped_column(NFCString(400), nullable=False)
    area: Mapped[str] = mapped_column(String(32), nullable=False)
    holder_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("party.id"), nullable=False)
    district_code: Mapped[int | None] = mapped_column(Integer)
    subject: Mapped[str] = mapped_column(NFCString(400), nullable=False)
    details: Mapped[str] = mapped_column(NFCText, nullable=False, default="{}")  # JSON
    issued_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    valid_from: Mapped[dt.date] = mapped_column(Date, nullable=False)
    valid_until: Mapped[dt.date | None] = mapped_column(Date)  # None: no term
    state: Mapped[str] = mapped_column(String(16), nullable=False)  # valid|suspended|revoked|superseded
    dossier_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("dossier.id"))
    replaces_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("permit.id"))
    root_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)  # the first permit of the lineage
    extensions: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    decision_number: Mapped[str | None] = mapped_column(NFCString(64))
    decision_reason: Mapped[str | None] = mapped_column(NFCText)
    suspended_until: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (
        UniqueConstraint("number", "number_year"),
        Index("ix_permit_state_valid_until", "state", "valid_until"),
        Index("ix_permit_holder", "holder_id"),
        Index("ix_permit_family", "family", "issued_on"),
    )
