"""The right-hand column of Beranda: what waits for a supervisor, and how this PC stands with
the central server.

Sync conflicts and duplicate NIKs are kept on the server: until it has answered, their
count is unknown (None), and the card says why — not linked, still asking, or the server
could not be reached — instead of a 0 that would tell the supervisor there is nothing to do.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from app import formats
from app.services.dashboard_views import Dashboard, Link, SyncState, Task
from app.ui.formats import fmt_datetime
from app.ui.pages.dashboard_tiles import LinkFrame, LinkRow, card, label, set_flag


class Review(Enum):
    """Where the server's counts (conflicts, duplicates) stand."""

    NOT_LINKED = "not_linked"  # this PC is not enrolled: nobody to ask
    ASKING = "asking"
    UNREACHABLE = "unreachable"  # asked, no answer: kept unknown
    KNOWN = "known"


class WaitingCard(QFrame):
    """Entitlements to approve, attendance days to approve, sync conflicts, duplicate NIKs,
    double payments and overpayments: one row each, each opening its list.

    Signals:
        opened(object): the `Link` of the row clicked or chosen by keyboard.
    """

    opened = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        frame, layout, self.title = card(self.tr("Waiting for a supervisor"))
        outer.addWidget(frame)
        self.entitlements = LinkRow(self.tr("Entitlements to approve"))
        self.days_to_lock = LinkRow(self.tr("Attendance days to approve"))
        self.conflicts = LinkRow(self.tr("Sync conflicts"))
        self.duplicates = LinkRow(self.tr("Duplicate NIKs"))
        self.double_payments = LinkRow(self.tr("Double payments"))
        self.overpayments = LinkRow(self.tr("Overpayments to recover"))
        for row in self.rows():
            layout.addWidget(row)
            row.opened.connect(self.opened)
        # why conflicts and duplicate NIKs are not known: one line for the two rows
        self.server_note = label("dashDetail", "", wrap=True)
        layout.insertWidget(layout.indexOf(self.duplicates) + 1, self.server_note)
        self.server_note.setVisible(False)
        layout.addStretch(1)

    def rows(self) -> list[LinkRow]:
        return [
            self.entitlements,
            self.days_to_lock,
            self.conflicts,
            self.duplicates,
            self.double_payments,
            self.overpayments,
        ]

    def show_board(self, board: Dashboard, review: Review) -> None:
        w = board.waiting
        self._task(self.entitlements, w.entitlements, money=True)
        self._task(self.days_to_lock, w.days_to_lock)
        # one cohort: open it there (its days to approve; its entitlements in Pembayaran)
        if len(w.days_to_lock.cohorts) == 1:
            self.days_to_lock.set_link(w.days_to_lock.cohorts[0].link)
        if len(w.entitlements.cohorts) == 1:
            code = w.entitlements.cohorts[0].code
            link = w.entitlements.link
            self.entitlements.set_link(Link(link.page, (*link.filters, ("cohort", code))))
        self._task(self.double_payments, w.double_payments)
        self._task(self.overpayments, w.overpayments, money=True)
        unknown = False
        for row, task in ((self.conflicts, w.conflicts), (self.duplicates, w.duplicates)):
            if task.count is not None:
                self._task(row, task)
                continue
            unknown = True
            row.set_link(task.link)
            if review is Review.ASKING:
                row.show_count("…", zero=True)
            else:
                row.show_count(self.tr("unknown"), zero=True)
            row.setToolTip(self.tr("Only the central server knows this figure."))
        if not unknown:
            note = ""
        elif review is Review.ASKING:
            note = self.tr("Conflicts and duplicate NIKs: asking the server…")
        elif review is Review.UNREACHABLE:
            note = self.tr("Conflicts and duplicate NIKs: server unreachable.")
        else:
            note = self.tr(
                "Conflicts and duplicate NIKs: this computer is not linked to the server."
            )
        self.server_note.setText(note)
        self.server_note.setVisible(bool(note))
        self.title.setText(
            self.tr("Waiting for a supervisor ({n})").format(n=formats.number(w.total))
            if w.total
            else self.tr("Waiting for a supervisor")
        )

    def _task(self, row: LinkRow, task: Task, money: bool = False) -> None:
        row.set_link(task.link)
        count = task.count or 0
        detail = formats.rupiah(task.amount) if money and task.amount else ""
        if not money and len(task.cohorts) > 1:
            detail = self.tr("{n} cohorts").format(n=formats.number(len(task.cohorts)))
        row.show_count(formats.number(count), detail, zero=count == 0)
        row.setToolTip(
            "\n".join(
                self.tr("{code}: {n}").format(code=c.code, n=formats.number(c.count))
                for c in task.cohorts
            )
        )


class SyncCard(LinkFrame):
    """This PC and the central server: linked or not, the last success, what waits to be
    sent, what was refused, and the last problem in plain words; opens the sync page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("dashTile", parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(label("dashTitle", self.tr("Sync")))
        self.state = label("dashCaption", "…", wrap=True)
        self.queue = label("dashCaption", "", wrap=True)
        self.problem = label("dashDetail", "", wrap=True)
        for widget in (self.state, self.queue, self.problem):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setAccessibleName(self.tr("Sync"))

    def show_sync(self, sync: SyncState) -> None:
        self.set_link(sync.link)
        if not sync.enrolled:
            state = self.tr("This computer is not linked to the central server yet.")
        elif sync.revoked:
            state = self.tr("Access revoked: link this computer again with a new code.")
        elif sync.last_success is not None:
            state = self.tr("Last successful sync: {when}").format(
                when=fmt_datetime(sync.last_success)
            )
        else:
            state = self.tr("Not synced yet.")
        self.state.setText(state)
        self.queue.setText(
            self.tr("{pending} changes waiting to be sent · {failed} refused").format(
                pending=formats.number(sync.pending), failed=formats.number(sync.failed)
            )
        )
        set_flag(self.queue, "alert", sync.failed > 0)
        self.problem.setText(
            self.tr("Last problem: {error}").format(error=sync.last_error)
            if sync.last_error
            else ""
        )
        self.problem.setVisible(bool(sync.last_error))
        self.setAccessibleDescription(f"{state} {self.queue.text()} {self.problem.text()}")
