"""Issue #7, case 2: a device id is bound to one office for ever, and a revoked device
comes back only with a code made for it. Device ids are visible in every record's stamp,
so an id must never be a key."""

from __future__ import annotations

import uuid

from tests.sync.conftest import both_backends, loket
from tests.sync.hostile import enroll_raw, raw_device

# Issue #7: every case against a real server on SQLite and on PostgreSQL (CI).
pytestmark = both_backends()


def revoke(server, device_id):
    out = loket(None, "server", "revoke", "--db", server.db, device_id)
    assert out.returncode == 0, out.stderr


def test_a_revoked_device_cannot_be_taken_over_with_another_offices_code(server):
    victim = raw_device(server, "BTN")
    revoke(server, victim.device_id)
    for claimed in ("JKT", "BTN"):
        r = enroll_raw(server, claimed, victim.device_id, code=server.enroll_code("JKT"))
        assert r.status_code == 403, r.text
        assert "token" not in r.json()
    # nor with its own office's ordinary code: someone of that office could reuse any id
    r = enroll_raw(server, "BTN", victim.device_id)
    assert r.status_code == 403 and "pernah dicabut" in r.json()["detail"]
    # the revoked token stays refused throughout
    assert victim.get("/v1/device").status_code == 401


def test_a_revoked_device_comes_back_with_a_code_made_for_it(server):
    device = raw_device(server, "BTN")
    revoke(server, device.device_id)
    code = server.enroll_code("BTN", device.device_id)
    stranger = enroll_raw(server, "BTN", str(uuid.uuid4()), code=code)
    assert stranger.status_code == 403  # a code made for one device serves no other
    back = enroll_raw(server, "BTN", device.device_id, code=code)
    assert back.status_code == 200, back.text
    assert back.json()["office_code"] == "BTN" and back.json()["device_id"] == device.device_id


def test_a_device_code_is_only_made_for_a_revoked_device_of_that_office(server):
    device = raw_device(server, "BTN")
    still_active = loket(
        None, "server", "enroll-code", "--db", server.db, "--office", "BTN",
        "--device", device.device_id,
    )  # fmt: skip
    assert still_active.returncode == 1 and "cabut dulu" in still_active.stderr
    revoke(server, device.device_id)
    other_office = loket(
        None, "server", "enroll-code", "--db", server.db, "--office", "JKT",
        "--device", device.device_id,
    )  # fmt: skip
    assert other_office.returncode == 1 and "milik kantor BTN" in other_office.stderr
    assert "Traceback" not in still_active.stderr + other_office.stderr


def test_an_active_device_id_cannot_be_enrolled_twice(server):
    device = raw_device(server, "JKT")
    r = enroll_raw(server, "JKT", device.device_id)
    assert r.status_code == 403 and "sudah terdaftar" in r.json()["detail"]
    assert device.get("/v1/device").status_code == 200  # the first stays the only one
