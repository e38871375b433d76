"""Erasing (anonymising) a person who withdraws consent, keeping money records intact.

The participant row stays (payments, receipts and certificates point at it and must remain
accountable), but every personal field is blanked, the name becomes a neutral placeholder,
consents are marked withdrawn, document files are deleted from disk and their metadata
tombstoned. The change syncs like any other, so the central copy is anonymised too.
"""

from __future__ import annotations

from sqlalchemy import select

from app.db import Database
from app.domain.roles import Permission
from app.errors import ValidationError
from app.models import Consent, ParticipantDocument
from app.services.access import require
from app.services.actor import Actor
from app.services.participant_records import load_participant
from app.services.scans import documents_dir
from app.services.uow import unit_of_work
from app.texts import Text

REASON_REQUIRED = Text("Alasan penghapusan wajib diisi.", "A reason for erasure is required.")
BLANKED = (
    "birth_place",
    "ktp_address",
    "region_code",
    "domicile_address",
    "phone",
    "email",
    "kpj",
    "last_employer",
    "npp",
    "job_title",
    "bank_name",
    "bank_account",
    "bank_account_holder",
    "training_choice_1",
    "training_choice_2",
)


def erase_person(db: Database, actor: Actor, participant_id: str, reason: str) -> None:
    require(db, actor, Permission.PARTICIPANT_ERASE)
    if not reason.strip():
        raise ValidationError(REASON_REQUIRED, field="reason")
    files: list[str] = []
    with unit_of_work(db, actor) as uow:
        p = load_participant(uow.session, participant_id)
        for name in BLANKED:
            setattr(p, name, None)
        p.full_name = f"[Dihapus {p.id[-6:]}]"
        p.name_key = ""
        p.nik = ""
        p.whatsapp = False
        p.status, p.status_reason = "erased", reason.strip()
        for consent in uow.session.scalars(
            select(Consent).where(Consent.participant_id == p.id, Consent.withdrawn_at.is_(None))
        ):
            consent.withdrawn_at = uow.now
        for doc in uow.session.scalars(
            select(ParticipantDocument).where(
                ParticipantDocument.participant_id == p.id,
                ParticipantDocument.deleted_at.is_(None),
            )
        ):
            files.append(doc.stored_name)
            doc.original_name = "-"
            uow.tombstone(doc)
        uow.audit("participant.erase", "participant", p.id, reason=reason.strip())
    with db.read() as session:  # after commit: a failed transaction must not lose the scans
        still_used = set(
            session.scalars(
                select(ParticipantDocument.stored_name).where(
                    ParticipantDocument.stored_name.in_(files),
                    ParticipantDocument.deleted_at.is_(None),
                )
            )
        )
    for name in set(files) - still_used:
        (documents_dir() / name).unlink(missing_ok=True)
