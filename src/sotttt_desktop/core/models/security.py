"""Users, their roles, and the role × area × action permission matrix (data, editable)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Boolean, ForeignKey, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sotttt_desktop.core.models.base import Base, NFCString, RecordMixin, UTCDateTime


class User(RecordMixin, Base):
    __tablename__ = "app_user"

    username: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    full_name: Mapped[str] = mapped_column(NFCString(200), nullable=False)
    unit_code: Mapped[str | None] = mapped_column(ForeignKey("unit.code"))
    district_code: Mapped[int | None] = mapped_column(ForeignKey("district.code"))
    areas: Mapped[str] = mapped_column(String(400), nullable=False, default="")  # comma-separated
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    password_hash: Mapped[str] = mapped_column(String(200), nullable=False)
    must_change_password: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    roles: Mapped[list[UserRole]] = relationship(cascade="all, delete-orphan", lazy="selectin")

    @property
    def role_names(self) -> list[str]:
        return sorted(r.role for r in self.roles)

    @property
    def area_list(self) -> list[str]:
        return [a for a in self.areas.split(",") if a]


class UserRole(Base):
    __tablename__ = "user_role"

    user_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("app_user.id"), primary_key=True)
    role: Mapped[str] = mapped_column(ForeignKey("role_definition.name"), primary_key=True)


class RoleDefinition(Base):
    __tablename__ = "role_definition"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    district_scoped: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class RoleGrant(Base):
    __tablename__ = "role_grant"

    role: Mapped[str] = mapped_column(ForeignKey("role_definition.name"), primary_key=True)
    area: Mapped[str] = mapped_column(String(32), primary_key=True)
    action: Mapped[str] = mapped_column(String(16), primary_key=True)
