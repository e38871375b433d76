"""The demo office both monthly report document tests read (the PDF's and the
workbook's): made once per module on the test clock's Monday 2 November 2026, copied for
each test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FakeClock

DEMO_CLOCK = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def _built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    from app.db import Database, upgrade
    from app.services.demo import create_demo_office

    home = tmp_path_factory.mktemp("report-demo")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LOKET_HOME", str(home))
        upgrade(home / "loket.db", home / "backups")
        db = Database(home / "loket.db", clock=FakeClock(DEMO_CLOCK))
        create_demo_office(db)
        db.dispose()
    yield home / "loket.db"


@pytest.fixture
def demo(_built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from app.db import Database

    home = tmp_path / "loket-home"
    home.mkdir()
    monkeypatch.setenv("LOKET_HOME", str(home))
    shutil.copyfile(_built, home / "loket.db")
    db = Database(home / "loket.db", clock=FakeClock(DEMO_CLOCK))
    yield db
    db.dispose()
