"""The server's hold on each device's audit chain.

Every audit event a device pushes must be that device's next one: the number after the
newest the server holds from it, chained to that event's hash, and its own hash recomputed
from its fields. The server keeps the newest (number, hash) per device — the anchor — and
hands it back with every push. A chain that is cut (newest events deleted) or rewritten
(an event edited and every later hash recomputed) on the PC no longer reaches the anchor,
which `loket check` reports (app.sync.anchor); a forged or re-ordered event is refused here.
A key on the PC's own disk would not help: whoever can edit the database can read the key.
"""

from __future__ import annotations

from typing import Any

from app.domain.audit_chain import event_hash

CHAIN = "audit chain"  # reasons start with this
# The record type whose rows make up each device's chain. Other types that name their
# device (`device_field`: the money rows) are only authorised by it (app.server.authorize),
# they are not links of the chain.
CHAINED = "audit_event"


def chain_refusal(changes: dict[str, Any], anchor: tuple[int, str]) -> str | None:
    """Why an audit event cannot follow `anchor` (None: it follows it)."""
    seq, prev = anchor
    if changes.get("seq") != seq + 1:
        return f"{CHAIN}: expected event {seq + 1}"
    if changes.get("prev_hash") != prev:
        return f"{CHAIN}: previous hash differs"
    recomputed = event_hash(
        device_id=str(changes.get("device_id")),
        seq=int(changes["seq"]),
        at=str(changes.get("at")),
        actor=str(changes.get("actor")),
        action=str(changes.get("action")),
        entity=changes.get("entity"),
        entity_id=changes.get("entity_id"),
        detail=str(changes.get("detail")),
        prev_hash=prev,
    )
    if recomputed != changes.get("hash"):
        return f"{CHAIN}: hash does not match the event"
    return None
