"""What every window shares: the data dir, the database (opened lazily) and one
"data changed" signal.

The database object needs SQLAlchemy, which the first window must not wait for; `db` opens
it on first use (from a worker thread at sign-in, or from `preload` once the first window
is painted), guarded by a lock because both may happen at once.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.services.startup import StartupInfo, read_startup_info

if TYPE_CHECKING:
    from app.db import Database

log = logging.getLogger(__name__)


class AppContext(QObject):
    """Shared state of the running program.

    Signals:
        data_changed(object): a frozenset of entity names ("staff", "settings", ...)
            that a committed action changed; each page decides whether to refresh.
    """

    data_changed = Signal(object)

    def __init__(
        self,
        db_path: Path,
        backups_dir: Path,
        db: Database | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`db` may be given (tests pass one with a movable clock); else it opens lazily."""
        super().__init__(parent)
        self.db_path = db_path
        self.backups_dir = backups_dir
        self._db = db
        self._owns_db = db is None
        self._lock = threading.Lock()
        from app.ui import tasks

        tasks.hub().changed.connect(self.changed)  # every action's changes, announced

    def startup_info(self) -> StartupInfo:
        """Office, counter, DEMO mark and language, read with plain sqlite3."""
        return read_startup_info(self.db_path)

    @property
    def db(self) -> Database:
        """The database, migrated to the newest schema and opened on first use."""
        with self._lock:
            if self._db is None:
                from app.db import open_database

                self._db = open_database(self.db_path, self.backups_dir)
            return self._db

    def preload(self) -> None:
        """Import the heavy modules and open the database while the user is typing."""
        import app.services.auth
        import app.services.home  # noqa: F401

        if self.db_path.exists():
            _ = self.db

    def changed(self, entities: frozenset[str] | set[str]) -> None:
        """Announce what a committed action changed (called in the UI thread)."""
        if entities:
            self.data_changed.emit(frozenset(entities))

    def close(self) -> None:
        from app.ui import tasks

        # a closed context hears no more changes (tests make one after another)
        with contextlib.suppress(RuntimeError, TypeError):
            tasks.hub().changed.disconnect(self.changed)
        with self._lock:
            if self._db is not None and self._owns_db:
                self._db.dispose()
            self._db = None
