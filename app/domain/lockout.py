"""Lock-out after repeated wrong passwords: pure arithmetic on the guard state.

The count resets on a good password. After `max_failures` wrong passwords in a row the
account is locked until `lockout` has passed since the last failure; a wrong password
after the lock ends starts a new count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class GuardState:
    failures: int = 0
    locked_until: datetime | None = None


def is_locked(state: GuardState, now: datetime) -> bool:
    return state.locked_until is not None and now < state.locked_until


def after_failure(
    state: GuardState, now: datetime, max_failures: int, lockout: timedelta
) -> GuardState:
    failures = state.failures
    if state.locked_until is not None and now >= state.locked_until:
        failures = 0  # the previous lock has run out: count afresh
    failures += 1
    if failures >= max_failures:
        return GuardState(failures, now + lockout)
    return GuardState(failures, None)


def after_success() -> GuardState:
    return GuardState()


def minutes_left(state: GuardState, now: datetime) -> int:
    """Whole minutes until the lock ends, rounded up (what the login dialog shows)."""
    if state.locked_until is None or now >= state.locked_until:
        return 0
    seconds = (state.locked_until - now).total_seconds()
    return max(1, int(-(-seconds // 60)))
