"""Settings: declared once, validated, all-or-nothing, audited."""

from __future__ import annotations

import pytest

from app.config import SETTINGS
from app.errors import ValidationError
from app.services.settings import get_settings, update_settings
from tests.unit.helpers import count


def test_defaults_come_from_the_declarations(office):
    assert get_settings(office) == {s.key: s.default for s in SETTINGS}


def test_update_is_saved_and_audited(office, admin):
    update_settings(office, admin, {"idle_lock_minutes": "5", "language": "en"})
    values = get_settings(office)
    assert values["idle_lock_minutes"] == 5 and values["language"] == "en"
    assert count(office.path, "audit_event", "action='settings.update'") == 1


def test_one_bad_value_writes_nothing(office, admin):
    with pytest.raises(ValidationError) as err:
        update_settings(office, admin, {"idle_lock_minutes": 3, "lockout_minutes": 0})
    assert err.value.field == "lockout_minutes"
    assert "antara 1 dan 1440" in err.value.message("id")
    assert get_settings(office)["idle_lock_minutes"] == 10


def test_lockout_settings_take_effect(office, admin):
    from app.errors import AuthError
    from app.services.auth import login

    update_settings(office, admin, {"max_failed_logins": 3})
    for _ in range(2):
        with pytest.raises(AuthError):
            login(office, "admin", "salah")
    with pytest.raises(AuthError) as err:
        login(office, "admin", "salah")
    assert "dikunci" in err.value.message("id")


@pytest.mark.parametrize(
    "address",
    ["https://vokasi.example.id", "http://10.0.0.5:8765", "https://x.id/loket/", ""],
)
def test_the_verification_page_address_takes_a_web_address_or_nothing(office, admin, address):
    update_settings(office, admin, {"verify_url": address})
    assert get_settings(office)["verify_url"] == address


@pytest.mark.parametrize(
    "address",
    ["vokasi.example.id", "ftp://vokasi.example.id", "https://", "javascript:alert(1)"],
)
def test_a_verification_address_that_is_not_a_web_address_is_refused(office, admin, address):
    """It goes into every certificate's QR code: a phone must be able to open it."""
    with pytest.raises(ValidationError) as err:
        update_settings(office, admin, {"verify_url": address})
    assert err.value.field == "verify_url"
    assert "alamat web lengkap" in err.value.message("id")
    assert get_settings(office)["verify_url"] == ""
