"""The clickable pieces of Beranda (app.ui.pages.home): a tile, a row of the supervisor's
list, and the bar toward the national target.

Every figure on the dashboard stands for a list (app.services.dashboard_views.Link), so
each piece is a `LinkFrame`: a click, or Enter/Space once Tab has reached it, emits
`opened(link)` and the page opens that list. A branch head who works by keyboard must get
to "who are these?" as fast as one with a mouse, so the focus is drawn as clearly as the
hover.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.services.dashboard_views import Link

# Colours of app/ui/style.py's sheet (resources/style.qss), so the dashboard reads as the
# same program: dark blue figures, grey captions, the red of an error, the amber of a note.
INK = "#123a5c"
CAPTION = "#4a5a6a"
QUIET = "#7a8591"
ALERT = "#b3261e"
BAR_EMPTY = QColor("#dde4ec")
BAR_ALL = QColor("#8fb3d6")
BAR_OFFICE = QColor("#1d5a8c")

# The page's own sheet: the tiles are smaller than the old home page's (more figures on a
# 1366×768 screen), and a focused piece gets the same blue frame a focused input gets.
STYLE = f"""
QFrame#dashCard, QFrame#dashTile {{
    background: #ffffff;
    border: 1px solid #d5dce4;
    border-radius: 6px;
}}
QFrame#dashTile:hover, QFrame#dashRow:hover {{
    background: #f3f7fb;
    border-color: #8fb3d6;
}}
QFrame#dashTile:focus, QFrame#dashRow:focus {{
    border: 2px solid #1d5a8c;
}}
QFrame#dashRow {{
    background: transparent;
    border: 1px solid transparent;
    border-radius: 4px;
}}
QFrame#dashCard QLabel, QFrame#dashTile QLabel, QFrame#dashRow QLabel {{
    background: transparent;
    border: none;
}}
QLabel#dashTitle {{
    font-weight: 600;
    color: #17324d;
}}
QLabel#dashCaption {{
    color: {CAPTION};
}}
QLabel#dashValue {{
    font-size: 17pt;
    font-weight: 600;
    color: {INK};
}}
QLabel#dashValue[alert="true"], QLabel#dashCount[alert="true"],
QLabel#dashCaption[alert="true"] {{
    color: {ALERT};
}}
QLabel#dashDetail {{
    font-size: 9pt;
    color: {QUIET};
}}
QLabel#dashCount {{
    font-weight: 700;
    color: {INK};
}}
QLabel#dashCount[zero="true"] {{
    font-weight: 400;
    color: {QUIET};
}}
QLabel#dashBig {{
    font-size: 13pt;
    font-weight: 600;
    color: {INK};
}}
QChartView#dashChart {{
    background: #ffffff;
    border: 2px solid transparent;
    border-radius: 4px;
}}
QChartView#dashChart:focus {{
    border: 2px solid #1d5a8c;
}}
"""


def label(name: str, text: str = "", wrap: bool = False) -> QLabel:
    """A label styled by STYLE's `name` (dashCaption, dashValue, ...)."""
    found = QLabel(text)
    found.setObjectName(name)
    found.setWordWrap(wrap)
    return found


def set_flag(widget: QWidget, name: str, on: bool) -> None:
    """Set a style property (alert, zero) and let the sheet read it again."""
    if widget.property(name) == on:
        return
    widget.setProperty(name, on)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class LinkFrame(QFrame):
    """A frame that opens its list: click, or Enter/Space with the focus on it.

    Signals:
        opened(object): the `Link` of the figure, when the person asks for its list.
    """

    opened = Signal(object)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.link: Link | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._pressed = False

    def set_link(self, link: Link | None) -> None:
        """The list behind the figure (None: nothing to open yet, e.g. while loading)."""
        self.link = link

    def activate(self) -> None:
        if self.link is not None:
            self.opened.emit(self.link)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activate()
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed = event.button() == Qt.MouseButton.LeftButton
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        inside = self.rect().contains(event.position().toPoint())
        if self._pressed and event.button() == Qt.MouseButton.LeftButton and inside:
            self.activate()
        self._pressed = False
        super().mouseReleaseEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()


class LinkTile(LinkFrame):
    """One figure: caption, a big value, a detail line (plain or rich text)."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__("dashTile", parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 7, 12, 7)
        layout.setSpacing(0)
        self.caption = label("dashCaption", caption, wrap=True)
        self.value = label("dashValue", "…")
        self.detail = label("dashDetail", "", wrap=True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        self.setAccessibleName(caption)

    def show_figure(self, value: str, detail: str = "", alert: bool = False) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        set_flag(self.value, "alert", alert)
        self.setAccessibleDescription(f"{value}. {self.detail.text()}")


class LinkRow(LinkFrame):
    """One line of a card: what, a quiet detail (an amount), and how many, right-aligned.
    The caption never gives up its room: a short card must not cut "Hak menunggu…"."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__("dashRow", parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(8)
        self.caption = label("dashCaption", caption)
        self.caption.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.detail = label("dashDetail")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count = label("dashCount", "…")
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail, 1)
        layout.addWidget(self.count)
        self.setAccessibleName(caption)

    def show_count(self, count: str, detail: str = "", zero: bool = False) -> None:
        self.count.setText(count)
        self.detail.setText(detail)
        set_flag(self.count, "zero", zero)
        self.setAccessibleDescription(f"{count}. {detail}".strip(". "))


def card(title: str) -> tuple[QFrame, QVBoxLayout, QLabel]:
    """A white card with a bold title line; returns the frame, its layout and the title."""
    frame = QFrame()
    frame.setObjectName("dashCard")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(12, 8, 12, 8)
    layout.setSpacing(2)
    heading = label("dashTitle", title)
    layout.addWidget(heading)
    return frame, layout, heading


class TargetBar(QWidget):
    """The way to the national target: the whole bar is the target, the light part everyone
    registered, the dark part this office's own (drawn over it, as it is a part of it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registered = 0.0  # shares of the target, 0..1 (more than the target: full)
        self.office = 0.0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(14)

    def set_shares(self, registered: float, office: float) -> None:
        self.registered = min(max(registered, 0.0), 1.0)
        self.office = min(max(office, 0.0), self.registered)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(300, 14)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        whole = QRectF(self.rect())
        radius = whole.height() / 2
        painter.setBrush(BAR_EMPTY)
        painter.drawRoundedRect(whole, radius, radius)
        for share, colour in ((self.registered, BAR_ALL), (self.office, BAR_OFFICE)):
            if share <= 0:
                continue
            # at least a dot: 2 of 20.000 is not nothing
            width = max(whole.width() * share, whole.height())
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(0, 0, width, whole.height()), radius, radius)
        painter.end()
