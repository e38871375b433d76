"""The dashboard's figures as plain data (app.services.dashboard): frozen dataclasses the
Beranda page draws and the CLI or a report can print, with no ORM row and no Qt in them.

Each tile carries a `Link`: the page that holds the list behind the figure and the filter
that list opens with, as plain strings, so the page can open "who these are" without the
service knowing anything about widgets. Rates are `Fraction`s (exact; the page rounds) and
are None when their denominator is zero: 0 of 0 is not 0%.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from fractions import Fraction

from app.domain.followups import Rate


@dataclass(frozen=True)
class Link:
    """The list behind a tile: `page` is a page key of app.features (participants, cohorts,
    payments, followups, providers, sync) and `filters` the values it opens with, e.g.
    (("status", "verified"),) for the participant list's status filter
    (ParticipantQuery.status). Empty filters: the page as it opens."""

    page: str
    filters: tuple[tuple[str, str], ...] = ()

    def get(self, key: str) -> str | None:
        return dict(self.filters).get(key)


@dataclass(frozen=True)
class Count:
    """One bar or slice: a key (status code, office code, module code; None for "none of
    them"), what the window calls it, how many, and the list behind it."""

    key: str | None
    label: str
    count: int
    link: Link


@dataclass(frozen=True)
class Progress:
    """Toward the national target: everyone this PC holds, and this office's part."""

    target: int  # setting `programme_target`
    registered: int  # live participants of every office in this database (not erased/merged)
    office_code: str
    office: int  # of them, this office's
    link: Link

    @property
    def registered_share(self) -> Fraction | None:
        """Registered over the target (may pass 1)."""
        return Fraction(self.registered, self.target) if self.target else None

    @property
    def office_share(self) -> Fraction | None:
        """This office's participants over the national target: its part of the goal."""
        return Fraction(self.office, self.target) if self.target else None

    @property
    def office_part(self) -> Fraction | None:
        """This office's participants over all those registered here."""
        return Fraction(self.office, self.registered) if self.registered else None


@dataclass(frozen=True)
class ModuleCount:
    """One module: what people asked for and what they got. `chosen`: registered people
    whose FIRST training choice is this module, enrolled or not (the `chosen` of every row
    add up to the registered). `places`: places held in its cohorts (enrolments not on the
    waiting list nor withdrawn, cohorts not cancelled); the programme is once only, so a
    place is a person. `code` None: no choice, or a choice that names no module of the
    catalogue (free text of older registrations); it holds no places."""

    code: str | None
    label: str
    chosen: int
    places: int
    link: Link


@dataclass(frozen=True)
class Participants:
    by_status: tuple[Count, ...]  # every status a person can be in, in the list's order
    by_office: tuple[Count, ...]  # most first
    by_module: tuple[ModuleCount, ...]  # most chosen first; the `code` None row last


@dataclass(frozen=True)
class Training:
    """This office's cohorts. Attendance over the marks of its running and finished
    cohorts; completion over the places taken in its finished cohorts."""

    running: int  # cohorts berjalan
    finished: int  # cohorts selesai
    present: int  # marks H
    excused: int  # I
    sick: int  # S
    absent: int  # A
    enrolled: int  # enrolments still `enrolled` in finished cohorts (the completion's base)
    passed: int  # of them, result lulus
    failed: int  # tidak_lulus
    withdrawn: int  # left the finished cohorts before the end (not in `enrolled`)
    link: Link  # the completion's list: this office's finished cohorts
    # the attendance's: this office's cohorts (running and finished ones hold the marks)
    attendance_link: Link = Link("cohorts")

    @property
    def marked(self) -> int:
        return self.present + self.excused + self.sick + self.absent

    @property
    def attendance_rate(self) -> Fraction | None:
        """Present over marked days (a day not marked is not in either)."""
        return Fraction(self.present, self.marked) if self.marked else None

    @property
    def no_result(self) -> int:
        return self.enrolled - self.passed - self.failed

    @property
    def completion_rate(self) -> Fraction | None:
        """Passed over enrolled in finished cohorts (withdrawn people are counted apart)."""
        return Fraction(self.passed, self.enrolled) if self.enrolled else None


@dataclass(frozen=True)
class KindTotal:
    kind: str  # app.domain.stipends.Kind value: transport | pocket
    label: str
    count: int  # payments
    amount: int  # rupiah paid (a part kept back for an earlier overpayment included)


@dataclass(frozen=True)
class Stipends:
    """Paid this month by this office: payments whose counter day falls in the month,
    reversed ones left out."""

    first_day: date
    last_day: date
    by_kind: tuple[KindTotal, ...]  # every kind, in app.domain.stipends.Kind order
    link: Link

    @property
    def count(self) -> int:
        return sum(k.count for k in self.by_kind)

    @property
    def amount(self) -> int:
        return sum(k.amount for k in self.by_kind)


@dataclass(frozen=True)
class MilestoneRate:
    milestone: int  # months after the cohort's last day: 1, 3 or 6
    rate: Rate  # reached, unreachable, open, working, self_employed


@dataclass(frozen=True)
class Outcomes:
    """Re-employment and self-employment of this office's finished cohorts, as
    app.services.followup_rates counts them: every follow-up due by today or done."""

    by_milestone: tuple[MilestoneRate, ...]
    overall: Rate  # every milestone's follow-ups together
    link: Link


@dataclass(frozen=True)
class FollowupsDue:
    """Open follow-ups on the call list (app.services.followups.due): due before this
    week's Monday (overdue) or within this week."""

    week_start: date
    week_end: date
    overdue: int
    this_week: int
    link: Link

    @property
    def total(self) -> int:
        return self.overdue + self.this_week


@dataclass(frozen=True)
class Expiring:
    provider_id: str
    name: str
    what: str  # licence | accreditation
    expires_on: date
    days_left: int


@dataclass(frozen=True)
class Licences:
    """Licences and accreditations of training providers that end within `within_days`
    (today included, app.domain.provider_checks.expiring_soon), soonest first."""

    within_days: int
    items: tuple[Expiring, ...]
    link: Link

    @property
    def providers(self) -> int:
        return len({i.provider_id for i in self.items})


@dataclass(frozen=True)
class CohortCount:
    cohort_id: str
    code: str
    count: int
    link: Link


@dataclass(frozen=True)
class Task:
    """Work waiting for a supervisor. `count` None: not known on this PC (the server keeps
    that queue and was not asked)."""

    count: int | None
    link: Link
    amount: int = 0  # rupiah, for money
    cohorts: tuple[CohortCount, ...] = field(default=())  # where, most first


@dataclass(frozen=True)
class Waiting:
    entitlements: Task  # computed, not approved, still owed something
    days_to_lock: Task  # past training days not approved (today's is not yet)
    conflicts: Task  # open sync conflicts of this office (server)
    duplicates: Task  # open same-NIK flags involving this office (server)
    double_payments: Task  # entitlements paid twice (two counters offline)
    overpayments: Task  # entitlements with kelebihan bayar still to recover

    @property
    def total(self) -> int:
        return sum(
            t.count or 0
            for t in (
                self.entitlements,
                self.days_to_lock,
                self.conflicts,
                self.duplicates,
                self.double_payments,
                self.overpayments,
            )
        )


@dataclass(frozen=True)
class SyncState:
    enrolled: bool
    server_url: str | None
    last_success: datetime | None
    pending: int  # changes waiting to be sent
    failed: int  # changes the server refused or holds as a conflict
    last_error: str | None  # in plain words (app.sync.outbox_view.plain_error)
    revoked: bool
    link: Link


@dataclass(frozen=True)
class ReviewCounts:
    """What the server holds for a supervisor (app.services.sync_review): asked apart,
    over the network, so the dashboard itself never waits for it."""

    conflicts: int
    duplicates: int


@dataclass(frozen=True)
class Dashboard:
    today: date
    office_code: str
    progress: Progress
    participants: Participants
    training: Training
    stipends: Stipends
    outcomes: Outcomes
    followups: FollowupsDue
    licences: Licences
    waiting: Waiting
    sync: SyncState
