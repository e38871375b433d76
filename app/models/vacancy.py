"""Job vacancies (lowongan) and referrals of participants to them (issue #13).

A vacancy reaches every office (scope shared): an employer in Balikpapan may hire a Lombok
graduate. `modules` holds the wanted module codes, space-separated (a vacancy wants a
handful; matching reads every open vacancy anyway, so no link table is needed). A closed
vacancy keeps its row (closed_at set) so reports still count it; matching skips it.

A referral says a participant was sent to a vacancy and, later, whether they were hired.
id = stable_id("referral", participant, vacancy): the same referral made at two counters
offline is one record, last writer by hlc; it belongs to the participant's office.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, UtcDateTime


class Vacancy(SyncMixin, Base):
    __tablename__ = "vacancy"
    __sync_entity__ = "vacancy"
    __table_args__ = (Index("ix_vacancy_closes", "closed_at", "closes_on"),)

    employer: Mapped[str] = mapped_column(String(200))
    npp: Mapped[str | None] = mapped_column(String(20), default=None)  # BPJAMSOSTEK member no
    sector: Mapped[str | None] = mapped_column(String(120), default=None)
    position: Mapped[str] = mapped_column(String(120))
    region_code: Mapped[str] = mapped_column(String(13), index=True)
    modules: Mapped[str] = mapped_column(Text, default="")  # module codes, space-separated
    skills: Mapped[str | None] = mapped_column(Text, default=None)
    openings: Mapped[int] = mapped_column(Integer, default=1)
    wage_min: Mapped[int | None] = mapped_column(Integer, default=None)
    wage_max: Mapped[int | None] = mapped_column(Integer, default=None)
    closes_on: Mapped[date | None] = mapped_column(Date, default=None)
    contact: Mapped[str | None] = mapped_column(String(200), default=None)
    source: Mapped[str | None] = mapped_column(String(120), default=None)
    registered_by: Mapped[str] = mapped_column(String(64))
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    closed_by: Mapped[str | None] = mapped_column(String(64), default=None)


class Referral(SyncMixin, Base):
    __tablename__ = "referral"
    __sync_entity__ = "referral"
    __table_args__ = (Index("ix_referral_participant", "participant_id", "referred_on"),)

    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"))
    vacancy_id: Mapped[str] = mapped_column(ForeignKey("vacancy.id"), index=True)
    referred_on: Mapped[date] = mapped_column(Date)
    referred_by: Mapped[str] = mapped_column(String(64))
    hired: Mapped[bool | None] = mapped_column(Boolean, default=None)  # None: not known yet
    hired_on: Mapped[date | None] = mapped_column(Date, default=None)
    outcome_by: Mapped[str | None] = mapped_column(String(64), default=None)
    note: Mapped[str | None] = mapped_column(Text, default=None)
