"""A Qt table model over the participant search that fetches pages as the list scrolls.

Counting and fetching run off the UI thread (the read pool, never the writer). Each new
query bumps a generation number; answers of an older query are dropped, so fast typing
never shows stale rows. Only the rows scrolled to are held, so a million participants
scroll as smoothly as a hundred.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app import formats
from app.services.participant_search import ParticipantQuery
from app.services.participant_views import ParticipantRow
from app.ui.context import AppContext
from app.ui.formats import (
    eligibility_label,
    eligibility_short,
    fmt_date,
    fmt_datetime,
    status_label,
)
from app.ui.messages import report
from app.ui.tasks import run_task

Index = QModelIndex | QPersistentModelIndex
PAGE = 200
COLUMNS = (
    "name",
    "nik",
    "birth_date",
    "phone",
    "kpj",
    "status",
    "eligibility",
    "sex",
    "region",
    "training",
    "office",
    "registered",
)
SORT_KEYS = {
    "name": "name",
    "birth_date": "birth_date",
    "status": "status",
    "registered": "registered",
}
NOT_MET = QColor("#b3261e")
UNKNOWN = QColor("#7a8591")


@cache
def region_text(code: str) -> str:
    """The regency (kabupaten/kota) of a region code, shortened for a table cell."""
    from app.resources import regions

    region = regions().get(code[:5])
    if region is None:
        return code
    name = region.name.replace("Kota Administrasi", "Kota").replace(
        "Kabupaten Administrasi", "Kab."
    )
    return name.replace("Kabupaten", "Kab.")


class ParticipantTableModel(QAbstractTableModel):
    """Rows of the current query, fetched PAGE at a time.

    Signals:
        counted(int, bool): how many participants the list pages through, and whether the
            text matched more than the search looks at (then the clerk should type more).
        failed(object): a query failed (already logged).
    """

    counted = Signal(int, bool)
    failed = Signal(object)

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.query = ParticipantQuery()
        self.rows: list[ParticipantRow] = []
        self.total = 0
        self.generation = 0
        self.fetching = False
        self.loaded = False

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("NIK"),
            self.tr("Date of birth"),
            self.tr("Phone"),
            self.tr("KPJ"),
            self.tr("Status"),
            self.tr("Eligibility"),
            self.tr("Sex"),
            self.tr("Region"),
            self.tr("Training choice"),
            self.tr("Office"),
            self.tr("Registered"),
        ]

    # --- querying -------------------------------------------------------------------------
    def set_query(self, query: ParticipantQuery) -> None:
        """Start over with `query`: count and the first page, off the UI thread."""
        from app.services import participant_search

        self.generation += 1
        generation, ctx = self.generation, self.ctx
        self.beginResetModel()
        self.query = query
        self.rows = []
        self.total = 0
        self.fetching = True
        self.loaded = False
        self.endResetModel()

        def work(_p: object, _c: object) -> tuple[int, bool, list[ParticipantRow]]:
            total = participant_search.count(ctx.db, query)
            more = participant_search.truncated(ctx.db, query)
            return total, more, participant_search.search(ctx.db, query, offset=0, limit=PAGE)

        run_task(
            work,
            on_done=lambda answer: self._first_page(generation, *answer),
            on_error=lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def refresh(self) -> None:
        self.set_query(self.query)

    def _first_page(
        self, generation: int, total: int, more: bool, rows: list[ParticipantRow]
    ) -> None:
        if generation != self.generation:
            return
        self.total = total
        self.fetching = False
        self.loaded = True
        self._append(rows)
        self.counted.emit(total, more)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self.generation:
            self.fetching = False
            report(exc)
            self.failed.emit(exc)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self.fetching and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        from app.services import participant_search

        if not self.canFetchMore(parent):
            return
        self.fetching = True
        generation, ctx, query, offset = self.generation, self.ctx, self.query, len(self.rows)

        def done(rows: list[ParticipantRow]) -> None:
            if generation == self.generation:
                self.fetching = False
                self._append(rows)

        run_task(
            lambda _p, _c: participant_search.search(ctx.db, query, offset=offset, limit=PAGE),
            on_done=done,
            on_error=lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _append(self, rows: list[ParticipantRow]) -> None:
        if not rows:
            self.total = len(self.rows)  # the data shrank meanwhile: stop asking
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    # --- Qt model -------------------------------------------------------------------------
    def row_at(self, row: int) -> ParticipantRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def text(self, row: ParticipantRow, column: str) -> str:
        values = {
            "name": row.full_name,
            "nik": row.nik_masked,
            "birth_date": fmt_date(row.birth_date),
            "sex": row.sex,
            "phone": formats.phone(row.phone),
            "kpj": row.kpj or "",
            "office": row.office_code,
            "region": region_text(row.region_code) if row.region_code else "",
            "training": row.training_choice_1 or "",
            "eligibility": eligibility_short(row.eligibility_status),
            "status": status_label(row.status),
            "registered": fmt_datetime(row.registered_at),
        }
        return values[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, column = self.rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == "eligibility":
            if row.eligibility_status == "not_met":
                return QBrush(NOT_MET)
            if row.eligibility_status == "unknown":
                return QBrush(UNKNOWN)
        if role == Qt.ItemDataRole.ToolTipRole and column == "eligibility":
            return eligibility_label(row.eligibility_status)
        if role == Qt.ItemDataRole.ToolTipRole and column == "region" and row.region_code:
            from app.resources import regions

            region = regions().get(row.region_code)
            return f"{row.region_code} {region.name}" if region else row.region_code
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None
