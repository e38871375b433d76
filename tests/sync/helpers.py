"""Helpers of the sync fault tests: local registrations, a lossy proxy, replica snapshots."""

from __future__ import annotations

import http.server
import random
import sqlite3
import threading
from pathlib import Path
from typing import Any

import httpx

from app.db import Database
from app.services.auth import login
from app.services.participants import check, register
from tests.sync.conftest import PASSWORD


def add_people(home: Path, count: int, rng: random.Random, start: int) -> None:
    """Register `count` participants on an office PC, through the real service."""
    db = Database(home / "loket.db")
    try:
        actor = login(db, "admin", PASSWORD).actor
        for n in range(start, start + count):
            day = 1 + n % 28
            raw = {
                "nik": f"317101{day:02d}0190{1 + n % 9999:04d}",
                "nama": f"Peserta {rng.choice(['Budi', 'Siti', 'Eko', 'Dewi'])} {n}",
                "tanggal_lahir": f"{day:02d}/01/1990",
                "jenis_kelamin": "L",
                "persetujuan": "Y",
            }
            _result, candidates = check(db, raw)  # similar names are acknowledged, as a
            out = register(
                db,
                actor,
                raw,
                confirm_warnings=True,  # clerk would
                acknowledged=frozenset(d.id for d in candidates),
            )
            assert out.saved is not None, [f.message() for f in out.findings]
    finally:
        db.dispose()


LOCAL_ONLY = {"created_at", "updated_at"}  # when this PC wrote the row, not what it holds


def snapshot(home: Path) -> list[tuple[Any, ...]]:
    """What two converged replicas must agree on (the same export on every side): every
    synced column of every participant and consent, versions and stamps included."""
    con = sqlite3.connect(home / "loket.db")
    try:
        rows: list[tuple[Any, ...]] = []
        for table in ("participant", "consent"):
            columns = [
                c[1] for c in con.execute(f"PRAGMA table_info({table})") if c[1] not in LOCAL_ONLY
            ]
            rows += [
                (table, *r)
                for r in con.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            ]
        return sorted(rows, key=repr)
    finally:
        con.close()


def people(home: Path) -> int:
    """Participant records held (merged ones included)."""
    return sum(1 for row in snapshot(home) if row[0] == "participant")


def integrity(home: Path) -> str:
    con = sqlite3.connect(home / "loket.db")
    try:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        con.close()


def pending(home: Path) -> int:
    con = sqlite3.connect(home / "loket.db")
    try:
        return int(con.execute("SELECT count(*) FROM outbox WHERE status='pending'").fetchone()[0])
    finally:
        con.close()


class LossyProxy:
    """A real HTTP hop in front of the server that, for the first `drop` push requests,
    forwards the request (the server commits) and then hangs up without an answer."""

    def __init__(self, target: str, drop: int) -> None:
        self.target, self.drop, self.dropped = target, drop, 0
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _forward(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                headers = {
                    k: v
                    for k, v in self.headers.items()
                    if k.lower() not in ("host", "content-length", "connection")
                }
                answer = httpx.request(
                    self.command,
                    proxy.target + self.path,
                    content=body,
                    headers=headers,
                    timeout=60,
                )
                if self.path.startswith("/v1/push") and proxy.dropped < proxy.drop:
                    proxy.dropped += 1
                    self.close_connection = True  # committed upstream, answer lost
                    return
                self.send_response(answer.status_code)
                self.send_header("Content-Type", answer.headers.get("content-type", ""))
                self.send_header("Content-Length", str(len(answer.content)))
                self.end_headers()
                self.wfile.write(answer.content)

            do_GET = do_POST = _forward  # noqa: N815 (http.server names)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
