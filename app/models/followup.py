"""Follow-up calls after training (issue #13): one record per person, cohort and milestone
(1, 3 or 6 months after the cohort's last day), written when a call is recorded.

id = stable_id("follow_up", enrollment, milestone): two counters calling the same person
offline write ONE record, last writer by hlc (DESIGN §5). What is due is computed from the
cohorts and enrolments (app.services.followups); a record exists only once somebody called.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, UtcDateTime


class FollowUp(SyncMixin, Base):
    __tablename__ = "follow_up"
    __sync_entity__ = "follow_up"
    __table_args__ = (Index("ix_follow_up_participant", "participant_id", "due_on"),)

    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"))
    enrollment_id: Mapped[str] = mapped_column(ForeignKey("enrollment.id"), index=True)
    cohort_id: Mapped[str] = mapped_column(ForeignKey("cohort.id"), index=True)
    milestone: Mapped[int] = mapped_column(Integer)  # 1, 3 or 6 months
    due_on: Mapped[date] = mapped_column(Date)
    attempts: Mapped[int] = mapped_column(Integer, default=0)  # calls nobody answered
    outcome: Mapped[str | None] = mapped_column(String(16), default=None)  # None: open
    employer: Mapped[str | None] = mapped_column(String(200), default=None)
    npp: Mapped[str | None] = mapped_column(String(20), default=None)
    position: Mapped[str | None] = mapped_column(String(120), default=None)
    started_on: Mapped[date | None] = mapped_column(Date, default=None)
    wage: Mapped[int | None] = mapped_column(Integer, default=None)
    formal: Mapped[bool | None] = mapped_column(Boolean, default=None)
    business_type: Mapped[str | None] = mapped_column(String(120), default=None)
    note: Mapped[str | None] = mapped_column(Text, default=None)
    called_by: Mapped[str | None] = mapped_column(String(64), default=None)
    called_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
