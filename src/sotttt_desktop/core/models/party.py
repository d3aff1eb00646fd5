"""Parties: the organisations and individuals the Department deals with."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from sotttt_desktop.core.models.base import Base, NFCString, RecordMixin

PARTY_KINDS = ("org", "person")


class Party(RecordMixin, Base):
    """An organisation (tax code) or an individual (citizen ID); deduplicated by those numbers."""

    __tablename__ = "party"

    kind: Mapped[str] = mapped_column(String(8), nullable=False)
    name: Mapped[str] = mapped_column(NFCString(300), nullable=False)
    # folded, for ordering; byte order on PostgreSQL too, so both databases sort alike
    sort_name: Mapped[str] = mapped_column(
        String(300).with_variant(String(300, collation="C"), "postgresql"), nullable=False)
    tax_code: Mapped[str | None] = mapped_column(String(14))
    registration_no: Mapped[str | None] = mapped_column(NFCString(64))
    citizen_id: Mapped[str | None] = mapped_column(String(12))
    date_of_birth: Mapped[dt.date | None] = mapped_column(Date)
    address: Mapped[str | None] = mapped_column(NFCString(400))
    district_code: Mapped[int | None] = mapped_column(ForeignKey("district.code"))
    commune_code: Mapped[int | None] = mapped_column(ForeignKey("commune.code"))
    legal_representative: Mapped[str | None] = mapped_column(NFCString(200))
    phone: Mapped[str | None] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(NFCString(200))
    archived: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)

    __table_args__ = (
        Index("ix_party_sort_name", "sort_name", "id"),
        Index("ix_party_kind_sort_name", "kind", "sort_name", "id"),
        Index("ix_party_district_sort_name", "district_code", "sort_name", "id"),
        Index("ix_party_created_at", "created_at", "id"),
        Index(
            "uq_party_tax_code",
            "tax_code",
            unique=True,
            sqlite_where=text("tax_code IS NOT NULL"),
            postgresql_where=text("tax_code IS NOT NULL"),
        ),
        Index(
            "uq_party_citizen_id",
            "citizen_id",
            unique=True,
            sqlite_where=text("citizen_id IS NOT NULL"),
            postgresql_where=text("citizen_id IS NOT NULL"),
        ),
    )
