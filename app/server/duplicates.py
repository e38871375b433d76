"""Same NIK on two live participant records: a flag for both offices' supervisors.

Called with the change-log lock held, so two offices registering the same NIK at once
still see each other: `flag_duplicates` for one record (a supervisor's decision),
`flag_batch` for all changes of a push batch at once.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, insert, select
from sqlalchemy.orm import Session

from app.chunks import chunks
from app.server.models import DuplicateFlag, RecordState
from app.server.policy import Draft, natural_key

_record = cast(Table, RecordState.__table__)
_flags = cast(Table, DuplicateFlag.__table__)
# One person is registered at a handful of counters at most. A NIK on more records than
# this (a typing habit, or a hostile device pushing thousands of records with one NIK)
# flags each new record with this many others only: flags grow with the records, not with
# their square.
MAX_FLAGS_PER_RECORD = 10


def flag_duplicates(session: Session, rec: RecordState, now: datetime) -> None:
    """Same NIK on another participant record: flag the pair for both offices' supervisors.

    Called with the change-log lock held (after `log_change`), as the batch path does, so
    two offices registering the same NIK at once still see each other."""
    if rec.natural_key is None:
        return
    others = session.scalars(
        select(RecordState)
        .where(
            RecordState.entity == rec.entity,
            RecordState.natural_key == rec.natural_key,
            RecordState.entity_id != rec.entity_id,
            RecordState.deleted.is_(False),
        )
        .order_by(RecordState.entity_id)
        .limit(MAX_FLAGS_PER_RECORD)
    ).all()
    for other in others:
        a, b = sorted((rec, other), key=lambda r: r.entity_id)
        exists = session.scalar(
            select(DuplicateFlag.id).where(
                DuplicateFlag.record_a == a.entity_id, DuplicateFlag.record_b == b.entity_id
            )
        )
        if exists is None:
            session.add(
                DuplicateFlag(
                    nik=rec.natural_key,
                    record_a=a.entity_id,
                    office_a=a.office_code,
                    record_b=b.entity_id,
                    office_b=b.office_code,
                    created_at=now,
                )
            )


def flag_batch(
    conn: Connection,
    change_rows: list[dict[str, Any]],
    before: dict[tuple[str, str], Draft | None],
    now: datetime,
) -> None:
    """`flag_duplicates` for each change of the batch, in order, as if each had committed on
    its own: records outside the batch as committed (no other record change can commit while
    the change-log lock is held), the batch's own records as they were at each change."""
    steps = [
        (
            (row["entity"], row["entity_id"]),
            row["office_code"],
            natural_key(row["entity"], row["data"]),
            row["op"] == "delete",
        )
        for row in change_rows
    ]
    nks = sorted({nk for _key, _office, nk, _deleted in steps if nk is not None})
    if not nks:
        return
    touched = {key for key, _office, _nk, _deleted in steps}
    holders: dict[str, dict[tuple[str, str], tuple[str, bool]]] = defaultdict(dict)
    for chunk in chunks(nks):
        rows = conn.execute(
            select(
                _record.c.entity,
                _record.c.entity_id,
                _record.c.office_code,
                _record.c.natural_key,
                _record.c.deleted,
            ).where(_record.c.natural_key.in_(chunk))
        )
        for entity, entity_id, office, nk, deleted in rows:
            if (entity, entity_id) not in touched:
                holders[nk][(entity, entity_id)] = (office, bool(deleted))
    current: dict[tuple[str, str], str | None] = {}
    for key in touched:
        rec = before.get(key)
        current[key] = rec.natural_key if rec is not None else None
        if rec is not None and rec.natural_key is not None:
            holders[rec.natural_key][key] = (rec.office_code, rec.deleted)
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for key, office, nk, deleted in steps:
        old = current[key]
        if old is not None:
            holders[old].pop(key, None)
        if nk is not None:
            holders[nk][key] = (office, deleted)
        current[key] = nk
        if nk is None:
            continue
        flagged = 0
        for other, (other_office, other_deleted) in sorted(holders[nk].items()):
            if other == key or other_deleted or other[0] != key[0]:
                continue
            flagged += 1
            if flagged > MAX_FLAGS_PER_RECORD:
                break
            (a_id, a_office), (b_id, b_office) = sorted(
                ((key[1], office), (other[1], other_office))
            )
            pairs.setdefault(
                (a_id, b_id),
                {
                    "nik": nk,
                    "record_a": a_id,
                    "office_a": a_office,
                    "record_b": b_id,
                    "office_b": b_office,
                    "status": "open",
                    "created_at": now,
                },
            )
    if not pairs:
        return
    firsts = sorted({a for a, _b in pairs})
    existing: set[tuple[str, str]] = set()
    for chunk in chunks(firsts):
        existing.update(
            (a, b)
            for a, b in conn.execute(
                select(_flags.c.record_a, _flags.c.record_b).where(_flags.c.record_a.in_(chunk))
            )
        )
    fresh = [row for pair, row in pairs.items() if pair not in existing]
    if fresh:
        conn.execute(insert(_flags), fresh)


MAX_MERGE_HOPS = 5  # a record merged into one that was merged in turn


def merged_targets(
    conn: Connection, links: dict[str, set[str]]
) -> dict[tuple[str, str], tuple[str, str]]:
    """For the records `links` names ({entity: ids}), those merged into another: (entity,
    id) -> (the id they end up in, following merges, and that record's office)."""
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for entity, ids in links.items():
        pending = sorted(ids)
        final: dict[str, str] = {}  # merged id -> the id it points at (one hop)
        offices: dict[str, str] = {}
        for _hop in range(MAX_MERGE_HOPS):
            if not pending:
                break
            nxt: list[str] = []
            for chunk in chunks(pending):
                rows = conn.execute(
                    select(_record.c.entity_id, _record.c.office_code, _record.c.data).where(
                        _record.c.entity == entity, _record.c.entity_id.in_(chunk)
                    )
                )
                for entity_id, office, data in rows:
                    offices[entity_id] = office
                    into = data.get("merged_into") if isinstance(data, dict) else None
                    if into and into not in final and into != entity_id:
                        final[entity_id] = str(into)
                        nxt.append(str(into))
            pending = sorted(set(nxt) - set(offices))
        for start in ids:
            end, hops = start, 0
            while end in final and hops < MAX_MERGE_HOPS:
                end, hops = final[end], hops + 1
            if end != start and end in offices:
                found[(entity, start)] = (end, offices[end])
    return found
