"""Roles are enforced in services; a refusal is audited."""

from __future__ import annotations

import pytest

from app.errors import PermissionDenied, StateError, ValidationError
from app.services.auth import login
from app.services.settings import get_setting, update_settings
from app.services.staff import add_staff, list_staff, reset_password, set_active
from tests.unit.helpers import count


@pytest.fixture
def counter(office, admin):
    add_staff(
        office,
        admin,
        username="loket.budi",
        full_name="Budi",
        role="counter",
        password="sementara1",
    )
    return login(office, "loket.budi", "sementara1").actor


def test_counter_clerk_cannot_manage_staff_and_the_refusal_is_audited(office, counter):
    staff_before = count(office.path, "staff")
    with pytest.raises(PermissionDenied) as err:
        add_staff(
            office, counter, username="penyusup", full_name="X", role="admin", password="sementara1"
        )
    assert "tidak berwenang" in err.value.message("id")
    assert count(office.path, "staff") == staff_before
    assert (
        count(
            office.path,
            "audit_event",
            "action='auth.permission_denied' AND actor='loket.budi'"
            " AND detail LIKE '%staff.manage%'",
        )
        == 1
    )
    with pytest.raises(PermissionDenied):
        list_staff(office, counter)


def test_counter_clerk_cannot_change_settings(office, counter):
    with pytest.raises(PermissionDenied):
        update_settings(office, counter, {"idle_lock_minutes": 0})
    assert get_setting(office, "idle_lock_minutes") == 10


def test_supervisor_cannot_reset_passwords(office, admin):
    add_staff(
        office,
        admin,
        username="spv.rina",
        full_name="Rina",
        role="supervisor",
        password="sementara1",
    )
    spv = login(office, "spv.rina", "sementara1").actor
    with pytest.raises(PermissionDenied):
        reset_password(office, spv, admin.staff_id, "diambilalih1")


def test_last_admin_cannot_be_deactivated_nor_yourself(office, admin):
    second = add_staff(
        office, admin, username="admin2", full_name="Admin Dua", role="admin", password="sementara1"
    )
    with pytest.raises(StateError):
        set_active(office, admin, admin.staff_id, False)
    set_active(office, admin, second.id, False)
    other = login(office, "admin", "rahasia123").actor
    assert other.role == "admin"


def test_new_staff_validation_names_the_field(office, admin):
    with pytest.raises(ValidationError) as err:
        add_staff(
            office, admin, username="A B", full_name="X", role="counter", password="sementara1"
        )
    assert err.value.field == "username"
    with pytest.raises(ValidationError) as err:
        add_staff(
            office, admin, username="admin", full_name="Lain", role="counter", password="sementara1"
        )
    assert err.value.field == "username" and "sudah dipakai" in err.value.message("id")
    with pytest.raises(ValidationError) as err:
        add_staff(
            office, admin, username="dina", full_name="Dina", role="counter", password="hanyahuruf"
        )
    assert err.value.field == "password"
