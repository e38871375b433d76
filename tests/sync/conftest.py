"""A real sync server process over real HTTP, and office PCs as real LOKET_HOME folders.

The server runs on PostgreSQL when LOKET_TEST_PG is set (CI sets it), otherwise on an
SQLite file; tests say which in their output.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

PASSWORD = "Kantor2026"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def loket(
    home: Path | None, *args: str, stdin: str | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if home is not None:
        env["LOKET_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


@dataclass
class Server:
    url: str
    db: str
    process: subprocess.Popen[bytes]
    port: int

    def enroll_code(self, office: str, device: str | None = None) -> str:
        extra = ("--device", device) if device else ()
        out = loket(None, "server", "enroll-code", "--db", self.db, "--office", office, *extra)
        assert out.returncode == 0, out.stderr
        return out.stdout.split()[-1]

    def stop(self, kill: bool = False) -> None:
        if self.process.poll() is None:
            self.process.kill() if kill else self.process.terminate()
            self.process.wait(timeout=30)

    def start(self) -> None:
        self.process = _spawn(self.db, self.port)


def _spawn(db: str, port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "server", "run", "--db", db, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("sync server did not start")


def backends() -> list[str]:
    """The server databases a test marked `both_backends` runs on: SQLite always, and
    PostgreSQL where one is given (CI)."""
    return ["sqlite", "postgresql"] if os.environ.get("LOKET_TEST_PG") else ["sqlite"]


def both_backends() -> pytest.MarkDecorator:
    """Run a module's tests against a server on each backend (`server` fixture)."""
    return pytest.mark.parametrize("server", backends(), indirect=True)


def server_db_url(tmp_path: Path, backend: str | None = None) -> str:
    """A fresh server database: an SQLite file, or a new PostgreSQL database when
    LOKET_TEST_PG is set (unless `backend` asks for SQLite)."""
    pg = os.environ.get("LOKET_TEST_PG")
    if not pg or backend == "sqlite":
        return str(tmp_path / "server.db")
    import psycopg

    name = f"loket_test_{os.getpid()}_{int(time.time() * 1000) % 10**8}"
    with psycopg.connect(pg, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return pg.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Server]:
    db = server_db_url(tmp_path, getattr(request, "param", None))
    port = free_port()
    srv = Server(f"http://127.0.0.1:{port}", db, _spawn(db, port), port)
    yield srv
    srv.stop()
    if db.startswith("postgresql"):
        import psycopg

        admin_url = os.environ["LOKET_TEST_PG"]
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{db.rsplit("/", 1)[1]}" WITH (FORCE)')


def make_office(tmp_path: Path, name: str, office: str, device: int) -> Path:
    home = tmp_path / name
    out = loket(
        home,
        "init",
        "--office",
        office,
        "--device",
        str(device),
        "--admin",
        "admin",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert out.returncode == 0, out.stderr
    return home


def enrolled(server: Server, home: Path, office: str) -> Path:
    out = loket(
        home,
        "sync",
        "enroll",
        "--server",
        server.url,
        "--code",
        server.enroll_code(office),
        "--json",
    )
    assert out.returncode == 0, out.stdout + out.stderr
    return home


def sync(home: Path) -> dict[str, object]:
    out = loket(home, "sync", "run", "--json")
    data: dict[str, object] = json.loads(out.stdout)
    return data
