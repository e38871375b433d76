"""The Kebutuhan & pasokan tab of Pemantauan: per module and province, the open vacancies
and the people they want against the people in training and the graduates still looking —
what a branch head reads before asking for the next cohort. A table (sortable, the largest
shortage first) and a chart of the modules with the largest gap; Ekspor XLSX writes the
table for the regional office.

Gap = people wanted − in training − still looking: above zero, more jobs than people."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.supply_demand import SupplyDemand, SupplyDemandRow
from app.ui.context import AppContext
from app.ui.formats import fmt_date
from app.ui.messages import show_error, show_info
from app.ui.pages.followup_table import GOOD, OVERDUE, SORT_ROLE, short_province, sorted_view
from app.ui.pages.payment_list import shortcut_button
from app.ui.pages.payment_table import size_columns
from app.ui.row_model import RowsModel
from app.ui.tasks import run_task
from app.ui.widgets import note, row_table

Index = QModelIndex | QPersistentModelIndex
COLUMNS = 7
MODULE, PROVINCE, VACANCIES, WANTED, TRAINING, LOOKING, GAP = range(COLUMNS)
NUMBERS = {VACANCIES, WANTED, TRAINING, LOOKING, GAP}
CHART_MODULES = 8  # the modules with the largest gap in the chart
DEMAND_COLOUR = QColor("#1d5a8c")
SUPPLY_COLOUR = QColor("#e0a526")


def signed(n: int) -> str:
    return f"+{n}" if n > 0 else ("0" if n == 0 else f"−{-n}")


class SupplyDemandModel(RowsModel):
    """One row per SupplyDemandRow (module × province)."""

    def headers(self) -> list[str]:
        return [
            self.tr("Module"),
            self.tr("Province"),
            self.tr("Vacancies"),
            self.tr("Wanted"),
            self.tr("In training"),
            self.tr("Looking"),
            self.tr("Gap"),
        ]

    def header_tips(self) -> list[str]:
        return [
            "",
            self.tr("Where the vacancy is, or where the person lives"),
            self.tr("Open vacancies that want the module"),
            self.tr("People the open vacancies want (openings)"),
            self.tr("People in a planned or running cohort of the module"),
            self.tr("Graduates of the module not working, not self-employed, not studying"),
            self.tr("Wanted − in training − looking: above zero, more jobs than people"),
        ]

    def row_at(self, row: int) -> SupplyDemandRow | None:
        found: SupplyDemandRow | None = super().row_at(row)
        return found

    def value(self, row: SupplyDemandRow, column: int) -> int | str:
        values: tuple[int | str, ...] = (
            row.module_name,
            short_province(row.province_name),
            row.vacancies,
            row.openings,
            row.in_training,
            row.looking,
            row.gap,
        )
        return values[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        value = self.value(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return signed(row.gap) if column == GAP else str(value)
        if role == SORT_ROLE:
            return value.casefold() if isinstance(value, str) else value
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == GAP and row.gap:
            return QBrush(GOOD if row.gap > 0 else OVERDUE)
        if role == Qt.ItemDataRole.FontRole and column == GAP:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.module_name} ({row.module_code}) · {row.province_name}"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tips()[section] or None
        if role == Qt.ItemDataRole.TextAlignmentRole and section in NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def wrapped(name: str, width: int = 16) -> str:
    """A long module name over lines of about `width` characters, so the chart's label
    column stays narrow and the bars keep their room."""
    lines: list[str] = []
    for word in name.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def per_module(rows: list[SupplyDemandRow]) -> list[tuple[str, int, int]]:
    """(module name, people wanted, in training + looking) summed over the provinces, the
    largest gap first, at most CHART_MODULES."""
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        sums[r.module_name][0] += r.openings
        sums[r.module_name][1] += r.in_training + r.looking
    ranked = sorted(sums.items(), key=lambda kv: (-(kv[1][0] - kv[1][1]), kv[0].casefold()))
    return [(name, wanted, supply) for name, (wanted, supply) in ranked[:CHART_MODULES]]


class SupplyDemandChart(QChartView):
    """Horizontal bars per module: the people wanted against those in training or looking."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.chart_ = QChart()
        super().__init__(self.chart_, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_.setMargins(QMargins(4, 4, 8, 4))
        self.chart_.setBackgroundRoundness(0)
        self.chart_.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        self.chart_.setTitle(self.tr("Largest gaps per module"))
        self.series: QHorizontalBarSeries | None = None
        self.setMinimumWidth(300)

    def show_rows(self, rows: list[SupplyDemandRow]) -> None:
        chart = self.chart_
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        data = list(reversed(per_module(rows)))  # Qt draws the first category at the bottom
        wanted = QBarSet(self.tr("Wanted"))
        supply = QBarSet(self.tr("In training + looking"))
        for bar_set, colour in ((wanted, DEMAND_COLOUR), (supply, SUPPLY_COLOUR)):
            bar_set.setColor(colour)
            bar_set.setBorderColor(colour)
            bar_set.setLabelColor(QColor("#17324d"))
        for _name, w, s in data:
            wanted.append(w)
            supply.append(s)
        series = QHorizontalBarSeries()
        series.append(wanted)
        series.append(supply)
        series.setBarWidth(0.8)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() - 1, 8))
        categories = QBarCategoryAxis()
        categories.append([wrapped(name) for name, _w, _s in data])
        categories.setLabelsFont(small)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        values = QValueAxis()
        top = max([4, *(max(w, s) for _n, w, s in data)])
        values.setRange(0, top * 1.12)  # room for the figure at a bar's end
        values.setTickCount(5)
        values.applyNiceNumbers()
        values.setLabelFormat("%d")
        values.setLabelsFont(small)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)
        self.series = series

    def categories(self) -> list[str]:
        axes = self.chart_.axes(Qt.Orientation.Vertical)
        found = [a for a in axes if isinstance(a, QBarCategoryAxis)]
        return list(found[0].categories()) if found else []


class SupplyDemandView(QWidget):
    """Totals, export button, table and chart; `refresh()` re-reads the report."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stale = True
        self.report: SupplyDemand | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 8, 8)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.totals = QLabel()
        self.totals.setObjectName("count")
        self.totals.setWordWrap(True)
        top.addWidget(self.totals, 1)
        self.export_button = shortcut_button(self.tr("Export XLSX…"), "Ctrl+E", self)
        top.addWidget(self.export_button)
        layout.addLayout(top)
        self.empty = note("", self)
        self.empty.setVisible(False)
        layout.addWidget(self.empty)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        self.model = SupplyDemandModel(self)
        self.table = QTableView(splitter)
        row_table(self.table)
        self.proxy = sorted_view(self.table, self.model)
        size_columns(
            self.table,
            self.model.headers(),
            {PROVINCE: "Kalimantan Timur", **{c: "+000" for c in NUMBERS}},
            MODULE,
        )
        self.chart = SupplyDemandChart(splitter)
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([750, 330])
        layout.addWidget(splitter, 1)
        layout.addWidget(
            note(
                self.tr(
                    "Gap = wanted − in training − looking: above zero (green) the vacancies "
                    "want more people than the programme has; below zero (red), more people "
                    "than jobs. A vacancy wanting two modules counts under both."
                ),
                self,
            )
        )
        self.export_button.clicked.connect(self.choose_export)

    def refresh(self) -> None:
        from app.services.supply_demand import supply_demand

        self.stale = False
        try:
            report = supply_demand(self.ctx.db)
        except Exception as exc:
            show_error(self, exc)
            return
        self.report = report
        self.model.set_rows(report.rows)
        self.chart.show_rows(report.rows)
        self.totals.setText(
            self.tr(
                "On {day}: {vacancies} open vacancies wanting {openings} people · {training} "
                "in training · {looking} graduates still looking"
            ).format(
                day=fmt_date(report.day),
                vacancies=report.vacancies,
                openings=report.openings,
                training=report.in_training,
                looking=report.looking,
            )
        )
        self.empty.setText(
            self.tr("No open vacancy and nobody in training or looking yet: nothing to compare.")
        )
        self.empty.setVisible(not report.rows)
        self.export_button.setEnabled(bool(report.rows))

    def choose_export(self) -> None:
        if self.report is None:
            return
        day = self.report.day.strftime("%Y-%m-%d")
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export supply and demand"),
            str(Path.home() / f"kebutuhan-pasokan-{day}.xlsx"),
            "Excel (*.xlsx)",
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, out: Path) -> None:
        """Write the report on a worker thread (the service writes the file)."""
        from app.services.supply_demand import write_supply_demand_xlsx

        report = self.report
        if report is None:
            return
        info = self.ctx.startup_info()
        office = f"{info.office_name} ({info.office_code})" if info.office_name else ""

        def written(_r: Any) -> None:
            show_info(
                self,
                self.tr("Exported"),
                self.tr("The table is saved in {path}.").format(path=out),
            )

        run_task(
            lambda _p, _c: write_supply_demand_xlsx(report, out, office),
            on_done=written,
            on_error=self._failed,
            owner=self,
        )

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
