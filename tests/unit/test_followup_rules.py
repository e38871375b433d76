"""Follow-up rules (app.domain.followups): due dates at month ends, this week and
overdue, the status an outcome leaves, and rates over the people reached."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from app.domain import followups as rules
from app.domain.followups import Outcome, Urgency


@pytest.mark.parametrize(
    ("last_day", "expected"),
    [
        (date(2027, 1, 31), [date(2027, 2, 28), date(2027, 4, 30), date(2027, 7, 31)]),
        (date(2028, 1, 31), [date(2028, 2, 29), date(2028, 4, 30), date(2028, 7, 31)]),
        (date(2026, 8, 31), [date(2026, 9, 30), date(2026, 11, 30), date(2027, 2, 28)]),
        (date(2026, 10, 15), [date(2026, 11, 15), date(2027, 1, 15), date(2027, 4, 15)]),
        (date(2026, 12, 1), [date(2027, 1, 1), date(2027, 3, 1), date(2027, 6, 1)]),
        (date(2026, 11, 30), [date(2026, 12, 30), date(2027, 2, 28), date(2027, 5, 30)]),
    ],
)
def test_follow_ups_fall_on_the_same_day_or_the_months_last(last_day, expected):
    due = rules.schedule(last_day)
    assert [d.milestone for d in due] == [1, 3, 6]
    assert [d.due_on for d in due] == expected


def test_a_year_is_crossed_by_any_number_of_months():
    assert rules.add_months(date(2026, 12, 31), 1) == date(2027, 1, 31)
    assert rules.add_months(date(2026, 12, 31), 14) == date(2028, 2, 29)
    assert rules.add_months(date(2026, 3, 31), 0) == date(2026, 3, 31)


@pytest.mark.parametrize(
    ("due_on", "state"),
    [
        (date(2026, 11, 29), Urgency.OVERDUE),  # Sunday of last week
        (date(2026, 11, 30), Urgency.THIS_WEEK),  # Monday of this week
        (date(2026, 12, 2), Urgency.THIS_WEEK),  # today
        (date(2026, 12, 6), Urgency.THIS_WEEK),  # Sunday
        (date(2026, 12, 7), Urgency.LATER),  # next Monday
    ],
)
def test_this_week_runs_monday_to_sunday_and_before_it_is_overdue(due_on, state):
    assert rules.urgency(due_on, date(2026, 12, 2)) is state  # a Wednesday


@pytest.mark.parametrize(
    ("outcome", "before", "after"),
    [
        (Outcome.WORKING, "completed", "employed"),
        (Outcome.WORKING, "withdrawn", "employed"),
        (Outcome.SELF_EMPLOYED, "completed", "completed"),
        (Outcome.LOOKING, "employed", "completed"),  # lost the job again
        (Outcome.UNREACHABLE, "employed", "completed"),
        (Outcome.EDUCATION, "withdrawn", "withdrawn"),
    ],
)
def test_the_participants_status_follows_the_latest_outcome(outcome, before, after):
    assert rules.status_after(outcome, before) == after


def test_rates_count_only_people_reached_and_say_what_is_open():
    outcomes = [
        Outcome.WORKING,
        Outcome.WORKING,
        Outcome.SELF_EMPLOYED,
        Outcome.LOOKING,
        Outcome.EDUCATION,
        Outcome.UNREACHABLE,
        None,
        None,
    ]
    r = rules.rate(outcomes)
    assert (r.reached, r.unreachable, r.open) == (5, 1, 2)
    assert r.working_rate == Fraction(2, 5)
    assert r.self_employed_rate == Fraction(1, 5)


def test_no_rate_before_anyone_is_reached():
    r = rules.rate([None, Outcome.UNREACHABLE])
    assert r.working_rate is None and r.self_employed_rate is None
    assert (r.reached, r.unreachable, r.open) == (0, 1, 1)
