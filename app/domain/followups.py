"""Follow-up (pemantauan) after training: when each call is due, what an outcome means, and
the rates a branch head reads (issue #13).

Every graduate, and everyone who withdrew, is called 1, 3 and 6 months after the cohort's
last day, to ask whether they work again. A due date is the same day of the month that many
months later, or the month's last day when that month is shorter (a cohort ending on 31
January is due on 28 or 29 February), so nobody falls between two months.

A rate is counted only over the follow-ups done with an answer — an unreached person is
neither a success nor a failure — and is always given with how many are still open or
unreached, so a figure over three calls out of forty is not read as the cohort's.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction

from app.texts import Text

MILESTONES = (1, 3, 6)  # months after the cohort's last day
MAX_ATTEMPTS = 10  # calls recorded as unreachable before the follow-up is given up


class Outcome(StrEnum):
    WORKING = "working"  # bekerja kembali (employer, position, start, wage)
    SELF_EMPLOYED = "self_employed"  # berwirausaha
    LOOKING = "looking"  # masih mencari kerja
    EDUCATION = "education"  # melanjutkan pendidikan
    UNREACHABLE = "unreachable"  # tidak dapat dihubungi (after N attempts)


OUTCOME_LABELS: dict[Outcome, Text] = {
    Outcome.WORKING: Text("Bekerja kembali", "Working again"),
    Outcome.SELF_EMPLOYED: Text("Berwirausaha", "Self-employed"),
    Outcome.LOOKING: Text("Masih mencari kerja", "Still looking"),
    Outcome.EDUCATION: Text("Melanjutkan pendidikan", "Continuing education"),
    Outcome.UNREACHABLE: Text("Tidak dapat dihubungi", "Unreachable"),
}

# The participant's status after an outcome (app.domain.participant_fields.STATUS_LABELS):
# working again makes them "employed"; any other outcome leaves them "completed" (or
# "withdrawn"), since they are still the programme's to help.
EMPLOYED = "employed"


def status_after(outcome: Outcome, before: str) -> str:
    """The participant's status once `outcome` is their latest."""
    if outcome is Outcome.WORKING:
        return EMPLOYED
    if before == EMPLOYED:
        return "completed"  # lost the job again: back to the people the programme helps
    return before


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or that month's last day when it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Due:
    milestone: int  # 1, 3 or 6 months
    due_on: date


def schedule(last_day: date) -> list[Due]:
    """The follow-ups of a person whose cohort ended on `last_day`."""
    return [Due(m, add_months(last_day, m)) for m in MILESTONES]


class Urgency(StrEnum):
    OVERDUE = "overdue"  # due before this week
    THIS_WEEK = "this_week"  # due Monday..Sunday of today's week
    LATER = "later"


def week_of(today: date) -> tuple[date, date]:
    """Monday and Sunday of today's week (the call list's "this week")."""
    monday = today - timedelta(days=today.weekday())
    return monday, monday + timedelta(days=6)


def urgency(due_on: date, today: date) -> Urgency:
    monday, sunday = week_of(today)
    if due_on < monday:
        return Urgency.OVERDUE
    if due_on <= sunday:
        return Urgency.THIS_WEEK
    return Urgency.LATER


@dataclass(frozen=True)
class Rate:
    """Re-employment and self-employment at one milestone, over the people reached."""

    reached: int  # follow-ups done with an answer (the rates' denominator)
    unreachable: int  # done, but nobody answered: neither success nor failure
    open: int  # not done yet
    working: int
    self_employed: int

    @property
    def working_rate(self) -> Fraction | None:
        return Fraction(self.working, self.reached) if self.reached else None

    @property
    def self_employed_rate(self) -> Fraction | None:
        return Fraction(self.self_employed, self.reached) if self.reached else None


def rate(outcomes: Iterable[Outcome | None]) -> Rate:
    """`outcomes`: one per follow-up due at a milestone, None while it is open."""
    reached = unreachable = open_ = working = self_employed = 0
    for o in outcomes:
        if o is None:
            open_ += 1
        elif o is Outcome.UNREACHABLE:
            unreachable += 1
        else:
            reached += 1
            working += o is Outcome.WORKING
            self_employed += o is Outcome.SELF_EMPLOYED
    return Rate(reached, unreachable, open_, working, self_employed)
