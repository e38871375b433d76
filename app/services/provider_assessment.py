"""The checklist (Penilaian Kelayakan): assess on a date, mark manual items with evidence,
the supervisor's decision, and `provider_fit` for the features that start cohorts.

The three automatic parameters are computed from the stored provider on the assessment
date (app.domain.provider_checks); manual items are as last marked. A decision is a new
row each time, signed by a supervisor, with the verdicts it was made on; layak is refused
while an automatic parameter fails on the assessment date, and open manual items are named
in it. The evidence file is copied into the data dir under its SHA-256 (like participant
documents); only its metadata syncs.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.domain import provider_checks as rules
from app.domain.ids import stable_id
from app.domain.roles import Permission
from app.domain.safe_text import first_control_char, looks_like_formula
from app.errors import StateError, ValidationError
from app.models import ProviderCheck, ProviderDecision, ProviderEvidence
from app.services.access import require
from app.services.actor import Actor
from app.services.provider_views import Assessment, CheckRow, DecisionRow, EvidenceRow, FitAnswer
from app.services.providers import (
    decision_in_force,
    facts_of,
    load_provider,
    offers_of,
    provider_row,
    today_of,
)
from app.services.scans import store_scan
from app.services.uow import unit_of_work
from app.texts import Text

BAD_ITEM = Text("Butir penilaian tidak dikenal: {key}.", "Unknown checklist item: {key}.")
BAD_STATUS = Text(
    "Status butir: belum, sesuai atau tidak_sesuai.", "Item status: belum, sesuai or tidak_sesuai."
)
BAD_RESULT = Text(
    "Keputusan: layak, tidak_layak atau tindak_lanjut.",
    "Decision: layak, tidak_layak or tindak_lanjut.",
)
REASON_NEEDED = Text(
    "Tuliskan alasan keputusan (minimal 5 huruf).", "Write the reason (at least 5 letters)."
)
UNSAFE_TEXT = Text(
    "Berisi karakter tak terlihat atau tampak seperti rumus Excel.",
    "Contains an invisible character or looks like an Excel formula.",
)
FUTURE_ASSESSMENT = Text(
    "Tanggal penilaian tidak boleh di masa depan.", "The assessment date cannot be in the future."
)
RECHECK_BEFORE = Text(
    "Tanggal penilaian ulang harus sesudah tanggal penilaian.",
    "The re-check date must be after the assessment date.",
)
ALL_KEYS = (*rules.AUTOMATIC, *rules.MANUAL)
ALL_EVIDENCE_KEYS = (*ALL_KEYS, "other")


def _safe(text: str | None, field: str) -> str | None:
    if text is None:
        return None
    if first_control_char(text) or looks_like_formula(text):
        raise ValidationError(UNSAFE_TEXT, field=field)
    return " ".join(text.split()) or None


def _evidence(session: Session, provider_id: str) -> dict[str, list[EvidenceRow]]:
    found: dict[str, list[EvidenceRow]] = {}
    for e in session.scalars(
        select(ProviderEvidence)
        .where(ProviderEvidence.provider_id == provider_id, ProviderEvidence.deleted_at.is_(None))
        .order_by(ProviderEvidence.created_at)
    ):
        found.setdefault(e.check_key, []).append(
            EvidenceRow(
                e.id,
                e.check_key,
                e.original_name,
                e.stored_name,
                e.sha256,
                e.size_bytes,
                e.added_by,
                e.created_at,
            )
        )
    return found


def _decision_row(d: ProviderDecision | None) -> DecisionRow | None:
    if d is None:
        return None
    return DecisionRow(
        d.id,
        d.result,
        d.reason,
        d.assessed_on,
        d.recheck_on,
        tuple(json.loads(d.open_items or "[]")),
        d.decided_by,
        d.recorded_at,
    )


def _assess(
    session: Session, provider_id: str, on: date, today: date, lang: str | None = None
) -> Assessment:
    provider = load_provider(session, provider_id)
    evidence = _evidence(session, provider.id)
    checks = [
        CheckRow(
            c.key,
            c.label(lang),
            True,
            c.passed,
            c.message(lang),
            evidence=tuple(evidence.get(c.key, ())),
        )
        for c in rules.automatic_checks(facts_of(session, provider), on)
    ]
    marked = {
        c.key: c
        for c in session.scalars(
            select(ProviderCheck).where(
                ProviderCheck.provider_id == provider.id, ProviderCheck.deleted_at.is_(None)
            )
        )
    }
    for key in rules.MANUAL:
        item = marked.get(key)
        verdict = rules.manual_check(
            key, item.status if item else None, item.note if item else None
        )
        checks.append(
            CheckRow(
                key,
                verdict.label(lang),
                False,
                verdict.passed,
                verdict.message(lang),
                status=item.status if item else rules.ItemStatus.OPEN.value,
                note=item.note if item else None,
                checked_by=item.checked_by if item else None,
                checked_at=item.checked_at if item else None,
                evidence=tuple(evidence.get(key, ())),
            )
        )
    return Assessment(
        provider_row(session, provider, today),
        on,
        tuple(checks),
        _decision_row(decision_in_force(session, provider.id)),
    )


def assess(
    db: Database, provider_id: str, on: date | None = None, lang: str | None = None
) -> Assessment:
    """Every checklist item of the provider on date `on` (default today), its sentences in
    `lang` (default the program's language; the printed checklist is always Indonesian)."""
    today = today_of(db)
    with db.read() as session:
        return _assess(session, provider_id, on or today, today, lang)


def mark_item(
    db: Database, actor: Actor, provider_id: str, key: str, status: str, note: str | None = None
) -> Assessment:
    """Mark a manual item met, not met or open again, with a note (counter or supervisor)."""
    require(db, actor, Permission.PROVIDER_ASSESS)
    if key not in rules.MANUAL:
        raise ValidationError(BAD_ITEM, field="key", key=key)
    try:
        marked = rules.ItemStatus(status)
    except ValueError:
        raise ValidationError(BAD_STATUS, field="status") from None
    clean_note = _safe(note, "note")
    with unit_of_work(db, actor) as uow:
        provider = load_provider(uow.session, provider_id)
        item_id = stable_id("provider_check", provider.id, key)
        item = uow.session.get(ProviderCheck, item_id)
        if item is None:
            item = ProviderCheck(
                id=item_id, office_code=provider.office_code, provider_id=provider.id, key=key
            )
            uow.session.add(item)
        item.status = marked.value
        item.note = clean_note
        item.checked_by = actor.username
        item.checked_at = uow.now
        uow.session.flush()
        uow.audit(
            "provider.check",
            "provider_check",
            item.id,
            provider=provider.id,
            key=key,
            status=marked.value,
        )
    return assess(db, provider_id)


def attach_evidence(
    db: Database, actor: Actor, provider_id: str, key: str, source: Path
) -> EvidenceRow:
    """Copy a scan or photo for a checklist item into the data dir, named by its SHA-256."""
    require(db, actor, Permission.PROVIDER_ASSESS)
    if key not in ALL_EVIDENCE_KEYS:
        raise ValidationError(BAD_ITEM, field="key", key=key)
    scan = store_scan(source)
    stored, digest, size = scan.stored_name, scan.sha256, scan.size_bytes
    with unit_of_work(db, actor) as uow:
        provider = load_provider(uow.session, provider_id)
        row = ProviderEvidence(
            office_code=provider.office_code,
            provider_id=provider.id,
            check_key=key,
            original_name=_safe(source.name, "file") or stored,
            stored_name=stored,
            sha256=digest,
            size_bytes=size,
            added_by=actor.username,
        )
        uow.session.add(row)
        uow.session.flush()
        uow.audit(
            "provider.evidence",
            "provider_evidence",
            row.id,
            provider=provider.id,
            key=key,
            sha256=digest,
        )
        return EvidenceRow(
            row.id, key, row.original_name, stored, digest, size, actor.username, row.created_at
        )


def decide(
    db: Database,
    actor: Actor,
    provider_id: str,
    result: str,
    reason: str,
    *,
    on: date | None = None,
    recheck_on: date | None = None,
) -> DecisionRow:
    """Sign a decision (supervisor). `on` is the assessment's date (default today: an
    office recording a paper assessment gives its date; the audit event says when it was
    recorded); `recheck_on` defaults to a year later. Layak is refused while an automatic
    parameter fails on `on`, naming it; open manual items are named in the decision."""
    require(db, actor, Permission.PROVIDER_DECIDE)
    try:
        verdict = rules.Result(result)
    except ValueError:
        raise ValidationError(BAD_RESULT, field="result") from None
    why = _safe(reason, "reason") or ""
    if len(why) < 5:
        raise ValidationError(REASON_NEEDED, field="reason")
    today = today_of(db)
    assessed_on = on or today
    if assessed_on > today:
        raise ValidationError(FUTURE_ASSESSMENT, field="date")
    recheck = recheck_on or rules.default_recheck(assessed_on)
    if recheck <= assessed_on:
        raise ValidationError(RECHECK_BEFORE, field="recheck")
    with unit_of_work(db, actor) as uow:
        provider = load_provider(uow.session, provider_id)
        automatic = rules.automatic_checks(facts_of(uow.session, provider), assessed_on)
        refusal = rules.decision_refusal(verdict, automatic)
        if refusal is not None:
            raise StateError(refusal, field="result")
        assessment = _assess(uow.session, provider.id, assessed_on, today)
        row = ProviderDecision(
            office_code=provider.office_code,
            provider_id=provider.id,
            result=verdict.value,
            reason=why,
            assessed_on=assessed_on,
            recheck_on=recheck,
            checks=json.dumps(
                [
                    {"key": c.key, "passed": c.passed, "reason": c.message}
                    for c in assessment.checks
                ],
                ensure_ascii=False,
            ),
            open_items=json.dumps(assessment.open_items),
            decided_by=actor.username,
            recorded_at=uow.now,
        )
        uow.session.add(row)
        uow.session.flush()
        uow.audit(
            "provider.decide",
            "provider_decision",
            row.id,
            provider=provider.id,
            result=verdict.value,
            assessed_on=assessed_on.isoformat(),
            open_items=assessment.open_items,
        )
        decision = _decision_row(row)
        assert decision is not None
        return decision


def provider_fit(db: Database, provider_id: str, module_code: str, on: date) -> FitAnswer:
    """Whether a cohort of `module_code` may start with this provider on `on`, and if not,
    every reason: no layak decision, a decision past its re-check date, a parameter failing
    on that date, the module not offered or not active. What the cohorts feature asks."""
    with db.read() as session:
        provider = load_provider(session, provider_id)
        d = decision_in_force(session, provider.id)
        decision = (
            rules.Decision(rules.Result(d.result), d.assessed_on, d.recheck_on) if d else None
        )
        offered = tuple(o.module_code for o in offers_of(session, provider.id))
        reasons = rules.fit_reasons(
            decision, facts_of(session, provider), offered, module_code.strip().upper(), on
        )
    return FitAnswer(provider_id, module_code, on, tuple(reasons))
