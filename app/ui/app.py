"""Start of the desktop program: QApplication, log, crash hook, language, first window.

Start-up speed is measured (bench/startup.py): the first window must appear before
SQLAlchemy, Alembic and argon2 are imported. Only a database that needs a schema change is
migrated first; otherwise the database layer loads on the writer thread once the first
window has been painted. LOKET_EXIT_ON_FIRST_WINDOW=1 quits right after that first paint,
for the benchmark.

Creating the Python side of Qt's `Qt` namespace (`from PySide6.QtCore import Qt`) costs
about 20 ms, a tenth of the whole start. The modules on the first window's path
(FIRST_WINDOW_MODULES) therefore import it only inside the functions that need it; a test
keeps it that way.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

EXIT_ON_FIRST_WINDOW = "LOKET_EXIT_ON_FIRST_WINDOW"
FIRST_WINDOW_MODULES = (
    "app.ui.app",
    "app.ui.collector",
    "app.ui.context",
    "app.ui.crash",
    "app.ui.flow",
    "app.ui.forms",
    "app.ui.i18n",
    "app.ui.messages",
    "app.ui.style",
    "app.ui.tasks",
    "app.ui.widgets",
    "app.ui.dialogs.login",
    "app.ui.dialogs.setup_wizard",
)


class FirstPaint(QObject):
    """Calls `callback` once, just after `window` was painted for the first time."""

    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._callback = callback
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self._window:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


def ensure_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("Loket Vokasi")
    app.setOrganizationName("BPJAMSOSTEK")
    from PySide6.QtGui import QIcon

    from app.resources import resource_path

    # Every window's icon (title bar, taskbar); a packaged program's files carry it too.
    app.setWindowIcon(QIcon(str(resource_path("icons", "app.png"))))
    from app.ui import collector

    collector.install(app)  # cycles holding Qt objects are collected in this thread only
    return app


def run_gui(argv: list[str] | None = None) -> int:
    """Run the desktop program until it is closed; returns the process exit code."""
    from app import config
    from app.logging_setup import open_held
    from app.ui import crash, i18n, style, tasks

    app = ensure_application(argv)
    crash.install()
    style.apply(app)
    try:
        log_path = _start_logging()
        db_path = config.db_path()
        _migrate_if_due(db_path, config.backups_dir())

        from app.ui.context import AppContext

        ctx = AppContext(db_path, config.backups_dir())
        info = ctx.startup_info()
    except Exception as exc:
        if not _cannot_start(exc):
            raise  # a bug: the crash hook shows it
        return 1

    from app.ui.flow import Flow

    i18n.apply_language(info.language)
    flow = Flow(ctx)
    window = flow.start(info)

    def first_painted() -> None:
        if os.environ.get(EXIT_ON_FIRST_WINDOW) == "1":
            # bench/startup.py times process start to this line on stderr (wall clock, ns)
            print(f"first-paint {time.time_ns()}", file=sys.stderr, flush=True)
            open_held()
            app.exit(0)
            return
        open_held()
        tasks.run_task(lambda _p, _c: ctx.preload(), on_error=_preload_failed, write=True)

    FirstPaint(window, first_painted)
    code = app.exec()
    open_held()  # closed before it was painted: the held records still reach the file
    tasks.wait_all()
    ctx.close()
    log.info("window closed (exit code %s); log in %s", code, log_path)
    return int(code)


def _preload_failed(exc: BaseException) -> None:
    """Opening the database early is an optimisation; sign-in will show the real error."""
    log.warning("preloading the database failed: %r", exc)


def _start_logging() -> Path:
    """The log file is opened after the first paint (app.logging_setup.hold_records); the
    logs folder is made now, so an unusable data folder is still said before any window."""
    from app import config
    from app.logging_setup import hold_records, log_nowhere

    try:
        path = hold_records(config.logs_dir())
    except Exception:
        log_nowhere()
        raise
    log.info("starting the window; data dir %s", config.data_dir())
    return path


def _migrate_if_due(db_path: Path, backups: Path) -> None:
    """Bring an older database to the current schema before any window."""
    from app.dbfile import needs_upgrade

    if needs_upgrade(db_path):
        from app.db import upgrade

        upgrade(db_path, backups)


def _cannot_start(exc: BaseException) -> bool:
    """Before the first window: a refusal (a database from a newer program) or a storage
    problem (LOKET_HOME is a file, read-only data folder, damaged database, full disk) is
    said in a message box, in the database's language if it can be read. False for a bug.
    """
    from app.errors import LoketError
    from app.logging_setup import open_held
    from app.ui.messages import as_refusal, error_text, report

    open_held()
    refusal = as_refusal(exc)
    if not isinstance(refusal, LoketError):
        return False
    report(exc)
    _apply_language_if_readable()
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(None, "Loket Vokasi", error_text(refusal))
    return True


def _apply_language_if_readable() -> None:
    from app.config import DB_FILENAME, data_dir_location
    from app.services.startup import read_startup_info
    from app.ui import i18n

    try:
        i18n.apply_language(read_startup_info(data_dir_location() / DB_FILENAME).language)
    except Exception:  # the very problem being reported may keep it unreadable
        i18n.apply_language("id")
