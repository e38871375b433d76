"""What an attacker with one enrolled device can send: raw HTTP with a real token.

A `RawDevice` is enrolled with a real one-time code (it needs no Loket program: a token is
enough), then pushes hand-made changes numbered the way the server expects. Helpers read
what an office PC holds straight from its SQLite file.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from tests.sync.conftest import Server, loket

HEADERS = {"X-Loket-Protocol": "1"}
BUDI_BANK = (
    "nik;nama;tanggal_lahir;jenis_kelamin;telepon;bank;nomor_rekening;nama_pemilik_rekening;"
    "persetujuan\n"
    "3601011708900001;Budi Banten;17/08/1990;L;081234567890;BRI;0012345678901;Budi Banten;Y\n"
)


_serials = iter(range(1, 10**6))


def participant_row(office: str, nik: str | None = None, name: str = "Orang Lain") -> dict:
    """A complete, well-formed participant record as a device would push it (a NIK of its
    own unless one is given)."""
    nik = nik or f"3171011708{next(_serials):06d}"
    return {
        "nik": nik,
        "full_name": name,
        "name_key": name.lower(),
        "birth_date": "1990-08-17",
        "sex": "L",
        "whatsapp": False,
        "status": "registered",
        "registered_by": "admin",
        "registered_at": "2026-12-01T08:00:00+00:00",
        "office_code": office,
        "created_at": "2026-12-01T08:00:00+00:00",
    }


def consent_row(office: str, participant_id: str) -> dict:
    return {
        "participant_id": participant_id,
        "notice_version": "2026-1",
        "given_at": "2026-12-01T08:00:00+00:00",
        "recorded_by": "admin",
        "withdrawn_at": None,
        "office_code": office,
        "created_at": "2026-12-01T08:00:00+00:00",
    }


def staff_row(office: str, username: str, role: str, password: str) -> dict:
    from argon2 import PasswordHasher

    return {
        "username": username,
        "full_name": username,
        "role": role,
        "password_hash": PasswordHasher().hash(password),
        "active": True,
        "must_change_password": False,
        "office_code": office,
        "created_at": "2026-12-01T08:00:00+00:00",
    }


def now_hlc(node: str) -> str:
    return f"{int(time.time() * 1000):013d}-00000-{node[:36]}"


@dataclass
class RawDevice:
    url: str
    token: str
    device_id: str
    office: str
    seq: int = 0

    @property
    def headers(self) -> dict[str, str]:
        return {**HEADERS, "Authorization": f"Bearer {self.token}"}

    def mutation(
        self,
        entity: str,
        entity_id: str,
        op: str,
        changes: dict[str, Any],
        *,
        office: str | None = None,
        base_version: int = 0,
        version: int = 1,
    ) -> dict[str, Any]:
        self.seq += 1
        return {
            "seq": self.seq,
            "mutation_id": str(uuid.uuid4()),
            "entity": entity,
            "entity_id": entity_id,
            "op": op,
            "base_version": base_version,
            "version": version,
            "hlc": now_hlc(self.device_id),
            "office_code": office or self.office,
            "changes": changes,
        }

    def push_raw(self, content: bytes | str, **headers: str) -> httpx.Response:
        return httpx.post(
            self.url + "/v1/push",
            content=content,
            headers={**self.headers, "Content-Type": "application/json", **headers},
            timeout=120,
        )

    def push(self, *mutations: dict[str, Any]) -> list[dict[str, Any]]:
        r = httpx.post(
            self.url + "/v1/push",
            json={"mutations": list(mutations)},
            headers=self.headers,
            timeout=120,
        )
        assert r.status_code == 200, (r.status_code, r.text[:500])
        results: list[dict[str, Any]] = r.json()["results"]
        return results

    def get(self, path: str, **params: Any) -> httpx.Response:
        return httpx.get(self.url + path, params=params, headers=self.headers, timeout=120)

    def post(self, path: str, body: Any) -> httpx.Response:
        return httpx.post(self.url + path, json=body, headers=self.headers, timeout=120)

    def pull_all(self) -> list[dict[str, Any]]:
        changes: list[dict[str, Any]] = []
        after = 0
        while True:
            r = self.get("/v1/pull", after=after, limit=5000)
            assert r.status_code == 200, (r.status_code, r.text[:300])
            body = r.json()
            changes += body["changes"]
            if not body["more"]:
                return changes
            after = body["last_seq"]


# A device's number is part of its receipt numbers, so the server gives each number of an
# office once (app.server.admin.enroll): every raw device gets its own (9-99; the office
# PCs of the tests count from 1).
_device_numbers = itertools.cycle(range(9, 100))


def enroll_raw(
    server: Server,
    office: str,
    device_id: str | None = None,
    code: str | None = None,
    device_no: int | None = None,
) -> httpx.Response:
    return httpx.post(
        server.url + "/v1/enroll",
        headers=HEADERS,
        json={
            "code": code or server.enroll_code(office),
            "device_id": device_id or str(uuid.uuid4()),
            "device_no": device_no or next(_device_numbers),
            "office_code": office,
        },
        timeout=60,
    )


def raw_device(server: Server, office: str) -> RawDevice:
    r = enroll_raw(server, office)
    assert r.status_code == 200, r.text
    body = r.json()
    return RawDevice(server.url, body["token"], body["device_id"], office)


def query(home: Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(home / "loket.db")
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def one(home: Path, sql: str, *args: Any) -> Any:
    rows = query(home, sql, *args)
    assert len(rows) == 1, rows
    return rows[0][0]


def import_text(home: Path, tmp_path: Path, text: str, name: str) -> None:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    out = loket(home, "participants", "import", str(f))
    assert out.returncode == 0, out.stdout + out.stderr


def server_audit(server: Server, action: str) -> list[dict[str, Any]]:
    """The server's own audit rows of one action (refusals), read from its database."""
    from sqlalchemy import create_engine, text

    from app.server.db import normalize_url

    engine = create_engine(normalize_url(server.db))
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT device_id, detail FROM server_audit WHERE action = :a"), {"a": action}
            ).all()
    finally:
        engine.dispose()
    return [{"device_id": d, "detail": json.loads(x) if isinstance(x, str) else x} for d, x in rows]
