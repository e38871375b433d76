"""Stipend payments between counters through a real server (issue #11 item 6).

Two counters of office JKT hold one cohort whose week 1 is held and approved (built once per
module and server backend, then copied for each test: the server's database and both
PCs' files). Payments are never merged or dropped: the same entitlement paid at both
counters offline is kept on both sides and flagged as a double payment until a supervisor
reverses one; receipt numbers never collide across devices, nor after a restore; the server
refuses a receipt number of another counter's series, any change of a payment and another
office's payment; a payment killed halfway leaves both its row and its number or neither,
and pushes killed or answers lost deliver each payment exactly once.

The cohort's dates lie before today: changes stamped ahead of the server's clock would be
held, not applied. Staff act through `Actor`s made here (the services check roles, not
accounts), so no password is hashed beyond each PC's first admin.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from app.db import Database, upgrade
from app.domain.roles import Role
from app.errors import StateError
from app.server.db import normalize_url
from app.services.actor import Actor
from tests.conftest import FakeClock
from tests.sync.conftest import Server, _spawn, backends, free_port, server_db_url
from tests.sync.hostile import RawDevice, enroll_raw, server_audit
from tests.sync.test_sync_faults import run_and_kill, server_facts

OFFICE = "JKT"
CLERK = Actor("loket.budi", Role.COUNTER, OFFICE, None, "Budi Loket")
SUPERVISOR = Actor("spv.rina", Role.SUPERVISOR, OFFICE, None, "Rina Supervisi")
PEOPLE = ("Budi Santoso", "Siti Aminah", "Agus Salim", "Dewi Lestari")
NUMBER = re.compile(r"^KW/JKT-(\d)/\d{4}/(\d{4})$")
PAY_KILLS = int(os.environ.get("LOKET_PAY_KILLS", "8"))
PUSH_KILLS = int(os.environ.get("LOKET_PAY_PUSH_KILLS", "6"))
CLI_KILLS = int(os.environ.get("LOKET_PAY_CLI_KILLS", "4"))


# -- the office, built once per module and backend --------------------------------------


@dataclass
class Counter:
    """One office PC: its data folder, an open database (the real clock) and its device."""

    home: Path
    db: Database
    device_id: str
    device_no: int

    def rows(self, sql: str, *params: object) -> list[tuple[Any, ...]]:
        con = sqlite3.connect(self.home / "loket.db")
        try:
            return list(con.execute(sql, params).fetchall())
        finally:
            con.close()


@dataclass
class Office:
    server: Server
    a: Counter  # counter 1 (where the cohort was made)
    b: Counter  # counter 2
    cohort_id: str
    entitlements: list[str]  # the approved ones of week 1, in id order
    amounts: dict[str, int] = field(default_factory=dict)


@dataclass
class _Template:
    root: Path
    server_db: str
    cohort_id: str
    entitlements: list[str]
    amounts: dict[str, int]
    devices: dict[str, tuple[str, int]]  # PC folder name -> (device id, device number)


def _new_pc(root: Path, name: str, device_no: int, url: str, engine: Any) -> SimpleNamespace:
    """A PC of office JKT set up as `loket init` does and enrolled with a one-time code."""
    from app.server.admin import make_enroll_code
    from app.services.office import initialise
    from app.sync import client

    home = root / name
    home.mkdir()
    upgrade(home / "loket.db", home / "backups")
    clock = FakeClock()
    db = Database(home / "loket.db", clock=clock)
    initialise(
        db,
        office_code=OFFICE,
        device_no=device_no,
        admin_username=f"admin.{device_no}",  # two PCs' admins never clash on pull
        admin_full_name=f"Admin Loket {device_no}",
        admin_password="Kantor2026",
        actor_label="cli:test",
    )
    client.enroll(db, url, make_enroll_code(engine, OFFICE))
    return SimpleNamespace(
        db=db,
        clock=clock,
        home=home,
        actors={"counter": CLERK, "supervisor": SUPERVISOR, "admin": CLERK},
    )


def _cohort_with_week_one_approved(pc: SimpleNamespace) -> str:
    """A cohort of four people that started three weeks ago and ran two weeks (so every
    stamp lies in the past), every held day of week 1 marked present and approved, week
    1's entitlements approved."""
    from app.services import enrolment, entitlements
    from app.services.attendance import all_present, lock_day
    from tests.unit.cohort_support import at, cohort, fit_provider, person

    today = date.today()
    start = today - timedelta(days=today.weekday() + 21)  # a Monday three weeks ago
    pid = fit_provider(pc, on=start - timedelta(days=30))
    at(pc, start - timedelta(days=5))
    cid = cohort(
        pc, pid, start=start, end=start + timedelta(days=11), transport_rate=50_000,
        pocket_rate=100_000,
    )  # fmt: skip
    people = [person(pc, n, name) for n, name in enumerate(PEOPLE, start=1)]
    enrolment.enrol(pc.db, CLERK, cid, people)
    con = sqlite3.connect(pc.home / "loket.db")
    try:
        days = [
            date.fromisoformat(d)
            for (d,) in con.execute(
                "SELECT day FROM cohort_session WHERE cohort_id=? AND day<=? ORDER BY day",
                (cid, (start + timedelta(days=6)).isoformat()),
            )
        ]
    finally:
        con.close()
    for day in days:
        at(pc, day, hour=3)
        all_present(pc.db, CLERK, cid, day)
        lock_day(pc.db, SUPERVISOR, cid, day)
    at(pc, start + timedelta(days=7), hour=2)
    entitlements.compute(pc.db, CLERK, cid)
    entitlements.approve(pc.db, SUPERVISOR, cid, "W1")
    return cid


def _copy_sqlite(source: Path, target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")


def _pg_admin() -> Any:
    import psycopg

    return psycopg.connect(os.environ["LOKET_TEST_PG"], autocommit=True)


def _pg_name(url: str) -> str:
    return url.rsplit("/", 1)[1]


@pytest.fixture(scope="module", params=backends())
def _template(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[_Template]:
    from app.server.db import make_server_engine
    from app.sync.client import run_cycle

    root = tmp_path_factory.mktemp(f"payments-{request.param}")
    server_db = server_db_url(root, request.param)
    port = free_port()
    process = _spawn(server_db, port)
    engine = make_server_engine(server_db)
    try:
        url = f"http://127.0.0.1:{port}"
        a = _new_pc(root, "a", 1, url, engine)
        b = _new_pc(root, "b", 2, url, engine)
        cid = _cohort_with_week_one_approved(a)
        for pc in (a, b, a):
            report = run_cycle(pc.db)
            assert report.ok and not report.rejected and not report.pull_problems, report
        con = sqlite3.connect(b.home / "loket.db")
        try:
            approved = con.execute(
                "SELECT id, amount FROM entitlement WHERE approved_amount = amount ORDER BY id"
            ).fetchall()
            devices = {
                "b": con.execute("SELECT device_id, device_no FROM device").fetchone(),
            }
        finally:
            con.close()
        con = sqlite3.connect(a.home / "loket.db")
        try:
            devices["a"] = con.execute("SELECT device_id, device_no FROM device").fetchone()
        finally:
            con.close()
        assert len(approved) == 2 * len(PEOPLE)
        for pc in (a, b):
            pc.db.dispose()
    finally:
        engine.dispose()
        process.terminate()
        process.wait(timeout=30)
    yield _Template(
        root,
        server_db,
        cid,
        [str(i) for i, _ in approved],
        {str(i): int(n) for i, n in approved},
        {k: (str(v[0]), int(v[1])) for k, v in devices.items()},
    )
    if server_db.startswith("postgresql"):
        with _pg_admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{_pg_name(server_db)}" WITH (FORCE)')


@pytest.fixture
def office(_template: _Template, tmp_path: Path) -> Iterator[Office]:
    """A copy of the template office: its server (a new process on a copy of the server's
    database) and both counters (copies of their folders, linked to that server)."""
    t = _template
    if t.server_db.startswith("postgresql"):
        db = f"{t.server_db.rsplit('/', 1)[0]}/loket_pay_{os.getpid()}_{uuid.uuid4().hex[:10]}"
        with _pg_admin() as conn:
            # a copy needs the template alone: the server process that built it has exited,
            # but PostgreSQL may not have closed its sessions yet
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (_pg_name(t.server_db),),
            )
            conn.execute(f'CREATE DATABASE "{_pg_name(db)}" TEMPLATE "{_pg_name(t.server_db)}"')
    else:
        db = str(tmp_path / "server.db")
        _copy_sqlite(Path(t.server_db), Path(db))
    counters: dict[str, Counter] = {}
    server: Server | None = None
    try:
        port = free_port()
        server = Server(f"http://127.0.0.1:{port}", db, _spawn(db, port), port)
        for name in ("a", "b"):
            home = tmp_path / name
            home.mkdir()
            _copy_sqlite(t.root / name / "loket.db", home / "loket.db")
            con = sqlite3.connect(home / "loket.db")
            con.execute("UPDATE sync_link SET server_url=?", (server.url,))
            con.commit()
            con.close()
            device_id, device_no = t.devices[name]
            counters[name] = Counter(home, Database(home / "loket.db"), device_id, device_no)
        yield Office(server, counters["a"], counters["b"], t.cohort_id, t.entitlements, t.amounts)
    finally:
        for c in counters.values():
            c.db.dispose()
        if server is not None:
            server.stop()
        if db.startswith("postgresql"):
            with _pg_admin() as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{_pg_name(db)}" WITH (FORCE)')


# -- what the tests do and look at ---------------------------------------------------------


def pay(pc: Counter, entitlement_id: str, method: str = "cash") -> str:
    from app.services.payments import pay as pay_service

    reference = None if method == "cash" else f"TRF-{uuid.uuid4().hex[:8]}"
    return pay_service(pc.db, CLERK, entitlement_id, method, reference).receipt_number


def synced(pc: Counter) -> Any:
    """One sync cycle of the PC, in this process but over real HTTP; nothing refused."""
    from app.sync.client import run_cycle

    report = run_cycle(pc.db)
    assert report.ok, report.error
    assert report.rejected == [] and report.conflicts == [], report
    assert report.pull_problems == [], report.pull_problems
    return report


def payments_of(pc: Counter) -> dict[str, tuple[str, str, int, str]]:
    """{payment id: (entitlement, receipt number, amount, device)} held by the PC."""
    return {
        str(i): (str(e), str(n), int(a), str(d))
        for i, e, n, a, d in pc.rows(
            "SELECT id, entitlement_id, receipt_number, amount, device_id FROM payment"
        )
    }


def server_records(server: Server, entity: str) -> dict[str, dict[str, Any]]:
    """The server's stored records of a type: {id: data}."""
    engine = create_engine(normalize_url(server.db))
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT entity_id, data FROM record_state WHERE entity = :e"), {"e": entity}
            ).all()
    finally:
        engine.dispose()
    return {str(i): json.loads(d) if isinstance(d, str) else d for i, d in rows}


def server_changes(server: Server, entity: str) -> list[str]:
    """The entity ids of every change of the type in the server's change log."""
    engine = create_engine(normalize_url(server.db))
    try:
        with engine.connect() as conn:
            return [
                str(r[0])
                for r in conn.execute(
                    text("SELECT entity_id FROM change_log WHERE entity = :e"), {"e": entity}
                )
            ]
    finally:
        engine.dispose()


def recoveries(pc: Counter) -> dict[str, tuple[bool, int, int]]:
    """{entitlement: (double payment, overpaid still to recover, receipts)} on the PC."""
    from app.services.payments import recoveries as listed

    return {r.entitlement_id: (r.double, r.outstanding, len(r.receipts)) for r in listed(pc.db)}


def state_of(pc: Counter, entitlement_id: str) -> tuple[str, int, bool]:
    """(state, paid, double) of one entitlement as the PC's payment list shows it."""
    from app.services.entitlements import list_entitlements

    rows = {r.id: r for r in list_entitlements(pc.db, _cohort(pc))}
    row = rows[entitlement_id]
    return row.state, row.paid, row.double


def _cohort(pc: Counter) -> str:
    return str(pc.rows("SELECT id FROM cohort")[0][0])


# -- 1. the same entitlement paid at both counters ------------------------------------------


def test_the_same_entitlement_paid_at_two_counters_is_kept_and_flagged_on_both(office):
    """Both counters pay one entitlement offline, then sync (counter 1 first for the first
    entitlement, counter 2 first for the second): both payments are kept on both PCs and
    on the server, flagged as a double payment with its amount to recover; after a
    supervisor reverses one at counter 1, neither PC shows a double payment."""
    a, b = office.a, office.b
    # two different people: a person's overpayment is kept back from their next payment,
    # which would settle the first double payment while the second is paid
    owner = {str(e): str(p) for e, p in a.rows("SELECT id, participant_id FROM entitlement")}
    first = office.entitlements[0]
    second = next(e for e in office.entitlements[1:] if owner[e] != owner[first])
    made: dict[str, set[str]] = {}
    for entitlement, order in ((first, (a, b, a)), (second, (b, a, b))):
        made[entitlement] = {pay(a, entitlement), pay(b, entitlement)}
        for pc in order:
            synced(pc)
    held = payments_of(a)
    assert held == payments_of(b)
    assert len(held) == 4
    for entitlement in (first, second):
        numbers = {n for e, n, _amount, _dev in held.values() if e == entitlement}
        assert numbers == made[entitlement]  # nothing merged, nothing dropped
        devices = {d for e, _n, _amount, d in held.values() if e == entitlement}
        assert devices == {a.device_id, b.device_id}
    stored = server_records(office.server, "payment")
    assert {(d["entitlement_id"], d["receipt_number"]) for d in stored.values()} == {
        (e, n) for e, n, _amount, _dev in held.values()
    }
    for pc in (a, b):
        flagged = recoveries(pc)
        for entitlement in (first, second):
            assert flagged[entitlement] == (True, office.amounts[entitlement], 2)
            assert state_of(pc, entitlement) == ("dibayar", 2 * office.amounts[entitlement], True)

    # the supervisor reverses counter 2's payment of the first entitlement at counter 1
    from app.services.payments import reverse

    (theirs,) = (n for e, n, _amount, d in held.values() if e == first and d == b.device_id)
    reverse(a.db, CLERK, SUPERVISOR, theirs, "dibayar dua kali di loket 2")
    for pc in (a, b, a):
        synced(pc)
    for pc in (a, b):
        flagged = recoveries(pc)
        assert first not in flagged  # no double payment, nothing to recover
        assert flagged[second] == (True, office.amounts[second], 2)  # the other one stays
        assert state_of(pc, first) == ("dibayar", office.amounts[first], False)
        assert pc.rows("SELECT count(*) FROM payment") == [(4,)]  # the reversed one stays
        assert pc.rows("SELECT p.receipt_number FROM payment_reversal r JOIN payment p "
                       "ON p.id = r.payment_id") == [(theirs,)]  # fmt: skip
    assert len(server_records(office.server, "payment_reversal")) == 1


# -- 2. receipt numbers ---------------------------------------------------------------------


def test_receipt_numbers_never_collide_across_counters_nor_after_a_restore(office, tmp_path):
    """Each counter numbers from its own series. Counter 1, restored from a backup made
    before its latest payment, or from one made while that payment still waited to be
    sent, pays only after the sync that brings its later work back (nothing refused, its
    audit chain whole) and then takes the next number."""
    from app.services.maintenance import backup, check, restore
    from app.services.payments import receipt_series

    a, b = office.a, office.b
    e = office.entitlements
    mine = [pay(a, e[0]), pay(a, e[1])]
    theirs = [pay(b, e[2]), pay(b, e[3], "transfer")]
    for pc in (a, b, a):
        synced(pc)
    numbers = sorted(n for _e, n, _amount, _dev in payments_of(a).values())
    assert numbers == sorted(n for _e, n, _amount, _dev in payments_of(b).values())
    assert len(numbers) == len(set(numbers)) == 4
    assert [NUMBER.match(n)[1] for n in mine] == ["1", "1"]  # type: ignore[index]
    assert [NUMBER.match(n)[1] for n in theirs] == ["2", "2"]  # type: ignore[index]

    before, waiting = tmp_path / "sebelum-bayar.db", tmp_path / "belum-terkirim.db"
    backup(a.db, CLERK, before)
    last = unsent = pay(a, e[4])
    backup(a.db, CLERK, waiting)  # with that payment not sent yet
    synced(a)
    for copy, entitlement in ((before, e[5]), (waiting, e[6])):
        a.db.dispose()
        # the database it replaces is set aside in a folder of its own (the copy's name
        # counts seconds only, and the two restores come within one)
        aside = tmp_path / f"disisihkan-{entitlement}"
        restore(copy, a.home / "loket.db", aside, force=True, actor=CLERK)
        a.db = Database(a.home / "loket.db")
        held = {n for _e, n, _amount, _dev in payments_of(a).values()}
        assert last not in held and (unsent in held) is (copy == waiting)
        with pytest.raises(StateError):  # it could take a number already used
            pay(a, entitlement)
        synced(a)  # its later payments come back; what waited is answered, not refused
        assert last in {n for _e, n, _amount, _dev in payments_of(a).values()}
        assert check(a.home / "loket.db").ok  # its audit chain goes on after the server's
        nxt = pay(a, entitlement)
        assert NUMBER.match(nxt)[2] == f"{int(NUMBER.match(last)[2]) + 1:04d}"  # type: ignore[index]
        synced(a)
        last = nxt
    for pc in (b, a):
        synced(pc)
    everything = [n for _e, n, _amount, _dev in payments_of(b).values()]
    assert len(everything) == len(set(everything)) == 7
    assert payments_of(a) == payments_of(b)
    stored = [d["receipt_number"] for d in server_records(office.server, "payment").values()]
    assert sorted(stored) == sorted(everything)
    year = int(last.split("/")[2])
    for pc, counter in ((a, None), (b, "JKT-1")):
        series = receipt_series(pc.db, year, counter)
        assert (series.issued, series.void, series.missing) == (5, 0, 0)


# -- 3. what the server refuses ---------------------------------------------------------------


def _as_raw(office: Office, pc: Counter) -> RawDevice:
    """The counter's own link (its real token), pushing hand-made changes after the last
    change number the server took from it."""
    token = pc.rows("SELECT token FROM sync_link")[0][0]
    device = RawDevice(office.server.url, str(token), pc.device_id, OFFICE)
    device.seq = int(device.get("/v1/device").json()["last_seq"])
    return device


def _raw_device(server: Server, office: str, device_no: int) -> RawDevice:
    """A device of another office enrolled with a real code (made in this process)."""
    from app.server.admin import make_enroll_code
    from app.server.db import make_server_engine

    engine = make_server_engine(server.db)
    try:
        code = make_enroll_code(engine, office)
    finally:
        engine.dispose()
    r = enroll_raw(server, office, code=code, device_no=device_no)
    assert r.status_code == 200, r.text
    return RawDevice(server.url, r.json()["token"], r.json()["device_id"], office)


def _payment_row(office: Office, entitlement: str, device_id: str, number: str) -> dict:
    now = datetime.now(UTC)
    return {
        "entitlement_id": entitlement,
        "cohort_id": office.cohort_id,
        "round": 1,
        "amount": office.amounts[entitlement],
        "deduction": 0,
        "method": "cash",
        "reference": None,
        "receipt_number": number,
        "paid_by": CLERK.username,
        "paid_by_name": CLERK.full_name,
        "paid_at": now.isoformat(),
        "paid_on": now.date().isoformat(),
        "device_id": device_id,
        "office_code": OFFICE,
        "created_at": now.isoformat(),
    }


def test_the_server_refuses_another_counters_numbers_changed_payments_and_other_offices(
    office,
):
    """Hand-made pushes with the counters' real tokens (and a JBR device's): each refusal
    is a 2xx `rejected` result without the record, stores nothing and, where it is an
    attempt on what the device may not write, leaves a row in the server's audit."""
    a, b = office.a, office.b
    e = office.entitlements
    year = datetime.now(UTC).year
    number = pay(a, e[0])  # a real payment, on the server
    synced(a)
    (pid,) = payments_of(a)
    forbidden_before = len(server_audit(office.server, "push.forbidden"))

    # counter 1 takes a number of counter 2's series, as itself or posing as counter 2
    raw = _as_raw(office, a)
    foreign = [str(uuid.uuid4()), str(uuid.uuid4())]
    theirs = f"KW/JKT-2/{year}/0001"
    answers = raw.push(
        raw.mutation("payment", foreign[0], "insert",
                     _payment_row(office, e[1], a.device_id, theirs)),
        raw.mutation("payment", foreign[1], "insert",
                     _payment_row(office, e[1], b.device_id, theirs)),
    )  # fmt: skip
    assert [(x["status"], x["reason"], x["record"]) for x in answers] == [
        ("rejected", "not permitted", None)
    ] * 2
    refused = server_audit(office.server, "push.forbidden")[forbidden_before:]
    assert [(r["device_id"], r["detail"]["entity"]) for r in refused] == [
        (a.device_id, "payment")
    ] * 2

    # its own payment cannot be changed, deleted or inserted again with other values
    changed = raw.push(
        raw.mutation("payment", pid, "update", {"amount": 1}, base_version=1, version=2),
        raw.mutation("payment", pid, "update", {"deleted_at": datetime.now(UTC).isoformat()},
                     base_version=1, version=2),
        raw.mutation("payment", pid, "insert", _payment_row(office, e[0], a.device_id, number)
                     | {"amount": 1}),
    )  # fmt: skip
    assert [(x["status"], x["reason"]) for x in changed] == [
        ("rejected", "this record type cannot be changed"),
        ("rejected", "this record type cannot be changed"),
        ("rejected", "id already used by another record"),
    ]
    # nor by the office's other counter
    other = _as_raw(office, b)
    (by_other,) = other.push(
        other.mutation("payment", pid, "update", {"amount": 1}, base_version=1, version=2)
    )
    assert (by_other["status"], by_other["reason"], by_other["record"]) == (
        "rejected",
        "not permitted",
        None,
    )

    # a device of another office (JBR, Bandung) cannot pay a JKT entitlement, under
    # either office's name
    jbr = _raw_device(office.server, "JBR", 7)
    as_jkt = _payment_row(office, e[1], jbr.device_id, f"KW/JBR-7/{year}/0001")
    as_jbr = as_jkt | {"office_code": "JBR"}
    answers = jbr.push(
        jbr.mutation("payment", str(uuid.uuid4()), "insert", as_jkt, office="JKT"),
        jbr.mutation("payment", str(uuid.uuid4()), "insert", as_jbr, office="JBR"),
    )
    assert [(x["status"], x["reason"], x["record"]) for x in answers] == [
        ("rejected", "not permitted", None)
    ] * 2
    refused = server_audit(office.server, "push.forbidden")[forbidden_before:]
    assert [r["device_id"] for r in refused] == [a.device_id] * 2 + [b.device_id] + [
        jbr.device_id
    ] * 2

    # the server holds the one payment as it was made, in one version
    stored = server_records(office.server, "payment")
    assert list(stored) == [pid]
    assert (stored[pid]["amount"], stored[pid].get("deleted_at")) == (office.amounts[e[0]], None)
    assert server_changes(office.server, "payment") == [pid]
    for pc in (b, a):
        synced(pc)
        assert list(payments_of(pc)) == [pid]
        assert payments_of(pc)[pid][1:3] == (number, office.amounts[e[0]])
        assert state_of(pc, e[1])[:2] == ("disetujui", 0)


# -- 4. kill -9 during a payment and during its push -------------------------------------------


def _pay_until_killed(home: str, seed: int) -> None:
    """The child process: pay every approved entitlement, reverse a paid one so it can be
    paid again, and so on, as fast as it can, until it is killed."""
    from app.errors import StateError
    from app.services.payments import pay as pay_service
    from app.services.payments import reverse

    rng = random.Random(seed)
    db = Database(Path(home) / "loket.db")
    con = sqlite3.connect(Path(home) / "loket.db")
    ids = [r[0] for r in con.execute("SELECT id FROM entitlement WHERE approved_amount = amount")]
    print("ready", flush=True)
    while True:
        eid = rng.choice(ids)
        print("start", flush=True)  # the parent sees whether a kill fell inside an action
        try:
            pay_service(db, CLERK, eid, rng.choice(("cash", "transfer")), "TRF-1")
        except StateError:  # paid already: undo it, so it can be paid again
            (number,) = con.execute(
                "SELECT p.receipt_number FROM payment p LEFT JOIN payment_reversal r "
                "ON r.payment_id = p.id WHERE p.entitlement_id = ? AND r.id IS NULL "
                "AND p.device_id = (SELECT device_id FROM device)",
                (eid,),
            ).fetchone()
            reverse(db, CLERK, SUPERVISOR, number, "uji matikan paksa")
        print("done", flush=True)


def _kill_a_payer(home: Path, delay: float, seed: int) -> bool:
    """Run the payer and kill -9 it `delay` seconds after it is ready; whether the kill
    fell inside a payment or reversal (begun, not returned)."""
    env = {**os.environ, "LOKET_HOME": str(home)}
    code = (
        "import sys; from tests.sync.test_sync_payments import _pay_until_killed; "
        "_pay_until_killed(sys.argv[1], int(sys.argv[2]))"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(home), str(seed)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    said = proc.stdout.read().split()
    proc.stdout.close()
    return bool(said) and said[-1] == "start"


def _kill_loket_pay(home: Path, entitlement_id: str, delay: float) -> bool:
    """`loket payments pay` killed -9 after `delay` seconds (it takes about 0.85 s, most of
    it starting up); whether it was killed before it answered."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "payments", "pay", entitlement_id, "--method", "cash"],
        env={**os.environ, "LOKET_HOME": str(home)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        return True


def _each_payment_whole(pc: Counter) -> int:
    """Either a payment and its receipt number, its outbox row and its audit event all
    exist, or none of them does; the same for reversals. Returns the payments held."""
    assert pc.rows("PRAGMA integrity_check") == [("ok",)]
    mine = {
        str(i): str(n)
        for i, n in pc.rows(
            "SELECT id, receipt_number FROM payment WHERE device_id = ?", pc.device_id
        )
    }
    audited = {
        str(entity_id): json.loads(detail)["receipt"]
        for entity_id, detail in pc.rows(
            "SELECT entity_id, detail FROM audit_event WHERE action = 'payment.pay' "
            "AND device_id = ?",
            pc.device_id,
        )
    }
    assert audited == mine  # every payment audited with its number, no number without one
    queued = pc.rows("SELECT entity_id, changes FROM outbox WHERE entity = 'payment'")
    assert len(queued) == len(mine)  # one outbox row each, with its number
    assert {str(i): json.loads(c)["receipt_number"] for i, c in queued} == mine
    reversals = {
        str(i) for (i,) in pc.rows(
            "SELECT payment_id FROM payment_reversal WHERE device_id = ?", pc.device_id
        )
    }  # fmt: skip
    assert reversals == {
        str(i) for (i,) in pc.rows(
            "SELECT entity_id FROM audit_event WHERE action = 'payment.reverse'"
        )
    }  # fmt: skip
    assert len(pc.rows("SELECT 1 FROM outbox WHERE entity = 'payment_reversal'")) == len(reversals)
    numbers = sorted(int(NUMBER.match(n)[2]) for n in mine.values())  # type: ignore[index]
    assert numbers == list(range(1, len(numbers) + 1))  # unique, and no number skipped
    live = pc.rows(
        "SELECT p.entitlement_id, count(*) FROM payment p LEFT JOIN payment_reversal r "
        "ON r.payment_id = p.id WHERE r.id IS NULL GROUP BY p.entitlement_id HAVING count(*) > 1"
    )
    assert live == []  # never paid twice at one counter
    return len(mine)


def test_a_payment_killed_halfway_leaves_it_whole_or_not_at_all_and_pushes_count_once(office):
    a, b = office.a, office.b
    a.db.dispose()
    rng = random.Random(20261202)
    held = inside = 0
    # the command a clerk or a script runs, killed late in its life (its transaction comes
    # after the start-up)...
    killed = 0
    for run in range(CLI_KILLS):
        eid = office.entitlements[run % len(office.entitlements)]
        killed += _kill_loket_pay(a.home, eid, rng.uniform(0.5, 1.0))
        held = _each_payment_whole(a)
    print(f"{CLI_KILLS} runs of loket payments pay, {killed} killed, {held} payments")
    # ...and a process paying and reversing as fast as it can, killed at random: nearly
    # every kill falls inside a payment's or a reversal's transaction
    for run in range(PAY_KILLS):
        inside += _kill_a_payer(a.home, rng.uniform(0.05, 0.6), run)
        now = _each_payment_whole(a)
        assert now >= held  # nothing committed is lost
        held = now
    print(f"{PAY_KILLS} kills of a payer, {inside} inside a payment or reversal")
    assert held > 0 and inside > 0
    # the sync client killed during pushes of those payments (half of the kills the moment
    # the server has committed, before the client has recorded its answer)
    answer_lost = 0  # kills after the server committed a push, before the client knew
    engine = create_engine(normalize_url(office.server.db))
    try:
        with engine.connect() as watch:

            def taken() -> int:
                watch.rollback()  # a fresh snapshot each look
                return int(
                    watch.execute(
                        text("SELECT count(*) FROM mutation_log WHERE device_id = :d"),
                        {"d": a.device_id},
                    ).scalar_one()
                )

            def answered() -> int:
                return int(a.rows("SELECT count(*) FROM outbox WHERE status != 'pending'")[0][0])

            for run in range(PUSH_KILLS):
                _kill_a_payer(a.home, rng.uniform(0.05, 0.3), 100 + run)
                before = (taken(), answered())
                aimed = watch if run % 2 else None
                run_and_kill(a.home, rng.uniform(0.3, 1.5) if aimed is None else 10.0, aimed)
                answer_lost += taken() - before[0] > answered() - before[1]
                _each_payment_whole(a)
    finally:
        engine.dispose()
    print(f"{PUSH_KILLS} kills of a push, {answer_lost} after the server's commit")
    assert answer_lost >= 1  # the window between the server's commit and the client's record
    a.db = Database(a.home / "loket.db")
    for pc in (a, b):
        for _ in range(3):
            report = synced(pc)
            if report.pushed == 0:
                break
    assert a.rows("SELECT count(*) FROM outbox WHERE status = 'pending'") == [(0,)]
    mine = payments_of(a)
    stored = server_records(office.server, "payment")
    assert set(stored) == set(mine)
    assert sorted(server_changes(office.server, "payment")) == sorted(mine)  # once each
    assert payments_of(b) == mine
    reversals = {str(i) for (i,) in a.rows("SELECT id FROM payment_reversal")}
    assert sorted(server_changes(office.server, "payment_reversal")) == sorted(reversals)
    assert {str(i) for (i,) in b.rows("SELECT id FROM payment_reversal")} == reversals
    facts = server_facts(office.server)
    assert facts["gap_free"] and facts["double_versions"] == 0, facts
    assert facts["mutations"] == facts["distinct"]
    assert recoveries(a) == recoveries(b) == {}  # one counter never pays twice
    from app.services.maintenance import check

    assert check(a.home / "loket.db").ok


# -- 5. lost answers ------------------------------------------------------------------------


def test_payments_through_lost_answers_are_delivered_once(office):
    from tests.sync.helpers import LossyProxy

    a, b = office.a, office.b
    e = office.entitlements
    proxy = LossyProxy(office.server.url, drop=2)
    try:
        for pc in (a, b):
            con = sqlite3.connect(pc.home / "loket.db")
            con.execute("UPDATE sync_link SET server_url=?", (proxy.url,))
            con.commit()
            con.close()
        made = [pay(a, e[0]), pay(a, e[1]), pay(b, e[1]), pay(b, e[2], "transfer")]
        for pc in (a, b, a):  # each push is sent again after its answer was lost
            synced(pc)
        assert proxy.dropped == 2
    finally:
        proxy.close()
    facts = server_facts(office.server)
    assert facts["gap_free"] and facts["double_versions"] == 0, facts
    assert facts["mutations"] == facts["distinct"]
    stored = server_records(office.server, "payment")
    assert sorted(d["receipt_number"] for d in stored.values()) == sorted(made)
    assert sorted(server_changes(office.server, "payment")) == sorted(stored)
    assert payments_of(a) == payments_of(b)
    assert sorted(n for _e, n, _amount, _dev in payments_of(a).values()) == sorted(made)
    assert recoveries(a) == recoveries(b) == {e[1]: (True, office.amounts[e[1]], 2)}
