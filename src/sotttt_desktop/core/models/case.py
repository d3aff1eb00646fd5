"""Declared cases (core/cases): one table pair for every kind, plus each case's clocks.

`case_file` holds the case, `case_event` its timeline with the clocks after every step, and
`case_clock` one row per clock with its due moment and status; the case keeps the soonest due
moment of its running clocks, indexed, for the "overdue" and "due soon" lists.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sotttt_desktop.core.models.base import Base, NFCString, NFCText, RecordMixin, UTCDateTime


class CaseFile(RecordMixin, Base):
    __tablename__ = "case_file"

    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    spec_version: Mapped[int] = mapped_column(Integer, nullable=False)
    code: Mapped[str] = mapped_column(String(40), nullable=False, unique=True)
    title: Mapped[str] = mapped_column(NFCString(400), nullable=False)
    party_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("party.id"))
    district_code: Mapped[int | None] = mapped_column(Integer)  # for district scoping
    state: Mapped[str] = mapped_column(String(32), nullable=False)
    variant: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    opened_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # the soonest due_at of its running clocks (None: no clock runs): lists walk this index
    due_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    data: Mapped[str] = mapped_column(NFCText, nullable=False, default="{}")  # JSON object
    # the user handling the case (who opened it, then whom a leader gives it to): with the
    # leaders, the only one who reads its confidential fields (a denouncer's identity)
    assigned_to: Mapped[str | None] = mapped_column(String(64))
    events: Mapped[list[CaseEvent]] = relationship(
        back_populates="case", order_by="CaseEvent.id", cascade="all")
    clocks: Mapped[list[CaseClock]] = relationship(
        back_populates="case", order_by="CaseClock.clock", cascade="all")

    __table_args__ = (
        Index("ix_case_file_kind_due", "kind", "due_at", "code"),  # one kind's list
        Index("ix_case_file_due_code", "due_at", "code"),
        Index("ix_case_file_opened_at", "opened_at"),
        Index("ix_case_file_party", "party_id"),
    )


class CaseClock(Base):
    """The current state of one clock; `due_at` is the last moment in time (UTC): the end of the
    due day for clocks in days, the due moment for clocks in hours."""

    __tablename__ = "case_clock"

    case_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("case_file.id"),
                                               primary_key=True)
    clock: Mapped[str] = mapped_column(String(32), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    due_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    detail: Mapped[str] = mapped_column(Text, nullable=False)  # JSON: engine.ClockState
    case: Mapped[CaseFile] = relationship(back_populates="clocks")

    __table_args__ = (Index("ix_case_clock_status_due", "status", "due_at"),)


class CaseEvent(Base):
    """One step of a case, with the state and every changed clock after it."""

    __tablename__ = "case_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("case_file.id"), nullable=False,
                                               index=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    by: Mapped[str] = mapped_column(String(64), nullable=False)
    step: Mapped[str] = mapped_column(String(32), nullable=False)
    from_state: Mapped[str | None] = mapped_column(String(32))
    to_state: Mapped[str] = mapped_column(String(32), nullable=False)
    decision: Mapped[str | None] = mapped_column(NFCString(64))
    detail: Mapped[str] = mapped_column(NFCText, nullable=False, default="")
    clocks: Mapped[str | None] = mapped_column(Text)  # JSON: the clocks this step changed
    case: Mapped[CaseFile] = relationship(back_populates="events")
