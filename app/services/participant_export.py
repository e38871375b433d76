"""Exporting participants (masked unless a supervisor asks) and one person's data (PDP).

The columns are the fields of app.domain.participant_fields, headed by their keys (the
canonical import column names), so an export imports again at another office.

Every export is an audit event saying who, how many and whether data was full or masked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.db import Database
from app.domain.nik import mask_nik
from app.domain.participant_fields import PARTICIPANT_FIELDS
from app.domain.roles import Permission
from app.formats import field_text
from app.models import AuditEvent, Consent, Participant, ParticipantDocument
from app.services.access import require
from app.services.actor import Actor
from app.services.participant_records import load_participant
from app.services.participant_views import mask_account
from app.services.tables import write_table
from app.services.uow import row_values, unit_of_work

# Every field of the table, in its order: the typed ones import again as they are written.
EXPORT_COLUMNS = tuple(f.key for f in PARTICIPANT_FIELDS)
SENSITIVE_MASKS = {"nik": mask_nik, "bank_account": mask_account}


def _export_row(p: Participant, consent: bool, full: bool) -> list[str]:
    """One participant as people read it, in Indonesian whatever the window's language:
    codes by their labels (status "Terdaftar", PHK reason "Efisiensi / pengurangan
    karyawan", sex "Laki-laki"), dates DD/MM/YYYY, rupiah `Rp5.200.000`, phones
    `0812-3456-7890`. The import reads every one of them back."""
    row = []
    for f in PARTICIPANT_FIELDS:
        value: object = consent if f.attribute is None else getattr(p, f.attribute)
        if f.attribute in SENSITIVE_MASKS and not full and isinstance(value, str):
            value = SENSITIVE_MASKS[f.attribute](value)
        row.append(field_text(f, value, "id"))
    return row


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    full: bool


def export_participants(
    db: Database, actor: Actor, path: Path, *, full: bool = False
) -> ExportResult:
    if full:
        require(db, actor, Permission.PARTICIPANT_EXPORT_FULL)
    with db.read() as session:
        consented = set(
            session.scalars(select(Consent.participant_id).where(Consent.withdrawn_at.is_(None)))
        )
        rows = [
            _export_row(p, p.id in consented, full)
            for p in session.scalars(
                select(Participant)
                .where(Participant.deleted_at.is_(None))
                .order_by(Participant.full_name, Participant.id)
                .execution_options(yield_per=2000)
            )
        ]
    write_table(path, list(EXPORT_COLUMNS), rows)
    with unit_of_work(db, actor) as uow:
        uow.audit("participant.export", None, None, file=path.name, rows=len(rows), full=full)
    return ExportResult(path, len(rows), full)


def export_person(db: Database, actor: Actor, participant_id: str, path: Path) -> Path:
    """Everything held on one person (UU 27/2022 right of access), as one JSON file."""
    require(db, actor, Permission.PARTICIPANT_EXPORT_FULL)
    with db.read() as session:
        p = load_participant(session, participant_id)
        data = {
            "participant": row_values(p),
            "consents": [
                row_values(c)
                for c in session.scalars(select(Consent).where(Consent.participant_id == p.id))
            ],
            "documents": [
                row_values(d)
                for d in session.scalars(
                    select(ParticipantDocument).where(ParticipantDocument.participant_id == p.id)
                )
            ],
            "history": [
                {
                    "at": e.at.isoformat(),
                    "actor": e.actor,
                    "action": e.action,
                    "detail": json.loads(e.detail),
                }
                for e in session.scalars(
                    select(AuditEvent).where(AuditEvent.entity_id == p.id).order_by(AuditEvent.at)
                )
            ],
        }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    with unit_of_work(db, actor) as uow:
        uow.audit("participant.export_person", "participant", participant_id, file=path.name)
    return path
