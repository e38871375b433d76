"""This PC's link to the central server (local, never synced)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UtcDateTime

# LocalSetting keys of the recovery after `loket restore` (app.sync.client.recover):
SYNC_RECOVERY_KEY = "sync_recovery"  # restored from a backup: renumber, then pull everything
SYNC_FULL_PULL_KEY = "sync_full_pull"  # pulling everything, this PC's own changes included


class SyncLink(Base):
    """Where and as whom this PC syncs, how far it has pulled, and how the last try went."""

    __tablename__ = "sync_link"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    server_url: Mapped[str] = mapped_column(String(300))
    device_id: Mapped[str] = mapped_column(String(36))
    token: Mapped[str] = mapped_column(String(200))
    office_code: Mapped[str] = mapped_column(String(8))
    is_hq: Mapped[bool] = mapped_column(Boolean, default=False)
    cursor: Mapped[int] = mapped_column(Integer, default=0)
    enrolled_at: Mapped[datetime] = mapped_column(UtcDateTime())
    last_success_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
    last_error_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    # The newest audit event of this PC the server holds, from the last push answer:
    # `loket check` verifies the local chain still reaches it (app.sync.anchor).
    anchor_seq: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    anchor_hash: Mapped[str] = mapped_column(String(64), default="0" * 64, server_default="0" * 64)
