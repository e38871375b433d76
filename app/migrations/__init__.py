"""Alembic migrations of the local database, run from code (no alembic.ini needed).

`HEAD` names the newest revision so start-up can compare without importing Alembic; a test
checks it against Alembic's own view. Add a migration with
`python -m app.migrations revision "what changed"` (autogenerate against a scratch file).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection

HEAD = "0015"
HERE = Path(__file__).resolve().parent


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    cfg.set_main_option("file_template", "%%(year)d_%%(month).2d_%%(day).2d_%%(rev)s_%%(slug)s")
    return cfg


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def run_upgrade(connection: Connection, target: str = "head") -> None:
    from alembic import command

    cfg = alembic_config()
    cfg.attributes["connection"] = connection
    command.upgrade(cfg, target)


# Made by hand-written SQL in migration 0015 and read only by the dashboard's hand-written
# SQL (app/services/dashboard_sql.py): the tallies its triggers keep, and the indexes of
# its money figures. The models do not declare them.
HAND_MADE = frozenset(
    {
        "participant_tally",
        "attendance_tally",
        "ix_payment_office_day",
        "ix_payment_entitlement_amount",
        "ix_entitlement_live_amount",
        "ix_entitlement_unapproved",
    }
)


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Leave FTS5 search tables and their shadow tables, and the dashboard's tallies and
    indexes (HAND_MADE), all made by hand-written SQL in the migrations, out of Alembic's
    comparison with the models."""
    if name is None:
        return True
    return not (name.endswith("_fts") or "_fts_" in name or name in HAND_MADE)
