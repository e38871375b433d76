"""Shared fixtures: a real SQLite file per test in a temporary LOKET_HOME, a movable clock."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ADMIN_PASSWORD = "rahasia123"


def pytest_report_header() -> str:
    if os.environ.get("LOKET_TEST_PG"):
        return "sync server tests: PostgreSQL (LOKET_TEST_PG)"
    return "sync server tests: SQLite file (set LOKET_TEST_PG or LOKET_WITH_PG=1 for PostgreSQL)"


class FakeClock:
    """A clock tests can move forward, so lock-out expiry needs no sleeping."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 2, 2, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "loket-home"
    path.mkdir()
    monkeypatch.setenv("LOKET_HOME", str(path))
    return path


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def db(home: Path, clock: FakeClock) -> Iterator[object]:
    from app import config
    from app.db import Database, upgrade

    upgrade(config.db_path(), config.backups_dir())
    database = Database(config.db_path(), clock=clock)
    yield database
    database.dispose()


@pytest.fixture
def office(db: object) -> object:
    """A set-up office JKT, counter 1, with admin `admin` / ADMIN_PASSWORD."""
    from app.services.office import initialise

    initialise(
        db,  # type: ignore[arg-type]
        office_code="JKT",
        device_no=1,
        admin_username="admin",
        admin_full_name="Admin Kantor",
        admin_password=ADMIN_PASSWORD,
        actor_label="cli:test",
    )
    return db


@pytest.fixture
def admin(office: object) -> object:
    from app.services.auth import login

    return login(office, "admin", ADMIN_PASSWORD).actor  # type: ignore[arg-type]
