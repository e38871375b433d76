"""Hash chain of audit events, per device, so a changed or removed event is detectable.

Each event stores the hash of the device's previous event; its own hash covers its fields
and that previous hash. Altering any field, deleting an event or re-ordering events breaks
the chain at that point, which `verify_chain` reports.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

GENESIS = "0" * 64


@dataclass(frozen=True)
class ChainedEvent:
    device_id: str
    seq: int
    at: str
    actor: str
    action: str
    entity: str | None
    entity_id: str | None
    detail: str
    prev_hash: str
    hash: str


def event_hash(
    *,
    device_id: str,
    seq: int,
    at: str,
    actor: str,
    action: str,
    entity: str | None,
    entity_id: str | None,
    detail: str,
    prev_hash: str,
) -> str:
    payload = json.dumps(
        [device_id, seq, at, actor, action, entity, entity_id, detail, prev_hash],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainBreak:
    device_id: str
    seq: int
    reason: str


def verify_chain(events: Iterable[ChainedEvent]) -> list[ChainBreak]:
    """Check events of ONE device given in seq order; an empty list means intact."""
    breaks: list[ChainBreak] = []
    prev_hash = GENESIS
    expected_seq = 1
    for ev in events:
        if ev.seq != expected_seq:
            breaks.append(ChainBreak(ev.device_id, ev.seq, f"expected seq {expected_seq}"))
        if ev.prev_hash != prev_hash:
            breaks.append(ChainBreak(ev.device_id, ev.seq, "previous hash does not match"))
        recomputed = event_hash(
            device_id=ev.device_id,
            seq=ev.seq,
            at=ev.at,
            actor=ev.actor,
            action=ev.action,
            entity=ev.entity,
            entity_id=ev.entity_id,
            detail=ev.detail,
            prev_hash=ev.prev_hash,
        )
        if recomputed != ev.hash:
            breaks.append(ChainBreak(ev.device_id, ev.seq, "content changed after writing"))
        prev_hash = ev.hash
        expected_seq = ev.seq + 1
    return breaks
