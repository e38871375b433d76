"""Autosave of an unfinished intake form: a few seconds after a change, and when leaving.

The draft (one per staff member, local only) survives a crash or a power cut; the form
offers it back at the next sign-in and when a new intake is opened. It is discarded once
the person is saved or the clerk clears the form.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.messages import report
from app.ui.tasks import run_task

AUTOSAVE_MS = 3_000


class DraftKeeper(QObject):
    """Saves `collect()` on the writer thread after changes.

    Signals:
        saved(object): the local datetime of the saved draft.
    """

    saved = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        collect: Callable[[], dict[str, Any]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.collect = collect
        self.dirty = False
        self.enabled = True
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save_now)

    def touch(self) -> None:
        """A value changed: save within a few seconds (not on every key press)."""
        if not self.enabled:
            return
        self.dirty = True
        if not self.timer.isActive():
            self.timer.start()

    def save_now(self) -> None:
        self.timer.stop()
        if not (self.dirty and self.enabled):
            return
        self.dirty = False
        from app.services import participant_records as records

        ctx, actor, data = self.ctx, self.actor, self.collect()
        run_task(
            lambda _p, _c: records.save_draft(ctx.db, actor, data),
            on_done=lambda _r: self.saved.emit(datetime.now()),
            on_error=report,
            write=True,
            owner=self,
        )

    def discard(self) -> None:
        """Forget the draft (after a successful save, or when the clerk clears the form)."""
        self.timer.stop()
        self.dirty = False
        from app.services import participant_records as records

        ctx, actor = self.ctx, self.actor
        run_task(lambda _p, _c: records.discard_draft(ctx.db, actor), on_error=report, write=True)
