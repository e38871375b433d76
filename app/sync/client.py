"""One sync cycle of an office PC: push the outbox in order, then pull what is new.

"Sync complete" is only ever reported after the server confirmed. Transient faults (no
network, timeouts, 5xx) are retried with exponential backoff and full jitter, then recorded
as the last error; the outbox stays as it was. A revoked device (401) keeps its outbox.
"""

from __future__ import annotations

import logging

from sqlalchemy import func, select

from app.db import Database
from app.errors import StateError
from app.models import Device, Outbox, SyncLink
from app.models.sync import SYNC_RECOVERY_KEY
from app.sync import pull, push
from app.sync.recovery import local_setting, renumber_after
from app.sync.report import CycleReport, SyncStatus
from app.sync.transport import REVOKED, Refused, Transient, Transport, check
from app.texts import Text

# Also reachable from here: the window and the CLI import these from app.sync.client.
__all__ = [
    "OFFLINE", "REVOKED", "CycleReport", "SyncStatus", "Transient", "Transport", "enroll",
    "link", "recover", "run_cycle", "status",
]  # fmt: skip

log = logging.getLogger(__name__)

NOT_ENROLLED = Text(
    "Komputer ini belum terhubung ke server pusat. Daftarkan dulu dengan kode dari admin.",
    "This PC is not linked to the central server. Enrol it first with a code from the admin.",
)
OFFLINE = Text(
    "Server tidak dapat dihubungi ({why}). Pekerjaan tetap tersimpan di komputer ini.",
    "The server cannot be reached ({why}). Work stays saved on this PC.",
)
ENROLL_REFUSED = Text("Pendaftaran ditolak: {why}", "Enrolment refused: {why}")
DEMO_NOT_SYNCED = Text(
    "Kantor demo tidak dapat dihubungkan ke server: datanya contoh dari lima kantor. Siapkan "
    "kantor sungguhan (loket init) di komputer ini untuk sinkronisasi.",
    "A demo office cannot be linked to a server: its data are samples from five offices. "
    "Set up a real office (loket init) on this PC to sync.",
)


def link(db: Database) -> SyncLink | None:
    with db.read() as session:
        return session.get(SyncLink, 1)


def enroll(
    db: Database,
    server_url: str,
    code: str,
    transport: Transport | None = None,
    *,
    allow_demo: bool = False,
) -> SyncLink:
    """Link this PC to a server with a one-time code. A demo office is refused (its sample
    participants belong to five offices, which a counter's push may not carry) unless
    `allow_demo` (only `loket screenshots`, against its own throw-away server)."""
    with db.read() as session:
        device = session.scalars(select(Device)).one()
    if device.is_demo and not allow_demo:
        raise StateError(DEMO_NOT_SYNCED)
    transport = transport or Transport(server_url)
    try:
        response = transport.call(
            "POST",
            "/v1/enroll",
            None,
            json={
                "code": code,
                "device_id": device.device_id,
                "device_no": device.device_no,
                "office_code": device.office_code,
                "name": f"{device.office_code}-{device.device_no}",
            },
        )
    except Transient as exc:
        raise StateError(OFFLINE, why=str(exc)) from exc
    if response.status_code != 200:
        raise StateError(ENROLL_REFUSED, why=response.json().get("detail", response.text))
    body = response.json()
    with db.write() as session:
        session.merge(
            SyncLink(
                id=1,
                server_url=server_url,
                device_id=body["device_id"],
                token=body["token"],
                office_code=body["office_code"],
                is_hq=body["is_hq"],
                cursor=0,
                enrolled_at=db.clock(),
                revoked=False,
                # A new link starts clean: nothing of an earlier server or token is shown.
                last_success_at=None,
                last_error=None,
                last_error_at=None,
            )
        )
    found = link(db)
    assert found is not None
    return found


def status(db: Database) -> SyncStatus:
    with db.read() as session:
        found = session.get(SyncLink, 1)
        pending = (
            session.scalar(
                select(func.count()).select_from(Outbox).where(Outbox.status == "pending")
            )
            or 0
        )
        failed = (
            session.scalar(
                select(func.count())
                .select_from(Outbox)
                .where(Outbox.status.in_(("rejected", "conflict")))
            )
            or 0
        )
    return SyncStatus(
        enrolled=found is not None,
        server_url=found.server_url if found else None,
        pending=pending,
        failed=failed,
        last_success=found.last_success_at if found else None,
        last_error=found.last_error if found else None,
        revoked=bool(found and found.revoked),
        cursor=found.cursor if found else 0,
    )


def _record_error(db: Database, message: str, revoked: bool = False) -> None:
    with db.write() as session:
        found = session.get(SyncLink, 1)
        if found is not None:
            found.last_error, found.last_error_at = message, db.clock()
            found.revoked = found.revoked or revoked


def run_cycle(db: Database, transport: Transport | None = None) -> CycleReport:
    """Push, then pull; see the module docstring. A `transport` given is kept open (the
    window keeps one for every cycle); one made here is closed at the end."""
    current = link(db)
    if current is None:
        raise StateError(NOT_ENROLLED)
    if transport is None:
        made = Transport(current.server_url)
        try:
            return run_cycle(db, made)
        finally:
            made.close()
    report = CycleReport()
    try:
        if local_setting(db, SYNC_RECOVERY_KEY) is not None:
            current = recover(db, transport, current)
        push.push_changes(db, transport, current, report)
        pull.pull_changes(db, transport, current, report)
    except Transient as exc:
        report.error = OFFLINE.render(why=str(exc))
        _record_error(db, report.error)
        return report
    except Refused as exc:
        report.error = exc.message
        _record_error(db, exc.message, revoked=exc.revoked)
        return report
    with db.write() as session:
        found = session.get(SyncLink, 1)
        if found is not None:
            found.last_success_at, found.last_error, found.revoked = db.clock(), None, False
    report.ok = True
    return report


def recover(db: Database, transport: Transport, current: SyncLink) -> SyncLink:
    """After `loket restore` of a backup (which marks SYNC_RECOVERY_KEY): ask the server for
    the last change number it took from this PC, then renumber after it and pull everything
    once (app.sync.recovery). If the server cannot be reached nothing changes."""
    info = check(transport.call("GET", "/v1/device", current.token))
    anchor = info.get("anchor") or {}
    renumber_after(
        db,
        int(info["last_seq"]),
        (int(anchor.get("seq", 0)), str(anchor.get("hash", "0" * 64))),
    )
    renewed = link(db)
    assert renewed is not None
    return renewed
