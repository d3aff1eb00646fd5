"""Number series: gapless, per series, agency and period (a year, or a day for dossier codes).

`NumberRecord` is also the register of outgoing documents (sổ đăng ký văn bản đi, ND 30/2020
Art. 15, Phụ lục IV): every number handed out by the app or taken outside it (on paper, recorded
by the Văn thư), and every voided one. Its key makes a number unique in its series and year; the
text (number and symbol) is unique in the agency's year.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sotttt_desktop.core.models.base import Base, NFCString, UTCDateTime


class NumberSeries(Base):
    __tablename__ = "number_series"

    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    agency: Mapped[str] = mapped_column(String(32), primary_key=True)
    period: Mapped[str] = mapped_column(String(8), primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, nullable=False)


class NumberRecord(Base):
    """Every number handed out, and whether it was later voided (never reused)."""

    __tablename__ = "number_record"
    __table_args__ = (UniqueConstraint("agency", "period", "text"),)

    kind: Mapped[str] = mapped_column(String(32), primary_key=True)  # the series
    agency: Mapped[str] = mapped_column(String(32), primary_key=True)
    period: Mapped[str] = mapped_column(String(8), primary_key=True)
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(NFCString(64), nullable=False)
    state: Mapped[str] = mapped_column(String(8), nullable=False)  # issued | void
    reference: Mapped[str] = mapped_column(String(64), nullable=False)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    by: Mapped[str] = mapped_column(String(64), nullable=False)
    void_reason: Mapped[str | None] = mapped_column(NFCString(400))
    # the register's columns (ND 30/2020 Phụ lục IV); "app": numbered here, "outside": taken
    # outside the application and recorded by the Văn thư, "reserved": a number between the
    # last one here and a number recorded from outside, not yet described
    origin: Mapped[str] = mapped_column(String(8), nullable=False, server_default="app")
    document_kind: Mapped[str | None] = mapped_column(NFCString(32))  # the symbol: QĐ, GP…
    document_date: Mapped[dt.date | None] = mapped_column(Date)
    summary: Mapped[str | None] = mapped_column(NFCString(400))  # tên loại và trích yếu
    signer: Mapped[str | None] = mapped_column(NFCString(120))
    recipients: Mapped[str | None] = mapped_column(NFCString(400))
    file_copy: Mapped[str | None] = mapped_column(NFCString(120))  # đơn vị, người nhận bản lưu
    copies: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(NFCString(400))
