"""Issue #7, cases 4 and 5: one hostile record must not stop an office's sync, and nothing
a device sends or pulls is unbounded.

Seen before: a value nested 500 levels deep was accepted and every later pull of that
office answered 500; a lone surrogate answered 500; on PostgreSQL a NUL byte in an id, the
resolve `by` field or the enrol device id, or a NIK longer than its column, answered 500
and the sending PC retried that batch for ever; a 60 MB push was accepted and a pull had no
byte limit."""

from __future__ import annotations

import json
import sqlite3
import uuid

import httpx

from app.server.pull import PULL_MAX_BYTES
from tests.sync.conftest import both_backends, enrolled, loket, make_office, sync
from tests.sync.hostile import HEADERS, participant_row, raw_device

# Issue #7: every case against a real server on SQLite and on PostgreSQL (CI).
pytestmark = both_backends()


def jkt_pc(server, tmp_path, name="a", device=1):
    return enrolled(server, make_office(tmp_path, name, "JKT", device), "JKT")


def test_a_deeply_nested_value_is_refused_and_the_office_keeps_syncing(server, tmp_path):
    peer = jkt_pc(server, tmp_path)
    attacker = raw_device(server, "JKT")
    nested: object = "x"
    for _ in range(500):
        nested = [nested]
    row = {**participant_row("JKT"), "full_name": nested}
    (answer,) = attacker.push(attacker.mutation("participant", str(uuid.uuid4()), "insert", row))
    assert answer == {**answer, "status": "rejected", "record": None}
    assert answer["reason"] == "invalid value: full_name (not text)"
    for _ in range(2):  # every later pull of the office still works
        assert sync(peer)["ok"]
        assert attacker.get("/v1/pull", after=0).status_code == 200


def _body(mutation: dict) -> str:
    return json.dumps({"mutations": [mutation]})


def test_lone_surrogates_and_nul_bytes_are_refused_never_a_5xx(server, tmp_path):
    peer = jkt_pc(server, tmp_path)
    attacker = raw_device(server, "JKT")
    answers = []
    for field, bad in (("full_name", "\\ud800"), ("full_name", "\\u0000"), ("nik", "\\ud800")):
        m = attacker.mutation("participant", str(uuid.uuid4()), "insert", participant_row("JKT"))
        text = _body(m).replace(f'"{field}": "{m["changes"][field]}"', f'"{field}": "A{bad}"')
        r = attacker.push_raw(text)
        assert r.status_code == 200, r.text
        answers.append(r.json()["results"][0])
    assert [a["status"] for a in answers] == ["rejected"] * 3
    assert [a["reason"] for a in answers] == [
        "invalid value: full_name (broken character)",
        "invalid value: full_name (NUL character)",
        "invalid value: nik (broken character)",
    ]
    # NUL in the record's id: that change is refused; a lone surrogate cannot even be read
    # as text there, nor anything in the change's own id: 422, nothing taken
    m = attacker.mutation("participant", "id-1", "insert", participant_row("JKT"))
    r = attacker.push_raw(_body(m).replace('"id-1"', '"id\\u00001"'))
    assert r.status_code == 200 and r.json()["results"][0]["reason"] == "invalid value: id"
    for bad in ("\\u0000", "\\ud800"):
        m = attacker.mutation("participant", str(uuid.uuid4()), "insert", participant_row("JKT"))
        r = attacker.push_raw(_body(m).replace(m["mutation_id"], f"0193{bad}aaaa"))
        assert r.status_code == 422 and "\\ud800" not in r.text
        attacker.seq -= 1  # that number was not taken
    m = attacker.mutation("participant", "id-2", "insert", participant_row("JKT"))
    r = attacker.push_raw(_body(m).replace('"id-2"', '"id\\ud8002"'))
    assert r.status_code == 422
    attacker.seq -= 1
    assert sync(peer)["ok"]


def test_nul_bytes_elsewhere_are_a_422(server):
    attacker = raw_device(server, "JKT")
    enrol = {"code": "ABCD-EFGH-JKMN", "device_no": 1, "office_code": "JKT"}
    json_headers = {**HEADERS, "Content-Type": "application/json"}
    for body in (
        {**enrol, "device_id": "0193abcd\u0000-1"},
        {**enrol, "device_id": "0193abcd\ud800-1"},
        {**enrol, "device_id": str(uuid.uuid4()), "name": "JKT\u0000"},
    ):
        # json.dumps escapes what httpx cannot encode: the server gets the hostile text
        r = httpx.post(server.url + "/v1/enroll", content=json.dumps(body), headers=json_headers)
        assert r.status_code == 422, r.text
    for path, body in (
        ("/v1/conflicts/1/resolve", {"keep": "server", "by": "spv\u0000", "password": "x"}),
        ("/v1/conflicts/1/resolve", {"keep": "server", "by": "spv", "password": "x\u0000"}),
        ("/v1/duplicates/1/merge", {"keep": "a", "by": "spv\ud800", "password": "x"}),
    ):
        r = httpx.post(
            server.url + path,
            content=json.dumps(body),
            headers={**attacker.headers, "Content-Type": "application/json"},
        )
        assert r.status_code == 422, r.text


def test_a_nik_longer_than_its_column_is_refused(server, tmp_path):
    peer = jkt_pc(server, tmp_path)
    attacker = raw_device(server, "JKT")
    row = participant_row("JKT", nik="3" * 40)
    (answer,) = attacker.push(attacker.mutation("participant", str(uuid.uuid4()), "insert", row))
    assert answer["status"] == "rejected" and answer["reason"] == "invalid value: nik (too long)"
    assert sync(peer)["ok"]


def test_a_huge_push_is_refused_with_413(server):
    attacker = raw_device(server, "JKT")
    padding = "x" * (60 * 1024 * 1024)
    m = attacker.mutation("participant", str(uuid.uuid4()), "insert", participant_row("JKT"))
    huge = _body({**m, "changes": {**m["changes"], "ktp_address": padding}})
    assert attacker.push_raw(huge).status_code == 413

    def chunks():  # no Content-Length: counted as it arrives
        for start in range(0, len(huge), 1 << 20):
            yield huge[start : start + (1 << 20)].encode()

    r = httpx.post(
        server.url + "/v1/push",
        content=chunks(),
        headers={**attacker.headers, "Content-Type": "application/json"},
        timeout=120,
    )
    assert r.status_code == 413
    assert attacker.get("/v1/device").status_code == 200  # the server is fine


def test_a_pull_is_bounded_in_bytes(server, tmp_path):
    attacker = raw_device(server, "JKT")
    long_text = "Jl. " + "a" * 19_990  # each record near the field limit: ~40 KB of data
    ids = []
    for _batch in range(6):
        batch = []
        for _n in range(50):
            ids.append(str(uuid.uuid4()))
            row = {
                **participant_row("JKT"),
                "ktp_address": long_text,
                "domicile_address": long_text,
            }
            batch.append(attacker.mutation("participant", ids[-1], "insert", row))
        assert {a["status"] for a in attacker.push(*batch)} == {"applied"}
    reader = raw_device(server, "JKT")
    first = reader.get("/v1/pull", after=0, limit=5000)
    assert first.status_code == 200
    body = first.json()
    assert body["more"] is True and 0 < len(body["changes"]) < 300
    assert len(first.content) <= PULL_MAX_BYTES + 100_000  # one record beyond the budget, at most
    pulled = {c["entity_id"] for c in reader.pull_all()}
    assert set(ids) <= pulled
    # and a real PC of the office pulls them all, batch after batch
    peer = jkt_pc(server, tmp_path)
    assert sync(peer)["ok"]
    con = sqlite3.connect(peer / "loket.db")
    try:
        assert con.execute("SELECT count(*) FROM participant").fetchone()[0] == 300
    finally:
        con.close()


def _outbox_row(home, entity: str) -> tuple[int, dict]:
    con = sqlite3.connect(home / "loket.db")
    try:
        seq, changes = con.execute(
            "SELECT seq, changes FROM outbox WHERE entity = ? AND status = 'pending' "
            "ORDER BY seq LIMIT 1",
            (entity,),
        ).fetchone()
    finally:
        con.close()
    return seq, json.loads(changes)


def _rewrite(home, seq: int, changes: dict) -> None:
    con = sqlite3.connect(home / "loket.db")
    with con:
        con.execute("UPDATE outbox SET changes = ? WHERE seq = ?", (json.dumps(changes), seq))
    con.close()


def test_a_change_the_server_would_refuse_is_shown_once_not_retried(server, tmp_path):
    """A waiting change written by an older program (a NUL in a name) is refused by the
    server on its own; one too large to send (an address of 5 MB) goes void, only its
    number travels. Both are marked refused once, and the rest of the queue goes on."""
    home = make_office(tmp_path, "a", "JKT", 1)
    csv = tmp_path / "dua.csv"
    csv.write_text(
        "nik;nama;tanggal_lahir;jenis_kelamin;persetujuan\n"
        "3171011708900001;Budi Santoso;17/08/1990;L;Y\n"
        "3171011708900002;Siti Aminah;17/08/1990;P;Y\n",
        encoding="utf-8",
    )
    assert loket(home, "participants", "import", str(csv)).returncode == 0
    con = sqlite3.connect(home / "loket.db")
    rows = con.execute(
        "SELECT seq, changes FROM outbox WHERE entity = 'participant' ORDER BY seq"
    ).fetchall()
    con.close()
    (nul_seq, nul), (big_seq, big) = [(s, json.loads(c)) for s, c in rows]
    _rewrite(home, nul_seq, {**nul, "full_name": "Budi\u0000Santoso"})
    _rewrite(home, big_seq, {**big, "domicile_address": "x" * (5 * 1024 * 1024)})
    enrolled(server, home, "JKT")
    report = sync(home)
    assert report["ok"], report
    reasons = sorted(r["reason"] for r in report["rejected"])
    assert reasons == ["invalid value: full_name (NUL character)", "not sent: too large"]
    status = json.loads(loket(home, "sync", "status", "--json").stdout)
    assert status["pending"] == 0 and status["failed"] == 2
    again = sync(home)
    assert again["ok"] and again["pushed"] == 0  # not sent again


def test_one_nik_on_many_records_flags_each_with_a_few_others_only(server):
    """A hostile device pushing records that share one NIK made a flag for every pair: the
    server's work grew with the square of the records (60 records, 1,770 flags). Each new
    record is now flagged with at most 10 others."""
    from sqlalchemy import create_engine, text

    from app.server.db import normalize_url
    from app.server.duplicates import MAX_FLAGS_PER_RECORD

    attacker = raw_device(server, "JKT")
    same = "3171011708900001"
    batch = [
        attacker.mutation("participant", str(uuid.uuid4()), "insert", participant_row("JKT", same))
        for _ in range(60)
    ]
    assert {a["status"] for a in attacker.push(*batch)} == {"applied"}
    engine = create_engine(normalize_url(server.db))
    try:
        with engine.connect() as conn:
            flags = conn.execute(text("SELECT count(*) FROM duplicate_flag")).scalar_one()
    finally:
        engine.dispose()
    expected = sum(min(k, MAX_FLAGS_PER_RECORD) for k in range(60))
    assert flags == expected == 545
