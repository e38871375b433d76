"""Opening the office database for a CLI command (migrating it first, like the window)."""

from __future__ import annotations

from app import config
from app.db import Database, upgrade
from app.services.actor import Actor, cli_actor
from app.services.office import require_device


def open_db() -> Database:
    upgrade(config.db_path(), config.backups_dir())
    return Database(config.db_path())


def open_office() -> tuple[Database, Actor]:
    """The database of a set-up office and the CLI's admin actor for it."""
    db = open_db()
    device = require_device(db)
    return db, cli_actor(device.office_code)
