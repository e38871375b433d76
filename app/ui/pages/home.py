"""Beranda: the programme's dashboard (issue #14), under a greeting and today's date.

What a branch head reads first: the way to the national target, participants by status,
office and module, attendance and completion, stipends paid this month, re-employment and
self-employment, follow-up calls due, licences ending, what waits for a supervisor and the
sync state — every figure from app.services.dashboard, every one opening the list behind it
(`open_link`: the page, then its `apply_link(filters)`).

Why it loads the way it does:

- **Never in the UI thread.** The figures take a few tenths of a second on a big office
  (bench/dashboard.py), longer on a slow disk: they are read by `run_task`, the page says
  "loading" meanwhile, and an answer older than the newest request is dropped (a
  `generation` number), so a slow read can never overwrite a newer one.
- **Refreshed when it matters, once.** On every show, and when a committed change names a
  record type that moves a figure (`dashboard.WATCHED`); a burst of changes (an import, a
  sync cycle) restarts one single-shot timer, so it gives one read, not hundreds.
- **The server apart.** Conflicts and duplicate NIKs are the server's: asked in a second task
  only when this PC is linked, added with `with_review`; when the server cannot be reached
  they stay unknown and the row says so, without a box (the clerk did not ask for it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QDateTime, QLocale, Qt, QTime, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.services.actor import Actor
from app.services.dashboard_views import Dashboard, Link, ReviewCounts
from app.ui.context import AppContext
from app.ui.messages import error_text, report
from app.ui.pages.dashboard_charts import Bar, ChartCard, LinkBarChart
from app.ui.pages.dashboard_figures import FigureTiles, ProgressCard
from app.ui.pages.dashboard_tiles import STYLE
from app.ui.pages.dashboard_waiting import Review, SyncCard, WaitingCard
from app.ui.shell import Shell
from app.ui.tasks import Task, run_task
from app.ui.widgets import heading, scroll_area

log = logging.getLogger(__name__)

# Local hour at which each greeting starts (Indonesian custom: pagi, siang, sore, malam).
GREETING_HOURS = ((18, "evening"), (15, "afternoon"), (11, "midday"), (4, "morning"))
REFRESH_DELAY_MS = 500  # a burst of changes within this gives one refresh
CHART_ROWS = 8  # offices in a chart: the largest; the list has them all
MODULE_ROWS = 6  # modules (two bars each) in a chart: the most chosen
RIGHT_COLUMN = 330  # the supervisor's card and the sync card


class HomePage(QWidget):
    """Greeting, date and the dashboard; `open_link` opens the list behind a figure."""

    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        open_link: Callable[[Link], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.open_link = open_link
        self.generation = 0  # of the newest request; older answers are dropped
        self.loading = False
        self.board: Dashboard | None = None  # as read, without the server's counts
        self.review = Review.NOT_LINKED
        self.known_review: ReviewCounts | None = None
        self.setStyleSheet(STYLE)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        layout.addLayout(self._header())
        self.problem = QLabel("")
        self.problem.setObjectName("notice")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        layout.addWidget(self.problem)

        layout.addLayout(self._figures())
        layout.addLayout(self._charts(), 1)
        outer.addWidget(scroll_area(body))

        for source in (self.progress, self.tiles, self.waiting, self.sync_card):
            source.opened.connect(self._open)
        for chart in self.charts():
            chart.opened.connect(self._open)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(REFRESH_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        ctx.data_changed.connect(self.on_data_changed)
        self.greet()

    def _header(self) -> QHBoxLayout:
        """The greeting, and on its right today's date over how fresh the figures are (one
        line of height: the figures below need the room of a 768-pixel screen)."""
        row = QHBoxLayout()
        self.greeting = heading("")
        row.addWidget(self.greeting, 1, Qt.AlignmentFlag.AlignVCenter)
        words = QVBoxLayout()
        words.setSpacing(0)
        self.date = QLabel("")
        self.date.setObjectName("subheading")
        self.state = QLabel("")
        self.state.setObjectName("note")
        for label in (self.date, self.state):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            words.addWidget(label)
        row.addLayout(words)
        return row

    def _figures(self) -> QHBoxLayout:
        """The target and the tiles on the left; what waits and the sync state on the
        right, in a column as wide as its longest line needs."""
        upper = QHBoxLayout()
        upper.setSpacing(12)
        left = QVBoxLayout()
        left.setSpacing(10)
        self.progress = ProgressCard()
        self.tiles = FigureTiles()
        left.addWidget(self.progress)
        left.addWidget(self.tiles, 1)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(10)
        self.waiting = WaitingCard()
        self.sync_card = SyncCard()
        right.addWidget(self.waiting)
        right.addWidget(self.sync_card, 1)
        column = QWidget()
        column.setLayout(right)
        column.setFixedWidth(RIGHT_COLUMN)
        upper.addLayout(left, 1)
        upper.addWidget(column)
        return upper

    def _charts(self) -> QHBoxLayout:
        """Three charts side by side, each as wide as its names need at 1366×768."""
        charts = QHBoxLayout()
        charts.setSpacing(12)
        self.status_card = ChartCard(self.tr("Participants by status"))
        self.office_card = ChartCard(self.tr("Participants by office"))
        self.module_card = ChartCard(
            self.tr("Modules: first choices and places"),
            (self.tr("First choice"), self.tr("Places in cohorts")),
        )
        self.status_chart = self.status_card.chart
        self.office_chart = self.office_card.chart
        self.module_chart = self.module_card.chart
        for chart_card, stretch in (
            (self.status_card, 10),
            (self.office_card, 10),
            (self.module_card, 12),
        ):
            charts.addWidget(chart_card, stretch)
        return charts

    def charts(self) -> list[LinkBarChart]:
        return [self.status_chart, self.office_chart, self.module_chart]

    # --- greeting -------------------------------------------------------------------------
    def greeting_text(self, hour: int) -> str:
        part = next((name for start, name in GREETING_HOURS if hour >= start), "evening")
        name = self.actor.full_name or self.actor.username
        texts = {
            "morning": self.tr("Good morning, {name}"),
            "midday": self.tr("Good day, {name}"),
            "afternoon": self.tr("Good afternoon, {name}"),
            "evening": self.tr("Good evening, {name}"),
        }
        return texts[part].format(name=name)

    def greet(self) -> None:
        now = QDateTime.currentDateTime()
        self.greeting.setText(self.greeting_text(now.time().hour()))
        self.date.setText(QLocale().toString(now.date(), "dddd, d MMMM yyyy"))

    # --- reading --------------------------------------------------------------------------
    def refresh(self) -> Task:
        """Read every figure again in the background; the answer replaces the figures only
        if no newer request was made meanwhile."""
        from app.services import dashboard as service
        from app.texts import current_language

        self.timer.stop()
        self.generation += 1
        generation, db, lang = self.generation, self.ctx.db, current_language()
        self.loading = True
        self.state.setText(self.tr("Loading the programme's figures…"))
        return run_task(
            lambda _p, _c: service.dashboard(db, lang=lang),
            on_done=lambda board: self._loaded(generation, board),
            on_error=lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _loaded(self, generation: int, board: Dashboard) -> None:
        if generation != self.generation:
            return
        self.loading = False
        self.board = board
        self.problem.setVisible(False)
        if not board.sync.enrolled:
            self.review, self.known_review = Review.NOT_LINKED, None
        else:
            # the last answer stays on screen while the server is asked again
            self.review = Review.KNOWN if self.known_review is not None else Review.ASKING
            self._ask_review(generation)
        self._show()
        time = QLocale().toString(QTime.currentTime(), "HH:mm")
        self.state.setText(self.tr("Figures as of {time}").format(time=time))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self.generation:
            return
        self.loading = False
        report(exc)
        self.state.setText("")
        self.problem.setText(
            self.tr("The programme's figures could not be read. {reason}").format(
                reason=error_text(exc)
            )
        )
        self.problem.setVisible(True)

    def _ask_review(self, generation: int) -> None:
        from app.services import dashboard as service

        db = self.ctx.db
        run_task(
            lambda _p, _c: service.review_counts(db),
            on_done=lambda counts: self._reviewed(generation, counts),
            on_error=lambda exc: self._unreachable(generation, exc),
            owner=self,
        )

    def _reviewed(self, generation: int, counts: ReviewCounts) -> None:
        if generation != self.generation:
            return
        self.review, self.known_review = Review.KNOWN, counts
        self._show()

    def _unreachable(self, generation: int, exc: BaseException) -> None:
        """Unknown stays unknown: the row says the server was not reached, no box."""
        log.info("review counts not read: %r", exc)
        if generation != self.generation:
            return
        self.review, self.known_review = Review.UNREACHABLE, None
        self._show()

    def shown_board(self) -> Dashboard | None:
        """The figures on screen: as read, with the server's counts when known."""
        from app.services.dashboard import with_review

        if self.board is None or self.known_review is None:
            return self.board
        return with_review(self.board, self.known_review)

    def _show(self) -> None:
        board = self.shown_board()
        if board is None:
            return
        self.progress.show_progress(board.progress)
        self.tiles.show_board(board)
        self.waiting.show_board(board, self.review)
        self.sync_card.show_sync(board.sync)
        people = board.participants
        self.status_chart.show_bars([Bar(c.label, (c.count,), c.link) for c in people.by_status])
        self.office_chart.show_bars(
            [Bar(c.label, (c.count,), c.link) for c in people.by_office[:CHART_ROWS]]
        )
        self.office_card.set_title(
            self.tr("Participants by office: the {n} largest of {total}").format(
                n=CHART_ROWS, total=len(people.by_office)
            )
            if len(people.by_office) > CHART_ROWS
            else self.tr("Participants by office")
        )
        self.module_chart.show_bars(
            [Bar(m.label, (m.chosen, m.places), m.link) for m in people.by_module[:MODULE_ROWS]]
        )
        self.module_card.set_title(
            self.tr("Modules: the {n} most chosen of {total}").format(
                n=MODULE_ROWS, total=len(people.by_module)
            )
            if len(people.by_module) > MODULE_ROWS
            else self.tr("Modules: first choices and places")
        )

    # --- when ---------------------------------------------------------------------------------
    def on_data_changed(self, entities: frozenset[str]) -> None:
        from app.services.dashboard import WATCHED

        if entities & WATCHED and self.isVisible():
            self.timer.start()  # restarted by each change of a burst

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.greet()
        self.refresh()

    def _open(self, link: Link) -> None:
        if self.open_link is not None:
            self.open_link(link)


def open_link(window: Shell, link: Link) -> QWidget | None:
    """Show the page of `link` and, when it can, filter it as the figure was counted
    (its `apply_link(filters)`); a page this person's role does not have opens nothing."""
    try:
        target = window.open(link.page)
    except KeyError:
        return None
    apply = getattr(target, "apply_link", None)
    if callable(apply):
        apply(dict(link.filters))
    return target


def page(window: Shell) -> HomePage:
    """The home feature's page (app.features.home)."""
    return HomePage(window.ctx, window.actor, lambda link: open_link(window, link))
