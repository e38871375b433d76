"""Pushing this PC's outbox: in order, in batches bounded in count and bytes (a change too
large to send goes void: only its number travels, so it is refused once, never retried),
and the answers written back in one local transaction."""

from __future__ import annotations

import json
from typing import Any, cast

import httpx
from sqlalchemy import Table, bindparam, select, update

from app.changes import announce
from app.db import Database
from app.models import Outbox, SyncLink
from app.protocol.validate import VOID
from app.sync.local_apply import ServerRecord, write_records
from app.sync.report import CycleReport
from app.sync.transport import Transport, check

PUSH_BATCH = 1000  # the server takes up to 1,000 mutations a request
PUSH_MAX_BYTES = 4 * 1024 * 1024  # and up to 8 MB of body (app.server.api.MAX_BODY_BYTES)


def push_changes(
    db: Database, transport: Transport, current: SyncLink, report: CycleReport
) -> None:
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
        body = check(_send(transport, current, mutations))
        sent = {m["mutation_id"] for m in mutations}
        results = [r for r in body["results"] if r["mutation_id"] in sent]
        held = store_results(db, results, report, body.get("anchor"))
        report.pushed += len(results)
        if held or not results:
            return  # the server holds a change stamped ahead of its clock: later


def _wire(row: Any) -> tuple[dict[str, Any], int]:
    """An outbox row as pushed, and about how many bytes it takes on the wire. Its fields
    are not checked here: the server checks every change and refuses a broken one on its
    own (app.protocol.validate), which is shown once in the refused list, never retried."""
    m = {key: row[key] for key in _WIRE_KEYS}
    text: str = row["changes"]
    m["changes"] = json.loads(text)
    return m, ENVELOPE_BYTES + len(text.encode("utf-8", "surrogatepass"))


_WIRE_KEYS = (
    "seq", "mutation_id", "entity", "entity_id", "op", "base_version", "version", "hlc",
    "office_code",
)  # fmt: skip
# A change's envelope (ids, stamp, numbers, keys) in JSON, at most; its fields come on top.
ENVELOPE_BYTES = 400


def _void(m: dict[str, Any], why: str) -> dict[str, Any]:
    return {**m, "op": VOID, "changes": {"why": why}}


def _within_bytes(mutations: list[tuple[dict[str, Any], int]]) -> list[dict[str, Any]]:
    """The first changes whose JSON fits PUSH_MAX_BYTES (at least one). A single change
    above it could never be taken (the server's field limits are far below), so it is sent
    void: only its number travels, and it is refused as too large, once."""
    kept: list[dict[str, Any]] = []
    total = 0
    for m, size in mutations:
        if size > PUSH_MAX_BYTES:
            m, size = _void(m, "too large"), ENVELOPE_BYTES
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


def store_results(
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
            report.entities |= outcome.entities
            report.pull_problems.extend(outcome.problems)
        found = session.get(SyncLink, 1)
        if anchor and found is not None:
            found.anchor_seq = int(anchor.get("seq", 0))
            found.anchor_hash = str(anchor.get("hash", found.anchor_hash))
    announce(report.entities)  # committed: the window's pages showing them refresh
    return held is not None
