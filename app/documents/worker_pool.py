"""A batch's work shared with a worker process (app.documents.certificate): tasks handed
to a spawned pool in order, and taken back by this process when the pool cannot start or
its worker dies, so a batch always prints."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")
MAX_WORKERS = 3  # besides this process; the offices' PCs have two cores, so one


def submit_all(
    pool: ProcessPoolExecutor, work: Callable[..., T], tasks: Sequence[tuple[Any, ...]]
) -> list[Future[T] | None]:
    """Each task submitted to the pool, in order; None for every task from the first one
    the pool refused (it could not start its worker): this process does those itself."""
    futures: list[Future[T] | None] = []
    for task in tasks:
        try:
            futures.append(pool.submit(work, *task))
        except (BrokenProcessPool, OSError):
            futures += [None] * (len(tasks) - len(futures))
            break
    return futures


def outcome(
    pool: ProcessPoolExecutor, future: Future[T], work: Callable[..., T], task: tuple[Any, ...]
) -> T:
    """The worker's result; if the worker died (killed, out of memory) the task is done
    here instead. An error of the task itself is raised as it would be here.

    Waited for in short steps, asking the pool each time whether it broke: Python 3.11's
    pool stops marking its futures failed when it meets one this process cancelled
    (fixed in 3.12), so such a future could otherwise be waited for forever."""
    while True:
        try:
            return future.result(timeout=0.5)
        except BrokenProcessPool:
            return work(*task)
        except TimeoutError:
            try:
                pool.submit(int)  # refused once the pool is broken; else a no-op task
            except BrokenProcessPool:
                return work(*task)


def spawn_pool() -> ProcessPoolExecutor:
    """Worker processes started fresh (spawn), never forked: the window's process has Qt
    and database threads, and a forked copy of a held lock deadlocks; spawn is also what
    Windows does, so the offices' PCs run what the tests run. This process works too, so
    one worker is enough for two cores."""
    workers = max(1, min(MAX_WORKERS, (os.cpu_count() or 2) - 1))
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
