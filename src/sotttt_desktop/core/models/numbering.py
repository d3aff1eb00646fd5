"""Number series: gapless, per kind, agency and period (a year, or a day for dossier codes)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer, String
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

    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    agency: Mapped[str] = mapped_column(String(32), primary_key=True)
    period: Mapped[str] = mapped_column(String(8), primary_key=True)
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(NFCString(64), nullable=False)
    state: Mapped[str] = mapped_column(String(8), nullable=False)  # issued | void
    reference: Mapped[str] = mapped_column(String(64), nullable=False)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    by: Mapped[str] = mapped_column(String(64), nullable=False)
    void_reason: Mapped[str | None] = mapped_column(NFCString(400))
