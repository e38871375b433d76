"""The supervisor's side of sync: conflicts and duplicate NIKs, kept on the server.

Listing needs a connection (the queue lives centrally, so every counter sees the same one);
resolving is a supervisor's decision, checked here and recorded in this PC's audit log and
on the server.
"""

from __future__ import annotations

from typing import Any

from app.db import Database
from app.domain.roles import Permission
from app.errors import StateError, ValidationError
from app.services.access import require
from app.services.actor import Actor
from app.services.uow import unit_of_work
from app.sync.client import NOT_ENROLLED, OFFLINE, Transient, Transport, link
from app.texts import Text

REFUSED = Text("Server menolak: {why}", "The server refused: {why}")
PROOF_REFUSED = Text(
    "Server tidak menerima kata sandi supervisor ini. Periksa kata sandi; jika baru diganti "
    "atau akunnya baru dibuat, sinkronkan dulu agar server mengenalnya.",
    "The server did not accept this supervisor's password. Check it; if it was just changed "
    "or the account is new, sync first so the server knows it.",
)
TOO_MANY = Text(
    "Terlalu sering salah kata sandi supervisor dari komputer ini. Coba lagi 15 menit lagi.",
    "Too many wrong supervisor passwords from this PC. Try again in 15 minutes.",
)


def _call(db: Database, method: str, path: str, **kwargs: Any) -> Any:
    current = link(db)
    if current is None:
        raise StateError(NOT_ENROLLED)
    transport = Transport(current.server_url, attempts=2)
    try:
        response = transport.call(method, path, current.token, **kwargs)
    except Transient as exc:
        raise StateError(OFFLINE, why=str(exc)) from exc
    finally:
        transport.close()
    if response.status_code != 200:
        try:
            why = response.json().get("detail", response.text)
        except ValueError:
            why = response.text
        if response.status_code == 403 and "too many" in str(why):
            raise ValidationError(TOO_MANY, field="password")
        if response.status_code == 403:
            raise ValidationError(PROOF_REFUSED, field="password")
        raise StateError(REFUSED, why=why)
    return response.json()


def conflicts(db: Database) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = _call(db, "GET", "/v1/conflicts")
    return result


def duplicates(db: Database) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = _call(db, "GET", "/v1/duplicates")
    return result


def resolve(
    db: Database, actor: Actor, conflict_id: int, keep: str, password: str
) -> dict[str, Any]:
    """Keep the server's or the device's value; the next sync brings it to every PC. The
    supervisor's password goes with it: the server checks it against the staff record it
    holds (app.server.proof), not this PC's word."""
    require(db, actor, Permission.SYNC_RESOLVE)
    result: dict[str, Any] = _call(
        db,
        "POST",
        f"/v1/conflicts/{conflict_id}/resolve",
        json={"keep": keep, "by": actor.username, "password": password},
    )
    with unit_of_work(db, actor) as uow:
        uow.audit("sync.resolve_conflict", None, None, conflict=conflict_id, keep=keep)
    return result


def merge(db: Database, actor: Actor, flag_id: int, keep: str, password: str) -> dict[str, Any]:
    """Merge a same-NIK pair on the server, keeping record "a" or "b" (app.server.review);
    the next sync brings the result to every PC of both offices. The supervisor's password
    goes with it, as for `resolve`."""
    require(db, actor, Permission.SYNC_RESOLVE)
    result: dict[str, Any] = _call(
        db,
        "POST",
        f"/v1/duplicates/{flag_id}/merge",
        json={"keep": keep, "by": actor.username, "password": password},
    )
    with unit_of_work(db, actor) as uow:
        uow.audit(
            "sync.merge_duplicate",
            "participant",
            result.get("merged"),
            duplicate=flag_id,
            kept=result.get("kept"),
        )
    return result
