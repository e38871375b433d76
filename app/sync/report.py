"""What a sync cycle did and where this PC's sync stands: plain data for the window and
the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass
class CycleReport:
    pushed: int = 0
    applied: int = 0
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[dict[str, Any]] = field(default_factory=list)
    held: int = 0
    pulled: int = 0
    skipped_pending: int = 0
    pull_problems: list[str] = field(default_factory=list)
    # Record types this cycle wrote here (pulled, or answered to a push): the pages showing
    # them refresh (app.ui.sync_runner).
    entities: set[str] = field(default_factory=set)
    ok: bool = False
    error: str | None = None


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server_url: str | None
    pending: int
    failed: int
    last_success: datetime | None
    last_error: str | None
    revoked: bool
    cursor: int
