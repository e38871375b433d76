"""Sinkronisasi: how this PC stands with the central server, and what waits to be sent.

The top box says where the PC syncs, whether the last try reached the server and why not,
with "Sinkronkan sekarang" (the main window's SyncRunner does the work, so the timer and the
button never run two cycles at once). An unlinked PC gets the enrolment form instead. The
tabs list this PC's waiting and refused changes (local, read off the UI thread) and the
server's review lists (Konflik, NIK ganda; loaded when opened, as they need the network).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.actor import Actor
from app.sync.client import SyncStatus
from app.sync.outbox_view import FAILED, PENDING, OutboxList
from app.ui.context import AppContext
from app.ui.messages import report, show_info
from app.ui.pages.sync_conflicts import ConflictsTab
from app.ui.pages.sync_enrol import EnrolBox
from app.ui.pages.sync_review import DuplicatesTab, ReviewTab
from app.ui.pages.sync_tables import OutboxTableModel
from app.ui.shell import Shell
from app.ui.sync_runner import Outcome, SyncRunner, last_error
from app.ui.tasks import run_task
from app.ui.widgets import busy_bar, heading, note

LIST_LIMIT = 500
COLUMN_WIDTHS = (140, 125, 170, 95, 150)  # the reason takes the rest


class SyncPage(QWidget):
    """The Sinkronisasi page; see the module docstring."""

    def __init__(
        self, ctx: AppContext, actor: Actor, runner: SyncRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.runner = ctx, actor, runner
        self.generation = 0
        self.stale_reviews: set[ReviewTab] = set()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(10)
        layout.addWidget(heading(self.tr("Sync")))
        layout.addWidget(
            note(
                self.tr(
                    "Changes made on this computer are sent to the central server, and changes "
                    "from the other computers come back. Work goes on without a connection."
                )
            )
        )
        layout.addWidget(self._status_box())
        self.enrol_box = EnrolBox(ctx)
        self.enrol_box.linked.connect(self._linked)
        layout.addWidget(self.enrol_box)
        self.tabs = QTabWidget()
        self.pending_model = OutboxTableModel(self.tr("Note"), self)
        self.failed_model = OutboxTableModel(self.tr("Reason"), self)
        self.pending_tab, self.pending_table, self.pending_more = self._table_tab(
            self.pending_model, wrap=False
        )
        self.failed_tab, self.failed_table, self.failed_more = self._table_tab(
            self.failed_model, wrap=True
        )
        self.conflicts = ConflictsTab(ctx, actor)
        self.duplicates = DuplicatesTab(ctx, actor)
        self.tabs.addTab(self.pending_tab, self.tr("Waiting"))
        self.tabs.addTab(self.failed_tab, self.tr("Problems"))
        self.tabs.addTab(self.conflicts, self.tr("Conflicts"))
        self.tabs.addTab(self.duplicates, self.tr("Duplicate NIK"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)
        self.stale_reviews = {self.conflicts, self.duplicates}
        self.conflicts.resolved.connect(self.runner.run_now)  # bring the decision here
        self.duplicates.merged.connect(self.runner.run_now)
        runner.started.connect(self._show_status)
        runner.finished.connect(self._finished)
        runner.status_changed.connect(self._show_status)
        ctx.data_changed.connect(self.on_data_changed)
        self._show_status()

    # --- building ---------------------------------------------------------------------------
    def _status_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Central server"))
        column = QVBoxLayout(box)
        form = QFormLayout()
        form.setHorizontalSpacing(18)
        self.server_label = QLabel("")
        self.state_label = QLabel("")
        self.state_label.setObjectName("syncState")
        self.success_label = QLabel("")
        self.problem_label = QLabel("")
        self.problem_label.setWordWrap(True)
        form.addRow(self.tr("Server"), self.server_label)
        form.addRow(self.tr("State"), self.state_label)
        form.addRow(self.tr("Last successful sync"), self.success_label)
        form.addRow(self.tr("Last problem"), self.problem_label)
        column.addLayout(form)
        row = QHBoxLayout()
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setObjectName("primary")
        self.sync_button.clicked.connect(self.sync_now)
        row.addWidget(self.sync_button)
        self.busy = busy_bar(box)
        self.busy.setMaximumWidth(160)
        row.addWidget(self.busy)
        self.result_label = QLabel("")
        self.result_label.setObjectName("syncResult")
        self.result_label.setWordWrap(True)
        row.addWidget(self.result_label, 1)
        column.addLayout(row)
        return box

    def _table_tab(self, model: OutboxTableModel, wrap: bool) -> tuple[QWidget, QTableView, QLabel]:
        """A table of outbox rows; `wrap` lets long reasons take two lines (the refused
        rows are few, the waiting ones can be thousands)."""
        from PySide6.QtCore import Qt

        tab = QWidget()
        column = QVBoxLayout(tab)
        column.setContentsMargins(0, 0, 0, 0)
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(wrap)
        table.verticalHeader().setVisible(False)
        if wrap:
            table.setObjectName("syncProblems")
            table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for index, width in enumerate(COLUMN_WIDTHS):
            table.setColumnWidth(index, width)
        column.addWidget(table, 1)
        more = QLabel("")
        more.setObjectName("note")
        more.setVisible(False)
        column.addWidget(more)
        return tab, table, more

    # --- state ------------------------------------------------------------------------------
    def _show_status(self, *_args: object) -> None:
        from app.ui.formats import fmt_datetime

        status: SyncStatus | None = self.runner.status
        enrolled = status is not None and status.enrolled
        self.enrol_box.setVisible(status is not None and (not enrolled or status.revoked))
        self.sync_button.setEnabled(enrolled and not self.runner.running)
        self.busy.setVisible(self.runner.running)
        if status is None:
            return
        error = last_error(self.runner)
        self.server_label.setText(status.server_url or self.tr("not linked"))
        if not enrolled:
            state = self.tr("This computer is not linked to the central server yet.")
        elif self.runner.running:
            state = self.tr("Syncing…")
        elif status.revoked:
            state = self.tr("Access revoked: link this computer again with a new code.")
        elif error:
            state = self.tr("Offline: the last try did not reach the server.")
        elif status.last_success is not None:
            state = self.tr("Online: the last sync reached the server.")
        else:
            state = self.tr("Not synced yet.")
        self.state_label.setText(state)
        self.success_label.setText(fmt_datetime(status.last_success) or self.tr("never"))
        self.problem_label.setText(error or "–")

    def _finished(self, outcome: Outcome | None) -> None:
        self._show_status()
        if outcome is None:
            return
        if outcome.ok and outcome.report is not None:
            done = outcome.report
            text = self.tr("Sync complete: {sent} sent, {received} received.").format(
                sent=done.pushed, received=done.pulled
            )
            refused = len(done.rejected) + len(done.conflicts)
            if refused:
                text += " " + self.tr("{n} need attention (tab Problems).").format(n=refused)
        else:
            text = self.tr("Sync failed: {reason}").format(reason=last_error(self.runner))
        self.result_label.setText(text)
        self.stale_reviews = {self.conflicts, self.duplicates}
        if self.isVisible():
            self._tab_changed(self.tabs.currentIndex())

    def sync_now(self) -> None:
        self.result_label.setText("")
        self.runner.run_now()

    def _linked(self, url: str) -> None:
        show_info(
            self,
            self.tr("Computer linked"),
            self.tr("This computer now syncs with {url}. The first sync starts now.").format(
                url=url
            ),
        )
        self.runner.run_now()

    # --- lists ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read both outbox lists again (off the UI thread; an older answer is dropped)."""
        from app.sync.outbox_view import list_outbox
        from app.ui.intake.labels import label_of_model_field

        self.generation += 1
        generation, db = self.generation, self.ctx.db

        def read(_p: object, _c: object) -> tuple[OutboxList, OutboxList]:
            return (
                list_outbox(db, PENDING, LIST_LIMIT),
                list_outbox(db, FAILED, LIST_LIMIT, label_of_model_field),
            )

        def done(lists: tuple[OutboxList, OutboxList]) -> None:
            if generation != self.generation:
                return
            waiting, failed = lists
            number = QLocale().toString
            for model, more, found in (
                (self.pending_model, self.pending_more, waiting),
                (self.failed_model, self.failed_more, failed),
            ):
                model.set_rows(found.rows)
                more.setText(
                    self.tr("Showing the newest {shown} of {total}.").format(
                        shown=number(len(found.rows)), total=number(found.total)
                    )
                )
                more.setVisible(found.total > len(found.rows))
            self.tabs.setTabText(0, self.tr("Waiting ({n})").format(n=number(waiting.total)))
            self.tabs.setTabText(1, self.tr("Problems ({n})").format(n=number(failed.total)))

        run_task(read, on_done=done, on_error=report, owner=self)

    def _tab_changed(self, index: int) -> None:
        tab = self.tabs.widget(index)
        if isinstance(tab, ReviewTab) and tab in self.stale_reviews and self.isVisible():
            self.stale_reviews.discard(tab)
            tab.load()

    def apply_link(self, filters: dict[str, str]) -> None:
        """From Beranda: `tab` "conflicts" or "duplicates" brings that review list forward
        (loaded from the server as it opens); no tab, the waiting changes."""
        tabs = {"conflicts": self.conflicts, "duplicates": self.duplicates}
        self.tabs.setCurrentWidget(tabs.get(filters.get("tab", ""), self.pending_tab))

    def on_data_changed(self, _entities: frozenset[str]) -> None:
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        self.runner.refresh_status()
        self._tab_changed(self.tabs.currentIndex())


def page(window: Shell) -> SyncPage:
    """The sync feature's page (app.features.sync): it shares the window's sync runner."""
    return SyncPage(window.ctx, window.actor, window.sync)
