"""Scans attached to a participant (KTP, PHK letter...): copied into the data dir by hash.

The copy is named by its SHA-256, so the same scan attached twice is stored once and a file
changed on disk afterwards is detectable. Only the metadata row syncs.
"""

from __future__ import annotations

from pathlib import Path

from app.db import Database
from app.domain.roles import Permission
from app.errors import ValidationError
from app.models import ParticipantDocument
from app.services.access import require
from app.services.actor import Actor
from app.services.participant_records import load_participant
from app.services.participant_views import DocumentInfo
from app.services.scans import documents_dir, store_scan
from app.services.uow import unit_of_work
from app.texts import Text

KINDS: dict[str, Text] = {
    "ktp": Text("KTP", "ID card (KTP)"),
    "phk_letter": Text("Surat PHK", "Termination letter"),
    "phk_agreement": Text("Perjanjian bersama / putusan", "Agreement or court ruling"),
    "manpower_report": Text("Laporan Disnaker", "Manpower office report"),
    "kpj_card": Text("Kartu peserta (KPJ)", "Membership card (KPJ)"),
    "bank_book": Text("Buku tabungan", "Bank book"),
    "other": Text("Lainnya", "Other"),
}
BAD_KIND = Text("Jenis dokumen tidak dikenal.", "Unknown document kind.")


def attach(
    db: Database, actor: Actor, participant_id: str, kind: str, source: Path
) -> DocumentInfo:
    require(db, actor, Permission.PARTICIPANT_EDIT)
    if kind not in KINDS:
        raise ValidationError(BAD_KIND, field="kind")
    scan = store_scan(source)
    stored, digest, size = scan.stored_name, scan.sha256, scan.size_bytes
    with unit_of_work(db, actor) as uow:
        load_participant(uow.session, participant_id)
        doc = ParticipantDocument(
            participant_id=participant_id,
            kind=kind,
            original_name=source.name,
            stored_name=stored,
            sha256=digest,
            size_bytes=size,
        )
        uow.session.add(doc)
        uow.session.flush()
        uow.audit("participant.document", "participant", participant_id, kind=kind, sha256=digest)
        return DocumentInfo(doc.id, kind, source.name, digest, size, doc.created_at)


def document_path(info: DocumentInfo) -> Path:
    suffix = Path(info.original_name).suffix.lower()
    return documents_dir() / f"{info.sha256}{suffix}"
