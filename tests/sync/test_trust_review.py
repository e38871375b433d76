"""Issue #7: a conflict resolution or a merge counts only with the supervisor's own proof,
checked by the server against the staff record it holds, not on a device's word.

Seen before: any enrolled device could call the review endpoints with any name in `by`."""

from __future__ import annotations

import json
import uuid

from app.db import Database
from app.services.auth import change_password, login
from tests.sync.conftest import both_backends, loket, sync
from tests.sync.hostile import participant_row, raw_device, server_audit, staff_row
from tests.sync.test_sync_conflicts import add_supervisor, edit, two_counters

# Issue #7: every case against a real server on SQLite and on PostgreSQL (CI).
pytestmark = both_backends()

SPV_PASSWORD = "Supervisor2026"


def a_conflict(server):
    """A JKT device with a participant whose NIK change waits for a supervisor, and the
    office's staff: a supervisor and a counter clerk who know their passwords."""
    device = raw_device(server, "JKT")
    pid = str(uuid.uuid4())
    answers = device.push(
        device.mutation("participant", pid, "insert", participant_row("JKT")),
        device.mutation(
            "staff", str(uuid.uuid4()), "insert",
            staff_row("JKT", "spv.rina", "supervisor", SPV_PASSWORD),
        ),
        device.mutation(
            "staff", str(uuid.uuid4()), "insert",
            staff_row("JKT", "loket.sari", "counter", SPV_PASSWORD),
        ),
        device.mutation(
            "participant", pid, "update", {"nik": "3171011708900099"}, base_version=1, version=2
        ),
    )  # fmt: skip
    assert [a["status"] for a in answers] == ["applied", "applied", "applied", "conflict"]
    (conflict,) = device.get("/v1/conflicts").json()
    return device, conflict["id"]


def resolve(device, conflict_id, by, password):
    return device.post(
        f"/v1/conflicts/{conflict_id}/resolve", {"keep": "device", "by": by, "password": password}
    )


def test_a_decision_needs_the_supervisors_password_checked_by_the_server(server):
    device, conflict_id = a_conflict(server)
    assert resolve(device, conflict_id, "spv.rina", "Salah2026").status_code == 403
    clerk = resolve(device, conflict_id, "loket.sari", SPV_PASSWORD)  # right password, wrong role
    assert clerk.status_code == 403
    assert resolve(device, conflict_id, "nobody", SPV_PASSWORD).status_code == 403
    # another office's device may not even see it, the supervisor's password notwithstanding
    banten = raw_device(server, "BTN")
    assert resolve(banten, conflict_id, "spv.rina", SPV_PASSWORD).status_code == 409
    ok = resolve(device, conflict_id, "spv.rina", SPV_PASSWORD)
    assert ok.status_code == 200, ok.text
    assert ok.json() == {"id": conflict_id, "status": "resolved", "kept": "device"}
    assert len(server_audit(server, "review.bad_proof")) == 3


def test_wrong_supervisor_passwords_lock_the_device_out_for_a_while(server):
    device, conflict_id = a_conflict(server)
    for _ in range(5):
        r = resolve(device, conflict_id, "spv.rina", "Tebakan123")
        assert r.status_code == 403 and r.json()["detail"] == "supervisor proof refused"
    locked = resolve(device, conflict_id, "spv.rina", SPV_PASSWORD)
    assert locked.status_code == 403
    assert locked.json()["detail"] == "too many wrong supervisor passwords"
    merge = device.post("/v1/duplicates/1/merge", {"keep": "a", "by": "spv.rina", "password": "x"})
    assert merge.status_code == 409  # no such pair: nothing is told about supervisors there


def test_the_conflict_list_masks_nik_and_account_numbers(server, tmp_path):
    _a, b = two_counters(server, tmp_path)
    edit(b, nik="3171011708900009")
    assert sync(b)["conflicts"]
    out = loket(b, "sync", "conflicts")
    listed = json.loads(loket(b, "sync", "conflicts", "--json").stdout)["conflicts"]
    assert [(c["server_value"], c["device_value"]) for c in listed] == [
        ("3171********0001", "3171********0009")
    ]
    assert "3171011708900009" not in out.stdout and "3171********0009" in out.stdout


def test_a_password_changed_but_not_synced_is_not_taken_by_the_server(server, tmp_path):
    _a, b = two_counters(server, tmp_path)
    edit(b, nik="3171011708900009")
    assert sync(b)["conflicts"]
    add_supervisor(b)
    assert sync(b)["ok"]
    db = Database(b / "loket.db")
    try:
        actor = login(db, "spv.rina", "Sementara1").actor
        change_password(db, actor, "Sementara1", "Baru20261")
    finally:
        db.dispose()
    (conflict,) = json.loads(loket(b, "sync", "conflicts", "--json").stdout)["conflicts"]
    args = ("sync", "resolve", str(conflict["id"]), "--keep", "server", "--supervisor", "spv.rina")
    out = loket(b, *args, "--password-stdin", stdin="Baru20261\n")
    assert out.returncode == 1
    assert "Server tidak menerima kata sandi supervisor" in out.stderr
    assert "sinkronkan dulu" in out.stderr
    assert sync(b)["ok"]  # the new hash reaches the server
    out = loket(b, *args, "--password-stdin", stdin="Baru20261\n")
    assert out.returncode == 0, out.stderr
