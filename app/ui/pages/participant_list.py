"""The participant list: search as you type over name, NIK, KPJ and phone, filters,
sortable columns, masked NIK, and a lazily fetching table."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from app import formats
from app.domain.offices import OFFICES
from app.resources import regions
from app.services.participant_search import ParticipantQuery
from app.ui.context import AppContext
from app.ui.pages.participant_model import COLUMNS, SORT_KEYS, ParticipantTableModel
from app.ui.widgets import heading

SEARCH_DELAY_MS = 200
COLUMN_WIDTHS = {
    "name": 185,
    "nik": 150,
    "birth_date": 105,
    "phone": 135,
    "kpj": 122,
    "status": 160,
    "eligibility": 120,
    "sex": 44,
    "region": 170,
    "training": 150,
    "office": 70,
}


class ParticipantList(QWidget):
    """Search box, filters, count and the table; `refresh()` re-runs the query."""

    def __init__(self, ctx: AppContext, may_import: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stale = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 20)
        layout.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Participants")))
        top.addStretch(1)
        self.new_button = QPushButton(self.tr("New registration"))
        self.new_button.setObjectName("primary")
        self.new_button.setToolTip("Ctrl+N")
        self.import_button = QPushButton(self.tr("Import…"))
        top.addWidget(self.import_button)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        self.import_button.setVisible(may_import)  # once it has a parent (see RevealField)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search name, NIK (or its last 4 digits), KPJ or phone…")
        )
        layout.addWidget(self.search)
        filters = QHBoxLayout()
        filters.setSpacing(8)
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), "")
        from app.services.participant_records import STATUSES

        for key, label in STATUSES.items():
            self.status.addItem(label.render(), key)
        self.office = QComboBox()
        self.office.addItem(self.tr("All offices"), "")
        for office in OFFICES:
            self.office.addItem(f"{office.code} — {office.name}", office.code)
        self.region = QComboBox()
        self.region.addItem(self.tr("All provinces"), "")
        for province in sorted(regions().provinces.values(), key=lambda r: r.name):
            self.region.addItem(province.name, province.code)
        self.training = QLineEdit()
        self.training.setPlaceholderText(self.tr("Training choice"))
        self.training.setClearButtonEnabled(True)
        # Beranda's module bars count first choices: the list opened from one says so.
        self.first_choice = QCheckBox(self.tr("First choice only"))
        self.count_label = QLabel("")
        self.count_label.setObjectName("count")
        # At 1366x768 the training choice and its "first choice only" need room too: the
        # lists drop down wider than their boxes.
        for widget, most in ((self.status, 190), (self.office, 180), (self.region, 200)):
            widget.setMaximumWidth(most)
            widget.view().setMinimumWidth(widget.sizeHint().width())
            # a narrower window may shrink the boxes (the list still drops down whole)
            widget.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            widget.setMinimumContentsLength(8)
            filters.addWidget(widget, 1)
        self.training.setMinimumWidth(120)
        filters.addWidget(self.training, 1)
        filters.addWidget(self.first_choice)
        filters.addSpacing(12)
        filters.addWidget(self.count_label)
        layout.addLayout(filters)

        self.model = ParticipantTableModel(ctx, self)
        self.model.counted.connect(self._counted)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)
        for column, name in enumerate(COLUMNS):
            if name in COLUMN_WIDTHS:
                self.table.setColumnWidth(column, COLUMN_WIDTHS[name])
        layout.addWidget(self.table, 1)
        self._sort = ("name", False)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.training.textChanged.connect(lambda _t: self.timer.start())
        self.first_choice.toggled.connect(lambda _on: self.refresh())
        for combo in (self.status, self.office, self.region):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.search.returnPressed.connect(self._to_table)
        self.setTabOrder(self.search, self.status)

    def query(self) -> ParticipantQuery:
        sort, descending = self._sort
        return ParticipantQuery(
            text=self.search.text().strip(),
            status=self.status.currentData() or None,
            office_code=self.office.currentData() or None,
            region_prefix=self.region.currentData() or None,
            training_choice=self.training.text().strip() or None,
            first_choice_only=self.first_choice.isChecked(),
            sort=sort,
            descending=descending,
        )

    def apply_link(self, filters: dict[str, str]) -> None:
        """Show the people a figure of Beranda counted (app.services.dashboard_views.Link):
        `status`, `office_code` and `training_choice` (a module code) from `filters`, every
        other filter and the search cleared, so the rows are those behind the figure. One
        query, whatever changed."""
        combos = ((self.status, "status"), (self.office, "office_code"), (self.region, ""))
        edits = ((self.search, ""), (self.training, "training_choice"))
        widgets = (*(c for c, _k in combos), *(e for e, _k in edits), self.first_choice)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.first_choice.setChecked(filters.get("first_choice") == "1")
            for combo, key in combos:
                combo.setCurrentIndex(max(combo.findData(filters.get(key, "")), 0))
            for edit, key in edits:
                edit.setText(filters.get(key, ""))
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        self.timer.stop()
        self.stale = False
        self.model.set_query(self.query())

    def _counted(self, total: int, more: bool) -> None:
        if more and self.model.query.text.strip():
            text = self.tr("More than {n} match: type more to narrow")
        elif more:  # filters alone: the count stops at participant_search.COUNT_CAP
            text = self.tr("More than {n} participants: type a name to narrow")
        else:
            text = self.tr("{n} participants") if total != 1 else self.tr("{n} participant")
        self.count_label.setText(text.format(n=formats.number(total)))

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        key = SORT_KEYS.get(COLUMNS[column])
        header = self.table.horizontalHeader()
        if key is None:  # only some columns have an index to sort by: keep the current one
            current = COLUMNS.index(next(k for k, v in SORT_KEYS.items() if v == self._sort[0]))
            header.blockSignals(True)
            header.setSortIndicator(
                current,
                Qt.SortOrder.DescendingOrder if self._sort[1] else Qt.SortOrder.AscendingOrder,
            )
            header.blockSignals(False)
            return
        self._sort = (key, order == Qt.SortOrder.DescendingOrder)
        self.refresh()

    def _to_table(self) -> None:
        """Enter in the search box goes to the first match."""
        if self.model.rowCount() > 0:
            self.table.setFocus()
            self.table.selectRow(0)
