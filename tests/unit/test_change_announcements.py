"""Every committed write announces what it changed (app.changes), so the window's task
runner can tell the pages without each action saying it by hand (issue #8, part 5)."""

from __future__ import annotations

import pytest

from app.changes import announce, collect_changes
from app.services import staff
from app.services.auth import login
from app.services.participants import register
from app.services.settings import update_settings
from app.services.uow import unit_of_work
from tests.conftest import ADMIN_PASSWORD

BUDI = {
    "nik": "3171011708900001",
    "nama": "Budi Santoso",
    "tanggal_lahir": "17/08/1990",
    "jenis_kelamin": "L",
    "persetujuan": "Y",
}


def test_a_registration_announces_its_record_types(office, admin):
    with collect_changes() as changed:
        register(office, admin, BUDI)
    assert {"participant", "consent", "audit_event"} <= changed


def test_a_rolled_back_action_announces_nothing(office, admin):
    with (
        collect_changes() as changed,
        pytest.raises(RuntimeError),
        unit_of_work(office, admin) as uow,
    ):
        uow.audit("test.nothing")
        raise RuntimeError("the action fails half-way")
    assert changed == set()


def test_tables_of_this_pc_announce_what_they_show(office, admin, clock):
    with collect_changes() as changed:
        update_settings(office, admin, {"idle_lock_minutes": 5})
    assert "settings" in changed
    added = staff.add_staff(
        office, admin, username="budi", full_name="Budi", role="counter", password="Sementara1"
    )
    for _ in range(5):
        with pytest.raises(Exception):  # noqa: B017 (wrong passwords until it locks)
            login(office, "budi", "salah")
    with collect_changes() as changed:
        staff.unlock(office, admin, added.id)  # only the PC's login lock changes
    assert "staff" in changed


def test_nothing_is_collected_outside_a_collector_and_collectors_nest(office, admin):
    announce({"participant"})  # nobody listening: no effect, no error
    with collect_changes() as outer:
        with collect_changes() as inner:
            announce({"staff"})
        announce({"sync"})
    assert inner == {"staff"} and outer == {"sync"}
    assert login(office, "admin", ADMIN_PASSWORD).actor.username == "admin"
