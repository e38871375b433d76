"""One sync cycle of an office PC: push the outbox in order, then pull what is new.

"Sync complete" is only ever reported after the server confirmed. Transient faults (no
network, timeouts, 5xx) are retried with exponential backoff and full jitter, then recorded
as the last error; the outbox stays as it was. A revoked device (401) keeps its outbox.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

import httpx
from sqlalchemy import Table, bindparam, func, select, update

from app.db import Database
from app.domain import hlc as hlc_rules
from app.errors import StateError
from app.migrations import HEAD
from app.models import Device, LocalSetting, Outbox, SyncLink
from app.models.sync import SYNC_FULL_PULL_KEY, SYNC_RECOVERY_KEY
from app.sync.local_apply import ServerRecord, write_records
from app.sync.protocol import PROTOCOL_HEADER, SCHEMA_HEADER
from app.sync.recovery import renumber_after
from app.sync.registry import PROTOCOL_VERSION
from app.sync.validate import VOID, check_mutation
from app.texts import Text

log = logging.getLogger(__name__)
PUSH_BATCH = 1000  # the server takes up to 1,000 mutations a request
PUSH_MAX_BYTES = 4 * 1024 * 1024  # and up to 8 MB of body (app.server.api.MAX_BODY_BYTES)
PULL_BATCH = 5000  # and hands out up to 5,000 changes

NOT_ENROLLED = Text(
    "Komputer ini belum terhubung ke server pusat. Daftarkan dulu dengan kode dari admin.",
    "This PC is not linked to the central server. Enrol it first with a code from the admin.",
)
REVOKED = Text(
    "Akses komputer ini ke server dicabut. Data tetap tersimpan dan akan dikirim setelah "
    "didaftarkan ulang.",
    "This PC's access to the server was revoked. Data stays here and is sent after re-enrolment.",
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


class Transient(Exception):
    """Network trouble or a 5xx answer: worth retrying later."""


@dataclass
class CycleReport:
    pushed: int = 0
    applied: int = 0
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[dict[str, Any]] = field(default_factory=list)
    held: int = 0
    pulled: int = 0
    skipped_pending: int = 0
    pull_problems: list[str] = field(default_factory=list)
    ok: bool = False
    error: str | None = None


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server_url: str | None
    pending: int
    failed: int
    last_success: datetime | None
    last_error: str | None
    revoked: bool
    cursor: int


def _headers(token: str | None = None) -> dict[str, str]:
    headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), SCHEMA_HEADER: HEAD}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return headers


class Transport:
    """HTTP with retries: exponential backoff with full jitter on transient faults."""

    def __init__(
        self,
        base_url: str,
        *,
        attempts: int = 4,
        base_delay: float = 0.5,
        timeout: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.attempts, self.base_delay, self.sleep = attempts, base_delay, sleep
        self.client = httpx.Client(timeout=timeout)

    def call(self, method: str, path: str, token: str | None, **kwargs: Any) -> httpx.Response:
        last: Exception | None = None
        for attempt in range(self.attempts):
            try:
                response = self.client.request(
                    method, self.base_url + path, headers=_headers(token), **kwargs
                )
            except httpx.TransportError as exc:
                last = exc
            else:
                if response.status_code < 500:
                    return response
                last = Transient(f"HTTP {response.status_code}")
            if attempt + 1 < self.attempts:
                self.sleep(random.uniform(0, self.base_delay * 2**attempt))
        raise Transient(str(last))

    def close(self) -> None:
        self.client.close()


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
    """Push, then pull; see the module docstring."""
    current = link(db)
    if current is None:
        raise StateError(NOT_ENROLLED)
    transport = transport or Transport(current.server_url)
    report = CycleReport()
    try:
        if _setting(db, SYNC_RECOVERY_KEY) is not None:
            current = recover(db, transport, current)
        _push(db, transport, current, report)
        _pull(db, transport, current, report)
    except Transient as exc:
        report.error = OFFLINE.render(why=str(exc))
        _record_error(db, report.error)
        return report
    except _Refused as exc:
        report.error = exc.message
        _record_error(db, exc.message, revoked=exc.revoked)
        return report
    with db.write() as session:
        found = session.get(SyncLink, 1)
        if found is not None:
            found.last_success_at, found.last_error, found.revoked = db.clock(), None, False
    report.ok = True
    return report


def _setting(db: Database, key: str) -> str | None:
    with db.read() as session:
        found = session.get(LocalSetting, key)
        return found.value if found is not None else None


def recover(db: Database, transport: Transport, current: SyncLink) -> SyncLink:
    """After `loket restore` of a backup (which marks SYNC_RECOVERY_KEY): ask the server for
    the last change number it took from this PC, then renumber after it and pull everything
    once (app.sync.recovery). If the server cannot be reached nothing changes."""
    info = _check(transport.call("GET", "/v1/device", current.token))
    anchor = info.get("anchor") or {}
    renumber_after(
        db,
        int(info["last_seq"]),
        (int(anchor.get("seq", 0)), str(anchor.get("hash", "0" * 64))),
    )
    renewed = link(db)
    assert renewed is not None
    return renewed


class _Refused(Exception):
    def __init__(self, message: str, revoked: bool = False) -> None:
        super().__init__(message)
        self.message, self.revoked = message, revoked


def _check(response: httpx.Response) -> dict[str, Any]:
    if response.status_code == 401:
        raise _Refused(REVOKED.render(), revoked=True)
    if response.status_code != 200:
        try:
            detail = response.json().get("detail", response.text)
        except ValueError:
            detail = response.text
        raise _Refused(f"HTTP {response.status_code}: {detail}")
    body: dict[str, Any] = response.json()
    return body


def _push(db: Database, transport: Transport, current: SyncLink, report: CycleReport) -> None:
    while True:
        with db.read() as session:
            batch = session.execute(
                select(
                    Outbox.seq,
                    Outbox.mutation_id,
                    Outbox.entity,
                    Outbox.entity_id,
                    Outbox.op,
                    Outbox.base_version,
                    Outbox.version,
                    Outbox.hlc,
                    Outbox.office_code,
                    Outbox.changes,
                )
                .where(Outbox.status == "pending")
                .order_by(Outbox.seq)
                .limit(PUSH_BATCH)
            ).all()
        if not batch:
            return
        mutations = _within_bytes([_wire(o._mapping) for o in batch])
        body = _check(_send(transport, current, mutations))
        sent = {m["mutation_id"] for m in mutations}
        results = [r for r in body["results"] if r["mutation_id"] in sent]
        held = _store_results(db, results, report, body.get("anchor"))
        report.pushed += len(results)
        if held or not results:
            return  # the server holds a change stamped ahead of its clock: later


def _wire(row: Any) -> dict[str, Any]:
    """An outbox row as pushed. A change this PC can tell the server would refuse (a value
    too long, a control character: app.sync.validate) is sent void: only its number
    travels, with the reason, so it is refused once and shown, never retried for ever."""
    m = {key: row[key] for key in _WIRE_KEYS}
    m["changes"] = json.loads(row["changes"])
    problem = check_mutation(m)
    return m if problem is None else _void(m, problem)


_WIRE_KEYS = (
    "seq", "mutation_id", "entity", "entity_id", "op", "base_version", "version", "hlc",
    "office_code",
)  # fmt: skip


def _void(m: dict[str, Any], why: str) -> dict[str, Any]:
    return {**m, "op": VOID, "changes": {"why": why}}


def _size(m: dict[str, Any]) -> int:
    return len(json.dumps(m, ensure_ascii=False).encode("utf-8", "surrogatepass"))


def _within_bytes(mutations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The first changes whose JSON fits PUSH_MAX_BYTES (at least one; a single change
    above the server's own limit is voided as too large)."""
    kept: list[dict[str, Any]] = []
    total = 0
    for m in mutations:
        size = _size(m)
        if size > PUSH_MAX_BYTES:
            m = _void(m, "too large")
            size = _size(m)
        if kept and total + size > PUSH_MAX_BYTES:
            break
        kept.append(m)
        total += size
    return kept


def _send(
    transport: Transport, current: SyncLink, mutations: list[dict[str, Any]]
) -> httpx.Response:
    """POST a push; a server that finds it too large (413) or malformed (422) gets the first
    half again, down to one change, which is then sent void, so the queue moves on."""
    while True:
        response = transport.call("POST", "/v1/push", current.token, json={"mutations": mutations})
        if response.status_code not in (413, 422):
            return response
        if len(mutations) > 1:
            del mutations[len(mutations) // 2 :]
        elif mutations[0]["op"] != VOID:
            why = "too large" if response.status_code == 413 else "refused by the server"
            mutations[0] = _void(mutations[0], why)
        else:
            return response  # even the bare number is refused: shown as an error


_OUTBOX = cast(Table, Outbox.__table__)


def _store_results(
    db: Database,
    results: list[dict[str, Any]],
    report: CycleReport,
    anchor: dict[str, Any] | None = None,
) -> bool:
    """Mark the outbox rows with their results (up to a held one) and write the records the
    server sent back, all in one transaction: one UPDATE per row sent as one executemany,
    the records as a batch (app.sync.local_apply). The server's audit anchor for this PC
    is kept for `loket check` (app.sync.anchor)."""
    held: dict[str, Any] | None = None
    now = db.clock()
    marks: list[dict[str, Any]] = []
    records: list[ServerRecord] = []
    for r in results:
        if r["status"] == "held":
            held = r
            report.held += 1
            break
        marks.append(
            {
                "b_id": r["mutation_id"],
                "b_status": r["status"],
                "b_result": json.dumps(r, ensure_ascii=False),
            }
        )
        if r["status"] == "conflict":
            report.conflicts.append(r)
        elif r["status"] == "rejected":
            report.rejected.append(r)
        else:
            report.applied += 1
        record = r.get("record")
        if record:
            records.append(
                ServerRecord(
                    record["entity"],
                    record["entity_id"],
                    record["version"],
                    record["hlc"],
                    record["data"],
                )
            )
    with db.write() as session:
        if marks:
            session.execute(
                update(_OUTBOX)
                .where(_OUTBOX.c.mutation_id == bindparam("b_id"))
                .values(status=bindparam("b_status"), sent_at=now, result=bindparam("b_result")),
                marks,
            )
        if held is not None:
            session.execute(
                update(_OUTBOX)
                .where(_OUTBOX.c.mutation_id == held["mutation_id"])
                .values(result=json.dumps(held, ensure_ascii=False))
            )
        if records:  # after marking: a row still pending in the outbox is left alone
            outcome = write_records(session, records, now)
            report.pull_problems.extend(outcome.problems)
        found = session.get(SyncLink, 1)
        if anchor and found is not None:
            found.anchor_seq = int(anchor.get("seq", 0))
            found.anchor_hash = str(anchor.get("hash", found.anchor_hash))
    return held is not None


def _pull(db: Database, transport: Transport, current: SyncLink, report: CycleReport) -> None:
    cursor = current.cursor
    full = _setting(db, SYNC_FULL_PULL_KEY) is not None
    with db.read() as session:
        # The newest change number this PC has made: the server leaves out this PC's own
        # changes only if it holds all of them (a PC restored from an old backup gets its
        # later changes back; after `recover` everything is pulled once, own changes too).
        made = int(session.scalar(select(func.coalesce(func.max(Outbox.seq), 0))) or 0)
    params: dict[str, int] = {"limit": PULL_BATCH} if full else {"limit": PULL_BATCH, "made": made}
    while True:
        body = _check(
            transport.call("GET", "/v1/pull", current.token, params={**params, "after": cursor})
        )
        changes = body["changes"]
        if not changes and int(body["last_seq"]) == cursor:
            break
        now = db.clock()
        with db.write() as session:  # the batch and the cursor move together
            device = session.scalars(select(Device)).one()
            outcome = write_records(
                session,
                [
                    ServerRecord(c["entity"], c["entity_id"], c["version"], c["hlc"], c["data"])
                    for c in changes
                ],
                now,
                pulled=True,
            )
            report.pulled += outcome.written
            report.skipped_pending += outcome.skipped
            report.pull_problems.extend(outcome.problems)
            if outcome.newest is not None:  # the local clock moves past every stamp received
                clock = hlc_rules.Hlc.parse(device.last_hlc) if device.last_hlc else None
                device.last_hlc = str(
                    hlc_rules.receive(
                        clock, outcome.newest, int(now.timestamp() * 1000), device.device_id
                    )
                )
            found = session.get(SyncLink, 1)
            assert found is not None
            found.cursor = cursor = int(body["last_seq"])
        if not body["more"]:
            break
    if full:  # everything is here now: from the next pull on, own changes are left out
        with db.write() as session:
            marker = session.get(LocalSetting, SYNC_FULL_PULL_KEY)
            if marker is not None:
                session.delete(marker)
