"""Plain data the provider and module services hand to the window and the CLI (no rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from app.texts import Text


@dataclass(frozen=True)
class ModuleRow:
    id: str
    code: str
    name: str
    sector: str | None
    hours: int
    description: str | None
    active: bool


@dataclass(frozen=True)
class Instructor:
    name: str
    certification: str | None = None


@dataclass(frozen=True)
class Offer:
    """A module a provider offers (as given to `set_offers`, and as shown)."""

    module_code: str
    capacity: int | None = None
    instructors: tuple[Instructor, ...] = ()
    module_name: str = ""
    module_active: bool = True


@dataclass(frozen=True)
class ProviderRow:
    id: str
    name: str
    provider_type: str
    region_code: str | None
    region_name: str | None
    office_code: str
    licence_number: str | None
    licence_expires_on: date | None
    accreditation_expires_on: date | None
    active_modules: int
    result: str | None  # the decision in force (layak...), None when never decided
    recheck_on: date | None
    expiring: bool  # licence or accreditation ends within 60 days


@dataclass(frozen=True)
class EvidenceRow:
    id: str
    check_key: str
    original_name: str
    stored_name: str
    sha256: str
    size_bytes: int
    added_by: str
    added_at: datetime


@dataclass(frozen=True)
class CheckRow:
    """One checklist item on the assessment date: an automatic parameter or a manual item."""

    key: str
    label: str
    automatic: bool
    passed: bool | None
    message: str
    status: str | None = None  # manual items: belum / sesuai / tidak_sesuai
    note: str | None = None
    checked_by: str | None = None
    checked_at: datetime | None = None
    evidence: tuple[EvidenceRow, ...] = ()


@dataclass(frozen=True)
class DecisionRow:
    id: str
    result: str
    reason: str
    assessed_on: date
    recheck_on: date
    open_items: tuple[str, ...]
    decided_by: str
    recorded_at: datetime


@dataclass(frozen=True)
class ProviderDetail:
    row: ProviderRow
    values: dict[str, object]
    offers: tuple[Offer, ...]


@dataclass(frozen=True)
class Assessment:
    provider: ProviderRow
    on: date
    checks: tuple[CheckRow, ...]
    decision: DecisionRow | None

    @property
    def automatic_ok(self) -> bool:
        return all(c.passed for c in self.checks if c.automatic)

    @property
    def open_items(self) -> list[str]:
        return [c.key for c in self.checks if not c.automatic and c.passed is None]


@dataclass(frozen=True)
class FitAnswer:
    """Whether a cohort of `module_code` may start with the provider on `on`, and why not."""

    provider_id: str
    module_code: str
    on: date
    reasons: tuple[Text, ...] = field(default_factory=tuple)

    @property
    def fit(self) -> bool:
        return not self.reasons

    def messages(self, lang: str | None = None) -> list[str]:
        return [r.render(lang) for r in self.reasons]
