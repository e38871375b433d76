"""Rotating log file in the data dir, shared by the window, the CLI and the server.

The window holds its records in memory until its first window has been painted
(`hold_records`, then `open_held`): `logging.handlers` pulls in socket, pickle and queue,
about 7 ms of the start-up bench/startup.py measures. An error record opens the file at
once, so a crash before the first paint is still written down.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

LOG_FILENAME = "loket.log"
_configured: Path | None = None
_held: _Held | None = None
_opening = threading.Lock()


class _Held(logging.Handler):
    """Keeps records until the log file is opened; an ERROR or worse opens it at once."""

    def __init__(self, logs_dir: Path) -> None:
        super().__init__(logging.INFO)
        self.logs_dir = logs_dir
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        if record.levelno >= logging.ERROR:
            open_held()


def hold_records(logs_dir: Path) -> Path:
    """Log to `logs_dir/loket.log`, but open it only at `open_held` (or at the first error);
    returns the path the file will have."""
    global _held
    root = logging.getLogger()
    if _held is None:
        _held = _Held(logs_dir)
        root.addHandler(_held)
        root.setLevel(logging.INFO)
    return logs_dir / LOG_FILENAME


def open_held() -> Path | None:
    """Open the log file `hold_records` promised and write the records held so far.

    A file that cannot be opened means logging nowhere (as at `setup_logging`'s callers):
    the program goes on. Returns the file, or None when nothing was held or it failed."""
    global _held
    with _opening:
        held, _held = _held, None
        if held is None:
            return _configured
        logging.getLogger().removeHandler(held)
        try:
            path = setup_logging(held.logs_dir)
        except OSError:
            log_nowhere()
            return None
    for record in held.records:
        logging.getLogger().handle(record)
    return path


def setup_logging(logs_dir: Path, level: int = logging.INFO) -> Path:
    """Log to `logs_dir/loket.log` (1 MB × 5 files). Idempotent; returns the file path."""
    global _configured
    from logging.handlers import RotatingFileHandler  # see the module docstring

    path = logs_dir / LOG_FILENAME
    if _configured == path:
        return path
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s")
    )
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_loket", False)]:
        root.removeHandler(old)
        old.close()
    handler._loket = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    # A log file that cannot be written (full disk) must not print Python's "Logging
    # error" traceback on the clerk's screen; the action's own error is shown instead.
    logging.raiseExceptions = False
    _configured = path
    return path


def current_log_file() -> Path | None:
    """Where `setup_logging` last pointed the log, or where `hold_records` will (None: not
    set up in this process)."""
    if _configured is None and _held is not None:
        return _held.logs_dir / LOG_FILENAME
    return _configured


def log_nowhere() -> None:
    """No log file could be opened (the data dir is unusable): log nothing rather than let
    Python's last-resort handler print records and tracebacks on the user's console."""
    logging.getLogger().addHandler(logging.NullHandler())
