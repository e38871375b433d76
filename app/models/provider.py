"""Training modules and providers: the catalogue, the provider registry, the checklist with
its evidence, and the supervisor's decisions (issue #9; rules in app.domain.provider_checks).

All of it reaches every office (scope `shared` in app.protocol.entities): a provider in
Jawa Barat may train people from Jakarta, and a cohort anywhere asks the same decision.
Rows that two offices could create for the same thing offline have deterministic ids, so
they converge instead of doubling: a module by its code, a provider's offered module by
(provider, module code), a checklist item by (provider, key).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, UtcDateTime


class TrainingModule(SyncMixin, Base):
    """A module of the catalogue (Modul Pelatihan); id = stable_id("training_module", code)."""

    __tablename__ = "training_module"
    __sync_entity__ = "training_module"

    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(150))
    sector: Mapped[str | None] = mapped_column(String(100), default=None)
    hours: Mapped[int] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(Text, default=None)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class TrainingProvider(SyncMixin, Base):
    """A training provider (Lembaga Pelatihan): BLK, private LPK or a company's unit."""

    __tablename__ = "training_provider"
    __sync_entity__ = "training_provider"
    __table_args__ = (
        Index(
            "ix_training_provider_live_name", "name_key", sqlite_where=text("deleted_at IS NULL")
        ),
    )

    provider_type: Mapped[str] = mapped_column(String(12))
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(Text, default=None)
    region_code: Mapped[str | None] = mapped_column(String(13), default=None, index=True)
    contact_person: Mapped[str | None] = mapped_column(String(150), default=None)
    phone: Mapped[str | None] = mapped_column(String(20), default=None)
    email: Mapped[str | None] = mapped_column(String(200), default=None)
    npwp: Mapped[str | None] = mapped_column(String(20), default=None)
    licence_number: Mapped[str | None] = mapped_column(String(80), default=None)
    licence_issuer: Mapped[str | None] = mapped_column(String(150), default=None)
    licence_issued_on: Mapped[date | None] = mapped_column(Date, default=None)
    licence_expires_on: Mapped[date | None] = mapped_column(Date, default=None)
    operating_since: Mapped[date | None] = mapped_column(Date, default=None)
    accreditation_status: Mapped[str | None] = mapped_column(String(20), default=None)
    accreditation_grade: Mapped[str | None] = mapped_column(String(4), default=None)
    accreditation_expires_on: Mapped[date | None] = mapped_column(Date, default=None)
    partner_lsp: Mapped[str | None] = mapped_column(String(200), default=None)
    bank_name: Mapped[str | None] = mapped_column(String(60), default=None)
    bank_account: Mapped[str | None] = mapped_column(String(34), default=None)
    bank_account_holder: Mapped[str | None] = mapped_column(String(150), default=None)
    registered_by: Mapped[str] = mapped_column(String(64))


class ProviderModule(SyncMixin, Base):
    """A module a provider offers, with capacity and instructors (JSON list of
    {"name", "certification"}); id = stable_id("provider_module", provider_id, code)."""

    __tablename__ = "provider_module"
    __sync_entity__ = "provider_module"

    provider_id: Mapped[str] = mapped_column(ForeignKey("training_provider.id"), index=True)
    module_code: Mapped[str] = mapped_column(String(16))
    capacity: Mapped[int | None] = mapped_column(Integer, default=None)
    instructors: Mapped[str] = mapped_column(Text, default="[]")
    offered: Mapped[bool] = mapped_column(Boolean, default=True)


class ProviderCheck(SyncMixin, Base):
    """A manual checklist item as last marked; id = stable_id("provider_check", provider, key).
    Last writer by hlc wins; every change stays in the audit log and the server's log."""

    __tablename__ = "provider_check"
    __sync_entity__ = "provider_check"

    provider_id: Mapped[str] = mapped_column(ForeignKey("training_provider.id"), index=True)
    key: Mapped[str] = mapped_column(String(24))
    status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text, default=None)
    checked_by: Mapped[str] = mapped_column(String(64))
    checked_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ProviderEvidence(SyncMixin, Base):
    """A scan or photo for a checklist item, copied into the data dir with its SHA-256.
    Only this metadata syncs; the file stays in the office's `documents/`."""

    __tablename__ = "provider_evidence"
    __sync_entity__ = "provider_evidence"

    provider_id: Mapped[str] = mapped_column(ForeignKey("training_provider.id"), index=True)
    check_key: Mapped[str] = mapped_column(String(24))
    original_name: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(Integer)
    added_by: Mapped[str] = mapped_column(String(64))


class ProviderDecision(SyncMixin, Base):
    """A supervisor's signed decision; never changed (a new assessment is a new row). The
    latest by `assessed_on` (then creation) is the one in force. `checks` is the JSON of
    every item's verdict on `assessed_on` as the supervisor saw it; `open_items` names the
    manual items still open."""

    __tablename__ = "provider_decision"
    __sync_entity__ = "provider_decision"

    provider_id: Mapped[str] = mapped_column(ForeignKey("training_provider.id"), index=True)
    result: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    assessed_on: Mapped[date] = mapped_column(Date)
    recheck_on: Mapped[date] = mapped_column(Date)
    checks: Mapped[str] = mapped_column(Text, default="[]")
    open_items: Mapped[str] = mapped_column(Text, default="[]")
    decided_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime())
