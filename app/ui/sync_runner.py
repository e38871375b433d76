"""Background sync of the main window, and the sync part of its status bar.

A cycle (app.sync.client.run_cycle: push, then pull) runs every few minutes and when the
clerk asks, off the UI thread and never two at once. It runs on the read pool, not on the
single writer: a cycle waits on the network (timeouts and retries can take minutes on a bad
line), and a clerk's save must not queue behind it. The database still serialises the
cycle's short write transactions with every other write (BEGIN IMMEDIATE, busy timeout).

The status bar says whether the last cycle reached the server, how many changes wait and
when the last confirmed sync was. A failed cycle is shown there, never as a box, because a
box every five minutes on an offline PC would stop the clerk's work.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar

from app.ui.context import AppContext
from app.ui.messages import error_text, report
from app.ui.tasks import run_task

if TYPE_CHECKING:
    from app.sync.client import CycleReport, SyncStatus
    from app.sync.transport import Transport

FIRST_CYCLE_DELAY_MS = 15_000  # after sign-in, once the window has settled
# What a cycle announces: "sync" always (the main window then does not read the status
# again), and the record types it wrote here, so the pages showing them refresh.
SYNC = "sync"


@dataclass(frozen=True)
class Outcome:
    """How the last cycle of this session ended; `report` is None when it raised."""

    report: CycleReport | None
    ok: bool
    error: str | None


class SyncRunner(QObject):
    """Runs sync cycles on a timer and on demand; keeps the latest status.

    Signals:
        started(): a cycle began.
        finished(object): the cycle's Outcome.
        status_changed(object): a fresh SyncStatus (after a cycle or a local change).
    """

    started = Signal()
    finished = Signal(object)
    status_changed = Signal(object)

    def __init__(self, ctx: AppContext, interval_ms: int, parent: QObject | None = None) -> None:
        """`interval_ms` 0 turns the background cycles off (screenshots, most tests)."""
        super().__init__(parent)
        self.ctx = ctx
        self.running = False
        self.status: SyncStatus | None = None
        self.outcome: Outcome | None = None
        self._kept: Transport | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.run_now)
        self.first = QTimer(self)
        self.first.setSingleShot(True)
        self.first.timeout.connect(self.run_now)
        self.set_interval(interval_ms, first=True)

    def set_interval(self, interval_ms: int, first: bool = False) -> None:
        """Cycle every `interval_ms` (0: only on demand); `first` also plans one cycle soon
        after sign-in."""
        self.timer.stop()
        self.first.stop()
        if interval_ms <= 0:
            return
        self.timer.setInterval(interval_ms)
        self.timer.start()
        if first:
            self.first.setInterval(min(FIRST_CYCLE_DELAY_MS, interval_ms))
            self.first.start()

    def stop(self) -> None:
        """No more background cycles (window closing); a running one ends on its own."""
        self.timer.stop()
        self.first.stop()

    def _transport(self, server_url: str) -> Transport:
        """One HTTP client for every cycle to the same server: its kept connection makes a
        cycle with nothing to do about a third as long (bench/sync.py, no-op cycle). Cycles
        never overlap, so the client is used by one thread at a time."""
        from app.sync.transport import Transport

        if self._kept is None or self._kept.base_url != server_url.rstrip("/"):
            if self._kept is not None:
                self._kept.close()
            self._kept = Transport(server_url)
        return self._kept

    def run_now(self) -> bool:
        """Start one cycle unless one is running; False when it was not started."""
        if self.running:
            return False
        self.running = True
        self.started.emit()
        db = self.ctx.db

        def work(_progress: object, _cancelled: object) -> tuple[CycleReport | None, SyncStatus]:
            from app.services.sync_now import sync_now
            from app.sync import client

            found = client.status(db)
            if not found.enrolled or found.server_url is None:
                return None, found
            cycle = sync_now(db, self._transport(found.server_url))
            return cycle, client.status(db)

        run_task(work, on_done=self._done, on_error=self._failed, owner=self)
        return True

    def _done(self, result: tuple[CycleReport | None, SyncStatus]) -> None:
        cycle, status = result
        self.running = False
        self.status = status
        if cycle is not None:
            self.outcome = Outcome(cycle, cycle.ok, cycle.error)
        self.finished.emit(self.outcome)
        self.status_changed.emit(status)
        # What the cycle wrote here was announced by its task (app.ui.tasks); "sync" says a
        # cycle ended, so the pages showing the sync state read it again.
        self.ctx.changed({SYNC})

    def _failed(self, exc: BaseException) -> None:
        """A cycle that raised (a bug, a server answer we do not understand): say it in the
        status bar and the log; the outbox is untouched."""
        report(exc)
        self.running = False
        self.outcome = Outcome(None, False, error_text(exc))
        self.finished.emit(self.outcome)
        self.refresh_status()

    def refresh_status(self) -> None:
        """Read the counts again (off the UI thread) and announce them."""
        db = self.ctx.db

        def read(_progress: object, _cancelled: object) -> SyncStatus:
            from app.sync.client import status

            return status(db)

        run_task(read, on_done=self._status_read, on_error=report, owner=self)

    def _status_read(self, status: SyncStatus) -> None:
        self.status = status
        self.status_changed.emit(status)


def last_error(runner: SyncRunner, plain: bool = True) -> str | None:
    """Why the last cycle failed (in plain words unless `plain` is False), or None if it
    reached the server."""
    from app.sync.outbox_view import plain_error

    if runner.outcome is not None and not runner.outcome.ok:
        error = runner.outcome.error
    else:
        error = runner.status.last_error if runner.status is not None else None
    return plain_error(error) if plain else error


class SyncIndicator(QLabel):
    """One line of the status bar that ends in "…" when the window is narrow (the whole
    text stays in `full_text` and the tooltip) and opens the Sinkronisasi page on a click.

    Signals:
        clicked(): the clerk clicked it.
    """

    clicked = Signal()

    def __init__(self) -> None:
        from PySide6.QtCore import Qt

        super().__init__("")
        self.full_text = ""
        self.setObjectName("syncStatus")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self._elide()

    def _elide(self) -> None:
        from PySide6.QtCore import Qt

        room = self.contentsRect().width() - 20  # the style sheet's side padding
        self.setText(
            self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, room)
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self.clicked.emit()


class SyncStatusBar(QObject):
    """The sync part of the status bar, left of the office and user: the state (offline
    with its cause in a few words), waiting changes, last sync, refused changes. It takes
    the room the other items leave; the tooltip has the whole sentence of a failure."""

    def __init__(self, bar: QStatusBar, runner: SyncRunner) -> None:
        super().__init__(bar)
        self.runner = runner
        self.indicator = SyncIndicator()
        bar.addWidget(self.indicator, 1)
        runner.started.connect(self.update)
        runner.finished.connect(self.update)
        runner.status_changed.connect(self.update)
        self.update()

    def update(self, *_args: object) -> None:
        state, parts, problem = self._describe()
        self.indicator.set_full_text("● " + " · ".join(parts))
        self.indicator.setToolTip(
            "\n".join(filter(None, [problem, self.tr("Click to open the Sync page.")]))
        )
        self.indicator.setProperty("state", state)
        self.indicator.style().unpolish(self.indicator)
        self.indicator.style().polish(self.indicator)

    def _describe(self) -> tuple[str, list[str], str]:
        """(state for the style sheet, the parts of the line, the whole failure sentence)."""
        from app.sync.outbox_view import short_error
        from app.ui.formats import fmt_datetime, fmt_time

        status = self.runner.status
        if status is None:
            return "none", [self.tr("Sync: checking…")], ""
        if not status.enrolled:
            return "none", [self.tr("Not linked to the server")], ""
        error = last_error(self.runner)
        if self.runner.running:
            state, word = "busy", self.tr("Syncing…")
        elif status.revoked:
            state, word = "offline", self.tr("Access revoked")
        elif error:
            state, word = "offline", self.tr("Offline")
            cause = short_error(last_error(self.runner, plain=False))
            if cause:
                word = self.tr("Offline ({cause})").format(cause=cause)
        elif status.last_success is not None:
            state, word = "online", self.tr("Online")
        else:
            state, word = "none", self.tr("Not synced yet")
        number = QLocale().toString
        parts = [word, self.tr("{n} changes waiting").format(n=number(status.pending))]
        if status.last_success is not None:
            when, now = status.last_success, self.runner.ctx.db.clock()
            today = when.astimezone().date() == now.astimezone().date()
            shown = fmt_time(when) if today else fmt_datetime(when)
            parts.append(self.tr("Last sync {time}").format(time=shown))
        elif state != "none":  # "Not synced yet" already says it
            parts.append(self.tr("Never synced"))
        if status.failed:
            parts.append(self.tr("{n} with problems").format(n=number(status.failed)))
        return state, parts, (error or "") if state == "offline" else ""
