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
