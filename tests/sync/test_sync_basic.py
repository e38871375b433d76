"""Two counters of one office and a second office on one server (issue #4, first part)."""

from __future__ import annotations

import json
import sqlite3
import uuid

import httpx

from tests.sync.conftest import enrolled, loket, make_office, sync
from tests.sync.hostile import participant_row, raw_device

BUDI = (
    "nik;nama;tanggal_lahir;jenis_kelamin;telepon;persetujuan\n"
    "3171011708900001;Budi Santoso;17/08/1990;L;081234567890;Y\n"
)
SITI = (
    "nik;nama;tanggal_lahir;jenis_kelamin;telepon;persetujuan\n"
    "3273015708920002;Siti Aminah;17/08/1992;P;;Y\n"
)


def participants(home):
    con = sqlite3.connect(home / "loket.db")
    try:
        return sorted(
            con.execute("SELECT id, nik, full_name, phone, office_code FROM participant").fetchall()
        )
    finally:
        con.close()


def import_file(home, tmp_path, text, name):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    out = loket(home, "participants", "import", str(f))
    assert out.returncode == 0, out.stdout + out.stderr


def test_counters_of_one_office_converge_and_other_offices_see_nothing(server, tmp_path):
    a = enrolled(server, make_office(tmp_path, "a", "JKT", 1), "JKT")
    b = enrolled(server, make_office(tmp_path, "b", "JKT", 2), "JKT")
    c = enrolled(server, make_office(tmp_path, "c", "BTN", 1), "BTN")
    import_file(a, tmp_path, BUDI, "budi.csv")
    import_file(c, tmp_path, SITI, "siti.csv")

    first = sync(a)
    assert first["ok"] and first["pushed"] > 0 and first["applied"] == first["pushed"]
    assert sync(c)["ok"]
    assert sync(b)["ok"]
    assert participants(a) == participants(b)
    assert [p[2] for p in participants(b)] == ["Budi Santoso"]
    assert [p[2] for p in participants(c)] == ["Siti Aminah"]  # JKT rows stay in JKT

    # B's staff rows came along: A's admin can sign in at counter B? (same office account)
    status = json.loads(loket(b, "sync", "status", "--json").stdout)
    assert status["pending"] == 0 and status["last_error"] is None


def test_second_cycle_is_a_no_op(server, tmp_path):
    a = enrolled(server, make_office(tmp_path, "a", "JKT", 1), "JKT")
    import_file(a, tmp_path, BUDI, "budi.csv")
    assert sync(a)["ok"]
    again = sync(a)
    assert again["ok"] and again["pushed"] == 0


def test_revoked_device_gets_401_and_keeps_its_outbox(server, tmp_path):
    a = enrolled(server, make_office(tmp_path, "a", "JKT", 1), "JKT")
    import_file(a, tmp_path, SITI, "siti.csv")
    assert sync(a)["ok"]  # part of its work reached the server before the revocation
    device_id = json.loads(
        loket(server.db and None, "server", "devices", "--db", server.db, "--json").stdout
    )["devices"][0]["id"]
    assert loket(None, "server", "revoke", "--db", server.db, device_id).returncode == 0
    import_file(a, tmp_path, BUDI, "budi.csv")
    before = json.loads(loket(a, "sync", "status", "--json").stdout)["pending"]
    report = sync(a)
    assert not report["ok"] and "dicabut" in report["error"]
    after = json.loads(loket(a, "sync", "status", "--json").stdout)
    assert after["pending"] == before > 0 and after["revoked"]

    # A plain office code does not bring a revoked device back (issue #7: its id is no key)
    code = server.enroll_code("JKT")
    refused = loket(a, "sync", "enroll", "--server", server.url, "--code", code)
    assert refused.returncode == 1 and "pernah dicabut" in refused.stderr
    # Enrolled again with a code made for it: a clean state, and the kept changes go up.
    code = server.enroll_code("JKT", device_id)
    assert loket(a, "sync", "enroll", "--server", server.url, "--code", code).returncode == 0
    fresh = json.loads(loket(a, "sync", "status", "--json").stdout)
    assert not fresh["revoked"] and fresh["last_error"] is None and fresh["pending"] == before
    assert sync(a)["ok"]
    assert json.loads(loket(a, "sync", "status", "--json").stdout)["pending"] == 0
    b = enrolled(server, make_office(tmp_path, "b", "JKT", 2), "JKT")
    assert sync(b)["ok"]
    assert sorted(p[2] for p in participants(b)) == ["Budi Santoso", "Siti Aminah"]


def test_a_change_for_another_office_is_refused_alone(server, tmp_path):
    """Another office's record in a push is refused as a 2xx `rejected` result for that
    change only (issue #7: a whole-batch 403 left the PC retrying it for ever); the
    device's own change in the same batch is applied."""
    jkt = raw_device(server, "JKT")
    own_id, foreign_id = str(uuid.uuid4()), str(uuid.uuid4())
    own, foreign = jkt.push(
        jkt.mutation("participant", own_id, "insert", participant_row("JKT")),
        jkt.mutation("participant", foreign_id, "insert", participant_row("BTN"), office="BTN"),
    )
    assert own["status"] == "applied"
    assert foreign["status"] == "rejected" and foreign["reason"] == "not permitted"
    pulled = {c["entity_id"] for c in raw_device(server, "JKT").pull_all()}
    assert own_id in pulled and foreign_id not in pulled


def test_old_protocol_gets_a_clear_message(server):
    r = httpx.get(
        server.url + "/v1/pull", headers={"X-Loket-Protocol": "0", "Authorization": "Bearer x"}
    )
    assert r.status_code == 426 and "Perbarui program" in r.json()["detail"]


def test_pc_restored_from_an_old_backup_gets_its_later_changes_back(server, tmp_path):
    """A counter's own changes are not sent back to it on pull (the push answers carried
    them), unless it no longer holds them: after `loket restore` of an older backup, the
    next sync brings back what it had registered and sent after that backup."""
    a = enrolled(server, make_office(tmp_path, "a", "JKT", 1), "JKT")
    import_file(a, tmp_path, BUDI, "budi.csv")
    assert sync(a)["ok"]
    backup = tmp_path / "a-before-siti.db"
    assert loket(a, "backup", str(backup)).returncode == 0
    import_file(a, tmp_path, SITI, "siti.csv")
    first = sync(a)
    assert first["ok"] and first["pulled"] == 0  # its own changes are not pulled back
    assert len(participants(a)) == 2
    restored = loket(a, "restore", str(backup), "--force")
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert [p[2] for p in participants(a)] == ["Budi Santoso"]
    again = sync(a)
    assert again["ok"], again
    assert sorted(p[2] for p in participants(a)) == ["Budi Santoso", "Siti Aminah"]


def test_restored_pc_that_works_before_syncing_loses_nothing(server, tmp_path):
    """Restored from a backup, the counter registers three people before its next sync:
    its waiting changes are renumbered after the last number the server took from it
    (they were refused as "number already used" before), everything is pulled again, and
    both what it made after the backup and what it made after the restore end up on the
    server, at another counter and here."""
    a = enrolled(server, make_office(tmp_path, "a", "JKT", 1), "JKT")
    import_file(a, tmp_path, BUDI, "budi.csv")
    assert sync(a)["ok"]
    backup = tmp_path / "a-before-siti.db"
    assert loket(a, "backup", str(backup)).returncode == 0
    import_file(a, tmp_path, SITI, "siti.csv")
    assert sync(a)["ok"]
    assert loket(a, "restore", str(backup), "--force").returncode == 0
    more = "nik;nama;tanggal_lahir;jenis_kelamin;telepon;persetujuan\n" + "".join(
        f"3171011708890{n:03d};Peserta {n};17/08/1989;L;;Y\n" for n in range(1, 4)
    )
    import_file(a, tmp_path, more, "more.csv")
    report = sync(a)
    assert report["ok"] and report["rejected"] == [], report
    assert json.loads(loket(a, "sync", "status", "--json").stdout)["pending"] == 0
    everyone = ["Budi Santoso", "Peserta 1", "Peserta 2", "Peserta 3", "Siti Aminah"]
    assert sorted(p[2] for p in participants(a)) == everyone
    b = enrolled(server, make_office(tmp_path, "b", "JKT", 2), "JKT")
    assert sync(b)["ok"]
    assert sorted(p[2] for p in participants(b)) == everyone
    assert sync(a)["ok"] and sync(b)["ok"]
    assert participants(a) == participants(b)


def test_a_demo_office_is_not_linked_to_a_server(server, tmp_path):
    demo = make_office(tmp_path, "demo", "JKT", 1)
    assert loket(demo, "demo").returncode == 0
    out = loket(demo, "sync", "enroll", "--server", server.url, "--code", server.enroll_code("JKT"))
    assert out.returncode == 1
    assert "Kantor demo tidak dapat dihubungkan ke server" in out.stderr
    assert json.loads(loket(demo, "sync", "status", "--json").stdout)["enrolled"] is False
