"""The provider list: search by name, filters (type, province, decision, expiring soon) and a
table that marks a licence or accreditation ending within 60 days."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
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

from app.domain.provider_checks import PROVIDER_TYPE_LABELS, RESULT_LABELS, ProviderType, Result
from app.resources import regions
from app.services.provider_views import ProviderRow
from app.ui.context import AppContext
from app.ui.formats import fmt_date
from app.ui.messages import show_error
from app.ui.row_model import RowsModel
from app.ui.widgets import heading, row_table

Index = QModelIndex | QPersistentModelIndex
SEARCH_DELAY_MS = 200
WARNING = QColor("#a4420c")
GOOD = QColor("#1e6b3a")
COLUMN_WIDTHS = (280, 130, 190, 70, 150)  # name, type, region, modules, decision


def result_text(result: str | None) -> str:
    from PySide6.QtCore import QCoreApplication

    if result is None:
        return QCoreApplication.translate("ProviderTableModel", "Not decided")
    return RESULT_LABELS[Result(result)].render()


class ProviderTableModel(RowsModel):
    """One row per ProviderRow: name, type, region, active modules, decision, licence end."""

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Type"),
            self.tr("Region"),
            self.tr("Modules"),
            self.tr("Decision"),
            self.tr("Licence valid until"),
        ]

    def row_at(self, row: int) -> ProviderRow | None:
        found: ProviderRow | None = super().row_at(row)
        return found

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            licence = fmt_date(row.licence_expires_on) if row.licence_expires_on else "—"
            if column == 5 and row.expiring:
                licence = self.tr("{date} (ends soon)").format(date=licence)
            values = (
                row.name,
                PROVIDER_TYPE_LABELS[ProviderType(row.provider_type)].render(),
                row.region_name or "—",
                str(row.active_modules),
                result_text(row.result),
                licence,
            )
            return values[column]
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 5 and row.expiring:
                return QBrush(WARNING)
            if column == 4 and row.result == Result.FIT.value:
                return QBrush(GOOD)
            if column == 4 and row.result in (Result.UNFIT.value, Result.FOLLOW_UP.value):
                return QBrush(WARNING)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ProviderList(QWidget):
    """Heading, the buttons, search and filters, and the table; `refresh()` re-reads."""

    def __init__(self, ctx: AppContext, may_edit: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stale = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 20)
        layout.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Training providers")))
        top.addSpacing(16)
        self.count = QLabel()  # in the heading's row: the filters' row must fit 1366×768
        top.addWidget(self.count)
        top.addStretch(1)
        self.new_button = QPushButton(self.tr("New provider"))
        self.new_button.setObjectName("primary")
        top.addWidget(self.new_button)
        layout.addLayout(top)
        self.new_button.setVisible(may_edit)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search provider name…"))
        layout.addWidget(self.search)
        filters = QHBoxLayout()
        filters.setSpacing(8)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All types"), "")
        for kind, label in PROVIDER_TYPE_LABELS.items():
            self.kind.addItem(label.render(), kind.value)
        self.province = QComboBox()
        self.province.addItem(self.tr("All provinces"), "")
        for province in sorted(regions().provinces.values(), key=lambda r: r.name):
            self.province.addItem(province.name, province.code)
        self.result = QComboBox()
        self.result.addItem(self.tr("Any decision"), "")
        for result, label in RESULT_LABELS.items():
            self.result.addItem(label.render(), result.value)
        self.result.addItem(self.tr("Not decided"), "none")
        self.expiring = QCheckBox(self.tr("Licence ending within 60 days"))
        # a combo as wide as its longest entry ("Kepulauan Bangka Belitung") would widen the
        # page past the window on a 1366×768 screen
        for combo, letters in ((self.kind, 10), (self.province, 10), (self.result, 14)):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(letters)
        for widget in (self.kind, self.province, self.result, self.expiring):
            filters.addWidget(widget)
        filters.addStretch(1)
        layout.addLayout(filters)

        self.model = ProviderTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        row_table(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        for combo in (self.kind, self.province, self.result):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.expiring.toggled.connect(lambda _on: self.refresh())

    def apply_link(self, filters: dict[str, str]) -> None:
        """Show the providers a figure of Beranda counted: `expiring_only` "1" ticks
        "licence ending within 60 days"; the search and the other filters are cleared."""
        widgets = (self.search, self.kind, self.province, self.result, self.expiring)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.search.clear()
            for combo in (self.kind, self.province, self.result):
                combo.setCurrentIndex(0)
            self.expiring.setChecked(filters.get("expiring_only") == "1")
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        from app.services.providers import list_providers

        self.stale = False
        try:
            rows = list_providers(
                self.ctx.db,
                text=self.search.text(),
                provider_type=self.kind.currentData() or None,
                region=self.province.currentData() or None,
                result=self.result.currentData() or None,
                expiring_only=self.expiring.isChecked(),
            )
        except Exception as exc:
            show_error(self, exc)
            return
        self.model.set_rows(rows)
        self.count.setText(self.tr("{n} providers").format(n=len(rows)))
