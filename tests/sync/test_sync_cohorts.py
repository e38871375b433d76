"""Cohorts between counters and offices through a real server (issue #10 item 8): two
counters marking the same day offline converge; the same person enrolled at two counters is
one enrolment; a mark for an approved day arriving late from another counter goes to the
supervisor as a conflict; another office sees a cohort but cannot change it."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from app.db import Database
from app.domain.ids import stable_id
from app.models import Cohort
from app.services.uow import unit_of_work
from tests.sync.conftest import both_backends, enrolled, loket, make_office, sync
from tests.sync.test_sync_providers import (
    PROVIDER,
    SUPERVISOR_PASSWORD,
    _as,
    _register,
    _supervisor,
)

pytestmark = both_backends()

PEOPLE = (
    "nik;nama;tanggal_lahir;jenis_kelamin;telepon;persetujuan\n"
    "3171011708900001;Budi Santoso;17/08/1990;L;081234567801;Y\n"
    "3171015203920002;Siti Aminah;12/03/1992;P;081234567802;Y\n"
    "3171010101880003;Agus Salim;01/01/1988;L;081234567803;Y\n"
)
EVERY_DAY = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _rows(home: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(home / "loket.db")
    try:
        return list(con.execute(sql, params).fetchall())
    finally:
        con.close()


def _ids(home: Path) -> dict[str, str]:
    return {str(n): str(i) for n, i in _rows(home, "SELECT full_name, id FROM participant")}


def _counters(server, tmp_path) -> tuple[Path, Path, str]:
    """Counters 1 and 2 of JKT with three people, a fit provider and a cohort from today,
    Budi and Siti enrolled; both synced."""
    from app.services.cohorts import CohortPlan, create_cohort
    from app.services.enrolment import enrol
    from app.services.provider_assessment import decide

    a = enrolled(server, make_office(tmp_path, "a", "JKT", 1), "JKT")
    b = enrolled(server, make_office(tmp_path, "b", "JKT", 2), "JKT")
    _supervisor(a)
    people = tmp_path / "people.csv"
    people.write_text(PEOPLE, encoding="utf-8")
    assert loket(a, "participants", "import", str(people)).returncode == 0
    pid = _register(a)
    db, sup = _as(a, "spv.rina", SUPERVISOR_PASSWORD)
    try:
        decide(db, sup, pid, "layak", "memenuhi syarat")
        today = date.today()
        plan = CohortPlan(pid, "LAS", today, date.fromordinal(today.toordinal() + 9), EVERY_DAY)
        cid = create_cohort(db, sup, plan).id
        ids = _ids(a)
        enrol(db, sup, cid, [ids["Budi Santoso"], ids["Siti Aminah"]], confirm_unknown=True)
    finally:
        db.dispose()
    assert sync(a)["ok"] and sync(b)["ok"]
    return a, b, cid


def _mark(home: Path, cid: str, marks: dict[str, str], approver: bool = False) -> None:
    from app.services.attendance import mark

    db, actor = _as(home)
    try:
        sup = _as(home, "spv.rina", SUPERVISOR_PASSWORD)[1] if approver else None
        ids = _ids(home)
        mark(db, actor, cid, date.today(), {ids[n]: m for n, m in marks.items()}, approver=sup)
    finally:
        db.dispose()


def _marks(home: Path) -> dict[str, tuple[str, str]]:
    return {
        str(name): (str(mark), str(aid))
        for name, mark, aid in _rows(
            home,
            "SELECT p.full_name, a.mark, a.id FROM attendance a "
            "JOIN participant p ON p.id = a.participant_id",
        )
    }


def test_counters_converge_and_another_office_only_reads(server, tmp_path):
    from app.services.enrolment import enrol

    a, b, cid = _counters(server, tmp_path)
    _mark(a, cid, {"Budi Santoso": "H", "Siti Aminah": "H"})
    _mark(b, cid, {"Budi Santoso": "A"})  # later: the newest stamp wins
    for home in (a, b, a):
        assert sync(home)["ok"]
    assert _marks(a) == _marks(b)
    assert {n: m for n, (m, _id) in _marks(a).items()} == {
        "Budi Santoso": "A",
        "Siti Aminah": "H",
    }
    day = stable_id("cohort_session", cid, date.today().isoformat())
    budi = _ids(a)["Budi Santoso"]
    assert _marks(b)["Budi Santoso"][1] == stable_id("attendance", day, budi)
    assert len(_rows(a, "SELECT 1 FROM attendance")) == 2

    # the same person enrolled at both counters offline is one enrolment
    for home in (a, b):
        db, actor = _as(home)
        try:
            (out,) = enrol(db, actor, cid, [_ids(home)["Agus Salim"]], confirm_unknown=True)
            assert out.status == "enrolled"
        finally:
            db.dispose()
    for home in (a, b, a):
        assert sync(home)["ok"]
    agus = _ids(a)["Agus Salim"]
    for home in (a, b):
        assert _rows(home, "SELECT id, status FROM enrollment WHERE participant_id=?", agus) == [
            (stable_id("enrollment", cid, agus), "enrolled")
        ]
        assert _rows(home, "SELECT count(*) FROM enrollment") == [(3,)]

    # another office sees the cohort and its days, but neither its people nor a change
    from app.services.cohort_lists import list_cohorts

    btn = enrolled(server, make_office(tmp_path, "btn", "BTN", 1), "BTN")
    assert sync(btn)["ok"]
    db = Database(btn / "loket.db")
    try:
        (row,) = list_cohorts(db)
        assert (row.id, row.mine, row.provider) == (cid, False, PROVIDER["name"])
    finally:
        db.dispose()
    assert len(_rows(btn, "SELECT 1 FROM cohort_session")) == 10
    # the office's own records stay there
    assert _rows(btn, "SELECT count(*) FROM enrollment") == [(0,)]
    assert _rows(btn, "SELECT count(*) FROM attendance") == [(0,)]
    # a change made past the service (a hostile or broken PC) is refused by the server
    db, admin = _as(btn)
    try:
        with unit_of_work(db, admin) as uow:
            cohort = uow.session.get(Cohort, cid)
            assert cohort is not None
            cohort.capacity = 500
            uow.audit("cohort.capacity", "cohort", cid)
    finally:
        db.dispose()
    report = sync(btn)
    assert any("not permitted" in str(r) for r in report["rejected"])  # type: ignore[union-attr]
    assert sync(a)["ok"]
    assert _rows(a, "SELECT capacity FROM cohort") == [(25,)]


def test_a_late_mark_for_an_approved_day_goes_to_the_supervisor_and_lost_answers_count_once(
    server, tmp_path
):
    from app.services.attendance import lock_day

    a, b, cid = _counters(server, tmp_path)
    _mark(a, cid, {"Budi Santoso": "H", "Siti Aminah": "H"})
    db, sup = _as(a, "spv.rina", SUPERVISOR_PASSWORD)
    try:
        lock_day(db, sup, cid, date.today())
    finally:
        db.dispose()
    assert sync(a)["ok"]
    # counter 2 had not heard of the approval: its mark is held, not written over the day
    _mark(b, cid, {"Budi Santoso": "S"})
    report = sync(b)
    assert [c["reason"] for c in report["conflicts"]] == ["mark"]  # type: ignore[union-attr]
    assert sync(a)["ok"]
    for home in (a, b):
        assert _marks(home)["Budi Santoso"][0] == "H"  # the approved day as approved
    listed = _conflicts(b)
    assert [(c["field"], c["server_value"], c["device_value"], c["reason"]) for c in listed] == [
        ("mark", "H", "S", "locked")
    ]
    # the supervisor decides once, for everyone
    out = loket(
        a, "sync", "resolve", str(listed[0]["id"]), "--keep", "device",
        "--supervisor", "spv.rina", "--password-stdin", stdin=SUPERVISOR_PASSWORD + "\n",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    for home in (a, b, a):
        assert sync(home)["ok"]
    assert _marks(a)["Budi Santoso"][0] == _marks(b)["Budi Santoso"][0] == "S"
    # a change made with a supervisor's approval is applied at once
    _mark(b, cid, {"Siti Aminah": "I"}, approver=True)
    assert sync(b)["conflicts"] == [] and sync(a)["ok"]
    assert _marks(a)["Siti Aminah"][0] == "I"

    # fault: both counters' approved marks go through lost answers; each change is taken
    # once and the two PCs end with the same cohort records, versions and stamps included
    from tests.sync.helpers import LossyProxy

    proxy = LossyProxy(server.url, drop=2)
    try:
        for home in (a, b):
            con = sqlite3.connect(home / "loket.db")
            con.execute("UPDATE sync_link SET server_url=?", (proxy.url,))
            con.commit()
            con.close()
        _mark(a, cid, {"Budi Santoso": "H", "Siti Aminah": "I"}, approver=True)
        _mark(b, cid, {"Siti Aminah": "H"}, approver=True)
        for home in (a, b, a, b):
            sync(home)
        assert proxy.dropped == 2
    finally:
        proxy.close()
    from tests.sync.test_sync_faults import server_facts

    facts = server_facts(server)
    assert facts["gap_free"] and facts["double_versions"] == 0, facts
    assert facts["mutations"] == facts["distinct"]
    assert _cohort_rows(a) == _cohort_rows(b)
    assert {n: m for n, (m, _id) in _marks(a).items()} == {
        "Budi Santoso": "H",
        "Siti Aminah": "H",
    }


def _conflicts(home: Path) -> list[dict[str, Any]]:
    import json

    out = loket(home, "sync", "conflicts", "--json")
    assert out.returncode == 0, out.stderr
    return list(json.loads(out.stdout)["conflicts"])


def _cohort_rows(home: Path) -> list[tuple[Any, ...]]:
    """Every synced column of the cohort tables, versions and stamps included."""
    from tests.sync.helpers import LOCAL_ONLY

    con = sqlite3.connect(home / "loket.db")
    try:
        found: list[tuple[Any, ...]] = []
        for table in ("cohort", "cohort_session", "enrollment", "attendance"):
            columns = [
                c[1] for c in con.execute(f"PRAGMA table_info({table})") if c[1] not in LOCAL_ONLY
            ]
            found += [(table, *r) for r in con.execute(f"SELECT {', '.join(columns)} FROM {table}")]
        return sorted(found, key=repr)
    finally:
        con.close()
