"""The stipend rules without a database (app.domain.stipends): the periods, what attendance
earns at the lump sum's boundary, and the state and balance of an entitlement — paid,
overpaid, double — on both sides of each boundary."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import pytest

from app.domain import stipends as rules

MON = date(2026, 12, 7)


def test_weeks_are_seven_day_blocks_from_the_start_and_the_last_ends_with_the_cohort():
    plan = rules.periods(MON, date(2026, 12, 23), "week")
    assert [(p.key, p.start, p.end) for p in plan] == [
        ("W1", MON, date(2026, 12, 13)),
        ("W2", date(2026, 12, 14), date(2026, 12, 20)),
        ("W3", date(2026, 12, 21), date(2026, 12, 23)),
    ]
    # a cohort starting mid-week: its weeks start on that weekday
    plan = rules.periods(date(2026, 12, 9), date(2026, 12, 15), "week")
    assert [p.key for p in plan] == ["W1"] and plan[0].end == date(2026, 12, 15)
    plan = rules.periods(date(2026, 12, 9), date(2026, 12, 16), "week")
    assert [p.key for p in plan] == ["W1", "W2"] and plan[1].start == plan[1].end


def test_a_cohort_paid_once_has_one_period_and_labels_read_as_a_clerk_writes_them():
    (whole,) = rules.periods(MON, date(2026, 12, 18), "cohort")
    assert whole.key == "ALL"
    assert whole.label("id") == "Seluruh angkatan (07/12–18/12/2026)"
    assert rules.periods(MON, MON, "week")[0].label("id") == "Minggu ke-1 (07/12–07/12/2026)"
    assert rules.periods(MON, MON, "week")[0].label("en") == "Week 1 (07/12–07/12/2026)"
    with pytest.raises(ValueError):
        rules.periods(MON, MON, "month")


@pytest.mark.parametrize(
    ("typed", "key"),
    [("1", "W1"), ("w2", "W2"), ("W10", "W10"), ("minggu-3", "W3"), ("Minggu 4", "W4"),
     ("all", "ALL"), ("SEMUA", "ALL"), ("0", None), ("W", None), ("bulan", None), ("", None)],
)  # fmt: skip
def test_what_a_clerk_types_for_a_period(typed, key):
    assert rules.parse_period(typed) == key


def _rates(lump: bool = False, min_rate: Fraction = Fraction(80, 100)) -> rules.Rates:
    return rules.Rates(transport=50_000, pocket=100_000, pocket_lump_sum=lump, min_rate=min_rate)


def test_each_day_present_earns_transport_and_pocket_money_in_its_own_week():
    plan = rules.periods(MON, date(2026, 12, 18), "week")
    came = [MON, MON + timedelta(1), date(2026, 12, 14)]
    dues = {
        (d.kind, d.period.key): (d.days, d.amount) for d in rules.dues(plan, came, came, _rates())
    }
    assert dues == {
        (rules.Kind.TRANSPORT, "W1"): (2, 100_000),
        (rules.Kind.POCKET, "W1"): (2, 200_000),
        (rules.Kind.TRANSPORT, "W2"): (1, 50_000),
        (rules.Kind.POCKET, "W2"): (1, 100_000),
    }


def test_a_lump_sum_is_earned_at_exactly_the_minimum_attendance_and_not_one_day_below():
    plan = rules.periods(MON, date(2026, 12, 18), "week")
    held = [MON + timedelta(d) for d in (0, 1, 2, 3, 4, 7, 8, 9, 10, 11)]  # ten days
    at_80 = held[:8]
    pocket = [d for d in rules.dues(plan, held, at_80, _rates(lump=True)) if d.kind == "pocket"]
    assert [(p.period.key, p.days, p.amount) for p in pocket] == [("ALL", 8, 100_000)]
    below = held[:7]
    pocket = [d for d in rules.dues(plan, held, below, _rates(lump=True)) if d.kind == "pocket"]
    assert [(p.period.key, p.days, p.amount) for p in pocket] == [("ALL", 7, 0)]
    # transport stays per day and per week
    transport = [d for d in rules.dues(plan, held, below, _rates(lump=True)) if d.kind != "pocket"]
    assert [t.amount for t in transport] == [250_000, 100_000]


def test_no_day_held_earns_no_lump_sum():
    plan = rules.periods(MON, date(2026, 12, 18), "cohort")
    pocket = [d for d in rules.dues(plan, [], [], _rates(lump=True)) if d.kind == "pocket"]
    assert pocket[0].amount == 0


def _b(amount: int, approved: int | None, paid: int, live: int, settled: int = 0) -> rules.Balance:
    return rules.Balance(amount, approved, paid, live, settled)


def test_state_follows_approval_and_payment():
    assert _b(250_000, None, 0, 0).state is rules.State.COMPUTED
    assert _b(250_000, 200_000, 0, 0).state is rules.State.COMPUTED  # approved an old amount
    assert _b(250_000, 250_000, 0, 0).state is rules.State.APPROVED
    assert _b(250_000, 250_000, 0, 0).to_pay == 250_000
    assert _b(250_000, None, 0, 0).to_pay == 0  # nothing is payable before approval
    assert _b(0, 0, 0, 0).state is rules.State.COMPUTED  # nothing to approve at zero
    assert _b(250_000, 250_000, 250_000, 1).state is rules.State.PAID
    assert _b(250_000, 250_000, 249_999, 1).state is rules.State.APPROVED
    assert _b(250_000, 250_000, 249_999, 1).to_pay == 1


def test_overpaid_and_double_are_derived_and_settlements_reduce_what_is_left():
    corrected = _b(200_000, 250_000, 250_000, 1)  # paid, then a day corrected to absent
    assert corrected.state is rules.State.PAID
    assert (corrected.overpaid, corrected.double) == (50_000, False)
    assert _b(200_000, 250_000, 250_000, 1, settled=30_000).overpaid == 20_000
    assert _b(200_000, 250_000, 250_000, 1, settled=50_000).overpaid == 0
    twice = _b(250_000, 250_000, 500_000, 2)  # two counters offline
    assert (twice.overpaid, twice.double) == (250_000, True)
    top_up = _b(250_000, 200_000, 200_000, 1)  # paid 200, then a day corrected to present
    assert (top_up.state, top_up.double, top_up.overpaid) == (rules.State.COMPUTED, False, 0)
    paid_in_two = _b(250_000, 250_000, 250_000, 2)  # paid 200 then the top-up of 50
    assert (paid_in_two.double, paid_in_two.overpaid) == (False, 0)


def test_deductions_take_the_oldest_overpayments_first_up_to_the_payment():
    owed = [("a", 30_000), ("b", 50_000)]
    assert rules.deductions(owed, 100_000) == [("a", 30_000), ("b", 50_000)]
    assert rules.deductions(owed, 40_000) == [("a", 30_000), ("b", 10_000)]
    assert rules.deductions(owed, 30_000) == [("a", 30_000)]
    assert rules.deductions(owed, 0) == []
    assert rules.deductions([], 50_000) == []
