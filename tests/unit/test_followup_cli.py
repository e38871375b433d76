"""`loket followups due|record` through real subprocesses (issue #13 item 6). The commands
run on the real clock, so the cohort ended 31 days ago: its first follow-up fell due in the
last few days, whatever today is. Budi and Dewi passed, Siti did not."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.domain.followups import add_months
from tests.unit.cohort_support import cohort, fit_provider, person
from tests.unit.helpers import rows
from tests.unit.test_cli import loket

TODAY = date.today()
END = TODAY - timedelta(days=31)
DAYS = [END - timedelta(days=1), END]
EVERY_DAY = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
NIK = {"Budi Santoso": "", "Dewi Lestari": ""}


@pytest.fixture
def home(staffed) -> Path:
    from app.services import enrolment
    from app.services.attendance import all_present
    from app.services.cohort_results import finish_cohort, record_result
    from tests.unit.cohort_support import at

    pid = fit_provider(staffed, on=TODAY - timedelta(days=90))
    names = ("Budi Santoso", "Siti Aminah", "Dewi Lestari")
    people = [person(staffed, n, name) for n, name in enumerate(names, start=1)]
    cid = cohort(staffed, pid, start=DAYS[0], end=DAYS[-1], pattern=EVERY_DAY)
    clerk = staffed.actors["counter"]
    enrolment.enrol(staffed.db, clerk, cid, people)
    for day in DAYS:
        at(staffed, day)
        all_present(staffed.db, clerk, cid, day)
    staffed.clock.now = datetime.now(UTC)
    for who, result in zip(people, ("lulus", "tidak_lulus", "lulus"), strict=True):
        record_result(staffed.db, clerk, cid, who, 85 if result == "lulus" else 40, result)
    finish_cohort(staffed.db, staffed.actors["supervisor"], cid)
    return Path(staffed.home)


def _nik(home: Path, name: str) -> str:
    ((nik,),) = rows(home / "loket.db", "SELECT nik FROM participant WHERE full_name=?", name)
    return str(nik)


def _json(result: Any) -> Any:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return json.loads(result.stdout)


def test_due_lists_the_graduates_whose_call_is_due(home):
    found = _json(loket(home, "followups", "due", "--json"))["due"]
    assert sorted(r["name"] for r in found) == ["Budi Santoso", "Dewi Lestari"]
    assert {(r["milestone"], r["due_on"]) for r in found} == {(1, add_months(END, 1).isoformat())}
    assert all(r["nik"].count("*") == 8 for r in found)  # masked
    later = _json(
        loket(home, "followups", "due", "--until", add_months(END, 6).isoformat(), "--json")
    )
    assert sorted({r["milestone"] for r in later["due"]}) == [1, 3, 6]
    text = loket(home, "followups", "due")
    assert text.returncode == 0 and "Budi Santoso" in text.stdout
    assert "2 pemantauan jatuh tempo" in text.stdout


def test_record_closes_the_follow_up_and_the_person_is_employed(home):
    nik = _nik(home, "Budi Santoso")
    out = _json(loket(home, "followups", "record", nik, "--outcome", "working",
                      "--employer", "PT Baja Utama", "--wage", "5.100.000", "--formal", "ya",
                      "--json"))  # fmt: skip
    assert (out["milestone"], out["outcome"], out["status"]) == (1, "working", "employed")
    left = _json(loket(home, "followups", "due", "--json"))["due"]
    assert [r["name"] for r in left] == ["Dewi Lestari"]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--outcome", "working"], "Wajib diisi"),  # no employer
        (["--outcome", "unreachable", "--attempts", "0"], "1–10"),
        (["--outcome", "working", "--employer", "PT A", "--wage", "lima juta"], "lima juta"),
        (["--outcome", "working", "--employer", "PT A", "--start", "32/13/2026"], "32/13/2026"),
    ],
)
def test_a_refused_record_says_why_and_writes_nothing(home, args, says):
    result = loket(home, "followups", "record", _nik(home, "Dewi Lestari"), *args)
    assert result.returncode == 1 and "Traceback" not in result.stderr + result.stdout
    assert result.stderr.startswith("loket: ") and says in result.stderr, result.stderr
    assert rows(home / "loket.db", "SELECT count(*) FROM follow_up") == [(0,)]


def test_someone_who_did_not_pass_has_nothing_to_record(home):
    result = loket(home, "followups", "record", _nik(home, "Siti Aminah"), "--outcome", "looking")
    assert result.returncode == 1 and "tidak memiliki pemantauan" in result.stderr


def test_a_reader_that_stops_early_gets_no_traceback(home):
    """`loket … | head`: the reader is gone before anything is written (`true` reads
    nothing and exits long before Python has started)."""
    import subprocess
    import sys

    env = {"LOKET_HOME": str(home), "PATH": "/usr/bin:/bin"}
    script = f"{sys.executable} -m app.cli followups due --until 2100-01-01 | true"
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env,
                          cwd=Path(__file__).parents[2], timeout=120)  # fmt: skip
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
