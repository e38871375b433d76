"""Tables that belong to this PC only and never sync: its identity, settings, login guard."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UtcDateTime


class Device(Base):
    """The single row saying which office and counter this database belongs to."""

    __tablename__ = "device"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36), unique=True)
    office_code: Mapped[str] = mapped_column(String(8))
    device_no: Mapped[int] = mapped_column(Integer)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    last_hlc: Mapped[str | None] = mapped_column(String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class LocalSetting(Base):
    __tablename__ = "local_setting"
    __announce__ = "settings"  # what a change announces to the window (app.changes)

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON


class LoginGuard(Base):
    """Wrong-password count and lock of one account on this PC."""

    __tablename__ = "login_guard"
    __announce__ = "staff"  # a lock shows in the staff list

    staff_id: Mapped[str] = mapped_column(ForeignKey("staff.id"), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
