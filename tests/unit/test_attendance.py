"""Attendance, approval and results through the services (issue #10 items 3-5): marks, the
locked day and the supervisor path, the completion rule at exactly 80% and one day below,
finishing, and a cohort recorded afterwards."""

from __future__ import annotations

import json
from datetime import date
from fractions import Fraction

import pytest

from app.errors import PermissionDenied, StateError, ValidationError
from app.services import cohort_lists, enrolment
from app.services.attendance import all_present, lock_day, mark
from app.services.cohort_results import finish_cohort, graduates, record_result
from tests.unit.cohort_support import TODAY, at, cohort, fit_provider, person
from tests.unit.helpers import count, execute, rows

MON = date(2026, 12, 7)
TEN_DAYS = [date(2026, 12, d) for d in (7, 8, 9, 10, 11, 14, 15, 16, 17, 18)]


@pytest.fixture
def office(staffed):
    at(staffed, TODAY)
    return staffed


@pytest.fixture
def running(office):
    """A ten-day cohort (07-18/12/2026) with Budi and Siti enrolled."""
    pid = fit_provider(office)
    cid = cohort(office, pid)
    budi, siti = person(office, 1, "Budi Santoso"), person(office, 2, "Siti Aminah")
    enrolment.enrol(office.db, office.actors["counter"], cid, [budi, siti])
    return cid, budi, siti


def _marks(office) -> dict[tuple[str, str], str]:
    found = rows(office.path, "SELECT session_id, participant_id, mark FROM attendance")
    return {(str(s), str(p)): str(m) for s, p, m in found}


def _refused(call, kind=ValidationError) -> str:
    with pytest.raises(kind) as refused:
        call()
    return refused.value.message("id")


def test_the_first_mark_starts_the_cohort_and_all_present_keeps_typed_marks(office, running):
    cid, _budi, siti = running
    at(office, MON)
    out = mark(office.db, office.actors["counter"], cid, MON, {siti: "S"})
    assert out.started and out.marked == 1
    assert cohort_lists.cohort_detail(office.db, cid).row.status == "berjalan"
    out = all_present(office.db, office.actors["counter"], cid, MON)
    assert (out.marked, out.started) == (1, False)
    detail = cohort_lists.cohort_detail(office.db, cid)
    by_name = {e.name: e for e in detail.enrolments}
    assert by_name["Budi Santoso"].counts == {"H": 1, "I": 0, "S": 0, "A": 0}
    assert by_name["Siti Aminah"].counts == {"H": 0, "I": 0, "S": 1, "A": 0}
    assert detail.day_rate(detail.sessions[0].id) == Fraction(1, 2)
    # the same again writes nothing and leaves no audit event
    events = count(office.path, "audit_event", "action='attendance.mark'")
    again = mark(office.db, office.actors["counter"], cid, MON, {siti: "S"})
    assert (again.marked, again.unchanged) == (0, 1)
    assert count(office.path, "audit_event", "action='attendance.mark'") == events


def test_marks_are_refused_for_a_future_day_a_non_day_a_bad_key_or_someone_not_enrolled(
    office, running
):
    cid, budi, _siti = running
    at(office, MON)
    assert "belum tiba" in _refused(
        lambda: mark(office.db, office.actors["counter"], cid, date(2026, 12, 8), {budi: "H"})
    )
    assert "bukan hari pelatihan" in _refused(
        lambda: mark(office.db, office.actors["counter"], cid, date(2026, 12, 6), {budi: "H"})
    )
    assert "H, I, S atau A" in _refused(
        lambda: mark(office.db, office.actors["counter"], cid, MON, {budi: "X"})
    )
    stranger = person(office, 3)
    assert "tidak terdaftar aktif" in _refused(
        lambda: mark(office.db, office.actors["counter"], cid, MON, {budi: "H", stranger: "H"})
    )
    assert count(office.path, "attendance") == 0  # the valid mark of that call is undone too
    assert cohort_lists.cohort_detail(office.db, cid).row.status == "direncanakan"


def test_a_locked_day_needs_a_supervisor_and_the_change_leaves_a_trace(office, running):
    cid, budi, siti = running
    at(office, MON)
    mark(office.db, office.actors["counter"], cid, MON, {budi: "H"})
    with pytest.raises(PermissionDenied):
        lock_day(office.db, office.actors["counter"], cid, MON)
    message = _refused(lambda: lock_day(office.db, office.actors["supervisor"], cid, MON))
    assert message == "1 peserta belum ditandai pada 07/12/2026; isi dulu sebelum disetujui."
    mark(office.db, office.actors["counter"], cid, MON, {siti: "A"})
    lock_day(office.db, office.actors["supervisor"], cid, MON)
    assert cohort_lists.cohort_detail(office.db, cid).sessions[0].locked
    # a clerk alone cannot change it; a clerk is no approver either
    assert "perlu persetujuan supervisor" in _refused(
        lambda: mark(office.db, office.actors["counter"], cid, MON, {siti: "S"}), StateError
    )
    with pytest.raises(PermissionDenied):
        mark(
            office.db,
            office.actors["counter"],
            cid,
            MON,
            {siti: "S"},
            approver=office.actors["counter"],
        )
    assert set(_marks(office).values()) == {"H", "A"}
    office.clock.advance(minutes=3)
    mark(
        office.db,
        office.actors["counter"],
        cid,
        MON,
        {siti: "S"},
        approver=office.actors["supervisor"],
    )
    ((value, approval),) = rows(
        office.path, "SELECT mark, approval FROM attendance WHERE participant_id=?", siti
    )
    supervisor = office.actors["supervisor"].username
    assert value == "S" and str(approval).startswith(f"{supervisor} 2026-12-07T03:03")
    ((detail,),) = rows(
        office.path,
        "SELECT detail FROM audit_event WHERE action='attendance.mark' ORDER BY seq DESC LIMIT 1",
    )
    assert json.loads(str(detail))["approved_by"] == supervisor
    # an open day's mark carries no approval
    at(office, date(2026, 12, 8))
    mark(office.db, office.actors["counter"], cid, date(2026, 12, 8), {siti: "H"})
    assert count(office.path, "attendance", "approval IS NULL") == 2
    assert "sudah disetujui" in _refused(
        lambda: lock_day(office.db, office.actors["supervisor"], cid, MON), StateError
    )


def _ten_days(office, cid: str, marks_of: dict[str, str]) -> None:
    """Mark the ten days: each person's string gives a mark per day."""
    for n, day in enumerate(TEN_DAYS):
        at(office, day)
        mark(office.db, office.actors["counter"], cid, day, {p: s[n] for p, s in marks_of.items()})


def test_completion_at_exactly_80_percent_and_one_day_below(office, running):
    cid, budi, siti = running
    _ten_days(office, cid, {budi: "HHHHHHHHAA", siti: "HHHHHHHAAA"})
    assert record_result(office.db, office.actors["counter"], cid, budi, 70, "lulus") is None
    message = _refused(
        lambda: record_result(office.db, office.actors["counter"], cid, siti, 90, "lulus")
    )
    assert message == (
        "Dicatat lulus, padahal aturan kelulusan tidak terpenuhi: Kehadiran 70% di bawah batas 80%."
    )
    assert count(office.path, "enrollment", "result IS NOT NULL") == 1
    said = record_result(
        office.db, office.actors["counter"], cid, siti, 90, "lulus", "sakit berat, ada surat"
    )
    assert said is not None and "70%" in said
    ((reason, contradicts),) = rows(
        office.path,
        "SELECT e.result_reason, json_extract(a.detail, '$.contradicts_rule') FROM enrollment e "
        "JOIN audit_event a ON a.action='cohort.result' AND a.detail LIKE '%' || e.participant_id "
        "|| '%' WHERE e.participant_id=? ORDER BY a.seq DESC LIMIT 1",
        siti,
    )
    assert reason == "sakit berat, ada surat" and contradicts == 1
    detail = {e.name: e for e in cohort_lists.cohort_detail(office.db, cid).enrolments}
    assert detail["Budi Santoso"].rate == Fraction(4, 5) and detail["Budi Santoso"].verdict_passes
    assert detail["Siti Aminah"].contradiction is not None


def test_the_pass_mark_at_its_edge_and_a_missing_score(office, running):
    cid, budi, siti = running
    _ten_days(office, cid, {budi: "HHHHHHHHHH", siti: "HHHHHHHHHH"})
    assert record_result(office.db, office.actors["counter"], cid, budi, 70, "lulus") is None
    assert "Nilai asesmen 69 di bawah batas lulus 70." in _refused(
        lambda: record_result(office.db, office.actors["counter"], cid, siti, 69, "lulus")
    )
    assert "Nilai asesmen belum diisi." in _refused(
        lambda: record_result(office.db, office.actors["counter"], cid, siti, None, "lulus")
    )
    # tidak lulus although the rule is met needs a reason too
    assert "tuliskan alasannya" in _refused(
        lambda: record_result(office.db, office.actors["counter"], cid, siti, 95, "tidak_lulus")
    )
    for bad, field in ((101, "score"), (-1, "score")):
        with pytest.raises(ValidationError) as refused:
            record_result(office.db, office.actors["counter"], cid, siti, bad, "lulus")
        assert refused.value.field == field
    with pytest.raises(ValidationError):
        record_result(office.db, office.actors["counter"], cid, siti, 80, "lolos")


def test_excused_days_count_only_when_the_cohort_says_so(office):
    pid = fit_provider(office)
    strict = cohort(office, pid)
    kind = cohort(office, pid, excused_counts=True)
    budi = person(office, 1)
    siti = person(office, 2)
    enrolment.enrol(office.db, office.actors["counter"], strict, [budi])
    enrolment.enrol(office.db, office.actors["counter"], kind, [siti])
    _ten_days(office, strict, {budi: "HHHHHHHISA"})
    _ten_days(office, kind, {siti: "HHHHHHHISA"})
    (b,) = cohort_lists.cohort_detail(office.db, strict).enrolments
    (s,) = cohort_lists.cohort_detail(office.db, kind).enrolments
    assert (b.rate, s.rate) == (Fraction(7, 10), Fraction(9, 10))
    assert not b.verdict_passes and "Kehadiran 70% di bawah batas 80%." in b.verdict_reasons


def test_the_rate_is_over_the_days_held_so_far(office, running):
    cid, budi, _siti = running
    for day in TEN_DAYS[:3]:
        at(office, day)
        mark(office.db, office.actors["counter"], cid, day, {budi: "H"})
    at(office, TEN_DAYS[3])  # day four held, not marked: counts as not attended
    rate = {e.name: e.rate for e in cohort_lists.cohort_detail(office.db, cid).enrolments}
    assert rate["Budi Santoso"] == Fraction(3, 4) and rate["Siti Aminah"] == 0


def test_finishing_waits_for_the_last_day_and_every_result(office, running):
    cid, budi, siti = running
    _ten_days(office, cid, {budi: "HHHHHHHHHH", siti: "HHHHHHAAAA"})
    at(office, date(2026, 12, 17))  # before the last day
    assert "setelah hari terakhirnya (18/12/2026)" in _refused(
        lambda: finish_cohort(office.db, office.actors["supervisor"], cid), StateError
    )
    at(office, date(2026, 12, 18))
    record_result(office.db, office.actors["counter"], cid, budi, 88, "lulus")
    assert _refused(
        lambda: finish_cohort(office.db, office.actors["supervisor"], cid), StateError
    ) == ("1 peserta belum punya hasil (mis. Siti Aminah); isi dulu sebelum angkatan selesai.")
    with pytest.raises(PermissionDenied):
        finish_cohort(office.db, office.actors["counter"], cid)
    record_result(office.db, office.actors["counter"], cid, siti, 60, "tidak_lulus")
    assert graduates(office.db, cid) == []  # not before the cohort is finished
    row = finish_cohort(office.db, office.actors["supervisor"], cid)
    assert row.status == "selesai"
    assert rows(office.path, "SELECT status FROM participant ORDER BY full_name") == [
        ("completed",),
        ("completed",),
    ]
    assert graduates(office.db, cid) == [budi]
    # finished: nothing changes any more
    assert "tidak dapat diubah lagi" in _refused(
        lambda: mark(office.db, office.actors["counter"], cid, MON, {budi: "A"}), StateError
    )
    assert "tidak dapat diubah lagi" in _refused(
        lambda: record_result(office.db, office.actors["counter"], cid, siti, 90, "lulus"),
        StateError,
    )


def test_a_cohort_that_already_ran_is_recorded_afterwards(office):
    pid = fit_provider(office, on=date(2025, 1, 6))
    at(office, TODAY)
    cid = cohort(office, pid, start=date(2025, 3, 3), end=date(2025, 3, 7))
    budi = person(office, 1)
    enrolment.enrol(office.db, office.actors["counter"], cid, [budi])
    for day in (3, 4, 5, 6, 7):
        all_present(office.db, office.actors["counter"], cid, date(2025, 3, day))
    record_result(office.db, office.actors["counter"], cid, budi, 80, "lulus")
    finish_cohort(office.db, office.actors["admin"], cid)
    assert graduates(office.db, cid) == [budi]
    actions = rows(
        office.path,
        "SELECT action, json_extract(detail, '$.recorded_after') FROM audit_event "
        "WHERE entity='cohort' ORDER BY seq",
    )
    assert {a for a, _r in actions} >= {
        "cohort.create",
        "cohort.enrol",
        "attendance.mark",
        "cohort.result",
        "cohort.status",
    }
    assert all(flag == 1 for _a, flag in actions)


def test_another_offices_cohort_is_read_only_here(office, running):
    cid, budi, _siti = running
    execute(office.path, "UPDATE cohort SET office_code='BTN' WHERE id=?", cid)
    at(office, MON)
    assert "milik kantor BTN" in _refused(
        lambda: mark(office.db, office.actors["counter"], cid, MON, {budi: "H"}), StateError
    )
    assert cohort_lists.list_cohorts(office.db)[0].mine is False
    assert cohort_lists.list_cohorts(office.db, mine_only=True) == []
