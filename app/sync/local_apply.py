"""Writing server records into the local tables, without outbox rows or audit events.

Used for pulled changes and for the merged record a push returns. A row that still has
unsent local changes is left alone: the local change goes up first and its merged result
comes back. Writes are plain INSERT ... ON CONFLICT statements, so the unit of work's
outbox hook never sees them and nothing echoes back to the server.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Date, Table, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from app.models import Base, Outbox
from app.models.base import UtcDateTime


@cache
def tables_by_entity() -> dict[str, Table]:
    found: dict[str, Table] = {}
    for mapper in Base.registry.mappers:
        entity = getattr(mapper.class_, "__sync_entity__", None)
        if entity:
            found[entity] = mapper.local_table  # type: ignore[assignment]
    return found


def _convert(table: Table, data: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, value in data.items():
        column = table.columns.get(name)
        if column is None:
            continue  # a field this program version does not know: keep the rest
        if value is not None and isinstance(column.type, UtcDateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(column.type, Date):
            value = date.fromisoformat(value) if isinstance(value, str) else value
        values[name] = value
    return values


def has_pending(session: Session, entity: str, entity_id: str) -> bool:
    return (
        session.scalar(
            select(Outbox.seq)
            .where(
                Outbox.entity == entity, Outbox.entity_id == entity_id, Outbox.status == "pending"
            )
            .limit(1)
        )
        is not None
    )


def write_record(
    session: Session,
    entity: str,
    entity_id: str,
    version: int,
    hlc: str,
    data: dict[str, Any],
    now: datetime,
) -> bool:
    """Upsert one server record; False when skipped (unknown type or pending local change)."""
    table = tables_by_entity().get(entity)
    if table is None or has_pending(session, entity, entity_id):
        return False
    values = _convert(table, data)
    values.update(id=entity_id, version=version, hlc=hlc, updated_at=now)
    values.setdefault("created_at", now)
    stmt = insert(table).values(**values)
    update = {k: v for k, v in values.items() if k not in ("id", "created_at")}
    # A savepoint per row: one row that clashes with a local rule (say the same username
    # made offline at two counters) must not stop the whole batch; it is reported instead.
    with session.begin_nested():
        session.execute(stmt.on_conflict_do_update(index_elements=["id"], set_=update))
    return True
