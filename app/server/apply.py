"""Applying pushed mutations: exactly once, with the record type's policy, and logging the
resulting changes under a lock so change numbers follow commit order.

A push batch is applied in ONE transaction (`apply_batch`):

1. the device's row is locked (one push per device at a time) and the batch's entries of the
   mutation record are read in one query: a mutation already taken gets its stored result;
2. the records the batch touches are read and locked in one query per record type, in key
   order (two batches never wait on each other crosswise);
3. each mutation is decided in order, in memory, by its record type's policy: business
   outcomes (applied, conflict, rejected, held) are results, never exceptions, so one
   refused change cannot block a device's queue and needs no savepoint;
4. the records' final states, the conflicts and the mutation record rows are written in bulk;
5. the change-log lock is taken (`pg_advisory_xact_lock`; on SQLite the database write lock
   held since BEGIN IMMEDIATE), the batch's change numbers are allocated after the highest
   committed one, the changes and the same-NIK flags are written, and the transaction
   commits, releasing the lock: commit order = number order, no number skipped.

The mutation record rows commit together with their effects, so a lost response is answered
from the record when the batch comes again. A database-level clash with another transaction
(the same new record id pushed by two devices at once, a deadlock) rolls the whole batch back
and it is decided again from the start; nothing of a rolled-back try remains.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import JSON, Connection, Engine, Table, bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
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
# A batch that clashes with another transaction in the database is decided again this often.
BATCH_TRIES = 4
_CHUNK = 500  # ids per IN (...) list

_record = cast(Table, RecordState.__table__)
_mutations = cast(Table, MutationLog.__table__)
_changes = cast(Table, ChangeLog.__table__)
_conflicts = cast(Table, Conflict.__table__)
_devices = cast(Table, Device.__table__)
_flags = cast(Table, DuplicateFlag.__table__)


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


@dataclass
class _Rec:
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


def _record_view(rec: RecordState | _Rec) -> dict[str, Any]:
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


def log_change(session: Session, rec: RecordState, spec: EntitySpec, origin: str | None) -> None:
    """One change (a supervisor's decision) in the change log; see `next_change_seq`.

    `origin` is the device whose push made the change (it is not sent back to that device
    on pull: the push answer carried the record) or None for the server's own changes."""
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


def _decide(
    rec: _Rec | None, device: Device, m: Mutation, spec: EntitySpec, now: datetime
) -> tuple[str, str, _Rec | None, bool, list[dict[str, Any]]]:
    """(status, reason, record after, whether the record changed, conflict rows)."""
    if m.op == "insert":
        if rec is not None:
            same = all(rec.data.get(k) == v for k, v in m.changes.items())
            if same:
                return "applied", "duplicate insert", rec, False, []
            return "rejected", "id already used by another record", rec, False, []
        rec = _Rec(
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
        _set_fields(rec, m.changes, device.id, m.hlc)
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
        _set_fields(rec, clean, device.id, max(m.hlc, rec.hlc))
    if conflicts:
        return "conflict", ",".join(f for f, _ in conflicts), rec, bool(clean), rows
    return "applied", "" if clean else "no change", rec, bool(clean), rows


def _natural_key(entity: str, data: dict[str, Any]) -> str | None:
    """The NIK of a live participant record; a record merged into another has none, so it
    is not flagged again."""
    if entity != "participant" or not data.get("nik") or data.get("merged_into"):
        return None
    return str(data["nik"])


def flag_duplicates(session: Session, rec: RecordState, now: datetime) -> None:
    """Same NIK on another participant record: flag the pair for both offices' supervisors.

    Called with the change-log lock held (after `log_change`), as the batch path does, so
    two offices registering the same NIK at once still see each other."""
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


def _set_fields(rec: RecordState | _Rec, changes: dict[str, Any], device_id: str, hlc: str) -> None:
    """Apply changed fields: new dicts (never changed in place), so earlier views keep theirs."""
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
    """Apply one mutation (a batch of one); a repeat returns the stored result."""
    return apply_batch(engine, device, [m], now)[0]


def apply_batch(
    engine: Engine, device: Device, batch: Sequence[Mutation], now: datetime | None = None
) -> list[dict[str, Any]]:
    """Apply a device's mutations in order, in one transaction; see the module docstring."""
    now = now or datetime.now(UTC)
    digests = [m.body_sha256() for m in batch]
    clashes: tuple[type[Exception], ...] = (IntegrityError, OperationalError, *_driver_clashes())
    for attempt in range(BATCH_TRIES):
        try:
            return _apply_batch(engine, device, batch, digests, now)
        except clashes as exc:
            # Another transaction committed the same new record (or a flag) first, or the
            # database broke a deadlock: everything of this try was rolled back; decide the
            # batch again on what is committed now. (COPY raises the driver's own errors.)
            retry = not isinstance(exc, OperationalError) or _is_deadlock(exc)
            if not retry or attempt + 1 == BATCH_TRIES:
                raise
    raise AssertionError("unreachable")


def _driver_clashes() -> tuple[type[Exception], ...]:
    """psycopg's errors for a clash, as COPY raises them (not wrapped by SQLAlchemy)."""
    try:
        from psycopg import errors
    except ImportError:  # a server on SQLite only
        return ()
    return (errors.IntegrityError, errors.DeadlockDetected, errors.SerializationFailure)


def _is_deadlock(exc: OperationalError) -> bool:
    return getattr(exc.orig, "sqlstate", None) in ("40P01", "40001")


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass
class _Batch:
    """What deciding a batch produced, to be written in bulk."""

    results: list[dict[str, Any]] = field(default_factory=list)
    mutation_rows: list[dict[str, Any]] = field(default_factory=list)
    conflict_rows: list[dict[str, Any]] = field(default_factory=list)
    change_rows: list[dict[str, Any]] = field(default_factory=list)
    changed: dict[tuple[str, str], _Rec] = field(default_factory=dict)  # final states


def _apply_batch(
    engine: Engine,
    device: Device,
    batch: Sequence[Mutation],
    digests: list[str],
    now: datetime,
) -> list[dict[str, Any]]:
    with engine.begin() as conn:
        last_seq = first_seq = conn.execute(
            select(_devices.c.last_seq).where(_devices.c.id == device.id).with_for_update()
        ).scalar_one()
        seen = _stored_results(conn, device.id, [m.mutation_id for m in batch])
        keys = sorted({(m.entity, m.entity_id) for m in batch if m.mutation_id not in seen})
        before = _load_records(conn, keys)
        records: dict[tuple[str, str], _Rec | None] = {
            k: _copy(r) if r is not None else None for k, r in before.items()
        }
        out = _Batch()
        for m, digest in zip(batch, digests, strict=True):
            prior = seen.get(m.mutation_id)
            if prior is not None:
                if m.seq == last_seq + 1:
                    # A change it already has, under a new number: a PC restored from a
                    # backup renumbers its waiting changes after the last number taken
                    # (app.sync.client.recover); the number is used up, the queue goes on.
                    last_seq = m.seq
                stored_digest, stored = prior
                if stored_digest != digest:
                    out.results.append(
                        _result(m, "rejected", "mutation id reused with a different body")
                    )
                else:
                    out.results.append(dict(stored))
                continue
            expected = last_seq + 1
            spec = ENTITIES.get(m.entity)
            if m.seq > expected:
                out.results.append(
                    _result(m, "held", f"waiting for change {expected} of this device")
                )
                continue
            if m.seq < expected:
                result = _result(m, "rejected", "change number already used (restored backup?)")
            elif spec is None:
                result = _result(m, "rejected", f"unknown record type {m.entity}")
            elif Hlc.parse(m.hlc).wall_ms > now.timestamp() * 1000 + MAX_CLOCK_AHEAD_MS:
                out.results.append(
                    _result(m, "held", "device clock is ahead of the server; retried later")
                )
                continue
            else:
                key = (m.entity, m.entity_id)
                status, reason, rec, changed, conflicts = _decide(
                    records.get(key), device, m, spec, now
                )
                if rec is not None:
                    records[key] = rec
                    if changed:
                        out.changed[key] = rec
                        out.change_rows.append(_change_row(rec, spec, device.id))
                out.conflict_rows.extend(conflicts)
                answer = rec is not None and not _device_has(rec, m, status, changed)
                view = _record_view(rec) if rec is not None and answer else None
                result = _result(m, status, reason, view)
            last_seq = max(last_seq, m.seq)
            out.mutation_rows.append(
                {
                    "device_id": device.id,
                    "seq": m.seq,
                    "mutation_id": m.mutation_id,
                    "body_sha256": digest,
                    "status": result["status"],
                    "result": result,
                    "at": now,
                }
            )
            seen[m.mutation_id] = (digest, result)
            out.results.append(result)
        if last_seq != first_seq:
            conn.execute(
                update(_devices).where(_devices.c.id == device.id).values(last_seq=last_seq)
            )
        _write(conn, device, out, before, now)
    return out.results


def _device_has(rec: _Rec, m: Mutation, status: str, changed: bool) -> bool:
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


def _stored_results(
    conn: Connection, device_id: str, mutation_ids: list[str]
) -> dict[str, tuple[str, dict[str, Any]]]:
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    for chunk in _chunks(sorted(set(mutation_ids))):
        rows = conn.execute(
            select(_mutations.c.mutation_id, _mutations.c.body_sha256, _mutations.c.result).where(
                _mutations.c.device_id == device_id, _mutations.c.mutation_id.in_(chunk)
            )
        )
        for mutation_id, digest, result in rows:
            found[mutation_id] = (digest, result)
    return found


def _load_records(
    conn: Connection, keys: list[tuple[str, str]]
) -> dict[tuple[str, str], _Rec | None]:
    """The records `keys` name (None: not there yet), locked in key order until commit."""
    found: dict[tuple[str, str], _Rec | None] = dict.fromkeys(keys)
    by_entity: dict[str, list[str]] = defaultdict(list)
    for entity, entity_id in keys:  # sorted, so each entity's ids are in order too
        by_entity[entity].append(entity_id)
    for entity, ids in by_entity.items():
        for chunk in _chunks(ids):
            rows = conn.execute(
                select(_record)
                .where(_record.c.entity == entity, _record.c.entity_id.in_(chunk))
                .order_by(_record.c.entity_id)
                .with_for_update()
            )
            for r in rows:
                found[(r.entity, r.entity_id)] = _Rec(
                    entity=r.entity,
                    entity_id=r.entity_id,
                    office_code=r.office_code,
                    version=r.version,
                    hlc=r.hlc,
                    data=r.data,
                    field_versions=r.field_versions,
                    deleted=r.deleted,
                    natural_key=r.natural_key,
                )
    return found


def _copy(rec: _Rec) -> _Rec:
    return _Rec(**{**rec.__dict__})


def _change_row(rec: _Rec, spec: EntitySpec, origin: str) -> dict[str, Any]:
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


def _write(
    conn: Connection,
    device: Device,
    out: _Batch,
    before: dict[tuple[str, str], _Rec | None],
    now: datetime,
) -> None:
    new = [r.row() for k, r in out.changed.items() if before.get(k) is None]
    if new:
        _insert_many(conn, _record, new)
    updated = [
        {f"b_{name}": value for name, value in r.row().items()}
        for k, r in out.changed.items()
        if before.get(k) is not None
    ]
    if updated:
        columns = ("office_code", "version", "hlc", "data", "field_versions", "deleted")
        conn.execute(
            update(_record)
            .where(
                _record.c.entity == bindparam("b_entity"),
                _record.c.entity_id == bindparam("b_entity_id"),
            )
            .values({c: bindparam(f"b_{c}") for c in (*columns, "natural_key")}),
            updated,
        )
    if out.conflict_rows:
        conn.execute(insert(_conflicts), out.conflict_rows)
    if out.mutation_rows:
        _insert_many(conn, _mutations, out.mutation_rows)
    if not out.change_rows:
        return
    # From here to commit the change-log lock is held: keep this part short.
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(CHANGE_LOCK_KEY)))
    top = int(conn.execute(select(func.coalesce(func.max(_changes.c.seq), 0))).scalar_one())
    for n, row in enumerate(out.change_rows, start=top + 1):
        row["seq"] = n
    _insert_many(conn, _changes, out.change_rows)
    _flag_batch(conn, out.change_rows, before, now)


def _insert_many(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows that all have the same keys: COPY on PostgreSQL (a push batch writes up to
    1,000 rows to each of three tables; COPY takes a third of executemany's time there), an
    executemany elsewhere. Same transaction either way."""
    if conn.dialect.name != "postgresql":
        conn.execute(insert(table), rows)
        return
    from psycopg.types.json import Json

    columns = list(rows[0])
    as_json = {c for c in columns if isinstance(table.c[c].type, JSON)}
    raw = conn.connection.driver_connection
    assert raw is not None
    names = ", ".join(columns)
    with raw.cursor() as cursor, cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([Json(row[c]) if c in as_json else row[c] for c in columns])


def _flag_batch(
    conn: Connection,
    change_rows: list[dict[str, Any]],
    before: dict[tuple[str, str], _Rec | None],
    now: datetime,
) -> None:
    """`flag_duplicates` for each change of the batch, in order, as if each had committed on
    its own: records outside the batch as committed (no other record change can commit while
    the change-log lock is held), the batch's own records as they were at each change."""
    steps = [
        (
            (row["entity"], row["entity_id"]),
            row["office_code"],
            _natural_key(row["entity"], row["data"]),
            row["op"] == "delete",
        )
        for row in change_rows
    ]
    nks = sorted({nk for _key, _office, nk, _deleted in steps if nk is not None})
    if not nks:
        return
    touched = {key for key, _office, _nk, _deleted in steps}
    holders: dict[str, dict[tuple[str, str], tuple[str, bool]]] = defaultdict(dict)
    for chunk in _chunks(nks):
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
        for other, (other_office, other_deleted) in holders[nk].items():
            if other == key or other_deleted or other[0] != key[0]:
                continue
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
    for chunk in _chunks(firsts):
        existing.update(
            (a, b)
            for a, b in conn.execute(
                select(_flags.c.record_a, _flags.c.record_b).where(_flags.c.record_a.in_(chunk))
            )
        )
    fresh = [row for pair, row in pairs.items() if pair not in existing]
    if fresh:
        conn.execute(insert(_flags), fresh)
