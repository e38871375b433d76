"""Applying one pushed mutation: exactly once, with the record type's policy, and logging
the resulting change under a lock so change numbers follow commit order.

Each mutation runs in its own transaction. Business outcomes (applied, conflict, rejected,
held) are results, never exceptions, so one refused change cannot block a device's queue.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.hlc import Hlc
from app.server.db import is_postgres
from app.server.models import (
    ChangeLog,
    Conflict,
    Device,
    DuplicateFlag,
    MutationLog,
    RecordState,
)
from app.sync.registry import ENTITIES, MAX_CLOCK_AHEAD_MS, EntitySpec, Policy

CHANGE_LOCK_KEY = 0x4C4B5631  # advisory lock id for change-log numbering ("LKV1")


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
        return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _result(
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


def _record_view(rec: RecordState) -> dict[str, Any]:
    return {
        "entity": rec.entity,
        "entity_id": rec.entity_id,
        "version": rec.version,
        "hlc": rec.hlc,
        "deleted": rec.deleted,
        "data": rec.data,
    }


def next_change_seq(session: Session) -> int:
    """The next change number, taken under a lock held until commit (DESIGN §5 trap 1)."""
    if is_postgres(session.get_bind()):  # type: ignore[arg-type]
        session.execute(select(func.pg_advisory_xact_lock(CHANGE_LOCK_KEY)))
    current = session.scalar(select(func.coalesce(func.max(ChangeLog.seq), 0)))
    return int(current or 0) + 1


def log_change(session: Session, rec: RecordState, spec: EntitySpec, origin: str) -> None:
    session.add(
        ChangeLog(
            seq=next_change_seq(session),
            entity=rec.entity,
            entity_id=rec.entity_id,
            office_code=rec.office_code,
            scope=spec.scope.value,
            op="delete" if rec.deleted else "upsert",
            version=rec.version,
            hlc=rec.hlc,
            data=rec.data,
            origin_device=origin,
        )
    )


def _fv(version: int, device: str) -> list[object]:
    return [version, device]


def _apply_policy(
    session: Session, device: Device, m: Mutation, spec: EntitySpec, now: datetime
) -> tuple[str, str, RecordState | None, bool]:
    """(status, reason, record after, whether the record changed)."""
    rec = session.get(RecordState, (m.entity, m.entity_id), with_for_update=True)
    if m.op == "insert":
        if rec is not None:
            same = all(rec.data.get(k) == v for k, v in m.changes.items())
            if same:
                return "applied", "duplicate insert", rec, False
            return "rejected", "id already used by another record", rec, False
        rec = RecordState(
            entity=m.entity,
            entity_id=m.entity_id,
            office_code=m.office_code,
            version=1,
            hlc=m.hlc,
            natural_key=_natural_key(m.entity, m.changes),
            data=dict(m.changes),
            deleted=bool(m.changes.get("deleted_at")),
            field_versions={k: _fv(1, device.id) for k in m.changes},
        )
        session.add(rec)
        session.flush()
        return "applied", "", rec, True
    if rec is None:
        return "rejected", "unknown record", None, False
    if spec.policy is Policy.INSERT_ONLY:
        return "rejected", "this record type cannot be changed", rec, False
    if spec.policy is Policy.SERVER_WINS and not device.is_hq:
        return "rejected", "reference data is changed only by HQ", rec, False
    if spec.policy in (Policy.LAST_WRITER, Policy.SERVER_WINS):
        if Hlc.parse(m.hlc) <= Hlc.parse(rec.hlc):
            return "applied", "superseded by a newer change", rec, False
        _set_fields(rec, m.changes, device.id, m.hlc)
        return "applied", "", rec, True
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
    for f, reason in conflicts:
        session.add(
            Conflict(
                entity=m.entity,
                entity_id=m.entity_id,
                office_code=rec.office_code,
                field=f,
                server_value=json.dumps(rec.data.get(f), ensure_ascii=False),
                device_value=json.dumps(m.changes[f], ensure_ascii=False),
                device_id=device.id,
                mutation_id=m.mutation_id,
                reason=reason,
                created_at=now,
            )
        )
    if clean:
        _set_fields(rec, clean, device.id, max(m.hlc, rec.hlc))
    if conflicts:
        return "conflict", ",".join(f for f, _ in conflicts), rec, bool(clean)
    return "applied", "" if clean else "no change", rec, bool(clean)


def _natural_key(entity: str, data: dict[str, Any]) -> str | None:
    return str(data["nik"]) if entity == "participant" and data.get("nik") else None


def flag_duplicates(session: Session, rec: RecordState, now: datetime) -> None:
    """Same NIK on another participant record: flag the pair for both offices' supervisors."""
    if rec.natural_key is None:
        return
    others = session.scalars(
        select(RecordState).where(
            RecordState.entity == rec.entity,
            RecordState.natural_key == rec.natural_key,
            RecordState.entity_id != rec.entity_id,
            RecordState.deleted.is_(False),
        )
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


def _set_fields(rec: RecordState, changes: dict[str, Any], device_id: str, hlc: str) -> None:
    version = rec.version + 1
    rec.data = {**rec.data, **changes}
    rec.natural_key = _natural_key(rec.entity, rec.data)
    rec.field_versions = {**rec.field_versions, **{f: _fv(version, device_id) for f in changes}}
    rec.version = version
    rec.hlc = hlc
    rec.deleted = bool(rec.data.get("deleted_at"))


def apply_mutation(
    engine: Engine, device: Device, m: Mutation, now: datetime | None = None
) -> dict[str, Any]:
    """Apply one mutation in its own transaction; a repeat returns the stored result."""
    now = now or datetime.now(UTC)
    digest = m.body_sha256()
    spec = ENTITIES.get(m.entity)
    try:
        return _apply_once(engine, device, m, spec, digest, now)
    except IntegrityError:
        # Two requests raced on the same mutation or the same new record: the loser
        # re-reads what the winner stored.
        return _apply_once(engine, device, m, spec, digest, now)


def _apply_once(
    engine: Engine, device: Device, m: Mutation, spec: EntitySpec | None, digest: str, now: datetime
) -> dict[str, Any]:
    with Session(engine) as session, session.begin():
        seen = session.scalar(
            select(MutationLog).where(
                MutationLog.device_id == device.id, MutationLog.mutation_id == m.mutation_id
            )
        )
        if seen is not None:
            if seen.body_sha256 != digest:
                return _result(m, "rejected", "mutation id reused with a different body")
            return dict(seen.result)
        me = session.get(Device, device.id, with_for_update=True)  # one push per device
        assert me is not None
        expected = me.last_seq + 1
        if m.seq > expected:
            return _result(m, "held", f"waiting for change {expected} of this device")
        if m.seq < expected:
            result = _result(m, "rejected", "change number already used (restored backup?)")
        elif spec is None:
            result = _result(m, "rejected", f"unknown record type {m.entity}")
        elif Hlc.parse(m.hlc).wall_ms > now.timestamp() * 1000 + MAX_CLOCK_AHEAD_MS:
            return _result(m, "held", "device clock is ahead of the server; retried later")
        else:
            status, reason, rec, changed = _apply_policy(session, device, m, spec, now)
            if rec is not None and changed:
                log_change(session, rec, spec, device.id)
                flag_duplicates(session, rec, now)
            result = _result(m, status, reason, _record_view(rec) if rec is not None else None)
        me.last_seq = max(me.last_seq, m.seq)
        session.add(
            MutationLog(
                device_id=device.id,
                seq=m.seq,
                mutation_id=m.mutation_id,
                body_sha256=digest,
                status=result["status"],
                result=result,
                at=now,
            )
        )
    return result
