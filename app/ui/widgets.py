"""Small shared widgets: the DEMO strip, page headings, the count tiles of the home page and
the scroll area that keeps a tall page inside a small screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


def demo_banner(parent: QWidget | None = None) -> QLabel:
    """The coloured strip that marks every screen of a demo office (centred by style.qss)."""
    label = QLabel(
        QCoreApplication.translate(
            "widgets", "DEMO — practice office with sample data, not real data"
        ),
        parent,
    )
    label.setWordWrap(True)
    label.setObjectName("demoBanner")
    return label


def heading(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("heading")
    return label


def note(text: str, parent: QWidget | None = None) -> QLabel:
    """A quiet grey sentence that explains something (help text, a read-only notice)."""
    label = QLabel(text, parent)
    label.setObjectName("note")
    label.setWordWrap(True)
    return label


class Tile(QFrame):
    """One figure on the home page: a big number, its caption and an optional detail line."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(2)
        self.caption = QLabel(caption)
        self.caption.setObjectName("tileCaption")
        self.caption.setWordWrap(True)
        self.value = QLabel("–")
        self.value.setObjectName("tileValue")
        self.detail = QLabel("")
        self.detail.setObjectName("tileDetail")
        self.detail.setWordWrap(True)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)

    def set_value(self, value: int) -> None:
        self.value.setText(QLocale().toString(value))


def busy_bar(parent: QWidget) -> QProgressBar:
    """A thin endless bar shown while a dialog's service call runs off the UI thread."""
    bar = QProgressBar(parent)
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumHeight(6)
    bar.setVisible(False)
    return bar


def scroll_area(content: QWidget, name: str = "pageScroll") -> QScrollArea:
    """`content` in a borderless, see-through scroll area.

    A page or form taller than what a 1366×768 screen leaves (taskbar, title bar, DEMO
    strip, status bar) would otherwise push the main window past the screen's edge, taking
    the status bar and the sidebar's buttons with it; in here it gets a scroll bar instead,
    and only while the window is smaller than `content` needs."""
    area = QScrollArea()
    area.setObjectName(name)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(content)
    content.setAutoFillBackground(False)  # setWidget turns it on: keep the page's colour
    area.viewport().setAutoFillBackground(False)
    return area


def row_table(table: QAbstractItemView) -> None:
    """A read-only table of records picked a whole row at a time: no grid, alternating rows,
    left-aligned headers, the last column stretched, and Tab leaving the table (arrows move
    inside it), as the provider, module and checklist tables are."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTableView

    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)
    if isinstance(table, QTableView):
        table.verticalHeader().setVisible(False)
        table.setShowGrid(False)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
