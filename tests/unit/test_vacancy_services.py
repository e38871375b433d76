"""Vacancies on a real office (app.services.vacancies, app.services.vacancy_matching, issue
#13 items 2-3): recording and closing one, the open list, matching both ways with each
rule at its boundary, referring a person and recording whether they were hired.

The office is built once per module (a finished welding cohort, a running one, people who
only chose a module, failed, withdrew or work again) and copied for each test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.errors import NotFound, StateError, ValidationError
from app.services.vacancies import add_vacancy, close_vacancy, list_vacancies, short_id
from app.services.vacancy_matching import (
    matches_for_participant,
    matches_for_vacancy,
    record_hire,
    refer,
    referrals_of,
)
from tests.conftest import FakeClock
from tests.unit.cohort_support import at, cohort, fit_provider, person
from tests.unit.helpers import count, execute, rows

DAY = date(2026, 12, 10)  # the welding cohort of 7-8 December finished on the 9th
LAS, GARMEN = "Juru Las (SMAW)", "Garmen dan Menjahit"


@dataclass
class Office:
    db: Any
    home: Path
    actors: dict[str, Any]
    clock: FakeClock
    people: dict[str, str]

    @property
    def path(self) -> Path:
        return Path(self.db.path)


def _build(office: Office) -> dict[str, str]:
    """Budi and Fajar passed welding (Fajar works again since), Agus failed, Dewi withdrew;
    Gita is in a running welding cohort; Eko only chose welding at intake and lives in
    Balikpapan with a Jakarta KTP; Hana chose nothing. Budi chose garment."""
    from app.services import cohorts
    from app.services.attendance import all_present
    from app.services.cohort_results import finish_cohort, record_result
    from app.services.enrolment import enrol, withdraw
    from app.services.participant_records import set_status

    admin = office.actors["admin"]
    provider = fit_provider(office)
    people = {
        "budi": person(office, 1, "Budi Santoso", pilihan_pelatihan_1=GARMEN),
        "agus": person(office, 2, "Agus Salim"),
        "dewi": person(office, 3, "Dewi Sartika"),
        "fajar": person(office, 4, "Fajar Nugroho"),
        "gita": person(office, 5, "Gita Permata"),
        "eko": person(
            office,
            6,
            "Eko Prasetyo",
            kode_wilayah="64.71",
            pilihan_pelatihan_1="LAS",
            upah_terakhir="",
        ),
        "hana": person(office, 7, "Hana Pertiwi"),
    }
    done = cohort(office, provider, start=date(2026, 12, 7), end=date(2026, 12, 8))
    running = cohort(office, provider, start=date(2026, 12, 14), end=date(2026, 12, 18))
    enrol(office.db, admin, done, [people[n] for n in ("budi", "agus", "dewi", "fajar")])
    enrol(office.db, admin, running, [people["gita"]])
    for day in (date(2026, 12, 7), date(2026, 12, 8)):
        at(office, day)
        all_present(office.db, admin, done, day)
    withdraw(office.db, admin, done, people["dewi"], "pindah kota")
    at(office, date(2026, 12, 9))
    for name, result in (("budi", "lulus"), ("fajar", "lulus"), ("agus", "tidak_lulus")):
        record_result(office.db, admin, done, people[name], 80 if result == "lulus" else 10,
                      result, reason="uji")  # fmt: skip
    finish_cohort(office.db, admin, done)
    cohorts.set_status(office.db, admin, running, "berjalan")
    set_status(office.db, admin, people["fajar"], "employed")
    return people


@pytest.fixture(scope="module")
def _built(_staffed_template, tmp_path_factory) -> tuple[Path, dict[str, Any], dict[str, str]]:
    from app.db import Database

    template, actors = _staffed_template
    home = tmp_path_factory.mktemp("vacancy-office")
    shutil.copyfile(template, home / "loket.db")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LOKET_HOME", str(home))
        clock = FakeClock()
        db = Database(home / "loket.db", clock=clock)
        try:
            people = _build(Office(db, home, actors, clock, {}))
        finally:
            db.dispose()
    return home / "loket.db", actors, people


@pytest.fixture
def office(_built, tmp_path, monkeypatch) -> Iterator[Office]:
    from app.db import Database

    built, actors, people = _built
    home = tmp_path / "loket-home"
    home.mkdir()
    monkeypatch.setenv("LOKET_HOME", str(home))
    shutil.copyfile(built, home / "loket.db")
    clock = FakeClock()
    db = Database(home / "loket.db", clock=clock)
    found = Office(db, home, actors, clock, dict(people))
    at(found, DAY)
    yield found
    db.dispose()


def vacancy(office: Office, position: str = "Juru Las", **over: Any) -> str:
    values = {
        "employer": "PT Baja Utama",
        "position": position,
        "region_code": "36.71",  # Kota Tangerang: nobody's regency or province
        "modules": "LAS",
        "contact": "HRD 0812-1111-2222",
        "closes_on": "2027-01-31",
        **over,
    }
    return add_vacancy(office.db, office.actors["counter"], values).id


def _writes(office: Office) -> tuple[int, ...]:
    return tuple(
        count(office.path, table) for table in ("vacancy", "referral", "audit_event", "outbox")
    )


# -- recording, closing, listing --------------------------------------------------------------


def test_add_vacancy_stores_the_checked_values_and_audits(office):
    row = add_vacancy(office.db, office.actors["counter"], {
        "employer": " PT  Baja Utama ", "position": "Juru Las", "region_code": "6471",
        "modules": "las | Garmen dan Menjahit", "contact": "HRD", "openings": "1.000",
        "npp": "1234 5678", "wage_min": "4.500.000", "wage_max": "4.500.000",
        "closes_on": "31/01/2027", "sector": "Manufaktur", "source": "Telepon",
    })  # fmt: skip
    assert (row.employer, row.region_code, row.modules, row.module_names) == (
        "PT Baja Utama", "64.71", ("LAS", "GARMEN"), (LAS, GARMEN),
    )  # fmt: skip
    assert row.region_name == "Kota Balikpapan, Kalimantan Timur"
    assert (row.openings, row.npp, row.wage_min, row.wage_max) == (1000, "12345678", 4_500_000,
                                                                  4_500_000)  # fmt: skip
    assert (row.closes_on, row.is_open, row.closed) == (date(2027, 1, 31), True, False)
    assert rows(office.path, "SELECT registered_by, modules FROM vacancy") == [
        ("loket.budi", "LAS GARMEN")
    ]
    assert rows(office.path, "SELECT entity_id FROM audit_event WHERE action='vacancy.add'") == [
        (row.id,)
    ]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"region_code": "99.99"}, "region_code"),
        ({"region_code": ""}, "region_code"),
        ({"modules": "LAS|Menyelam"}, "modules"),
        ({"modules": ""}, "modules"),
        ({"openings": "0"}, "openings"),
        ({"openings": "10001"}, "openings"),
        ({"wage_min": "5.000.000", "wage_max": "4.999.999"}, "wage_max"),
        ({"wage_min": "-1"}, "wage_min"),
        ({"closes_on": "31/02/2027"}, "closes_on"),
        ({"employer": '=HYPERLINK("http://x.example","klik")'}, "employer"),
        ({"employer": ""}, "employer"),
        ({"position": None}, "position"),
        ({"contact": "  "}, "contact"),
    ],
)
def test_a_refused_vacancy_names_its_field_and_writes_nothing(office, change, field):
    before = _writes(office)
    with pytest.raises(ValidationError) as refused:
        vacancy(office, **change)
    assert refused.value.field == field
    assert _writes(office) == before


def test_the_boundaries_of_a_vacancy_are_accepted(office):
    vacancy(office, "A", openings="1", wage_min="5.000.000", wage_max="5.000.000")
    vacancy(office, "B", openings="10000", closes_on=DAY.isoformat())  # closes today
    past = add_vacancy(office.db, office.actors["counter"], {
        "employer": "PT Lama", "position": "C", "region_code": "36.71", "modules": "LAS",
        "contact": "x", "closes_on": "09/12/2026",
    })  # fmt: skip  # a closing date already passed is only a warning: kept for the reports
    assert (past.is_open, past.closed) == (False, False)
    assert count(office.path, "vacancy") == 3


def test_closing_keeps_the_vacancy_for_the_reports_only(office):
    vid = vacancy(office)
    other = vacancy(office, "Juru Las Pipa")
    closed = close_vacancy(office.db, office.actors["counter"], vid)
    assert (closed.id, closed.closed, closed.is_open) == (vid, True, False)
    assert rows(office.path, "SELECT closed_by FROM vacancy WHERE id=?", vid) == [("loket.budi",)]
    assert [v.id for v in list_vacancies(office.db)] == [other]
    every = {v.id: (v.is_open, v.closed) for v in list_vacancies(office.db, include_closed=True)}
    assert every == {vid: (False, True), other: (True, False)}
    before = _writes(office)
    with pytest.raises(StateError):
        close_vacancy(office.db, office.actors["counter"], vid)
    assert _writes(office) == before
    assert count(office.path, "audit_event", "action='vacancy.close'") == 1


def test_the_short_id_the_list_shows_closes_that_vacancy(office):
    """The CLI shows a vacancy's id cut to 8 characters (short_id): that short id must name
    one vacancy, also when two were recorded within the same minute (an import writes many
    at once, and a UUIDv7 begins with its time)."""
    first = vacancy(office, "Juru Las")
    second = vacancy(office, "Juru Las Pipa")
    with pytest.raises(NotFound):
        close_vacancy(office.db, office.actors["counter"], first[-5:])  # too short to be sure
    closed = close_vacancy(office.db, office.actors["counter"], short_id(second))
    assert closed.id == second
    assert [v.id for v in list_vacancies(office.db)] == [first]


def test_the_list_is_open_ones_closing_soonest_then_by_employer_then_the_rest(office):
    a = vacancy(office, "Las", employer="PT B", closes_on="2027-01-31")
    b = vacancy(office, "Las", employer="PT Z", closes_on="2027-01-15")
    c = vacancy(office, "Las", employer="PT A", closes_on="")  # no closing date: last
    d = vacancy(office, "Las", employer="PT A", closes_on="2027-01-31")
    e = vacancy(office, "Las", employer="PT E", closes_on="2026-12-09")  # passed yesterday
    f = vacancy(office, "Las", employer="PT F", closes_on="2027-02-28")
    today = vacancy(office, "Las", employer="PT T", closes_on=DAY.isoformat())
    close_vacancy(office.db, office.actors["counter"], f)
    assert [v.id for v in list_vacancies(office.db)] == [today, b, d, a, c]
    assert [v.id for v in list_vacancies(office.db, include_closed=True)] == [
        today, b, d, a, c, e, f,
    ]  # fmt: skip
    # the list is of a day: tomorrow the one closing today has gone
    assert [v.id for v in list_vacancies(office.db, today=date(2026, 12, 11))] == [b, d, a, c]


# -- matching a person with vacancies ----------------------------------------------------------


def _ranked(office: Office, who: str, **kw: Any) -> list[tuple[str, int, tuple[str, ...]]]:
    found = matches_for_participant(office.db, office.people[who], **kw)
    return [(m.vacancy.position, m.score, m.reasons) for m in found]


def test_the_trained_module_beats_the_chosen_one(office):
    vacancy(office, "Las", modules="LAS")
    vacancy(office, "Jahit", modules="GARMEN")
    vacancy(office, "Forklift", modules="FORKLIFT")
    assert rows(office.path, "SELECT training_choice_1 FROM participant WHERE id=?",
                office.people["budi"]) == [("GARMEN",)]  # fmt: skip  # stored as its code
    assert _ranked(office, "budi") == [
        ("Las", 100, (f"Sesuai pelatihan yang diikuti: {LAS}",)),
        ("Jahit", 60, (f"Sesuai pilihan pelatihan: {GARMEN}",)),
    ]


@pytest.mark.parametrize(
    ("choice", "fits"),
    [("Garmen dan Menjahit", True), ("garmen  DAN menjahit", True), ("GARMEN", True),
     ("Menjahit", False), ("Garmen Menjahit", False), ("garmen", True)],
)  # fmt: skip
def test_a_choice_kept_as_a_name_or_a_code_counts(office, choice, fits):
    """A choice typed before the catalogue existed is kept as typed (issue #9)."""
    execute(office.path, "UPDATE participant SET training_choice_1=? WHERE id=?", choice,
            office.people["budi"])  # fmt: skip
    vacancy(office, "Jahit", modules="GARMEN")
    expected = [("Jahit", 60, (f"Sesuai pilihan pelatihan: {GARMEN}",))] if fits else []
    assert _ranked(office, "budi") == expected


def test_the_same_regency_ranks_above_the_province_above_elsewhere(office):
    # within a score, the one closing soonest first
    vacancy(office, "Tangerang", region_code="36.71")
    vacancy(office, "Jaksel", region_code="31.74", closes_on="2027-01-31")
    vacancy(office, "Jakpus", region_code="31.71", closes_on="2027-01-31")
    vacancy(office, "Gambir", region_code="31.71.01", closes_on="2027-01-30")
    vacancy(office, "DKI", region_code="31", closes_on="2027-01-30")
    found = _ranked(office, "budi")
    assert [(p, s) for p, s, _ in found] == [
        ("Gambir", 140), ("Jakpus", 140), ("DKI", 120), ("Jaksel", 120), ("Tangerang", 100),
    ]  # fmt: skip
    reasons = {p: r[1:] for p, _s, r in found}
    assert reasons["Jakpus"] == ("Di kabupaten/kota yang sama (Kota Administrasi Jakarta Pusat)",)
    assert reasons["Jaksel"] == ("Di provinsi yang sama (Daerah Khusus Ibukota Jakarta)",)
    assert reasons["Tangerang"] == ()


def test_the_ktp_region_counts_when_the_domicile_differs(office):
    """Eko lives in Balikpapan (64.71) and his KTP is from Gambir, Jakarta (317101...)."""
    vacancy(office, "Balikpapan", region_code="64.71", closes_on="2027-01-30")
    vacancy(office, "Jakpus", region_code="31.71")
    vacancy(office, "Jaksel", region_code="31.74", closes_on="2027-01-30")
    vacancy(office, "Samarinda", region_code="64.72")
    vacancy(office, "Mataram", region_code="52.71")
    assert [(p, s) for p, s, _ in _ranked(office, "eko")] == [
        ("Balikpapan", 100), ("Jakpus", 100), ("Jaksel", 80), ("Samarinda", 80), ("Mataram", 60),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("wage_max", "points"), [("5.200.000", 15), ("5.199.999", 0), ("", 0), ("9.000.000", 15)]
)
def test_the_wage_at_the_last_wage_fits_one_rupiah_less_does_not(office, wage_max, points):
    """Budi's last wage was Rp5.200.000."""
    vacancy(office, wage_max=wage_max)
    ((_p, score, reasons),) = _ranked(office, "budi")
    assert score == 100 + points
    wage = "Upah sesuai harapan (upah terakhir Rp5.200.000)"
    assert (wage in reasons) is bool(points)


def test_no_wage_points_without_a_last_wage(office):
    vacancy(office, wage_max="9.000.000")
    assert [s for _p, s, _r in _ranked(office, "eko")] == [60]  # chose welding, no last wage


def test_closed_and_past_vacancies_drop_out_the_closing_day_still_counts(office):
    vacancy(office, "Kemarin", closes_on="2026-12-09")
    vacancy(office, "Hari ini", closes_on=DAY.isoformat())
    vacancy(office, "Tanpa batas", closes_on="")
    close_vacancy(office.db, office.actors["counter"], vacancy(office, "Ditutup"))
    assert [p for p, _s, _r in _ranked(office, "budi")] == ["Hari ini", "Tanpa batas"]
    assert [p for p, _s, _r in _ranked(office, "budi", today=date(2026, 12, 11))] == ["Tanpa batas"]
    at(office, date(2026, 12, 9))  # the day before: yesterday's vacancy was still open
    assert [p for p, _s, _r in _ranked(office, "budi")] == ["Kemarin", "Hari ini", "Tanpa batas"]


def test_a_person_in_a_running_cohort_counts_as_trained(office):
    vacancy(office, "Las")
    assert _ranked(office, "gita") == [("Las", 100, (f"Sesuai pelatihan yang diikuti: {LAS}",))]


def test_failing_or_withdrawing_is_not_training(office):
    vacancy(office, "Las")
    assert _ranked(office, "agus") == []
    assert _ranked(office, "dewi") == []
    assert _ranked(office, "hana") == []


def test_the_limit_keeps_the_best(office):
    vacancy(office, "Jauh", region_code="36.71")
    vacancy(office, "Dekat", region_code="31.71")
    assert [p for p, _s, _r in _ranked(office, "budi", limit=1)] == ["Dekat"]
    with pytest.raises(NotFound):
        matches_for_participant(office.db, "tidak-ada")


# -- matching a vacancy with people ------------------------------------------------------------


def test_a_vacancy_fits_graduates_and_people_in_training_of_its_module(office):
    """Not Fajar (works again), not Eko (only chose it), not Agus (failed), not Dewi
    (withdrew), not Hana."""
    vid = vacancy(office, region_code="31.71")
    row, people = matches_for_vacancy(office.db, vid)
    assert row.id == vid
    assert [(p.name, p.score) for p in people] == [("Budi Santoso", 140), ("Gita Permata", 140)]
    budi = people[0]
    assert budi.reasons[0] == f"Sesuai pelatihan yang diikuti: {LAS}"
    assert budi.nik_masked.count("*") == 8 and budi.referred_on is None
    garment = vacancy(office, "Jahit", modules="GARMEN")
    assert matches_for_vacancy(office.db, garment)[1] == []  # Budi only chose garment


def test_a_closed_vacancy_fits_nobody(office):
    vid = vacancy(office)
    close_vacancy(office.db, office.actors["counter"], vid)
    assert matches_for_vacancy(office.db, vid)[1] == []


# -- referrals and hires -----------------------------------------------------------------------


def test_referring_twice_is_one_record_with_the_first_date(office):
    vid = vacancy(office)
    clerk = office.actors["counter"]
    first = refer(office.db, clerk, office.people["budi"], vid)
    assert (first.referred_on, first.referred_by, first.hired) == (DAY, "loket.budi", None)
    at(office, date(2026, 12, 11))
    again = refer(office.db, office.actors["supervisor"], office.people["budi"], vid)
    assert (again.id, again.referred_on, again.referred_by) == (first.id, DAY, "loket.budi")
    assert count(office.path, "referral") == 1
    assert count(office.path, "audit_event", "action='vacancy.refer'") == 1
    (match,) = matches_for_participant(office.db, office.people["budi"])
    assert (match.referred_on, match.hired) == (DAY, None)
    assert [(v.referred, v.hired) for v in list_vacancies(office.db)] == [(1, 0)]


def test_a_closed_or_past_vacancy_cannot_be_referred_to(office):
    closed = vacancy(office, "Ditutup")
    close_vacancy(office.db, office.actors["counter"], closed)
    past = vacancy(office, "Lewat", closes_on="2026-12-09")
    before = _writes(office)
    for vid in (closed, past):
        with pytest.raises(StateError):
            refer(office.db, office.actors["counter"], office.people["budi"], vid)
    assert _writes(office) == before
    today = vacancy(office, "Hari ini", closes_on=DAY.isoformat())
    done = refer(office.db, office.actors["counter"], office.people["budi"], today)
    assert done.referred_on == DAY


def test_a_hire_needs_a_referral(office):
    vid = vacancy(office)
    before = _writes(office)
    with pytest.raises(StateError) as refused:
        record_hire(office.db, office.actors["counter"], office.people["budi"], vid, True)
    assert "Budi Santoso belum dirujuk" in refused.value.message("id")
    assert _writes(office) == before


@pytest.mark.parametrize(
    ("hired_on", "field"),
    [(date(2026, 12, 9), "hired_on"), (date(2026, 12, 13), "hired_on"),
     (date(2026, 12, 10), None), (date(2026, 12, 12), None)],
)  # fmt: skip
def test_the_hiring_date_lies_between_the_referral_and_today(office, hired_on, field):
    """Referred on the 10th, recorded on the 12th."""
    vid = vacancy(office)
    refer(office.db, office.actors["counter"], office.people["budi"], vid)
    at(office, date(2026, 12, 12))
    if field is None:
        out = record_hire(office.db, office.actors["counter"], office.people["budi"], vid, True,
                          hired_on)  # fmt: skip
        assert (out.hired, out.hired_on) == (True, hired_on)
        return
    before = _writes(office)
    with pytest.raises(ValidationError) as refused:
        record_hire(office.db, office.actors["counter"], office.people["budi"], vid, True, hired_on)
    assert refused.value.field == field
    assert _writes(office) == before
    assert rows(office.path, "SELECT hired, hired_on FROM referral") == [(None, None)]


def test_not_hired_clears_the_date_and_referrals_of_lists_newest_first(office):
    clerk = office.actors["counter"]
    budi = office.people["budi"]
    first = vacancy(office, "Las")
    refer(office.db, clerk, budi, first)
    hired = record_hire(office.db, clerk, budi, first, True)  # today by default
    assert (hired.hired, hired.hired_on) == (True, DAY)
    at(office, date(2026, 12, 11))
    second = vacancy(office, "Las Pipa")
    refer(office.db, clerk, budi, second)
    not_hired = record_hire(office.db, clerk, budi, first, False, date(2026, 12, 10))
    assert (not_hired.hired, not_hired.hired_on) == (False, None)
    assert rows(office.path, "SELECT hired, hired_on, outcome_by FROM referral WHERE vacancy_id=?",
                first) == [(0, None, "loket.budi")]  # fmt: skip
    assert [(r.position, r.referred_on, r.hired) for r in referrals_of(office.db, budi)] == [
        ("Las Pipa", date(2026, 12, 11), None),
        ("Las", DAY, False),
    ]
    assert referrals_of(office.db, office.people["gita"]) == []
    assert count(office.path, "audit_event", "action='vacancy.hire'") == 2
