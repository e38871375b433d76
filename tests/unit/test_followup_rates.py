"""Re-employment and self-employment rates per cohort, provider and module
(app.services.followup_rates, issue #13 item 5), against counts computed independently
here by SQL over the follow_up, enrollment and cohort tables, and against numbers worked
out by hand from the calls recorded.

Three finished cohorts, built once per module through the real services:
- C1, welding at provider A, 7-8/12/2026: p1-p4 passed, p5 failed (never followed up),
  p6 withdrew. Due 8/1, 8/3 and 8/6/2027.
- C2, garment at provider B, 14-15/12/2026: p7-p9 passed. Due 15/1, 15/3, 15/6/2027.
- C3, garment at provider A, 21-22/12/2026: p10, p11 passed. Due 22/1, 22/3, 22/6/2027.
Calls: 6/1 p1 working (two days before it is due); 8/1 p2 self-employed, p3 unreachable,
p6 looking; 15/1 p7 working, p8 looking; 22/1 p10 education; 8/3 p1 looking (month 3),
p3 working (month 3), p4 education (his month 1, still open); 10/3 p2 self-employed
(month 3).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from app.services.followup_rates import followup_rates
from tests.conftest import FakeClock
from tests.unit.cohort_support import at, cohort, fit_provider, person
from tests.unit.helpers import rows

END = date(2027, 3, 10)  # the day the rates are read at the end


@dataclass
class Office:
    db: Any
    home: Path
    actors: dict[str, Any]
    clock: FakeClock
    people: dict[str, str]
    cohorts: dict[str, str]
    providers: dict[str, str]

    @property
    def path(self) -> Path:
        return Path(self.db.path)


def _finish(office: Office, cid: str, days: list[date], passed: list[str], failed=(),
            withdrawn=()) -> None:  # fmt: skip
    from app.services.attendance import all_present
    from app.services.cohort_results import finish_cohort, record_result
    from app.services.enrolment import withdraw

    admin = office.actors["admin"]
    for day in days:
        at(office, day)
        all_present(office.db, admin, cid, day)
    for pid in withdrawn:
        withdraw(office.db, admin, cid, pid, "pindah kota")
    at(office, date.fromordinal(days[-1].toordinal() + 1))
    for pid in passed:
        record_result(office.db, admin, cid, pid, 80, "lulus", reason="uji")
    for pid in failed:
        record_result(office.db, admin, cid, pid, 10, "tidak_lulus", reason="uji")
    finish_cohort(office.db, admin, cid)


def _build(office: Office) -> None:
    from app.services.enrolment import enrol
    from app.services.followups import Call, record

    admin, clerk = office.actors["admin"], office.actors["counter"]
    a = fit_provider(office, name="BLK Jakarta Timur")
    b = fit_provider(office, name="LPK Maju Jaya")
    office.providers.update(A=a, B=b)
    p = {f"p{n}": person(office, n) for n in range(1, 12)}
    office.people.update(p)
    c1 = cohort(office, a, start=date(2026, 12, 7), end=date(2026, 12, 8))
    c2 = cohort(office, b, start=date(2026, 12, 14), end=date(2026, 12, 15), module_code="GARMEN")
    c3 = cohort(office, a, start=date(2026, 12, 21), end=date(2026, 12, 22), module_code="GARMEN")
    office.cohorts.update(C1=c1, C2=c2, C3=c3)
    enrol(office.db, admin, c1, [p[f"p{n}"] for n in range(1, 7)])
    enrol(office.db, admin, c2, [p["p7"], p["p8"], p["p9"]])
    enrol(office.db, admin, c3, [p["p10"], p["p11"]])
    _finish(
        office,
        c1,
        [date(2026, 12, 7), date(2026, 12, 8)],
        [p["p1"], p["p2"], p["p3"], p["p4"]],
        failed=[p["p5"]],
        withdrawn=[p["p6"]],
    )
    _finish(office, c2, [date(2026, 12, 14), date(2026, 12, 15)], [p["p7"], p["p8"], p["p9"]])
    _finish(office, c3, [date(2026, 12, 21), date(2026, 12, 22)], [p["p10"], p["p11"]])
    calls = [
        (date(2027, 1, 6), "p1", Call("working", employer="PT Baja", wage=5_000_000)),
        (date(2027, 1, 8), "p2", Call("self_employed", business_type="Bengkel las")),
        (date(2027, 1, 8), "p3", Call("unreachable", attempts=3)),
        (date(2027, 1, 8), "p6", Call("looking")),
        (date(2027, 1, 15), "p7", Call("working", employer="PT Konveksi")),
        (date(2027, 1, 15), "p8", Call("looking")),
        (date(2027, 1, 22), "p10", Call("education")),
        (date(2027, 3, 8), "p1", Call("looking")),
        (date(2027, 3, 8), "p3", Call("working", employer="PT Baja")),
        (date(2027, 3, 8), "p4", Call("education")),
        (date(2027, 3, 10), "p2", Call("self_employed", business_type="Bengkel las")),
    ]  # fmt: skip
    for day, who, call in calls:
        at(office, day)
        record(office.db, clerk, p[who], call)  # fmt: skip


@pytest.fixture(scope="module")
def _built(_staffed_template, tmp_path_factory) -> tuple[Path, Office]:
    from app.db import Database

    template, actors = _staffed_template
    home = tmp_path_factory.mktemp("rates-office")
    shutil.copyfile(template, home / "loket.db")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LOKET_HOME", str(home))
        clock = FakeClock()
        db = Database(home / "loket.db", clock=clock)
        built = Office(db, home, actors, clock, {}, {}, {})
        try:
            _build(built)
        finally:
            db.dispose()
    return home / "loket.db", built


@pytest.fixture
def office(_built, tmp_path, monkeypatch) -> Iterator[Office]:
    from app.db import Database

    path, built = _built
    home = tmp_path / "loket-home"
    home.mkdir()
    monkeypatch.setenv("LOKET_HOME", str(home))
    shutil.copyfile(path, home / "loket.db")
    clock = FakeClock()
    db = Database(home / "loket.db", clock=clock)
    found = Office(db, home, built.actors, clock, built.people, built.cohorts, built.providers)
    at(found, END)
    yield found
    db.dispose()


# -- the independent count ---------------------------------------------------------------------

GROUP_COLUMN = {"cohort": "c.code", "provider": "c.provider_id", "module": "c.module_code"}


def counted_by_sql(path: Path, group: str, today: date) -> dict[tuple[str, int], tuple[int, ...]]:
    """(group key, milestone) -> (reached, unreachable, open, working, self_employed): every
    graduate or withdrawn person of a finished cohort, at each milestone due by `today`
    (SQLite's own month arithmetic; no cohort here ends past the 28th) or already called."""
    found = rows(
        path,
        f"""
        WITH m(milestone) AS (VALUES (1), (3), (6)),
        followed AS (
            SELECT e.id AS eid, {GROUP_COLUMN[group]} AS key, c.end_date AS end_date
            FROM enrollment e JOIN cohort c ON c.id = e.cohort_id
            WHERE c.status = 'selesai' AND c.deleted_at IS NULL AND e.deleted_at IS NULL
              AND ((e.status = 'enrolled' AND e.result = 'lulus') OR e.status = 'withdrawn')
        ),
        slot AS (
            SELECT f.key, m.milestone, fu.outcome
            FROM followed f CROSS JOIN m
            LEFT JOIN follow_up fu ON fu.enrollment_id = f.eid AND fu.milestone = m.milestone
                 AND fu.deleted_at IS NULL
            WHERE date(f.end_date, '+' || m.milestone || ' months') <= ?
               OR fu.outcome IS NOT NULL
        )
        SELECT key, milestone,
               SUM(CASE WHEN outcome IS NOT NULL AND outcome <> 'unreachable' THEN 1 ELSE 0 END),
               SUM(CASE WHEN outcome = 'unreachable' THEN 1 ELSE 0 END),
               SUM(CASE WHEN outcome IS NULL THEN 1 ELSE 0 END),
               SUM(CASE WHEN outcome = 'working' THEN 1 ELSE 0 END),
               SUM(CASE WHEN outcome = 'self_employed' THEN 1 ELSE 0 END)
        FROM slot GROUP BY key, milestone
        """,
        today.isoformat(),
    )
    return {(str(key), int(m)): tuple(int(n) for n in counts) for key, m, *counts in found}


def counted_by_service(office: Office, group: str, today: date) -> dict[tuple[str, int], tuple]:
    return {
        (r.key, r.milestone): (r.reached, r.unreachable, r.open, r.working, r.self_employed)
        for r in followup_rates(office.db, group, today=today)
    }


def _code(office: Office, name: str) -> str:
    ((code,),) = rows(office.path, "SELECT code FROM cohort WHERE id=?", office.cohorts[name])
    return str(code)


# -- the tests ---------------------------------------------------------------------------------


@pytest.mark.parametrize("group", ["cohort", "provider", "module"])
@pytest.mark.parametrize(
    "today",
    [date(2027, 1, 6), date(2027, 1, 7), date(2027, 1, 8), date(2027, 1, 22), date(2027, 3, 7),
     date(2027, 3, 8), END, date(2027, 6, 8), date(2027, 6, 22)],
)  # fmt: skip
def test_the_rates_are_the_counts_made_by_sql(office, group, today):
    service = counted_by_service(office, group, today)
    assert service == counted_by_sql(office.path, group, today)
    assert service  # something is counted on every one of these days


def test_the_cohort_rates_worked_out_by_hand(office):
    c1, c2, c3 = (_code(office, n) for n in ("C1", "C2", "C3"))
    # (reached, unreachable, open, working, self_employed)
    assert counted_by_service(office, "cohort", END) == {
        (c1, 1): (4, 1, 0, 1, 1),  # p1 working, p2 own business, p4 school, p6 looking; p3 not
        (c1, 3): (3, 0, 2, 1, 1),  # p1 looking, p2 own business, p3 working; p4 and p6 open
        (c2, 1): (2, 0, 1, 1, 0),  # p7 working, p8 looking; p9 open
        (c3, 1): (1, 0, 1, 0, 0),  # p10 school; p11 open
        # C2's month 3 falls on 15 March and C3's on 22 March: neither open nor done yet
    }
    rates = {(r.key, r.milestone): r for r in followup_rates(office.db, "cohort", today=END)}
    assert rates[(c1, 1)].working_rate == Fraction(1, 4)  # the unreachable one is not a failure
    assert rates[(c1, 1)].self_employed_rate == Fraction(1, 4)
    assert rates[(c1, 3)].working_rate == Fraction(1, 3)
    assert rates[(c3, 1)].working_rate == 0


def test_provider_and_module_rates_add_their_cohorts_up(office):
    a, b = office.providers["A"], office.providers["B"]
    assert counted_by_service(office, "provider", END) == {
        (a, 1): (5, 1, 1, 1, 1),  # C1 and C3
        (a, 3): (3, 0, 2, 1, 1),
        (b, 1): (2, 0, 1, 1, 0),
    }
    assert counted_by_service(office, "module", END) == {
        ("LAS", 1): (4, 1, 0, 1, 1),
        ("LAS", 3): (3, 0, 2, 1, 1),
        ("GARMEN", 1): (3, 0, 2, 1, 0),  # C2 and C3
    }
    labels = {r.key: r.label for r in followup_rates(office.db, "provider", today=END)}
    assert labels == {a: "BLK Jakarta Timur", b: "LPK Maju Jaya"}
    by_module = followup_rates(office.db, "module", today=END)
    assert [(r.label, r.milestone) for r in by_module] == [
        ("Garmen dan Menjahit", 1), ("Juru Las (SMAW)", 1), ("Juru Las (SMAW)", 3),
    ]  # fmt: skip


def test_a_milestone_not_due_yet_is_neither_open_nor_done(office):
    c1 = _code(office, "C1")
    # read on 6 January, before anyone of C1 is due: what was called counts (whenever the
    # call was), what was not is not counted at all
    assert counted_by_service(office, "cohort", date(2027, 1, 6)) == {
        (c1, 1): (4, 1, 0, 1, 1),  # the calls of the 8th count as done, whenever read
        (_code(office, "C2"), 1): (2, 0, 0, 1, 0),  # p9 is not due until the 15th
        (_code(office, "C3"), 1): (1, 0, 0, 0, 0),  # p11 not until the 22nd
        (c1, 3): (3, 0, 0, 1, 1),  # done in March; p4 and p6 not due until 8 March
    }
    # on the day a follow-up falls due it is open
    assert counted_by_service(office, "cohort", date(2027, 3, 7))[(c1, 3)] == (3, 0, 0, 1, 1)
    assert counted_by_service(office, "cohort", date(2027, 3, 8))[(c1, 3)] == (3, 0, 2, 1, 1)
    six = counted_by_service(office, "cohort", date(2027, 6, 8))
    assert six[(c1, 6)] == (0, 0, 5, 0, 0)
    assert (_code(office, "C2"), 6) not in six


def test_an_unreachable_person_is_not_in_the_denominator(office):
    (row,) = [
        r
        for r in followup_rates(office.db, "cohort", today=END)
        if (r.key, r.milestone) == (_code(office, "C1"), 1)
    ]
    assert (row.reached, row.unreachable) == (4, 1)
    assert row.working_rate == Fraction(row.working, 4) != Fraction(row.working, 5)


def test_an_unknown_group_is_refused(office):
    with pytest.raises(ValueError):
        followup_rates(office.db, "office")
