"""What committed writes changed, gathered for whoever asked: the window's task runner.

Every unit of work, once committed, announces the record types it changed
(app.services.uow); a write outside one (pulled sync records, local settings) announces
its own. The window runs each action through app.ui.tasks, which collects these
announcements in the worker thread and tells the pages when the action is done — so a
page refreshes from what really changed, and no action can forget to say it (a list
stayed stale after an erasure when pages announced by hand).

Plain Python (a context variable per thread), no Qt and no database layer: the first
window imports it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_collected: ContextVar[set[str] | None] = ContextVar("loket_changes", default=None)


@contextmanager
def collect_changes() -> Iterator[set[str]]:
    """Gather, in this thread, the names every committed write inside announces."""
    found: set[str] = set()
    token = _collected.set(found)
    try:
        yield found
    finally:
        _collected.reset(token)


def announce(names: Iterable[str]) -> None:
    """A write committed and changed `names` (record types, or "settings", "sync")."""
    found = _collected.get()
    if found is not None:
        found.update(names)
