"""The charts of the monthly report (app.documents.monthly_report), drawn with
reportlab.graphics so they are vector drawings in the PDF, in the shipped font.

A chart comes in as plain data (`BarChart`: categories, series of values and the label
each bar shows, already formatted the way the tables format them), so a bar reads exactly
like the table cell below it. Every bar chart here is horizontal: category names (a
provider, an office) are long and read best on the left, one under the other, in the
tables' order. A chart with nothing to draw (no category, every value zero or unknown) is
replaced by a line saying so: an empty axis would look like a broken document.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.textlabels import NA_Label
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from app import formats
from app.documents.fonts import REGULAR, register

MONEY, PERCENT, COUNT = "money", "percent", "count"

INK = colors.HexColor("#1b1f24")
GREY = colors.HexColor("#5b6570")
GRID = colors.HexColor("#d5dbe1")
AXIS = colors.HexColor("#8a96a3")

FONT_SIZE = 7
LABEL_LINE = 8.5  # leading of a category name's lines
BAR = 7.5  # thickness of one bar, points
GAP = 6  # between two categories' groups
LEGEND_LINE = 11
SWATCH = 7
AXIS_HEIGHT = 26  # the value axis' numbers and its title under the bars
MAX_LABEL_CHARS = 30


@dataclass(frozen=True)
class Series:
    """One colour of the chart: a value per category (None: no figure, no bar) and the
    label its bar shows (the table's text for it)."""

    name: str
    values: tuple[float | None, ...]
    labels: tuple[str, ...]
    colour: str  # "#1f5fa8"


@dataclass(frozen=True)
class BarChart:
    key: str
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str  # money | percent | count
    axis_title: str
    stacked: bool = False
    note: str = ""

    @property
    def empty(self) -> bool:
        """Nothing to draw: no category, or no figure at all (a 0% rate is a figure; a zero
        amount or count is not worth an axis)."""
        values = [v for s in self.series for v in s.values if v is not None]
        if not self.categories or not values:
            return True
        return self.unit != PERCENT and not any(values)


def nice_step(top: float, ticks: int = 5) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) that divides 0..`top` into about
    `ticks` parts; never below 1 for counts, where half a person means nothing."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return float(factor * power)
    return float(10 * power)  # pragma: no cover - the loop always returns


def _axis_text(unit: str, lang: str | None) -> object:
    def money(value: float) -> str:
        millions = value / 1_000_000
        return formats.number(int(millions) if millions == int(millions) else millions, lang)

    def percent(value: float) -> str:
        return f"{int(value)}%"

    def count(value: float) -> str:
        return formats.number(int(value), lang)

    return {MONEY: money, PERCENT: percent}.get(unit, count)


def wrap_label(text: str, width: int = MAX_LABEL_CHARS, lines: int = 2) -> str:
    """A category name on at most `lines` lines of about `width` characters, the rest cut
    with "…" (the table below the chart holds the full name)."""
    parts = textwrap.wrap(" ".join(text.split()), width, break_long_words=True) or [""]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][: width - 1].rstrip() + "…"
    return "\n".join(parts)


def _top(chart: BarChart) -> float:
    if chart.unit == PERCENT:
        return 100.0
    if chart.stacked:
        sums = [sum(s.values[i] or 0 for s in chart.series) for i in range(len(chart.categories))]
        return max(sums, default=0)
    return max((v or 0 for s in chart.series for v in s.values), default=0)


def draw(chart: BarChart, width: float, lang: str | None = None) -> Drawing:
    """`chart` as a drawing `width` points wide, as tall as its categories need: the
    first category on top (the tables' order), the first series the top bar of a group,
    the value axis and its title under the bars, the legend under them."""
    register()  # measured in the shipped font
    names = [wrap_label(c) for c in chart.categories]
    label_width = max(
        (stringWidth(line, REGULAR, FONT_SIZE) for n in names for line in n.split("\n")),
        default=0,
    )
    lines = max((n.count("\n") + 1 for n in names), default=1)
    bars = 1 if chart.stacked else len(chart.series)
    group = max(BAR * bars + GAP, lines * LABEL_LINE + 4)
    plot_height = group * len(names)
    left = label_width + 8
    legend, legend_height = _legend(chart, left, width - left)
    bottom = legend_height + AXIS_HEIGHT
    d = Drawing(width, bottom + plot_height + 4)
    d.initialFontName = REGULAR  # else the drawing's state starts in an unembedded Helvetica
    d.initialFontSize = FONT_SIZE
    bc = HorizontalBarChart()
    bc.x, bc.y = left, bottom
    bc.width = width - left - (8 if chart.stacked else _label_room(chart))
    bc.height = plot_height
    # reportlab puts a group's first series at the bottom: hand them over last first
    order = list(range(len(chart.series)))
    if not chart.stacked:
        order.reverse()
    bc.data = [[v or 0 if chart.stacked else v for v in chart.series[i].values] for i in order]
    _category_axis(bc, names)
    _value_axis(bc, chart, lang)
    bc.barWidth = BAR
    bc.groupSpacing = group - BAR * bars
    bc.barSpacing = 0
    bc.strokeColor = None
    bc.barLabelFormat = "values"
    bc.barLabelArray = [list(_bar_labels(chart, chart.series[i])) for i in order]
    for row, i in enumerate(order):
        fill = colors.HexColor(chart.series[i].colour)
        bc.bars[row].fillColor = fill
        bc.bars[row].strokeColor = colors.white if chart.stacked else None
        bc.bars[row].strokeWidth = 0.6
        bc.barLabels[row].fillColor = _ink_on(fill) if chart.stacked else INK
    bc.barLabels.fontName = REGULAR
    bc.barLabels.fontSize = FONT_SIZE - 0.5
    if chart.stacked:
        bc.categoryAxis.style = "stacked"
        bc.barLabels.boxTarget = "mid"
        bc.barLabels.boxAnchor = "c"
    else:
        bc.barLabels.boxAnchor = "w"
        bc.barLabels.nudge = 3
        na = NA_Label()
        na.text = "–"  # a rate with nothing under it, as the table writes it
        na.fontName = REGULAR
        na.fontSize = FONT_SIZE - 0.5
        na.fillColor = GREY
        na.boxAnchor = "w"
        na.nudge = 3
        bc.naLabel = na
    d.add(bc)
    for shape in legend:
        d.add(shape)
    d.add(_axis_title(chart, left + bc.width / 2, legend_height + 3))
    return d


def _label_room(chart: BarChart) -> float:
    """Room right of the longest bar for its label."""
    widest = max((stringWidth(t, REGULAR, FONT_SIZE - 0.5) for s in chart.series
                  for t in s.labels), default=0.0)  # fmt: skip
    return widest + 8


def _ink_on(fill: colors.Color) -> colors.Color:
    """White on a dark part of a stacked bar, ink on a light one."""
    light = 0.299 * fill.red + 0.587 * fill.green + 0.114 * fill.blue
    return INK if light > 0.6 else colors.white


def _category_axis(bc: HorizontalBarChart, names: list[str]) -> None:
    axis = bc.categoryAxis
    axis.categoryNames = names
    axis.reverseDirection = 1  # the first category on top, as in the table
    axis.labels.fontName = REGULAR
    axis.labels.fontSize = FONT_SIZE
    axis.labels.leading = LABEL_LINE
    axis.labels.boxAnchor = "e"
    axis.labels.textAnchor = "end"
    axis.labels.dx = -4
    axis.labels.fillColor = INK
    axis.strokeColor = AXIS
    axis.visibleTicks = 0


def _value_axis(bc: HorizontalBarChart, chart: BarChart, lang: str | None) -> None:
    """0 to a round top: 100% for rates, whole people for counts, millions for rupiah."""
    top = _top(chart)
    step = 25.0 if chart.unit == PERCENT else nice_step(top)
    if chart.unit == COUNT:
        step = max(1.0, math.ceil(step))
    axis = bc.valueAxis
    axis.valueMin = 0
    axis.valueMax = max(step, math.ceil(top / step) * step)
    axis.valueStep = step
    axis.labelTextFormat = _axis_text(chart.unit, lang)
    axis.labels.fontName = REGULAR
    axis.labels.fontSize = FONT_SIZE - 0.5
    axis.labels.fillColor = GREY
    axis.strokeColor = AXIS
    axis.visibleGrid = 1
    axis.gridStrokeColor = GRID
    axis.gridStrokeWidth = 0.4
    axis.avoidBoundFrac = 0


def _bar_labels(chart: BarChart, series: Series) -> Sequence[str]:
    """The table's text beside each bar; inside a stacked part only when it is wide
    enough to hold it (the table holds every count)."""
    if not chart.stacked:
        return series.labels
    top = _top(chart) or 1
    return tuple(
        label if value and value / top >= 0.06 else ""
        for value, label in zip(series.values, series.labels, strict=True)
    )


def _legend(chart: BarChart, left: float, width: float) -> tuple[list[Any], float]:
    """A swatch and a name for each series, left to right in the series' order, on as
    many lines as `width` needs (reportlab's Legend would run off a narrow chart)."""
    shapes: list[Any] = []
    placed: list[tuple[int, float, Series]] = []
    line, x = 0, 0.0
    for s in chart.series:
        item = SWATCH + 4 + stringWidth(s.name, REGULAR, FONT_SIZE)
        if x and x + item > width:
            line, x = line + 1, 0.0
        placed.append((line, x, s))
        x += item + 12
    rows = line + 1
    for line, x, s in placed:
        y = (rows - 1 - line) * LEGEND_LINE + 2
        shapes.append(Rect(left + x, y, SWATCH, SWATCH, fillColor=colors.HexColor(s.colour),
                           strokeColor=None))  # fmt: skip
        shapes.append(String(left + x + SWATCH + 4, y + 0.8, s.name, fontName=REGULAR,
                             fontSize=FONT_SIZE, fillColor=INK))  # fmt: skip
    return shapes, rows * LEGEND_LINE + 2


def _axis_title(chart: BarChart, centre: float, y: float) -> String:
    return String(
        centre,
        y,
        chart.axis_title,
        fontName=REGULAR,
        fontSize=FONT_SIZE - 0.5,
        fillColor=GREY,
        textAnchor="middle",
    )
