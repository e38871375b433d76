"""The Sinkronisasi screens for `loket screenshots`.

First the state an office meets most often: offline, changes waiting, two refused. The demo
office is made to look linked by app.sync.outbox_view.demo_link (demo only: a fake token, no
request is ever sent with it; the window is built with background sync off).

Then the supervisor's lists against a REAL sync server (the session's: `loket screenshots`
starts it, so this module never imports the server): the demo PC enrolled with a real code,
and three small office PCs that make a real same-field conflict and a real same-NIK
duplicate, as tests/ui/test_sync_review.py does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.db import Database
from app.ui.shots.session import ShotSession, SyncServer, settle, wait_until

DEMO_SERVER = "https://sinkron.loketvokasi.example"
PASSWORD = "Layar2026"


def sync(session: ShotSession) -> None:
    """The state an office meets most often: offline, changes waiting, two refused (the demo
    office made to look linked: app.sync.outbox_view.demo_link)."""
    from app.sync.outbox_view import demo_link

    window = session.window
    demo_link(session.ctx.db, DEMO_SERVER)
    window.sync.refresh_status()
    page = window.open("sync")
    settle()
    page.tabs.setCurrentIndex(0)
    session.save("sync")


def problems(session: ShotSession) -> None:
    page = session.window.open("sync")
    page.tabs.setCurrentIndex(1)
    settle()
    session.save("sync_problems")
    page.tabs.setCurrentIndex(0)


def conflicts(session: ShotSession) -> None:
    _review(session, "conflicts", "sync_conflicts")


def duplicates(session: ShotSession) -> None:
    _review(session, "duplicates", "sync_duplicates")


def _review(session: ShotSession, tab_name: str, shot: str) -> None:
    """Konflik and NIK ganda with a real server's lists (see the module docstring), as the
    demo office's supervisor sees them: the one who may decide."""
    window = session.memo("review window", lambda: _review_window(session))
    page = window.open("sync")
    tab = getattr(page, tab_name)
    page.tabs.setCurrentWidget(tab)
    tab.load()
    wait_until(tab.reload_button.isEnabled)
    if tab is page.duplicates and page.duplicates.table.rowCount():
        page.duplicates.table.selectRow(0)
    session.save(shot, window)


def _review_window(session: ShotSession) -> Any:
    from app.services import auth
    from app.sync import client

    ctx = session.ctx
    server = session.sync_server()
    info = ctx.startup_info()
    login = next(d for d in info.demo_logins if d.role == "supervisor")
    supervisor = auth.login(ctx.db, login.username, login.password).actor
    client.enroll(ctx.db, server.url, server.code("JKT"), allow_demo=True)
    _make_cases(session.folder, server)
    return session.main_window(supervisor)


def _pc(folder: Path, name: str, office: str, device_no: int, server: SyncServer) -> Any:
    from app.db import upgrade
    from app.services.auth import login
    from app.services.office import initialise
    from app.sync import client

    path = folder / name / "loket.db"
    path.parent.mkdir(parents=True)
    upgrade(path, path.parent / "backups")
    db = Database(path)
    initialise(
        db,
        office_code=office,
        device_no=device_no,
        admin_username="admin",
        admin_full_name="Admin",
        admin_password=PASSWORD,
        actor_label="cli:screenshots",
    )
    client.enroll(db, server.url, server.code(office))
    return db, login(db, "admin", PASSWORD).actor


def _register(db: Database, actor: Any, nik: str, name: str, phone: str) -> str:
    from app.services.participants import check, register

    day = int(nik[6:8])
    raw = {
        "nik": nik,
        "nama": name,
        "tanggal_lahir": f"{day % 40:02d}/{nik[8:10]}/19{nik[10:12]}",  # women: day + 40
        "jenis_kelamin": "P" if day > 40 else "L",
        "telepon": phone,
        "persetujuan": "Y",
    }
    _result, candidates = check(db, raw)
    out = register(
        db, actor, raw, confirm_warnings=True, acknowledged=frozenset(d.id for d in candidates)
    )
    if out.saved is None:
        raise RuntimeError([f.message() for f in out.findings])
    return str(out.saved.id)


def _edit(db: Database, actor: Any, participant_id: str, phone: str) -> None:
    from app.services.participant_records import update, values_for_edit

    form = {**values_for_edit(db, actor, participant_id), "telepon": phone}
    update(db, actor, participant_id, form, confirm_warnings=True)


def _make_cases(folder: Path, server: SyncServer) -> None:
    """Three small office PCs (two counters of Jakarta, one of Banten) make a real
    same-field conflict and a real same-NIK duplicate, as tests/ui/test_sync_review.py."""
    from app.sync import client

    second, second_admin = _pc(folder, "jkt-2", "JKT", 2, server)
    third, third_admin = _pc(folder, "jkt-3", "JKT", 3, server)
    banten, banten_admin = _pc(folder, "btn-1", "BTN", 1, server)
    try:
        budi = _register(second, second_admin, "3171011708900001", "Budi Santoso", "081234567890")
        _register(second, second_admin, "3171015505920002", "Siti Aminah", "081377788899")
        _register(banten, banten_admin, "3171015505920002", "Siti Aminah S.", "085211122233")
        for db in (second, third, banten):
            client.run_cycle(db)
        _edit(third, third_admin, budi, "082222222222")
        _edit(second, second_admin, budi, "081111111111")
        client.run_cycle(third)
        client.run_cycle(second)
        client.run_cycle(banten)
    finally:
        for db in (second, third, banten):
            db.dispose()
