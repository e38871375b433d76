"""Applying pushed mutations: exactly once, with the record type's policy, and logging the
resulting changes under a lock so change numbers follow commit order.

A push batch is applied in ONE transaction (`apply_batch`):

1. the device's row is locked (one push per device at a time: its change number and audit
   anchor) and the batch's entries of the mutation record are read in one query: a
   mutation already taken gets its stored result;
2. every new change is checked (app.protocol.validate) before any of it reaches a query; the
   records the sound ones touch are read and locked in one query per record type, in key
   order (two batches never wait on each other crosswise);
3. each mutation is judged in order, in memory (app.server.judge): authorised against the
   stored record, an audit event against the device's anchor, then decided by its record
   type's policy; business outcomes (applied, conflict, rejected, held) are results, never
   exceptions, so one refused change cannot block a device's queue and needs no savepoint;
4. the records' final states, the conflicts, the server audit rows of refusals and the
   mutation record rows are written in bulk;
5. the change-log lock is taken (`pg_advisory_xact_lock`; on SQLite the database write lock
   held since BEGIN IMMEDIATE), the batch's change numbers are allocated after the highest
   committed one, the changes and the same-NIK flags (app.server.duplicates) are written,
   and the transaction commits, releasing the lock: commit order = number order, no number
   skipped.

The mutation record rows commit together with their effects, so a lost response is answered
from the record when the batch comes again. A database-level clash with another transaction
(the same new record id pushed by two devices at once, a deadlock) rolls the whole batch back
and it is decided again from the start; nothing of a rolled-back try remains.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import JSON, Connection, Engine, Table, bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from app.chunks import chunks
from app.protocol.entities import EntitySpec
from app.protocol.validate import VOID, check_mutation
from app.server.duplicates import flag_batch, merged_targets
from app.server.judge import (
    BatchOutcome,
    judge,
    link_targets,
    lock_targets,
    owner_links,
    record_result,
)
from app.server.models import (
    ChangeLog,
    Conflict,
    Device,
    MutationLog,
    RecordState,
    ServerAudit,
)
from app.server.policy import Draft, Mutation
from app.server.statistics import WATCH

CHANGE_LOCK_KEY = 0x4C4B5631  # advisory lock id for change-log numbering ("LKV1")
# A batch that clashes with another transaction in the database is decided again this often.
BATCH_TRIES = 4

_record = cast(Table, RecordState.__table__)
_mutations = cast(Table, MutationLog.__table__)
_changes = cast(Table, ChangeLog.__table__)
_conflicts = cast(Table, Conflict.__table__)
_devices = cast(Table, Device.__table__)
_server_audit = cast(Table, ServerAudit.__table__)


def lock_change_log(conn: Connection) -> int:
    """Take the change-log lock, held until commit (`pg_advisory_xact_lock`; on SQLite the
    write lock of BEGIN IMMEDIATE), and return the highest change number committed: numbers
    given after it follow commit order, none is skipped (DESIGN §5 trap 1)."""
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(CHANGE_LOCK_KEY)))
    return int(conn.execute(select(func.coalesce(func.max(_changes.c.seq), 0))).scalar_one())


def next_change_seq(session: Session) -> int:
    """The next change number for one change made through an ORM session (its changes
    still waiting to be flushed are written first, so they count)."""
    session.flush()
    return lock_change_log(session.connection()) + 1


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


def apply_mutation(
    engine: Engine, device: Device, m: Mutation, now: datetime | None = None
) -> dict[str, Any]:
    """Apply one mutation (a batch of one); a repeat returns the stored result."""
    return apply_batch(engine, device, [m], now)[0]


def apply_batch(
    engine: Engine, device: Device, batch: Sequence[Mutation], now: datetime | None = None
) -> list[dict[str, Any]]:
    """Apply a device's mutations in order, in one transaction; see the module docstring."""
    return push_batch(engine, device, batch, now)[0]


def push_batch(
    engine: Engine, device: Device, batch: Sequence[Mutation], now: datetime | None = None
) -> tuple[list[dict[str, Any]], tuple[int, str]]:
    """`apply_batch`, also returning the device's audit anchor after the batch
    (app.server.anchors), which the push answer carries."""
    now = now or datetime.now(UTC)
    digests = [m.body_sha256() for m in batch]
    clashes: tuple[type[Exception], ...] = (IntegrityError, OperationalError, *_driver_clashes())
    for attempt in range(BATCH_TRIES):
        try:
            out = _apply_batch(engine, device, batch, digests, now)
            WATCH.wrote(engine, len(batch))
            return out.results, out.anchor
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


def _apply_batch(
    engine: Engine,
    device: Device,
    batch: Sequence[Mutation],
    digests: list[str],
    now: datetime,
) -> BatchOutcome:
    with engine.begin() as conn:
        mine = conn.execute(
            select(_devices.c.last_seq, _devices.c.audit_seq, _devices.c.audit_hash)
            .where(_devices.c.id == device.id)
            .with_for_update()
        ).one()
        last_seq = first_seq = int(mine.last_seq)
        out = BatchOutcome(anchor=(int(mine.audit_seq), str(mine.audit_hash)))
        first_anchor = out.anchor
        seen = _stored_results(conn, device.id, [m.mutation_id for m in batch])
        # Nothing a change carries reaches a query before it has been checked.
        problems = {
            m.mutation_id: check_mutation(vars(m)) for m in batch if m.mutation_id not in seen
        }
        sound = [m for m in batch if problems.get(m.mutation_id, "seen") is None and m.op != VOID]
        before = _load_records(conn, sorted({(m.entity, m.entity_id) for m in sound}))
        merged = merged_targets(conn, link_targets(sound))
        records: dict[tuple[str, str], Draft | None] = {
            k: replace(r) if r is not None else None for k, r in before.items()
        }
        # The records whose lock holds some changes back (an approved training day), and
        # those a money row links to (whose office it must share), read as committed, not
        # locked: a lock committing meanwhile orders after this batch.
        held = sorted((lock_targets(sound, before) | owner_links(sound)) - records.keys())
        records.update(_load_records(conn, held, lock=False))
        for m, digest in zip(batch, digests, strict=True):
            prior = seen.get(m.mutation_id)
            if prior is not None:
                if m.seq == last_seq + 1:
                    # A change it already has, under a new number: a PC restored from a
                    # backup renumbers its waiting changes after the last number taken
                    # (app.sync.client.recover); the number is used up, the queue goes on.
                    last_seq = m.seq
                stored_digest, stored = prior
                # the body's digest covers its number: the same change renumbered is the
                # same body under the number it was first taken with
                first = replace(m, seq=int(stored.get("seq", m.seq)))
                if stored_digest not in (digest, first.body_sha256()):
                    out.results.append(
                        record_result(m, "rejected", "mutation id reused with a different body")
                    )
                else:
                    out.results.append(dict(stored))
                continue
            expected = last_seq + 1
            if m.seq > expected:
                out.results.append(
                    record_result(m, "held", f"waiting for change {expected} of this device")
                )
                continue
            if m.seq < expected:
                result = record_result(
                    m, "rejected", "change number already used (restored backup?)"
                )
            else:
                judged = judge(m, problems[m.mutation_id], records, device, merged, now, out)
                if judged is None:
                    out.results.append(
                        record_result(
                            m, "held", "device clock is ahead of the server; retried later"
                        )
                    )
                    continue
                result = judged
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
        if last_seq != first_seq or out.anchor != first_anchor:
            conn.execute(
                update(_devices)
                .where(_devices.c.id == device.id)
                .values(last_seq=last_seq, audit_seq=out.anchor[0], audit_hash=out.anchor[1])
            )
        _write(conn, out, before, now)
    return out


def _stored_results(
    conn: Connection, device_id: str, mutation_ids: list[str]
) -> dict[str, tuple[str, dict[str, Any]]]:
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    for chunk in chunks(sorted(set(mutation_ids))):
        rows = conn.execute(
            select(_mutations.c.mutation_id, _mutations.c.body_sha256, _mutations.c.result).where(
                _mutations.c.device_id == device_id, _mutations.c.mutation_id.in_(chunk)
            )
        )
        for mutation_id, digest, result in rows:
            found[mutation_id] = (digest, result)
    return found


def _load_records(
    conn: Connection, keys: list[tuple[str, str]], *, lock: bool = True
) -> dict[tuple[str, str], Draft | None]:
    """The records `keys` name (None: not there yet), locked in key order until commit
    (unless `lock` is false)."""
    found: dict[tuple[str, str], Draft | None] = dict.fromkeys(keys)
    by_entity: dict[str, list[str]] = defaultdict(list)
    for entity, entity_id in keys:  # sorted, so each entity's ids are in order too
        by_entity[entity].append(entity_id)
    for entity, ids in by_entity.items():
        for chunk in chunks(ids):
            stmt = (
                select(_record)
                .where(_record.c.entity == entity, _record.c.entity_id.in_(chunk))
                .order_by(_record.c.entity_id)
            )
            rows = conn.execute(stmt.with_for_update() if lock else stmt)
            for r in rows:
                found[(r.entity, r.entity_id)] = Draft(
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


def _write(
    conn: Connection,
    out: BatchOutcome,
    before: dict[tuple[str, str], Draft | None],
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
    if out.audit_rows:
        conn.execute(insert(_server_audit), out.audit_rows)
    if out.mutation_rows:
        _insert_many(conn, _mutations, out.mutation_rows)
    if not out.change_rows:
        return
    # From here to commit the change-log lock is held: keep this part short.
    top = lock_change_log(conn)
    for n, row in enumerate(out.change_rows, start=top + 1):
        row["seq"] = n
    _insert_many(conn, _changes, out.change_rows)
    flag_batch(conn, out.change_rows, before, now)


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
