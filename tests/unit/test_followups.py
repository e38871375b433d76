"""Follow-up calls on a real office (app.services.followups): who is on the call list and
when, recording each outcome kind, the status that follows, refusals writing nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from app.errors import StateError, ValidationError
from app.services.followups import Call, due, record, whatsapp_link
from tests.unit.cohort_support import at, cohort, fit_provider, person
from tests.unit.helpers import count, rows


@dataclass(frozen=True)
class Office:
    staffed: Any
    people: dict[str, str]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.staffed, name)


@pytest.fixture
def finished(staffed):
    """A cohort of 7-8/12/2026 finished on the 9th: Budi and Siti passed, Agus failed,
    Dewi withdrew on the 8th. Follow-ups due 8/1, 8/3 and 8/6/2027."""
    from app.services.attendance import all_present
    from app.services.cohort_results import finish_cohort, record_result
    from app.services.enrolment import enrol, withdraw

    office = staffed
    admin = office.actors["admin"]
    provider = fit_provider(office)
    cid = cohort(office, provider, start=date(2026, 12, 7), end=date(2026, 12, 8))
    people = {
        name: person(office, n, name)
        for n, name in enumerate(("Budi Santoso", "Siti Aminah", "Agus Salim", "Dewi Sartika"), 1)
    }
    enrol(office.db, admin, cid, list(people.values()))
    at(office, date(2026, 12, 7))
    all_present(office.db, admin, cid, date(2026, 12, 7))
    at(office, date(2026, 12, 8))
    all_present(office.db, admin, cid, date(2026, 12, 8))
    withdraw(office.db, admin, cid, people["Dewi Sartika"], "pindah ke luar kota")
    at(office, date(2026, 12, 9))
    for name, result in (("Budi Santoso", "lulus"), ("Siti Aminah", "lulus"),
                         ("Agus Salim", "tidak_lulus")):  # fmt: skip
        score = 80 if result == "lulus" else 10
        record_result(office.db, admin, cid, people[name], score, result, reason="uji")
    finish_cohort(office.db, admin, cid)
    return Office(office, people)


def names(found):
    return sorted({r.name for r in found})


def test_graduates_and_those_who_withdrew_are_due_a_month_after_the_cohort(finished):
    office = finished
    assert due(office.db, date(2027, 1, 1)) == []  # the week before
    found = due(office.db, date(2027, 1, 6))  # the week of 8 January
    assert names(found) == ["Budi Santoso", "Dewi Sartika", "Siti Aminah"]  # not Agus
    assert {(r.milestone, r.due_on, r.urgency) for r in found} == {
        (1, date(2027, 1, 8), "this_week")
    }
    assert [r.withdrawn for r in found if r.name == "Dewi Sartika"] == [True]
    later = due(office.db, date(2027, 3, 17))  # the week after 8 March
    assert {(r.milestone, r.urgency) for r in later} == {(1, "overdue"), (3, "overdue")}
    until = due(office.db, date(2027, 1, 6), until=date(2027, 6, 8))
    assert sorted({r.milestone for r in until}) == [1, 3, 6]


def test_a_working_outcome_closes_the_follow_up_and_makes_the_person_employed(finished):
    office = finished
    budi = office.people["Budi Santoso"]
    at(office, date(2027, 1, 8))
    call = Call("working", employer="PT Baja Utama", npp="12345678", position="Juru las",
                started_on=date(2027, 1, 4), wage=5_100_000, formal=True)  # fmt: skip
    saved = record(office.db, office.actors["counter"], budi, call)
    assert (saved.milestone, saved.outcome, saved.employer) == (1, "working", "PT Baja Utama")
    assert rows(office.db.path, "SELECT status FROM participant WHERE id=?", budi) == [
        ("employed",)
    ]
    assert "Budi Santoso" not in names(due(office.db, date(2027, 1, 8)))
    assert count(office.db.path, "outbox", "entity='follow_up'") == 1
    # three months on, he is due again; still looking now: no longer employed
    at(office, date(2027, 3, 8))
    assert record(office.db, office.actors["counter"], budi, Call("looking")).milestone == 3
    assert rows(office.db.path, "SELECT status FROM participant WHERE id=?", budi) == [
        ("completed",)
    ]


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (Call("working"), "employer"),
        (Call("self_employed"), "business_type"),
        (Call("working", employer="PT A", wage=-1), "wage"),
        (Call("working", employer="PT A", started_on=date(2027, 1, 9)), "started_on"),
        (Call("unreachable"), "attempts"),
        (Call("unreachable", attempts=0), "attempts"),
        (Call("unreachable", attempts=11), "attempts"),
        (Call("hired"), "outcome"),
        (Call("working", employer="x" * 201), "employer"),
    ],
)
def test_a_refused_call_names_its_field_and_writes_nothing(finished, call, field):
    office = finished
    at(office, date(2027, 1, 8))
    before = count(office.db.path, "audit_event")
    with pytest.raises(ValidationError) as err:
        record(office.db, office.actors["counter"], office.people["Siti Aminah"], call)
    assert err.value.field == field
    assert count(office.db.path, "follow_up") == 0
    assert count(office.db.path, "audit_event") == before


@pytest.mark.parametrize("attempts", [1, 10])
def test_unreachable_is_recorded_with_its_attempts(finished, attempts):
    office = finished
    at(office, date(2027, 1, 8))
    saved = record(
        office.db, office.actors["counter"], office.people["Siti Aminah"],
        Call("unreachable", attempts=attempts),
    )  # fmt: skip
    assert (saved.outcome, saved.attempts) == ("unreachable", attempts)


def test_nothing_to_record_before_a_follow_up_is_due_or_for_someone_not_followed(finished):
    office = finished
    at(office, date(2026, 12, 30))  # the 8 January call is next week
    with pytest.raises(StateError):
        record(office.db, office.actors["counter"], office.people["Siti Aminah"], Call("looking"))
    at(office, date(2027, 1, 8))
    with pytest.raises(StateError):  # failed: not followed up
        record(office.db, office.actors["counter"], office.people["Agus Salim"], Call("looking"))
    assert count(office.db.path, "follow_up") == 0


def test_self_employed_keeps_the_status_and_says_what_business(finished):
    office = finished
    at(office, date(2027, 1, 8))
    siti = office.people["Siti Aminah"]
    saved = record(office.db, office.actors["counter"], siti,
                   Call("self_employed", business_type="Bengkel las"))  # fmt: skip
    assert saved.business_type == "Bengkel las"
    assert rows(office.db.path, "SELECT status FROM participant WHERE id=?", siti) == [
        ("completed",)
    ]


def test_whatsapp_link_only_for_people_who_use_it():
    assert whatsapp_link("+6281234567890", True) == "https://wa.me/6281234567890"
    assert whatsapp_link("+6281234567890", False) is None
    assert whatsapp_link(None, True) is None
