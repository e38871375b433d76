"""One table of the monthly report on screen: a read-only model over a ReportTable (the same
table the PDF and the workbook draw, app.services.report_tables) and the widget that shows
it with its note underneath."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from app.services.report_tables import TEXT, ReportTable, cell_text
from app.ui.widgets import note, row_table

Index = QModelIndex | QPersistentModelIndex


class ReportTableModel(QAbstractTableModel):
    """The rows, then the total line in bold; numbers right-aligned."""

    def __init__(self, table: ReportTable, lang: str | None, parent: Any = None) -> None:
        super().__init__(parent)
        self.table = table
        self.lang = lang
        self.lines = list(table.rows) + ([table.total] if table.total else [])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.columns)

    def is_total(self, row: int) -> bool:
        return self.table.total is not None and row == len(self.lines) - 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        kind = self.table.kind_at(index.row(), index.column())
        value = self.lines[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None and self.is_total(index.row()):
                return ""
            return cell_text(value, kind, self.lang)
        if role == Qt.ItemDataRole.TextAlignmentRole and kind != TEXT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self.is_total(index.row()):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        column = self.table.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind != TEXT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ReportTableView(QWidget):
    """A table's title, its rows (or a line saying the month has none) and its note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.title = QLabel("")
        self.title.setObjectName("section")
        self.view = QTableView(self)
        row_table(self.view)
        self.view.setSortingEnabled(False)
        self.empty = note(self.tr("No data in this month."))
        self.note = note("")
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.note)
        self.empty.hide()
        self.model: ReportTableModel | None = None

    def show_table(self, table: ReportTable, lang: str | None) -> None:
        self.title.setText(table.title)
        self.model = ReportTableModel(table, lang, self.view)
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if table.columns and table.columns[0].kind == TEXT:
            # the names take what the figures leave; the figures are never cut
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.empty.setVisible(not table.rows)
        self.note.setText(table.note)
