"""Tabs "Konflik" and "NIK ganda" of the Sinkronisasi page: lists kept on the server.

Both lists live on the central server (every counter sees the same queue), so loading them
needs the network: it runs off the UI thread, and a failure is written in the tab ("cannot
reach the server" and why), never a crash or a box. ReviewTab is their shared frame; the
conflict cards are in sync_conflicts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Permission, can
from app.errors import LoketError
from app.services.actor import Actor
from app.services.sync_review_view import DuplicateItem
from app.ui.context import AppContext
from app.ui.messages import error_text, report
from app.ui.tasks import run_task
from app.ui.widgets import note

translate = QCoreApplication.translate


def plain_exception(exc: BaseException) -> BaseException:
    """The same refusal with a network fault's technical cause in plain words."""
    from app.sync.client import OFFLINE
    from app.sync.outbox_view import plain_cause

    if isinstance(exc, LoketError) and exc.text is OFFLINE and "why" in exc.params:
        params = {**exc.params, "why": plain_cause(str(exc.params["why"]))}
        return type(exc)(exc.text, field=exc.field, **params)
    return exc


def problem_text(exc: BaseException) -> str:
    """What a review tab says when the server could not give its list."""
    from app.sync.client import OFFLINE
    from app.sync.outbox_view import plain_cause

    if isinstance(exc, LoketError) and exc.text is OFFLINE:
        reason = plain_cause(str(exc.params.get("why", "")))
        return translate("ReviewTab", "Cannot reach the server: {reason}.").format(reason=reason)
    return error_text(exc)


class ReviewTab(QWidget):
    """A list fetched from the server: a note, a reload button, a state line, the body.

    Signals:
        loaded(): an answer (rows or an error) reached the tab.

    Its own words use translate("ReviewTab", ...): PySide's self.tr() would look them up
    under the subclass's name.
    """

    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.generation = 0
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(16, 12, 16, 12)
        self.layout_.setSpacing(8)
        top = QHBoxLayout()
        self.note = note("")
        top.addWidget(self.note, 1)
        self.reload_button = QPushButton(translate("ReviewTab", "Reload"))
        self.reload_button.clicked.connect(self.load)
        top.addWidget(self.reload_button, 0, Qt.AlignmentFlag.AlignTop)
        self.layout_.addLayout(top)
        self.state = QLabel("")
        self.state.setObjectName("reviewState")
        self.state.setWordWrap(True)
        self.layout_.addWidget(self.state)

    def fetch(self) -> Callable[[], list[Any]]:
        raise NotImplementedError

    def show_rows(self, rows: list[Any]) -> None:
        raise NotImplementedError

    def load(self) -> None:
        """Ask the server again; an older answer still on its way is dropped."""
        self.generation += 1
        generation = self.generation
        self.state.setText(translate("ReviewTab", "Loading from the server…"))
        self.state.setProperty("problem", False)
        self.reload_button.setEnabled(False)
        fetch = self.fetch()

        def done(rows: list[Any]) -> None:
            if generation == self.generation:
                self.reload_button.setEnabled(True)
                self.show_rows(rows)
                self.loaded.emit()

        def failed(exc: BaseException) -> None:
            report(exc)
            if generation == self.generation:
                self.reload_button.setEnabled(True)
                self.show_rows([])
                self.state.setText(problem_text(exc))
                self.state.setProperty("problem", True)
                self.state.style().polish(self.state)
                self.loaded.emit()

        run_task(lambda _p, _c: fetch(), on_done=done, on_error=failed, owner=self)


class DuplicatesTab(ReviewTab):
    """The same NIK registered twice (usually at two offices while offline); a supervisor
    merges a pair, choosing which record stays (app.server.review.merge_duplicate).

    Signals:
        merged(): a pair was merged on the server (the page then syncs to bring it here).
    """

    COLUMNS = 6
    merged = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.actor = actor
        self.allowed = can(actor.role, Permission.SYNC_RESOLVE)
        self.items: list[DuplicateItem] = []
        self.note.setText(
            self.tr(
                "The same NIK was registered twice. Check with the participant and the other "
                "office, then merge: the record you keep stays, the other is marked "
                "“merged” and keeps its documents and history. Nothing is merged "
                "automatically."
            )
            if self.allowed
            else self.tr(
                "The same NIK was registered twice. Only a supervisor can merge the two "
                "records. Ask the office supervisor."
            )
        )
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("NIK"),
                self.tr("Participant (1)"),
                self.tr("Office (1)"),
                self.tr("Participant (2)"),
                self.tr("Office (2)"),
                self.tr("Flagged"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.layout_.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.keep_buttons: dict[str, QPushButton] = {}
        for keep, text in (
            ("a", self.tr("Merge, keep participant (1)")),
            ("b", self.tr("Merge, keep participant (2)")),
        ):
            button = QPushButton(text)
            button.setEnabled(False)
            button.clicked.connect(lambda _c=False, k=keep: self.confirm(k))
            buttons.addWidget(button)
            self.keep_buttons[keep] = button
        self.layout_.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._selection_changed)

    def selected(self) -> DuplicateItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows and rows[0].row() < len(self.items) else None

    def _selection_changed(self) -> None:
        chosen = self.selected() is not None and self.allowed
        for button in self.keep_buttons.values():
            button.setEnabled(chosen)

    def confirm(self, keep: str) -> None:
        """The supervisor confirms the merge with their password (the server checks it)."""
        from app.services.sync_review import merge
        from app.ui.dialogs.supervisor_confirm import SupervisorConfirmDialog

        item = self.selected()
        if item is None:
            return
        kept, kept_office = (
            (item.name_a, item.office_a) if keep == "a" else (item.name_b, item.office_b)
        )
        gone, gone_office = (
            (item.name_b, item.office_b) if keep == "a" else (item.name_a, item.office_a)
        )
        db, actor = self.ctx.db, self.actor
        dialog = SupervisorConfirmDialog(
            self.tr("Merge duplicate"),
            self.tr(
                "Keep {kept} ({kept_office}) and mark {gone} ({gone_office}) as merged into "
                "it? Its consents, documents and history are kept. This cannot be undone "
                "here."
            ).format(kept=kept, kept_office=kept_office, gone=gone, gone_office=gone_office),
            self.tr("Merge"),
            lambda password: merge(db, actor, item.id, keep, password),
            self,
        )
        dialog.succeeded.connect(self._merged)
        dialog.open()

    def _merged(self, _result: object) -> None:
        self.merged.emit()
        self.load()

    def fetch(self) -> Callable[[], list[Any]]:
        from app.services.sync_review_view import duplicate_items

        db = self.ctx.db
        return lambda: list(duplicate_items(db))

    def show_rows(self, rows: list[Any]) -> None:
        from datetime import datetime

        from app.ui.formats import fmt_datetime

        items: list[DuplicateItem] = rows
        self.items = items
        self.table.clearSelection()
        self.table.setRowCount(len(items))
        for r, d in enumerate(items):
            flagged = fmt_datetime(datetime.fromisoformat(d.created_at)) if d.created_at else ""
            values = (d.nik_masked, d.name_a, d.office_a, d.name_b, d.office_b, flagged)
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.state.setText(
            self.tr("{n} NIKs are registered twice.").format(n=len(items))
            if items
            else self.tr("No NIK is registered twice.")
        )
        self.state.setProperty("problem", False)
        self.state.style().polish(self.state)
        self._selection_changed()
