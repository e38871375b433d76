"""Cohorts through the services on a real office database (issue #10): creating against the
provider check, numbers, days, enrolment with capacity and the waiting list, once-only."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import NotFound, PermissionDenied, StateError, ValidationError
from app.services import cohort_days, cohort_lists, cohorts, enrolment
from app.services.cohorts import CohortPlan, create_cohort
from app.services.participant_records import set_status
from app.services.provider_assessment import decide
from tests.unit.cohort_support import TODAY, at, cohort, fit_provider, person
from tests.unit.helpers import count, rows


@pytest.fixture
def office(staffed):
    at(staffed, TODAY)
    return staffed


def _plan(provider: str, **over) -> CohortPlan:
    base = {
        "provider": provider,
        "module_code": "LAS",
        "start_date": date(2026, 12, 7),
        "end_date": date(2026, 12, 18),
    }
    return CohortPlan(**{**base, **over})


def _refusal(call) -> tuple[str | None, str]:
    with pytest.raises(ValidationError) as refused:
        call()
    return refused.value.field, refused.value.message("id")


# -- creating ------------------------------------------------------------------------------


def test_a_provider_without_a_layak_decision_is_refused_and_nothing_is_written(office):
    from app.services.providers import register_provider
    from tests.unit.cohort_support import PROVIDER

    pid = register_provider(office.db, office.actors["counter"], PROVIDER).id
    field, message = _refusal(
        lambda: create_cohort(office.db, office.actors["counter"], _plan(pid))
    )
    assert field == "provider"
    assert message.startswith("Lembaga tidak dapat melatih modul ini mulai 07/12/2026:")
    assert "Belum ada keputusan kelayakan." in message
    assert count(office.path, "cohort") == 0
    assert count(office.path, "cohort_session") == 0


def test_the_check_is_asked_for_the_start_date_on_both_sides_of_the_recheck(office):
    pid = fit_provider(office)  # layak on 02/11/2026, re-check a year later
    decide(
        office.db,
        office.actors["supervisor"],
        pid,
        "layak",
        "kunjungan ulang",
        on=date(2026, 11, 2),
        recheck_on=date(2027, 1, 4),
    )
    ok = _plan(pid, start_date=date(2027, 1, 4), end_date=date(2027, 1, 8))
    assert create_cohort(office.db, office.actors["counter"], ok).status == "direncanakan"
    late = _plan(pid, start_date=date(2027, 1, 5), end_date=date(2027, 1, 8))
    field, message = _refusal(lambda: create_cohort(office.db, office.actors["counter"], late))
    assert field == "provider"
    assert "penilaian ulang" in message.lower() or "04/01/2027" in message
    assert count(office.path, "cohort") == 1


def test_a_module_the_provider_does_not_offer_is_refused(office):
    pid = fit_provider(office)
    field, message = _refusal(
        lambda: create_cohort(office.db, office.actors["counter"], _plan(pid, module_code="TIK"))
    )
    assert field == "provider" and "Modul TIK tidak ditawarkan" in message


def test_numbers_follow_the_series_of_this_pc_and_year(office):
    pid = fit_provider(office)
    first = create_cohort(office.db, office.actors["counter"], _plan(pid))
    second = create_cohort(office.db, office.actors["counter"], _plan(pid))
    next_year = create_cohort(
        office.db,
        office.actors["counter"],
        _plan(pid, start_date=date(2027, 1, 4), end_date=date(2027, 1, 15)),
    )
    assert not first.recorded_after
    assert [first.code, second.code, next_year.code] == [
        "ANG/JKT-1/2026/0001",
        "ANG/JKT-1/2026/0002",
        "ANG/JKT-1/2027/0001",
    ]
    own = create_cohort(office.db, office.actors["counter"], _plan(pid, code="las-jaktim-01"))
    assert own.code == "LAS-JAKTIM-01"
    field, message = _refusal(
        lambda: create_cohort(office.db, office.actors["counter"], _plan(pid, code="LAS-JAKTIM-01"))
    )
    assert field == "code" and "sudah dipakai" in message
    assert cohort_lists.find_cohort_id(office.db, "las-jaktim-01") == own.id
    with pytest.raises(NotFound):
        cohort_lists.find_cohort_id(office.db, "ANG/JKT-1/2026/0099")


@pytest.mark.parametrize(
    ("over", "field"),
    [
        ({"capacity": 0}, "capacity"),
        ({"capacity": 501}, "capacity"),
        ({"transport_rate": -1}, "transport_rate"),
        ({"pocket_rate": 10_000_001}, "pocket_rate"),
        ({"pocket_mode": "weekly"}, "pocket_mode"),
        ({"min_rate_percent": 0}, "min_rate_percent"),
        ({"min_rate_percent": 101}, "min_rate_percent"),
        ({"pass_score": 101}, "pass_score"),
        ({"end_date": date(2026, 12, 6)}, "dates"),
        ({"pattern": ("sat",), "end_date": date(2026, 12, 11)}, "dates"),  # no Saturday
        ({"pattern": ("senin",)}, "dates"),
    ],
)
def test_plan_input_is_checked(office, over, field):
    pid = fit_provider(office)
    got, _message = _refusal(
        lambda: create_cohort(office.db, office.actors["counter"], _plan(pid, **over))
    )
    assert got == field
    assert count(office.path, "cohort") == 0


def test_plan_limits_are_taken_at_their_edges(office):
    pid = fit_provider(office)
    edge = _plan(
        pid,
        capacity=500,
        transport_rate=10_000_000,
        pocket_rate=0,
        pocket_mode="lump_sum",
        min_rate_percent=100,
        pass_score=None,
    )
    row = create_cohort(office.db, office.actors["counter"], edge)
    assert row.capacity == 500
    detail = cohort_lists.cohort_detail(office.db, row.id)
    assert (detail.pocket_mode, detail.min_rate_percent, detail.pass_score) == (
        "lump_sum",
        100,
        None,
    )


def test_days_come_from_the_pattern_and_can_be_edited(office):
    pid = fit_provider(office)
    cid = cohort(office, pid)  # 07/12 (Mon) .. 18/12 (Fri): ten weekdays
    days = [s.day for s in cohort_lists.cohort_detail(office.db, cid).sessions]
    assert len(days) == 10 and days[0] == date(2026, 12, 7) and days[-1] == date(2026, 12, 18)
    cohort_days.remove_day(office.db, office.actors["counter"], cid, date(2026, 12, 9))
    cohort_days.add_day(office.db, office.actors["counter"], cid, date(2026, 12, 12))  # Saturday
    sessions = cohort_lists.cohort_detail(office.db, cid).sessions
    assert date(2026, 12, 9) not in [s.day for s in sessions]
    makeup = [s for s in sessions if s.day == date(2026, 12, 12)]
    assert len(sessions) == 10 and makeup and makeup[0].makeup
    # the removed day stays as a cancelled row: its id and history stay
    assert count(office.path, "cohort_session", "cancelled = 1") == 1
    field, _m = _refusal(
        lambda: cohort_days.add_day(office.db, office.actors["counter"], cid, date(2026, 12, 19))
    )
    assert field == "day"  # outside the dates
    field, _m = _refusal(
        lambda: cohort_days.add_day(office.db, office.actors["counter"], cid, date(2026, 12, 10))
    )
    assert field == "day"  # already a day
    # a holiday taken back
    cohort_days.add_day(office.db, office.actors["counter"], cid, date(2026, 12, 9))
    assert len(cohort_lists.cohort_detail(office.db, cid).sessions) == 11


def test_moving_asks_the_check_again_and_keeps_marked_days(office):
    from app.services.attendance import mark

    pid = fit_provider(office)
    cid = cohort(office, pid)
    budi = person(office, 1)
    enrolment.enrol(office.db, office.actors["counter"], cid, [budi])
    at(office, date(2026, 12, 7))
    mark(office.db, office.actors["counter"], cid, date(2026, 12, 7), {budi: "H"})
    # a start after the provider's re-check date is refused
    field, _m = _refusal(
        lambda: cohorts.move_cohort(
            office.db,
            office.actors["counter"],
            cid,
            date(2027, 11, 3),
            date(2027, 11, 30),
            ("mon", "tue"),
        )
    )
    assert field == "provider"
    # moving so that the marked day drops out is refused
    field, message = _refusal(
        lambda: cohorts.move_cohort(
            office.db,
            office.actors["counter"],
            cid,
            date(2026, 12, 8),
            date(2026, 12, 22),
            ("mon", "tue", "wed", "thu", "fri"),
        )
    )
    assert field == "dates" and "07/12/2026" in message
    row = cohorts.move_cohort(
        office.db,
        office.actors["counter"],
        cid,
        date(2026, 12, 7),
        date(2026, 12, 23),
        ("mon", "wed"),
    )
    assert row.end_date == date(2026, 12, 23)
    days = [s.day.isoformat() for s in cohort_lists.cohort_detail(office.db, cid).sessions]
    assert days == [
        "2026-12-07",
        "2026-12-09",
        "2026-12-14",
        "2026-12-16",
        "2026-12-21",
        "2026-12-23",
    ]


def test_a_cohort_with_past_dates_is_recorded_afterwards_and_says_so(office):
    pid = fit_provider(office, on=date(2025, 1, 6))
    at(office, TODAY)
    past = create_cohort(
        office.db,
        office.actors["counter"],
        _plan(pid, start_date=date(2025, 3, 3), end_date=date(2025, 3, 14)),
    )
    assert past.recorded_after and past.code == "ANG/JKT-1/2025/0001"
    ((detail,),) = rows(office.path, "SELECT detail FROM audit_event WHERE action='cohort.create'")
    assert '"recorded_after": true' in str(detail)
    # the 2025 decision's re-check date has passed: a cohort today is refused, as it should
    field, _m = _refusal(lambda: create_cohort(office.db, office.actors["counter"], _plan(pid)))
    assert field == "provider"


def test_cancel_needs_a_reason_and_a_supervisor_or_admin(office):
    pid = fit_provider(office)
    cid = cohort(office, pid)
    with pytest.raises(PermissionDenied):
        cohorts.set_status(office.db, office.actors["counter"], cid, "dibatalkan", "sepi")
    field, _m = _refusal(
        lambda: cohorts.set_status(office.db, office.actors["supervisor"], cid, "dibatalkan", " ")
    )
    assert field == "reason"
    row = cohorts.set_status(
        office.db, office.actors["supervisor"], cid, "dibatalkan", "lembaga tutup"
    )
    assert row.status == "dibatalkan"
    with pytest.raises(StateError):
        cohorts.set_status(office.db, office.actors["counter"], cid, "berjalan")
    # a cancelled cohort takes nobody
    out = enrolment.enrol(office.db, office.actors["counter"], cid, [person(office, 1)])
    assert out[0].status is None and "selesai atau dibatalkan" in out[0].reasons[0]


# -- enrolment -----------------------------------------------------------------------------


def _status(office, pid: str) -> str:
    ((status,),) = rows(office.path, "SELECT status FROM participant WHERE id=?", pid)
    return str(status)


def test_capacity_fills_then_the_waiting_list_in_order_and_a_withdrawal_moves_it_up(office):
    pid = fit_provider(office)
    cid = cohort(office, pid, capacity=2)
    a, b, c, d = (person(office, n) for n in (1, 2, 3, 4))
    out = enrolment.enrol(office.db, office.actors["counter"], cid, [a, b, c])
    assert [o.status for o in out] == ["enrolled", "enrolled", "waiting"]
    assert out[2].reasons == ("Angkatan penuh (2 orang); masuk daftar tunggu.",)
    office.clock.advance(minutes=5)
    assert enrolment.enrol(office.db, office.actors["counter"], cid, [d])[0].status == "waiting"
    assert [_status(office, p) for p in (a, b, c, d)] == [
        "in_training",
        "in_training",
        "registered",
        "registered",
    ]
    field, _m = _refusal(
        lambda: enrolment.withdraw(office.db, office.actors["counter"], cid, a, "  ")
    )
    assert field == "reason"
    moved = enrolment.withdraw(office.db, office.actors["counter"], cid, a, "sudah bekerja")
    assert moved == c  # the first who waited, not the last
    assert _status(office, a) == "withdrawn" and _status(office, c) == "in_training"
    row = cohort_lists.list_cohorts(office.db)[0]
    assert (row.enrolled, row.waiting) == (2, 1)
    # a larger capacity takes the rest of the waiting list
    assert enrolment.set_capacity(office.db, office.actors["counter"], cid, 3) == [d]
    field, _m = _refusal(
        lambda: enrolment.set_capacity(office.db, office.actors["counter"], cid, 2)
    )
    assert field == "capacity"  # below the people enrolled


def test_the_same_person_twice_is_one_enrolment_with_a_deterministic_id(office):
    from app.domain.ids import stable_id

    pid = fit_provider(office)
    cid = cohort(office, pid)
    budi = person(office, 1)
    enrolment.enrol(office.db, office.actors["counter"], cid, [budi])
    again = enrolment.enrol(office.db, office.actors["counter"], cid, [budi])
    assert again[0].status is None and again[0].reasons == ("Sudah terdaftar di angkatan ini.",)
    assert rows(office.path, "SELECT id FROM enrollment") == [(stable_id("enrollment", cid, budi),)]


def test_once_only_active_elsewhere_trained_before_or_said_so(office):
    from app.services.attendance import all_present
    from app.services.cohort_results import finish_cohort, record_result

    pid = fit_provider(office)
    first = cohort(office, pid, start=date(2026, 12, 7), end=date(2026, 12, 8))
    second = cohort(office, pid, start=date(2027, 1, 4), end=date(2027, 1, 8))
    budi, siti = person(office, 1), person(office, 2, pernah_ikut_program="Y")
    enrolment.enrol(office.db, office.actors["counter"], first, [budi])
    out = enrolment.enrol(office.db, office.actors["counter"], second, [budi, siti])
    assert out[0].reasons == ("Sedang mengikuti angkatan ANG/JKT-1/2026/0001.",)
    assert "pernah ikut program" in out[1].reasons[0]
    # budi finishes the first: now he was trained before
    for day in (date(2026, 12, 7), date(2026, 12, 8)):
        at(office, day)
        all_present(office.db, office.actors["counter"], first, day)
    record_result(office.db, office.actors["counter"], first, budi, 85, "lulus")
    finish_cohort(office.db, office.actors["supervisor"], first)
    out = enrolment.enrol(office.db, office.actors["counter"], second, [budi])
    assert out[0].reasons == (
        "Sudah pernah dilatih (angkatan ANG/JKT-1/2026/0001); program hanya sekali.",
    )
    assert count(office.path, "enrollment", "cohort_id=?", second) == 0


def test_a_withdrawn_person_may_enrol_again_in_another_cohort(office):
    pid = fit_provider(office)
    first, second = cohort(office, pid), cohort(office, pid)
    budi = person(office, 1)
    enrolment.enrol(office.db, office.actors["counter"], first, [budi])
    enrolment.withdraw(office.db, office.actors["counter"], first, budi, "sakit")
    out = enrolment.enrol(office.db, office.actors["counter"], second, [budi])
    assert out[0].status == "enrolled" and _status(office, budi) == "in_training"


def test_eligibility_not_met_is_refused_and_unknown_needs_the_clerks_confirmation(office):
    pid = fit_provider(office)
    cid = cohort(office, pid)
    # laid off six years ago: outside the window, not met
    quit_ = person(office, 1, tanggal_phk="15/06/2020")
    unknown = person(office, 2, lama_kepesertaan="", iuran_24_bulan="")
    ((e1,), (e2,)) = rows(office.path, "SELECT eligibility_status FROM participant ORDER BY nik")
    assert (e1, e2) == ("not_met", "unknown")
    out = enrolment.enrol(office.db, office.actors["counter"], cid, [quit_, unknown])
    assert out[0].reasons == ("Tidak memenuhi syarat program.",)
    assert out[1].status is None and "belum dapat dipastikan" in out[1].reasons[0]
    assert count(office.path, "enrollment") == 0
    out = enrolment.enrol(office.db, office.actors["counter"], cid, [unknown], confirm_unknown=True)
    assert out[0].status == "enrolled" and "belum dapat dipastikan" in out[0].reasons[0]
    ((by,),) = rows(office.path, "SELECT eligibility_confirmed_by FROM enrollment")
    assert by == office.actors["counter"].username
    # marked ineligible by hand: refused too
    other = person(office, 3)
    set_status(office.db, office.actors["counter"], other, "ineligible", "usia")
    out = enrolment.enrol(office.db, office.actors["counter"], cid, [other])
    assert out[0].reasons == ("Tidak memenuhi syarat program.",)


def test_the_picker_names_why_each_person_cannot_be_enrolled(office):
    pid = fit_provider(office)
    first, cid = cohort(office, pid), cohort(office, pid)
    budi, siti, agus = (
        person(office, 1, "Budi Santoso"),
        person(office, 2, "Siti Aminah"),
        person(office, 3, "Agus Salim", lama_kepesertaan="", iuran_24_bulan=""),
    )
    enrolment.enrol(office.db, office.actors["counter"], first, [budi])
    found = {c.name: c for c in enrolment.candidates(office.db, cid, enrolment.PickerQuery())}
    assert found["Budi Santoso"].refusals == ("Sedang mengikuti angkatan ANG/JKT-1/2026/0001.",)
    assert found["Siti Aminah"].refusals == () and not found["Siti Aminah"].needs_confirmation
    assert found["Agus Salim"].refusals == () and found["Agus Salim"].needs_confirmation
    only = enrolment.candidates(office.db, cid, enrolment.PickerQuery(text="siti"))
    assert [c.participant_id for c in only] == [siti]
    unknown = enrolment.candidates(office.db, cid, enrolment.PickerQuery(eligibility="unknown"))
    assert [c.participant_id for c in unknown] == [agus]


def test_enrolment_roles_and_nothing_written_when_refused(office):
    pid = fit_provider(office)
    cid = cohort(office, pid)
    budi = person(office, 1)
    with pytest.raises(NotFound):
        enrolment.enrol(office.db, office.actors["counter"], cid, [budi, "no-such-id"])
    assert count(office.path, "enrollment") == 0  # one unknown id: the whole call undone
    for role in ("counter", "supervisor", "admin"):
        assert enrolment.candidates(office.db, cid, enrolment.PickerQuery()) is not None
        del role
