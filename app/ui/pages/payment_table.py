"""Who is owed what, as the Pembayaran page shows it: one row per entitlement (its person,
kind, period, days, rate, amount, what was paid, its state and receipts), double payments
and overpayments marked in red, and the totals per kind under the table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QGridLayout, QHeaderView, QLabel, QTableView, QWidget

from app.domain import stipends as rules
from app.services.stipend_views import EntitlementRow
from app.ui.dialogs.payment_dialogs import kind_label, short_period
from app.ui.formats import fmt_rupiah
from app.ui.row_model import RowsModel

Index = QModelIndex | QPersistentModelIndex
COLUMNS = 9
NAME, NIK, PERIOD, KIND, DAYS, AMOUNT, PAID, STATE, RECEIPT = range(COLUMNS)
MONEY = {DAYS, AMOUNT, PAID}
# What each column must hold whole (the name takes what is left): widths are measured with
# the table's own font, so they hold on Windows' fonts as on Linux's.
SAMPLES = {
    NIK: "3171********0001",
    PERIOD: "W10",
    KIND: "",
    DAYS: "10 × Rp150.000",
    AMOUNT: "Rp1.500.000",
    PAID: "Rp1.500.000",
    STATE: "",
    RECEIPT: "KW/JKT-1/2026/0000",
}
CELL_PADDING = 4  # each side (style.qss gives tables 8)
STATE_COLOURS = {
    rules.State.COMPUTED.value: QColor("#8a5a00"),
    rules.State.APPROVED.value: QColor("#1d5a8c"),
    rules.State.PAID.value: QColor("#1e6b3a"),
}
PROBLEM = QColor("#b3261e")
PROBLEM_BACKGROUND = QColor("#fde2e1")


def size_columns(
    table: QTableView,
    headers: list[str],
    samples: dict[int, str],
    stretch: int,
    bold_columns: frozenset[int] = frozenset(),
) -> None:
    """Each column of `samples` as wide as its header and its sample need, measured with
    the table's own font (so it holds with Windows' fonts as with Linux's); `stretch`
    takes what is left."""
    table.setStyleSheet(f"QTableView::item {{ padding: 0 {CELL_PADDING}px; }}")
    plain = table.fontMetrics()
    bold_font = QFont(table.font())
    bold_font.setBold(True)
    bold = QFontMetrics(bold_font)
    header = table.horizontalHeader()
    for column, sample in samples.items():
        metrics = bold if column in bold_columns else plain
        width = max(metrics.horizontalAdvance(sample), bold.horizontalAdvance(headers[column]))
        table.setColumnWidth(column, width + 2 * CELL_PADDING + 8)
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch == len(headers) - 1)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def widest(texts: list[str], table: QTableView) -> str:
    return max(texts, key=table.fontMetrics().horizontalAdvance)


def fit_columns(table: QTableView, model: EntitlementModel) -> None:
    """Every column as wide as its header and its widest sample need; the name stretches."""
    samples = dict(SAMPLES)
    samples[PERIOD] = short_period("W10")
    samples[KIND] = widest([kind_short(k.value) for k in rules.Kind], table)
    bold_font = QFont(table.font())
    bold_font.setBold(True)
    samples[STATE] = max(model.state_texts(), key=QFontMetrics(bold_font).horizontalAdvance)
    size_columns(table, model.headers(), samples, NAME, frozenset({STATE}))


def kind_short(kind: str) -> str:
    """How a table names a kind: "Transport", "Uang saku"."""
    from PySide6.QtCore import QCoreApplication

    if kind == rules.Kind.TRANSPORT.value:
        return QCoreApplication.translate("payments", "Transport")
    return QCoreApplication.translate("payments", "Pocket money")


def problem(row: EntitlementRow) -> bool:
    """Paid twice, or paid more than it is now worth: money to recover."""
    return row.double or row.overpaid > 0


class EntitlementModel(RowsModel):
    """One row per EntitlementRow."""

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("NIK"),
            self.tr("Period"),
            self.tr("Kind"),
            self.tr("Days × rate"),
            self.tr("Amount"),
            self.tr("Paid"),
            self.tr("State"),
            self.tr("Receipt"),
        ]

    def row_at(self, row: int) -> EntitlementRow | None:
        found: EntitlementRow | None = super().row_at(row)
        return found

    def state_texts(self) -> list[str]:
        """Every text the state column can show."""
        labels = [label.render() for label in rules.STATE_LABELS.values()]
        return [self.tr("Paid twice"), self.tr("Overpaid"), *labels]

    def state_text(self, row: EntitlementRow) -> str:
        if row.double:
            return self.tr("Paid twice")
        if row.overpaid > 0:
            return self.tr("Overpaid")
        return rules.STATE_LABELS[rules.State(row.state)].render()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in MONEY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if problem(row) and column in (PAID, STATE, RECEIPT):
                return QBrush(PROBLEM)
            if column == STATE:
                return QBrush(STATE_COLOURS.get(row.state, QColor("#17324d")))
        if role == Qt.ItemDataRole.BackgroundRole and problem(row):
            return QBrush(PROBLEM_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole and (
            column == STATE or (problem(row) and column == PAID)
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row)
        return None

    def _text(self, row: EntitlementRow, column: int) -> str:
        values = (
            row.name,
            row.nik_masked,
            short_period(row.period),
            kind_short(row.kind),
            f"{row.days} × {fmt_rupiah(row.rate)}",
            fmt_rupiah(row.amount),
            fmt_rupiah(row.paid) if row.paid else "–",
            self.state_text(row),
            ", ".join(row.receipts),
        )
        return values[column]

    def _tip(self, row: EntitlementRow) -> str:
        tips = [row.period_label]
        if row.double:
            tips.append(
                self.tr("Paid twice ({receipts}): {amount} to recover.").format(
                    receipts=", ".join(row.receipts), amount=fmt_rupiah(row.overpaid)
                )
            )
        elif row.overpaid > 0:
            tips.append(
                self.tr("Paid {paid} but now worth {amount}: {over} to recover.").format(
                    paid=fmt_rupiah(row.paid),
                    amount=fmt_rupiah(row.amount),
                    over=fmt_rupiah(row.overpaid),
                )
            )
        elif row.to_pay and row.paid:
            tips.append(self.tr("Still to pay: {amount}").format(amount=fmt_rupiah(row.to_pay)))
        elif row.state == rules.State.COMPUTED.value:
            tips.append(self.tr("Waiting for a supervisor's approval of the period."))
        return "\n".join(tips)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in MONEY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


@dataclass(frozen=True)
class KindTotals:
    count: int = 0
    amount: int = 0
    waiting: int = 0  # computed, not approved yet
    to_pay: int = 0  # approved, not paid yet
    paid: int = 0
    overpaid: int = 0


def totals(rows: list[EntitlementRow]) -> dict[str, KindTotals]:
    """Per kind (transport, pocket) and "" for both."""
    out: dict[str, KindTotals] = {}
    for key in (*[k.value for k in rules.Kind], ""):
        mine = [r for r in rows if key in ("", r.kind)]
        out[key] = KindTotals(
            count=len(mine),
            amount=sum(r.amount for r in mine),
            waiting=sum(r.amount - r.paid for r in mine if r.state == rules.State.COMPUTED.value),
            to_pay=sum(r.to_pay for r in mine),
            paid=sum(r.paid for r in mine),
            overpaid=sum(r.overpaid for r in mine),
        )
    return out


class TotalsBox(QWidget):
    """Under the table: per kind, how many entitlements, their amount, what waits for
    approval, what is approved and still to pay, what was paid, and overpayments."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 2, 8, 2)
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(2)
        captions = (
            "",
            self.tr("Entitlements"),
            self.tr("Amount"),
            self.tr("Waiting approval"),
            self.tr("To pay"),
            self.tr("Paid"),
            self.tr("Overpaid"),
        )
        for column, text in enumerate(captions):
            label = QLabel(text)
            label.setObjectName("note")
            if column:
                label.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(label, 0, column)
        self.cells: dict[str, list[QLabel]] = {}
        names = [(k.value, kind_label(k.value)) for k in rules.Kind]
        for line, (key, name) in enumerate([*names, ("", self.tr("Total"))], start=1):
            cells = [QLabel(name)]
            for _ in range(len(captions) - 1):
                cell = QLabel()
                cell.setAlignment(Qt.AlignmentFlag.AlignRight)
                cells.append(cell)
            for column, cell in enumerate(cells):
                if not key:
                    cell.setStyleSheet("font-weight: 600;")
                grid.addWidget(cell, line, column)
            self.cells[key] = cells
        grid.setColumnStretch(len(captions), 1)

    def show_rows(self, rows: list[EntitlementRow]) -> None:
        for key, t in totals(rows).items():
            cells = self.cells[key]
            cells[1].setText(str(t.count))
            money = (t.amount, t.waiting, t.to_pay, t.paid, t.overpaid)
            for column, value in enumerate(money, start=2):
                cells[column].setText(fmt_rupiah(value))
            cells[6].setStyleSheet(
                f"color: {PROBLEM.name()}; font-weight: 600;" if t.overpaid else
                ("font-weight: 600;" if not key else "")
            )  # fmt: skip

    def text(self) -> str:
        """Every figure, line by line (for tests and screen readers)."""
        return "\n".join(" ".join(c.text() for c in cells) for cells in self.cells.values())
