"""Sign-out and screen locks are part of the trail."""

from __future__ import annotations

from app.services.auth import record_logout, record_screen_lock
from tests.unit.helpers import rows


def test_logout_and_screen_lock_are_audited(office, admin):
    record_screen_lock(office, admin, "idle")
    record_logout(office, admin)
    assert rows(
        office.path,
        "SELECT action, actor, detail FROM audit_event ORDER BY seq DESC LIMIT 2",
    ) == [("auth.logout", "admin", "{}"), ("auth.screen_lock", "admin", '{"reason": "idle"}')]
