"""Deciding one pushed mutation by its record type's policy, in memory.

A record's state while a push batch is decided is a `Draft` (the row of `record_state`);
`decide` applies the policy of app.protocol.entities (insert-only, server wins, last writer,
field merge with per-field origins) and says what happened: applied, conflict (with the
Conflict rows to write) or rejected. Nothing here touches the database; app.server.apply
reads the drafts before and writes them after, in bulk.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from app.domain.hlc import Hlc
from app.protocol.entities import EntitySpec, Policy

if TYPE_CHECKING:
    from app.server.models import Device, RecordState


@dataclass(frozen=True)
class Mutation:
    seq: int
    mutation_id: str
    entity: str
    entity_id: str
    op: str
    base_version: int
    version: int
    hlc: str
    office_code: str
    changes: dict[str, Any]

    def body_sha256(self) -> str:
        body = json.dumps(self.__dict__, sort_keys=True, ensure_ascii=False, default=str)
        # surrogatepass: a hostile body's lone surrogate must not crash the digest (the
        # change itself is refused later, app.protocol.validate)
        return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Draft:
    """A record's state while a batch is decided (the row of `record_state`, in memory)."""

    entity: str
    entity_id: str
    office_code: str
    version: int
    hlc: str
    data: dict[str, Any]
    field_versions: dict[str, list[object]]
    deleted: bool = False
    natural_key: str | None = None

    def row(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "entity_id": self.entity_id,
            "office_code": self.office_code,
            "version": self.version,
            "hlc": self.hlc,
            "data": self.data,
            "field_versions": self.field_versions,
            "deleted": self.deleted,
            "natural_key": self.natural_key,
        }


def field_origin(version: int, device: str) -> list[object]:
    return [version, device]


def decide(
    rec: Draft | None, device: Device, m: Mutation, spec: EntitySpec, now: datetime
) -> tuple[str, str, Draft | None, bool, list[dict[str, Any]]]:
    """(status, reason, record after, whether the record changed, conflict rows)."""
    if m.op == "insert" and rec is not None and spec.converges:
        # The same record made at another device (deterministic id): merged, not refused.
        # It keeps its first creation time; the rest is decided as a change from version
        # 0, so a field another device set is overwritten only by a newer stamp (last
        # writer) or goes to the conflict queue (field merge).
        changes = {k: v for k, v in m.changes.items() if k != "created_at"}
        m = dataclasses.replace(m, op="update", base_version=0, changes=changes)
    if m.op == "insert":
        if rec is not None:
            same = all(rec.data.get(k) == v for k, v in m.changes.items())
            if same:
                return "applied", "duplicate insert", rec, False, []
            return "rejected", "id already used by another record", rec, False, []
        rec = Draft(
            entity=m.entity,
            entity_id=m.entity_id,
            office_code=m.office_code,
            version=1,
            hlc=m.hlc,
            natural_key=natural_key(m.entity, m.changes),
            data=dict(m.changes),
            deleted=bool(m.changes.get("deleted_at")),
            field_versions={k: field_origin(1, device.id) for k in m.changes},
        )
        return "applied", "", rec, True, []
    if rec is None:
        return "rejected", "unknown record", None, False, []
    if spec.policy is Policy.INSERT_ONLY:
        return "rejected", "this record type cannot be changed", rec, False, []
    if spec.policy is Policy.SERVER_WINS and not device.is_hq:
        return "rejected", "reference data is changed only by HQ", rec, False, []
    if spec.policy in (Policy.LAST_WRITER, Policy.SERVER_WINS):
        if Hlc.parse(m.hlc) <= Hlc.parse(rec.hlc):
            return "applied", "superseded by a newer change", rec, False, []
        set_fields(rec, m.changes, device.id, m.hlc)
        return "applied", "", rec, True, []
    # FIELD_MERGE: fields another device changed since the base are not overwritten.
    changed_elsewhere = {
        f
        for f, (version, origin) in rec.field_versions.items()
        if int(version) > m.base_version and origin != device.id  # type: ignore[call-overload]
    }
    clean: dict[str, Any] = {}
    conflicts: list[tuple[str, str]] = []
    for f, value in m.changes.items():
        if rec.data.get(f) == value:
            continue
        if f in spec.supervised_fields:
            conflicts.append((f, "supervised_field"))
        elif f in changed_elsewhere:
            conflicts.append((f, "same_field"))
        else:
            clean[f] = value
    rows = [
        {
            "entity": m.entity,
            "entity_id": m.entity_id,
            "office_code": rec.office_code,
            "field": f,
            "server_value": json.dumps(rec.data.get(f), ensure_ascii=False),
            "device_value": json.dumps(m.changes[f], ensure_ascii=False),
            "device_id": device.id,
            "mutation_id": m.mutation_id,
            "reason": reason,
            "status": "open",
            "created_at": now,
        }
        for f, reason in conflicts
    ]
    if clean:
        set_fields(rec, clean, device.id, max(m.hlc, rec.hlc))
    if conflicts:
        return "conflict", ",".join(f for f, _ in conflicts), rec, bool(clean), rows
    return "applied", "" if clean else "no change", rec, bool(clean), rows


LOCKED = "locked"  # the reason of a conflict held by a lock (app.protocol.entities.LockRule)


def held_by_lock(
    rec: Draft | None,
    records: dict[tuple[str, str], Draft | None],
    device: Device,
    m: Mutation,
    spec: EntitySpec,
    now: datetime,
) -> tuple[str, str, Draft | None, bool, list[dict[str, Any]]] | None:
    """The outcome of a change its record type's lock holds back (None: not held), in the
    shape of `decide`. The locked record is read as the batch has it so far, so a lock
    earlier in the same batch counts. Nothing guarded is applied: a stored record keeps its
    values; a new one is written with the guarded fields empty, so the supervisor decides
    what the approved day shows."""
    rule = spec.locked_by
    if rule is None or m.changes.get(rule.approval):
        return None
    target_id = m.changes.get(rule.link, rec.data.get(rule.link) if rec is not None else None)
    target = records.get((rule.entity, target_id)) if isinstance(target_id, str) else None
    if target is None or target.deleted or not target.data.get(rule.lock):
        return None
    current = rec.data if rec is not None else {}
    held = {
        f: m.changes[f] for f in rule.guarded if f in m.changes and m.changes[f] != current.get(f)
    }
    if not held:
        return None
    changed = False
    if rec is None:
        if m.op != "insert":
            return None  # an unknown record: decided (refused) by the policy
        data = {**m.changes, **dict.fromkeys(rule.guarded)}
        rec = Draft(
            entity=m.entity,
            entity_id=m.entity_id,
            office_code=m.office_code,
            version=1,
            hlc=m.hlc,
            data=data,
            deleted=bool(data.get("deleted_at")),
            field_versions={k: field_origin(1, device.id) for k in data},
        )
        changed = True
    rows = [
        {
            "entity": m.entity,
            "entity_id": m.entity_id,
            "office_code": rec.office_code,
            "field": f,
            "server_value": json.dumps(rec.data.get(f), ensure_ascii=False),
            "device_value": json.dumps(value, ensure_ascii=False),
            "device_id": device.id,
            "mutation_id": m.mutation_id,
            "reason": LOCKED,
            "status": "open",
            "created_at": now,
        }
        for f, value in held.items()
    ]
    return "conflict", ",".join(held), rec, changed, rows


def natural_key(entity: str, data: dict[str, Any]) -> str | None:
    """The NIK of a live participant record; a record merged into another has none, so it
    is not flagged again."""
    if entity != "participant" or not data.get("nik") or data.get("merged_into"):
        return None
    return str(data["nik"])


def set_fields(rec: RecordState | Draft, changes: dict[str, Any], device_id: str, hlc: str) -> None:
    """Apply changed fields: new dicts (never changed in place), so earlier views keep theirs."""
    version = rec.version + 1
    rec.data = {**rec.data, **changes}
    rec.natural_key = natural_key(rec.entity, rec.data)
    rec.field_versions = {
        **rec.field_versions,
        **{f: field_origin(version, device_id) for f in changes},
    }
    rec.version = version
    rec.hlc = hlc
    rec.deleted = bool(rec.data.get("deleted_at"))
