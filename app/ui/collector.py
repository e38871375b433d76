"""Python's garbage collector, run only in the UI thread.

Python collects reference cycles in whichever thread happens to allocate when a threshold is
crossed. In this program that is often a worker thread (a migration, an import, a sync run
allocates a lot), and a cycle may hold a Qt object: a closed dialog whose signals are
connected to lambdas that refer to it, a task's signal object. Collecting such a cycle
deletes the C++ widget from the worker thread, which Qt does not allow: the heap is damaged
and the program crashes later somewhere unrelated (seen in the window tests as a
segmentation fault once in a few runs, always with a worker thread alive).

So automatic collection is switched off and a timer in the UI thread collects instead,
generation by generation with Python's own thresholds (the approach of pyqtgraph's
GarbageCollector). Reference counting still frees everything that is not in a cycle at
once, in any thread; only cycles wait for the next tick.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500

_installed: MainThreadCollector | None = None


class MainThreadCollector(QObject):
    """Owns the timer; made by `install`, a child of the application object."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> int:
        """Collect the generations whose count passed its threshold; returns how many
        objects were found unreachable."""
        young, middle, old = gc.get_count()
        found = 0
        if young > self.threshold[0]:
            found += gc.collect(0)
            if middle > self.threshold[1]:
                found += gc.collect(1)
                if old > self.threshold[2]:
                    found += gc.collect(2)
        return found


def install(app: QCoreApplication) -> MainThreadCollector:
    """Switch automatic collection off and collect on a timer in `app`'s (the UI) thread.
    Called once per process; a second call returns the first collector."""
    global _installed
    if _installed is None:
        _installed = MainThreadCollector(app)
    return _installed
