"""The global search index: one row per searchable record, with its folded text.

On SQLite an FTS5 table (`search_fts`, created by the migration) mirrors the folded title and text
through triggers; on PostgreSQL the service searches them with LIKE. The index is derived data: it can be rebuilt.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import BigInteger, Date, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from sotttt_desktop.core.models.base import Base, NFCString


class SearchEntry(Base):
    __tablename__ = "search_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(32), nullable=False)
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid, nullable=False)
    title: Mapped[str] = mapped_column(NFCString(300), nullable=False)
    subtitle: Mapped[str | None] = mapped_column(NFCString(400))
    district_code: Mapped[int | None] = mapped_column(Integer, index=True)  # for district scoping
    folded_title: Mapped[str] = mapped_column(Text, nullable=False)
    folded: Mapped[str] = mapped_column(Text, nullable=False)  # the other searchable text

    __table_args__ = (UniqueConstraint("kind", "entity_id"),)


class RowCount(Base):
    """Rows of a table, kept by database triggers: a register opens without COUNT(*)."""

    __tablename__ = "row_count"

    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    n: Mapped[int] = mapped_column(BigInteger, nullable=False)


class AppState(Base):
    """Small facts about this database itself (e.g. `restored_from`), as text."""

    __tablename__ = "app_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class CalendarOverride(Base):
    """An administrator's correction of the working calendar: `off` or `work` on a day."""

    __tablename__ = "calendar_override"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), nullable=False)
    reason: Mapped[str] = mapped_column(NFCString(200), nullable=False)
    created_by: Mapped[str | None] = mapped_column(String(64))
