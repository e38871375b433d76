"""Writing server records into the local tables, without outbox rows or audit events.

Used for pulled changes and for the merged records a push returns, a batch at a time. A row
that still has unsent local changes is left alone: the local change goes up first and its
merged result comes back. A row that already holds exactly what the server sends (the same
version, stamp and values: typically this PC's own change coming back) is not written again.
The rest are written with plain INSERT ... ON CONFLICT statements, one executemany per record
type, parents before children, so the unit of work's outbox hook never sees them and nothing
echoes back to the server.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import Date, Table, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.chunks import chunks
from app.domain.hlc import Hlc
from app.models import Base, Outbox
from app.models.base import UtcDateTime
from app.texts import Text

_NOT_COMPARED = frozenset({"created_at", "updated_at"})  # never overwritten / always now


class ServerRecord(NamedTuple):
    entity: str
    entity_id: str
    version: int
    hlc: str
    data: dict[str, Any]


@dataclass
class Outcome:
    """What `write_records` did with a batch."""

    written: int = 0
    skipped: int = 0  # unknown record type, or unsent local changes
    unchanged: int = 0  # the row already held exactly this
    problems: list[str] = field(default_factory=list)  # rows a local rule refused
    entities: set[str] = field(default_factory=set)  # record types of the rows written
    newest: Hlc | None = None  # the greatest stamp among the rows not refused


@cache
def tables_by_entity() -> dict[str, Table]:
    found: dict[str, Table] = {}
    for mapper in Base.registry.mappers:
        entity = getattr(mapper.class_, "__sync_entity__", None)
        if entity:
            found[entity] = mapper.local_table  # type: ignore[assignment]
    return found


@cache
def _table_order() -> dict[str, int]:
    """Parents before children (foreign keys), so one batch can bring both."""
    return {t.name: n for n, t in enumerate(Base.metadata.sorted_tables)}


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


def _pending(session: Session, ids: list[str]) -> set[tuple[str, str]]:
    """(entity, id) among `ids` with unsent local changes."""
    if session.scalar(select(Outbox.seq).where(Outbox.status == "pending").limit(1)) is None:
        return set()
    found: set[tuple[str, str]] = set()
    for chunk in chunks(ids):
        rows = session.execute(
            select(Outbox.entity, Outbox.entity_id).where(
                Outbox.status == "pending", Outbox.entity_id.in_(chunk)
            )
        )
        found.update((entity, entity_id) for entity, entity_id in rows)
    return found


def _held(session: Session, table: Table, ids: list[str]) -> dict[str, Any]:
    rows: dict[str, Any] = {}
    for chunk in chunks(ids):
        for row in session.execute(select(table).where(table.c.id.in_(chunk))).mappings():
            rows[row["id"]] = row
    return rows


def write_records(
    session: Session, records: Sequence[ServerRecord], now: datetime, pulled: bool = False
) -> Outcome:
    """Upsert server records; see the module docstring. Within a batch the last record of
    a row wins (each carries the whole row). A row a local rule refuses (say the same
    username made offline at two counters) is reported and the others are written.

    `pulled`: the records come from the change log, where this PC's own changes are left
    out (their push answers carried them), so a pulled version can be older than the one
    the PC already holds (another counter's v2 arriving after this PC's merged v3 came in
    its push answer); such a row is left as it is. A push answer is always written: it is
    the server's word on that change, even when it undoes a local edit it refused."""
    out = Outcome()
    tables = tables_by_entity()
    last: dict[tuple[str, str], ServerRecord] = {}
    repeats: dict[tuple[str, str], int] = defaultdict(int)
    for rec in records:
        key = (rec.entity, rec.entity_id)
        repeats[key] += key in last
        last[key] = rec
    pending = _pending(session, sorted({r.entity_id for r in last.values()}))
    groups: dict[str, list[ServerRecord]] = defaultdict(list)
    newest: str | None = None
    for key, rec in last.items():
        table = tables.get(rec.entity)
        if table is None or key in pending:
            out.skipped += 1 + repeats[key]
            newest = max(newest or rec.hlc, rec.hlc)
        else:
            groups[table.name].append(rec)
    order = _table_order()
    for name in sorted(groups, key=lambda n: order.get(n, len(order))):
        group = groups[name]
        table = tables[group[0].entity]
        held = _held(session, table, [r.entity_id for r in group])
        shapes: dict[tuple[str, ...], list[tuple[ServerRecord, dict[str, Any]]]] = defaultdict(list)
        for rec in group:
            count = 1 + repeats[(rec.entity, rec.entity_id)]
            try:
                values = _convert(table, rec.data)
            except (TypeError, ValueError):
                out.problems.append(_problem(rec, UNREADABLE.render()))
                continue
            values.update(id=rec.entity_id, version=rec.version, hlc=rec.hlc)
            current = held.get(rec.entity_id)
            if pulled and current is not None and current["version"] > rec.version:
                out.unchanged += count
                newest = max(newest or rec.hlc, rec.hlc)
                continue
            if current is not None and all(
                current[k] == v for k, v in values.items() if k not in _NOT_COMPARED
            ):
                out.unchanged += count
                newest = max(newest or rec.hlc, rec.hlc)
                continue
            values["updated_at"] = now
            values.setdefault("created_at", now)
            shapes[tuple(values)].append((rec, values))
        for columns, rows in shapes.items():
            refused = _upsert(session, table, columns, rows)
            for rec, _values in rows:
                problem = refused.get(rec.entity_id)
                if problem is not None:
                    out.problems.append(_problem(rec, problem))
                else:
                    out.written += 1 + repeats[(rec.entity, rec.entity_id)]
                    out.entities.add(rec.entity)
                    newest = max(newest or rec.hlc, rec.hlc)
    if newest is not None:
        out.newest = Hlc.parse(newest)
    return out


def _upsert(
    session: Session,
    table: Table,
    columns: tuple[str, ...],
    rows: list[tuple[ServerRecord, dict[str, Any]]],
) -> dict[str, str]:
    """One executemany; if a row breaks a local rule, each row again in its own savepoint.
    Returns the refused rows' ids with the reason."""
    stmt = insert(table)
    stmt = stmt.on_conflict_do_update(
        index_elements=["id"],
        set_={c: stmt.excluded[c] for c in columns if c not in ("id", "created_at")},
    )
    try:
        with session.begin_nested():
            session.execute(stmt, [values for _rec, values in rows])
        return {}
    except SQLAlchemyError:
        pass
    refused: dict[str, str] = {}
    for rec, values in rows:
        try:
            with session.begin_nested():
                session.execute(stmt, [values])
        except SQLAlchemyError as exc:
            refused[rec.entity_id] = local_refusal(rec, exc)
    return refused


UNREADABLE = Text(
    "isinya tidak dapat dibaca program ini; perbarui program atau hubungi TI kantor",
    "this program cannot read its contents; update the program or call the office IT",
)
SAME_USERNAME = Text(
    "akun {username} dari komputer lain tidak disimpan di sini: nama pengguna itu sudah "
    "dipakai akun lain di komputer ini. Admin perlu mengganti nama pengguna salah satunya",
    "the account {username} from another PC is not kept here: another account on this PC "
    "already uses that username. An admin needs to rename one of them",
)
SAME_AS_OTHER = Text(
    "sama dengan data lain di komputer ini ({columns}); hubungi TI kantor",
    "clashes with another record on this PC ({columns}); call the office IT",
)
NO_PARENT = Text(
    "data induknya belum ada di komputer ini; akan dicoba lagi pada sinkronisasi berikutnya",
    "the record it belongs to is not on this PC yet; tried again at the next sync",
)
EMPTY_REQUIRED = Text(
    "isian wajib kosong ({columns}); hubungi TI kantor",
    "a required field is empty ({columns}); call the office IT",
)
NOT_KEPT = Text(
    "tidak dapat disimpan di komputer ini ({kind}); hubungi TI kantor",
    "cannot be kept on this PC ({kind}); call the office IT",
)


def local_refusal(rec: ServerRecord, exc: SQLAlchemyError) -> str:
    """Why a local rule refused a server record, as a sentence: never SQL or its values
    (a staff row's values hold a password hash)."""
    cause = str(getattr(exc, "orig", "") or "")
    columns = cause.split(":", 1)[1].strip() if ":" in cause else ""
    if cause.startswith("UNIQUE constraint failed"):
        if rec.entity == "staff" and "username" in cause:
            return SAME_USERNAME.render(username=str(rec.data.get("username", "?")))
        return SAME_AS_OTHER.render(columns=columns)
    if cause.startswith("FOREIGN KEY constraint failed"):
        return NO_PARENT.render()
    if cause.startswith("NOT NULL constraint failed"):
        return EMPTY_REQUIRED.render(columns=columns)
    return NOT_KEPT.render(kind=type(getattr(exc, "orig", exc)).__name__)


def _problem(rec: ServerRecord, sentence: str) -> str:
    return f"{rec.entity} {rec.entity_id}: {sentence}"
