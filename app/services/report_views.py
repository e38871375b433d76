"""The monthly programme report's figures as plain data (app.services.monthly_report).

Typed rows, one dataclass per table, so a test or the dashboard comparison reads a figure by
name; app.services.report_tables turns them into the titled tables with column kinds that
the PDF, the workbook and the window draw. Rates are `Fraction`s, None when nothing is
under them (0 of 0 is not 0%).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction

from app.domain.followups import Rate


def ratio(part: int, whole: int) -> Fraction | None:
    return Fraction(part, whole) if whole else None


@dataclass(frozen=True)
class RegistrationRow:
    """People registered at an office: in the month (by the office's local day), how their
    eligibility stands now, and everyone registered up to the month's end. Erased and
    merged records are left out, as everywhere (the same person counted once)."""

    office_code: str
    label: str
    registered: int  # in the month
    met: int  # of them, eligibility met
    not_met: int
    unknown: int  # not decided or not checked
    to_date: int  # registered up to the month's last day


@dataclass(frozen=True)
class EnrolmentRow:
    """Cohorts of a module that started in the month and the places taken in them."""

    module_code: str
    label: str
    cohorts: int
    enrolled: int  # still enrolled
    withdrawn: int  # left before the end
    waiting: int  # on the waiting list


@dataclass(frozen=True)
class AttendanceRow:
    """Marks given on the month's training days of one cohort."""

    cohort_code: str
    label: str  # module
    present: int
    excused: int
    sick: int
    absent: int

    @property
    def marked(self) -> int:
        return self.present + self.excused + self.sick + self.absent

    @property
    def rate(self) -> Fraction | None:
        return ratio(self.present, self.marked)


@dataclass(frozen=True)
class CompletionRow:
    """A cohort that finished in the month (its last day in the month, closed)."""

    cohort_code: str
    label: str  # module
    provider: str
    end_date: date
    enrolled: int  # still enrolled at the end: the completion's base
    passed: int
    failed: int
    withdrawn: int

    @property
    def rate(self) -> Fraction | None:
        return ratio(self.passed, self.enrolled)


@dataclass(frozen=True)
class CertificateRow:
    module_code: str
    label: str
    issued: int  # first issues and re-issues dated in the month
    revoked: int  # revocations dated in the month


@dataclass(frozen=True)
class StipendRow:
    """Payments whose counter day is in the month, by kind and method; a reversed payment
    is left out (as on the dashboard and in the cash close)."""

    kind: str
    kind_label: str
    method: str
    method_label: str
    count: int
    amount: int


@dataclass(frozen=True)
class OutcomeRow:
    """Follow-up outcomes of a module's or a provider's graduates at one milestone, over
    every follow-up due by the report's day or already recorded (app.services.followup_rates
    counts the same)."""

    group: str  # module | provider
    key: str
    label: str
    milestone: int
    rate: Rate


@dataclass(frozen=True)
class Scorecard:
    """A training provider up to the report's day: its finished cohorts' completion, the
    attendance in its running and finished cohorts, and the placement of its graduates
    (working or self-employed over those reached, every milestone due)."""

    provider_id: str
    name: str
    cohorts: int  # finished
    enrolled: int
    passed: int
    withdrawn: int
    present: int
    marked: int
    reached: int
    placed: int  # working + self-employed

    @property
    def completion(self) -> Fraction | None:
        return ratio(self.passed, self.enrolled)

    @property
    def attendance(self) -> Fraction | None:
        return ratio(self.present, self.marked)

    @property
    def placement(self) -> Fraction | None:
        return ratio(self.placed, self.reached)


@dataclass(frozen=True)
class MonthlyReport:
    """One office's month (`office_code` None: every office this database holds)."""

    first_day: date
    last_day: date
    as_of: date  # the month's last day, or today while the month runs
    office_code: str | None
    office_label: str
    made_at: datetime
    registrations: tuple[RegistrationRow, ...]
    enrolments: tuple[EnrolmentRow, ...]
    attendance: tuple[AttendanceRow, ...]
    completions: tuple[CompletionRow, ...]
    certificates: tuple[CertificateRow, ...]
    stipends: tuple[StipendRow, ...]
    reversed_count: int
    reversed_amount: int
    outcomes_by_module: tuple[OutcomeRow, ...]
    outcomes_by_provider: tuple[OutcomeRow, ...]
    scorecards: tuple[Scorecard, ...]

    @property
    def registered(self) -> int:
        return sum(r.registered for r in self.registrations)

    @property
    def registered_to_date(self) -> int:
        return sum(r.to_date for r in self.registrations)

    @property
    def paid_count(self) -> int:
        return sum(s.count for s in self.stipends)

    @property
    def paid_amount(self) -> int:
        return sum(s.amount for s in self.stipends)

    @property
    def marks(self) -> AttendanceRow:
        return AttendanceRow(
            "",
            "",
            sum(r.present for r in self.attendance),
            sum(r.excused for r in self.attendance),
            sum(r.sick for r in self.attendance),
            sum(r.absent for r in self.attendance),
        )

    @property
    def completed(self) -> CompletionRow:
        rows = self.completions
        return CompletionRow(
            "",
            "",
            "",
            self.last_day,
            sum(r.enrolled for r in rows),
            sum(r.passed for r in rows),
            sum(r.failed for r in rows),
            sum(r.withdrawn for r in rows),
        )

    @property
    def outcomes(self) -> Rate:
        """Every milestone of every module together (the dashboard's overall rate)."""
        rows = self.outcomes_by_module
        return Rate(
            sum(r.rate.reached for r in rows),
            sum(r.rate.unreachable for r in rows),
            sum(r.rate.open for r in rows),
            sum(r.rate.working for r in rows),
            sum(r.rate.self_employed for r in rows),
        )
