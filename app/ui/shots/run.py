"""`loket screenshots DIR`: every screen each feature declares (app.features), with demo
data, to PNG files.

Used to look at the program as a clerk would, and for the user guide. Works without a
display (offscreen platform) and never touches this PC's data: it sets up a demo office
in a temporary LOKET_HOME. The screens are drawn by their features' renderers in one
ShotSession. A sync server, which some of them need, is started by the caller's
`sync_server(folder)` (app.cli.ui_cmds gives app.server.throwaway), so this code never
imports the server.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from app import config, features
from app.ui import i18n, style, tasks
from app.ui.app import ensure_application
from app.ui.context import AppContext
from app.ui.shots.session import ShotSession, SyncServer

OFFSCREEN_NOTE = "This plugin does not support"


def _choose_platform() -> None:
    """Offscreen unless a platform is named or a display is there (must precede QApplication)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if sys.platform != "linux" or not has_display:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


@contextmanager
def _quiet_offscreen_notes() -> Iterator[None]:
    """Drop the offscreen platform's "does not support ..." notes; pass on the rest."""

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if OFFSCREEN_NOTE in message:
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


@contextmanager
def _temporary_home() -> Iterator[Path]:
    """A temporary data dir for the demo office, with its own log: nothing of the
    screenshots' office is written into this PC's data dir or its log."""
    from app.logging_setup import current_log_file, setup_logging

    old = os.environ.get("LOKET_HOME")
    previous_log = current_log_file()
    with tempfile.TemporaryDirectory(prefix="loket-screens-") as home:
        os.environ["LOKET_HOME"] = home
        logs = config.logs_dir()
        logs.mkdir(parents=True, exist_ok=True)
        setup_logging(logs)
        try:
            yield Path(home)
        finally:
            if old is None:
                os.environ.pop("LOKET_HOME", None)
            else:
                os.environ["LOKET_HOME"] = old
            if previous_log is not None:
                setup_logging(previous_log.parent)


def render_all(
    out_dir: Path,
    lang: str = "id",
    sync_server: Callable[[Path], SyncServer] | None = None,
) -> list[Path]:
    """Write every feature's screenshots (in their declared order) to out_dir;
    `sync_server(path)` starts a server on a database file at `path` when one is needed."""
    _choose_platform()
    app = ensure_application([])
    style.apply(app)
    out_dir.mkdir(parents=True, exist_ok=True)
    previous_language = i18n.current_language()
    with (
        _temporary_home() as home,
        _quiet_offscreen_notes(),
        tempfile.TemporaryDirectory(prefix="loket-shots-") as folder,
    ):
        ctx = AppContext(config.db_path(), config.backups_dir())
        servers: list[Any] = []

        def start_server() -> SyncServer:
            if sync_server is None:
                raise RuntimeError("these screenshots need a sync server")
            server = sync_server(home / "server.db")
            servers.append(server)
            return server

        session = ShotSession(ctx, out_dir, Path(folder), start_server)
        try:
            i18n.apply_language(lang)
            for shot in features.screenshots():
                features.load(shot.render)(session)
        finally:
            tasks.wait_all()
            session.close()
            QApplication.processEvents()
            tasks.wait_all()  # the windows' sign-out records, before the database closes
            for server in servers:
                close = getattr(server, "close", None)
                if callable(close):
                    close()
            ctx.close()
            i18n.apply_language(previous_language)
    return session.written
