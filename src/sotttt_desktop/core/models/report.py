"""Reports as sent (REFERENCE-2 §11): one row per report of the calendar and period, with the
data it was drawn from frozen when it was sent, so that a report printed again a year later
shows the figures the province received, not today's."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Date, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from sotttt_desktop.core.models.base import Base, NFCString, NFCText, UTCDateTime


class ReportInstance(Base):
    __tablename__ = "report_instance"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    report_key: Mapped[str] = mapped_column(String(40), nullable=False)  # report_calendar.toml
    period_ref: Mapped[str] = mapped_column(String(40), nullable=False)  # core.report_periods
    period_start: Mapped[dt.date] = mapped_column(Date, nullable=False)
    period_end: Mapped[dt.date] = mapped_column(Date, nullable=False)
    document_kind: Mapped[str | None] = mapped_column(String(40))
    snapshot: Mapped[str | None] = mapped_column(NFCText)  # JSON: the data printed
    number: Mapped[str | None] = mapped_column(NFCString(60))  # "12/BC-STTTT"
    signer: Mapped[str] = mapped_column(NFCString(120), nullable=False)
    sent_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    channel: Mapped[str] = mapped_column(String(24), nullable=False)
    note: Mapped[str | None] = mapped_column(NFCText)
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    recorded_by: Mapped[str] = mapped_column(String(64), nullable=False)

    __table_args__ = (UniqueConstraint("report_key", "period_ref"),)
