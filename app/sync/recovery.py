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

from app.db import Database
from app.models import LocalSetting, Outbox, SyncLink
from app.models.sync import SYNC_FULL_PULL_KEY, SYNC_RECOVERY_KEY

log = logging.getLogger(__name__)
PLACEHOLDER = "placeholder"  # an outbox row that only holds a change number
_OUTBOX = cast(Table, Outbox.__table__)


def renumber_after(db: Database, last: int) -> None:
    """See the module docstring; `last` is the server's last change number of this PC."""
    with db.write() as session:
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
