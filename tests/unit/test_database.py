"""SQLite as DESIGN §3 asks: pragmas, BEGIN IMMEDIATE writers, migrations from empty."""

from __future__ import annotations

import threading

import pytest

from app.db import Database, upgrade
from app.dbfile import current_revision
from app.errors import StateError
from tests.unit.helpers import count, execute, rows


def test_pragmas_protect_money(db):
    with db.read() as session:
        conn = session.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_migrations_from_empty_reach_head_and_match_the_models(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from app.migrations import HEAD, alembic_config, include_object
    from app.models import Base

    path = tmp_path / "fresh.db"
    result = upgrade(path, tmp_path / "backups")
    assert result.from_revision is None and result.to_revision == HEAD
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD
    assert current_revision(path) == HEAD
    assert count(path, "office") == 6
    database = Database(path)
    with database.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        diff = compare_metadata(context, Base.metadata)
    database.dispose()
    assert diff == []
    # a second start-up does nothing and makes no backup
    assert upgrade(path, tmp_path / "backups").backup is None


def test_older_schema_is_backed_up_before_upgrading(tmp_path):
    path = tmp_path / "old.db"
    upgrade(path, tmp_path / "backups")
    execute(path, "UPDATE alembic_version SET version_num='0000'")
    with pytest.raises(StateError):  # unknown (newer) revision: refuse, touch nothing
        upgrade(path, tmp_path / "backups")
    assert not (tmp_path / "backups").exists() or not list((tmp_path / "backups").iterdir())


def test_two_writers_queue_instead_of_failing(office, admin):
    """BEGIN IMMEDIATE makes concurrent writers wait for the lock, not error out."""
    from app.domain.roles import Role
    from app.models import Staff
    from app.services.uow import unit_of_work

    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            for i in range(15):
                with unit_of_work(office, admin) as uow:
                    uow.session.add(
                        Staff(
                            username=f"w{n}.{i}",
                            full_name="W",
                            role=Role.COUNTER,
                            password_hash="x",
                            active=True,
                            must_change_password=False,
                        )
                    )
                    uow.audit("staff.create", username=f"w{n}.{i}")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert count(office.path, "staff", "username LIKE 'w%'") == 60
    seqs = [r[0] for r in rows(office.path, "SELECT seq FROM audit_event ORDER BY seq")]
    assert seqs == list(range(1, len(seqs) + 1))  # one unbroken chain, no duplicate numbers
