"""Branch office (reference data, the same rows on every device)."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin


class Office(SyncMixin, Base):
    __tablename__ = "office"
    __sync_entity__ = "office"

    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    region_code: Mapped[str] = mapped_column(String(16))
