"""`loket cohorts ...` and `loket attendance ...` through real subprocesses on a staffed
office (issue #10 item 7). The commands run on the real clock, so the dates are today's."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.unit.cohort_support import fit_provider, person
from tests.unit.conftest import STAFF_PASSWORD
from tests.unit.helpers import count, rows
from tests.unit.test_cli import loket

EVERY_DAY = "mon,tue,wed,thu,fri,sat,sun"


@dataclass
class Office:
    home: Path
    path: Path
    actors: dict[str, Any]
    people: list[str]


@pytest.fixture
def office(staffed):
    """A provider fit since two months ago, and three eligible people, on today's date."""
    fit_provider(staffed, on=date.today() - timedelta(days=60))
    staffed.clock.now = datetime.now(UTC)
    people = [person(staffed, n) for n in (1, 2, 3)]
    return Office(staffed.home, staffed.path, staffed.actors, people)


def _nik(office, pid: str) -> str:
    ((nik,),) = rows(office.path, "SELECT nik FROM participant WHERE id=?", pid)
    return str(nik)


def _json(result) -> dict:
    return json.loads(result.stdout)


def _create(office, *extra: str, start: date | None = None, end: date | None = None):
    start = start or date.today()
    end = end or start + timedelta(days=13)
    return loket(
        office.home,
        "cohorts",
        "create",
        "--provider",
        "BLK Jakarta Timur",
        "--module",
        "LAS",
        "--start",
        start.isoformat(),
        "--end",
        end.isoformat(),
        "--days",
        EVERY_DAY,
        "--json",
        *extra,
    )


def test_a_cohort_from_create_to_attendance_results_and_the_refused_finish(office):
    made = _create(office, "--capacity", "2", "--transport", "50000")
    assert made.returncode == 0, made.stderr
    code = _json(made)["code"]
    assert code == f"ANG/JKT-1/{date.today().year}/0001"

    niks = [_nik(office, p) for p in office.people]
    enrolled = loket(office.home, "cohorts", "enrol", code, *niks, "0000000000000000", "--json")
    assert enrolled.returncode == 1  # one NIK is unknown
    items = _json(enrolled)["enrolments"]
    assert [i["status"] for i in items] == ["enrolled", "enrolled", "waiting", "refused"]
    assert "daftar tunggu" in items[2]["reasons"][0]
    plain = loket(office.home, "cohorts", "enrol", code, niks[0])
    assert plain.returncode == 1 and "DITOLAK — Sudah terdaftar di angkatan ini." in plain.stdout

    today = date.today().isoformat()
    marked = loket(office.home, "attendance", "mark", code, "--date", today, "--all-present")
    assert marked.returncode == 0, marked.stderr
    assert "2 tanda kehadiran ditulis" in marked.stdout and "mulai berjalan" in marked.stdout
    one = loket(
        office.home, "attendance", "mark", code, "--date", today, "--nik", niks[1], "--mark", "S"
    )
    assert one.returncode == 0, one.stderr

    shown = _json(loket(office.home, "cohorts", "show", code, "--json"))
    assert shown["status"] == "berjalan" and shown["module"] == "LAS"
    assert shown["provider"] == "BLK Jakarta Timur"
    assert shown["sessions"][0] == {"date": today, "locked": False, "makeup": False}
    assert len(shown["sessions"]) == 14
    people = {e["nik"]: e for e in shown["enrollments"]}
    assert people[niks[0]]["attendance"] == {"H": 1, "I": 0, "S": 0, "A": 0}
    assert people[niks[0]]["attendance_rate"] == 1.0
    assert people[niks[1]]["attendance_rate"] == 0.0
    assert people[niks[2]]["status"] == "waiting"

    # approving needs a supervisor's password; a wrong one is refused
    wrong = loket(
        office.home, "attendance", "lock", code, "--date", today,
        "--supervisor", office.actors["supervisor"].username, "--password-stdin",
        stdin="salah\n",
    )  # fmt: skip
    assert wrong.returncode == 1
    ok = loket(
        office.home, "attendance", "lock", code, "--date", today,
        "--supervisor", office.actors["supervisor"].username, "--password-stdin",
        stdin=STAFF_PASSWORD + "x\n",
    )  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    late = loket(
        office.home, "attendance", "mark", code, "--date", today, "--nik", niks[1], "--mark", "H"
    )
    assert late.returncode == 1 and "persetujuan supervisor" in late.stderr

    contradicts = loket(
        office.home, "cohorts", "result", code, "--nik", niks[1], "--score", "90",
        "--result", "lulus",
    )  # fmt: skip
    assert contradicts.returncode == 1
    assert "Dicatat lulus, padahal aturan kelulusan tidak terpenuhi" in contradicts.stderr
    passed = loket(
        office.home, "cohorts", "result", code, "--nik", niks[0], "--score", "90",
        "--result", "lulus",
    )  # fmt: skip
    assert passed.returncode == 0, passed.stderr

    finish = loket(office.home, "cohorts", "finish", code, "--json")
    assert finish.returncode == 1 and "setelah hari terakhirnya" in _json(finish)["error"]

    listed = _json(loket(office.home, "cohorts", "list", "--json"))["cohorts"]
    assert [(c["code"], c["status"], c["provider"], c["module"]) for c in listed] == [
        (code, "berjalan", "BLK Jakarta Timur", "LAS")
    ]
    assert (listed[0]["enrolled"], listed[0]["waiting"]) == (2, 1)

    withdrawn = loket(
        office.home, "cohorts", "withdraw", code, "--nik", niks[1], "--reason", "sudah bekerja"
    )
    assert withdrawn.returncode == 0, withdrawn.stderr
    assert count(office.path, "enrollment", "status='enrolled'") == 2  # the waiting one moved up


def test_a_cohort_that_already_ran_is_entered_to_the_end(office):
    start = date.today() - timedelta(days=40)
    made = _create(office, start=start, end=start + timedelta(days=1))
    assert made.returncode == 0, made.stderr
    code = _json(made)["code"]
    nik = _nik(office, office.people[0])
    assert loket(office.home, "cohorts", "enrol", code, nik).returncode == 0
    for day in (start, start + timedelta(days=1)):
        out = loket(
            office.home, "attendance", "mark", code, "--date", day.isoformat(), "--all-present"
        )
        assert out.returncode == 0, out.stderr
    result = loket(
        office.home, "cohorts", "result", code, "--nik", nik, "--score", "75", "--result", "lulus"
    )
    assert result.returncode == 0, result.stderr
    done = loket(office.home, "cohorts", "finish", code, "--json")
    assert done.returncode == 0, done.stderr
    assert _json(done)["status"] == "selesai"
    assert rows(office.path, "SELECT status FROM participant WHERE nik=?", nik) == [("completed",)]
    shown = _json(loket(office.home, "cohorts", "show", code, "--json"))
    assert shown["recorded_after"] is True


def test_cli_refusals_are_one_clear_line_without_a_traceback(office):
    unfit = loket(
        office.home, "cohorts", "create", "--provider", "LPK Tidak Ada", "--module", "LAS",
        "--start", "2026-12-07", "--end", "2026-12-18",
    )  # fmt: skip
    assert unfit.returncode == 1 and "Traceback" not in unfit.stderr
    assert unfit.stderr.startswith("loket: Lembaga tidak ditemukan")
    bad_date = _create(office, start=date(2026, 12, 7), end=date(2026, 12, 1))
    assert bad_date.returncode == 1 and "sebelum tanggal mulai" in _json(bad_date)["error"]
    missing = loket(office.home, "attendance", "mark", "ANG/XXX", "--date", "2026-12-07")
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert "--all-present" in missing.stderr
    unknown = loket(office.home, "cohorts", "show", "ANG/JKT-1/2026/0404")
    assert unknown.returncode == 1 and "Angkatan tidak ditemukan" in unknown.stderr
