"""A supervisor's proof for a decision taken on the server (a conflict resolved, a merge).

The device's word that "a supervisor decided" is not enough: any enrolled device could call
the review endpoints. The counter sends the supervisor's username and password; the server
checks them against the staff record it holds for that office (synced like every other
record: role, active flag, argon2 hash). Wrong passwords are counted per device in the
server's audit log, and after MAX_FAILURES within FAILURE_WINDOW the device is refused
until the window passes, so a hostile device cannot try passwords at the server's speed.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from app.domain.roles import Permission, can
from app.server.models import Device, RecordState, ServerAudit

MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
BAD_PROOF = "supervisor proof refused"  # answered as 403 with this detail
TOO_MANY = "too many wrong supervisor passwords"
_hasher = PasswordHasher()


class ProofRefused(Exception):
    """The supervisor's proof did not hold (403 for the caller)."""


def _verify(stored: object, password: str) -> bool:
    try:
        return isinstance(stored, str) and _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def check_supervisor(
    engine: Engine,
    device: Device,
    offices: set[str],
    username: str,
    password: str,
    permission: Permission,
    now: datetime,
) -> str:
    """The username, once the server holds an active staff record of one of `offices` with
    that username, a role allowed `permission` and a hash the password matches. A failure
    is written to the server's audit log (in its own transaction) and raises ProofRefused."""
    with Session(engine) as session, session.begin():
        failures = session.scalar(
            select(func.count())
            .select_from(ServerAudit)
            .where(
                ServerAudit.device_id == device.id,
                ServerAudit.action == "review.bad_proof",
                ServerAudit.at > now - FAILURE_WINDOW,
            )
        )
        if (failures or 0) >= MAX_FAILURES:
            raise ProofRefused(TOO_MANY)
        staff = session.scalars(
            select(RecordState).where(
                RecordState.entity == "staff",
                RecordState.office_code.in_(sorted(offices)),
                RecordState.deleted.is_(False),
                RecordState.data["username"].as_string() == username,
            )
        ).all()
        for rec in staff:
            data = rec.data
            role = str(data.get("role") or "")
            if (
                data.get("active") is True
                and role in ("counter", "supervisor", "admin")
                and can(role, permission)
                and _verify(data.get("password_hash"), password)
            ):
                return username
        session.add(
            ServerAudit(
                at=now,
                device_id=device.id,
                action="review.bad_proof",
                detail={"username": username, "offices": sorted(offices)},
            )
        )
    raise ProofRefused(BAD_PROOF)
