"""Plain data about cohorts that the services hand to the window and the CLI (no ORM rows
leave a session)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction


@dataclass(frozen=True)
class CohortRow:
    id: str
    code: str
    status: str
    provider_id: str
    provider: str
    module_code: str
    module: str
    office_code: str
    location: str | None
    start_date: date
    end_date: date
    capacity: int
    enrolled: int
    waiting: int
    recorded_after: bool
    mine: bool  # this PC's office runs it (others see it read-only)


@dataclass(frozen=True)
class SessionView:
    id: str
    day: date
    makeup: bool
    locked: bool
    locked_by: str | None
    held: bool  # the day has come (today or before)


@dataclass(frozen=True)
class EnrolmentView:
    id: str
    participant_id: str
    nik_masked: str
    nik: str  # the CLI's --json and the enrol command name people by NIK; lists mask it
    name: str
    status: str  # enrolled / waiting / withdrawn
    queued_at: str
    withdraw_reason: str | None
    marks: dict[str, str]  # session id -> H/I/S/A
    counts: dict[str, int]  # H, I, S, A over the days held
    rate: Fraction | None  # attended / days held so far (None before the first day)
    score: int | None
    result: str | None
    result_reason: str | None
    verdict_passes: bool
    verdict_reasons: tuple[str, ...]  # why the rule is not met, in the window's language
    contradiction: str | None  # the recorded result contradicts the rule


@dataclass(frozen=True)
class CohortDetail:
    row: CohortRow
    pattern: tuple[str, ...]
    transport_rate: int
    pocket_rate: int
    pocket_mode: str
    stipend_period: str
    min_rate_percent: int
    excused_counts: bool
    pass_score: int | None
    cancel_reason: str | None
    location_region_code: str | None
    sessions: list[SessionView] = field(default_factory=list)
    enrolments: list[EnrolmentView] = field(default_factory=list)

    def day_rate(self, session_id: str) -> Fraction | None:
        """Share of the enrolled people marked present (H) that day (None: nobody)."""
        people = [e for e in self.enrolments if e.status == "enrolled"]
        if not people:
            return None
        return Fraction(sum(1 for e in people if e.marks.get(session_id) == "H"), len(people))


@dataclass(frozen=True)
class Candidate:
    """A person in the enrolment picker: whether they can be enrolled, and why not."""

    participant_id: str
    nik_masked: str
    name: str
    status: str
    office_code: str
    region_code: str | None
    training_choice: str | None
    eligibility: str | None
    refusals: tuple[str, ...]  # in the window's language; empty: may be enrolled
    needs_confirmation: bool  # eligibility only unknown: the clerk confirms first


@dataclass(frozen=True)
class EnrolOutcome:
    participant_id: str
    nik: str
    name: str
    status: str | None  # enrolled / waiting; None: refused
    reasons: tuple[str, ...]  # why refused, or the notices (waiting list, unknown eligibility)


@dataclass(frozen=True)
class MarkOutcome:
    marked: int  # marks written
    unchanged: int  # marks that already had that value
    started: bool  # the cohort moved from direncanakan to berjalan
