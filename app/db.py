"""Local SQLite database: engine, pragmas, read/write sessions and migrations at start-up.

Money lives here, so the pragmas favour safety (DESIGN §3): WAL for concurrent readers,
`synchronous=FULL` so a power cut cannot lose a committed payment, foreign keys on, and a
busy timeout. pysqlite's implicit, deferred BEGIN is switched off: a write session takes
`BEGIN IMMEDIATE` itself, so two writers queue on the lock instead of failing half-way.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session

from app.config import SQLITE_APPLICATION_ID
from app.dbfile import current_revision
from app.errors import StateError
from app.storage_errors import translated
from app.texts import Text

log = logging.getLogger(__name__)

# How long a writer waits for another one (BEGIN IMMEDIATE) before giving up. An import is
# one all-or-nothing transaction: 20,000 participants held the write lock for 19 s on the
# development PC, 28-38 s while other work shared its two cores (bench/import_lock.py,
# docs/benchmarks.md). Three minutes is about five times the worst of those, room for a
# slower counter PC, so a clerk's save waits for the import instead of failing; past that
# the clerk reads app.storage_errors.BUSY and the form keeps what was typed.
BUSY_TIMEOUT_MS = 180_000


def utc_now() -> datetime:
    return datetime.now(UTC)


def _pragmas(busy_timeout_ms: int) -> Callable[[Any, Any], None]:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_connection.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    return on_connect


def _on_begin(conn: Any) -> None:
    if conn.get_execution_options().get("loket_write"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def make_engine(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _pragmas(busy_timeout_ms))
    event.listen(engine, "begin", _on_begin)
    return engine


class Database:
    """One local database file: read sessions, write sessions and the clock services use.

    The clock is injectable so tests can move time (lock-out) without sleeping; so is the
    busy timeout, so a test can see a wait run out without waiting two minutes. A damaged
    file, a full disk, a read-only folder or a wait run out leave a session as a
    StorageError (app.storage_errors), which window and CLI show as one sentence.
    """

    def __init__(
        self,
        path: Path,
        clock: Callable[[], datetime] = utc_now,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> None:
        self.path = path
        self.clock = clock
        self.engine = make_engine(path, busy_timeout_ms)
        self._write_engine = self.engine.execution_options(loket_write=True)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with (
            translated(self.path),
            Session(self.engine, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session inside BEGIN IMMEDIATE: commits on success, rolls back on any error."""
        with (
            translated(self.path),
            Session(self._write_engine, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


# --- migrations -------------------------------------------------------------------------

DB_NEWER = Text(
    "Basis data dibuat oleh versi program yang lebih baru ({rev}). Perbarui program ini.",
    "The database was made by a newer version of the program ({rev}). Update this program.",
)


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def vacuum_into(source: Path, target: Path) -> Path:
    """A consistent copy of a live database (readers and writers may go on meanwhile)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(source)
    try:
        con.execute("VACUUM INTO ?", (str(target),))
    finally:
        con.close()
    return target


def upgrade(path: Path, backups: Path) -> MigrationResult:
    """Bring the database to the newest schema, first backing up an existing one.

    Alembic is imported only when a change is due, to keep start-up quick.
    """
    with translated(path):
        return _upgrade(path, backups)


def _upgrade(path: Path, backups: Path) -> MigrationResult:
    from app.migrations import HEAD

    before = current_revision(path)
    if before == HEAD:
        return MigrationResult(before, HEAD, None)
    from app.migrations import known_revisions

    if before is not None and before not in known_revisions():
        raise StateError(DB_NEWER, rev=before)
    backup = None
    if before is not None:
        stamp = utc_now().strftime("%Y%m%d-%H%M%S")
        backup = vacuum_into(path, backups / f"pre-upgrade-{before}-{stamp}.db")
        log.info("backed up %s to %s before upgrade", path, backup)
    from app.migrations import run_upgrade

    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(f"PRAGMA application_id = {SQLITE_APPLICATION_ID}")
            run_upgrade(conn)
            conn.commit()
    finally:
        engine.dispose()
    log.info("database %s upgraded from %s to %s", path, before, HEAD)
    return MigrationResult(before, HEAD, backup)


def open_database(path: Path, backups: Path) -> Database:
    upgrade(path, backups)
    return Database(path)
