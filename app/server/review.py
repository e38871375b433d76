"""What a supervisor reviews after sync: field conflicts and same-NIK duplicates.

Both live on the server, so a supervisor decides once, at any counter, and the decision
reaches every device through the change log (DOMAIN.md complaint 9: no approving on each
machine separately).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, or_, select
from sqlalchemy.orm import Session

from app.domain.hlc import Hlc, tick
from app.domain.masks import mask_field
from app.domain.roles import Permission
from app.protocol.entities import ENTITIES, EntitySpec
from app.server.apply import log_change
from app.server.duplicates import flag_duplicates
from app.server.models import Conflict, Device, DuplicateFlag, RecordState
from app.server.policy import set_fields
from app.server.proof import ProofRefused, check_supervisor


class ReviewError(Exception):
    """A resolution that cannot be done (already resolved, another office's, bad choice)."""


class ProofError(ReviewError):
    """The supervisor's proof was refused (answered 403)."""


def _visible(device: Device, office: str) -> bool:
    return device.is_hq or device.office_code == office


def _who(
    engine: Engine, device: Device, offices: set[str], by: str, password: str, now: datetime
) -> str:
    """The supervisor deciding, once the server has checked the proof (app.server.proof);
    a head-office device may also use a head-office supervisor."""
    allowed = {o for o in offices if _visible(device, o)} | {device.office_code}
    try:
        return check_supervisor(engine, device, allowed, by, password, Permission.SYNC_RESOLVE, now)
    except ProofRefused as exc:
        raise ProofError(str(exc)) from exc


def list_conflicts(engine: Engine, device: Device, status: str = "open") -> list[dict[str, Any]]:
    stmt = select(Conflict).where(Conflict.status == status).order_by(Conflict.id)
    if not device.is_hq:
        stmt = stmt.where(Conflict.office_code == device.office_code)
    with Session(engine) as session:
        rows = session.scalars(stmt.limit(500)).all()
        names = _names(session, {(c.entity, c.entity_id) for c in rows})
        return [
            {
                "id": c.id,
                "entity": c.entity,
                "entity_id": c.entity_id,
                "field": c.field,
                "server_value": mask_field(c.field, json.loads(c.server_value or "null")),
                "device_value": mask_field(c.field, json.loads(c.device_value or "null")),
                "reason": c.reason,
                "device_id": c.device_id,
                "office_code": c.office_code,
                "created_at": c.created_at.isoformat(),
                "label": names.get((c.entity, c.entity_id)),
            }
            for c in rows
        ]


def _names(session: Session, keys: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    for entity, entity_id in keys:
        rec = session.get(RecordState, (entity, entity_id))
        if rec is not None:
            found[(entity, entity_id)] = str(
                rec.data.get("full_name") or rec.data.get("username") or entity_id
            )
    return found


def resolve_conflict(
    engine: Engine, device: Device, conflict_id: int, keep: str, by: str, password: str
) -> dict[str, Any]:
    if keep not in ("server", "device"):
        raise ReviewError("keep must be 'server' or 'device'")
    now = datetime.now(UTC)
    with Session(engine) as session:
        found = session.get(Conflict, conflict_id)
        if found is None or not _visible(device, found.office_code):
            raise ReviewError("no such conflict")
        office = found.office_code
    by = _who(engine, device, {office}, by, password, now)
    with Session(engine) as session, session.begin():
        conflict = session.get(Conflict, conflict_id, with_for_update=True)
        if conflict is None or not _visible(device, conflict.office_code):
            raise ReviewError("no such conflict")
        if conflict.status != "open":
            raise ReviewError(f"already resolved by {conflict.resolved_by}")
        if keep == "device":
            rec = session.get(
                RecordState, (conflict.entity, conflict.entity_id), with_for_update=True
            )
            if rec is None:
                raise ReviewError("the record is gone")
            _stamp(
                rec,
                {conflict.field: json.loads(conflict.device_value or "null")},
                f"review:{by}",
                now,
            )
            log_change(session, rec, ENTITIES[conflict.entity], None)  # every device pulls it
            flag_duplicates(session, rec, now)
        conflict.status, conflict.resolution = "resolved", keep
        conflict.resolved_by, conflict.resolved_at = by[:80], now
        return {"id": conflict.id, "status": "resolved", "kept": keep}


def list_duplicates(engine: Engine, device: Device) -> list[dict[str, Any]]:
    stmt = select(DuplicateFlag).where(DuplicateFlag.status == "open").order_by(DuplicateFlag.id)
    if not device.is_hq:
        stmt = stmt.where(
            or_(
                DuplicateFlag.office_a == device.office_code,
                DuplicateFlag.office_b == device.office_code,
            )
        )
    with Session(engine) as session:
        rows = session.scalars(stmt.limit(500)).all()
        names = _names(
            session,
            {("participant", r.record_a) for r in rows}
            | {("participant", r.record_b) for r in rows},
        )
        return [
            {
                "id": r.id,
                "nik_masked": r.nik[:4] + "********" + r.nik[12:],
                # Another office's record is named (the supervisor compares the person) but
                # its id stays on the server.
                "a": {
                    "id": r.record_a if _visible(device, r.office_a) else None,
                    "office": r.office_a,
                    "name": names.get(("participant", r.record_a)),
                },
                "b": {
                    "id": r.record_b if _visible(device, r.office_b) else None,
                    "office": r.office_b,
                    "name": names.get(("participant", r.record_b)),
                },
                "created_at": r.created_at.isoformat(),
            }
            for r in rows
        ]


MERGED_REASON = "Data ganda (NIK sama): digabung ke peserta {survivor} kantor {office}."


def merge_duplicate(
    engine: Engine, device: Device, flag_id: int, keep: str, by: str, password: str
) -> dict[str, Any]:
    """Merge two records of one person (a same-NIK flag): the record `keep` ("a" or "b")
    stays; the other gets status "merged" and `merged_into`, and nothing is deleted.

    Records linked to the merged one (each type lists its links in app.protocol.entities) move
    to the one that stays when both belong to the same office. Across offices they stay
    where they are: each office keeps seeing its own consents and documents, and the merged
    record, still in its office, says which record they belong with. Every change goes
    through the change log, so every PC of both offices gets it on its next pull.
    """
    if keep not in ("a", "b"):
        raise ReviewError("keep must be 'a' or 'b'")
    now = datetime.now(UTC)
    with Session(engine) as session:
        found = session.get(DuplicateFlag, flag_id)
        if found is None or not (
            _visible(device, found.office_a) or _visible(device, found.office_b)
        ):
            raise ReviewError("no such duplicate")
        offices = {found.office_a, found.office_b}
    by = _who(engine, device, offices, by, password, now)
    with Session(engine) as session, session.begin():
        flag = session.get(DuplicateFlag, flag_id, with_for_update=True)
        if flag is None or not (_visible(device, flag.office_a) or _visible(device, flag.office_b)):
            raise ReviewError("no such duplicate")
        if flag.status != "open":
            raise ReviewError(f"already decided by {flag.resolved_by}")
        kept_id, gone_id = (
            (flag.record_a, flag.record_b) if keep == "a" else (flag.record_b, flag.record_a)
        )
        kept = session.get(RecordState, ("participant", kept_id), with_for_update=True)
        gone = session.get(RecordState, ("participant", gone_id), with_for_update=True)
        if kept is None or gone is None or kept.deleted or gone.deleted:
            raise ReviewError("one of the records is gone")
        origin = f"review:{by}"
        # Find and lock the linked records first: the change-log lock (taken by the first
        # log_change) is then held only for the writes.
        linked: list[tuple[EntitySpec, str, RecordState]] = []
        if kept.office_code == gone.office_code:
            for spec in ENTITIES.values():
                for field, target in spec.links:
                    if target == "participant":
                        linked.extend(
                            (spec, field, rec)
                            for rec in session.scalars(
                                select(RecordState)
                                .where(
                                    RecordState.entity == spec.name,
                                    RecordState.data[field].as_string() == gone_id,
                                )
                                .with_for_update()
                            )
                        )
        for spec, field, rec in linked:
            # The record's stamp is kept: these types are last-writer-wins by stamp, and a
            # counter's offline change made before the merge (a consent withdrawn, a
            # document removed) must still win over the move.
            set_fields(rec, {field: kept_id}, origin, rec.hlc)
            log_change(session, rec, spec, None)
        moved = len(linked)
        office = kept.office_code
        _stamp(
            gone,
            {
                "status": "merged",
                "status_reason": MERGED_REASON.format(survivor=kept_id, office=office),
                "merged_into": kept_id,
            },
            origin,
            now,
        )
        log_change(session, gone, ENTITIES["participant"], None)
        flag.status, flag.kept = "merged", kept_id
        flag.resolved_by, flag.resolved_at = by[:80], now
        # Other open flags of the merged record are settled with it: the one that stays
        # carries them on (it has its own flags with the same NIK).
        for other in session.scalars(
            select(DuplicateFlag).where(
                DuplicateFlag.status == "open",
                or_(DuplicateFlag.record_a == gone_id, DuplicateFlag.record_b == gone_id),
            )
        ):
            other.status, other.resolved_by, other.resolved_at = "closed", by[:80], now
        return {
            "id": flag.id,
            "status": "merged",
            "kept": kept_id,
            "merged": gone_id,
            "moved": moved,
        }


def _stamp(rec: RecordState, changes: dict[str, Any], origin: str, now: datetime) -> None:
    """A supervisor's change: a stamp after the record's, from the server's clock."""
    stamp = tick(Hlc.parse(rec.hlc), int(now.timestamp() * 1000), "server")
    set_fields(rec, changes, origin, str(stamp))
