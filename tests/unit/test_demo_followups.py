"""The demo office's follow-ups, vacancies and referrals (app.services.demo_followups,
issue #13 item 8), read through the services the Pemantauan page and the CLI use.

The demo is filled once for the module (on the test clock, Monday 2 November 2026) and
read by each test; two more demos on another day check the dates hold on any day and
that the same seed gives the same rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.domain import followups as rules
from app.services.actor import cli_actor
from app.services.demo import fill_demo
from app.services.demo_earlier_cohorts import six_months_back, three_months_back
from app.services.demo_followup_data import OPENINGS
from tests.conftest import ADMIN_PASSWORD, FakeClock
from tests.unit.helpers import rows


@dataclass(frozen=True)
class Demo:
    db: Any
    today: date

    @property
    def path(self) -> Path:
        return self.db.path  # type: ignore[no-any-return]


def _demo(home: Path, start: datetime, seed: int = 7) -> Any:
    from app.db import Database, upgrade
    from app.services.office import initialise

    path = home / "loket.db"
    upgrade(path, home / "backups")
    db = Database(path, clock=FakeClock(start))
    initialise(
        db,
        office_code="JKT",
        device_no=1,
        admin_username="admin",
        admin_full_name="Admin Kantor",
        admin_password=ADMIN_PASSWORD,
        actor_label="cli:test",
    )
    fill_demo(db, cli_actor("JKT"), seed=seed)
    return db


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    home = tmp_path_factory.mktemp("demo-followups")
    start = FakeClock().now
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LOKET_HOME", str(home))
        db = _demo(home, start)
        yield Demo(db, start.astimezone().date())
        db.dispose()


def _vacancies(demo: Demo) -> list[tuple[Any, ...]]:
    return rows(
        demo.path,
        "SELECT id, region_code, modules, closes_on, closed_at, npp, contact, source, "
        "openings, wage_min, wage_max FROM vacancy",
    )


def _trained(demo: Demo) -> set[str]:
    """Modules anybody passed in a finished cohort or is enrolled in now."""
    found = rows(
        demo.path,
        "SELECT DISTINCT c.module_code FROM enrollment e JOIN cohort c ON c.id = e.cohort_id "
        "WHERE e.status = 'enrolled' AND (c.status IN ('direncanakan', 'berjalan') "
        "OR (c.status = 'selesai' AND e.result = 'lulus'))",
    )
    return {str(m) for (m,) in found}


def test_vacancies_across_the_five_areas_open_past_and_closed(demo):
    found = _vacancies(demo)
    assert 25 <= len(found) <= 40 and len(found) == len(OPENINGS)
    assert {str(v[1])[:2] for v in found} == {"31", "36", "32", "52", "64"}
    today = demo.today.isoformat()
    closed = [v for v in found if v[4] is not None]
    past = [v for v in found if v[4] is None and str(v[3]) < today]
    open_ = [v for v in found if v[4] is None and str(v[3]) >= today]
    assert 2 <= len(closed) <= 3 and len(past) >= 2 and len(open_) >= 20
    assert sum(1 for v in found if v[5] and len(str(v[5])) == 8) > len(found) / 2
    assert all(v[6] and v[7] in ("Bursa kerja", "Surat perusahaan", "Telepon HRD", "SIAPkerja")
               for v in found)  # fmt: skip
    assert all(1 <= int(v[8]) <= 20 and 0 < int(v[9]) <= int(v[10]) for v in found)
    soon = [v for v in open_ if str(v[3]) <= (demo.today + timedelta(days=45)).isoformat()]
    assert len(soon) == len(open_)  # closing in the coming weeks


def test_some_open_vacancies_fit_graduates_and_some_want_what_nobody_trained_in(demo):
    from app.services.vacancies import list_vacancies

    trained = _trained(demo)
    listed = list_vacancies(demo.db, today=demo.today)
    assert listed and all(v.is_open for v in listed)
    fitting = [v for v in listed if set(v.modules) & trained]
    unmet = [v for v in listed if not set(v.modules) & trained]
    assert len(fitting) >= 10 and len(unmet) >= 3
    assert {m for v in unmet for m in v.modules} >= {"JASA-KOM", "PERKEBUNAN"}
    everything = list_vacancies(demo.db, include_closed=True, today=demo.today)
    assert sum(v.closed for v in everything) >= 2
    assert sum(not v.is_open and not v.closed for v in everything) >= 2


def _followups(demo: Demo) -> list[tuple[Any, ...]]:
    return rows(
        demo.path,
        "SELECT f.participant_id, f.milestone, f.due_on, f.outcome, f.employer, f.npp, "
        "f.position, f.started_on, f.wage, f.formal, f.business_type, f.attempts, f.called_at, "
        "p.status, e.status, c.office_code, f.cohort_id "
        "FROM follow_up f JOIN participant p ON p.id = f.participant_id "
        "JOIN enrollment e ON e.id = f.enrollment_id JOIN cohort c ON c.id = f.cohort_id",
    )


def test_every_outcome_kind_with_its_details_and_the_status_that_follows(demo):
    found = _followups(demo)
    kinds = Counter(str(f[3]) for f in found)
    assert set(kinds) == {o.value for o in rules.Outcome}
    latest: dict[str, tuple[str, str]] = {}
    for f in sorted(found, key=lambda f: str(f[12])):
        latest[str(f[0])] = (str(f[3]), str(f[13]))
        assert f[15] == "JKT" and str(f[12]) <= f"{demo.today} 02:00"  # not after the demo
        called = str(f[12])[:10]
        assert called >= str(f[2]) or called >= str(rules.week_of(demo.today)[0])
        if f[3] == "working":
            assert f[4] and f[6] and f[7] and str(f[7]) <= called and int(f[8]) > 0
            assert f[9] in (0, 1) and (f[5] is None) == (f[9] == 0)  # formal work has an NPP
        if f[3] == "self_employed":
            assert f[10]
        if f[3] == "unreachable":
            assert 2 <= int(f[11]) <= 3
    assert any(f[3] == "working" and f[9] == 1 for f in found)
    assert any(f[3] == "working" and f[9] == 0 for f in found)
    for pid, (outcome, status) in latest.items():
        ((enrolment,),) = rows(demo.path, "SELECT status FROM enrollment WHERE participant_id=?",
                               pid)  # fmt: skip
        if enrolment == "withdrawn":
            assert status == "withdrawn" and outcome != "working"
        else:
            assert status == ("employed" if outcome == "working" else "completed"), pid
    assert Counter(s for _o, s in latest.values())["employed"] >= 3
    # someone found work and lost it again: back to "completed"
    by_person: dict[str, list[str]] = {}
    for f in sorted(found, key=lambda f: int(f[1])):
        by_person.setdefault(str(f[0]), []).append(str(f[3]))
    assert any("working" in o[:-1] and o[-1] != "working" for o in by_person.values())
    # one employer, one NPP
    npps: dict[str, set[str]] = {}
    for f in found:
        if f[5]:
            npps.setdefault(str(f[4]), set()).add(str(f[5]))
    assert all(len(n) == 1 for n in npps.values())


def test_the_call_list_has_overdue_calls_and_calls_due_this_week(demo):
    from app.services.followups import due

    found = due(demo.db, demo.today)
    urgency = Counter(r.urgency for r in found)
    assert (
        urgency["overdue"] >= 3
        and urgency["this_week"] >= 3
        and set(urgency)
        <= {
            "overdue",
            "this_week",
        }
    )
    assert {r.milestone for r in found} >= {1, 3, 6}
    assert any(r.withdrawn for r in found) and all(r.phone for r in found)
    done = {(str(f[0]), int(f[1])) for f in _followups(demo)}
    assert not done & {(r.participant_id, r.milestone) for r in found}


def test_finished_cohorts_long_ago_agree_with_the_rule_and_their_people(demo):
    from app.services.cohort_lists import cohort_detail, list_cohorts

    earlier = [
        c
        for c in list_cohorts(demo.db)
        if c.office_code == "JKT"
        and c.status == "selesai"
        and c.end_date < demo.today - timedelta(days=60)
    ]
    ends = sorted((demo.today - c.end_date).days for c in earlier)
    assert len(earlier) == 2 and 80 <= ends[0] <= 100 and ends[1] >= 190
    for c in earlier:
        d = cohort_detail(demo.db, c.id)
        states = Counter((e.status, e.result) for e in d.enrolments)
        assert states[("withdrawn", None)] == 1 and states[("enrolled", "tidak_lulus")] == 1
        assert states[("enrolled", "lulus")] >= 8
        assert all(e.contradiction is None for e in d.enrolments)
        assert all(s.locked for s in d.sessions)
        registered = rows(
            demo.path,
            "SELECT min(p.registered_at) FROM participant p JOIN enrollment e "
            "ON e.participant_id = p.id WHERE e.cohort_id = ?",
            c.id,
        )[0][0]
        assert str(registered)[:10] < c.start_date.isoformat()


def test_referrals_hired_not_hired_and_waiting(demo):
    found = rows(
        demo.path,
        "SELECT r.participant_id, r.vacancy_id, r.referred_on, r.hired, r.hired_on, v.employer, "
        "v.npp, v.modules, v.closes_on FROM referral r JOIN vacancy v ON v.id = r.vacancy_id",
    )
    assert len(found) >= 4
    assert Counter(r[3] for r in found) >= Counter({1: 1, 0: 1, None: 2})
    for r in found:
        assert str(r[2]) <= demo.today.isoformat() and str(r[8]) >= str(r[2])
    ((pid, _vid, referred, _h, hired_on, employer, npp, _m, _c),) = [r for r in found if r[3]]
    assert str(referred) < str(hired_on) <= demo.today.isoformat()
    job = rows(
        demo.path,
        "SELECT employer, npp, started_on FROM follow_up WHERE participant_id = ? "
        "AND outcome = 'working'",
        pid,
    )
    assert (employer, npp, hired_on) in job  # the next call found them working there


def test_matching_supply_and_demand_and_rates_have_something_to_show(demo):
    from app.services.followup_rates import followup_rates
    from app.services.supply_demand import supply_demand
    from app.services.vacancy_matching import matches_for_participant

    graduates = rows(
        demo.path,
        "SELECT DISTINCT e.participant_id FROM enrollment e JOIN cohort c ON c.id = e.cohort_id "
        "JOIN participant p ON p.id = e.participant_id WHERE c.office_code = 'JKT' "
        "AND c.status = 'selesai' AND e.result = 'lulus' AND p.status = 'completed'",
    )
    matched = [
        m for (pid,) in graduates for m in matches_for_participant(demo.db, str(pid), demo.today)
    ]
    assert matched and any("Sesuai pelatihan" in m.reasons[0] for m in matched)
    assert any(m.referred_on is not None for m in matched)
    table = supply_demand(demo.db, demo.today)
    assert any(r.openings > 0 and r.looking > 0 for r in table.rows)
    assert any(r.openings > 0 and r.in_training == 0 and r.looking == 0 for r in table.rows)
    assert table.looking > 0 and table.openings > 0
    by_module = followup_rates(demo.db, "module", demo.today)
    assert any(r.reached > 0 and r.working > 0 for r in by_module)
    assert {r.milestone for r in by_module} == {1, 3, 6}
    assert any(r.open > 0 for r in by_module) and any(r.unreachable > 0 for r in by_module)


def test_the_earlier_cohorts_dates_fit_any_day():
    """Whatever the day, the 3-month cohort's calls fall in that week and the 6-month
    cohort's are overdue."""
    day = date(2026, 1, 1)
    while day < date(2029, 1, 1):
        monday, sunday = rules.week_of(day)
        end = three_months_back(day)
        assert end.weekday() < 5 and monday <= rules.add_months(end, 3) <= sunday, day
        six = six_months_back(day)
        assert six.weekday() == 4 and rules.add_months(six, 6) < monday, day
        day += timedelta(days=1)


def test_same_seed_same_rows_on_another_day(tmp_path, monkeypatch):
    """On a Sunday at a month's end the call list still has both kinds of rows; the same
    seed gives the same vacancies, calls and referrals."""
    from app.services.followups import due

    start = datetime(2027, 5, 30, 3, 0, tzinfo=UTC)  # a Sunday
    tables = []
    for name in ("a", "b"):
        home = tmp_path / name
        home.mkdir()
        monkeypatch.setenv("LOKET_HOME", str(home))
        db = _demo(home, start, seed=11)
        try:
            urgency = Counter(r.urgency for r in due(db, start.date()))
            assert urgency["overdue"] >= 3 and urgency["this_week"] >= 3
        finally:
            db.dispose()
        tables.append(
            rows(
                home / "loket.db", "SELECT employer, position, closes_on FROM vacancy ORDER BY 1, 2"
            )
            + rows(
                home / "loket.db",
                "SELECT p.nik, f.milestone, f.outcome, f.employer, f.wage, f.called_at "
                "FROM follow_up f JOIN participant p ON p.id = f.participant_id ORDER BY 1, 2",
            )
            + rows(
                home / "loket.db",
                "SELECT p.nik, v.employer, r.referred_on, r.hired FROM referral r "
                "JOIN participant p ON p.id = r.participant_id "
                "JOIN vacancy v ON v.id = r.vacancy_id ORDER BY 1, 2",
            )
        )
    assert tables[0] == tables[1]
