"""Declarative base, naming convention and the columns every synced table carries.

`SyncMixin` is what makes a table take part in sync (DESIGN §3): an id made on the device,
the owning office, timestamps, a version that counts changes, the hybrid logical clock of
the last change and a tombstone instead of deletion. The unit of work fills these columns
and writes the outbox; services never set them by hand.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, Integer, MetaData, String, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.db_naming import NAMING


class UtcDateTime(TypeDecorator[datetime]):
    """Stores UTC without zone (SQLite has none) and always hands back an aware UTC time."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class SyncMixin:
    """Columns of a synced row. `version` starts at 1 and grows by one per change."""

    __sync_entity__: str  # name used in the outbox and on the wire

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    office_code: Mapped[str] = mapped_column(String(8), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)
    hlc: Mapped[str] = mapped_column(String(64))
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)


SYNC_COLUMNS = frozenset(
    {"id", "office_code", "created_at", "updated_at", "version", "hlc", "deleted_at"}
)
