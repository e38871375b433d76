"""Kelebihan bayar: every overpayment of this office still to recover, double payments first
(the same entitlement paid at two counters while offline), and Hapus buku — a supervisor
writes off what cannot be recovered, with the reason. What is not written off is kept back
from the person's next payment on its own."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import stipends as rules
from app.domain.roles import Permission
from app.services.actor import Actor
from app.services.stipend_views import RecoveryRow
from app.ui.context import AppContext
from app.ui.dialogs.payment_dialogs import kind_label, short_period
from app.ui.formats import fmt_rupiah
from app.ui.i18n import current_language
from app.ui.messages import show_error, show_info
from app.ui.pages.payment_list import danger, shortcut_button
from app.ui.pages.payment_table import PROBLEM, kind_short, size_columns, widest
from app.ui.widgets import note, row_table

MONEY = {3, 4, 5}
OWED = 5


class RecoveriesTab(QWidget):
    """The list and its action; `refresh()` re-reads."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.stale = True
        self.rows: list[RecoveryRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(
            note(
                self.tr(
                    "Money paid that was not owed. It is kept back from the person's next "
                    "payment on its own; what cannot be recovered a supervisor writes off, "
                    "with the reason."
                )
            )
        )
        self.count = QLabel()
        self.count.setObjectName("count")
        layout.addWidget(self.count)
        headers = [
            self.tr("Name"),
            self.tr("Cohort"),
            self.tr("For"),
            self.tr("Entitlement"),
            self.tr("Paid"),
            self.tr("To recover"),
            self.tr("Receipts"),
        ]
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        row_table(self.table)
        kinds = [f"{kind_short(k.value)}, {short_period('W10')}" for k in rules.Kind]
        money = "Rp1.500.000"
        samples = {
            1: "ANG/JKT-1/2026/0000",
            2: widest(kinds, self.table),
            3: money,
            4: money,
            5: money,
        }
        size_columns(self.table, headers, samples, stretch=6)
        self.table.setColumnWidth(0, 180)
        layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        self.write_off_button = shortcut_button(self.tr("Write off…"), "Ctrl+Shift+H", self)
        danger(self.write_off_button)
        actions.addWidget(self.write_off_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.write_off_button.clicked.connect(self.write_off)
        self.table.itemSelectionChanged.connect(self._enable)

    def refresh(self) -> None:
        from app.services.payments import recoveries

        self.stale = False
        current = self.selected()
        try:
            self.rows = recoveries(self.ctx.db, current_language())
        except Exception as exc:
            show_error(self, exc)
            return
        doubles = sum(1 for r in self.rows if r.double)
        self.count.setText(
            self.tr("{n} to recover, {doubles} of them paid twice: {amount} in all.").format(
                n=len(self.rows),
                doubles=doubles,
                amount=fmt_rupiah(sum(r.outstanding for r in self.rows)),
            )
            if self.rows
            else self.tr("Nothing to recover.")
        )
        self.table.setRowCount(len(self.rows))
        for n, r in enumerate(self.rows):
            receipts = ", ".join(r.receipts)
            values = (
                r.name,
                r.cohort_code,
                f"{kind_short(r.kind)}, {short_period(r.period)}",
                fmt_rupiah(r.amount),
                fmt_rupiah(r.paid),
                fmt_rupiah(r.outstanding),
                self.tr("Paid twice: {receipts}").format(receipts=receipts)
                if r.double
                else receipts,
            )
            tip = (
                self.tr("The same entitlement was paid at two counters while offline.")
                if r.double
                else self.tr("The attendance was corrected after the payment.")
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(tip)
                if column in MONEY:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column == OWED or (r.double and column == len(values) - 1):
                    item.setForeground(QBrush(PROBLEM))
                self.table.setItem(n, column, item)
            if r.double:
                for column in range(self.table.columnCount()):
                    cell = self.table.item(n, column)
                    if cell is not None:
                        cell.setBackground(QBrush(QColor("#fde2e1")))
        keep = next(
            (
                n
                for n, r in enumerate(self.rows)
                if current and r.entitlement_id == current.entitlement_id
            ),
            0,
        )
        if self.rows:
            self.table.selectRow(keep)
        self._enable()

    def selected(self) -> RecoveryRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _enable(self) -> None:
        r = self.selected()
        self.write_off_button.setEnabled(r is not None and r.outstanding > 0)

    def write_off(self) -> Any:
        from app.services.payments import write_off
        from app.ui.dialogs.payment_dialogs import SignedActionDialog

        r = self.selected()
        if r is None or r.outstanding <= 0:
            return None
        db, eid = self.ctx.db, r.entitlement_id
        dialog = SignedActionDialog(
            self.ctx,
            self.actor,
            Permission.RECOVERY_WRITE_OFF,
            self.tr("Write off"),
            self.tr(
                "What is left of this overpayment is written off: it will not be kept back "
                "from a later payment. The reason stays in the audit log."
            ),
            self.tr("Write off {amount}").format(amount=fmt_rupiah(r.outstanding)),
            lambda supervisor, reason, _choice: write_off(db, supervisor, eid, reason),
            facts=[
                (self.tr("Name"), r.name),
                (self.tr("Cohort"), r.cohort_code),
                (self.tr("Kind"), f"{kind_label(r.kind)}, {short_period(r.period)}"),
                (self.tr("To recover"), fmt_rupiah(r.outstanding)),
            ],
            reason=True,
            parent=self,
        )
        dialog.succeeded.connect(
            lambda amount: show_info(
                self,
                self.tr("Written off"),
                self.tr("{amount} was written off.").format(amount=fmt_rupiah(amount)),
            )
        )
        dialog.open()
        return dialog
