"""Participant (peserta): a laid-off worker registered at an office, with consent and scans.

NIK and bank account are personal data (UU 27/2022): lists and prints show them masked;
viewing them in full is audited. `name_key` (app.domain.names) and `birth_date` find
duplicate candidates; the FTS5 table `participant_fts` (migration 0002) serves search by
name, and the NIK, KPJ and phone indexes (with the NIK's last four digits) search by number.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, func, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, UtcDateTime


class Participant(SyncMixin, Base):
    __tablename__ = "participant"
    __sync_entity__ = "participant"
    __table_args__ = (
        Index("ix_participant_birth_date_name_key", "birth_date", "name_key"),
        # The list's orders over live rows (app.services.participant_search, migration
        # 0004; the status order is below with the filters). Partial, so neither a page nor
        # a count visits the table to skip tombstones. Names sort by their key: case,
        # titles and Muhammad's spellings do not move a name.
        Index(
            "ix_participant_live_name", "name_key", "id", sqlite_where=text("deleted_at IS NULL")
        ),
        Index(
            "ix_participant_live_registered",
            "registered_at",
            "id",
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index(
            "ix_participant_tombstones", "deleted_at", sqlite_where=text("deleted_at IS NOT NULL")
        ),
    )

    nik: Mapped[str] = mapped_column(String(16), index=True)
    full_name: Mapped[str] = mapped_column(String(150))
    name_key: Mapped[str] = mapped_column(String(150))
    birth_place: Mapped[str | None] = mapped_column(String(100), default=None)
    birth_date: Mapped[date] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(String(1))  # L / P
    ktp_address: Mapped[str | None] = mapped_column(Text, default=None)
    region_code: Mapped[str | None] = mapped_column(String(13), default=None, index=True)
    domicile_address: Mapped[str | None] = mapped_column(Text, default=None)
    phone: Mapped[str | None] = mapped_column(String(20), default=None, index=True)
    whatsapp: Mapped[bool] = mapped_column(Boolean, default=False)
    email: Mapped[str | None] = mapped_column(String(200), default=None)
    education: Mapped[str | None] = mapped_column(String(16), default=None)
    kpj: Mapped[str | None] = mapped_column(String(20), default=None, index=True)
    last_employer: Mapped[str | None] = mapped_column(String(200), default=None)
    npp: Mapped[str | None] = mapped_column(String(20), default=None)
    job_title: Mapped[str | None] = mapped_column(String(120), default=None)
    contract_type: Mapped[str | None] = mapped_column(String(8), default=None)  # PKWT/PKWTT
    contract_end: Mapped[date | None] = mapped_column(Date, default=None)
    work_start: Mapped[date | None] = mapped_column(Date, default=None)
    phk_date: Mapped[date | None] = mapped_column(Date, default=None)
    phk_reason: Mapped[str | None] = mapped_column(String(32), default=None)
    last_wage: Mapped[int | None] = mapped_column(Integer, default=None)
    jht_claimed: Mapped[bool | None] = mapped_column(Boolean, default=None)
    jht_claimed_on: Mapped[date | None] = mapped_column(Date, default=None)
    # Membership facts the eligibility rules ask for, from the member's card or the JHT
    # letter (migration 0007); None = not known (the rule says "unknown", never guesses).
    membership_months: Mapped[int | None] = mapped_column(Integer, default=None)
    contribution_months_last_24: Mapped[int | None] = mapped_column(Integer, default=None)
    still_active_member: Mapped[bool | None] = mapped_column(Boolean, default=None)
    previous_participation: Mapped[bool | None] = mapped_column(Boolean, default=None)
    training_choice_1: Mapped[str | None] = mapped_column(String(150), default=None)
    training_choice_2: Mapped[str | None] = mapped_column(String(150), default=None)
    bank_name: Mapped[str | None] = mapped_column(String(60), default=None)
    bank_account: Mapped[str | None] = mapped_column(String(34), default=None)
    bank_account_holder: Mapped[str | None] = mapped_column(String(150), default=None)
    status: Mapped[str] = mapped_column(String(20), default="registered")
    status_reason: Mapped[str | None] = mapped_column(Text, default=None)
    # The record this one was merged into (same person registered twice); status "merged".
    merged_into: Mapped[str | None] = mapped_column(String(36), default=None)
    eligibility_preset: Mapped[str | None] = mapped_column(String(20), default=None)
    eligibility_status: Mapped[str | None] = mapped_column(String(10), default=None)
    eligibility_detail: Mapped[str | None] = mapped_column(Text, default=None)  # JSON
    registered_by: Mapped[str] = mapped_column(String(64))
    registered_at: Mapped[datetime] = mapped_column(UtcDateTime())


# The last four digits of the NIK, which a masked NIK shows (`3171********0001`), so the
# list's search finds them without reading the table (app.services.participant_search,
# migration 0007). The expression must stay `substr(nik, -4)`: SQLite uses an index on an
# expression only for a query that writes the same expression.
Index("ix_participant_nik_tail", func.substr(Participant.nik, -4))
# The list's filters (and the status order) over live rows, each in name order (migration
# 0009; app.services.participant_search): a filtered page walks the rows of one filter,
# and a count reads only that index. Each also holds the office, the status and the
# province that it is not keyed by (the province's, the whole region code), so the other
# filters are tested on the index entry without reading the row. The province is the
# region code's first two digits, written `substr(region_code, 1, 2)`: a query must write
# the same expression (participant_search.PROVINCE). A training choice is either column,
# so each has one, without the rows that have no choice.
_HELD = ("office", "status", "province")


def _column(name: str) -> Any:
    if name == "province":
        return func.substr(Participant.region_code, 1, 2)
    return Participant.__table__.c[{"office": "office_code"}.get(name, name)]


def _filter_index(name: str, key: str, where: str = "deleted_at IS NULL") -> Index:
    held: list[Any] = [_column(other) for other in _HELD if other != key]
    if key == "province":  # and the whole code, for a regency within it
        held.append(Participant.region_code)
    return Index(
        name, _column(key), Participant.name_key, Participant.id, *held, sqlite_where=text(where)
    )


_filter_index("ix_participant_live_office", "office")
_filter_index("ix_participant_live_status", "status")
_filter_index("ix_participant_live_province", "province")
for _n in (1, 2):
    _filter_index(
        f"ix_participant_live_choice_{_n}",
        f"training_choice_{_n}",
        f"deleted_at IS NULL AND training_choice_{_n} IS NOT NULL",
    )


class Consent(SyncMixin, Base):
    """The personal-data notice a participant agreed to: which version, when, who recorded."""

    __tablename__ = "consent"
    __sync_entity__ = "consent"

    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"), index=True)
    notice_version: Mapped[str] = mapped_column(String(20))
    given_at: Mapped[datetime] = mapped_column(UtcDateTime())
    recorded_by: Mapped[str] = mapped_column(String(64))
    withdrawn_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)


class ParticipantDocument(SyncMixin, Base):
    """A scanned document (KTP, PHK letter...) copied into the data dir, with its hash.

    Only this metadata syncs; the file itself stays in `documents/` of the office.
    """

    __tablename__ = "participant_document"
    __sync_entity__ = "participant_document"

    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    original_name: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(Integer)


class IntakeDraft(Base):
    """An unfinished intake form of one staff member on this PC (local, never synced)."""

    __tablename__ = "intake_draft"

    staff_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    data: Mapped[str] = mapped_column(Text)  # JSON of the form fields
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())
