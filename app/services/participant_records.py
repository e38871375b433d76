"""One participant's record: detail, edits with history, status, full NIK on request, drafts.

Edits go through the same checks as registration. The audit event of an edit holds the
changed fields (old and new, NIK and account masked), so the detail view can show who
changed what and when without a separate history table.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.domain.findings import Finding, has_errors
from app.domain.nik import mask_nik
from app.domain.participant_fields import STATUS_LABELS, TYPED
from app.domain.roles import Permission
from app.errors import NotFound, ValidationError
from app.formats import form_text
from app.models import (
    AuditEvent,
    Consent,
    IntakeDraft,
    Participant,
    ParticipantDocument,
    TrainingModule,
)
from app.services.access import require
from app.services.actor import Actor
from app.services.participant_views import (
    DocumentInfo,
    HistoryEntry,
    ParticipantDetail,
    mask_account,
    row_of,
)
from app.services.participants import MODEL_FIELDS, check
from app.services.uow import unit_of_work
from app.texts import Text

NOT_FOUND = Text("Data peserta tidak ditemukan.", "Participant not found.")
BAD_STATUS = Text("Status tidak dikenal: {status}.", "Unknown status: {status}.")
NIK_TAKEN = Text(
    "NIK ini sudah dipakai peserta lain.", "This NIK is already used by another participant."
)
REASON_REQUIRED = Text("Alasan wajib diisi.", "A reason is required.")

STATUSES = STATUS_LABELS  # code -> label (app.domain.participant_fields)
SENSITIVE = {"nik": mask_nik, "bank_account": mask_account}


def load_participant(session: Session, participant_id: str) -> Participant:
    p = session.get(Participant, participant_id)
    if p is None or p.deleted_at is not None:
        raise NotFound(NOT_FOUND)
    return p


def _masked(field: str, value: Any) -> Any:
    if value is None or field not in SENSITIVE:
        return value
    return SENSITIVE[field](str(value))


def detail(db: Database, participant_id: str) -> ParticipantDetail:
    with db.read() as session:
        p = load_participant(session, participant_id)
        values = {f: _masked(f, getattr(p, f)) for f in MODEL_FIELDS}
        values.update(
            status=p.status,
            status_reason=p.status_reason,
            eligibility_status=p.eligibility_status,
            eligibility_detail=json.loads(p.eligibility_detail or "[]"),
            registered_by=p.registered_by,
            registered_at=p.registered_at,
        )
        names = dict(
            session.execute(
                select(TrainingModule.code, TrainingModule.name).where(
                    TrainingModule.code.in_([p.training_choice_1, p.training_choice_2])
                )
            ).all()
        )
        for key in ("training_choice_1", "training_choice_2"):
            code = getattr(p, key)  # a module's code; a choice typed before it: as typed
            values[f"{key}_label"] = f"{names[code]} ({code})" if code in names else code
        consent = session.scalars(
            select(Consent)
            .where(Consent.participant_id == p.id, Consent.withdrawn_at.is_(None))
            .order_by(Consent.given_at.desc())
        ).first()
        docs = [
            DocumentInfo(d.id, d.kind, d.original_name, d.sha256, d.size_bytes, d.created_at)
            for d in session.scalars(
                select(ParticipantDocument).where(
                    ParticipantDocument.participant_id == p.id,
                    ParticipantDocument.deleted_at.is_(None),
                )
            )
        ]
        return ParticipantDetail(
            row_of(p),
            values,
            consent.notice_version if consent else None,
            consent.given_at if consent else None,
            docs,
            history(session, p.id),
        )


def history(session: Session, participant_id: str) -> list[HistoryEntry]:
    events = session.scalars(
        select(AuditEvent)
        .where(AuditEvent.entity == "participant", AuditEvent.entity_id == participant_id)
        .order_by(AuditEvent.at, AuditEvent.seq)
    )
    entries = []
    for e in events:
        detail = json.loads(e.detail)
        changes = detail.pop("changes", {})
        entries.append(
            HistoryEntry(
                e.at, e.actor, e.action, changes if isinstance(changes, dict) else {}, detail
            )
        )
    return entries


def reveal(db: Database, actor: Actor, participant_id: str, field: str) -> str:
    """The full NIK or account number, for a reason at the counter; always audited."""
    require(db, actor, Permission.PARTICIPANT_REVEAL)
    if field not in SENSITIVE:
        raise ValueError(field)
    with unit_of_work(db, actor) as uow:
        p = load_participant(uow.session, participant_id)
        uow.audit("participant.reveal", "participant", p.id, field=field)
        return str(getattr(p, field) or "")


def values_for_edit(db: Database, actor: Actor, participant_id: str) -> dict[str, str]:
    """The record as form text (full NIK and account included), for the edit form.

    Opening a record for editing shows personal data in full, so it is one audit event.
    """
    require(db, actor, Permission.PARTICIPANT_EDIT)
    with unit_of_work(db, actor) as uow:
        p = load_participant(uow.session, participant_id)
        uow.audit("participant.open_for_edit", "participant", p.id)
        consent = uow.session.scalars(
            select(Consent).where(Consent.participant_id == p.id, Consent.withdrawn_at.is_(None))
        ).first()
        return form_values(p, consent is not None)


def form_values(p: Participant, consent: bool) -> dict[str, str]:
    """The record as the form's inputs hold it (app.formats.form_text of each field)."""
    values = {
        f.key: form_text(f, getattr(p, f.attribute)) for f in TYPED if f.attribute is not None
    }
    values["persetujuan"] = "Y" if consent else "T"
    return values


def record_consent(db: Database, actor: Actor, participant_id: str, notice_version: str) -> None:
    """Consent given after registration (the notice read out at a later visit)."""
    require(db, actor, Permission.PARTICIPANT_EDIT)
    with unit_of_work(db, actor) as uow:
        p = load_participant(uow.session, participant_id)
        uow.session.add(
            Consent(
                participant_id=p.id,
                notice_version=notice_version,
                given_at=uow.now,
                recorded_by=actor.username,
            )
        )
        uow.audit("participant.consent", "participant", p.id, notice_version=notice_version)


def update(
    db: Database,
    actor: Actor,
    participant_id: str,
    raw: dict[str, Any],
    *,
    confirm_warnings: bool = False,
) -> list[Finding]:
    """Apply an edited form; returns the findings (nothing saved if any error, or unconfirmed
    warnings). The audit event records old and new values of each changed field."""
    require(db, actor, Permission.PARTICIPANT_EDIT)
    result, dups = check(db, {**raw, "id": participant_id})
    findings = list(result.findings)
    if any(d.reason == "nik" for d in dups):
        raise ValidationError(NIK_TAKEN, field="nik")
    if has_errors(findings) or (findings and not confirm_warnings):
        return findings
    with unit_of_work(db, actor) as uow:
        p = load_participant(uow.session, participant_id)
        changes: dict[str, list[Any]] = {}
        for f in MODEL_FIELDS:
            new = result.values[f]
            old = getattr(p, f)
            if new != old:
                changes[f] = [_plain(_masked(f, old)), _plain(_masked(f, new))]
                setattr(p, f, new)
        if changes:
            uow.audit("participant.update", "participant", p.id, changes=changes)
    return findings


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def set_status(
    db: Database, actor: Actor, participant_id: str, status: str, reason: str = ""
) -> None:
    require(db, actor, Permission.PARTICIPANT_EDIT)
    if status not in STATUSES or status in ("erased", "merged"):  # set by their own actions
        raise ValidationError(BAD_STATUS, field="status", status=status)
    if status in ("ineligible", "withdrawn") and not reason.strip():
        raise ValidationError(REASON_REQUIRED, field="reason")
    with unit_of_work(db, actor) as uow:
        p = load_participant(uow.session, participant_id)
        if p.status != status:
            uow.audit(
                "participant.status",
                "participant",
                p.id,
                changes={"status": [p.status, status]},
                reason=reason.strip(),
            )
            p.status, p.status_reason = status, reason.strip() or None


# -- drafts ---------------------------------------------------------------------------------
def save_draft(db: Database, actor: Actor, data: dict[str, Any]) -> None:
    """Keep an unfinished form (local only, one per staff member): survives a crash."""
    if actor.staff_id is None:
        return
    with db.write() as session:
        session.merge(
            IntakeDraft(
                staff_id=actor.staff_id,
                data=json.dumps(data, ensure_ascii=False, default=str),
                updated_at=db.clock(),
            )
        )


def load_draft(db: Database, actor: Actor) -> tuple[dict[str, Any], datetime] | None:
    if actor.staff_id is None:
        return None
    with db.read() as session:
        draft = session.get(IntakeDraft, actor.staff_id)
        return (json.loads(draft.data), draft.updated_at) if draft else None


def discard_draft(db: Database, actor: Actor) -> None:
    if actor.staff_id is None:
        return
    with db.write() as session:
        draft = session.get(IntakeDraft, actor.staff_id)
        if draft is not None:
            session.delete(draft)
