"""An office with one signed-in account per role, for the tests that bite (docs/testing.md).

Set up once per test session through the real services (migrations, `initialise`,
`add_staff`, `login`), then copied file by file for each test: every test gets its own real
SQLite office, without paying for migrations and argon2 again. The mutation run
(scripts/mutation.sh) runs these tests hundreds of times, so that cost matters.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ADMIN_PASSWORD, FakeClock

STAFF_PASSWORD = "sementara1"


@dataclass(frozen=True)
class Staffed:
    """A real office PC's database with an admin, a supervisor and a counter clerk."""

    db: object  # app.db.Database
    home: Path
    actors: dict[str, object]  # role value -> app.services.actor.Actor, signed in
    clock: FakeClock

    @property
    def path(self) -> Path:
        return self.db.path  # type: ignore[attr-defined, no-any-return]


def _new_office(home: Path, device_no: int, admin_username: str, admin_full_name: str) -> Any:
    """A PC of office JKT set up in `home` as `loket init` does (migrations, office, first
    admin), and that admin signed in: (database path, open Database, admin actor). The
    caller disposes of the Database."""
    from app.db import Database, upgrade
    from app.services.auth import login
    from app.services.office import initialise

    path = home / "loket.db"
    upgrade(path, home / "backups")
    db = Database(path, clock=FakeClock())
    initialise(
        db,
        office_code="JKT",
        device_no=device_no,
        admin_username=admin_username,
        admin_full_name=admin_full_name,
        admin_password=ADMIN_PASSWORD,
        actor_label="cli:test",
    )
    return path, db, login(db, admin_username, ADMIN_PASSWORD).actor


@pytest.fixture(scope="session")
def _staffed_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    from app.services.auth import change_password, login
    from app.services.staff import add_staff

    home = tmp_path_factory.mktemp("staffed-office")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LOKET_HOME", str(home))
        path, db, admin = _new_office(home, 1, "admin", "Admin Kantor")
        try:
            actors: dict[str, object] = {"admin": admin}
            for username, role in (("spv.rina", "supervisor"), ("loket.budi", "counter")):
                add_staff(
                    db,
                    admin,
                    username=username,
                    full_name=username.title(),
                    role=role,
                    password=STAFF_PASSWORD,
                )
                first = login(db, username, STAFF_PASSWORD).actor
                change_password(db, first, STAFF_PASSWORD, STAFF_PASSWORD + "x")
                actors[role] = login(db, username, STAFF_PASSWORD + "x").actor
        finally:
            db.dispose()
    return path, actors


@pytest.fixture(scope="session")
def _second_pc_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    """Counter 2 of the same office, set up on its own (its own device id and admin)."""
    home = tmp_path_factory.mktemp("second-pc")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LOKET_HOME", str(home))
        path, db, admin = _new_office(home, 2, "admin.dua", "Admin Loket Dua")
        db.dispose()
    return path, {"admin": admin}


@pytest.fixture
def second_pc(
    _second_pc_template: tuple[Path, dict[str, object]], tmp_path: Path
) -> Iterator[Staffed]:
    """A fresh copy of counter 2 (LOKET_HOME stays the first PC's: give this one's path)."""
    from app.db import Database

    template, actors = _second_pc_template
    home = tmp_path / "second-pc"
    home.mkdir()
    shutil.copyfile(template, home / "loket.db")
    clock = FakeClock()
    db = Database(home / "loket.db", clock=clock)
    yield Staffed(db, home, actors, clock)
    db.dispose()


@pytest.fixture
def staffed(
    _staffed_template: tuple[Path, dict[str, object]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Staffed]:
    """A fresh copy of the staffed office in its own LOKET_HOME."""
    from app.db import Database

    template, actors = _staffed_template
    home = tmp_path / "loket-home"
    home.mkdir()
    monkeypatch.setenv("LOKET_HOME", str(home))
    shutil.copyfile(template, home / "loket.db")
    clock = FakeClock()
    db = Database(home / "loket.db", clock=clock)
    yield Staffed(db, home, actors, clock)
    db.dispose()
