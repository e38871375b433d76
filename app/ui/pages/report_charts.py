"""The two charts of the Laporan page's summary (QtCharts): money paid in the month by kind
and method, and each training provider's completion, attendance and placement. The PDF
draws the same figures with reportlab (app.documents.monthly_report); these are for
reading on screen before the file is sent."""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QObject, Qt
from PySide6.QtGui import QColor, QFont, QPainter

from app.services.report_views import MonthlyReport

COLOURS = (QColor("#1d5a8c"), QColor("#e0a526"), QColor("#3c8d5a"))
PROVIDERS_SHOWN = 6  # the chart's room at 1366x768; the table below lists them all


def _view(chart: QChart) -> QChartView:
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setLocalizeNumbers(True)  # 1,9 in Indonesian, as the tables write it
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    font = QFont()
    font.setPointSize(9)
    chart.legend().setFont(font)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    title = QFont()
    title.setPointSize(10)
    title.setBold(True)
    chart.setTitleFont(title)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(200)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return view


def _short(name: str, width: int = 18) -> str:
    return name if len(name) <= width else name[: width - 1].rstrip() + "…"


def millions(amount: int) -> float:
    return round(amount / 1_000_000, 2)


class ReportCharts(QObject):
    """Builds the chart views for one report; `money` and `providers` are QChartViews."""

    def __init__(self, report: MonthlyReport, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.money = _view(self._money_chart(report))
        self.providers = _view(self._provider_chart(report))

    def _money_chart(self, report: MonthlyReport) -> QChart:
        chart = QChart()
        chart.setTitle(self.tr("Paid this month (million rupiah)"))
        kinds: list[str] = []
        methods: dict[str, QBarSet] = {}
        for row in report.stipends:
            if row.kind_label not in kinds:
                kinds.append(row.kind_label)
            bar = methods.get(row.method_label)
            if bar is None:
                bar = methods[row.method_label] = QBarSet(row.method_label)
                bar.setColor(COLOURS[len(methods) - 1])
            bar.append(millions(row.amount))
        series = QBarSeries()
        for bar in methods.values():
            series.append(bar)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append(kinds)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        top = max((millions(r.amount) for r in report.stipends), default=0.0)
        axis_y.setRange(0, max(1.0, top * 1.15))
        axis_y.setLabelFormat("%.1f")
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        return chart

    def _provider_chart(self, report: MonthlyReport) -> QChart:
        chart = QChart()
        chart.setTitle(self.tr("Training providers (%)"))
        cards = sorted(report.scorecards, key=lambda s: -s.enrolled)[:PROVIDERS_SHOWN]
        cards.reverse()  # a horizontal chart draws its first category at the bottom
        sets = (
            (self.tr("Completion"), [c.completion for c in cards]),
            (self.tr("Attendance"), [c.attendance for c in cards]),
            (self.tr("Placement"), [c.placement for c in cards]),
        )
        series = QHorizontalBarSeries()
        for n, (title, values) in enumerate(sets):
            bar = QBarSet(title)
            bar.setColor(COLOURS[n])
            for value in values:
                bar.append(_percent(value))
            series.append(bar)
        chart.addSeries(series)
        axis_y = QBarCategoryAxis()
        axis_y.append([_short(c.name) for c in cards] or [self.tr("No provider yet")])
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        axis_x = QValueAxis()
        axis_x.setRange(0, 100)
        axis_x.setLabelFormat("%.0f")  # "%d" draws nothing once numbers are localised
        axis_x.setTickCount(6)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        return chart


def _percent(value: Fraction | None) -> float:
    """A rate as a bar's length; no rate draws no bar (the table says "–")."""
    return 0.0 if value is None else float(value * 100)
