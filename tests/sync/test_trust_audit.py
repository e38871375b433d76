"""Issue #7, case 3: the audit chain cannot be written for another device, and a chain cut
or rewritten on a PC is found by `loket check` once the PC has synced.

Seen before: a second PC of the same office pushed an audit event naming the first PC, with
the next number and a correctly recomputed hash, and the first PC's `loket check` still said
BAIK while showing an export that never happened; deleting the newest audit rows, or
editing one and recomputing the chain, went unnoticed."""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import UTC, datetime

from app.domain.audit_chain import event_hash
from tests.sync.conftest import both_backends, enrolled, loket, make_office, sync
from tests.sync.hostile import BUDI_BANK, import_text, one, query, raw_device, server_audit

# Issue #7: every case against a real server on SQLite and on PostgreSQL (CI).
pytestmark = both_backends()

EXPORT = "participant.export"


def check(home, *extra):
    out = loket(home, "check", "--json", *extra)
    return out.returncode, json.loads(out.stdout)


def synced_pc(server, tmp_path, name="a", device=1):
    home = enrolled(server, make_office(tmp_path, name, "JKT", device), "JKT")
    import_text(home, tmp_path, BUDI_BANK.replace("3601", "3171"), f"{name}.csv")
    assert sync(home)["ok"]
    return home


def forged_event(device_id: str, seq: int, prev_hash: str, office: str = "JKT") -> dict:
    at = datetime.now(UTC).isoformat()
    detail = json.dumps({"file": "semua-peserta.xlsx", "full": True, "rows": 400})
    fields = {
        "device_id": device_id,
        "seq": seq,
        "at": at,
        "actor": "admin",
        "action": EXPORT,
        "entity": None,
        "entity_id": None,
        "detail": detail,
        "prev_hash": prev_hash,
    }
    return {
        **fields,
        "hash": event_hash(**fields),
        "office_code": office,
        "created_at": at,
        "deleted_at": None,
    }


def newest_event(home) -> tuple[str, int, str]:
    device_id = one(home, "SELECT device_id FROM device")
    seq, digest = query(
        home,
        "SELECT seq, hash FROM audit_event WHERE device_id = ? ORDER BY seq DESC LIMIT 1",
        device_id,
    )[0]
    return device_id, seq, digest


def test_an_audit_event_cannot_be_written_for_another_device(server, tmp_path):
    victim = synced_pc(server, tmp_path)
    device_id, seq, digest = newest_event(victim)
    intruder = raw_device(server, "JKT")  # a second PC of the same office
    (answer,) = intruder.push(
        intruder.mutation(
            "audit_event", str(uuid.uuid4()), "insert", forged_event(device_id, seq + 1, digest)
        )
    )
    assert answer["status"] == "rejected" and answer["reason"] == "not permitted"
    assert server_audit(server, "push.forbidden")
    assert sync(victim)["ok"]
    assert one(victim, "SELECT count(*) FROM audit_event WHERE action = ?", EXPORT) == 0
    code, report = check(victim)
    assert code == 0 and report["ok"], report


def test_a_device_cannot_push_an_event_that_does_not_follow_its_chain(server, tmp_path):
    device = raw_device(server, "JKT")
    genesis = "0" * 64
    first = forged_event(device.device_id, 1, genesis)
    skipped = forged_event(device.device_id, 3, first["hash"])  # number 2 is missing
    wrong_prev = forged_event(device.device_id, 2, genesis)
    tampered = {**forged_event(device.device_id, 2, first["hash"]), "action": "auth.login"}
    answers = device.push(
        *(
            device.mutation("audit_event", str(uuid.uuid4()), "insert", event)
            for event in (first, skipped, wrong_prev, tampered)
        )
    )
    assert [a["status"] for a in answers] == ["applied", "rejected", "rejected", "rejected"]
    assert [a["reason"] for a in answers[1:]] == [
        "audit chain: expected event 2",
        "audit chain: previous hash differs",
        "audit chain: hash does not match the event",
    ]
    assert device.get("/v1/device").json()["anchor"] == {"seq": 1, "hash": first["hash"]}


def test_deleting_the_newest_audit_events_is_found_by_check(server, tmp_path):
    home = synced_pc(server, tmp_path)
    device_id, seq, _digest = newest_event(home)
    code, report = check(home)
    assert code == 0 and report["anchor"]["compared"] and report["anchor"]["seq"] == seq
    con = sqlite3.connect(home / "loket.db")
    with con:
        con.execute("DELETE FROM audit_event WHERE device_id = ? AND seq > ?", (device_id, seq - 2))
    con.close()
    for extra in ((), ("--offline",)):  # asked of the server, and from the last sync's copy
        code, report = check(home, *extra)
        assert code == 1
        assert any(p.startswith("Rantai audit terpotong") for p in report["problems"]), report
    # the server's copy holds; the stored one is only a fallback when the server is away
    server.stop()
    code, report = check(home)
    assert code == 1 and "sinkronisasi terakhir" in report["anchor"]["source"]


def test_a_rewritten_audit_chain_is_found_by_check(server, tmp_path):
    home = synced_pc(server, tmp_path)
    device_id = one(home, "SELECT device_id FROM device")
    con = sqlite3.connect(home / "loket.db")
    rows = con.execute(
        "SELECT id, seq, at, actor, action, entity, entity_id, detail FROM audit_event "
        "WHERE device_id = ? ORDER BY seq",
        (device_id,),
    ).fetchall()
    prev = "0" * 64
    with con:  # edit the second event, then recompute every hash after it, as an insider would
        for row_id, seq, at, actor, action, entity, entity_id, detail in rows:
            if seq == 2:
                detail = json.dumps({"note": "tidak pernah terjadi"})
            stamp = datetime.fromisoformat(at).replace(tzinfo=UTC).isoformat()
            digest = event_hash(
                device_id=device_id, seq=seq, at=stamp, actor=actor, action=action,
                entity=entity, entity_id=entity_id, detail=detail, prev_hash=prev,
            )  # fmt: skip
            con.execute(
                "UPDATE audit_event SET detail = ?, prev_hash = ?, hash = ? WHERE id = ?",
                (detail, prev, digest, row_id),
            )
            prev = digest
    con.close()
    code, report = check(home)
    assert code == 1
    assert [p for p in report["problems"] if "Rantai audit" in p] == [
        f"Rantai audit ditulis ulang: peristiwa audit nomor {rows[-1][1]} di komputer ini "
        "berbeda dengan yang disimpan server (diubah lalu dihitung ulang?)."
    ]


def test_a_restored_pc_continues_its_chain_after_the_servers(server, tmp_path):
    """After `loket restore` the PC's unsent audit events (the restore's own among them) are
    renumbered after the server's anchor, so the server takes them and the chain checks."""
    home = synced_pc(server, tmp_path)
    backup = tmp_path / "cadangan.db"
    assert loket(home, "backup", str(backup)).returncode == 0
    import_text(home, tmp_path, BUDI_BANK.replace("3601011708900001", "3171011708900002"), "b.csv")
    assert sync(home)["ok"]
    assert loket(home, "restore", str(backup), "--force").returncode == 0
    report = sync(home)
    assert report["ok"] and report["rejected"] == [], report
    code, checked = check(home)
    assert code == 0 and checked["ok"] and checked["anchor"]["compared"], checked
