"""One sync cycle as the window and the CLI run it: push, pull, then settle what the
office's services derive from synced records (a follow-up's status, app.services.followups).

The sync engine (app.sync) moves records and knows no business rule; a rule whose result
depends on records made at two counters offline is applied here, once both are on this PC.
"""

from __future__ import annotations

from app.db import Database
from app.services.followups import settle_statuses
from app.sync.client import run_cycle
from app.sync.report import CycleReport
from app.sync.transport import Transport

SETTLED_BY = frozenset({"follow_up", "participant"})


def sync_now(db: Database, transport: Transport | None = None) -> CycleReport:
    report = run_cycle(db, transport)
    if report.ok and report.entities & SETTLED_BY:
        settle_statuses(db)  # pushed at the next cycle, like any change made here
    return report
