"""The bar charts of Beranda: participants by status, by office, and by module (the first
choices against the places held in cohorts).

Horizontal bars, because the names are words ("Tidak memenuhi syarat", a module's name)
that upright bars would have to cut short; the figure stands at each bar's end, so no value
axis is drawn. Each bar opens the list behind it (its `Link`): a click, or with the
keyboard ↑/↓ to choose a bar (it is drawn darker) and Enter/Space to open it. No animation:
the screenshots and a slow PC draw the final picture at once.

The names are drawn here, not by the category axis: QtCharts gives that axis at most 40% of
the chart's width and cuts anything longer with "...", even a name broken over two lines.
Here the chart keeps a left margin as wide as the longest name needs (up to NAME_PORTION of
its width), and each name is written right-aligned beside its bar over as many lines as
the bar's height holds; only what still does not fit ends in "…", and the tooltip of the
bar says it in full.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QCursor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsSimpleTextItem,
    QLabel,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app.services.dashboard_views import Link

TEXT = QColor("#17324d")
FIRST = QColor("#1d5a8c")  # the programme's blue (style.qss's primary buttons)
SECOND = QColor("#e0a526")  # the amber the supply/demand chart uses for the second series
CHOSEN = QColor("#0f3556")  # a bar chosen by keyboard
NAME_PORTION = 0.45  # the most of the chart's width the names may take
NAME_GAP = 6  # between a name and its bar
MARGIN = 6  # around the chart, inside the frame


@dataclass(frozen=True)
class Bar:
    """One category: its name, one value per series, and the list behind it."""

    label: str
    values: tuple[int, ...]
    link: Link


def name_lines(name: str, metrics: QFontMetricsF, room: float, most: int) -> list[str]:
    """`name` over at most `most` lines of `room` pixels each, broken between words; what
    does not fit in the last line ends in "…"."""
    lines: list[str] = []
    for word in name.split():
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= room:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > most:
        lines = [*lines[: most - 1], " ".join(lines[most - 1 :])]
    elide = Qt.TextElideMode.ElideRight
    return [metrics.elidedText(line, elide, room) for line in lines] or [""]


class LinkBarChart(QChartView):
    """Horizontal bars, top to bottom in the order given, each opening its `Link`.

    Signals:
        opened(object): the `Link` of the bar clicked or chosen with Enter/Space.
    """

    opened = Signal(object)

    def __init__(
        self,
        title: str,
        series_names: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        """`title` names the chart to a screen reader; `series_names`, one per series."""
        self.chart_ = QChart()
        super().__init__(self.chart_, parent)
        self.setObjectName("dashChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(title)
        self.series_names = tuple(series_names)
        chart = self.chart_
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundVisible(False)  # the view's frame is the card (dashboard_tiles)
        chart.legend().setVisible(False)  # the card above the chart has title and legend
        self.bars: list[Bar] = []
        self.sets: list[QBarSet] = []
        self.series: QHorizontalBarSeries | None = None
        self.values: QValueAxis | None = None
        self.name_items: list[QGraphicsSimpleTextItem] = []
        self.drawn: list[str] = []
        self.current: int | None = None  # the bar chosen by keyboard, top = 0
        self.name_width = 0.0
        chart.setMargins(QMargins(MARGIN, MARGIN, MARGIN, MARGIN))
        chart.plotAreaChanged.connect(self._place_names)
        self.setMinimumHeight(150)

    def small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() - 1, 8))
        return small

    def show_bars(self, bars: Sequence[Bar]) -> None:
        """Draw `bars` (top first); the keyboard's choice is kept when it still exists."""
        chart = self.chart_
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.bars = list(bars)
        shown = list(reversed(self.bars))  # QtCharts draws the first category at the bottom
        names = self.series_names or ("",)
        self.sets = []
        series = QHorizontalBarSeries()
        for n, name in enumerate(names):
            bar_set = QBarSet(name)
            colour = FIRST if n == 0 else SECOND
            bar_set.setColor(colour)
            bar_set.setBorderColor(colour)
            bar_set.setSelectedColor(CHOSEN)
            bar_set.setLabelColor(TEXT)
            bar_set.setLabelFont(self.small_font())
            for bar in shown:
                bar_set.append(bar.values[n] if n < len(bar.values) else 0)
            series.append(bar_set)
            self.sets.append(bar_set)
        series.setBarWidth(0.8)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsPrecision(12)  # whole numbers as they are, never 1.2e+03
        series.clicked.connect(self._clicked)
        series.hovered.connect(self._hovered)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([str(n) for n in range(len(shown))] or ["0"])
        categories.setLabelsVisible(False)  # the names are drawn by _place_names
        categories.setGridLineVisible(False)
        categories.setLineVisible(False)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        values = QValueAxis()
        values.setRange(0, self._top())
        values.setVisible(False)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)
        self.series = series
        self.values = values
        self._reserve_names()
        self._place_names()
        if self.current is not None:
            self.choose(min(self.current, len(self.bars) - 1) if self.bars else None)

    def _top(self) -> float:
        """The value at the plot's right edge: the longest bar ends early enough for its
        figure to stand after it (QtCharts writes a figure that does not fit inside the bar,
        dark on dark)."""
        longest = max([1, *(v for bar in self.bars for v in bar.values)])
        width = self.chart_.plotArea().width()
        room = QFontMetricsF(self.small_font()).horizontalAdvance(str(longest)) + 14
        if width <= room * 2:
            return longest * 1.5
        return longest * width / (width - room)

    def sizeHint(self) -> QSize:
        """Small: the page's layout gives a chart the height left under the figures (a
        QGraphicsView's own hint would make the page taller than a 768-pixel screen)."""
        return QSize(320, 170)

    # --- the names --------------------------------------------------------------------------
    def _reserve_names(self) -> None:
        """Keep a left margin as wide as the longest name, at most NAME_PORTION."""
        metrics = QFontMetricsF(self.small_font())
        widest = max([0.0, *(metrics.horizontalAdvance(b.label) for b in self.bars)])
        width = min(widest, max(self.width() - 2 * MARGIN, 0) * NAME_PORTION)
        self.name_width = width
        left = MARGIN + round(width) + NAME_GAP
        if self.chart_.margins().left() != left:
            self.chart_.setMargins(QMargins(left, MARGIN, MARGIN, MARGIN))

    def _place_names(self, *_args: object) -> None:
        """Write each name beside its bar (again after every change of the plot area)."""
        from shiboken6 import delete

        for item in self.name_items:
            delete(item)  # out of the chart and freed: a refresh must not leave any behind
        self.name_items = []
        self.drawn = []
        if self.series is None or not self.bars:
            return
        area: QRectF = self.chart_.plotArea()
        if self.values is not None:
            self.values.setRange(0, self._top())
        font = self.small_font()
        metrics = QFontMetricsF(font)
        step = area.height() / len(self.bars)
        most = max(1, int(step // metrics.lineSpacing()))
        right = area.left() - NAME_GAP
        for top, bar in enumerate(self.bars):
            index = len(self.bars) - 1 - top
            centre = self.chart_.mapToPosition(QPointF(0, index), self.series).y()
            lines = name_lines(bar.label, metrics, max(self.name_width, 1.0), most)
            y = centre - len(lines) * metrics.lineSpacing() / 2
            self.drawn.append(" ".join(lines))
            for n, line in enumerate(lines):
                x = right - metrics.horizontalAdvance(line)
                self._text(line, x, y + n * metrics.lineSpacing(), font)
            for n, value in enumerate(bar.values[: len(self.sets)]):
                if value:
                    continue
                # QtCharts writes no figure by a bar of length 0: "0", not a gap that reads
                # as "no data" (the first series is drawn below the category's middle)
                shift = 0.0 if len(self.sets) == 1 else step * (0.2 if n == 0 else -0.2)
                self._text("0", area.left() + 3, centre + shift - metrics.height() / 2, font)

    def _text(self, text: str, x: float, y: float, font: QFont) -> None:
        item = QGraphicsSimpleTextItem(text, self.chart_)
        item.setFont(font)
        item.setBrush(QBrush(TEXT))
        item.setPos(x, y)
        self.name_items.append(item)

    def names(self) -> list[str]:
        """The names as drawn, top first (a name over two lines joined by a space)."""
        return list(self.drawn)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._reserve_names()
        self._place_names()

    # --- which bar ------------------------------------------------------------------------
    def _top_index(self, index: int) -> int:
        """The series' index (bottom first) as the bars' index (top first), and back."""
        return len(self.bars) - 1 - index

    def _clicked(self, index: int, _bar_set: QBarSet) -> None:
        top = self._top_index(index)
        if 0 <= top < len(self.bars):
            self.choose(top)
            self.opened.emit(self.bars[top].link)

    def _hovered(self, status: bool, index: int, bar_set: QBarSet) -> None:
        """A hand over a bar, and its name and figure in full (a name may be cut)."""
        top = self._top_index(index)
        if status and 0 <= top < len(self.bars):
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            name = f"{bar_set.label()}: " if len(self.sets) > 1 else ""
            QToolTip.showText(
                QCursor.pos(), f"{self.bars[top].label}\n{name}{int(bar_set.at(index))}", self
            )
        else:
            self.unsetCursor()
            QToolTip.hideText()

    def choose(self, top: int | None) -> None:
        """Mark the bar `top` (0 = the top one) as the keyboard's choice (None: none)."""
        self.current = top
        for bar_set in self.sets:
            bar_set.deselectAllBars()
            if top is not None and 0 <= top < len(self.bars):
                bar_set.selectBar(self._top_index(top))

    # --- keyboard -------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if not self.bars:
            super().keyPressEvent(event)
            return
        here = self.current if self.current is not None else -1
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Right):
            self.choose(min(here + 1, len(self.bars) - 1))
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Left):
            self.choose(max(here - 1, 0))
        elif key == Qt.Key.Key_Home:
            self.choose(0)
        elif key == Qt.Key.Key_End:
            self.choose(len(self.bars) - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.choose(max(here, 0))
            if self.current is not None:
                self.opened.emit(self.bars[self.current].link)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.current is None and self.bars:
            self.choose(0)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.choose(None)


class ChartCard(QFrame):
    """A chart in a white card, under its title and, for two series, a legend: written as
    labels, left-aligned like every card's title (QtCharts would centre them over the bars
    only, beside the names)."""

    def __init__(
        self, title: str, series_names: Sequence[str] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.setSpacing(0)
        self.title = QLabel(title)
        self.title.setObjectName("dashTitle")
        self.title.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.title)
        if len(series_names) > 1:
            keys = "&nbsp;&nbsp;&nbsp;".join(
                f'<span style="color:{colour.name()}">&#9632;</span>&nbsp;{escape(name)}'
                for colour, name in zip((FIRST, SECOND), series_names, strict=False)
            )
            self.legend = QLabel(keys)
            self.legend.setObjectName("dashDetail")
            self.legend.setContentsMargins(4, 0, 0, 0)
            layout.addWidget(self.legend)
        self.chart = LinkBarChart(title, series_names)
        layout.addWidget(self.chart, 1)

    def set_title(self, title: str) -> None:
        self.title.setText(title)
        self.chart.setAccessibleName(title)
