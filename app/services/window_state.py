"""Where the main window stood on this PC's screen, between sessions.

Kept as one row of `local_setting` (per PC, never synced) rather than in QSettings: on
Windows QSettings would write to the registry, which `loket backup` does not carry and a
new PC does not get from a restore; the database does both. It is not one of the office's
declared settings (app.config.SETTINGS): nobody edits it, so no audit event is written
for it either — only the window moving on screen.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from app.db import Database
from app.models import LocalSetting

KEY = "window_geometry"


@dataclass(frozen=True)
class WindowState:
    """The window's normal (not maximised) inner rectangle, and whether it was maximised."""

    x: int
    y: int
    width: int
    height: int
    maximized: bool


def load_window_state(db: Database) -> WindowState | None:
    """The state kept at the last close, or None (never kept, or unreadable)."""
    with db.read() as session:
        row = session.get(LocalSetting, KEY)
        raw = row.value if row is not None else None
    if raw is None:
        return None
    try:
        data = json.loads(raw)
        state = WindowState(
            int(data["x"]),
            int(data["y"]),
            int(data["width"]),
            int(data["height"]),
            bool(data["maximized"]),
        )
    except (ValueError, KeyError, TypeError):
        return None
    return state if state.width > 0 and state.height > 0 else None


def save_window_state(db: Database, state: WindowState) -> None:
    with db.write() as session:
        session.merge(LocalSetting(key=KEY, value=json.dumps(asdict(state))))
