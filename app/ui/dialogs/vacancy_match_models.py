"""The tables of the match dialogs: the people who fit a vacancy, the vacancies that fit a
person, and a person's referrals with what the employer decided. Each match says why it
fits (the matching rules' own sentences), so the clerk can tell the person."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QTableView

from app.services.vacancy_matching import PersonMatch, ReferralRow, VacancyMatch
from app.ui.formats import fmt_date, status_label
from app.ui.pages.followup_table import GOOD, OVERDUE, QUIET
from app.ui.pages.payment_table import size_columns
from app.ui.pages.vacancy_table import regency, short_wage
from app.ui.row_model import RowsModel

Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def reasons_text(reasons: tuple[str, ...]) -> str:
    return "; ".join(reasons)


class _Model(RowsModel):
    """Text per column from `cells`; the score column right-aligned, a tooltip per row."""

    score_column = -1

    def cells(self, row: Any) -> tuple[str, ...]:
        raise NotImplementedError

    def tip(self, row: Any) -> str:
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(row)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.score_column:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tip(row)
        return self.style(row, index.column(), role)

    def style(self, row: Any, column: int, role: int) -> Any:
        return None


class PeopleModel(_Model):
    """The people who fit one vacancy (PersonMatch)."""

    score_column = 4

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("NIK"),
            self.tr("Phone"),
            self.tr("Status"),
            self.tr("Score"),
            self.tr("Referred"),
            self.tr("Why it fits"),
        ]

    def cells(self, row: PersonMatch) -> tuple[str, ...]:
        from app.formats import phone

        return (
            row.name,
            row.nik_masked,
            phone(row.phone) or "–",
            status_label(row.status),
            str(row.score),
            fmt_date(row.referred_on) if row.referred_on else "–",
            reasons_text(row.reasons),
        )

    def tip(self, row: PersonMatch) -> str:
        return "\n".join((row.name, *row.reasons))

    def style(self, row: PersonMatch, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and row.referred_on:
            return QBrush(GOOD)
        return None


class VacanciesModel(_Model):
    """The open vacancies that fit one person (VacancyMatch)."""

    score_column = 5

    def headers(self) -> list[str]:
        return [
            self.tr("Employer"),
            self.tr("Position"),
            self.tr("Region"),
            self.tr("Wage"),
            self.tr("Apply by"),
            self.tr("Score"),
            self.tr("Referred"),
            self.tr("Why it fits"),
        ]

    def cells(self, row: VacancyMatch) -> tuple[str, ...]:
        v = row.vacancy
        return (
            v.employer,
            v.position,
            regency(v),
            short_wage(v.wage_min, v.wage_max),
            fmt_date(v.closes_on) if v.closes_on else "–",
            str(row.score),
            fmt_date(row.referred_on) if row.referred_on else "–",
            reasons_text(row.reasons),
        )

    def tip(self, row: VacancyMatch) -> str:
        v = row.vacancy
        contact = self.tr("Contact: {contact}").format(contact=v.contact or "–")
        return "\n".join((f"{v.position} — {v.employer}", v.region_name, contact, *row.reasons))

    def style(self, row: VacancyMatch, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == 6 and row.referred_on:
            return QBrush(GOOD)
        return None


class ReferralsModel(_Model):
    """A person's referrals (ReferralRow) and whether they were hired."""

    def headers(self) -> list[str]:
        return [
            self.tr("Employer"),
            self.tr("Position"),
            self.tr("Referred"),
            self.tr("By"),
            self.tr("Employer's answer"),
        ]

    def answer(self, row: ReferralRow) -> str:
        if row.hired is None:
            return self.tr("Waiting")
        if row.hired:
            return self.tr("Hired from {day}").format(day=fmt_date(row.hired_on))
        return self.tr("Not hired")

    def cells(self, row: ReferralRow) -> tuple[str, ...]:
        return (
            row.employer,
            row.position,
            fmt_date(row.referred_on),
            row.referred_by,
            self.answer(row),
        )

    def style(self, row: ReferralRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == 4:
            colour = QUIET if row.hired is None else (GOOD if row.hired else OVERDUE)
            return QBrush(colour)
        return None


def fit(table: QTableView, model: RowsModel, samples: dict[int, str], stretch: int) -> None:
    size_columns(table, model.headers(), samples, stretch)


def fit_people(table: QTableView, model: PeopleModel) -> None:
    fit(table, model, {0: "Muhammad Rizky Pratama", 1: "3171********0001",
                       2: "0812-3456-78901", 3: "Selesai pelatihan", 4: "000",
                       5: "00/00/0000"}, 6)  # fmt: skip


def fit_vacancies(table: QTableView, model: VacanciesModel) -> None:
    fit(table, model, {0: "PT Maju Bersama Sejahtera", 1: "Operator Mesin Jahit",
                       2: "Kab. Lombok Tengah", 3: "Rp4,5–5,5 jt",
                       4: "00/00/0000", 5: "000", 6: "00/00/0000"}, 7)  # fmt: skip


def fit_referrals(table: QTableView, model: ReferralsModel) -> None:
    fit(table, model, {0: "PT Maju Bersama Sejahtera", 1: "Operator Mesin Jahit Industri",
                       2: "00/00/0000", 3: "loket.budi.santoso"}, 4)  # fmt: skip
