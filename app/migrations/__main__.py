"""`python -m app.migrations revision "message"`: autogenerate a migration.

Upgrades a scratch database to head, then compares it with the models.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

from alembic import command

from app.db import make_engine
from app.migrations import HEAD, alembic_config, run_upgrade


def main() -> int:
    if len(sys.argv) < 3 or sys.argv[1] != "revision":
        print('usage: python -m app.migrations revision "message" [REV_ID]')
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scratch.db"
        cfg = alembic_config()
        cfg.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
        if HEAD:
            engine = make_engine(path)
            with engine.connect() as conn, contextlib.suppress(Exception):  # no revisions yet
                run_upgrade(conn)
            engine.dispose()
        rev_id = sys.argv[3] if len(sys.argv) > 3 else None
        command.revision(cfg, message=sys.argv[2], autogenerate=True, rev_id=rev_id)
    print("Remember to update HEAD in app/migrations/__init__.py")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
