"""Fixtures of the window tests: real widgets, a real SQLite file in a temporary LOKET_HOME.

The root conftest gives `home`, `db` (with a movable clock), `office` (JKT, device 1,
admin / ADMIN_PASSWORD) and `admin`. Here: the shared AppContext over that database, a
Flow that registers every window it shows with qtbot, and clean-up of worker threads.
"""

from __future__ import annotations

import gc
import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any Qt import

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ADMIN_PASSWORD


def close_windows_and_wait() -> None:
    """Close every window (which may start a last write, e.g. the sign-out record), then
    wait for the worker threads, before the database goes away."""
    from PySide6.QtWidgets import QApplication

    from app.ui import tasks

    tasks.wait_all()
    QApplication.processEvents()
    gc.collect()  # in this (the UI) thread, while no worker runs (app.ui.collector)
    for widget in QApplication.topLevelWidgets():
        widget.close()
    QApplication.processEvents()
    tasks.wait_all()
    QApplication.processEvents()


@pytest.fixture(autouse=True)
def _ui_language(qapp: object) -> Iterator[None]:
    """Every test starts in Indonesian, the default, and leaves no window or task behind.
    Garbage is collected only in the UI thread, as in the program (app.ui.collector)."""
    from app.ui import collector, i18n

    collector.install(qapp)  # type: ignore[arg-type]

    i18n.apply_language("id")
    yield
    close_windows_and_wait()
    i18n.apply_language("id")


@pytest.fixture
def empty_ctx(home: Path) -> Iterator[object]:
    """An AppContext on a data dir with no database yet (first run)."""
    from app import config
    from app.ui.context import AppContext

    ctx = AppContext(config.db_path(), config.backups_dir())
    yield ctx
    close_windows_and_wait()
    ctx.close()


@pytest.fixture
def ctx(office: object) -> Iterator[object]:
    """An AppContext on the set-up office of the root conftest (same Database and clock)."""
    from app import config
    from app.ui.context import AppContext

    context = AppContext(config.db_path(), config.backups_dir(), db=office)  # type: ignore[arg-type]
    yield context
    close_windows_and_wait()
    context.close()


@pytest.fixture
def flow(ctx: object, qtbot: object) -> object:
    """A Flow over `ctx`; instead of quitting the test process it records the wish."""
    from app.ui.flow import Flow

    quits: list[bool] = []
    f = Flow(ctx, on_quit=lambda: quits.append(True))  # type: ignore[arg-type]
    f.quits = quits  # type: ignore[attr-defined]
    return f


@pytest.fixture
def admin_password() -> str:
    return ADMIN_PASSWORD


@pytest.fixture(scope="session")
def sync_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """One real sync server (`loket server run` in a subprocess, as in tests/sync) for all
    window tests of sync: starting one costs about two seconds. Tests keep apart by their
    own devices; the offline test stops it and starts it again."""
    from tests.sync.conftest import Server, _spawn, free_port, server_db_url

    db = server_db_url(tmp_path_factory.mktemp("sync-server"))
    port = free_port()
    srv = Server(f"http://127.0.0.1:{port}", db, _spawn(db, port), port)
    yield srv
    srv.stop()
    if db.startswith("postgresql"):
        import psycopg

        with psycopg.connect(os.environ["LOKET_TEST_PG"], autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{db.rsplit("/", 1)[1]}" WITH (FORCE)')


@pytest.fixture
def probe_feature() -> Iterator[object]:
    """The test feature (tests/ui/feature_probe.py) registered for one test, with its synced
    record type."""
    from app import features
    from app.protocol import entities
    from tests.ui import feature_probe

    features.register(feature_probe.FEATURE)
    entities.declare(feature_probe.ENTITY)
    try:
        yield feature_probe
    finally:
        features.unregister(feature_probe.FEATURE.key)
        entities.withdraw(feature_probe.ENTITY.name)
