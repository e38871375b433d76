"""Cheap facts the window needs before SQLAlchemy is loaded (plain sqlite3 only).

`app.db.current_revision` does the same read, but importing `app.db` pulls in SQLAlchemy
(about 0.3 s), which the first window must not wait for. Keep this module free of
SQLAlchemy, Alembic and argon2 imports.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING


def schema_revision(path: Path) -> str | None:
    """The Alembic revision stored in a database file, or None (no file, no table)."""
    if not path.exists():
        return None
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    finally:
        con.close()
    return None if row is None else str(row[0])


def needs_upgrade(path: Path) -> bool:
    """True when an existing database file is not at this program's newest schema.

    A missing file is not "due": the first-run screen creates the schema when the office
    is set up, so the window can appear before Alembic is imported.
    """
    from app.migrations import HEAD

    return path.exists() and schema_revision(path) != HEAD


DEMO_OFFICE = "JKT"
DEMO_ADMIN = ("admin", "Admin Demo")


if TYPE_CHECKING:
    from app.db import Database
    from app.services.demo import DemoResult


def create_demo_office(db: Database) -> DemoResult:
    """The first-run "try a demo office" choice: office JKT, device 1, admin/demo password,
    filled with demo data and its logins listed at sign-in. The database must be empty."""
    from app.domain.roles import Role
    from app.services.actor import Actor
    from app.services.demo import DEMO_PASSWORD, DemoLogin, fill_demo
    from app.services.office import initialise

    username, full_name = DEMO_ADMIN
    initialise(
        db,
        office_code=DEMO_OFFICE,
        device_no=1,
        admin_username=username,
        admin_full_name=full_name,
        admin_password=DEMO_PASSWORD,
        actor_label="setup",
    )
    actor = Actor(username="setup", role=Role.ADMIN, office_code=DEMO_OFFICE)
    admin = DemoLogin(username, full_name, Role.ADMIN.value, DEMO_PASSWORD)
    return fill_demo(db, actor, extra_logins=[admin])
