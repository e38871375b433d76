"""Job vacancies as the Lowongan tab lists them: one row per vacancy (employer, position,
regency, modules wanted, openings, wage, closing date, how many were referred and hired),
closed or expired ones in grey. The table is narrow enough for 1366×768: the wage in
millions and the regency without its province; the line under the table has them whole."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QHeaderView, QTableView

from app.formats import number
from app.services.vacancies import VacancyRow
from app.ui.formats import fmt_date
from app.ui.pages.followup_table import QUIET, SORT_ROLE, short_regency, wage_range
from app.ui.pages.payment_table import size_columns
from app.ui.row_model import RowsModel

Index = QModelIndex | QPersistentModelIndex
COLUMNS = 8
EMPLOYER, POSITION, REGION, MODULES, OPENINGS, WAGE, CLOSES, REFERRED = range(COLUMNS)
NUMBERS = {OPENINGS, REFERRED}


def millions(amount: int) -> str:
    """`4,5 jt` (juta), as a wage is said; below a million in thousands (`750 rb`)."""
    if amount >= 1_000_000:
        return f"{number(round(amount / 1_000_000, 1))} jt"
    return f"{number(round(amount / 1_000))} rb"


def short_wage(low: int | None, high: int | None) -> str:
    """`Rp4,5–5,5 jt`, `≥ Rp4,5 jt`, `–`: the wage range in a narrow column."""
    if low is not None and high is not None and low != high:
        a, b = millions(low), millions(high)
        unit_a, unit_b = a.rsplit(" ", 1)[1], b.rsplit(" ", 1)[1]
        if unit_a == unit_b:
            return f"Rp{a.rsplit(' ', 1)[0]}–{b}"
        return f"Rp{a} – Rp{b}"
    if low is not None:
        return f"Rp{millions(low)}" if high is not None else f"≥ Rp{millions(low)}"
    if high is not None:
        return f"≤ Rp{millions(high)}"
    return "–"


def regency(row: VacancyRow) -> str:
    """`Kota Balikpapan` of `Kota Balikpapan, Kalimantan Timur`; `Kab. Bekasi`."""
    return short_regency(row.region_name.split(", ")[0])


class VacancyModel(RowsModel):
    """One row per VacancyRow."""

    def headers(self) -> list[str]:
        return [
            self.tr("Employer"),
            self.tr("Position"),
            self.tr("Region"),
            self.tr("Modules wanted"),
            self.tr("Openings"),
            self.tr("Wage"),
            self.tr("Apply by"),
            self.tr("Referred / hired"),
        ]

    def row_at(self, row: int) -> VacancyRow | None:
        found: VacancyRow | None = super().row_at(row)
        return found

    def closes_text(self, row: VacancyRow) -> str:
        if row.closed:
            return self.tr("closed")
        return fmt_date(row.closes_on) if row.closes_on else "–"

    def _text(self, row: VacancyRow, column: int) -> str:
        values = (
            row.employer,
            row.position,
            regency(row),
            ", ".join(row.module_names),
            str(row.openings),
            short_wage(row.wage_min, row.wage_max),
            self.closes_text(row),
            f"{row.referred} / {row.hired}",
        )
        return values[column]

    def _key(self, row: VacancyRow, column: int) -> Any:
        if column == OPENINGS:
            return row.openings
        if column == WAGE:
            return row.wage_max or row.wage_min or 0
        if column == CLOSES:
            day = row.closes_on.toordinal() if row.closes_on else 10**7
            return (0 if row.is_open else 10**8) + day
        if column == REFERRED:
            return row.referred * 10_000 + row.hired
        return self._text(row, column).casefold()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == SORT_ROLE:
            return self._key(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and not row.is_open:
            return QBrush(QUIET)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.describe(row)
            if not row.is_open and not row.closed:
                tip = self.tr("Past its closing date: no longer matched.") + "\n" + tip
            return tip
        return None

    def describe(self, row: VacancyRow) -> str:
        """Everything the clerk tells a person about the vacancy, on one line."""
        parts = [
            f"{row.position} — {row.employer}",
            row.region_name,
            self.tr("wage {wage}").format(wage=wage_range(row.wage_min, row.wage_max)),
            self.tr("contact {contact}").format(contact=row.contact or "–"),
        ]
        if row.npp:
            parts.append(f"NPP {row.npp}")
        if row.sector:
            parts.append(self.tr("sector {sector}").format(sector=row.sector))
        if row.skills:
            parts.append(self.tr("skills: {skills}").format(skills=row.skills))
        if row.source:
            parts.append(self.tr("source: {source}").format(source=row.source))
        return " · ".join(parts)

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


def fit_columns(table: QTableView, model: VacancyModel) -> None:
    """Each column as wide as its sample; the employer and the position share what is
    left (a longer one is elided; its tooltip and the line under the table have it)."""
    samples = {
        POSITION: "Operator forklift",
        REGION: "Kota Balikpapan",
        MODULES: "Garmen dan Menjahit",
        OPENINGS: "000",
        WAGE: "Rp4,5–5,5 jt",
        CLOSES: "00/00/0000",
        REFERRED: "00 / 00",
    }
    size_columns(table, model.headers(), samples, EMPLOYER)
    table.horizontalHeader().setSectionResizeMode(POSITION, QHeaderView.ResizeMode.Stretch)
