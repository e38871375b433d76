"""Laporan: the monthly programme report of this office (issue #14, docs/reports.md).

The branch head picks the month, reads the figures on screen — the summary
with two charts, then each table the PDF holds, chosen under the month — and
saves the PDF for HQ or the workbook for whoever recounts. The figures are counted on a
worker thread (app.services.monthly_report; a month of a large office takes a moment) and
again when something they count changes while the page is on screen. Only supervisors and
admins see the page (Permission.REPORT_VIEW); the service checks it again.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import formats
from app.services import monthly_report
from app.services.actor import Actor
from app.services.report_tables import ReportTable, tables
from app.services.report_views import MonthlyReport
from app.texts import current_language
from app.ui.context import AppContext
from app.ui.messages import show_error, show_info
from app.ui.pages.payment_list import shortcut_button
from app.ui.pages.report_charts import ReportCharts
from app.ui.pages.report_table_view import ReportTableView
from app.ui.shell import Shell
from app.ui.tasks import run_task
from app.ui.widgets import heading, note

MONTHS_BACK = 24  # the months offered: this one and the two years before it
# What the report counts (entity names, as every change announces them).
COUNTED = frozenset(monthly_report.COUNTED)
REFRESH_DELAY_MS = 400  # a burst of changes (a sync) gives one recount


def months(today: date, back: int = MONTHS_BACK) -> list[date]:
    """The first days of this month and the `back` months before it, newest first."""
    found = [today.replace(day=1)]
    for _ in range(back):
        found.append((found[-1] - timedelta(days=1)).replace(day=1))
    return found


class ReportsPage(QWidget):
    """Choosers and save buttons on top; the table chooser and the table on screen (the
    summary with the charts first)."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.report: MonthlyReport | None = None
        self.asked = 0  # the newest count asked for: older answers are dropped
        self.stale = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 14)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Reports")))
        top.addSpacing(16)
        top.addWidget(
            note(
                self.tr(
                    "The programme's monthly report for HQ: the same figures as the home "
                    "page and the lists, saved as PDF (with charts) or as an Excel workbook."
                )
            ),
            1,
        )
        layout.addLayout(top)
        layout.addLayout(self._choosers())
        self.state = QLabel("")
        self.state.setObjectName("subheading")
        second = QHBoxLayout()
        second.addWidget(self.state, 1)
        section_label = QLabel(self.tr("&Table"))
        self.sections = QComboBox(self)
        self.sections.setMinimumWidth(220)
        section_label.setBuddy(self.sections)
        second.addWidget(section_label)
        second.addWidget(self.sections)
        layout.addLayout(second)
        self.stack = QStackedWidget(self)
        self.summary = QWidget()
        self.summary_table = ReportTableView()
        self.charts_box = QVBoxLayout()
        summary_layout = QHBoxLayout(self.summary)
        summary_layout.setContentsMargins(0, 0, 0, 0)
        summary_layout.addWidget(self.summary_table, 1)
        summary_layout.addLayout(self.charts_box, 1)
        self.table_view = ReportTableView()
        self.stack.addWidget(self.summary)
        self.stack.addWidget(self.table_view)
        layout.addWidget(self.stack, 1)
        self.sections.currentIndexChanged.connect(self._show_section)
        self.tables: tuple[ReportTable, ...] = ()
        self.charts: ReportCharts | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(REFRESH_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        ctx.data_changed.connect(self.on_data_changed)

    def _choosers(self) -> QHBoxLayout:
        row = QHBoxLayout()
        month_label = QLabel(self.tr("&Month"))
        self.month = QComboBox(self)
        month_label.setBuddy(self.month)
        today = self.ctx.db.clock().astimezone().date()
        for n, first in enumerate(months(today)):
            text = formats.month_text(first)
            if n == 0:
                text = self.tr("{month} (up to today)").format(month=text)
            self.month.addItem(text, first.isoformat())  # Qt would make a date a QDate
        self.month.currentIndexChanged.connect(lambda _i: self.refresh())
        self.save_pdf = shortcut_button(self.tr("Save PDF…"), "Ctrl+S", self)
        self.save_pdf.setObjectName("primary")
        self.save_xlsx = shortcut_button(self.tr("Save Excel…"), "Ctrl+E", self)
        self.save_pdf.clicked.connect(lambda: self.ask_path(".pdf"))
        self.save_xlsx.clicked.connect(lambda: self.ask_path(".xlsx"))
        for widget in (month_label, self.month):
            row.addWidget(widget)
        self.month.setMinimumWidth(190)
        row.addStretch(1)
        row.addWidget(self.save_pdf)
        row.addWidget(self.save_xlsx)
        return row

    # --- counting ---------------------------------------------------------------------------

    def chosen(self) -> tuple[date, str]:
        """The month chosen, and this office: a PC holds its own office's people only; the
        report of every office is the server's (`loket server report monthly`)."""
        return date.fromisoformat(self.month.currentData()), self.actor.office_code

    def choose_month(self, first: date) -> None:
        """Show the month that begins on `first` (one of those offered)."""
        self.month.setCurrentIndex(self.month.findData(first.isoformat()))

    def refresh(self) -> None:
        """Count the chosen month on a worker thread; the page stays usable meanwhile."""
        from app.services.monthly_report import report_for

        self.stale = False
        self.asked += 1
        asked = self.asked
        first, office = self.chosen()
        lang = current_language()
        db, actor = self.ctx.db, self.actor
        self.state.setText(self.tr("Counting…"))
        self._enable(False)

        def done(report: MonthlyReport) -> None:
            if asked == self.asked:
                self.show_report(report)

        def failed(exc: BaseException) -> None:
            if asked == self.asked:
                self.state.setText(self.tr("The report could not be counted."))
                show_error(self, exc)

        run_task(
            lambda _p, _c: report_for(db, actor, first, office, lang=lang),
            on_done=done,
            on_error=failed,
            owner=self,
        )

    def _enable(self, on: bool) -> None:
        self.save_pdf.setEnabled(on)
        self.save_xlsx.setEnabled(on)

    def show_report(self, report: MonthlyReport) -> None:
        lang = current_language()
        self.report = report
        self.tables = tables(report, lang)
        self.state.setText(
            self.tr("{office} · {month} · data up to {day}").format(
                office=report.office_label,
                month=formats.month_text(report.first_day, lang),
                day=formats.long_date(report.as_of, lang),
            )
        )
        row = max(self.sections.currentIndex(), 0)
        self.sections.blockSignals(True)
        self.sections.clear()
        for table in self.tables:
            self.sections.addItem(table.title, table.key)
        self.sections.setCurrentIndex(min(row, len(self.tables) - 1))
        self.sections.blockSignals(False)
        self.summary_table.show_table(self.tables[0], lang)
        self._place_charts(report)
        self._show_section(self.sections.currentIndex())
        self._enable(True)

    def _place_charts(self, report: MonthlyReport) -> None:
        while self.charts_box.count():
            item = self.charts_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.charts = ReportCharts(report, self)
        self.charts_box.addWidget(self.charts.money, 1)
        self.charts_box.addWidget(self.charts.providers, 1)

    def _show_section(self, row: int) -> None:
        if row <= 0 or row >= len(self.tables):
            self.stack.setCurrentWidget(self.summary)
            return
        self.table_view.show_table(self.tables[row], current_language())
        self.stack.setCurrentWidget(self.table_view)

    def on_data_changed(self, entities: frozenset[str]) -> None:
        if not entities & COUNTED:
            return
        self.stale = True
        if self.isVisible():
            self.timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            QTimer.singleShot(0, self, self.refresh)

    # --- saving -----------------------------------------------------------------------------

    def default_name(self, suffix: str) -> str:
        first, office = self.chosen()
        return f"laporan-bulanan-{office}-{first:%Y-%m}{suffix}"

    def ask_path(self, suffix: str) -> None:
        kinds = {".pdf": "PDF (*.pdf)", ".xlsx": "Excel (*.xlsx)"}
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the monthly report"),
            str(Path.home() / self.default_name(suffix)),
            kinds[suffix],
        )
        if path:
            chosen = Path(path)
            self.save_to(chosen if chosen.suffix.lower() == suffix else chosen.with_suffix(suffix))

    def save_to(self, out: Path) -> None:
        """Write the chosen month to `out` on the writer thread (the export is audited)."""
        from app.services.report_files import export_monthly_report

        first, office = self.chosen()
        db, actor, lang = self.ctx.db, self.actor, current_language()
        self._enable(False)

        def written(_report: MonthlyReport) -> None:
            self._enable(True)
            show_info(
                self,
                self.tr("Report saved"),
                self.tr("The monthly report was saved to {path}.").format(path=out),
            )

        def failed(exc: BaseException) -> None:
            self._enable(True)
            show_error(self, exc)

        run_task(
            lambda _p, _c: export_monthly_report(db, actor, first, office, out, lang=lang),
            on_done=written,
            on_error=failed,
            write=True,
            owner=self,
        )

    def show_section(self, key: str) -> None:
        """Bring the table `key` (a ReportTable key) on screen."""
        self.sections.setCurrentIndex(max(self.sections.findData(key), 0))

    def focus_table(self) -> None:
        self.sections.setFocus()


def page(window: Shell) -> ReportsPage:
    """The reports feature's page (app.features.reports)."""
    return ReportsPage(window.ctx, window.actor)
