"""A cohort's graduates and their certificates, as the Sertifikat page lists them: one row
per graduate (name, masked NIK, number, state with its date, how often it was printed, and
a remark: the revocation's reason, or a warning where a second live certificate exists for
the same training, issued at another counter while offline)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QTableView

from app.services.certificates import STATE_LABELS, CertificateRow, State
from app.ui.formats import fmt_date
from app.ui.pages.payment_table import size_columns, widest
from app.ui.row_model import RowsModel

Index = QModelIndex | QPersistentModelIndex
COLUMNS = 7
NAME, NIK, NUMBER, STATE, ISSUED, PRINTS, REMARK = range(COLUMNS)
SAMPLES = {
    NIK: "3171********0001",
    NUMBER: "SERT/JKT-1/2026/0000",
    ISSUED: "00/00/0000",
    PRINTS: "00",
    REMARK: "",
}
STATE_COLOURS = {
    State.NOT_ISSUED: QColor("#6b7785"),
    State.ISSUED: QColor("#1e6b3a"),
    State.REVOKED: QColor("#a4420c"),
}
WARNING = QColor("#b3261e")
WARNING_BACKGROUND = QColor("#fde2e1")


def fit_columns(table: QTableView, model: CertificateModel) -> None:
    """Every column as wide as its header and its widest sample; the remark (a reason, a
    warning) takes what is left, the name as wide as a long one needs (a longer one is
    elided; its tooltip and the detail have it whole)."""
    samples = dict(SAMPLES)
    samples[NAME] = "Muhammad Rizky Pratama"
    samples[STATE] = widest(model.state_texts(), table)
    samples.pop(REMARK)
    size_columns(table, model.headers(), samples, REMARK, frozenset({STATE}))


class CertificateModel(RowsModel):
    """One row per CertificateRow."""

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("NIK"),
            self.tr("Certificate number"),
            self.tr("State"),
            self.tr("Issued"),
            self.tr("Prints"),
            self.tr("Remark"),
        ]

    def row_at(self, row: int) -> CertificateRow | None:
        found: CertificateRow | None = super().row_at(row)
        return found

    def state_texts(self) -> list[str]:
        """Every text the state column can show (a revoked one with its date)."""
        labels = [label.render() for label in STATE_LABELS.values()]
        return [*labels, f"{STATE_LABELS[State.REVOKED].render()} 00/00/0000"]

    def state_text(self, row: CertificateRow) -> str:
        text = row.state_label()
        if row.state == State.REVOKED and row.revoked_on is not None:
            text += f" {fmt_date(row.revoked_on)}"
        return text

    def remark(self, row: CertificateRow) -> str:
        if row.others:
            return self.tr("⚠ {n} more live certificate(s) for this training").format(n=row.others)
        if row.state == State.REVOKED:
            return row.revoke_reason or ""
        if row.replaces:
            return self.tr("replaces {number} (revoked)").format(number=row.replaces)
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PRINTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == REMARK and row.others:
                return QBrush(WARNING)
            if column == STATE:
                return QBrush(STATE_COLOURS.get(row.state, QColor("#17324d")))
        if role == Qt.ItemDataRole.BackgroundRole and row.others:
            return QBrush(WARNING_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole and (
            column == STATE or (row.others and column == REMARK)
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.name}\n{self._tip(row)}" if column == NAME else self._tip(row)
        return None

    def _text(self, row: CertificateRow, column: int) -> str:
        issued = row.number is not None
        values = (
            row.name,
            row.nik_masked,
            row.number or "–",
            self.state_text(row),
            fmt_date(row.issued_on) if row.issued_on else "–",
            str(row.prints) if issued else "–",
            self.remark(row),
        )
        return values[column]

    def _tip(self, row: CertificateRow) -> str:
        if row.others:
            return self.tr(
                "Another counter issued a certificate for the same training while offline: "
                "revoke the one the person did not receive."
            )
        if row.state == State.REVOKED:
            return self.tr("Revoked on {day}: {reason}").format(
                day=fmt_date(row.revoked_on), reason=row.revoke_reason or "–"
            )
        if row.state == State.NOT_ISSUED:
            return self.tr("Printing issues the certificate (number and signature).")
        if row.prints == 0:
            return self.tr("Issued, not printed yet.")
        return self.tr("Printed {n}×; the next print says SALINAN.").format(n=row.prints)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == PRINTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
