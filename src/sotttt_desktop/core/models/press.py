"""Registers of the press, radio and TV area (Art. 3(4) of the Decision)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from sotttt_desktop.core.models.base import Base, NFCString, NFCText, RecordMixin
from sotttt_desktop.core.models.licensed import LicensedMixin


class NewsBulletin(LicensedMixin, RecordMixin, Base):
    """A news bulletin (bản tin) licensed by the Department; its name is unique in the province."""

    __tablename__ = "news_bulletin"

    title: Mapped[str] = mapped_column(NFCString(300), nullable=False, unique=True)
    responsible: Mapped[str | None] = mapped_column(NFCString(200))
    purpose: Mapped[str | None] = mapped_column(NFCText)
    periodicity: Mapped[str | None] = mapped_column(NFCString(100))
    format: Mapped[str | None] = mapped_column(NFCString(100))
    print_run: Mapped[str | None] = mapped_column(NFCString(100))
    language: Mapped[str | None] = mapped_column(NFCString(100))
    distribution: Mapped[str | None] = mapped_column(NFCString(200))

    __table_args__ = (
        Index("ix_news_bulletin_sort_name", "sort_name"),
        Index("ix_news_bulletin_district", "district_code", "sort_name"),
        Index("ix_news_bulletin_state", "state", "sort_name"),
    )


class TvroReceiver(LicensedMixin, RecordMixin, Base):
    """A registered receiver of foreign satellite TV (TVRO), per registration certificate."""

    __tablename__ = "tvro_receiver"

    site: Mapped[str] = mapped_column(NFCString(300), nullable=False, unique=True)
    channels: Mapped[str | None] = mapped_column(NFCText)

    __table_args__ = (
        Index("ix_tvro_receiver_sort_name", "sort_name"),
        Index("ix_tvro_receiver_district", "district_code", "sort_name"),
        Index("ix_tvro_receiver_state", "state", "sort_name"),
    )


class PressConference(RecordMixin, Base):
    """A notice of a press conference held in the province (24 hours ahead; no answer from the
    Department means it may go ahead)."""

    __tablename__ = "press_conference"

    notice_no: Mapped[str] = mapped_column(NFCString(64), nullable=False, unique=True)
    organiser: Mapped[str] = mapped_column(NFCString(300), nullable=False)
    sort_name: Mapped[str] = mapped_column(String(300), nullable=False)
    organiser_kind: Mapped[str] = mapped_column(String(16), nullable=False)  # domestic|foreign
    notified_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    notified_time: Mapped[str | None] = mapped_column(String(5))
    held_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    held_time: Mapped[str | None] = mapped_column(String(5))
    place: Mapped[str] = mapped_column(NFCString(400), nullable=False)
    district_code: Mapped[int | None] = mapped_column(ForeignKey("district.code"))
    content: Mapped[str | None] = mapped_column(NFCText)
    chairperson: Mapped[str | None] = mapped_column(NFCString(200))
    answer: Mapped[str] = mapped_column(String(16), nullable=False)  # none|agreed|objected
    answer_no: Mapped[str | None] = mapped_column(NFCString(64))
    note: Mapped[str | None] = mapped_column(NFCText)

    __table_args__ = (Index("ix_press_conference_held_on", "held_on"),
                      Index("ix_press_conference_sort_name", "sort_name"),
                      Index("ix_press_conference_district", "district_code", "held_on"))


class RepresentativeOffice(RecordMixin, Base):
    """A representative office of a press agency in the province and the checks of its
    operating conditions (Art. 3(4)(d) of the Decision)."""

    __tablename__ = "press_office"

    agency: Mapped[str] = mapped_column(NFCString(300), nullable=False, unique=True)
    sort_name: Mapped[str] = mapped_column(String(300), nullable=False)
    head: Mapped[str | None] = mapped_column(NFCString(200))
    address: Mapped[str | None] = mapped_column(NFCString(400))
    district_code: Mapped[int | None] = mapped_column(ForeignKey("district.code"))
    phone: Mapped[str | None] = mapped_column(String(32))
    approval_no: Mapped[str | None] = mapped_column(NFCString(64))
    approval_date: Mapped[dt.date | None] = mapped_column(Date)
    checked_on: Mapped[dt.date | None] = mapped_column(Date)
    check_result: Mapped[str] = mapped_column(String(16), nullable=False)
    state: Mapped[str] = mapped_column(String(16), nullable=False)
    note: Mapped[str | None] = mapped_column(NFCText)

    __table_args__ = (Index("ix_press_office_sort_name", "sort_name"),
                      Index("ix_press_office_district", "district_code", "sort_name"),
                      Index("ix_press_office_state", "state", "sort_name"))


class PressDepositReview(RecordMixin, Base):
    """A legal-deposit issue of local press received and read (Art. 3(4)(a))."""

    __tablename__ = "press_deposit"

    deposit_no: Mapped[str] = mapped_column(NFCString(64), nullable=False, unique=True)
    publication: Mapped[str] = mapped_column(NFCString(300), nullable=False)
    sort_name: Mapped[str] = mapped_column(String(300), nullable=False)
    issue: Mapped[str | None] = mapped_column(NFCString(64))
    received_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    reviewer: Mapped[str | None] = mapped_column(NFCString(200))
    result: Mapped[str] = mapped_column(String(16), nullable=False)
    findings: Mapped[str | None] = mapped_column(NFCText)
    follow_up: Mapped[str | None] = mapped_column(NFCText)

    __table_args__ = (Index("ix_press_deposit_sort_name", "sort_name"),
                      Index("ix_press_deposit_received_on", "received_on"),
                      Index("ix_press_deposit_result", "result", "received_on"))
