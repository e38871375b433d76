"""Does this PC's own audit chain still reach what the server holds of it?

The local chain is checked event by event by `loket check` (app.domain.audit_chain), but a
chain can be cut at its end (the newest events deleted) or rewritten as a whole (one event
edited and every later hash recomputed) and still verify. The server keeps the newest
event it took from each device — its number and hash, the anchor (app.server.anchors) —
and every push answer brings it back. Here the local chain must hold that very event:
missing means cut, a different hash means rewritten. The anchor is asked from the server
when it can be reached (a PC's stored copy could be edited along with the chain); offline,
the copy stored at the last sync is used, and the report says which.

Plain sqlite3, like the rest of `loket check`: it must work on a damaged file too.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from app.texts import Text

CUT = Text(
    "Rantai audit terpotong: server menyimpan peristiwa audit komputer ini sampai nomor {seq}, "
    "tetapi peristiwa itu tidak ada lagi di sini (dihapus?).",
    "Audit chain cut: the server holds this PC's audit events up to number {seq}, but that "
    "event is no longer here (deleted?).",
)
REWRITTEN = Text(
    "Rantai audit ditulis ulang: peristiwa audit nomor {seq} di komputer ini berbeda dengan "
    "yang disimpan server (diubah lalu dihitung ulang?).",
    "Audit chain rewritten: audit event number {seq} on this PC differs from the one the "
    "server holds (edited and recomputed?).",
)
FROM_SERVER = Text("dibandingkan dengan server", "compared with the server")
FROM_LAST_SYNC = Text(
    "dibandingkan dengan catatan sinkronisasi terakhir (server tidak terjangkau)",
    "compared with the record of the last sync (server not reachable)",
)


@dataclass
class AnchorCheck:
    """The outcome: nothing to compare (not linked, nothing synced yet), or the comparison
    and where the anchor came from."""

    compared: bool = False
    source: str = ""
    seq: int = 0
    problems: list[str] = field(default_factory=list)


def _stored(path: Path) -> tuple[str, str, str, int, str] | None:
    """(device id, server URL, token, anchor number, anchor hash) of a linked PC."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        device = con.execute("SELECT device_id FROM device").fetchone()
        link = con.execute(
            "SELECT server_url, token, anchor_seq, anchor_hash FROM sync_link WHERE id = 1"
        ).fetchone()
    except sqlite3.Error:
        return None
    finally:
        con.close()
    if device is None or link is None:
        return None
    return str(device[0]), str(link[0]), str(link[1]), int(link[2]), str(link[3])


def _live(url: str, token: str) -> tuple[int, str] | None:
    """The anchor the server holds now, or None when it cannot be asked."""
    from app.sync.client import Transient, Transport

    transport = Transport(url, attempts=1, timeout=5.0)
    try:
        response = transport.call("GET", "/v1/device", token)
    except Transient:
        return None
    finally:
        transport.close()
    if response.status_code != 200:
        return None
    anchor = response.json().get("anchor") or {}
    return int(anchor.get("seq", 0)), str(anchor.get("hash", ""))


def check_anchor(path: Path, *, ask_server: bool = True) -> AnchorCheck:
    """Compare this PC's chain with the server's anchor; see the module docstring."""
    stored = _stored(path)
    if stored is None:
        return AnchorCheck()
    device_id, url, token, seq, digest = stored
    source = FROM_LAST_SYNC.render()
    live = _live(url, token) if ask_server else None
    if live is not None:
        (seq, digest), source = live, FROM_SERVER.render()
    if seq == 0:
        return AnchorCheck()
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = con.execute(
            "SELECT hash FROM audit_event WHERE device_id = ? AND seq = ?", (device_id, seq)
        ).fetchone()
    finally:
        con.close()
    result = AnchorCheck(compared=True, source=source, seq=seq)
    if row is None:
        result.problems.append(CUT.render(seq=seq))
    elif row[0] != digest:
        result.problems.append(REWRITTEN.render(seq=seq))
    return result
