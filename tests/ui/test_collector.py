"""Garbage cycles are collected in the UI thread only (app.ui.collector): a worker that
allocates a lot must not run the collector, which could delete a Qt widget from its thread."""

from __future__ import annotations

import gc
import threading
import weakref

from app.ui import collector
from app.ui.tasks import run_task


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: freed only by the collector


def test_worker_allocations_never_run_the_collector_and_cycles_still_go(qtbot, qapp):
    collector.install(qapp)
    assert not gc.isenabled()
    threads: list[int] = []

    def note(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            threads.append(threading.get_ident())

    made: list[weakref.ref[Node]] = []

    def churn(_progress, _cancelled) -> int:
        # far past every generation's threshold: with automatic collection on, one of
        # these allocations would start a collection in this worker thread
        for n in range(60_000):
            node = Node()
            if n % 1000 == 0:
                made.append(weakref.ref(node))
        return threading.get_ident()

    gc.callbacks.append(note)
    try:
        got: list[int] = []
        run_task(churn, on_done=got.append)
        qtbot.waitUntil(lambda: bool(got), timeout=20_000)
        qtbot.waitUntil(lambda: all(ref() is None for ref in made), timeout=20_000)
    finally:
        gc.callbacks.remove(note)
    assert got[0] != threading.main_thread().ident
    assert threads, "the timer collected nothing"
    assert set(threads) == {threading.main_thread().ident}
