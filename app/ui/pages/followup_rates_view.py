"""The Capaian tab of Pemantauan: how many people work again, or run a business, 1, 3 and 6
months after their training — per cohort, provider or module. A rate counts only the
people reached; next to it how many were reached, how many calls are still open and how many
could not be reached, so 2 of 2 is never read as 100% of 40."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.followup_rates import RateRow
from app.ui.context import AppContext
from app.ui.messages import show_error
from app.ui.pages.followup_table import GOOD, QUIET, months_text, percent
from app.ui.pages.payment_table import size_columns
from app.ui.row_model import RowsModel
from app.ui.widgets import note, row_table

Index = QModelIndex | QPersistentModelIndex
COLUMNS = 7
GROUP, CALL, WORKING, SELF_EMPLOYED, REACHED, OPEN, UNREACHABLE = range(COLUMNS)
NUMBERS = {WORKING, SELF_EMPLOYED, REACHED, OPEN, UNREACHABLE}


class RatesModel(RowsModel):
    """One row per RateRow (a group at one milestone); the group's name on its first row."""

    group = "cohort"  # cohort | provider | module: what the first column names

    def group_title(self) -> str:
        return {
            "cohort": self.tr("Cohort"),
            "provider": self.tr("Provider"),
            "module": self.tr("Module"),
        }[self.group]

    def headers(self) -> list[str]:
        return [
            self.group_title(),
            self.tr("Call"),
            self.tr("Working"),
            self.tr("Own business"),
            self.tr("Reached"),
            self.tr("Not yet called"),
            self.tr("Unreachable"),
        ]

    def row_at(self, row: int) -> RateRow | None:
        found: RateRow | None = super().row_at(row)
        return found

    def first_of_group(self, n: int) -> bool:
        return n == 0 or self.rows[n - 1].key != self.rows[n].key

    def _text(self, n: int, column: int) -> str:
        row: RateRow = self.rows[n]
        if column == GROUP:
            return row.label if self.first_of_group(n) else ""
        values = (
            "",
            months_text(row.milestone),
            f"{percent(row.working_rate)} ({row.working})" if row.reached else "–",
            f"{percent(row.self_employed_rate)} ({row.self_employed})" if row.reached else "–",
            str(row.reached),
            str(row.open),
            str(row.unreachable),
        )
        return values[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row: RateRow = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row(), column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == WORKING and row.working:
                return QBrush(GOOD)
            if column in (WORKING, SELF_EMPLOYED) and not row.reached:
                return QBrush(QUIET)
        if role == Qt.ItemDataRole.FontRole and column in (GROUP, WORKING):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row)
        return None

    def _tip(self, row: RateRow) -> str:
        if not row.reached:
            return self.tr("{label}, {call}: nobody reached yet, no rate").format(
                label=row.label, call=months_text(row.milestone)
            )
        return self.tr(
            "{label}, {call}: {working} of {reached} reached work again, {own} run a business"
        ).format(
            label=row.label,
            call=months_text(row.milestone),
            working=row.working,
            reached=row.reached,
            own=row.self_employed,
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def set_group(self, group: str, rows: list[RateRow]) -> None:
        self.group = group
        self.set_rows(rows)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)


class RatesView(QWidget):
    """Grouping chooser, table and what the figures mean; `refresh()` re-reads."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stale = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 8, 8)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.group = QComboBox(self)
        for key, text in (
            ("cohort", self.tr("Cohort")),
            ("provider", self.tr("Provider")),
            ("module", self.tr("Module")),
        ):
            self.group.addItem(text, key)
        label = QLabel(self.tr("Per"))
        label.setBuddy(self.group)
        top.addWidget(label)
        top.addWidget(self.group)
        top.addSpacing(16)
        self.counts = QLabel()
        self.counts.setObjectName("count")
        top.addWidget(self.counts, 1)
        layout.addLayout(top)
        self.empty = note("", self)
        self.empty.setVisible(False)
        layout.addWidget(self.empty)
        self.model = RatesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        row_table(self.table)
        size_columns(
            self.table,
            self.model.headers(),
            {
                CALL: months_text(6),
                WORKING: "100% (000)",
                SELF_EMPLOYED: "100% (000)",
                REACHED: "0000",
                OPEN: "0000",
                UNREACHABLE: "0000",
            },
            GROUP,
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(
            note(
                self.tr(
                    "Working and own business are counted over the people reached (the "
                    "figure in brackets: how many). A call not made yet and a person who "
                    "could not be reached count in neither; they are shown beside the rate. "
                    "Graduates and people who withdrew of this office's finished cohorts."
                ),
                self,
            )
        )
        self.group.currentIndexChanged.connect(lambda _i: self.refresh())

    def chosen(self) -> str:
        return str(self.group.currentData())

    def refresh(self) -> None:
        from app.services.followup_rates import followup_rates

        self.stale = False
        group = self.chosen()
        try:
            rows = followup_rates(self.ctx.db, group)
        except Exception as exc:
            show_error(self, exc)
            return
        self.model.set_group(group, rows)
        reached = sum(r.reached for r in rows)
        working = sum(r.working for r in rows)
        self.counts.setText(
            self.tr(
                "{calls} calls due or done: {reached} reached, {working} of them working "
                "again, {open} not yet called, {unreachable} unreachable"
            ).format(
                calls=sum(r.reached + r.open + r.unreachable for r in rows),
                reached=reached,
                working=working,
                open=sum(r.open for r in rows),
                unreachable=sum(r.unreachable for r in rows),
            )
        )
        self.empty.setText(
            self.tr("No follow-up is due yet: the first calls come a month after a cohort ends.")
        )
        self.empty.setVisible(not rows)

    def focus_table(self) -> None:
        self.group.setFocus(Qt.FocusReason.OtherFocusReason)
