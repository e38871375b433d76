"""Pure rules: hybrid logical clock, lock-out arithmetic, password and username rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.domain import hlc, lockout
from app.domain.passwords import password_problem, username_problem


def test_hlc_orders_as_text_and_survives_a_clock_turned_back():
    a = hlc.tick(None, 1_000, "dev-a")
    b = hlc.tick(a, 500, "dev-a")  # wall clock went backwards
    c = hlc.tick(b, 2_000, "dev-a")
    assert str(a) < str(b) < str(c)
    assert hlc.Hlc.parse(str(b)) == b


def test_hlc_receive_moves_past_a_remote_stamp():
    local = hlc.tick(None, 1_000, "a")
    remote = hlc.Hlc(5_000, 3, "b")
    after = hlc.receive(local, remote, 2_000, "a")
    assert after > remote and str(hlc.tick(after, 2_000, "a")) > str(remote)


def test_lockout_counts_locks_and_expires():
    now = datetime(2026, 1, 1, tzinfo=UTC)
    state = lockout.GuardState()
    for _ in range(4):
        state = lockout.after_failure(state, now, 5, timedelta(minutes=15))
        assert not lockout.is_locked(state, now)
    state = lockout.after_failure(state, now, 5, timedelta(minutes=15))
    assert lockout.is_locked(state, now)
    assert lockout.minutes_left(state, now + timedelta(seconds=30)) == 15
    assert lockout.minutes_left(state, now + timedelta(minutes=14, seconds=1)) == 1
    assert not lockout.is_locked(state, now + timedelta(minutes=15))
    again = lockout.after_failure(state, now + timedelta(minutes=16), 5, timedelta(minutes=15))
    assert again.failures == 1 and not lockout.is_locked(again, now + timedelta(minutes=16))


def test_password_and_username_rules():
    assert password_problem("abc", "budi", 8) is not None
    assert password_problem("abcdefgh", "budi", 8) is not None  # letters only
    assert password_problem("budi1234", "budi1234", 8) is not None
    assert password_problem("Jakarta2026", "budi", 8) is None
    assert username_problem("loket.budi") is None
    assert username_problem("Budi Santoso") is not None
