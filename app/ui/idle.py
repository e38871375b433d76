"""Locks the screen after a period without keyboard or mouse input (setting idle_lock_minutes).

An application-wide event filter restarts a single-shot timer on every input event; when
the timer fires, `idle` is emitted and the main window shows the lock dialog. The interval
is a plain property in milliseconds so tests can use a few milliseconds.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatcher(QObject):
    """Watches for input anywhere in the program.

    Signals:
        idle(str): the screen must lock, with the reason "idle" (no input for
            `interval_ms`) or "manual" (`lock_now()`); the watcher pauses until `resume()`.
    """

    idle = Signal(str)

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self.lock_now("idle"))
        self._paused = False
        self.interval_ms = minutes * 60_000
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def interval_ms(self) -> int:
        """Idle time before locking; 0 switches the lock off."""
        return self._interval

    @interval_ms.setter
    def interval_ms(self, value: int) -> None:
        self._interval = max(0, value)
        self._restart()

    def set_minutes(self, minutes: int) -> None:
        self.interval_ms = minutes * 60_000

    def lock_now(self, reason: str = "manual") -> None:
        """Lock at once (the "Lock screen" button, and the timer)."""
        if self._paused:
            return
        self._paused = True
        self._timer.stop()
        self.idle.emit(reason)

    def resume(self) -> None:
        """Start counting again after the lock dialog closed."""
        self._paused = False
        self._restart()

    def stop(self) -> None:
        self._paused = True
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def active(self) -> bool:
        return self._timer.isActive()

    def _restart(self) -> None:
        if self._paused or self._interval <= 0:
            self._timer.stop()
        else:
            self._timer.start(self._interval)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and not self._paused and self._interval > 0:
            self._timer.start(self._interval)
        return False
