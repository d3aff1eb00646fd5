"""Documents as issued: the plain data a template drew, so a reprint gives the same file."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Integer, LargeBinary, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from sotttt_desktop.core.models.base import Base, NFCString, NFCText, UTCDateTime


class IssuedDocument(Base):
    """The first print of a result document or a receipt fixes its data and keeps its file
    (`pdf`, since migration 0035): a reprint gives those bytes whatever the form, the font or
    the software became since, each one logged as a reprint. Documents issued before 0035
    have no file: their data is rendered again and must give the same bytes (`sha256`)."""

    __tablename__ = "issued_document"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    kind: Mapped[str] = mapped_column(String(40), nullable=False)  # template kind
    subject_ref: Mapped[str] = mapped_column(NFCString(80), nullable=False)  # permit, dossier
    area: Mapped[str] = mapped_column(String(32), nullable=False)
    template_version: Mapped[str] = mapped_column(String(16), nullable=False)
    font: Mapped[str] = mapped_column(String(64), nullable=False)
    data: Mapped[str] = mapped_column(NFCText, nullable=False)  # JSON
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    pages: Mapped[int] = mapped_column(Integer, nullable=False)
    issued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    issued_by: Mapped[str] = mapped_column(String(64), nullable=False)
    prints: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    # the file as issued; deferred: lists of issued documents never load it
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)

    __table_args__ = (UniqueConstraint("kind", "subject_ref"),)
