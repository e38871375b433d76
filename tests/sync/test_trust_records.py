"""Issue #7, case 1: a device is authorised against the STORED record, not its own claim.

Each test is an attack seen on the server before the fix: a Jakarta device reading or
rewriting Banten's participants and staff through crafted pushes. The victim is a real
Banten PC (`loket init`, `loket participants import`, `loket sync run`); the attacker is a
raw device with a real token.
"""

from __future__ import annotations

import json
import uuid

import pytest
from argon2 import PasswordHasher

from app.db import Database
from app.errors import AuthError
from app.services.auth import login
from tests.sync.conftest import PASSWORD, both_backends, enrolled, loket, make_office, sync
from tests.sync.hostile import (
    BUDI_BANK,
    import_text,
    one,
    participant_row,
    raw_device,
    server_audit,
)

# Issue #7: every case against a real server on SQLite and on PostgreSQL (CI).
pytestmark = both_backends()

NIK = "3601011708900001"
ACCOUNT = "0012345678901"
INTRUDER = "Penyusup2026"  # a password the attacker knows


def banten(server, tmp_path):
    home = enrolled(server, make_office(tmp_path, "btn", "BTN", 1), "BTN")
    import_text(home, tmp_path, BUDI_BANK, "budi.csv")
    assert sync(home)["ok"]
    return home


def test_a_duplicate_insert_of_another_offices_id_reveals_nothing(server, tmp_path):
    btn = banten(server, tmp_path)
    pid = one(btn, "SELECT id FROM participant")
    jkt = raw_device(server, "JKT")
    answers = jkt.push(
        jkt.mutation("participant", pid, "insert", {}),
        jkt.mutation("participant", pid, "insert", participant_row("JKT")),
        jkt.mutation("participant", pid, "insert", participant_row("BTN"), office="BTN"),
    )
    for answer in answers:
        assert answer["status"] == "rejected" and answer["record"] is None
        text = json.dumps(answer)
        assert NIK not in text and ACCOUNT not in text and "Budi" not in text
    assert [a["reason"] for a in answers[1:]] == ["not permitted", "not permitted"]
    assert len(server_audit(server, "push.forbidden")) == 2


def test_another_offices_participant_cannot_be_changed(server, tmp_path):
    btn = banten(server, tmp_path)
    pid = one(btn, "SELECT id FROM participant")
    jkt = raw_device(server, "JKT")
    changes = {"full_name": "Diubah Penyusup", "bank_account": "9999999999"}
    answers = jkt.push(
        jkt.mutation("participant", pid, "update", changes, base_version=1, version=2),
        jkt.mutation(
            "participant", pid, "update", changes, office="BTN", base_version=1, version=2
        ),
    )
    assert [a["status"] for a in answers] == ["rejected", "rejected"]
    assert all(a["record"] is None for a in answers)
    assert sync(btn)["ok"]
    assert one(btn, "SELECT full_name FROM participant") == "Budi Banten"
    assert one(btn, "SELECT bank_account FROM participant") == ACCOUNT
    conflicts = json.loads(loket(btn, "sync", "conflicts", "--json").stdout)
    assert conflicts["conflicts"] == []  # nothing landed in Banten's queue either
    # the Jakarta device holds nothing of Banten's afterwards
    assert all(c["office_code"] != "BTN" for c in jkt.pull_all())


def test_a_record_cannot_be_moved_to_another_office(server, tmp_path):
    """The office a change names must be the stored record's, and so must a changed
    office field: a Banten device cannot hand its record to Jakarta, nor Jakarta take it."""
    btn = banten(server, tmp_path)
    pid = one(btn, "SELECT id FROM participant")
    own = raw_device(server, "BTN")
    (moved,) = own.push(
        own.mutation(
            "participant", pid, "update", {"office_code": "JKT"}, base_version=1, version=2
        )
    )
    assert moved["status"] == "rejected" and moved["reason"] == "not permitted"
    (renamed,) = own.push(
        own.mutation(
            "participant", pid, "update", {"full_name": "Budi B."}, base_version=1, version=2
        )
    )
    assert renamed["status"] == "applied"  # the same device, its own office: allowed


def test_another_offices_staff_password_cannot_be_set(server, tmp_path):
    """Seen: a Jakarta device set the Banten admin's password hash, and that password then
    signed in at the Banten PC. Not even head office may write a branch's credentials."""
    btn = banten(server, tmp_path)
    admin_id = one(btn, "SELECT id FROM staff WHERE username = 'admin'")
    change = {"password_hash": PasswordHasher().hash(INTRUDER), "must_change_password": False}
    for device in (raw_device(server, "JKT"), raw_device(server, "HQ")):
        for office in ("BTN", device.office):
            (answer,) = device.push(
                device.mutation(
                    "staff", admin_id, "update", change, office=office, base_version=1, version=2
                )
            )
            assert answer["status"] == "rejected" and answer["record"] is None
    assert sync(btn)["ok"]
    db = Database(btn / "loket.db")
    try:
        with pytest.raises(AuthError):
            login(db, "admin", INTRUDER)
        assert login(db, "admin", PASSWORD).actor.username == "admin"
    finally:
        db.dispose()


def test_reference_data_is_changed_only_by_head_office(server, tmp_path):
    btn = banten(server, tmp_path)
    office_id, office_version = one(btn, "SELECT id FROM office WHERE code = 'BTN'"), 1
    jkt = raw_device(server, "JKT")
    (answer,) = jkt.push(
        jkt.mutation(
            "office",
            office_id,
            "update",
            {"name": "Kantor Palsu"},
            office="BTN",
            base_version=office_version,
            version=office_version + 1,
        )
    )
    assert answer["status"] == "rejected"
    assert one(btn, "SELECT name FROM office WHERE code = 'BTN'") != "Kantor Palsu"


def test_a_staff_record_of_another_office_cannot_be_created(server, tmp_path):
    btn = banten(server, tmp_path)
    row = {
        "username": "penyusup",
        "full_name": "Penyusup",
        "role": "admin",
        "password_hash": PasswordHasher().hash(INTRUDER),
        "active": True,
        "must_change_password": False,
        "password_changed_at": None,
        "office_code": "BTN",
        "created_at": "2026-12-01T00:00:00+00:00",
        "deleted_at": None,
    }
    jkt = raw_device(server, "JKT")
    (answer,) = jkt.push(jkt.mutation("staff", str(uuid.uuid4()), "insert", row, office="BTN"))
    assert answer["status"] == "rejected" and answer["reason"] == "not permitted"
    assert sync(btn)["ok"]
    assert one(btn, "SELECT count(*) FROM staff WHERE username = 'penyusup'") == 0
    db = Database(btn / "loket.db")
    try:
        with pytest.raises(AuthError):
            login(db, "penyusup", INTRUDER)
    finally:
        db.dispose()


def test_the_duplicate_list_shows_no_other_offices_record(server, tmp_path):
    btn = banten(server, tmp_path)
    banten_id = one(btn, "SELECT id FROM participant")
    jkt = enrolled(server, make_office(tmp_path, "jkt", "JKT", 1), "JKT")
    import_text(jkt, tmp_path, BUDI_BANK.replace("Budi Banten", "Budi Jakarta"), "budi.csv")
    assert sync(jkt)["ok"]
    listed = json.loads(loket(jkt, "sync", "duplicates", "--json").stdout)["duplicates"]
    assert len(listed) == 1
    text = json.dumps(listed)
    assert banten_id not in text and NIK not in text
    assert "3601********0001" in text  # the NIK only masked
