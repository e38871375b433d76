"""Fresh planner statistics while the server's tables grow fast.

PostgreSQL plans a push's lookups (a batch's records by key, its NIKs) from the statistics
of `record_state`; autovacuum refreshes them about once a minute at best. During a bulk
first sync (a region's offices sending their whole registry) the tables grow from nothing
to 100,000 rows in seconds, and with no statistics the planner scans every participant for
each lookup: 40–50 ms per query at 100,000 records instead of 1–2 ms (bench/sync.py, a push
of 100,000 changes took 28 s instead of 19 s). So the server itself runs ANALYZE each time
the rows it has written since it started double (5,000, 10,000, 20,000 …): a handful of runs
of ~0.1 s, then none until the tables double again.
"""

from __future__ import annotations

import logging
import threading

from sqlalchemy import Engine, text

log = logging.getLogger(__name__)

FIRST_ANALYZE_AT = 5_000
TABLES = ("record_state", "mutation_log", "change_log")


class GrowthWatch:
    """Counts rows written and runs ANALYZE when the count passes the next mark."""

    def __init__(self, first_at: int = FIRST_ANALYZE_AT) -> None:
        self._lock = threading.Lock()
        self.written = 0
        self.next_at = first_at

    def wrote(self, engine: Engine, rows: int) -> bool:
        """Note `rows` written (after commit); True when it ran ANALYZE."""
        if engine.dialect.name != "postgresql" or rows <= 0:
            return False
        with self._lock:
            self.written += rows
            if self.written < self.next_at:
                return False
            self.next_at = self.written * 2
        with engine.begin() as conn:
            conn.execute(text(f"ANALYZE {', '.join(TABLES)}"))
        log.info("ANALYZE after %d rows written", self.written)
        return True


WATCH = GrowthWatch()
