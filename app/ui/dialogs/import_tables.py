"""Tables of the import dialog: the file preview with a column-mapping row, and the report."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
)

from app.domain.participant_fields import REQUIRED_KEYS, TYPED_KEYS, label_of
from app.formats import date_text

translate = QCoreApplication.translate

PREVIEW_ROWS = 20
COLUMN_WIDTH = 215
ERROR = QColor("#b3261e")
WARNING = QColor("#8a5a00")
ERROR_BG = QColor("#fdecea")
WARNING_BG = QColor("#fff4d6")


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


def mapping_combo(choice: str | None) -> QComboBox:
    """`(ignore)` or one canonical column, shown with its label; required ones marked *."""
    combo = QComboBox()
    combo.addItem(translate("ImportDialog", "(ignore)"), "")
    for key in TYPED_KEYS:
        star = " *" if key in REQUIRED_KEYS else ""
        combo.addItem(f"{label_of(key)}{star}", key)
        combo.setItemData(combo.count() - 1, key, Qt.ItemDataRole.ToolTipRole)
    index = combo.findData(choice or "")
    combo.setCurrentIndex(max(index, 0))
    return combo


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return date_text(value)
    return str(value)


class PreviewTable(QTableWidget):
    """The file's first rows; row 0 holds a combo box per column to map it.

    Signals:
        mapping_changed(): the clerk mapped a column differently.
    """

    mapping_changed = Signal()

    def __init__(self) -> None:
        super().__init__(0, 0)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(30)
        self.combos: list[QComboBox] = []
        self.headers: list[str] = []

    def show_table(
        self, headers: list[str], rows: list[list[Any]], mapping: dict[str, Any]
    ) -> None:
        self.clear()
        self.headers = headers
        shown = rows[:PREVIEW_ROWS]
        self.setColumnCount(len(headers))
        self.setRowCount(len(shown) + 1)
        self.setHorizontalHeaderLabels(headers)
        self.setVerticalHeaderLabels(
            [translate("ImportDialog", "Column"), *[str(i + 2) for i in range(len(shown))]]
        )
        self.combos = []
        for c, header in enumerate(headers):
            combo = mapping_combo(mapping.get(header))
            combo.currentIndexChanged.connect(lambda _i: self.mapping_changed.emit())
            self.setCellWidget(0, c, combo)
            self.combos.append(combo)
            for r, values in enumerate(shown):
                self.setItem(
                    r + 1, c, QTableWidgetItem(cell_text(values[c] if c < len(values) else None))
                )
        for c in range(len(headers)):
            self.setColumnWidth(c, COLUMN_WIDTH)

    def mapping(self) -> dict[str, str | None]:
        return {
            h: (str(c.currentData()) or None)
            for h, c in zip(self.headers, self.combos, strict=True)
        }


def report_table() -> QTableWidget:
    table = _table(4)
    table.setHorizontalHeaderLabels(
        [
            translate("ImportDialog", "Row"),
            translate("ImportDialog", "Status"),
            translate("ImportDialog", "Column"),
            translate("ImportDialog", "Message"),
        ]
    )
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def fill_report(table: QTableWidget, reports: list[Any], only_problems: bool = True) -> None:
    shown = [r for r in reports if r.status != "ok" or not only_problems]
    status = {
        "ok": translate("ImportDialog", "OK"),
        "warning": translate("ImportDialog", "Warning"),
        "error": translate("ImportDialog", "Error"),
    }
    table.setRowCount(len(shown))
    for i, report in enumerate(shown):
        fields = ", ".join(label_of(f) for f in report.field.split(";") if f)
        values = [str(report.row), status.get(report.status, report.status), fields, report.message]
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            if report.status == "error":
                item.setForeground(QBrush(ERROR))
                item.setBackground(QBrush(ERROR_BG))
            elif report.status == "warning":
                item.setForeground(QBrush(WARNING))
                item.setBackground(QBrush(WARNING_BG))
            table.setItem(i, c, item)
