"""Registers of the press, radio and TV area (Art. 3(4) of the Decision)."""

from __future__ import annotations

from sqlalchemy import Index
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
