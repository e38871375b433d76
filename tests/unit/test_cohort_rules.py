"""The rules of a cohort (issue #10, app.domain.cohorts): its number, its training days,
its states, the attendance rate over the days held, and the completion rule at exactly 80 %
and one day below."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from app.domain import cohorts as rules
from app.domain.cohorts import CompletionRule, DaysError, Mark, Status

D = date


def test_the_number_is_unique_without_a_network():
    assert rules.cohort_number("JKT", 1, 2026, 7) == "ANG/JKT-1/2026/0007"
    assert rules.cohort_number("BTN", 12, 2027, 1234) == "ANG/BTN-12/2027/1234"


def test_weekdays_between_the_dates_both_included():
    # Monday 7 December 2026 to Friday 18 December 2026: ten weekdays
    days = rules.training_days(D(2026, 12, 7), D(2026, 12, 18))
    assert len(days) == 10 and days[0] == D(2026, 12, 7) and days[-1] == D(2026, 12, 18)
    assert all(d.weekday() < 5 for d in days)


def test_a_pattern_a_holiday_removed_and_a_make_up_day_added():
    days = rules.training_days(
        D(2026, 12, 7),
        D(2026, 12, 18),
        pattern=("Mon", "wed", "friday"),
        removed=[D(2026, 12, 9)],  # a holiday on a Wednesday
        added=[D(2026, 12, 12)],  # a make-up Saturday
    )
    assert days == [
        D(2026, 12, 7), D(2026, 12, 11), D(2026, 12, 12), D(2026, 12, 14), D(2026, 12, 16),
        D(2026, 12, 18),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"start": D(2026, 12, 8), "end": D(2026, 12, 7)}, "sebelum tanggal mulai"),
        ({"pattern": ("mon", "jumat")}, "Hari pelatihan tidak dikenal: jumat"),
        ({"added": [D(2026, 12, 19)]}, "di luar tanggal angkatan"),
        ({"pattern": ("sun",), "end": D(2026, 12, 12)}, "Tidak ada hari pelatihan"),
        ({"end": D(2027, 12, 8)}, "paling lama 366 hari"),  # 367 calendar days
    ],
)
def test_days_that_cannot_be_made_say_why(kwargs, words):
    args = {"start": D(2026, 12, 7), "end": D(2026, 12, 18), **kwargs}
    with pytest.raises(DaysError) as refused:
        rules.training_days(**args)
    assert words in refused.value.text.render("id", **refused.value.params)


def test_a_cohort_of_366_calendar_days_is_the_longest():
    days = rules.training_days(D(2026, 12, 7), D(2027, 12, 7), ("mon",))
    assert days[0] == D(2026, 12, 7) and days[-1] == D(2027, 12, 6)


def test_the_make_up_day_on_the_last_date_is_inside():
    days = rules.training_days(D(2026, 12, 7), D(2026, 12, 13), ("mon",), added=[D(2026, 12, 13)])
    assert days == [D(2026, 12, 7), D(2026, 12, 13)]


@pytest.mark.parametrize(
    ("current", "to", "allowed"),
    [
        (Status.PLANNED, Status.RUNNING, True),
        (Status.PLANNED, Status.CANCELLED, True),
        (Status.PLANNED, Status.FINISHED, False),
        (Status.RUNNING, Status.FINISHED, True),
        (Status.RUNNING, Status.CANCELLED, True),
        (Status.RUNNING, Status.PLANNED, False),
        (Status.FINISHED, Status.CANCELLED, False),
        (Status.CANCELLED, Status.RUNNING, False),
    ],
)
def test_the_states_move_forward_only(current, to, allowed):
    assert rules.may_move(current, to) is allowed


TEN_DAYS = rules.training_days(D(2026, 12, 7), D(2026, 12, 18))


def _marks(*letters: str) -> dict[date, str]:
    return dict(zip(TEN_DAYS, letters, strict=False))


def test_the_rate_is_over_the_days_held_so_far():
    marks = _marks("H", "H", "A")
    rate = rules.attendance_rate(marks, TEN_DAYS, D(2026, 12, 9), CompletionRule())
    assert rate == Fraction(2, 3)
    # a day held but not marked counts as not attended
    assert rules.attendance_rate(marks, TEN_DAYS, D(2026, 12, 10), CompletionRule()) == Fraction(
        2, 4
    )
    assert rules.attendance_rate(marks, TEN_DAYS, D(2026, 12, 6), CompletionRule()) is None


def test_excused_and_sick_count_only_when_the_rule_says_so():
    marks = _marks("H", "I", "S", "A")
    on = D(2026, 12, 10)
    assert rules.attendance_rate(marks, TEN_DAYS, on, CompletionRule()) == Fraction(1, 4)
    lenient = CompletionRule(excused_counts=True)
    assert rules.attendance_rate(marks, TEN_DAYS, on, lenient) == Fraction(3, 4)


def test_completion_at_exactly_80_percent_and_one_day_below():
    rule = CompletionRule()
    eight = rules.attendance_rate(_marks(*"HHHHHHHHAA"), TEN_DAYS, D(2026, 12, 31), rule)
    seven = rules.attendance_rate(_marks(*"HHHHHHHAAA"), TEN_DAYS, D(2026, 12, 31), rule)
    assert eight == Fraction(4, 5) and rules.completion(eight, 70, rule).passes
    below = rules.completion(seven, 70, rule)
    assert not below.passes
    assert [r.id for r in below.reasons] == ["Kehadiran 70% di bawah batas 80%."]


def test_the_pass_mark_at_its_boundary_and_a_missing_score():
    rule = CompletionRule()
    full = Fraction(1)
    assert rules.completion(full, 70, rule).passes
    assert [r.en for r in rules.completion(full, 69, rule).reasons] == [
        "Assessment score 69 is below the pass mark 70."
    ]
    assert [r.id for r in rules.completion(full, None, rule).reasons] == [
        "Nilai asesmen belum diisi."
    ]
    assert rules.completion(full, None, CompletionRule(pass_score=None)).passes


def test_a_rate_just_under_80_percent_never_reads_as_80():
    # 39 of 49 days is 79.59 %: shown as 79 %, and it does not pass
    verdict = rules.completion(Fraction(39, 49), 90, CompletionRule())
    assert not verdict.passes and "79%" in verdict.reasons[0].id


def test_every_reason_at_once_and_none_held():
    verdict = rules.completion(None, 10, CompletionRule())
    assert [r.id for r in verdict.reasons] == [
        "Kehadiran 0% di bawah batas 80%.",
        "Nilai asesmen 10 di bawah batas lulus 70.",
    ]


def test_a_result_that_contradicts_the_rule_is_said_so():
    failing = rules.completion(Fraction(7, 10), 80, CompletionRule())
    passing = rules.completion(Fraction(9, 10), 80, CompletionRule())
    assert rules.contradiction("lulus", failing) == (
        "Dicatat lulus, padahal aturan kelulusan tidak terpenuhi: Kehadiran 70% di bawah batas 80%."
    )
    assert rules.contradiction("tidak_lulus", passing, "en") == (
        "Recorded as not passed although the completion rule is met; write the reason."
    )
    assert rules.contradiction("lulus", passing) is None
    assert rules.contradiction("tidak_lulus", failing) is None


def test_marks_are_the_four_letters():
    assert [m.value for m in Mark] == ["H", "I", "S", "A"]
    with pytest.raises(ValueError):
        rules.attended(["X"], CompletionRule())


# -- enrolment rules -------------------------------------------------------------------------

FREE = rules.EnrolFacts(
    participant_status="verified",
    eligibility="met",
    same_office=True,
    previous_participation=False,
    here=None,
    active_elsewhere=None,
    trained_in=None,
    cohort_open=True,
)


def _why(**over) -> list[str]:
    from dataclasses import replace

    return [t.render("en") for t in rules.enrol_refusals(replace(FREE, **over))]


def test_a_free_eligible_person_of_the_office_has_no_refusal():
    assert _why() == []
    assert not rules.needs_confirmation(FREE)


@pytest.mark.parametrize(
    ("over", "reason"),
    [
        ({"cohort_open": False}, "The cohort is finished or cancelled."),
        ({"participant_status": "erased"}, "The participant's record is erased or merged."),
        ({"participant_status": "merged"}, "The participant's record is erased or merged."),
        (
            {"same_office": False},
            "The participant is registered at another office; enrol them in a cohort of that "
            "office.",
        ),
        ({"here": "enrolled"}, "Already enrolled in this cohort."),
        ({"here": "waiting"}, "Already on this cohort's waiting list."),
        ({"active_elsewhere": "ANG/JKT-1/2026/0001"}, "Already in cohort ANG/JKT-1/2026/0001."),
        (
            {"trained_in": "ANG/JKT-1/2025/0003"},
            "Trained before (cohort ANG/JKT-1/2025/0003); the programme is once only.",
        ),
        (
            {"previous_participation": True},
            "Recorded at registration as having taken part before; the programme is once only.",
        ),
        ({"eligibility": "not_met"}, "Not eligible for the programme."),
        ({"participant_status": "ineligible"}, "Not eligible for the programme."),
    ],
)
def test_each_refusal_alone(over, reason):
    assert _why(**over) == [reason]


def test_statuses_that_still_may_enrol_and_those_that_may_not():
    for status in ("registered", "verified", "withdrawn", "in_training", "completed"):
        assert _why(participant_status=status) == [], status


def test_trained_before_is_named_once_even_when_also_said_at_registration():
    assert _why(trained_in="ANG/X", previous_participation=True) == [
        "Trained before (cohort ANG/X); the programme is once only."
    ]


def test_every_reason_together_in_order():
    assert (
        len(
            _why(
                cohort_open=False,
                participant_status="merged",
                same_office=False,
                here="enrolled",
                active_elsewhere="A",
                trained_in="B",
                eligibility="not_met",
            )
        )
        == 7
    )


@pytest.mark.parametrize(
    ("eligibility", "status", "confirm"),
    [
        (None, "registered", True),
        ("unknown", "registered", True),
        ("met", "registered", False),
        ("not_met", "registered", False),
        ("unknown", "ineligible", False),
    ],
)
def test_unknown_or_never_judged_eligibility_needs_the_clerk(eligibility, status, confirm):
    from dataclasses import replace

    facts = replace(FREE, eligibility=eligibility, participant_status=status)
    assert rules.needs_confirmation(facts) is confirm


def test_the_full_notice_names_the_capacity():
    assert rules.full_text(16).render("id") == "Angkatan penuh (16 orang); masuk daftar tunggu."
    assert rules.full_text(16).render("en") == (
        "The cohort is full (16 people); goes on the waiting list."
    )
