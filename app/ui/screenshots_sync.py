"""The Sinkronisasi screens for `loket screenshots`.

First the state an office meets most often: offline, changes waiting, two refused. The demo
office is made to look linked by app.sync.outbox_view.demo_link (demo only: a fake token, no
request is ever sent with it; the window is built with background sync off).

Then the supervisor's lists against a REAL sync server: a uvicorn thread serving
app.server.api on an SQLite file in the temporary folder, the demo PC enrolled with a real
code, and three small office PCs (two counters of Jakarta and one of Banten) that make a
real same-field conflict and a real same-NIK duplicate, as tests/ui/test_sync_review.py does.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from app.db import Database
from app.ui.context import AppContext

Save = Callable[[QWidget, str, QWidget | None], None]
DEMO_SERVER = "https://sinkron.loketvokasi.example"
PASSWORD = "Layar2026"


def link_demo(ctx: AppContext) -> None:
    """Before the main window opens, so the status bar shows the sync state from the start."""
    from app.sync.outbox_view import demo_link

    demo_link(ctx.db, DEMO_SERVER)


def render_sync(window: QWidget, save: Save) -> None:
    from app.ui.screenshots_participants import settle

    page = window.open_sync()  # type: ignore[attr-defined]
    settle()
    page.tabs.setCurrentIndex(0)
    save(window, "sync", None)
    page.tabs.setCurrentIndex(1)
    settle()
    save(window, "sync_problems", None)
    page.tabs.setCurrentIndex(0)


def render_review(ctx: AppContext, window: QWidget, save: Save, folder: Path) -> None:
    """Konflik and NIK ganda tabs with a real server's lists (see the module docstring), as
    the demo office's supervisor sees them: the one who may decide."""
    from app.services import auth
    from app.sync import client
    from app.ui.main_window import MainWindow

    info = ctx.startup_info()
    login = next(d for d in info.demo_logins if d.role == "supervisor")
    supervisor = auth.login(ctx.db, login.username, login.password).actor
    with _server(folder / "server.db") as (url, engine):
        client.enroll(ctx.db, url, _code(engine, "JKT"), allow_demo=True)
        _make_cases(folder, url, engine)
        review = MainWindow(ctx, supervisor, info, sync_interval_ms=0)
        review.resize(window.size())
        review.show()
        try:
            page = review.open_sync()
            for tab, name in (
                (page.conflicts, "sync_conflicts"),
                (page.duplicates, "sync_duplicates"),
            ):
                page.tabs.setCurrentWidget(tab)
                tab.load()
                _wait(tab.reload_button.isEnabled)
                if tab is page.duplicates and page.duplicates.table.rowCount():
                    page.duplicates.table.selectRow(0)
                save(review, name, None)
        finally:
            review.close()
            review.deleteLater()


def _wait(done: Callable[[], bool], seconds: float = 30.0) -> None:
    from app.ui.screenshots_participants import settle

    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        settle()
        QApplication.processEvents()
        time.sleep(0.02)
    settle()


@contextmanager
def _server(path: Path) -> Iterator[tuple[str, Any]]:
    import uvicorn

    from app.server.api import create_app
    from app.server.db import create_schema, make_server_engine

    engine = make_server_engine(str(path))
    create_schema(engine)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = uvicorn.Server(
        uvicorn.Config(create_app(engine), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}", engine
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        engine.dispose()


def _code(engine: Any, office: str) -> str:
    from app.server.admin import make_enroll_code

    return make_enroll_code(engine, office)


def _pc(folder: Path, name: str, office: str, device_no: int, url: str, engine: Any) -> Any:
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
    client.enroll(db, url, _code(engine, office))
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


def _make_cases(folder: Path, url: str, engine: Any) -> None:
    from app.sync import client

    second, second_admin = _pc(folder, "jkt-2", "JKT", 2, url, engine)
    third, third_admin = _pc(folder, "jkt-3", "JKT", 3, url, engine)
    banten, banten_admin = _pc(folder, "btn-1", "BTN", 1, url, engine)
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
