"""What the first window needs, read with plain sqlite3 before SQLAlchemy is imported.

The login dialog must appear fast (bench/startup.py); importing SQLAlchemy's ORM costs more
than the whole bare Qt window. So the few facts the dialog shows (office, counter, DEMO
mark, demo logins, language) come from here, and the ORM loads while the clerk types.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class StartupLogin:
    username: str
    full_name: str
    role: str
    password: str


@dataclass(frozen=True)
class StartupInfo:
    set_up: bool
    office_code: str = ""
    office_name: str = ""
    device_no: int = 0
    is_demo: bool = False
    language: str = "id"
    demo_logins: list[StartupLogin] = field(default_factory=list)


def read_startup_info(path: Path) -> StartupInfo:
    if not path.exists():
        return StartupInfo(set_up=False)
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = con.execute(
            "SELECT d.office_code, o.name, d.device_no, d.is_demo FROM device d"
            " JOIN office o ON o.code = d.office_code"
        ).fetchone()
        if row is None:
            return StartupInfo(set_up=False)
        settings = dict(con.execute("SELECT key, value FROM local_setting").fetchall())
    except sqlite3.OperationalError as exc:
        if "no such" in str(exc):  # no tables yet, or an older schema: not set up
            return StartupInfo(set_up=False)
        raise  # locked or unreadable is not "not set up": no set-up wizard on a real office
    finally:
        con.close()
    language = _json(settings.get("language"), "id")
    raw_logins = _json(settings.get("demo_logins"), [])
    logins = [
        StartupLogin(d["username"], d["full_name"], d["role"], d["password"])
        for d in (raw_logins if isinstance(raw_logins, list) else [])
    ]
    return StartupInfo(
        set_up=True,
        office_code=str(row[0]),
        office_name=str(row[1]),
        device_no=int(row[2]),
        is_demo=bool(row[3]),
        language=language if language in ("id", "en") else "id",
        demo_logins=logins if row[3] else [],
    )


def _json(raw: str | None, default: object) -> object:
    if raw is None:
        return default
    try:
        return json.loads(raw)
    except ValueError:
        return default
