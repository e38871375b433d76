"""The sidebar's page list, with each page's keyboard shortcut shown at the right of its
entry ("Beranda      Ctrl+1"), so a clerk learns the shortcuts by looking.

The entry's text stays the page title (what tests and screen readers read); the shortcut is
the entry's tooltip and is painted by `NavDelegate`, quieter and smaller, only when it fits
beside the title.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

SHORTCUT_ROLE = Qt.ItemDataRole.UserRole + 1
# The left padding and marker of an entry (style.qss: QListWidget#nav::item) and the room
# kept at the right edge.
TEXT_LEFT = 22
RIGHT_MARGIN = 14
GAP = 12
HINT = QColor("#9fb6cc")
HINT_SELECTED = QColor("#dfe8f1")


def shortcut_text(sequence: str) -> str:
    """A shortcut as the clerk's keyboard names it (Ctrl+1)."""
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


def nav_item(title: str, shortcut: str) -> QListWidgetItem:
    item = QListWidgetItem(title)
    text = shortcut_text(shortcut)
    item.setToolTip(text)
    item.setData(SHORTCUT_ROLE, text)
    return item


class NavDelegate(QStyledItemDelegate):
    """Paints an entry as the style sheet says, then its shortcut right-aligned."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        hint = str(index.data(SHORTCUT_ROLE) or "")
        if not hint or not fits(option, str(index.data() or ""), hint):
            return
        font = hint_font(option.font)
        rect: QRect = option.rect.adjusted(0, 0, -RIGHT_MARGIN, 0)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setFont(font)
        painter.setPen(HINT_SELECTED if selected else HINT)
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), hint
        )
        painter.restore()


def hint_font(font: QFont) -> QFont:
    smaller = QFont(font)
    size = font.pointSizeF()
    if size > 0:
        smaller.setPointSizeF(max(size - 2, 7))
    return smaller


def fits(option: QStyleOptionViewItem, title: str, hint: str) -> bool:
    """Whether title and shortcut both fit on the entry's line."""
    font: QFont = option.font
    width: int = option.rect.width()
    needed = (
        TEXT_LEFT
        + QFontMetrics(font).horizontalAdvance(title)
        + GAP
        + QFontMetrics(hint_font(font)).horizontalAdvance(hint)
        + RIGHT_MARGIN
    )
    return needed <= width


def hint_shown(nav: QListWidget, row: int) -> bool:
    """Whether the entry at `row` shows its shortcut (tests, and a sidebar that grows)."""
    item = nav.item(row)
    option = QStyleOptionViewItem()
    option.initFrom(nav)
    option.font = nav.font()
    option.rect = nav.visualItemRect(item)
    hint = str(item.data(SHORTCUT_ROLE) or "")
    return bool(hint) and fits(option, item.text(), hint)


def install(nav: QListWidget, parent: QWidget) -> None:
    nav.setItemDelegate(NavDelegate(parent))
