"""The figures of Beranda that are read as numbers: the way to the national target, and the
tiles of training, follow-up, licences and money (app.services.dashboard_views).

Rates are Fractions or None: None means nothing to count yet (0 of 0), shown as "–", never
as 0%, which would say the programme failed everyone.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from app import formats
from app.services.dashboard_views import Dashboard, Expiring, Progress
from app.ui.formats import fmt_date
from app.ui.pages.dashboard_tiles import ALERT, LinkFrame, LinkTile, TargetBar, label

NAMES_SHOWN = 2  # providers named on the licences tile; the others are counted


def number(value: int) -> str:
    return formats.number(value)


def nowrap(text: str) -> str:
    """`text` as rich text that breaks nowhere."""
    return escape(text).replace(" ", "&nbsp;")


class ProgressCard(LinkFrame):
    """Registered against the national target, with this office's part; opens the list of
    participants."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("dashTile", parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 8)
        layout.setSpacing(4)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(label("dashTitle", self.tr("Progress toward the national target")))
        self.numbers = label("dashCaption", "")
        top.addWidget(self.numbers, 1)
        self.share = label("dashBig", "…")
        top.addWidget(self.share)
        layout.addLayout(top)
        self.bar = TargetBar()
        layout.addWidget(self.bar)
        self.office = label("dashDetail", "", wrap=True)
        layout.addWidget(self.office)
        self.setAccessibleName(self.tr("Progress toward the national target"))

    def show_progress(self, progress: Progress) -> None:
        self.set_link(progress.link)
        share = progress.registered_share
        self.share.setText(formats.percent(share))
        if not progress.target:
            self.numbers.setText(
                self.tr("{registered} participants registered; no national target is set.").format(
                    registered=number(progress.registered)
                )
            )
        else:
            self.numbers.setText(
                self.tr("{registered} of the target of {target} participants registered").format(
                    registered=number(progress.registered), target=number(progress.target)
                )
            )
        self.office.setText(
            self.tr(
                "Office {office}: {count} participants · {share} of the target · {part} of "
                "those registered"
            ).format(
                office=progress.office_code,
                count=number(progress.office),
                share=formats.percent(progress.office_share),
                part=formats.percent(progress.office_part),
            )
        )
        self.bar.set_shares(float(share or 0), float(progress.office_share or 0))
        self.setAccessibleDescription(f"{self.numbers.text()}. {self.office.text()}")


class FigureTiles(QFrame):
    """Attendance, completion, working again, self-employed; follow-up calls due, licences
    ending, stipends paid this month (two columns wide).

    Signals:
        opened(object): the `Link` of the tile clicked or chosen by keyboard.
    """

    opened = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(10)
        self.attendance = LinkTile(self.tr("Attendance"))
        self.completion = LinkTile(self.tr("Completion"))
        self.working = LinkTile(self.tr("Working again"))
        self.self_employed = LinkTile(self.tr("Self-employed"))
        self.followups = LinkTile(self.tr("Follow-up calls due"))
        self.licences = LinkTile(self.tr("Licences ending soon"))
        self.stipends = LinkTile(self.tr("Paid this month"))
        # eight columns: four rates of two each above; the calls, and the licences and the
        # money (names and amounts want the room) below
        places = (
            (self.attendance, 0, 0, 2),
            (self.completion, 0, 2, 2),
            (self.working, 0, 4, 2),
            (self.self_employed, 0, 6, 2),
            (self.followups, 1, 0, 2),
            (self.licences, 1, 2, 3),
            (self.stipends, 1, 5, 3),
        )
        for tile, row, column, span in places:
            grid.addWidget(tile, row, column, 1, span)
            tile.opened.connect(self.opened)
        for column in range(8):
            grid.setColumnStretch(column, 1)

    def tiles(self) -> Iterator[LinkTile]:
        yield from (
            self.attendance,
            self.completion,
            self.working,
            self.self_employed,
            self.followups,
            self.licences,
            self.stipends,
        )

    def show_board(self, board: Dashboard) -> None:
        self._training(board)
        self._outcomes(board)
        self._followups(board)
        self._licences(board)
        self._stipends(board)

    def _training(self, board: Dashboard) -> None:
        t = board.training
        self.attendance.set_link(t.attendance_link)
        self.completion.set_link(t.link)
        if t.attendance_rate is None:
            detail = self.tr("No attendance marked yet")
        else:
            detail = self.tr("{present} present of {marked} days marked").format(
                present=number(t.present), marked=number(t.marked)
            )
        self.attendance.show_figure(formats.percent(t.attendance_rate), detail)
        if t.completion_rate is None:
            detail = self.tr("No finished cohort yet")
        else:
            detail = self.tr("{passed} passed of {enrolled}").format(
                passed=number(t.passed), enrolled=number(t.enrolled)
            )
            if t.withdrawn:
                detail += " · " + self.tr("{n} withdrew").format(n=number(t.withdrawn))
        self.completion.show_figure(formats.percent(t.completion_rate), detail)
        self.completion.setToolTip(
            self.tr(
                "Passed over the participants of this office's finished cohorts; those who "
                "withdrew before the end are counted apart."
            )
        )
        self.attendance.setToolTip(
            self.tr("Days marked present over all days marked in this office's cohorts.")
        )

    def _outcomes(self, board: Dashboard) -> None:
        outcomes = board.outcomes
        overall = outcomes.overall
        for tile, count, rate in (
            (self.working, overall.working, overall.working_rate),
            (self.self_employed, overall.self_employed, overall.self_employed_rate),
        ):
            tile.set_link(outcomes.link)
            if rate is None:
                detail = self.tr("Nobody reached by a follow-up call yet")
            else:
                detail = self.tr("{n} of {reached} graduates reached").format(
                    n=number(count), reached=number(overall.reached)
                )
            tile.show_figure(formats.percent(rate), detail)
        milestones = [
            self.tr("{months} months: working {working}, self-employed {self}").format(
                months=m.milestone,
                working=formats.percent(m.rate.working_rate),
                self=formats.percent(m.rate.self_employed_rate),
            )
            for m in outcomes.by_milestone
        ]
        for tile in (self.working, self.self_employed):
            tile.setToolTip("\n".join(milestones))

    def _followups(self, board: Dashboard) -> None:
        due = board.followups
        self.followups.set_link(due.link)
        # each part kept on one line (no "10 minggu" / "ini"): spaces that do not break
        overdue = nowrap(self.tr("{n} overdue").format(n=number(due.overdue)))
        if due.overdue:
            overdue = f'<span style="color:{ALERT}">{overdue}</span>'
        week = nowrap(self.tr("{n} this week").format(n=number(due.this_week)))
        self.followups.show_figure(number(due.total), f"{overdue} · {week}", alert=due.overdue > 0)
        self.followups.setToolTip(
            self.tr("This week: {first} – {last}").format(
                first=fmt_date(due.week_start), last=fmt_date(due.week_end)
            )
        )

    def _licences(self, board: Dashboard) -> None:
        licences = board.licences
        tile = self.licences
        tile.caption.setText(
            self.tr("Licences ending within {days} days").format(days=licences.within_days)
        )
        tile.set_link(licences.link)
        first: dict[str, Expiring] = {}
        for item in licences.items:  # soonest first: a provider's first is its soonest
            first.setdefault(item.provider_id, item)
        names = [
            self.tr("{name} ({day})").format(name=item.name, day=fmt_date(item.expires_on))
            for item in first.values()
        ]
        if not names:
            detail = self.tr("None")
        else:
            detail = ", ".join(escape(n) for n in names[:NAMES_SHOWN])
            if len(names) > NAMES_SHOWN:
                detail += " " + escape(
                    self.tr("and {n} more").format(n=number(len(names) - NAMES_SHOWN))
                )
        tile.show_figure(number(licences.providers), detail)
        tile.setToolTip("\n".join(names))

    def _stipends(self, board: Dashboard) -> None:
        stipends = board.stipends
        tile = self.stipends
        first = stipends.first_day
        month = QLocale().toString(QDate(first.year, first.month, first.day), "MMMM yyyy")
        tile.caption.setText(self.tr("Stipends paid in {month}").format(month=month))
        tile.set_link(stipends.link)
        parts = [f"{k.label} {formats.rupiah(k.amount)}" for k in stipends.by_kind]
        tile.show_figure(formats.rupiah(stipends.amount), escape(" · ".join(parts)))
        tile.setToolTip(
            "\n".join(
                self.tr("{kind}: {n} payments, {amount}").format(
                    kind=k.label, n=number(k.count), amount=formats.rupiah(k.amount)
                )
                for k in stipends.by_kind
            )
        )
