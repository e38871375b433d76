"""Work off the UI thread: one small helper, results posted back to the UI thread.

Any call that may take noticeable time (argon2 at sign-in, creating the office, later
printing, import and sync) goes through `run_task`. Database writes go to a pool with a
single thread, so two clicks can never race two write transactions; reads and other long
work use the global pool. The function gets a `progress(done, total)` callback and an
`is_cancelled()` callable and returns its result; exceptions come back as `failed`. What
its committed writes changed (app.changes) is told to every page through `hub()` before
its result arrives, so no action has to announce it by hand.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.changes import collect_changes

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]
TaskFn = Callable[[ProgressFn, CancelledFn], Any]

_writer_pool: QThreadPool | None = None
_live: set[Task] = set()


class TaskSignals(QObject):
    """Signals of one task, emitted from the worker and delivered in the UI thread.

    Signals:
        progress(int, int): done and total steps, as reported by the function.
        finished(object): the function's return value.
        failed(object): the exception the function raised.
    """

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)
    changed = Signal(object)  # frozenset of what the task's committed writes changed


class ChangeHub(QObject):
    """Where every task's committed changes are told, in the UI thread, before the task's
    own answer: the AppContext passes them on as `data_changed`.

    Signals:
        changed(object): a frozenset of record types and "settings"/"sync" names.
    """

    changed = Signal(object)


_hub: ChangeHub | None = None


def hub() -> ChangeHub:
    global _hub
    if _hub is None:
        _hub = ChangeHub()
    return _hub


class Task(QRunnable):
    """One function run on a pool thread; keep the handle to cancel it."""

    def __init__(self, fn: TaskFn) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Python side keeps the object until it is done
        self.fn = fn
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self.done = threading.Event()

    def cancel(self) -> None:
        """Ask the function to stop; it decides when (by polling is_cancelled)."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        failure: BaseException | None = None
        result: object = None
        with collect_changes() as changed:
            try:
                result = self.fn(self.signals.progress.emit, self.is_cancelled)
            except BaseException as exc:  # delivered to the UI thread, shown there
                log.debug("task failed: %r", exc)
                failure = exc
        try:
            # What committed is told first (even when a later step failed), then the answer.
            if changed:
                self.signals.changed.emit(frozenset(changed))
            if failure is not None:
                self.signals.failed.emit(failure)
            else:
                self.signals.finished.emit(result)
        finally:
            self.done.set()


def writer_pool() -> QThreadPool:
    """The single thread that performs database writes, one after the other."""
    global _writer_pool
    if _writer_pool is None:
        _writer_pool = QThreadPool()
        _writer_pool.setMaxThreadCount(1)
    return _writer_pool


def run_task(
    fn: TaskFn,
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    write: bool = False,
    owner: QObject | None = None,
) -> Task:
    """Start `fn(progress, is_cancelled)` on a pool thread and return its handle.

    `on_done`, `on_error` and `on_progress` run in the UI thread. Without `on_error`, a
    failure is logged and re-raised in the UI thread, so the crash dialog shows it. With
    an `owner` (the widget that asked), the answer is dropped once that widget is gone
    (the clerk left the screen meanwhile); a failure is then only logged.
    """
    task = Task(fn)
    _live.add(task)

    def gone() -> bool:
        from shiboken6 import isValid

        return owner is not None and not isValid(owner)

    def finished(result: object) -> None:
        _live.discard(task)
        if on_done is not None and not gone():
            on_done(result)

    def failed(exc: BaseException) -> None:
        _live.discard(task)
        if gone():
            log.warning("task of a closed window failed: %r", exc)
            return
        if on_error is None:
            raise exc
        on_error(exc)

    task.signals.changed.connect(hub().changed.emit)
    task.signals.finished.connect(finished)
    task.signals.failed.connect(failed)
    if on_progress is not None:
        task.signals.progress.connect(
            lambda done, total: None if gone() else on_progress(done, total)
        )
    (writer_pool() if write else QThreadPool.globalInstance()).start(task)
    return task


def wait_all(timeout_ms: int = 30_000) -> bool:
    """Block until running tasks end (at exit, and in tests before the data dir goes)."""
    ok = QThreadPool.globalInstance().waitForDone(timeout_ms)
    if _writer_pool is not None:
        ok = _writer_pool.waitForDone(timeout_ms) and ok
    return ok


def busy() -> bool:
    """True while any task started here has not delivered its result yet."""
    return bool(_live)
