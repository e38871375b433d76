"""Registering a participant: check, look for duplicates, then save in one transaction.

The clerk's flow (issue #3): errors block saving and sit next to their field; warnings
(NIK date differing from the form, unusual KPJ length, account holder not the KTP name...)
must be confirmed; the same NIK already registered means "open that record" instead; the
same KPJ or a similar name with the same birth date are candidates the clerk must look at
and acknowledge. An ineligible person can still be registered: the verdict and its reasons
are kept with the record.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, literal_column, or_, select
from sqlalchemy.orm import Session

from app.db import Database
from app.domain import eligibility
from app.domain.findings import Finding, Severity, error
from app.domain.intake import IntakeResult, check_intake
from app.domain.names import name_key, similar_keys
from app.domain.nik import mask_nik
from app.domain.participant_fields import STORED_ATTRIBUTES
from app.domain.roles import Permission
from app.models import Consent, Participant
from app.resources import regions
from app.services.access import require
from app.services.actor import Actor
from app.services.modules import choose_modules
from app.services.participant_views import DuplicateCandidate, ParticipantRow, row_of
from app.services.settings import get_settings
from app.services.uow import UnitOfWork, unit_of_work
from app.texts import Text

NIK_EXISTS = Text(
    "NIK ini sudah terdaftar atas nama {name} ({office}). Buka data yang ada.",
    "This NIK is already registered for {name} ({office}). Open the existing record.",
)

# What a form or an import row sets on the record (app.domain.participant_fields), plus the
# name key made from the name.
MODEL_FIELDS = (*STORED_ATTRIBUTES, "name_key")


@dataclass
class RegisterOutcome:
    """What happened: saved (with the row), or why not and what the clerk must do."""

    saved: ParticipantRow | None = None
    findings: list[Finding] = field(default_factory=list)
    duplicates: list[DuplicateCandidate] = field(default_factory=list)
    existing_id: str | None = None
    verdict: eligibility.Verdict | None = None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.WARNING]


def facts_from(
    values: dict[str, Any], today: date, nik_ok: bool | None = None
) -> eligibility.Facts:
    """The eligibility facts of a checked record (app.domain.eligibility.facts_of); `nik_ok`
    overrides what the record says about its NIK (a caller that checked it already)."""
    if nik_ok is not None:
        values = {**values, "nik_valid": nik_ok}
    return eligibility.facts_of(values, today)


def verdict_for(
    db: Database, values: dict[str, Any], today: date, preset: str | None = None
) -> eligibility.Verdict:
    preset = preset or str(get_settings(db)["eligibility_preset"])
    rules = eligibility.PRESETS.get(preset, eligibility.PRESETS["vokasi_2019"])
    return eligibility.evaluate(facts_from(values, today), rules)


def find_duplicates(
    session: Session,
    *,
    nik: str | None,
    kpj: str | None,
    full_name: str,
    birth_date: date | None,
    exclude_id: str | None = None,
) -> list[DuplicateCandidate]:
    """Existing participants that may be the same person, most certain first.

    Two steps keep a save fast at a million rows: the stored name keys of everyone born on
    the same day are compared first (from the (birth_date, name_key) index), and only the
    rows that match by NIK, KPJ or name are then read in full.
    """
    key = name_key(full_name)
    rowid: ColumnElement[int] = literal_column("participant.rowid")
    similar: list[int] = []
    if birth_date:
        same_day = session.execute(
            select(rowid, Participant.name_key).where(Participant.birth_date == birth_date)
        )
        similar = [rid for rid, other in same_day if similar_keys(other, key)]
    conditions: list[ColumnElement[bool]] = []
    if nik:
        conditions.append(Participant.nik == nik)
    if kpj:
        conditions.append(Participant.kpj == kpj)
    if similar:
        conditions.append(rowid.in_(similar))
    if not conditions:
        return []
    rows = session.scalars(
        select(Participant).where(or_(*conditions), Participant.deleted_at.is_(None)).limit(200)
    ).all()
    found: list[DuplicateCandidate] = []
    for p in rows:
        if p.id == exclude_id:
            continue
        if nik and p.nik == nik:
            reason = "nik"
        elif kpj and p.kpj == kpj:
            reason = "kpj"
        elif birth_date and p.birth_date == birth_date and similar_keys(p.name_key, key):
            reason = "name"
        else:
            continue
        found.append(
            DuplicateCandidate(
                p.id, reason, p.full_name, mask_nik(p.nik), p.birth_date, p.office_code, p.status
            )
        )
    order = {"nik": 0, "kpj": 1, "name": 2}
    return sorted(found, key=lambda d: order[d.reason])


def _held_choices(session: Session, participant_id: object) -> frozenset[str]:
    """The training choices an edited record already holds: kept as they are, even when
    typed before the module catalogue (app.services.modules.choose_modules)."""
    if not isinstance(participant_id, str):
        return frozenset()
    p = session.get(Participant, participant_id)
    if p is None:
        return frozenset()
    return frozenset(c for c in (p.training_choice_1, p.training_choice_2) if c)


def check(db: Database, raw: dict[str, Any]) -> tuple[IntakeResult, list[DuplicateCandidate]]:
    """Validation and duplicate candidates without saving (the form calls it as you type)."""
    today = db.clock().astimezone().date()
    result = check_intake(raw, today, regions())
    v = result.values
    with db.read() as session:
        result.findings += choose_modules(session, v, _held_choices(session, raw.get("id")))
        dups = find_duplicates(
            session,
            nik=v.get("nik"),
            kpj=v.get("kpj"),
            full_name=v.get("full_name", ""),
            birth_date=v.get("birth_date"),
            exclude_id=raw.get("id"),
        )
    return result, dups


def register(
    db: Database,
    actor: Actor,
    raw: dict[str, Any],
    *,
    confirm_warnings: bool = False,
    acknowledged: frozenset[str] = frozenset(),
) -> RegisterOutcome:
    """Save a new participant when nothing stands in the way; see the module docstring."""
    require(db, actor, Permission.PARTICIPANT_REGISTER)
    today = db.clock().astimezone().date()
    result, dups = check(db, raw)
    outcome = RegisterOutcome(findings=list(result.findings), duplicates=dups)
    same_nik = [d for d in dups if d.reason == "nik"]
    if same_nik:
        outcome.existing_id = same_nik[0].id
        outcome.findings.insert(
            0, error("nik", NIK_EXISTS, name=same_nik[0].full_name, office=same_nik[0].office_code)
        )
    if outcome.errors:
        return outcome
    if outcome.warnings and not confirm_warnings:
        return outcome
    if any(d.id not in acknowledged for d in dups):
        return outcome
    values = result.values
    settings = get_settings(db)  # read once: a save is measured (bench/participants.py)
    outcome.verdict = verdict_for(db, values, today, str(settings["eligibility_preset"]))
    with unit_of_work(db, actor) as uow:
        participant = add_participant(
            uow,
            values,
            outcome.verdict,
            str(settings["eligibility_preset"]),
            str(settings["consent_notice_version"]),
        )
        uow.audit(
            "participant.register",
            "participant",
            participant.id,
            eligibility=outcome.verdict.status.value,
            warnings_confirmed=[f.field for f in outcome.warnings],
            duplicates_acknowledged=sorted(acknowledged & {d.id for d in dups}),
        )
        outcome.saved = row_of(participant)
    return outcome


def add_participant(
    uow: UnitOfWork,
    values: dict[str, Any],
    verdict: eligibility.Verdict,
    preset: str,
    notice_version: str,
) -> Participant:
    """Add a checked participant (and its consent, when given) inside a unit of work."""
    participant = Participant(
        **{k: values[k] for k in MODEL_FIELDS},
        status="registered",
        eligibility_preset=preset,
        eligibility_status=verdict.status.value,
        eligibility_detail=verdict_json(verdict),
        registered_by=uow.actor.username,
        registered_at=uow.now,
    )
    uow.session.add(participant)
    uow.session.flush()
    if values.get("consent"):
        uow.session.add(
            Consent(
                participant_id=participant.id,
                notice_version=notice_version,
                given_at=uow.now,
                recorded_by=uow.actor.username,
            )
        )
    return participant


def verdict_json(verdict: eligibility.Verdict) -> str:
    return json.dumps(
        [
            {
                "key": r.key,
                "status": r.status.value,
                "reason_id": r.message("id"),
                "reason_en": r.message("en"),
            }
            for r in verdict.results
        ],
        ensure_ascii=False,
    )
