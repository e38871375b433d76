"""Helpers of the sync window tests: codes from the real server, extra office PCs, edits."""

from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path
from typing import Any

from app.db import Database, upgrade
from app.services.actor import Actor
from app.services.auth import login
from app.services.office import initialise
from app.services.participants import check, register
from app.services.uow import unit_of_work
from app.sync import client
from app.ui.main_window import MainWindow

PASSWORD = "Kantor2026"


def enroll_code(server: Any, office: str) -> str:
    """A one-time code made on the server's database, as `loket server enroll-code` does."""
    from app.server.admin import make_enroll_code
    from app.server.db import make_server_engine

    engine = make_server_engine(server.db)
    try:
        return make_enroll_code(engine, office)
    finally:
        engine.dispose()


# The window tests share one server, which gives a device number only once per office
# (receipt numbers carry it): each PC enrolled there is another counter of its office.
_NUMBERS = itertools.count(20)


def fresh_number(db: Database) -> int:
    """Make this PC a counter number the shared server has not given yet (as the IT person
    would choose a free one at set-up)."""
    number = next(_NUMBERS)
    con = sqlite3.connect(db.path)
    try:
        con.execute("UPDATE device SET device_no = ?", (number,))
        con.commit()
    finally:
        con.close()
    return number


def enrol(db: Database, server: Any, office: str = "JKT") -> None:
    fresh_number(db)
    client.enroll(db, server.url, enroll_code(server, office))


def other_pc(tmp_path: Path, name: str, office: str, device: int) -> tuple[Database, Actor]:
    """A second office PC (its own database file), set up like `loket init` does."""
    path = tmp_path / name / "loket.db"
    path.parent.mkdir(parents=True)
    upgrade(path, path.parent / "backups")
    db = Database(path)
    initialise(
        db,
        office_code=office,
        device_no=device,
        admin_username="admin",
        admin_full_name="Admin",
        admin_password=PASSWORD,
        actor_label="cli:test",
    )
    return db, login(db, "admin", PASSWORD).actor


def register_person(db: Database, actor: Actor, nik: str, name: str) -> str:
    raw = {
        "nik": nik,
        "nama": name,
        "tanggal_lahir": f"{nik[6:8]}/{nik[8:10]}/19{nik[10:12]}",
        "jenis_kelamin": "L",
        "telepon": "081234567890",
        "persetujuan": "Y",
    }
    _result, candidates = check(db, raw)
    out = register(
        db,
        actor,
        raw,
        confirm_warnings=True,
        acknowledged=frozenset(d.id for d in candidates),
    )
    assert out.saved is not None, [f.message() for f in out.findings]
    return str(out.saved.id)


def edit_participant(db: Database, actor: Actor, participant_id: str, **fields: Any) -> None:
    """Change fields of a participant the way the services record it (outbox included)."""
    from app.models import Participant

    with unit_of_work(db, actor) as uow:
        p = uow.session.get(Participant, participant_id)
        assert p is not None
        for name, value in fields.items():
            setattr(p, name, value)
        uow.audit("participant.update", "participant", p.id, changes=list(fields))


def sync_window(qtbot: Any, ctx: Any, actor: Actor, interval_ms: int = 0) -> MainWindow:
    """A main window on the Sinkronisasi page, background sync off unless asked."""
    window = MainWindow(ctx, actor, ctx.startup_info(), sync_interval_ms=interval_ms)
    qtbot.addWidget(window)
    window.show()
    window.open("sync")
    qtbot.waitUntil(lambda: window.sync.status is not None, timeout=10_000)
    return window


def wait_cycle(qtbot: Any, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.sync.running, timeout=30_000)
    qtbot.waitUntil(lambda: window.page("sync").pending_model.rows is not None, timeout=5_000)


def bar_text(window: MainWindow) -> str:
    return window.sync_status.indicator.full_text
