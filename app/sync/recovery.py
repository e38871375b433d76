"""Sync after `loket restore` of a backup: nothing this PC did after the backup is lost.

The server may already hold this PC's later changes, numbered past what the backup knows,
and the restored database lacks the records they made. `renumber_after` (given the last
number the server took from this PC, asked by app.sync.client.recover) renumbers the
waiting changes after it (a change the server already has keeps its id and is answered
from the server's record, using up its new number), makes sure new changes are numbered
after it too, and asks for one pull of everything from the start, this PC's own changes
included (SYNC_FULL_PULL_KEY), so the work done after the backup comes back. One local
transaction.
"""

from __future__ import annotations

import json
import logging
from typing import cast

from sqlalchemy import Table, func, select, update
from sqlalchemy.orm import Session

from app.db import Database
from app.domain.audit_chain import event_hash
from app.models import AuditEvent, Device, LocalSetting, Outbox, SyncLink
from app.models.sync import SYNC_FULL_PULL_KEY, SYNC_RECOVERY_KEY

log = logging.getLogger(__name__)
PLACEHOLDER = "placeholder"  # an outbox row that only holds a change number
# The audit action of `loket restore` (app.services.maintenance), the first event written
# after the backup was put in place.
RESTORE_ACTION = "maintenance.restore"
_OUTBOX = cast(Table, Outbox.__table__)


def local_setting(db: Database, key: str) -> str | None:
    """A LocalSetting's value (the recovery markers), or None."""
    with db.read() as session:
        found = session.get(LocalSetting, key)
        return found.value if found is not None else None


def renumber_after(db: Database, last: int, anchor: tuple[int, str] | None = None) -> None:
    """See the module docstring; `last` is the server's last change number of this PC and
    `anchor` the newest audit event the server holds from it (number, hash)."""
    with db.write() as session:
        if anchor is not None:
            rechain_audit(session, anchor)
        waiting = list(
            session.scalars(
                select(Outbox.seq).where(Outbox.status == "pending").order_by(Outbox.seq)
            )
        )
        # Rows already answered hold numbers the server has taken (so at most `last`).
        top = int(
            session.scalar(
                select(func.coalesce(func.max(Outbox.seq), 0)).where(Outbox.status != "pending")
            )
            or 0
        )
        start = max(last, top)
        if waiting:
            # Two steps (negative first) so no new number meets an old one of the same rows.
            for seq in waiting:
                session.execute(update(_OUTBOX).where(_OUTBOX.c.seq == seq).values(seq=-seq))
            for n, seq in enumerate(waiting, start=1):
                session.execute(update(_OUTBOX).where(_OUTBOX.c.seq == -seq).values(seq=start + n))
        elif top < last:
            # Nothing waits: a placeholder row holds number `last`, so the next change of
            # this PC gets last + 1 (never sent, never shown).
            session.add(
                Outbox(
                    seq=last,
                    mutation_id=f"restore-{last}-{int(db.clock().timestamp())}",
                    entity="sync",
                    entity_id="",
                    op="marker",
                    base_version=0,
                    version=0,
                    hlc="",
                    changes="{}",
                    created_at=db.clock(),
                    status=PLACEHOLDER,
                )
            )
        found = session.get(SyncLink, 1)
        assert found is not None
        found.cursor = 0
        session.merge(LocalSetting(key=SYNC_FULL_PULL_KEY, value=json.dumps(True)))
        marker = session.get(LocalSetting, SYNC_RECOVERY_KEY)
        if marker is not None:
            session.delete(marker)
    log.info(
        "sync recovery after restore: %d waiting changes renumbered after %d", len(waiting), last
    )


def rechain_audit(session: Session, anchor: tuple[int, str]) -> int:
    """Continue this PC's unsent audit events after the server's anchor.

    A restored backup ends its audit chain where the backup was made, while the server may
    hold later events of this PC; the events written since the restore (the restore's own
    among them) would fork the chain, and the server accepts only an event that follows its
    anchor (app.server.anchors). They have never left this PC, so they are renumbered after
    the anchor and their hashes recomputed; the server's events in between come back with
    the full pull. Returns how many were rechained.

    Except the events the backup already held unsent and the PC sent after the backup was
    made (a payment made offline, the backup, then a sync): numbered up to the anchor and
    older than the restore's own event, the server holds them exactly so. They stay as
    they are, so their changes are answered from the server's record; rechained, they
    would come back as "mutation id reused with a different body" and every later event
    of this PC as "audit chain: expected event N"."""
    device_id = session.scalars(select(Device.device_id)).one()
    waiting = session.scalars(
        select(Outbox)
        .where(Outbox.entity == "audit_event", Outbox.status == "pending")
        .order_by(Outbox.seq)
    ).all()
    events = {
        e.id: e
        for e in session.scalars(
            select(AuditEvent).where(
                AuditEvent.id.in_([o.entity_id for o in waiting]),
                AuditEvent.device_id == device_id,
            )
        )
    }
    chain = [(o, events[o.entity_id]) for o in waiting if o.entity_id in events]
    restores = [n for n, (_o, e) in enumerate(chain) if e.action == RESTORE_ACTION]
    if restores:  # the events before the (latest) restore came with the backup
        chain = [(o, e) for n, (o, e) in enumerate(chain) if n >= restores[-1] or e.seq > anchor[0]]
    if not chain:
        return 0
    for _o, event in chain:  # out of the way first: (device, seq) is unique
        event.seq = -event.seq
    session.flush()
    seq, prev = anchor
    for outbox, event in chain:
        seq += 1
        detail = event.detail
        digest = event_hash(
            device_id=device_id,
            seq=seq,
            at=event.at.isoformat(),
            actor=event.actor,
            action=event.action,
            entity=event.entity,
            entity_id=event.entity_id,
            detail=detail,
            prev_hash=prev,
        )
        event.seq, event.prev_hash, event.hash = seq, prev, digest
        changes = json.loads(outbox.changes)
        changes.update(seq=seq, prev_hash=prev, hash=digest)
        outbox.changes = json.dumps(changes, ensure_ascii=False, sort_keys=True)
        prev = digest
    session.flush()
    log.info("audit chain: %d unsent events continue after the server's %d", len(chain), anchor[0])
    return len(chain)
