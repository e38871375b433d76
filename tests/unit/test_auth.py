"""Sign-in, lock-out after 5 wrong passwords for 15 minutes, and the audit of each attempt."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.errors import AuthError, ValidationError
from app.services.auth import change_password, login
from app.services.staff import add_staff, list_staff, set_active, unlock
from tests.conftest import ADMIN_PASSWORD
from tests.unit.helpers import count


def test_good_login_returns_the_actor_and_is_audited(office):
    signed = login(office, "  Admin ", ADMIN_PASSWORD)
    assert signed.actor.username == "admin" and signed.actor.role == "admin"
    assert count(office.path, "audit_event", "action='auth.login'") == 1


def test_wrong_password_says_how_many_tries_are_left(office):
    with pytest.raises(AuthError) as err:
        login(office, "admin", "salah")
    assert err.value.message("id") == (
        "Nama pengguna atau kata sandi salah. Sisa 4 kali percobaan sebelum akun dikunci."
    )
    assert err.value.field == "password"
    assert count(office.path, "audit_event", "action='auth.login_failed'") == 1


def test_five_wrong_passwords_lock_for_fifteen_minutes(office, clock):
    for _ in range(4):
        with pytest.raises(AuthError):
            login(office, "admin", "salah")
    with pytest.raises(AuthError) as err:
        login(office, "admin", "salah")
    assert "dikunci" in err.value.message("id") and "15 menit" in err.value.message("id")

    # even the right password is refused while locked
    clock.advance(minutes=14)
    with pytest.raises(AuthError) as err:
        login(office, "admin", ADMIN_PASSWORD)
    assert "1 menit" in err.value.message("id")
    assert count(office.path, "audit_event", "action='auth.login_locked'") == 1

    clock.advance(minutes=1)
    assert login(office, "admin", ADMIN_PASSWORD).actor.username == "admin"
    # the count starts afresh after a good login
    with pytest.raises(AuthError) as err:
        login(office, "admin", "salah")
    assert "Sisa 4" in err.value.message("id")


def test_lock_shows_in_staff_list_and_admin_can_unlock(office, admin, clock):
    add_staff(
        office,
        admin,
        username="budi",
        full_name="Budi Santoso",
        role="counter",
        password="sementara1",
    )
    for _ in range(5):
        with pytest.raises(AuthError):
            login(office, "budi", "keliru")
    (budi,) = [r for r in list_staff(office, admin) if r.username == "budi"]
    assert budi.locked_until == clock.now + timedelta(minutes=15)
    unlock(office, admin, budi.id)
    assert login(office, "budi", "sementara1").must_change_password is True


def test_unknown_user_and_deactivated_account_are_refused(office, admin):
    with pytest.raises(AuthError) as err:
        login(office, "tidak.ada", "apa saja")
    assert err.value.message("id") == "Nama pengguna atau kata sandi salah."
    row = add_staff(
        office, admin, username="sari", full_name="Sari", role="counter", password="sementara1"
    )
    set_active(office, admin, row.id, False)
    with pytest.raises(AuthError) as err:
        login(office, "sari", "sementara1")
    assert "dinonaktifkan" in err.value.message("id")


def test_change_password_checks_the_old_one_and_the_rules(office, admin):
    with pytest.raises(ValidationError) as err:
        change_password(office, admin, "salah", "BaruSekali9")
    assert err.value.field == "current_password"
    with pytest.raises(ValidationError) as err:
        change_password(office, admin, ADMIN_PASSWORD, "pendek")
    assert err.value.field == "new_password" and "minimal 8" in err.value.message("id")
    change_password(office, admin, ADMIN_PASSWORD, "BaruSekali9")
    with pytest.raises(AuthError):
        login(office, "admin", ADMIN_PASSWORD)
    assert login(office, "admin", "BaruSekali9").actor.username == "admin"
    assert count(office.path, "audit_event", "action='auth.password_change'") == 1


def test_english_messages_when_english_is_chosen(office):
    with pytest.raises(AuthError) as err:
        login(office, "admin", "salah")
    assert err.value.message("en").startswith("Wrong username or password. 4 more tries")


def test_a_locked_or_deactivated_admin_is_not_told_to_ask_the_admin(office, admin, clock):
    """Issue #8: the lock-out and deactivation sentences name who can help: for a clerk,
    an admin; for an admin, another admin or the office IT with the command to run."""
    add_staff(
        office, admin, username="budi", full_name="Budi", role="counter", password="Sementara1"
    )
    for username in ("admin", "budi"):
        for _ in range(5):
            with pytest.raises(AuthError) as err:
                login(office, username, "salah")
    admin_text = err.value.message("id")  # budi's, the last one
    assert "minta admin membukanya" in admin_text and "loket staff" not in admin_text
    with pytest.raises(AuthError) as err:
        login(office, "admin", ADMIN_PASSWORD)
    text = err.value.message("id")
    assert "minta admin lain membukanya" in text
    assert "`loket staff unlock admin`" in text and "minta admin membukanya" not in text
    clock.advance(minutes=15)
    second = add_staff(
        office, admin, username="admin2", full_name="Admin Dua", role="admin",
        password="Sementara1",
    )  # fmt: skip
    set_active(office, admin, second.id, False)
    with pytest.raises(AuthError) as err:
        login(office, "admin2", "Sementara1")
    assert "`loket staff activate admin2`" in err.value.message("id")
    assert "Hubungi admin kantor" not in err.value.message("id")
