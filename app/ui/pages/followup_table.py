"""What the Pemantauan tables share: sorting by a key of each cell's own (a date sorts as a
date, an amount as a number, not as the text it shows), the row under the cursor through
the sorting, and how a wage range and a rate read.

The call list and the vacancy list are sorted by the clerk (a click on a header); the
services' order is the one the page opens with."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView

from app import formats
from app.ui.formats import fmt_rupiah
from app.ui.row_model import RowsModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
LINK = QColor("#0b57a4")
OVERDUE = QColor("#b3261e")
THIS_WEEK = QColor("#8a5a00")
QUIET = QColor("#6b7785")
GOOD = QColor("#1e6b3a")


def sorted_view(table: QTableView, model: RowsModel) -> QSortFilterProxyModel:
    """Show `model` in `table` through a proxy that sorts by each cell's SORT_ROLE; the
    rows keep the service's order until a header is clicked."""
    proxy = QSortFilterProxyModel(table)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    proxy.sort(-1)
    return proxy


def current_row(table: QTableView, model: RowsModel) -> Any:
    """The source row of the table's current (selected) line, through its proxy."""
    selected = table.selectionModel().selectedRows() if table.selectionModel() else []
    index = selected[0] if selected else table.currentIndex()
    if not index.isValid():
        return None
    proxy = table.model()
    if isinstance(proxy, QSortFilterProxyModel):
        index = proxy.mapToSource(index)
    return model.row_at(index.row())


def select_first(table: QTableView) -> None:
    if table.model() is not None and table.model().rowCount() > 0:
        table.selectRow(0)


def select_where(table: QTableView, model: RowsModel, want: Any) -> bool:
    """Select the first line whose source row `want` accepts."""
    proxy = table.model()
    for n, row in enumerate(model.rows):
        if want(row):
            index = model.index(n, 0)
            if isinstance(proxy, QSortFilterProxyModel):
                index = proxy.mapFromSource(index)
            table.selectRow(index.row())
            table.scrollTo(index)
            return True
    return False


def wage_range(low: int | None, high: int | None) -> str:
    """`Rp4.500.000 – Rp5.500.000`, `≥ Rp4.500.000`, `≤ Rp5.500.000`, or `–`."""
    if low is not None and high is not None:
        return fmt_rupiah(low) if low == high else f"{fmt_rupiah(low)} – {fmt_rupiah(high)}"
    if low is not None:
        return f"≥ {fmt_rupiah(low)}"
    if high is not None:
        return f"≤ {fmt_rupiah(high)}"
    return "–"


def percent(rate: Fraction | None) -> str:
    """`45%`, or `–` while nobody was reached (no rate yet)."""
    return formats.percent(rate)


# How the long province names are written where room is short (their usual abbreviations).
SHORT_PROVINCES = {
    "Daerah Khusus Ibukota Jakarta": "DKI Jakarta",
    "Daerah Istimewa Yogyakarta": "DI Yogyakarta",
    "Kepulauan Bangka Belitung": "Kep. Bangka Belitung",
    "Nusa Tenggara Barat": "NTB",
    "Nusa Tenggara Timur": "NTT",
}


def short_province(name: str) -> str:
    return SHORT_PROVINCES.get(name, name)


def short_regency(name: str) -> str:
    """`Kab. Lombok Tengah`, `Jakarta Selatan` (a Kota Administrasi), `Kota Mataram`."""
    for long, short in (
        ("Kota Administrasi ", ""),
        ("Kabupaten Administrasi ", "Kab. "),
        ("Kabupaten ", "Kab. "),
    ):
        if name.startswith(long):
            return short + name.removeprefix(long)
    return name


def months_text(milestone: int) -> str:
    """Which of the three calls: `bulan ke-3` (three months after the cohort)."""
    return QCoreApplication.translate("followups", "month {n}").format(n=milestone)
