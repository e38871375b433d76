"""Unit of work: one user action = one transaction (DESIGN §4).

Inside `unit_of_work(db, actor)` a service adds or changes mapped rows and calls
`uow.audit(...)`. On the way out, in the same BEGIN IMMEDIATE transaction, every new or
changed synced row gets its sync columns filled (version, hlc, timestamps) and an Outbox row
with exactly the fields that changed, and each audit event is chained to the previous one of
this device. An exception anywhere rolls all of it back: no domain row, no outbox row, no
audit row. A transaction that changes synced rows without an audit event is refused, so no
change escapes the trail.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from app.changes import announce
from app.db import Database
from app.domain import hlc as hlc_rules
from app.domain.audit_chain import GENESIS, event_hash
from app.domain.ids import new_id
from app.models import AuditEvent, Device, Outbox
from app.models.base import SYNC_COLUMNS, SyncMixin
from app.services.actor import Actor


class MissingAudit(RuntimeError):
    """A programming error: synced rows changed without an audit event."""


@dataclass(frozen=True)
class ChangeSummary:
    """What a committed action changed, so each screen decides whether to refresh."""

    entities: frozenset[str] = field(default_factory=frozenset)

    def touches(self, *names: str) -> bool:
        return any(n in self.entities for n in names)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def row_values(obj: SyncMixin, names: list[str] | None = None) -> dict[str, Any]:
    """Column values of a row as JSON-ready data (all business columns, or `names`)."""
    mapper = inspect(type(obj))
    cols = names if names is not None else [c.key for c in mapper.column_attrs]
    keep = {"office_code", "created_at", "deleted_at"}  # what another device needs to rebuild
    return {n: _plain(getattr(obj, n)) for n in cols if n not in SYNC_COLUMNS or n in keep}


class UnitOfWork:
    """Handle given to a service inside `unit_of_work`; see the module docstring."""

    def __init__(self, session: Session, db: Database, actor: Actor) -> None:
        self.session = session
        self.actor = actor
        self.now = db.clock()
        self._device: Device | None = None
        self._hlc: hlc_rules.Hlc | None = None
        self._audit_head: tuple[int, str] | None = None
        self._audited = False
        self._entities: set[str] = set()
        self._local: set[str] = set()  # tables of this PC only, by their announced name
        self.summary = ChangeSummary()
        event.listen(session, "before_flush", self._before_flush)

    # -- device identity and clock ----------------------------------------------------
    @property
    def device(self) -> Device:
        if self._device is None:
            # No autoflush here: a flush would stamp rows (and tick the clock) before the
            # clock's last value has been read.
            with self.session.no_autoflush:
                self._device = self.session.scalars(select(Device)).one()
            last = self._device.last_hlc
            self._hlc = hlc_rules.Hlc.parse(last) if last else None
        return self._device

    def _next_hlc(self) -> str:
        device = self.device
        self._hlc = hlc_rules.tick(self._hlc, int(self.now.timestamp() * 1000), device.device_id)
        return str(self._hlc)

    # -- audit ----------------------------------------------------------------------------
    def audit(
        self,
        action: str,
        entity: str | None = None,
        entity_id: str | None = None,
        **detail: Any,
    ) -> None:
        """Append one event to this device's hash chain, in this transaction."""
        device = self.device
        if self._audit_head is None:
            row = self.session.execute(
                select(AuditEvent.seq, AuditEvent.hash)
                .where(AuditEvent.device_id == device.device_id)
                .order_by(AuditEvent.seq.desc())
                .limit(1)
            ).first()
            self._audit_head = (row[0], row[1]) if row else (0, GENESIS)
        seq, prev_hash = self._audit_head[0] + 1, self._audit_head[1]
        at = self.now.isoformat()
        detail_json = json.dumps(
            {k: _plain(v) for k, v in detail.items()}, ensure_ascii=False, sort_keys=True
        )
        digest = event_hash(
            device_id=device.device_id,
            seq=seq,
            at=at,
            actor=self.actor.label,
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=detail_json,
            prev_hash=prev_hash,
        )
        self.session.add(
            AuditEvent(
                id=new_id(),
                office_code=device.office_code,
                device_id=device.device_id,
                seq=seq,
                at=self.now,
                actor=self.actor.label,
                action=action,
                entity=entity,
                entity_id=entity_id,
                detail=detail_json,
                prev_hash=prev_hash,
                hash=digest,
            )
        )
        self._audit_head = (seq, digest)
        self._audited = True

    def tombstone(self, obj: SyncMixin) -> None:
        """Delete a synced row the only way allowed: mark it, so the deletion syncs."""
        obj.deleted_at = self.now

    # -- outbox -----------------------------------------------------------------------------
    def _before_flush(self, session: Session, _ctx: Any, _instances: Any) -> None:
        for obj in list(session.new):
            if isinstance(obj, SyncMixin):
                self._stamp_new(obj)
            else:
                self._note_local(obj)
        for obj in list(session.dirty):
            if not session.is_modified(obj, include_collections=False):
                continue
            if isinstance(obj, SyncMixin):
                self._stamp_changed(obj)
            else:
                self._note_local(obj)
        for obj in list(session.deleted):
            if isinstance(obj, SyncMixin):
                raise RuntimeError(f"synced row {obj!r} must be tombstoned, not deleted")

    def _note_local(self, obj: object) -> None:
        """A table of this PC only (a setting, a login lock) that a page shows: its model
        names what to announce in `__announce__`."""
        name = getattr(type(obj), "__announce__", None)
        if isinstance(name, str):
            self._local.add(name)

    def _stamp_new(self, obj: SyncMixin) -> None:
        if not getattr(obj, "id", None):
            obj.id = new_id()
        if not getattr(obj, "office_code", None):
            obj.office_code = self.device.office_code
        obj.created_at = obj.updated_at = self.now
        obj.version = 1
        obj.hlc = self._next_hlc()
        self._record(obj, "insert", 0, row_values(obj))

    def _stamp_changed(self, obj: SyncMixin) -> None:
        state = inspect(obj)
        changed = [
            a.key
            for a in state.mapper.column_attrs
            if a.key not in {"updated_at", "version", "hlc"}
            and state.attrs[a.key].history.has_changes()
        ]
        if not changed:
            return
        base = self._sync_base(obj)
        op = "delete" if "deleted_at" in changed and obj.deleted_at is not None else "update"
        values = {n: _plain(getattr(obj, n)) for n in changed}
        obj.version = obj.version + 1
        obj.updated_at = self.now
        obj.hlc = self._next_hlc()
        self._record(obj, op, base, values)

    def _sync_base(self, obj: SyncMixin) -> int:
        """The version the server last gave this row: while earlier local changes are still
        unsent, a new change builds on the same base they did (local versions run ahead)."""
        pending = self.session.scalar(
            select(Outbox.base_version)
            .where(
                Outbox.entity == type(obj).__sync_entity__,
                Outbox.entity_id == obj.id,
                Outbox.status == "pending",
            )
            .order_by(Outbox.seq)
            .limit(1)
        )
        return obj.version if pending is None else int(pending)

    def _record(self, obj: SyncMixin, op: str, base_version: int, values: dict[str, Any]) -> None:
        entity = type(obj).__sync_entity__
        self._entities.add(entity)
        self.session.add(
            Outbox(
                mutation_id=new_id(),
                entity=entity,
                entity_id=obj.id,
                office_code=obj.office_code,
                op=op,
                base_version=base_version,
                version=obj.version,
                hlc=obj.hlc,
                changes=json.dumps(values, ensure_ascii=False, sort_keys=True),
                created_at=self.now,
            )
        )

    # -- end ------------------------------------------------------------------------------
    def finish(self) -> ChangeSummary:
        self.session.flush()
        if self._entities - {"audit_event"} and not self._audited:
            raise MissingAudit(f"changed {sorted(self._entities)} without an audit event")
        if self._hlc is not None:
            self.device.last_hlc = str(self._hlc)
        self.session.flush()
        return ChangeSummary(frozenset(self._entities | self._local))


@contextmanager
def unit_of_work(db: Database, actor: Actor) -> Iterator[UnitOfWork]:
    """Run one user action in one transaction; see the module docstring. Once committed,
    what it changed is announced (app.changes) for the window's pages."""
    with db.write() as session:
        uow = UnitOfWork(session, db, actor)
        yield uow
        uow.summary = uow.finish()
    announce(uow.summary.entities)
