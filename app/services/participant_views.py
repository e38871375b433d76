"""Plain data about participants that the window and the CLI show (masked by default)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from app.domain.masks import mask_account as mask_account  # also imported from here
from app.domain.nik import mask_nik
from app.models import Participant


@dataclass(frozen=True)
class ParticipantRow:
    id: str
    full_name: str
    nik_masked: str
    birth_date: date
    sex: str
    phone: str | None
    kpj: str | None
    office_code: str
    region_code: str | None
    status: str
    training_choice_1: str | None
    eligibility_status: str | None
    registered_at: datetime


def row_of(p: Participant) -> ParticipantRow:
    return ParticipantRow(
        p.id,
        p.full_name,
        mask_nik(p.nik),
        p.birth_date,
        p.sex,
        p.phone,
        p.kpj,
        p.office_code,
        p.region_code,
        p.status,
        p.training_choice_1,
        p.eligibility_status,
        p.registered_at,
    )


@dataclass(frozen=True)
class DuplicateCandidate:
    id: str
    reason: str  # "nik" | "kpj" | "name"
    full_name: str
    nik_masked: str
    birth_date: date
    office_code: str
    status: str


@dataclass(frozen=True)
class DocumentInfo:
    id: str
    kind: str
    original_name: str
    sha256: str
    size_bytes: int
    created_at: datetime


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    actor: str
    action: str
    changes: dict[str, list[object]]
    detail: dict[str, object] = field(default_factory=dict)  # the rest of the audit detail


@dataclass(frozen=True)
class ParticipantDetail:
    row: ParticipantRow
    values: dict[str, object]  # every field, NIK and account masked
    consent_version: str | None
    consent_at: datetime | None
    documents: list[DocumentInfo]
    history: list[HistoryEntry]
