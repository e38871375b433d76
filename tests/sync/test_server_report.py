"""The server's monthly report (issue #14) against the offices' own, through a real server.

Two office PCs, JKT (WIB) and LOM (WITA, +8), each fill a few months of programme work
through the real services, and sync it to a real server process over real HTTP (SQLite,
and PostgreSQL where LOKET_TEST_PG is set): providers, registrations (one at 00:30 local
time on the first of last month: the office's own calendar decides the month), an early
cohort finished ten weeks ago whose graduates were called back, last month's cohort with
marks, a withdrawal, a waiting list, results, certificates, stipends paid cash and by
transfer, and a cohort running now; this month a payment, a reversal, a revoked
certificate and new registrations. Built once per module and backend.

Then the server's report (app.cli.server_report: the stored records copied into an
office-shaped SQLite file, the same `monthly_report` counting them) must equal each PC's
own report of its office, table by table, for last month and this one; the all-office
report must be the sum of the two offices'; the copy must hold nobody's name or NIK and
be gone afterwards; `loket server report monthly` must write the workbook or refuse a bad
office or month in one Indonesian sentence; and a record whose parent the server lacks is
counted as refused without stopping the report.

The PCs' clocks stay in the past (changes stamped ahead of the server's clock would be
held): days are relative to today, and "now" is a few minutes ago.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import sqlite3
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import Engine, delete, insert, select

from app.cli.server_report import Copied, snapshot
from app.db import Database, upgrade
from app.domain.roles import Role
from app.server.models import RecordState
from app.services.actor import Actor
from app.services.followups import Call
from app.services.monthly_report import monthly_report
from app.services.report_views import MonthlyReport
from tests.conftest import FakeClock
from tests.sync.conftest import Server, _spawn, backends, free_port, loket, server_db_url
from tests.sync.test_sync_payments import _pg_admin, _pg_name
from tests.unit.cohort_support import at, cohort, fit_provider, person

OFFICES = {"JKT": 1, "LOM": 501}  # office -> the first NIK serial of its people
NOW_LAG = timedelta(minutes=10)  # "now" on a PC: a little behind the server's clock


def clerk(office: str) -> Actor:
    return Actor(f"loket.{office.lower()}", Role.COUNTER, office, None, "Petugas")


def supervisor(office: str) -> Actor:
    return Actor(f"spv.{office.lower()}", Role.SUPERVISOR, office, None, "Supervisor")


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def moment() -> datetime:
    """A moment a few minutes ago (a PC's clock must not run ahead of the server's) that
    falls on the same day in UTC, WIB and WITA: before 16:00 UTC, or else 15:50 of that
    UTC day. The running month's work is done then, and the report runs to its day."""
    now = datetime.now(UTC) - NOW_LAG
    return now if now.hour < 16 else now.replace(hour=15, minute=50)


def months(today: date) -> tuple[date, date]:
    """The first days of last month and of the running one."""
    running = today.replace(day=1)
    return (running - timedelta(days=1)).replace(day=1), running


# -- the two offices, built once per module and backend -----------------------------------


@dataclass
class Synced:
    server: Server
    engine: Engine
    pcs: dict[str, Database]
    today: date  # the report's day (the running month's work was done on it)


def _new_pc(root: Path, office: str, url: str, engine: Engine) -> SimpleNamespace:
    """An office PC set up as `loket init` does and enrolled with a one-time code."""
    from app.server.admin import make_enroll_code
    from app.services.office import initialise
    from app.sync import client

    home = root / office
    home.mkdir()
    upgrade(home / "loket.db", home / "backups")
    clock = FakeClock(moment())
    db = Database(home / "loket.db", clock=clock)
    initialise(
        db,
        office_code=office,
        device_no=1,
        admin_username=f"admin.{office.lower()}",
        admin_full_name=f"Admin {office}",
        admin_password="Kantor2026",
        actor_label="cli:test",
    )
    client.enroll(db, url, make_enroll_code(engine, office))
    actors = {"counter": clerk(office), "supervisor": supervisor(office)}
    return SimpleNamespace(db=db, clock=clock, home=home, actors=actors, office=office)


def _people(pc: SimpleNamespace, first: int, names: Iterable[str], **over: str) -> list[str]:
    phk = (pc.clock.now.date() - timedelta(days=60)).strftime("%d/%m/%Y")
    return [
        person(pc, n, name, tanggal_phk=phk, **over) for n, name in enumerate(names, start=first)
    ]


def _rows(db: Database, sql: str, *params: object) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(db.path)
    try:
        return list(con.execute(sql, params).fetchall())
    finally:
        con.close()


def _session_days(pc: SimpleNamespace, cohort_id: str, before: date) -> list[date]:
    return [
        date.fromisoformat(d)
        for (d,) in _rows(
            pc.db,
            "SELECT day FROM cohort_session WHERE cohort_id=? AND day<? ORDER BY day",
            cohort_id,
            before.isoformat(),
        )
    ]


def _fill(pc: SimpleNamespace, today: date) -> None:
    """A few months of one office's work, in the order it happened (see the module
    docstring); every stamp before now."""
    from app.services import certificates, enrolment, entitlements, payments
    from app.services.attendance import all_present, lock_day, mark
    from app.services.cohort_results import finish_cohort, record_result
    from app.services.cohorts import set_status
    from app.services.followups import record

    office, n = pc.office, OFFICES[pc.office]
    counter, spv = pc.actors["counter"], pc.actors["supervisor"]
    last_month, _running = months(today)
    old_start = monday(today) - timedelta(days=70)
    main_start = monday(last_month + timedelta(days=7))  # a Monday of days 2-8
    run_start = monday(today) - timedelta(days=7)
    office_hours = 3 if office == "JKT" else 2  # 10:00 local

    blk = fit_provider(pc, on=old_start - timedelta(days=60), name=f"BLK {office}")
    lpk = fit_provider(pc, on=old_start - timedelta(days=60), name=f"LPK Garmen {office}")

    # ten weeks ago: a two-day cohort, three graduates called back a month later
    at(pc, old_start - timedelta(days=10), office_hours)
    called = _people(pc, n, ["Bambang Sutrisno", "Wati Susilawati", "Joko Purnomo", "Iwan Gunadi"])
    old = cohort(pc, blk, start=old_start, end=old_start + timedelta(days=1))
    enrolment.enrol(pc.db, counter, old, called)
    for day in (old_start, old_start + timedelta(days=1)):
        at(pc, day, office_hours)
        mark(pc.db, counter, old, day, {called[3]: "S"})
        all_present(pc.db, counter, old, day)
    at(pc, old_start + timedelta(days=3), office_hours)
    for k, who in enumerate(called):
        score, result = (85, "lulus") if k < 3 else (40, "tidak_lulus")
        record_result(pc.db, counter, old, who, score, result)
    finish_cohort(pc.db, spv, old)

    # last month: someone registered at 00:30 on its first day, the office's own time
    local_offset = 7 if office == "JKT" else 8
    pc.clock.now = datetime.combine(last_month, datetime.min.time(), UTC) + timedelta(
        minutes=30 - 60 * local_offset
    )
    midnight = _people(pc, n + 10, ["Dedi Kurniawan"])
    at(pc, last_month, office_hours)
    main = _people(
        pc, n + 11, ["Sri Wahyuni", "Agus Salim", "Rina Marlina", "Eko Prasetyo", "Yusuf Hakim"]
    )
    _people(pc, n + 16, ["Tono Sugiarto"], lama_kepesertaan="6")  # not eligible
    running = _people(pc, n + 20, ["Slamet Riyadi", "Nur Aisyah", "Hendra Gunawan"])
    garmen = cohort(
        pc, lpk, start=main_start, end=main_start + timedelta(days=4), module_code="GARMEN",
        capacity=5, transport_rate=50_000, pocket_rate=100_000,
    )  # fmt: skip
    cancelled = cohort(pc, blk, start=main_start, end=main_start + timedelta(days=4))
    set_status(pc.db, spv, cancelled, "dibatalkan", "lembaga menunda")
    people = midnight + main
    enrolment.enrol(pc.db, counter, garmen, people)  # the sixth waits
    for k, day in enumerate(_session_days(pc, garmen, main_start + timedelta(days=5))):
        at(pc, day, office_hours)
        if k == 1:  # Eko leaves on the second day: Yusuf takes his place
            enrolment.withdraw(pc.db, counter, garmen, people[4], "dapat kerja")
        marks = {0: {people[1]: "I"}, 1: {people[2]: "A"}, 2: {people[3]: "S"}}.get(k, {})
        if marks:
            mark(pc.db, counter, garmen, day, marks)
        all_present(pc.db, counter, garmen, day)
        lock_day(pc.db, spv, garmen, day)
    at(pc, main_start + timedelta(days=5), office_hours)
    results = {0: (90, "lulus"), 1: (80, "lulus"), 2: (75, "lulus"), 3: (40, "tidak_lulus")}
    for k, (score, result) in {**results, 5: (50, "tidak_lulus")}.items():  # not Eko (4)
        record_result(pc.db, counter, garmen, people[k], score, result)
    finish_cohort(pc.db, spv, garmen)
    entitlements.compute(pc.db, counter, garmen)
    entitlements.approve(pc.db, spv, garmen)
    numbers = certificates.issue(pc.db, counter, garmen)
    at(pc, main_start + timedelta(days=7), office_hours)
    owed = [
        str(i)
        for (i,) in _rows(
            pc.db,
            "SELECT id FROM entitlement WHERE cohort_id=? AND approved_at IS NOT NULL ORDER BY id",
            garmen,
        )
    ]
    assert len(owed) >= 6, owed
    receipts = [payments.pay(pc.db, counter, e, "cash").receipt_number for e in owed[:-2]]
    payments.pay(pc.db, counter, owed[-2], "transfer", f"TRF-{office}-1")

    # a cohort running since last week, one waiting; marks up to yesterday
    at(pc, run_start - timedelta(days=3), office_hours)
    las = cohort(pc, blk, start=run_start, end=run_start + timedelta(days=25), capacity=2)
    enrolment.enrol(pc.db, counter, las, running)
    for k, day in enumerate(_session_days(pc, las, today)):
        at(pc, day, office_hours)
        if k == 0:
            mark(pc.db, counter, las, day, {running[1]: "A"})
        all_present(pc.db, counter, las, day)

    # now: calls, new people, a transfer, a reversal, a revoked certificate
    pc.clock.now = moment()
    record(pc.db, counter, called[0], Call("working", employer="PT Baja", position="Juru las"))
    record(pc.db, counter, called[1], Call("self_employed", business_type="Warung makan"))
    record(pc.db, counter, called[2], Call("unreachable", attempts=3))
    _people(pc, n + 30, ["Fajar Nugroho"])
    _people(pc, n + 31, ["Lina Marlina"], lama_kepesertaan="")  # eligibility unknown
    payments.pay(pc.db, counter, owed[-1], "transfer", f"TRF-{office}-2")
    payments.reverse(pc.db, counter, spv, receipts[0], "dibayar dua kali")
    certificates.revoke(pc.db, counter, spv, numbers[0], "nama salah ketik")


def _synced(db: Database) -> None:
    """One sync cycle over real HTTP; nothing refused."""
    from app.sync.client import run_cycle

    report = run_cycle(db)
    assert report.ok, report.error
    assert report.rejected == [] and report.conflicts == [], report
    assert report.pull_problems == [], report.pull_problems


@pytest.fixture(scope="module", params=backends())
def synced(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Synced]:
    from app.server.db import make_server_engine

    root = tmp_path_factory.mktemp(f"report-{request.param}")
    server_db = server_db_url(root, request.param)
    port = free_port()
    server = Server(f"http://127.0.0.1:{port}", server_db, _spawn(server_db, port), port)
    engine = make_server_engine(server_db)
    pcs: dict[str, SimpleNamespace] = {}
    try:
        today = moment().astimezone().date()
        for office in OFFICES:
            pcs[office] = _new_pc(root, office, server.url, engine)
            _fill(pcs[office], today)
        for _round in range(2):  # the second round brings each the other's shared records
            for pc in pcs.values():
                _synced(pc.db)
        yield Synced(server, engine, {o: pc.db for o, pc in pcs.items()}, today)
    finally:
        for pc in pcs.values():
            pc.db.dispose()
        engine.dispose()
        server.stop()
        if server_db.startswith("postgresql"):
            with _pg_admin() as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{_pg_name(server_db)}" WITH (FORCE)')


# -- what the tests compare -----------------------------------------------------------------


def figures(report: MonthlyReport) -> dict[str, Any]:
    """Every field of every table, as plain data; not when the report was made."""
    data = dataclasses.asdict(report)
    del data["made_at"]
    return data


def server_reports(
    synced: Synced, first_days: Iterable[date], offices: Iterable[str | None]
) -> tuple[dict[tuple[date, str | None], MonthlyReport], Copied]:
    with snapshot(synced.engine) as (db, copied):
        made = {
            (first, office): monthly_report(db, first, office, today=synced.today)
            for first in first_days
            for office in offices
        }
    return made, copied


def summed(reports: list[MonthlyReport]) -> dict[str, Any]:
    """The tables of several offices' reports added up, keyed (order aside)."""

    def add(
        rows: Iterable[Any], key: tuple[str, ...], skip: tuple[str, ...] = ()
    ) -> dict[tuple[Any, ...], dict[str, int]]:
        total: dict[tuple[Any, ...], Counter[str]] = {}
        for row in rows:
            data = dataclasses.asdict(row)
            rate = data.pop("rate", None)
            if isinstance(rate, dict):
                data.update({f"rate.{k}": v for k, v in rate.items()})
            k = tuple(data[name] for name in key)
            counts = total.setdefault(k, Counter())
            for name, value in data.items():
                if name not in key and name not in skip and isinstance(value, int):
                    counts[name] += value
        return {k: dict(v) for k, v in total.items()}

    def every(name: str) -> list[Any]:
        return [row for r in reports for row in getattr(r, name)]

    return {
        "registrations": add(every("registrations"), ("office_code", "label")),
        "enrolments": add(every("enrolments"), ("module_code", "label")),
        "attendance": add(every("attendance"), ("cohort_code", "label")),
        "completions": add(every("completions"), ("cohort_code", "label", "provider", "end_date")),
        "certificates": add(every("certificates"), ("module_code", "label")),
        "stipends": add(every("stipends"), ("kind", "method")),
        "reversed": (
            sum(r.reversed_count for r in reports),
            sum(r.reversed_amount for r in reports),
        ),
        "outcomes_by_module": add(every("outcomes_by_module"), ("key", "label", "milestone")),
        "outcomes_by_provider": add(every("outcomes_by_provider"), ("key", "label", "milestone")),
        "scorecards": add(every("scorecards"), ("provider_id", "name")),
    }


def real_people(synced: Synced) -> list[tuple[str, str]]:
    """(NIK, name) of everyone the offices registered."""
    found = [
        (str(nik), str(name))
        for db in synced.pcs.values()
        for nik, name in _rows(db, "SELECT nik, full_name FROM participant")
    ]
    assert len(found) == 2 * 16, found
    return found


def _token_names(db: Database) -> list[str]:
    """The names in the signed claims of the certificates a database holds."""
    names = []
    for (token,) in _rows(db, "SELECT token FROM certificate"):
        if not token:
            continue  # blanked
        body = str(token).split(".")[0]
        claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
        names.append(str(claims[2]))
    return names


# -- the tests ------------------------------------------------------------------------------


@pytest.mark.parametrize("office", list(OFFICES))
def test_the_servers_report_of_an_office_equals_the_offices_own(synced, office):
    last_month, running = months(synced.today)
    made, copied = server_reports(synced, (last_month, running), (office,))
    assert copied.refused == 0 and copied.records > 0, copied
    pc = synced.pcs[office]
    for first in (last_month, running):
        own = figures(monthly_report(pc, first, office, today=synced.today))
        theirs = figures(made[(first, office)])
        for table, value in own.items():
            assert theirs[table] == value, (office, first, table)
    # the offices' work is all there (so equal is not "both empty")
    done = made[(last_month, office)]
    assert [(r.office_code, r.registered, r.met, r.not_met) for r in done.registrations] == [
        (office, 10, 9, 1)
    ]
    garmen = [r for r in done.enrolments if r.module_code == "GARMEN"]
    assert [(r.cohorts, r.enrolled, r.withdrawn, r.waiting) for r in garmen] == [(1, 5, 1, 0)]
    assert [(r.enrolled, r.passed, r.failed, r.withdrawn) for r in done.completions] == [
        (5, 3, 2, 1)
    ]
    assert sum(c.issued for c in done.certificates) == 3
    assert done.paid_count > 0 and done.marks.marked >= 5 * 5
    now = made[(running, office)]
    assert (now.reversed_count, sum(c.revoked for c in now.certificates)) == (1, 1)
    assert [(r.registered, r.met, r.unknown, r.to_date) for r in now.registrations] == [
        (2, 1, 1, 16)
    ]
    assert now.paid_count == 1
    assert {(r.milestone, r.rate.reached, r.rate.unreachable) for r in now.outcomes_by_module} >= {
        (1, 2, 1)
    }


def test_the_all_office_report_is_the_sum_of_the_offices(synced):
    last_month, running = months(synced.today)
    offices: list[str | None] = [None, *OFFICES]
    made, copied = server_reports(synced, (last_month, running), offices)
    assert copied.refused == 0
    for first in (last_month, running):
        every = made[(first, None)]
        assert (every.office_code, every.office_label) == (None, "Semua kantor")
        parts = [made[(first, office)] for office in OFFICES]
        assert summed([every]) == summed(parts), first
        # and the same from the offices' own PCs
        own = [monthly_report(synced.pcs[o], first, o, today=synced.today) for o in OFFICES]
        assert summed([every]) == summed(own), first
        assert {r.office_code for r in every.registrations} == set(OFFICES)
        assert every.paid_amount == sum(p.paid_amount for p in parts)
        assert every.registered_to_date == sum(p.registered_to_date for p in parts)


def test_the_copy_holds_nobodys_name_or_nik_and_is_removed_afterwards(synced):
    people = real_people(synced)
    with snapshot(synced.engine) as (db, copied):
        folder = Path(db.path).parent
        assert copied.refused == 0
        held = _rows(
            db,
            "SELECT DISTINCT nik, full_name, name_key, birth_date, phone, email, kpj, "
            "ktp_address, bank_account, bank_account_holder FROM participant",
        )
        assert held == [("0000000000000000", "-", "-", "1900-01-01", *[None] * 6)]
        assert _rows(db, "SELECT count(*) FROM participant") == [(2 * 16,)]
        assert _rows(db, "SELECT count(*) FROM certificate") == [(2 * 3,)]
        files = b"".join(p.read_bytes() for p in folder.iterdir() if p.is_file())
        for nik, name in people:
            assert nik.encode() not in files, nik
            assert name.encode() not in files, name
    assert not folder.exists()


def test_the_copy_holds_no_certificate_claims_with_a_name(synced):
    """A certificate's token is `<claims>.<signature>`, the claims base64url JSON with
    the graduate's name and birth date: the bytes hold no name, yet the copy does."""
    names = {name for _nik, name in real_people(synced)}
    with snapshot(synced.engine) as (db, _copied):
        assert names.isdisjoint(_token_names(db))
        assert _rows(db, "SELECT DISTINCT token FROM certificate") == [("",)]
        # nor what a follow-up call heard, nor a typed reason
        assert _rows(
            db,
            "SELECT DISTINCT employer, npp, position, wage, business_type, note FROM follow_up",
        ) in ([], [(None,) * 6])
        assert _rows(
            db, "SELECT count(*) FROM enrollment WHERE withdraw_reason IS NOT NULL "
            "OR result_reason IS NOT NULL"
        ) == [(0,)]  # fmt: skip


@pytest.mark.parametrize("office", list(OFFICES))
def test_one_offices_copy_holds_that_office_and_gives_the_same_report(synced, office):
    """`--office` copies that office's cohorts, marks and money only (and every office's
    people, providers and modules), and counts the same as the copy of every office."""
    months_ = months(synced.today)
    whole, _copied = server_reports(synced, months_, [office])
    with snapshot(synced.engine, office) as (db, copied):
        assert copied.refused == 0
        assert {r[0] for r in _rows(db, "SELECT DISTINCT office_code FROM cohort")} == {office}
        for first in months_:
            mine = monthly_report(db, first, office, today=synced.today)
            assert figures(mine) == figures(whole[(first, office)]), first


def cli_report(home: Path, db: str, *args: str) -> Any:
    """`loket server report monthly --db DB ARGS` as a process (LOKET_HOME: its log)."""
    return loket(home, "server", "report", "monthly", "--db", db, *args)


def test_the_cli_writes_the_workbook_and_refuses_a_bad_office_or_month(synced, tmp_path):
    import openpyxl

    last_month, _running = months(synced.today)
    month = last_month.isoformat()[:7]
    home, folder = tmp_path / "home", tmp_path / "out"
    folder.mkdir()
    out = folder / "laporan.xlsx"
    done = cli_report(home, synced.server.db, "--month", month, "--office", "jkt", "--out",
                         str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].endswith(" data dari server dihitung (0 tidak dapat dibaca)."), lines
    assert lines[1].startswith("Laporan bulanan ") and "DKI Jakarta (JKT)" in lines[1], lines
    assert lines[1].endswith(f"ditulis ke {out}."), lines
    assert lines[2].startswith("Pendaftar baru 10 (terdaftar s.d. akhir bulan 14);"), lines
    book = openpyxl.load_workbook(out, read_only=True)
    try:
        cells = {str(v) for ws in book for row in ws.iter_rows(values_only=True) for v in row}
    finally:
        book.close()
    assert any("(JKT)" in c for c in cells) and not any("(LOM)" in c for c in cells)
    for args, sentence in (
        (("--month", month, "--office", "XX"), "loket: Kantor 'XX' tidak dikenal."),
        (
            ("--month", "2026-13"),
            "loket: Bulan '2026-13' tidak dikenal. Tulis tahun dan bulan seperti 2026-11.",
        ),
    ):
        refused = cli_report(home, synced.server.db, *args, "--out", str(folder / "x.xlsx"))
        assert refused.returncode == 1, refused.stdout + refused.stderr
        assert refused.stderr.strip() == sentence, refused.stderr
        assert "Traceback" not in refused.stdout + refused.stderr
        assert sorted(p.name for p in folder.iterdir()) == ["laporan.xlsx"]


def test_a_record_whose_parent_the_server_lacks_is_refused_and_the_report_comes_out(
    synced, tmp_path
):
    last_month, running = months(synced.today)
    before, _copied = server_reports(synced, (last_month, running), (None,))
    orphan = str(uuid.uuid4())
    with synced.engine.begin() as conn:
        some = conn.execute(
            select(RecordState.data, RecordState.hlc)
            .where(RecordState.entity == "attendance", RecordState.office_code == "JKT")
            .limit(1)
        ).one()
        data = dict(some.data, cohort_id=str(uuid.uuid4()), session_id=str(uuid.uuid4()))
        conn.execute(
            insert(RecordState).values(
                entity="attendance",
                entity_id=orphan,
                office_code="JKT",
                version=1,
                hlc=some.hlc,
                data=data,
                field_versions={k: [1, "test"] for k in data},
                deleted=False,
            )
        )
    try:
        after, copied = server_reports(synced, (last_month, running), (None,))
        assert copied.refused == 1, copied
        for key, report in before.items():
            assert figures(after[key]) == figures(report)
        out = tmp_path / "semua.xlsx"
        month = last_month.isoformat()[:7]
        done = cli_report(tmp_path / "home", synced.server.db, "--month", month, "--out",
                             str(out))  # fmt: skip
        assert done.returncode == 0 and out.exists(), done.stderr
        assert done.stdout.splitlines()[0].endswith(" dihitung (1 tidak dapat dibaca)."), done
    finally:
        with synced.engine.begin() as conn:
            conn.execute(
                delete(RecordState).where(
                    RecordState.entity == "attendance", RecordState.entity_id == orphan
                )
            )
