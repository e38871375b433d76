"""The cohort list: search by code, provider or module, a status filter, "this office only",
and a table with the places taken and the waiting list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain import cohorts as rules
from app.services.cohort_views import CohortRow
from app.ui.context import AppContext
from app.ui.formats import fmt_date
from app.ui.messages import show_error
from app.ui.row_model import RowsModel
from app.ui.widgets import heading, row_table

Index = QModelIndex | QPersistentModelIndex
SEARCH_DELAY_MS = 200
QUIET = QColor("#6b7280")
RUNNING = QColor("#1e6b3a")
COLUMN_WIDTHS = (180, 115, 200, 215, 185)  # code, status, module, provider, dates; places


class CohortTableModel(RowsModel):
    """One row per CohortRow."""

    def headers(self) -> list[str]:
        return [
            self.tr("Code"),
            self.tr("Status"),
            self.tr("Module"),
            self.tr("Provider"),
            self.tr("Dates"),
            self.tr("Places"),
        ]

    def row_at(self, row: int) -> CohortRow | None:
        found: CohortRow | None = super().row_at(row)
        return found

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            places = f"{row.enrolled}/{row.capacity}"
            if row.waiting:
                places += " " + self.tr("+{n} waiting").format(n=row.waiting)
            values = (
                row.code,
                rules.STATUS_LABELS[rules.Status(row.status)].render(),
                row.module,
                row.provider,
                f"{fmt_date(row.start_date)} – {fmt_date(row.end_date)}",
                places,
            )
            return values[column]
        if role == Qt.ItemDataRole.ForegroundRole:
            if not row.mine or row.status in (
                rules.Status.CANCELLED.value,
                rules.Status.FINISHED.value,
            ):
                return QBrush(QUIET)
            if column == 1 and row.status == rules.Status.RUNNING.value:
                return QBrush(RUNNING)
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = [f"{row.module} ({row.module_code})"]
            if not row.mine:
                tips.append(
                    self.tr("Run by office {office}: read only here.").format(
                        office=row.office_code
                    )
                )
            if row.recorded_after:
                tips.append(self.tr("Entered afterwards from the office's records"))
            return "\n".join(tips)
        return None


class CohortList(QWidget):
    """Heading, the new-cohort button, search, filters and the table; `refresh()` re-reads."""

    def __init__(self, ctx: AppContext, may_edit: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stale = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 20)
        layout.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Cohorts")))
        top.addSpacing(16)
        self.count = QLabel()
        top.addWidget(self.count)
        top.addStretch(1)
        self.new_button = QPushButton(self.tr("New cohort"))
        self.new_button.setObjectName("primary")
        top.addWidget(self.new_button)
        if not may_edit:  # (showing a widget before it has a parent makes it a window)
            self.new_button.hide()
        layout.addLayout(top)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search code, provider or module…"))
        layout.addWidget(self.search)
        filters = QHBoxLayout()
        self.status = QComboBox()
        self.status.addItem(self.tr("Every status"), "")
        for status, label in rules.STATUS_LABELS.items():
            self.status.addItem(label.render(), status.value)
        self.mine = QCheckBox(self.tr("This office only"))
        filters.addWidget(self.status)
        filters.addWidget(self.mine)
        filters.addStretch(1)
        layout.addLayout(filters)

        self.model = CohortTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        row_table(self.table)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.mine.toggled.connect(lambda _on: self.refresh())

    def apply_link(self, filters: dict[str, str]) -> None:
        """Show the cohorts a figure of Beranda counted: `status` (a cohort status) and
        `cohort` (a code, searched for) from `filters`, the rest cleared. Every cohort
        figure there is this office's own, so "this office only" is ticked. One read."""
        widgets = (self.search, self.status, self.mine)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.search.setText(filters.get("cohort", ""))
            self.status.setCurrentIndex(max(self.status.findData(filters.get("status", "")), 0))
            self.mine.setChecked(True)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        from app.services.cohort_lists import list_cohorts

        self.stale = False
        try:
            rows = list_cohorts(
                self.ctx.db,
                status=self.status.currentData() or None,
                text=self.search.text(),
                mine_only=self.mine.isChecked(),
            )
        except Exception as exc:
            show_error(self, exc)
            return
        self.model.set_rows(rows)
        self.count.setText(self.tr("{n} cohorts").format(n=len(rows)))
        if rows and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
