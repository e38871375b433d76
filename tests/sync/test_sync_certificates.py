"""Certificates between offices through a real server (issue #12 item 7).

Office JKT has two counters holding one finished cohort (Budi, Dewi and Eko passed, Siti did
not); office BTN has one PC. Built once per module and server backend, then copied for each
test (the server's database and the three PCs' files). A JKT certificate verifies at BTN
offline once the issuing PC's public key has travelled, and says DICABUT there, at the other
JKT counter and on the server's public page once its revocation has synced; two counters
issuing offline each take their own series and both push; and the server refuses a public
key in another device's name, a certificate number of another counter's series and a
revocation of a JKT certificate by another office.

The cohort's dates lie before today (changes stamped ahead of the server's clock would be
held), and staff act through `Actor`s made here (the services check roles, not accounts).
"""

from __future__ import annotations

import re
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest

from app.db import Database, upgrade
from app.domain import certificates as rules
from app.domain.ids import stable_id
from app.domain.roles import Role
from app.services import certificates
from app.services.actor import Actor
from tests.conftest import FakeClock
from tests.sync.conftest import Server, _spawn, backends, free_port, server_db_url
from tests.sync.hostile import RawDevice, server_audit
from tests.sync.test_sync_payments import (
    Counter,
    _copy_sqlite,
    _pg_admin,
    _pg_name,
    server_changes,
    server_records,
    synced,
)

CLERK = Actor("loket.budi", Role.COUNTER, "JKT", None, "Budi Loket")
SUPERVISOR = Actor("spv.rina", Role.SUPERVISOR, "JKT", None, "Rina Supervisi")
PEOPLE = ("Budi Santoso", "Siti Aminah", "Dewi Lestari", "Eko Prasetyo")
GRADUATES = ("Budi", "Dewi", "Eko")
STATUS = re.compile(r'<h1 id="status">([^<]*)</h1>')


@dataclass
class Offices:
    server: Server
    a: Counter  # JKT-1, where the cohort was made
    b: Counter  # JKT-2
    c: Counter  # BTN-1
    cohort_id: str
    people: dict[str, str]  # first name -> participant id

    def enrollment(self, first_name: str) -> str:
        return stable_id("enrollment", self.cohort_id, self.people[first_name])


@dataclass
class _Template:
    root: Path
    server_db: str
    cohort_id: str
    people: dict[str, str]
    devices: dict[str, tuple[str, int]]  # PC folder name -> (device id, device number)


PCS = {"a": ("JKT", 1), "b": ("JKT", 2), "c": ("BTN", 1)}


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
    return SimpleNamespace(
        db=db,
        clock=clock,
        home=home,
        actors={"counter": CLERK, "supervisor": SUPERVISOR, "admin": CLERK},
    )


def _finished_cohort(pc: SimpleNamespace) -> tuple[str, dict[str, str]]:
    """A two-day cohort three weeks ago, everyone present, finished two days later."""
    from app.services import enrolment
    from app.services.attendance import all_present
    from app.services.cohort_results import finish_cohort, record_result
    from tests.unit.cohort_support import at, cohort, fit_provider, person

    today = date.today()
    start = today - timedelta(days=today.weekday() + 21)  # a Monday three weeks ago
    pid = fit_provider(pc, on=start - timedelta(days=30))
    at(pc, start - timedelta(days=5))
    cid = cohort(pc, pid, start=start, end=start + timedelta(days=1))
    ids = [person(pc, n, name) for n, name in enumerate(PEOPLE, start=1)]
    people = {name.split()[0]: i for name, i in zip(PEOPLE, ids, strict=True)}
    enrolment.enrol(pc.db, CLERK, cid, ids)
    for day in (start, start + timedelta(days=1)):
        at(pc, day)
        all_present(pc.db, CLERK, cid, day)
    at(pc, start + timedelta(days=3))
    for first, who in people.items():
        score, result = (85, "lulus") if first in GRADUATES else (40, "tidak_lulus")
        record_result(pc.db, CLERK, cid, who, score, result)
    finish_cohort(pc.db, SUPERVISOR, cid)
    return cid, people


@pytest.fixture(scope="module", params=backends())
def _template(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[_Template]:
    from app.server.db import make_server_engine
    from app.sync.client import run_cycle

    root = tmp_path_factory.mktemp(f"certificates-{request.param}")
    server_db = server_db_url(root, request.param)
    port = free_port()
    process = _spawn(server_db, port)
    engine = make_server_engine(server_db)
    try:
        url = f"http://127.0.0.1:{port}"
        pcs = {name: _new_pc(root, name, url, engine) for name in PCS}
        cid, people = _finished_cohort(pcs["a"])
        for name in ("a", "b", "c"):
            report = run_cycle(pcs[name].db)
            assert report.ok and not report.rejected and not report.pull_problems, report
        devices = {}
        for name, pc in pcs.items():
            con = sqlite3.connect(pc.home / "loket.db")
            try:
                devices[name] = con.execute("SELECT device_id, device_no FROM device").fetchone()
                if name == "b":  # the other counter holds the finished cohort
                    assert con.execute("SELECT status FROM cohort").fetchall() == [("selesai",)]
            finally:
                con.close()
            pc.db.dispose()
    finally:
        engine.dispose()
        process.terminate()
        process.wait(timeout=30)
    yield _Template(
        root, server_db, cid, people, {k: (str(v[0]), int(v[1])) for k, v in devices.items()}
    )
    if server_db.startswith("postgresql"):
        with _pg_admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{_pg_name(server_db)}" WITH (FORCE)')


@pytest.fixture
def offices(_template: _Template, tmp_path: Path) -> Iterator[Offices]:
    """A copy of the template: its server (a new process on a copy of the server's
    database) and the three PCs (copies of their folders, linked to that server)."""
    t = _template
    if t.server_db.startswith("postgresql"):
        db = f"{t.server_db.rsplit('/', 1)[0]}/loket_cert_{uuid.uuid4().hex[:12]}"
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
    pcs: dict[str, Counter] = {}
    server: Server | None = None
    try:
        port = free_port()
        server = Server(f"http://127.0.0.1:{port}", db, _spawn(db, port), port)
        for name in PCS:
            home = tmp_path / name
            home.mkdir()
            _copy_sqlite(t.root / name / "loket.db", home / "loket.db")
            con = sqlite3.connect(home / "loket.db")
            con.execute("UPDATE sync_link SET server_url=?", (server.url,))
            con.commit()
            con.close()
            device_id, device_no = t.devices[name]
            pcs[name] = Counter(home, Database(home / "loket.db"), device_id, device_no)
        yield Offices(server, pcs["a"], pcs["b"], pcs["c"], t.cohort_id, dict(t.people))
    finally:
        for pc in pcs.values():
            pc.db.dispose()
        if server is not None:
            server.stop()
        if db.startswith("postgresql"):
            with _pg_admin() as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{_pg_name(db)}" WITH (FORCE)')


# -- what the tests do and look at ---------------------------------------------------------


def issue(offices: Offices, pc: Counter, *first_names: str) -> list[str]:
    wanted = [offices.enrollment(n) for n in first_names] if first_names else None
    return certificates.issue(pc.db, CLERK, offices.cohort_id, wanted)


def token_of(pc: Counter, number: str) -> str:
    ((token,),) = pc.rows("SELECT token FROM certificate WHERE number=?", number)
    return str(token)


def status(pc: Counter, token: str) -> rules.Status:
    return certificates.verify(pc.db, token).status


def page(server: Server, url_or_token: str) -> tuple[str, dict[str, Any]]:
    """What the server's public page shows (the word in #status) and its JSON twin."""
    token = rules.token_of(url_or_token) if "/" in url_or_token else url_or_token
    url = url_or_token if "/" in url_or_token else rules.page_url(server.url, token)
    shown = httpx.get(url, timeout=30)
    assert shown.status_code == 200, shown.text[:300]
    assert "text/html" in shown.headers["content-type"]
    found = STATUS.search(shown.text)
    assert found is not None, shown.text[:500]
    answer = httpx.get(f"{server.url}/v1/verify/{token}", timeout=30)
    assert answer.status_code == 200, answer.text[:300]
    return found.group(1), answer.json()


def local_today() -> date:
    return datetime.now().astimezone().date()


# -- 1. a JKT certificate at BTN, revoked, and on the server's page -------------------------


def test_a_certificate_verifies_at_another_office_and_its_revocation_reaches_everyone(offices):
    """JKT-1 issues and syncs; BTN, which never held the cohort, verifies each certificate
    offline as SAH (only the public key travelled); JKT-1 revokes one and syncs; BTN and
    JKT-2 say DICABUT with the date, and so does the server's page, SAH for the others."""
    a, b, c = offices.a, offices.b, offices.c
    numbers = issue(offices, a)
    year = local_today().year
    assert numbers == [f"SERT/JKT-1/{year}/{n:04d}" for n in (1, 2, 3)]
    tokens = [token_of(a, n) for n in numbers]
    assert status(c, tokens[0]) is rules.Status.UNKNOWN_KEY  # BTN has not heard of the key
    synced(a)
    synced(c)
    ((kid, public),) = a.rows("SELECT key_id, public_key FROM device_key")
    # BTN holds JKT-1's public key, none of its certificates, people or private key
    assert c.rows("SELECT key_id, public_key, office_code, device_id FROM device_key") == [
        (kid, public, "JKT", a.device_id)
    ]
    for table in ("certificate", "signing_key", "enrollment"):
        assert c.rows(f"SELECT count(*) FROM {table}") == [(0,)], table
    offices.server.stop()  # offline: only what BTN's database holds
    try:
        for number, token in zip(numbers, tokens, strict=True):
            verdict = certificates.verify(c.db, token)
            assert verdict.valid and verdict.office_code == "JKT", number
            assert verdict.claims is not None and verdict.claims.number == number
        assert [certificates.verify(c.db, t).claims.name for t in tokens] == [  # type: ignore[union-attr]
            "Budi Santoso", "Dewi Lestari", "Eko Prasetyo",
        ]  # fmt: skip
    finally:
        offices.server.start()
    body, signature = tokens[1].split(".")
    i = len(signature) // 2
    changed = f"{body}.{signature[:i]}{'A' if signature[i] != 'A' else 'B'}{signature[i + 1 :]}"
    assert status(c, changed) is rules.Status.BAD_SIGNATURE

    done = certificates.revoke(a.db, CLERK, SUPERVISOR, numbers[0], "nama salah ketik")
    assert done.revoked_on == local_today()
    synced(a)
    assert status(c, tokens[0]) is rules.Status.VALID  # not heard of it yet
    for pc in (c, b):
        synced(pc)
        verdict = certificates.verify(pc.db, tokens[0])
        assert (verdict.status, verdict.revoked_on) == (rules.Status.REVOKED, local_today())
        assert f"dicabut pada {local_today():%d/%m/%Y}" in verdict.reason("id")
        assert [status(pc, t) for t in tokens[1:]] == [rules.Status.VALID] * 2
    assert c.rows("SELECT number, reason FROM certificate_revocation") == [
        (numbers[0], "nama salah ketik")
    ]
    assert b.rows("SELECT count(*) FROM certificate") == [(3,)]  # its own office's

    # the server's public page: what a phone opens from the QR code
    with a.db.read() as session:
        qr = certificates.qr_text(session, tokens[0])
    assert qr == rules.page_url(offices.server.url, tokens[0])
    word, answer = page(offices.server, qr)
    assert word == "DICABUT"
    assert (answer["status"], answer["valid"], answer["revoked_on"]) == (
        "revoked", False, local_today().isoformat(),
    )  # fmt: skip
    for token, name in zip(tokens[1:], ("Dewi Lestari", "Eko Prasetyo"), strict=True):
        word, answer = page(offices.server, token)
        assert word == "SAH" and answer["status"] == "valid" and answer["valid"] is True
        assert answer["details"]["name"] == name
        assert answer["details"]["office_code"] == "JKT"
    assert page(offices.server, changed)[0] == "TIDAK SAH"
    assert page(offices.server, "bukan-kode")[0] == "TIDAK TERBACA"


# -- 2. two counters issuing offline --------------------------------------------------------


def test_two_counters_issuing_offline_take_their_own_series_and_both_push(offices):
    a, b, c = offices.a, offices.b, offices.c
    year = local_today().year
    mine = issue(offices, a, "Budi")
    theirs = issue(offices, b)  # counter 2 also issues Budi's, offline
    assert mine == [f"SERT/JKT-1/{year}/0001"]
    assert theirs == [f"SERT/JKT-2/{year}/{n:04d}" for n in (1, 2, 3)]
    for pc in (a, b, a, c):
        synced(pc)
    held = sorted(str(n) for (n,) in a.rows("SELECT number FROM certificate"))
    assert (
        held
        == sorted(mine + theirs)
        == sorted(str(n) for (n,) in b.rows("SELECT number FROM certificate"))
    )
    stored = server_records(offices.server, "certificate")
    assert sorted(d["number"] for d in stored.values()) == held
    assert sorted(server_changes(offices.server, "certificate")) == sorted(stored)  # once each
    keys = {str(k): str(d) for k, d in a.rows("SELECT key_id, device_id FROM device_key")}
    assert sorted(keys.values()) == sorted((a.device_id, b.device_id))
    assert c.rows("SELECT count(*) FROM device_key") == [(2,)]
    for pc in (a, b, c):  # every certificate, either counter's, verifies everywhere
        for number in held:
            verdict = certificates.verify(pc.db, token_of(a, number))
            assert verdict.valid, (pc.home.name, number)
            assert keys[verdict.claims.key_id] == (  # type: ignore[union-attr]
                a.device_id if "/JKT-1/" in number else b.device_id
            )
    # both of Budi's are kept (two genuine signed documents), and the list says so
    for pc in (a, b):
        rows = {r.name: r for r in certificates.cohort_certificates(pc.db, offices.cohort_id).rows}
        assert rows["Budi Santoso"].others == 1 and rows["Budi Santoso"].state == "terbit"
        assert rows["Dewi Lestari"].others == 0
    # issuing again at counter 1 issues nothing: each graduate has a live certificate
    assert issue(offices, a) == theirs  # the newest live one of each, by name
    assert a.rows("SELECT count(*) FROM certificate") == [(4,)]
    assert a.rows("SELECT count(*) FROM outbox WHERE status='pending'") == [(0,)]


# -- 3. what the server refuses ---------------------------------------------------------------


def _as_raw(server: Server, pc: Counter, office: str) -> RawDevice:
    """The PC's own link (its real token), pushing hand-made changes after the last change
    number the server took from it."""
    token = pc.rows("SELECT token FROM sync_link")[0][0]
    device = RawDevice(server.url, str(token), pc.device_id, office)
    device.seq = int(device.get("/v1/device").json()["last_seq"])
    return device


def _device_key_row(office: str, device_id: str, device_no: int) -> tuple[str, dict[str, Any]]:
    public = rules.public_key_of(rules.new_private_key())
    kid = rules.key_id(public)
    now = datetime.now(UTC).isoformat()
    row = {
        "key_id": kid, "public_key": public.hex(), "device_id": device_id,
        "device_no": device_no, "made_at": now, "office_code": office, "created_at": now,
    }  # fmt: skip
    return stable_id("device_key", kid), row


def _certificate_row(offices: Offices, device_id: str, number: str) -> dict[str, Any]:
    now = datetime.now(UTC)
    return {
        "number": number,
        "enrollment_id": offices.enrollment("Siti"),
        "round": 1,
        "participant_id": offices.people["Siti"],
        "cohort_id": offices.cohort_id,
        "token": "palsu.palsu",
        "key_id": "0" * 16,
        "issued_on": now.date().isoformat(),
        "issued_by": CLERK.username,
        "issued_at": now.isoformat(),
        "device_id": device_id,
        "office_code": "JKT",
        "created_at": now.isoformat(),
    }


def _revocation_row(
    certificate_id: str, number: str, device_id: str, office: str
) -> tuple[str, dict[str, Any]]:
    now = datetime.now(UTC)
    row = {
        "certificate_id": certificate_id,
        "number": number,
        "reason": "dicabut oleh kantor lain",
        "revoked_on": now.date().isoformat(),
        "revoked_at": now.isoformat(),
        "requested_by": "admin.c",
        "approved_by": "admin.c",
        "device_id": device_id,
        "office_code": office,
        "created_at": now.isoformat(),
    }
    return stable_id("certificate_revocation", number, device_id), row


def test_the_server_refuses_keys_numbers_and_revocations_a_device_may_not_write(offices):
    """Hand-made pushes with the PCs' real tokens: each refusal is a 2xx `rejected` result
    without the record, stores nothing and leaves a row in the server's audit; the same
    changes made by the device entitled to them are applied (so the rows are well formed)."""
    a, b, c = offices.a, offices.b, offices.c
    server = offices.server
    year = local_today().year
    numbers = issue(offices, a)
    synced(a)
    forbidden = len(server_audit(server, "push.forbidden"))
    raw_a, raw_c = _as_raw(server, a, "JKT"), _as_raw(server, c, "BTN")
    refused = [("rejected", "not permitted", None)]

    # a public key in another device's name: JKT-1 for JKT-2, BTN-1 for JKT-1
    as_b = _device_key_row("JKT", b.device_id, b.device_no)
    as_a = _device_key_row("JKT", a.device_id, a.device_no)
    answers = raw_a.push(raw_a.mutation("device_key", as_b[0], "insert", as_b[1]))
    answers += raw_c.push(raw_c.mutation("device_key", as_a[0], "insert", as_a[1], office="JKT"))
    assert [(x["status"], x["reason"], x["record"]) for x in answers] == refused * 2

    # a certificate numbered in JKT-2's series, pushed by JKT-1 as itself or posing as JKT-2
    other_series = f"SERT/JKT-2/{year}/0001"
    answers = raw_a.push(
        raw_a.mutation("certificate", str(uuid.uuid4()), "insert",
                       _certificate_row(offices, a.device_id, other_series)),
        raw_a.mutation("certificate", str(uuid.uuid4()), "insert",
                       _certificate_row(offices, b.device_id, other_series)),
    )  # fmt: skip
    assert [(x["status"], x["reason"], x["record"]) for x in answers] == refused * 2

    # BTN-1 revokes a JKT certificate, under its own office's name or JKT's
    ((cert_id,),) = a.rows("SELECT id FROM certificate WHERE number=?", numbers[0])
    answers = []
    for office in ("BTN", "JKT"):
        rid, row = _revocation_row(cert_id, numbers[0], c.device_id, office)
        answers += raw_c.push(
            raw_c.mutation("certificate_revocation", rid, "insert", row, office=office)
        )
    assert [(x["status"], x["reason"], x["record"]) for x in answers] == refused * 2

    audited = server_audit(server, "push.forbidden")[forbidden:]
    assert [(r["device_id"], r["detail"]["entity"]) for r in audited] == [
        (a.device_id, "device_key"), (c.device_id, "device_key"),
        (a.device_id, "certificate"), (a.device_id, "certificate"),
        (c.device_id, "certificate_revocation"), (c.device_id, "certificate_revocation"),
    ]  # fmt: skip
    assert server_records(server, "certificate_revocation") == {}
    assert sorted(d["number"] for d in server_records(server, "certificate").values()) == numbers
    assert len(server_records(server, "device_key")) == 1
    assert page(server, token_of(a, numbers[0]))[0] == "SAH"

    # the same kinds of change by the device entitled to them are applied
    own_key = _device_key_row("JKT", a.device_id, a.device_no)
    own_number = f"SERT/JKT-1/{year}/0004"
    rid, revocation = _revocation_row(cert_id, numbers[0], a.device_id, "JKT")
    answers = raw_a.push(
        raw_a.mutation("device_key", own_key[0], "insert", own_key[1]),
        raw_a.mutation("certificate", stable_id("certificate", own_number), "insert",
                       _certificate_row(offices, a.device_id, own_number)),
        raw_a.mutation("certificate_revocation", rid, "insert", revocation),
    )  # fmt: skip
    assert [x["status"] for x in answers] == ["applied"] * 3, answers
    assert page(server, token_of(a, numbers[0]))[0] == "DICABUT"
    for pc in (c, b):
        synced(pc)
        assert status(pc, token_of(a, numbers[0])) is rules.Status.REVOKED
        assert status(pc, token_of(a, numbers[1])) is rules.Status.VALID


def test_no_device_can_claim_ahead_the_id_of_a_key_certificate_or_revocation(offices):
    """Rule 7: ids that others look up (a certificate by its number, a key by its id, a
    revocation by number and device) are taken only as derived from the record itself.
    Before it, BTN-1 could store a "revocation" of a JKT number under its own office with
    a made-up certificate id, and JKT's real revocation of that id was then refused for
    ever; likewise a certificate or a key under an id it did not derive."""
    a, c = offices.a, offices.c
    server = offices.server
    year = local_today().year
    raw_a, raw_c = _as_raw(server, a, "JKT"), _as_raw(server, c, "BTN")
    refused = [("rejected", "not permitted", None)]
    upcoming = f"SERT/JKT-1/{year}/0042"  # a number JKT-1 will issue some day

    # BTN-1 "revokes" the upcoming JKT number under BTN's name, with a made-up certificate
    rid, row = _revocation_row(str(uuid.uuid4()), upcoming, c.device_id, "BTN")
    answers = raw_c.push(raw_c.mutation("certificate_revocation", rid, "insert", row,
                                        office="BTN"))  # fmt: skip
    # ... or takes JKT-1's own revocation id for it
    jkt_rid = stable_id("certificate_revocation", upcoming, a.device_id)
    answers += raw_c.push(raw_c.mutation("certificate_revocation", jkt_rid, "insert", row,
                                         office="BTN"))  # fmt: skip
    # JKT-1 itself: a certificate under an id not derived from its number, a key under an
    # id not derived from its key id, a key whose key id is not its key's hash
    answers += raw_a.push(
        raw_a.mutation("certificate", str(uuid.uuid4()), "insert",
                       _certificate_row(offices, a.device_id, upcoming)),
    )  # fmt: skip
    key_rid, key_row = _device_key_row("JKT", a.device_id, a.device_no)
    answers += raw_a.push(raw_a.mutation("device_key", str(uuid.uuid4()), "insert", key_row))
    lying = {**key_row, "key_id": "0123456789abcdef"}
    answers += raw_a.push(
        raw_a.mutation("device_key", stable_id("device_key", "0123456789abcdef"), "insert", lying)
    )
    assert [(x["status"], x["reason"], x["record"]) for x in answers] == refused * 5
    assert server_records(server, "certificate_revocation") == {}

    # the rightful records, under their derived ids, are applied
    rid, row = _revocation_row(str(uuid.uuid4()), upcoming, a.device_id, "JKT")
    answers = raw_a.push(
        raw_a.mutation("certificate", stable_id("certificate", upcoming), "insert",
                       _certificate_row(offices, a.device_id, upcoming)),
        raw_a.mutation("device_key", key_rid, "insert", key_row),
    )  # fmt: skip
    assert [x["status"] for x in answers] == ["applied"] * 2, answers
