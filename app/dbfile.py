"""Facts about a database file read with plain sqlite3, without importing SQLAlchemy.

Start-up uses these before the first window (importing SQLAlchemy's ORM costs more than a
bare Qt window); `loket check` and `restore` use them on files that may not be sound.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def current_revision(path: Path) -> str | None:
    """The Alembic revision of a database file, or None (no file, no table)."""
    if not path.exists():
        return None
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return None
        raise  # locked, unreadable: not "no schema", which would start a migration
    finally:
        con.close()
    return None if row is None else str(row[0])


def needs_upgrade(path: Path) -> bool:
    """True when an existing file is not at this program's newest schema.

    A missing file is not due: the first-run screen creates the schema when the office is
    set up, so the window can appear before Alembic is imported.
    """
    from app.migrations import HEAD

    return path.exists() and current_revision(path) != HEAD
