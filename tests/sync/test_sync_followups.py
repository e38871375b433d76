"""Follow-ups, vacancies and referrals between offices through a real server (issue #13,
item 7: "vacancies reach every office; follow-ups and outcomes belong to the participant's
office, last writer by hlc").

Five PCs: JKT counters 1 and 2, which hold one finished cohort (Budi and Siti passed, Agus
did not), BTN, LOM (its own finished cohort: Lalu passed) and BPN. Built once per module
and server backend, then copied for each test (the server's database and the five PCs'
files). Two JKT counters calling Budi offline write ONE follow-up, the later stamp's, and
his status follows it on both, whichever syncs first; a vacancy recorded at BPN reaches
every office, LOM refers its own graduate to it (the referral stays in LOM's office) and
closing it at JKT takes it off every open list; and the server refuses follow-ups and
referrals under an id their fields do not give (rule 7) or for another office's people.

The cohorts ended about seven weeks ago, so the 1-month follow-up is due today by the real
calendar: a PC's clock is only shifted minutes into the past (changes stamped ahead of the
server's clock would be held), which also says which counter called later.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from app.db import Database, upgrade
from app.domain import vacancies as match_rules
from app.domain.followups import add_months
from app.domain.ids import stable_id
from app.domain.roles import Role
from app.server.db import normalize_url
from app.services.actor import Actor
from app.services.followups import Call, due, record
from app.services.vacancies import add_vacancy, close_vacancy, list_vacancies
from app.services.vacancy_matching import matches_for_participant, record_hire, refer
from tests.conftest import FakeClock
from tests.sync.conftest import Server, _spawn, backends, free_port, server_db_url
from tests.sync.hostile import raw_device, server_audit
from tests.sync.test_sync_payments import _copy_sqlite, _pg_admin, _pg_name

# office PCs of the template: folder -> (office, device number)
PCS = {"a": ("JKT", 1), "b": ("JKT", 2), "c": ("BTN", 1), "d": ("LOM", 1), "e": ("BPN", 1)}


def clerk(office: str, username: str | None = None) -> Actor:
    return Actor(username or f"loket.{office.lower()}", Role.COUNTER, office, None, "Petugas")


def supervisor(office: str) -> Actor:
    return Actor(f"spv.{office.lower()}", Role.SUPERVISOR, office, None, "Supervisor")


JKT_PEOPLE = ("Budi Santoso", "Siti Aminah", "Agus Salim")
JKT_GRADUATES = ("Budi", "Siti")
LOM_PEOPLE = ("Lalu Ahmad", "Baiq Nurul")
LOM_GRADUATES = ("Lalu",)
WORKING = Call(
    "working", employer="PT Baja Utama", npp="12345678", position="Juru las", wage=5_100_000,
    formal=True,
)  # fmt: skip
LOOKING = Call("looking", note="masih melamar")


class ShiftedClock:
    """The real clock, shifted: a PC whose clock runs `offset` behind or ahead."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset


@dataclass
class PC:
    home: Path
    db: Database
    clock: ShiftedClock
    device_id: str
    device_no: int
    office: str

    def rows(self, sql: str, *params: object) -> list[tuple[Any, ...]]:
        con = sqlite3.connect(self.home / "loket.db")
        try:
            return list(con.execute(sql, params).fetchall())
        finally:
            con.close()


@dataclass
class Offices:
    server: Server
    pcs: dict[str, PC]
    cohorts: dict[str, str]  # office -> its finished cohort
    people: dict[str, str]  # first name -> participant id (JKT's and LOM's)
    end: date  # the cohorts' last day

    def __getattr__(self, name: str) -> PC:
        try:
            return self.pcs[name]
        except KeyError:
            raise AttributeError(name) from None

    def enrollment(self, first_name: str, office: str = "JKT") -> str:
        return stable_id("enrollment", self.cohorts[office], self.people[first_name])


@dataclass
class _Template:
    root: Path
    server_db: str
    cohorts: dict[str, str]
    people: dict[str, str]
    end: date
    devices: dict[str, tuple[str, int]]  # PC folder name -> (device id, device number)


def _new_pc(root: Path, name: str, url: str, engine: Any) -> SimpleNamespace:
    """An office PC set up as `loket init` does and enrolled with a one-time code."""
    from app.server.admin import make_enroll_code
    from app.services.office import initialise
    from app.sync import client

    office, device_no = PCS[name]
    home = root / name
    home.mkdir()
    upgrade(home / "loket.db", home / "backups")
    clock = FakeClock()
    db = Database(home / "loket.db", clock=clock)
    initialise(
        db,
        office_code=office,
        device_no=device_no,
        admin_username=f"admin.{name}",  # two PCs' admins never clash on pull
        admin_full_name=f"Admin {office} {device_no}",
        admin_password="Kantor2026",
        actor_label="cli:test",
    )
    client.enroll(db, url, make_enroll_code(engine, office))
    actors = {"counter": clerk(office), "supervisor": supervisor(office), "admin": clerk(office)}
    return SimpleNamespace(db=db, clock=clock, home=home, actors=actors)


def _start() -> date:
    """A Monday seven weeks ago: the cohort's 1-month follow-up is due now, the 3-month
    one is not."""
    today = date.today()
    return today - timedelta(days=today.weekday() + 49)


def _finished_cohort(
    pc: SimpleNamespace, names: tuple[str, ...], graduates: tuple[str, ...], first_n: int
) -> tuple[str, dict[str, str]]:
    """A two-day cohort seven weeks ago of its own provider, everyone present, finished
    two days later; `graduates` passed."""
    from app.services import enrolment
    from app.services.attendance import all_present
    from app.services.cohort_results import finish_cohort, record_result
    from tests.unit.cohort_support import at, cohort, fit_provider, person

    office = pc.actors["counter"].office_code
    start = _start()
    pid = fit_provider(pc, on=start - timedelta(days=30), name=f"BLK {office}")
    at(pc, start - timedelta(days=5))
    cid = cohort(pc, pid, start=start, end=start + timedelta(days=1))
    ids = [person(pc, n, name) for n, name in enumerate(names, start=first_n)]
    people = {name.split()[0]: i for name, i in zip(names, ids, strict=True)}
    enrolment.enrol(pc.db, pc.actors["counter"], cid, ids)
    for day in (start, start + timedelta(days=1)):
        at(pc, day)
        all_present(pc.db, pc.actors["counter"], cid, day)
    at(pc, start + timedelta(days=3))
    for first, who in people.items():
        score, result = (85, "lulus") if first in graduates else (40, "tidak_lulus")
        record_result(pc.db, pc.actors["counter"], cid, who, score, result)
    finish_cohort(pc.db, pc.actors["supervisor"], cid)
    return cid, people


@pytest.fixture(scope="module", params=backends())
def _template(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[_Template]:
    from app.server.db import make_server_engine
    from app.sync.client import run_cycle

    root = tmp_path_factory.mktemp(f"followups-{request.param}")
    server_db = server_db_url(root, request.param)
    port = free_port()
    process = _spawn(server_db, port)
    engine = make_server_engine(server_db)
    try:
        url = f"http://127.0.0.1:{port}"
        pcs = {name: _new_pc(root, name, url, engine) for name in PCS}
        jkt, jkt_people = _finished_cohort(pcs["a"], JKT_PEOPLE, JKT_GRADUATES, 1)
        # other NIKs than JKT's people: no same-NIK flag between offices
        lom, lom_people = _finished_cohort(pcs["d"], LOM_PEOPLE, LOM_GRADUATES, 101)
        for name in ("a", "d", "b", "c", "e"):
            report = run_cycle(pcs[name].db)
            assert report.ok and not report.rejected and not report.pull_problems, report
        devices = {}
        for name, pc in pcs.items():
            con = sqlite3.connect(pc.home / "loket.db")
            try:
                devices[name] = con.execute("SELECT device_id, device_no FROM device").fetchone()
                if name == "b":  # the other counter holds the finished cohort and its people
                    assert con.execute(
                        "SELECT status FROM cohort WHERE id=?", (jkt,)
                    ).fetchall() == [("selesai",)]
                    assert con.execute("SELECT count(*) FROM enrollment").fetchone() == (3,)
            finally:
                con.close()
            pc.db.dispose()
    finally:
        engine.dispose()
        process.terminate()
        process.wait(timeout=30)
    yield _Template(
        root,
        server_db,
        {"JKT": jkt, "LOM": lom},
        {**jkt_people, **lom_people},
        _start() + timedelta(days=1),
        {k: (str(v[0]), int(v[1])) for k, v in devices.items()},
    )
    if server_db.startswith("postgresql"):
        with _pg_admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{_pg_name(server_db)}" WITH (FORCE)')


@pytest.fixture
def offices(_template: _Template, tmp_path: Path) -> Iterator[Offices]:
    """A copy of the template: its server (a new process on a copy of the server's
    database) and the five PCs (copies of their folders, linked to that server), each
    with the real clock (shiftable)."""
    t = _template
    if t.server_db.startswith("postgresql"):
        db = f"{t.server_db.rsplit('/', 1)[0]}/loket_fu_{uuid.uuid4().hex[:12]}"
        with _pg_admin() as conn:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (_pg_name(t.server_db),),
            )
            conn.execute(f'CREATE DATABASE "{_pg_name(db)}" TEMPLATE "{_pg_name(t.server_db)}"')
    else:
        db = str(tmp_path / "server.db")
        _copy_sqlite(Path(t.server_db), Path(db))
    pcs: dict[str, PC] = {}
    server: Server | None = None
    try:
        port = free_port()
        server = Server(f"http://127.0.0.1:{port}", db, _spawn(db, port), port)
        for name, (office, _no) in PCS.items():
            home = tmp_path / name
            home.mkdir()
            _copy_sqlite(t.root / name / "loket.db", home / "loket.db")
            con = sqlite3.connect(home / "loket.db")
            con.execute("UPDATE sync_link SET server_url=?", (server.url,))
            con.commit()
            con.close()
            device_id, device_no = t.devices[name]
            clock = ShiftedClock()
            pcs[name] = PC(
                home, Database(home / "loket.db", clock=clock), clock, device_id, device_no, office
            )
        yield Offices(server, pcs, dict(t.cohorts), dict(t.people), t.end)
    finally:
        for pc in pcs.values():
            pc.db.dispose()
        if server is not None:
            server.stop()
        if db.startswith("postgresql"):
            with _pg_admin() as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{_pg_name(db)}" WITH (FORCE)')


# -- what the tests look at ---------------------------------------------------------------


@dataclass(frozen=True)
class Stored:
    office_code: str
    version: int
    hlc: str
    data: dict[str, Any]


def server_state(server: Server, entity: str) -> dict[str, Stored]:
    """The server's stored records of a type, with their office, version and stamp."""
    engine = create_engine(normalize_url(server.db))
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT entity_id, office_code, version, hlc, data FROM record_state "
                    "WHERE entity = :e"
                ),
                {"e": entity},
            ).all()
    finally:
        engine.dispose()
    return {
        str(i): Stored(str(o), int(v), str(h), json.loads(d) if isinstance(d, str) else d)
        for i, o, v, h, d in rows
    }


def synced(pc: Any) -> Any:
    """One sync cycle as the window and the CLI run it (app.services.sync_now: the cycle,
    then the statuses the follow-ups settle), in this process but over real HTTP; nothing
    refused."""
    from app.services.sync_now import sync_now

    report = sync_now(pc.db)
    assert report.ok, report.error
    assert not report.rejected and not report.conflicts and not report.pull_problems, report
    return report


def status_of(pc: PC, participant_id: str) -> str:
    ((status,),) = pc.rows("SELECT status FROM participant WHERE id=?", participant_id)
    return str(status)


def vacancy_values(**over: Any) -> dict[str, Any]:
    values = {
        "employer": "PT Kaltim Baja Konstruksi",
        "npp": "87654321",
        "sector": "Konstruksi",
        "position": "Juru las",
        "region_code": "64.71",
        "modules": "LAS",
        "openings": "3",
        "wage_min": "4.000.000",
        "wage_max": "6.000.000",
        "closes_on": (date.today() + timedelta(days=30)).strftime("%d/%m/%Y"),
        "contact": "HRD 0542-123456",
        "source": "Surat perusahaan",
    }
    values.update(over)
    return values


# -- 1. two counters, one follow-up ------------------------------------------------------


@pytest.mark.parametrize("later", ["working", "looking"])  # what the later call heard
@pytest.mark.parametrize("first", ["earlier_first", "later_first"])  # who syncs first
def test_two_counters_calling_the_same_graduate_offline_keep_the_later_outcome(
    offices, later, first
):
    """JKT-1 and JKT-2 both call Budi offline (his 1-month follow-up is due) and hear
    different things; JKT-2 ten minutes after JKT-1. Whichever syncs first, the server and
    both PCs end with ONE follow-up (the id from his enrolment and the milestone) holding
    JKT-2's outcome and stamp, and Budi's status follows that outcome on both PCs and the
    server: working -> employed, still looking -> completed."""
    a, b = offices.a, offices.b
    budi = offices.people["Budi"]
    fid = stable_id("follow_up", offices.enrollment("Budi"), "1")
    earlier_call, later_call = (LOOKING, WORKING) if later == "working" else (WORKING, LOOKING)
    expected_status = "employed" if later == "working" else "completed"
    for pc in (a, b):  # his first follow-up is on both call lists
        assert [(r.name, r.milestone, r.urgency) for r in due(pc.db, date.today())
                if r.participant_id == budi] == [("Budi Santoso", 1, "overdue")]  # fmt: skip
        assert status_of(pc, budi) == "completed"
    a.clock.offset, b.clock.offset = timedelta(minutes=-20), timedelta(minutes=-10)
    made_a = record(a.db, clerk("JKT", "loket.ani"), budi, earlier_call)
    made_b = record(b.db, clerk("JKT", "loket.bayu"), budi, later_call)
    assert made_a.id == made_b.id == fid and made_a.milestone == made_b.milestone == 1
    ((hlc_a,),) = a.rows("SELECT hlc FROM follow_up")
    ((hlc_b,),) = b.rows("SELECT hlc FROM follow_up")
    assert hlc_a < hlc_b

    order = (a, b, a) if first == "earlier_first" else (b, a, b)
    for pc in order:
        synced(pc)
    # The counter that learnt of the other's call last settled Budi's status from the
    # later outcome; one more round carries that to the server and the other counter.
    for pc in (a, b, a, b):
        synced(pc)

    stored = server_state(offices.server, "follow_up")
    assert list(stored) == [fid]
    assert stored[fid].office_code == "JKT" and stored[fid].hlc == hlc_b
    assert (stored[fid].data["outcome"], stored[fid].data["called_by"]) == (later, "loket.bayu")
    for pc in (a, b):
        assert pc.rows("SELECT id, outcome, called_by, hlc, office_code FROM follow_up") == [
            (fid, later, "loket.bayu", hlc_b, "JKT")
        ], pc.home.name
        if later == "working":
            assert pc.rows("SELECT employer, position, wage FROM follow_up") == [
                ("PT Baja Utama", "Juru las", 5_100_000)
            ]
        else:
            assert pc.rows("SELECT employer, wage FROM follow_up") == [(None, None)]
        # done: he is off the call list until the 3-month follow-up
        assert budi not in {r.participant_id for r in due(pc.db, date.today())}
    statuses = {pc.home.name: status_of(pc, budi) for pc in (a, b)}
    server_status = server_state(offices.server, "participant")[budi].data["status"]
    assert (statuses, server_status) == ({"a": expected_status, "b": expected_status},
                                         expected_status)  # fmt: skip
    for pc in (a, b):
        assert pc.rows("SELECT count(*) FROM outbox WHERE status='pending'") == [(0,)]
    # BTN, LOM and BPN hold none of it
    for pc in (offices.c, offices.d, offices.e):
        synced(pc)
        assert pc.rows("SELECT count(*) FROM follow_up") == [(0,)]


# -- 2. a vacancy for every office, a referral for one --------------------------------------


def test_a_vacancy_reaches_every_office_a_referral_stays_home_and_closing_it_reaches_all(
    offices,
):
    """BPN records a welding vacancy in Balikpapan; after sync LOM and JKT hold it. LOM
    matches it to its own welding graduate Lalu and refers him (and later records that he
    was hired): the referral is LOM's, BPN and JKT never receive it. JKT closes the
    vacancy (any office may write a shared record; it stays BPN's): BPN and LOM receive
    the closing and it leaves their open lists and Lalu's matches."""
    a, b, c, d, e = (offices.pcs[n] for n in "abcde")
    lalu = offices.people["Lalu"]
    made = add_vacancy(e.db, clerk("BPN"), vacancy_values())
    assert made.office_code == "BPN" and made.is_open and made.modules == ("LAS",)
    vid = made.id
    synced(e)
    for pc in (d, a, c):
        assert pc.rows("SELECT count(*) FROM vacancy") == [(0,)]
        synced(pc)
        assert [(r.id, r.office_code, r.employer, r.is_open) for r in list_vacancies(pc.db)] == [
            (vid, "BPN", "PT Kaltim Baja Konstruksi", True)
        ], pc.home.name

    matches = matches_for_participant(d.db, lalu)
    assert [(m.vacancy.id, m.referred_on) for m in matches] == [(vid, None)]
    # his welding training, and the wage meets his last one (Balikpapan is not his region)
    assert matches[0].score == match_rules.TRAINED + match_rules.WAGE_MEETS
    assert "Juru Las" in matches[0].reasons[0]
    referral = refer(d.db, clerk("LOM"), lalu, vid)
    rid = stable_id("referral", lalu, vid)
    assert referral.id == rid
    synced(d)
    hired = record_hire(d.db, clerk("LOM"), lalu, vid, True, date.today())
    assert hired.hired is True
    synced(d)
    stored = server_state(offices.server, "referral")
    assert list(stored) == [rid] and stored[rid].office_code == "LOM"
    assert stored[rid].data["hired"] is True
    assert [m.referred_on for m in matches_for_participant(d.db, lalu)] == [date.today()]
    assert d.rows("SELECT id, office_code, hired FROM referral") == [(rid, "LOM", 1)]
    for pc in (e, a, b, c):
        synced(pc)
        assert pc.rows("SELECT count(*) FROM referral") == [(0,)], pc.home.name

    closed = close_vacancy(a.db, clerk("JKT"), vid)
    assert closed.closed and not closed.is_open and closed.office_code == "BPN"
    synced(a)
    assert server_state(offices.server, "vacancy")[vid].office_code == "BPN"
    assert server_state(offices.server, "vacancy")[vid].data["closed_by"] == "loket.jkt"
    for pc in (e, d, b, c):
        synced(pc)
        assert list_vacancies(pc.db) == [], pc.home.name
        assert [(r.id, r.closed, r.office_code) for r in list_vacancies(pc.db, include_closed=True)
                ] == [(vid, True, "BPN")]  # fmt: skip
        assert pc.rows("SELECT closed_by FROM vacancy") == [("loket.jkt",)]
    assert matches_for_participant(d.db, lalu) == []
    # LOM's record of the referral and the hire is still there
    assert d.rows("SELECT id, office_code, hired FROM referral") == [(rid, "LOM", 1)]
    assert [r.referred for r in list_vacancies(d.db, include_closed=True)] == [1]


# -- 3. what the server refuses --------------------------------------------------------------


def _follow_up_row(offices: Offices, first_name: str, office: str, milestone: int = 1) -> dict:
    now = datetime.now(UTC)
    return {
        "participant_id": offices.people[first_name],
        "enrollment_id": offices.enrollment(first_name),
        "cohort_id": offices.cohorts["JKT"],
        "milestone": milestone,
        "due_on": add_months(offices.end, milestone).isoformat(),
        "attempts": 0,
        "outcome": "working",
        "employer": "PT Bukan Sebenarnya",
        "called_by": "loket.asing",
        "called_at": now.isoformat(),
        "office_code": office,
        "created_at": now.isoformat(),
    }


def _referral_row(participant_id: str, vacancy_id: str, office: str) -> dict:
    now = datetime.now(UTC)
    return {
        "participant_id": participant_id,
        "vacancy_id": vacancy_id,
        "referred_on": now.date().isoformat(),
        "referred_by": "loket.asing",
        "hired": True,
        "hired_on": now.date().isoformat(),
        "office_code": office,
        "created_at": now.isoformat(),
    }


REFUSED = ("rejected", "not permitted", None)


def _outcomes(answers: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(x["status"], x["reason"], x["record"]) for x in answers]


@pytest.fixture
def vacancy(offices) -> str:
    """A BPN vacancy every office holds."""
    vid = add_vacancy(offices.e.db, clerk("BPN"), vacancy_values()).id
    synced(offices.e)
    synced(offices.a)
    return vid


def test_a_follow_up_or_referral_under_an_id_its_fields_do_not_give_is_refused(offices, vacancy):
    """Rule 7: a follow-up is taken only as stable_id("follow_up", enrolment, milestone),
    a referral only as stable_id("referral", person, vacancy) — by JKT's own counter too.
    Each refusal stores nothing and is audited; JKT's real records then arrive."""
    server = offices.server
    siti = offices.people["Siti"]
    enrollment = offices.enrollment("Siti")
    raw = raw_device(server, "JKT")  # a JKT counter's token
    forbidden = len(server_audit(server, "push.forbidden"))
    row = _follow_up_row(offices, "Siti", "JKT")
    answers = raw.push(
        raw.mutation("follow_up", str(uuid.uuid4()), "insert", row),  # a made-up id
        # the id of her 3-month follow-up for the 1-month one
        raw.mutation("follow_up", stable_id("follow_up", enrollment, "3"), "insert", row),
        # the id of Budi's
        raw.mutation("follow_up", stable_id("follow_up", offices.enrollment("Budi"), "1"),
                     "insert", row),
    )  # fmt: skip
    referral = _referral_row(siti, vacancy, "JKT")
    answers += raw.push(
        raw.mutation("referral", str(uuid.uuid4()), "insert", referral),
        raw.mutation("referral", stable_id("referral", vacancy, siti), "insert", referral),
        raw.mutation("referral", stable_id("referral", offices.people["Budi"], vacancy),
                     "insert", referral),
    )  # fmt: skip
    assert _outcomes(answers) == [REFUSED] * 6
    audited = server_audit(server, "push.forbidden")[forbidden:]
    assert [(r["device_id"], r["detail"]["entity"]) for r in audited] == [
        (raw.device_id, "follow_up")] * 3 + [(raw.device_id, "referral")] * 3  # fmt: skip
    assert server_state(server, "follow_up") == {}
    assert server_state(server, "referral") == {}

    # JKT's real follow-up and referral, under their derived ids, are applied
    _jkt_records_arrive(offices, vacancy)


def _jkt_records_arrive(offices: Offices, vacancy: str) -> tuple[dict, dict]:
    """JKT-1 calls Siti and refers her to the vacancy, and syncs: both are applied under
    their derived ids, as JKT's. The server's follow-ups and referrals after."""
    a, server = offices.a, offices.server
    siti = offices.people["Siti"]
    record(a.db, clerk("JKT"), siti, LOOKING)
    refer(a.db, clerk("JKT"), siti, vacancy)
    synced(a)
    fid = stable_id("follow_up", offices.enrollment("Siti"), "1")
    rid = stable_id("referral", siti, vacancy)
    follow_ups, referrals = server_state(server, "follow_up"), server_state(server, "referral")
    assert {k: v.office_code for k, v in follow_ups.items()} == {fid: "JKT"}
    assert {k: v.office_code for k, v in referrals.items()} == {rid: "JKT"}
    assert follow_ups[fid].data["outcome"] == "looking"
    return follow_ups, referrals


@pytest.mark.parametrize("named", ["JKT", "BTN"])
def test_another_office_cannot_write_a_follow_up_or_referral_of_a_jkt_participant(
    offices, vacancy, named
):
    """Office scope: a BTN device pushes a follow-up and a referral for Siti, a JKT
    participant, under the ids her own office will use: named as JKT's records, or as
    BTN's own (which would take those ids ahead: JKT's own would then be refused for ever,
    rule 1, the attack rule 7 is there to stop). Each is refused, stores nothing and is
    audited; JKT's own then arrive, and no BTN PC receives anything of hers."""
    c = offices.c
    server = offices.server
    siti = offices.people["Siti"]
    fid = stable_id("follow_up", offices.enrollment("Siti"), "1")
    rid = stable_id("referral", siti, vacancy)
    raw = raw_device(server, "BTN")  # a BTN counter's token
    forbidden = len(server_audit(server, "push.forbidden"))
    answers = raw.push(
        raw.mutation("follow_up", fid, "insert", _follow_up_row(offices, "Siti", named),
                     office=named),
        raw.mutation("referral", rid, "insert", _referral_row(siti, vacancy, named),
                     office=named),
    )  # fmt: skip
    assert _outcomes(answers) == [REFUSED] * 2
    audited = server_audit(server, "push.forbidden")[forbidden:]
    assert [(r["device_id"], r["detail"]["entity"]) for r in audited] == [
        (raw.device_id, "follow_up"), (raw.device_id, "referral")]  # fmt: skip
    assert server_state(server, "follow_up") == {}
    assert server_state(server, "referral") == {}
    _jkt_records_arrive(offices, vacancy)
    synced(c)
    assert c.rows("SELECT count(*) FROM follow_up") == [(0,)]
    assert c.rows("SELECT count(*) FROM referral") == [(0,)]


def test_another_office_cannot_change_a_jkt_follow_up_or_referral(offices, vacancy):
    """Once JKT's follow-up and referral are on the server, a BTN device changing them or
    inserting them again, named as JKT's or as BTN's, is refused; they stay as JKT wrote
    them, on the server and at JKT's PCs."""
    a, b = offices.a, offices.b
    server = offices.server
    siti = offices.people["Siti"]
    fid = stable_id("follow_up", offices.enrollment("Siti"), "1")
    rid = stable_id("referral", siti, vacancy)
    follow_ups, referrals = _jkt_records_arrive(offices, vacancy)
    raw = raw_device(server, "BTN")
    answers = []
    for office in ("JKT", "BTN"):
        answers += raw.push(
            raw.mutation("follow_up", fid, "update", {"outcome": "working",
                         "employer": "PT Bukan Sebenarnya"}, office=office,
                         base_version=1, version=2),
            raw.mutation("referral", rid, "update", {"hired": True}, office=office,
                         base_version=1, version=2),
            raw.mutation("follow_up", fid, "insert", _follow_up_row(offices, "Siti", office),
                         office=office),
            raw.mutation("referral", rid, "insert", _referral_row(siti, vacancy, office),
                         office=office),
        )  # fmt: skip
    assert _outcomes(answers) == [REFUSED] * 8
    assert server_state(server, "follow_up") == follow_ups
    assert server_state(server, "referral") == referrals
    for pc in (a, b):
        synced(pc)
        assert pc.rows("SELECT id, outcome, employer FROM follow_up") == [(fid, "looking", None)], (
            pc.home.name
        )
        assert pc.rows("SELECT id, hired FROM referral") == [(rid, None)], pc.home.name
