"""Pulling what other PCs and the server changed: batch by batch, each batch and the cursor
in ONE local transaction, the local clock moved past every stamp received."""

from __future__ import annotations

from sqlalchemy import func, select

from app.changes import announce
from app.db import Database
from app.domain import hlc as hlc_rules
from app.models import Device, LocalSetting, Outbox, SyncLink
from app.models.sync import SYNC_FULL_PULL_KEY
from app.sync.local_apply import ServerRecord, write_records
from app.sync.recovery import local_setting
from app.sync.report import CycleReport
from app.sync.transport import Transport, check

PULL_BATCH = 5000  # the server hands out up to 5,000 changes


def pull_changes(
    db: Database, transport: Transport, current: SyncLink, report: CycleReport
) -> None:
    cursor = current.cursor
    full = local_setting(db, SYNC_FULL_PULL_KEY) is not None
    with db.read() as session:
        # The newest change number this PC has made: the server leaves out this PC's own
        # changes only if it holds all of them (a PC restored from an old backup gets its
        # later changes back; after `recover` everything is pulled once, own changes too).
        made = int(session.scalar(select(func.coalesce(func.max(Outbox.seq), 0))) or 0)
    params: dict[str, int] = {"limit": PULL_BATCH} if full else {"limit": PULL_BATCH, "made": made}
    while True:
        body = check(
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
            report.entities |= outcome.entities
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
        announce(outcome.entities)  # committed: the window's pages showing them refresh
        if not body["more"]:
            break
    if full:  # everything is here now: from the next pull on, own changes are left out
        with db.write() as session:
            marker = session.get(LocalSetting, SYNC_FULL_PULL_KEY)
            if marker is not None:
                session.delete(marker)
