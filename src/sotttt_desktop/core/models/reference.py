"""Reference data that changes with the law: organisation profile, units, signers, divisions.

All of it is data (seeded from resources/reference/), effective-dated where the law renames things.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sotttt_desktop.core.models.base import Base, NFCString, NFCText, RecordMixin


class OrganisationProfile(RecordMixin, Base):
    """One period of the agency as it prints on its documents, valid from `effective_from` until
    the day before the next period: header lines, place name of the date line, the decision that
    founded it (cited as the first legal basis) and its units (JSON list of {code, name, kind,
    areas}). Signers are dated on their own (`Signer.active_from/until`)."""

    __tablename__ = "organisation_profile"

    effective_from: Mapped[dt.date] = mapped_column(Date, nullable=False, unique=True)
    parent_body: Mapped[str] = mapped_column(NFCString(200), nullable=False)
    parent_body_short: Mapped[str] = mapped_column(NFCString(200), nullable=False)
    agency_name: Mapped[str] = mapped_column(NFCString(200), nullable=False)
    abbreviation: Mapped[str] = mapped_column(NFCString(32), nullable=False)
    place_name: Mapped[str] = mapped_column(NFCString(100), nullable=False)
    address: Mapped[str | None] = mapped_column(NFCString(400))
    phone: Mapped[str | None] = mapped_column(NFCString(64))
    email: Mapped[str | None] = mapped_column(NFCString(200))
    website: Mapped[str | None] = mapped_column(NFCString(200))
    founding_kind: Mapped[str | None] = mapped_column(NFCString(64))  # "Quyết định"
    founding_number: Mapped[str | None] = mapped_column(NFCString(64))  # "15/2023/QĐ-UBND"
    founding_date: Mapped[dt.date | None] = mapped_column(Date)
    founding_issuer: Mapped[str | None] = mapped_column(NFCString(200))  # "Ủy ban nhân dân tỉnh …"
    founding_summary: Mapped[str | None] = mapped_column(NFCString(600))  # trích yếu
    units: Mapped[str] = mapped_column(NFCText, nullable=False, default="[]")


class Unit(RecordMixin, Base):
    """A unit of the Department (Article 4 of the Decision) or a district office."""

    __tablename__ = "unit"

    code: Mapped[str] = mapped_column(NFCString(32), nullable=False, unique=True)
    name: Mapped[str] = mapped_column(NFCString(200), nullable=False)
    kind: Mapped[str] = mapped_column(NFCString(32), nullable=False)
    areas: Mapped[str] = mapped_column(NFCString(400), nullable=False, default="")  # area keys
    district_code: Mapped[int | None] = mapped_column(ForeignKey("district.code"))
    sort_order: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class Signer(RecordMixin, Base):
    """A leader who signs, with the title and authority prefix printed in the signature block."""

    __tablename__ = "signer"

    full_name: Mapped[str] = mapped_column(NFCString(200), nullable=False)
    position: Mapped[str] = mapped_column(NFCString(200), nullable=False)
    authority: Mapped[str] = mapped_column(NFCString(64), nullable=False, default="")
    active_from: Mapped[dt.date] = mapped_column(Date, nullable=False)
    active_until: Mapped[dt.date | None] = mapped_column(Date)


class District(Base):
    """A district-level unit (official GSO code), 9 in Bình Dương in 2023."""

    __tablename__ = "district"

    code: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(NFCString(100), nullable=False)
    communes: Mapped[list[Commune]] = relationship(
        back_populates="district", order_by="Commune.name"
    )


class Commune(Base):
    """A commune-level unit (phường, xã, thị trấn) with its official code."""

    __tablename__ = "commune"

    code: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(NFCString(100), nullable=False)
    district_code: Mapped[int] = mapped_column(ForeignKey("district.code"), nullable=False, index=True)
    district: Mapped[District] = relationship(back_populates="communes")
