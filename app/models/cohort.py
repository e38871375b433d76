"""Cohorts (angkatan): the cohort itself, its training days, who is enrolled and who came
(issue #10; rules in app.domain.cohorts).

A cohort and its days are the owning office's (scope `published` in app.protocol.entities):
every office receives them, read-only, to see which providers train whom. Enrolments and
attendance marks are the office's own records, last writer by hlc. Rows two counters could
make for the same thing offline have deterministic ids, so they converge instead of
doubling: a day by (cohort, date), an enrolment by (cohort, participant), a mark by (day,
participant).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, UtcDateTime


class Cohort(SyncMixin, Base):
    """A group trained by one provider in one module between two dates."""

    __tablename__ = "cohort"
    __sync_entity__ = "cohort"

    # Unique per office by construction (app.domain.cohorts.cohort_number); not a database
    # constraint: a code typed by hand at two offices must not stop their sync.
    code: Mapped[str] = mapped_column(String(40), index=True)
    provider_id: Mapped[str] = mapped_column(ForeignKey("training_provider.id"), index=True)
    module_code: Mapped[str] = mapped_column(String(16), index=True)
    location: Mapped[str | None] = mapped_column(Text, default=None)
    location_region_code: Mapped[str | None] = mapped_column(String(13), default=None)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    # Weekdays of the plan, "mon,tue,wed,thu,fri"; the days themselves are CohortSession rows.
    pattern: Mapped[str] = mapped_column(String(40))
    capacity: Mapped[int] = mapped_column(Integer)
    # Stipend rates in whole rupiah: transport per attended day; pocket money per attended
    # day or once for the cohort (pocket_mode "per_day" | "lump_sum").
    transport_rate: Mapped[int] = mapped_column(Integer, default=0)
    pocket_rate: Mapped[int] = mapped_column(Integer, default=0)
    pocket_mode: Mapped[str] = mapped_column(String(8), default="per_day")
    # How stipends are counted and paid (issue #11): per training week ("week": W1 is the
    # start date and the six days after it) or once for the whole cohort ("cohort").
    stipend_period: Mapped[str] = mapped_column(String(8), default="week", server_default="week")
    # The completion rule (app.domain.cohorts.CompletionRule).
    min_rate_percent: Mapped[int] = mapped_column(Integer, default=80)
    excused_counts: Mapped[bool] = mapped_column(Boolean, default=False)
    pass_score: Mapped[int | None] = mapped_column(Integer, default=None)  # None: no score
    status: Mapped[str] = mapped_column(String(16), default="direncanakan")
    cancel_reason: Mapped[str | None] = mapped_column(Text, default=None)
    # Entered afterwards from an office's spreadsheet (a cohort that already ran).
    recorded_after: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[str] = mapped_column(String(64))


class CohortSession(SyncMixin, Base):
    """A training day; id = stable_id("cohort_session", cohort, ISO date). A day taken off
    the plan (a holiday) stays, `cancelled`, so its history and id stay. A supervisor's
    approval locks it: a mark changed after that needs a supervisor again."""

    __tablename__ = "cohort_session"
    __sync_entity__ = "cohort_session"
    __table_args__ = (Index("ix_cohort_session_cohort_day", "cohort_id", "day", unique=True),)

    cohort_id: Mapped[str] = mapped_column(ForeignKey("cohort.id"))
    day: Mapped[date] = mapped_column(Date)
    makeup: Mapped[bool] = mapped_column(Boolean, default=False)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    locked_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    locked_by: Mapped[str | None] = mapped_column(String(64), default=None)


class Enrollment(SyncMixin, Base):
    """A participant in a cohort; id = stable_id("enrollment", cohort, participant).

    `status`: enrolled (holds a place), waiting (on the waiting list, in `queued_at`
    order) or withdrawn (with a reason). The result is recorded here at the end."""

    __tablename__ = "enrollment"
    __sync_entity__ = "enrollment"
    __table_args__ = (
        Index("ix_enrollment_cohort_status", "cohort_id", "status"),
        Index(
            "ix_enrollment_live_participant",
            "participant_id",
            sqlite_where=text("deleted_at IS NULL"),
        ),
    )

    cohort_id: Mapped[str] = mapped_column(ForeignKey("cohort.id"))
    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"))
    status: Mapped[str] = mapped_column(String(12))
    queued_at: Mapped[datetime] = mapped_column(UtcDateTime())
    enrolled_by: Mapped[str] = mapped_column(String(64))
    # Set when the clerk enrolled someone whose eligibility was only "unknown".
    eligibility_confirmed_by: Mapped[str | None] = mapped_column(String(64), default=None)
    withdraw_reason: Mapped[str | None] = mapped_column(Text, default=None)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    score: Mapped[int | None] = mapped_column(Integer, default=None)
    result: Mapped[str | None] = mapped_column(String(12), default=None)  # lulus/tidak_lulus
    result_reason: Mapped[str | None] = mapped_column(Text, default=None)
    result_by: Mapped[str | None] = mapped_column(String(64), default=None)
    result_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)


class Attendance(SyncMixin, Base):
    """One person's mark on one training day; id = stable_id("attendance", day, person).

    `mark` is H, I, S or A (None: not marked, counted as not attended). `approval` names
    the supervisor and time that allowed a change of a locked day; a change of a locked day
    without it, arriving from another counter, goes to the supervisor as a conflict."""

    __tablename__ = "attendance"
    __sync_entity__ = "attendance"
    __table_args__ = (
        Index("ix_attendance_session_participant", "session_id", "participant_id", unique=True),
    )

    cohort_id: Mapped[str] = mapped_column(ForeignKey("cohort.id"), index=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("cohort_session.id"))
    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"), index=True)
    mark: Mapped[str | None] = mapped_column(String(1), default=None)
    marked_by: Mapped[str] = mapped_column(String(64))
    marked_at: Mapped[datetime] = mapped_column(UtcDateTime())
    approval: Mapped[str | None] = mapped_column(String(120), default=None)
