"""Home page figures come from the real tables."""

from __future__ import annotations

import pytest

from app.errors import AuthError
from app.services.auth import login
from app.services.home import home_counts
from app.services.staff import add_staff
from tests.conftest import ADMIN_PASSWORD


def test_counts_staff_logins_failures_and_pending_changes(office, admin):
    add_staff(
        office,
        admin,
        username="loket.sari",
        full_name="Sari",
        role="counter",
        password="sementara1",
    )
    with pytest.raises(AuthError):
        login(office, "admin", "salah")
    login(office, "admin", ADMIN_PASSWORD)
    counts = home_counts(office, "JKT")
    assert counts.staff_active == 2
    assert counts.staff_by_role == {"admin": 1, "counter": 1}
    assert counts.logins_today == 2  # the fixture's and this one
    assert counts.failed_logins_today == 1
    assert counts.pending_changes >= 3  # staff rows and audit events wait for sync
    assert counts.events_today >= 5
