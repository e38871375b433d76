"""Exporting participants (masked unless a supervisor asks) and one person's data (PDP).

Every export is an audit event saying who, how many and whether data was full or masked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.db import Database
from app.domain.intake import CANONICAL_COLUMNS
from app.domain.nik import mask_nik
from app.domain.roles import Permission
from app.models import AuditEvent, Consent, Participant, ParticipantDocument
from app.services.access import require
from app.services.actor import Actor
from app.services.participant_records import load_participant
from app.services.participant_views import mask_account
from app.services.tables import write_table
from app.services.uow import row_values, unit_of_work

EXPORT_COLUMNS = (*CANONICAL_COLUMNS, "status", "kantor", "didaftarkan")


def _export_row(p: Participant, consent: bool, full: bool) -> list[Any]:
    nik = p.nik if full else mask_nik(p.nik)
    account = p.bank_account if full else mask_account(p.bank_account)
    return [
        nik,
        p.full_name,
        p.birth_place,
        p.birth_date.strftime("%d/%m/%Y"),
        p.sex,
        p.phone,
        p.email,
        p.kpj,
        p.ktp_address,
        p.region_code,
        p.education,
        p.last_employer,
        p.npp,
        p.phk_date.strftime("%d/%m/%Y") if p.phk_date else None,
        p.phk_reason,
        p.last_wage,
        p.bank_name,
        account,
        p.bank_account_holder,
        "Y" if consent else "T",
        p.status,
        p.office_code,
        p.registered_at.astimezone().strftime("%d/%m/%Y %H:%M"),
    ]


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
