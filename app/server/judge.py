"""Deciding each change of a push batch, in memory: checked, authorised, chained, decided.

`judge` takes the device's next change and says what happened to it: refused because it
is malformed (app.protocol.validate) or not permitted (app.server.authorize), an audit event
that does not follow the device's anchor (app.server.anchors), held (stamp ahead of the
server's clock), or decided by its record type's policy (app.server.policy). The outcome
is gathered in a `BatchOutcome` that app.server.apply writes in bulk.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from app.domain.hlc import Hlc
from app.protocol.entities import ENTITIES, MAX_CLOCK_AHEAD_MS, EntitySpec
from app.protocol.validate import VOID, safe_label
from app.server.anchors import CHAINED, chain_refusal
from app.server.authorize import office_links, refusal
from app.server.policy import Draft, Mutation, decide, held_by_lock

if TYPE_CHECKING:
    from app.server.models import Device, RecordState


def record_result(
    m: Mutation,
    status: str,
    reason: str = "",
    record: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "seq": m.seq,
        "mutation_id": m.mutation_id,
        "status": status,
        "reason": reason,
        "record": record,
    }


def _record_view(rec: RecordState | Draft) -> dict[str, Any]:
    return {
        "entity": rec.entity,
        "entity_id": rec.entity_id,
        "version": rec.version,
        "hlc": rec.hlc,
        "deleted": rec.deleted,
        "data": rec.data,
    }


@dataclass
class BatchOutcome:
    """What deciding a batch produced, to be written in bulk."""

    anchor: tuple[int, str]  # the device's newest audit event: (number, hash)
    results: list[dict[str, Any]] = field(default_factory=list)
    mutation_rows: list[dict[str, Any]] = field(default_factory=list)
    conflict_rows: list[dict[str, Any]] = field(default_factory=list)
    change_rows: list[dict[str, Any]] = field(default_factory=list)
    changed: dict[tuple[str, str], Draft] = field(default_factory=dict)  # final states
    audit_rows: list[dict[str, Any]] = field(default_factory=list)  # refusals, for the server

    def refused(self, device: Device, m: Mutation, action: str, why: str, now: datetime) -> None:
        """A refusal in the server's audit log; what the sender sent is named only in a
        safe, shortened form (app.protocol.validate.safe_label)."""
        self.audit_rows.append(
            {
                "at": now,
                "device_id": device.id,
                "action": action,
                "detail": {
                    "reason": why,
                    "entity": safe_label(m.entity),
                    "entity_id": safe_label(m.entity_id),
                    "office_claimed": safe_label(m.office_code),
                    "seq": m.seq,
                },
            }
        )


def judge(
    m: Mutation,
    problem: str | None,
    records: dict[tuple[str, str], Draft | None],
    device: Device,
    merged: dict[tuple[str, str], tuple[str, str]],
    now: datetime,
    out: BatchOutcome,
) -> dict[str, Any] | None:
    """The result of the device's next change (None: held, its stamp is ahead of the
    server's clock): checked (app.protocol.validate), authorised against the stored record
    (app.server.authorize), an audit event against the device's anchor
    (app.server.anchors), then decided by its record type's policy."""
    if problem is not None:
        out.refused(device, m, "push.invalid", problem, now)
        return record_result(m, "rejected", problem)
    if m.op == VOID:  # the device could not send this change; its number is used up
        return record_result(m, "rejected", f"not sent: {safe_label(m.changes.get('why'), 120)}")
    spec = ENTITIES[m.entity]
    if Hlc.parse(m.hlc).wall_ms > now.timestamp() * 1000 + MAX_CLOCK_AHEAD_MS:
        return None
    key = (m.entity, m.entity_id)
    stored = records.get(key)
    why = refusal(stored, device, m, spec, records)
    action = "push.forbidden"
    # only an audit event is a link of the device's chain (a payment names its device too)
    chained = m.entity == CHAINED and m.op == "insert"
    if why is None and chained and stored is None:
        why, action = chain_refusal(m.changes, out.anchor), "push.audit_chain"
    if why is not None:
        out.refused(device, m, action, why, now)
        return record_result(m, "rejected", why)
    # decided as relinked; the answer compares with what the device sent (a relinked
    # field is news to it, so the record goes back)
    relinked = _relinked(m, spec, merged)
    status, reason, rec, changed, conflicts = held_by_lock(
        stored, records, device, relinked, spec, now
    ) or decide(stored, device, relinked, spec, now)
    if rec is not None:
        records[key] = rec
        if changed:
            out.changed[key] = rec
            out.change_rows.append(_change_row(rec, spec, device.id))
            if chained:
                out.anchor = (int(m.changes["seq"]), str(m.changes["hash"]))
    out.conflict_rows.extend(conflicts)
    answer = rec is not None and not _device_has(rec, m, status, changed)
    return record_result(
        m, status, reason, _record_view(rec) if rec is not None and answer else None
    )


def link_targets(sound: Sequence[Mutation]) -> dict[str, set[str]]:
    """The records the batch's new, checked changes link to ({entity: ids}), per the
    registry."""
    targets: dict[str, set[str]] = defaultdict(set)
    for m in sound:
        spec = ENTITIES.get(m.entity)
        if spec is None:
            continue
        for field_name, target in spec.links:
            value = m.changes.get(field_name)
            if isinstance(value, str):
                targets[target].add(value)
    return targets


def lock_targets(
    sound: Sequence[Mutation], stored: dict[tuple[str, str], Draft | None]
) -> set[tuple[str, str]]:
    """The records whose lock may hold back some of the batch's changes
    (app.protocol.entities.LockRule): named by the change, or by the stored record."""
    found: set[tuple[str, str]] = set()
    for m in sound:
        spec = ENTITIES.get(m.entity)
        rule = spec.locked_by if spec is not None else None
        if rule is None:
            continue
        rec = stored.get((m.entity, m.entity_id))
        target = m.changes.get(rule.link, rec.data.get(rule.link) if rec is not None else None)
        if isinstance(target, str):
            found.add((rule.entity, target))
    return found


def owner_links(sound: Sequence[Mutation]) -> set[tuple[str, str]]:
    """The records that the batch's changes link to where rule 6 holds them to their own
    office (the entitlement a payment is for, the enrolment a follow-up is of), read with
    the batch so each is authorised against their office
    (rule 6 of app.server.authorize)."""
    found: set[tuple[str, str]] = set()
    for m in sound:
        spec = ENTITIES.get(m.entity)
        if spec is None:
            continue
        for field_name, target in office_links(spec):
            value = m.changes.get(field_name)
            if isinstance(value, str):
                found.add((target, value))
    return found


def _relinked(
    m: Mutation, spec: EntitySpec, merged: dict[tuple[str, str], tuple[str, str]]
) -> Mutation:
    """A change linking to a record a supervisor has merged away (a consent recorded
    offline for the merged record, arriving after the merge) links to the record that
    stayed instead, when that one is of the same office; across offices it stays, as the
    merge itself leaves linked records there. The device gets the record in its answer."""
    changes = dict(m.changes)
    for field_name, target in spec.links:
        value = changes.get(field_name)
        end = merged.get((target, value)) if isinstance(value, str) else None
        if end is not None and end[1] == m.office_code:
            changes[field_name] = end[0]
    return m if changes == m.changes else replace(m, changes=changes)


def _device_has(rec: Draft, m: Mutation, status: str, changed: bool) -> bool:
    """Whether the pushing device already holds the record exactly as it is now, so the
    answer need not carry it: its change applied cleanly and the server's version and stamp
    are the ones the device gave it (the server counts one version per applied change, the
    device one per local change and takes the server's on every pull, so equal versions
    mean no other device's change came in between). Most pushes are of this kind; not
    sending those records saves encoding them twice and writing them back at the device."""
    return (
        status == "applied"
        and changed
        # the first of the device's waiting changes to this record: a later one may follow
        # an answer that carried an older state, which the device must then replace
        and m.version == m.base_version + 1
        and rec.version == m.version
        and rec.hlc == m.hlc
        and all(rec.data.get(k) == v for k, v in m.changes.items())
    )


def _change_row(rec: Draft, spec: EntitySpec, origin: str) -> dict[str, Any]:
    return {
        "entity": rec.entity,
        "entity_id": rec.entity_id,
        "office_code": rec.office_code,
        "scope": spec.scope.value,
        "op": "delete" if rec.deleted else "upsert",
        "version": rec.version,
        "hlc": rec.hlc,
        "data": rec.data,
        "origin_device": origin,
    }
