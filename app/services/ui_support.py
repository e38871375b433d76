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


if TYPE_CHECKING:
    from app.services.home import HomeCounts


def home_counts(db: Database, office_code: str) -> HomeCounts:
    """Same figures as `app.services.home.home_counts`, which fails on SQLAlchemy 2.1.

    There, `dict(session.execute(...).tuples())` breaks: a Result has `.keys()`, so `dict()`
    takes it for a mapping ("ChunkedIteratorResult object is not subscriptable"). Remove
    this copy once the service builds its dicts from `.all()`, and import it from there.
    """
    from datetime import datetime, time, timedelta

    from sqlalchemy import func, select

    from app.models import AuditEvent, Outbox, Staff
    from app.services.home import HomeCounts

    now = db.clock()
    local_midnight = datetime.combine(now.astimezone().date(), time.min).astimezone()
    start = local_midnight.astimezone(now.tzinfo)
    end = start + timedelta(days=1)
    with db.read() as session:
        by_role: dict[str, int] = {
            str(role): int(n)
            for role, n in session.execute(
                select(Staff.role, func.count())
                .where(
                    Staff.office_code == office_code,
                    Staff.active.is_(True),
                    Staff.deleted_at.is_(None),
                )
                .group_by(Staff.role)
            ).all()
        }
        actions: dict[str, int] = {
            str(action): int(n)
            for action, n in session.execute(
                select(AuditEvent.action, func.count())
                .where(AuditEvent.at >= start, AuditEvent.at < end)
                .group_by(AuditEvent.action)
            ).all()
        }
        pending = session.scalar(
            select(func.count()).select_from(Outbox).where(Outbox.status == "pending")
        )
    return HomeCounts(
        staff_active=sum(by_role.values()),
        staff_by_role=by_role,
        logins_today=actions.get("auth.login", 0),
        failed_logins_today=actions.get("auth.login_failed", 0),
        events_today=sum(actions.values()),
        pending_changes=pending or 0,
    )
