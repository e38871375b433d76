"""Shared records (training providers and modules, scope `shared`): any office's device may
change them — a provider in Jawa Barat trains people from Jakarta — but a shared record
still never changes office, whatever a request claims (app.server.authorize, rule 1)."""

from __future__ import annotations

from app.db import Database
from app.services.auth import login
from app.services.providers import register_provider
from tests.sync.conftest import PASSWORD, both_backends, enrolled, make_office, sync
from tests.sync.hostile import one, raw_device, server_audit

pytestmark = both_backends()


def test_another_offices_device_edits_a_shared_provider_but_cannot_move_it(server, tmp_path):
    btn = enrolled(server, make_office(tmp_path, "btn", "BTN", 1), "BTN")
    db = Database(btn / "loket.db")
    try:
        admin = login(db, "admin", PASSWORD).actor
        pid = register_provider(db, admin, {"name": "LPK Serang", "provider_type": "LPK"}).id
    finally:
        db.dispose()
    assert sync(btn)["ok"]
    jkt = raw_device(server, "JKT")
    edit, move, claim = jkt.push(
        jkt.mutation(
            "training_provider",
            pid,
            "update",
            {"address": "Jl. Serang 1"},
            office="BTN",
            base_version=1,
            version=2,
        ),
        jkt.mutation(
            "training_provider",
            pid,
            "update",
            {"office_code": "JKT"},
            office="BTN",
            base_version=2,
            version=3,
        ),
        jkt.mutation(
            "training_provider", pid, "update", {"address": "Jl. Lain"}, base_version=2, version=3
        ),  # names JKT as the record's office
    )
    assert edit["status"] == "applied"
    assert [(a["status"], a["reason"]) for a in (move, claim)] == [
        ("rejected", "not permitted"),
        ("rejected", "not permitted"),
    ]
    assert len(server_audit(server, "push.forbidden")) == 2
    assert sync(btn)["ok"]
    assert one(btn, "SELECT address || ' ' || office_code FROM training_provider") == (
        "Jl. Serang 1 BTN"
    )
