"""Rotating log file in the data dir, shared by the window, the CLI and the server."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILENAME = "loket.log"
_configured: Path | None = None


def setup_logging(logs_dir: Path, level: int = logging.INFO) -> Path:
    """Log to `logs_dir/loket.log` (1 MB × 5 files). Idempotent; returns the file path."""
    global _configured
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
    """Where `setup_logging` last pointed the log (None: not set up in this process)."""
    return _configured


def log_nowhere() -> None:
    """No log file could be opened (the data dir is unusable): log nothing rather than let
    Python's last-resort handler print records and tracebacks on the user's console."""
    logging.getLogger().addHandler(logging.NullHandler())
