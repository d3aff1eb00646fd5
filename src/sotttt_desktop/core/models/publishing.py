"""Registers of the publishing, printing and distribution area (Art. 3(5) of the Decision)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from sotttt_desktop.core.models.base import Base, NFCString, NFCText, RecordMixin
from sotttt_desktop.core.models.licensed import LicensedMixin


class PrintingFacility(RecordMixin, Base):
    """A printing facility: licensed (Giấy phép hoạt động in) or registered (Đăng ký hoạt động
    cơ sở in), one per tax code; kept up to date from the permits issued to it."""

    __tablename__ = "printing_facility"

    tax_code: Mapped[str] = mapped_column(String(14), nullable=False, unique=True)
    name: Mapped[str] = mapped_column(NFCString(300), nullable=False)
    sort_name: Mapped[str] = mapped_column(String(300), nullable=False)
    owner: Mapped[str | None] = mapped_column(NFCString(200))
    address: Mapped[str | None] = mapped_column(NFCString(400))
    district_code: Mapped[int] = mapped_column(ForeignKey("district.code"), nullable=False)
    commune_code: Mapped[int | None] = mapped_column(ForeignKey("commune.code"))
    phone: Mapped[str | None] = mapped_column(String(32))
    licence_kind: Mapped[str] = mapped_column(String(16), nullable=False)  # permit|registration
    licence_no: Mapped[str | None] = mapped_column(NFCString(64))
    licence_date: Mapped[dt.date | None] = mapped_column(Date)
    equipment: Mapped[str | None] = mapped_column(NFCText)
    products: Mapped[str | None] = mapped_column(NFCText)
    state: Mapped[str] = mapped_column(String(16), nullable=False)  # active|suspended|ceased
    note: Mapped[str | None] = mapped_column(NFCText)
    party_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("party.id"))
    permit_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("permit.id"))
    permits: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    __table_args__ = (
        Index("ix_printing_facility_sort_name", "sort_name"),
        Index("ix_printing_facility_district", "district_code", "sort_name"),
        Index("ix_printing_facility_state", "state", "sort_name"),
        Index("ix_printing_facility_licence_date", "licence_date"),
    )


class ColourCopier(LicensedMixin, RecordMixin, Base):
    """A colour photocopier or colour printer registered for use (one per serial number)."""

    __tablename__ = "colour_copier"

    serial_no: Mapped[str] = mapped_column(NFCString(64), nullable=False, unique=True)
    make_model: Mapped[str | None] = mapped_column(NFCString(200))
    machine_kind: Mapped[str] = mapped_column(String(16), nullable=False)  # copier|printer
    location: Mapped[str | None] = mapped_column(NFCString(400))

    __table_args__ = (
        Index("ix_colour_copier_sort_name", "sort_name"),
        Index("ix_colour_copier_district", "district_code", "sort_name"),
        Index("ix_colour_copier_state", "state", "sort_name"),
    )


class Distributor(LicensedMixin, RecordMixin, Base):
    """A publication distributor whose registration the Department confirmed (per tax code)."""

    __tablename__ = "distributor"

    tax_code: Mapped[str] = mapped_column(String(14), nullable=False, unique=True)
    holder_tax_code = None  # type: ignore[assignment] - the holder's tax code is tax_code
    outlets: Mapped[str | None] = mapped_column(NFCText)

    __table_args__ = (
        Index("ix_distributor_sort_name", "sort_name"),
        Index("ix_distributor_district", "district_code", "sort_name"),
        Index("ix_distributor_state", "state", "sort_name"),
    )


class NonBusinessPublication(LicensedMixin, RecordMixin, Base):
    """A non-business publication (tài liệu không kinh doanh) licensed for publishing."""

    __tablename__ = "nonbusiness_publication"

    title: Mapped[str] = mapped_column(NFCString(400), nullable=False, unique=True)
    author: Mapped[str | None] = mapped_column(NFCString(300))
    pages: Mapped[str | None] = mapped_column(NFCString(64))
    size: Mapped[str | None] = mapped_column(NFCString(64))
    print_run: Mapped[str | None] = mapped_column(NFCString(64))
    printer: Mapped[str | None] = mapped_column(NFCString(300))
    manuscript_copies: Mapped[str | None] = mapped_column(NFCString(64))

    __table_args__ = (Index("ix_nonbusiness_publication_sort_name", "sort_name"),
                      Index("ix_nonbusiness_publication_district", "district_code", "sort_name"),
                      Index("ix_nonbusiness_publication_state", "state", "sort_name"))


class PublicationImport(LicensedMixin, RecordMixin, Base):
    """A licence to import non-business publications, with its list of titles."""

    __tablename__ = "publication_import"

    reference: Mapped[str] = mapped_column(NFCString(64), nullable=False, unique=True)
    titles: Mapped[str] = mapped_column(NFCText, nullable=False)
    copies: Mapped[str | None] = mapped_column(NFCString(64))
    origin: Mapped[str | None] = mapped_column(NFCString(200))
    purpose: Mapped[str | None] = mapped_column(NFCText)

    __table_args__ = (Index("ix_publication_import_sort_name", "sort_name"),
                      Index("ix_publication_import_district", "district_code", "sort_name"),
                      Index("ix_publication_import_state", "state", "sort_name"))


class BookFair(LicensedMixin, RecordMixin, Base):
    """A book fair or exhibition of publications licensed by the Department."""

    __tablename__ = "book_fair"

    fair_name: Mapped[str] = mapped_column(NFCString(300), nullable=False, unique=True)
    venue: Mapped[str | None] = mapped_column(NFCString(400))
    starts_on: Mapped[dt.date | None] = mapped_column(Date)
    ends_on: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (Index("ix_book_fair_sort_name", "sort_name"),
                      Index("ix_book_fair_district", "district_code", "sort_name"),
                      Index("ix_book_fair_state", "state", "sort_name"))


class PublicationDeposit(RecordMixin, Base):
    """A legal-deposit copy of a publication licensed here, and the result of reading it."""

    __tablename__ = "publication_deposit"

    deposit_no: Mapped[str] = mapped_column(NFCString(64), nullable=False, unique=True)
    title: Mapped[str] = mapped_column(NFCString(400), nullable=False)
    sort_name: Mapped[str] = mapped_column(String(300), nullable=False)
    publisher: Mapped[str | None] = mapped_column(NFCString(300))
    licence_no: Mapped[str | None] = mapped_column(NFCString(64))
    received_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    copies: Mapped[str | None] = mapped_column(NFCString(32))
    reviewer: Mapped[str | None] = mapped_column(NFCString(200))
    result: Mapped[str] = mapped_column(String(16), nullable=False)
    findings: Mapped[str | None] = mapped_column(NFCText)

    __table_args__ = (Index("ix_publication_deposit_sort_name", "sort_name"),
                      Index("ix_publication_deposit_received_on", "received_on"),
                      Index("ix_publication_deposit_result", "result", "received_on"))


class PublishingMeasure(RecordMixin, Base):
    """A suspension, stop, recall, confiscation, ban or destruction (Art. 3(5)(đ)–(e)), linked
    to the register record it concerns."""

    __tablename__ = "publishing_measure"

    decision_no: Mapped[str] = mapped_column(NFCString(64), nullable=False, unique=True)
    decided_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    measure: Mapped[str] = mapped_column(String(24), nullable=False)
    target_register: Mapped[str] = mapped_column(String(40), nullable=False)
    target_key: Mapped[str] = mapped_column(NFCString(400), nullable=False)
    target_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    sort_name: Mapped[str] = mapped_column(String(300), nullable=False)
    authority: Mapped[str | None] = mapped_column(NFCString(300))
    reason: Mapped[str | None] = mapped_column(NFCText)
    until: Mapped[dt.date | None] = mapped_column(Date)
    district_code: Mapped[int | None] = mapped_column(ForeignKey("district.code"))

    __table_args__ = (Index("ix_publishing_measure_decided_on", "decided_on"),
                      Index("ix_publishing_measure_target", "target_register", "target_id"),
                      Index("ix_publishing_measure_sort_name", "sort_name"),
                      Index("ix_publishing_measure_kind", "measure", "decided_on"))
