"""Pembayaran: stipends owed from attendance, paid against printed receipts (issue #11).

Three tabs: the entitlements of a cohort and period with what the counter does with them
(app.ui.pages.payment_list), the overpayments to recover (payment_recoveries) and today's
cash close (cash_close). Each tab re-reads what a committed change touched when it is on
screen, else when it shows again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.pages.cash_close import CashCloseTab
from app.ui.pages.payment_list import PaymentList
from app.ui.pages.payment_recoveries import RecoveriesTab
from app.ui.shell import Shell
from app.ui.widgets import heading, note

# The record types this page shows (entity names, as every change announces them).
SHOWN = frozenset(
    {
        "entitlement",
        "payment",
        "payment_reversal",
        "receipt_print",
        "recovery_settlement",
        "cash_close",
        "attendance",
        "cohort",
        "cohort_session",
        "enrollment",
        "participant",
    }
)
PAYMENTS, RECOVERIES, CASH = range(3)


class PaymentsPage(QWidget):
    """The page; `tabs` holds `list`, `recoveries` and `cash`."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 14)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Payments")))
        top.addSpacing(16)
        top.addWidget(
            note(
                self.tr(
                    "Transport and pocket money from the approved attendance, paid against "
                    "a receipt the participant signs."
                )
            ),
            1,
        )
        layout.addLayout(top)
        self.tabs = QTabWidget(self)
        self.list = PaymentList(ctx, actor)
        self.recoveries = RecoveriesTab(ctx, actor)
        self.cash = CashCloseTab(ctx, actor)
        self.tabs.addTab(self.list, self.tr("Entitlements and payments"))
        self.tabs.addTab(self.recoveries, self.tr("Overpayments"))
        self.tabs.addTab(self.cash, self.tr("Cash close"))
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())
        ctx.data_changed.connect(self.on_data_changed)

    def parts(self) -> list[Any]:
        return [self.list, self.recoveries, self.cash]

    def on_data_changed(self, entities: frozenset[str]) -> None:
        if not SHOWN & entities:
            return
        for part in self.parts():
            part.stale = True
        if self.isVisible():
            self._refresh_current()

    def _refresh_current(self) -> None:
        part: Any = self.tabs.currentWidget()
        if getattr(part, "stale", False):
            part.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, self._refresh_current)

    def apply_link(self, filters: dict[str, str]) -> Any:
        """From Beranda: `view` "recoveries" brings the overpayments tab forward; "approve"
        (entitlements to approve) and no view the entitlements tab, where a period is
        approved and paid, on the cohort `cohort` (its code) when one is named. Returns
        the tab."""
        tab = RECOVERIES if filters.get("view") == "recoveries" else PAYMENTS
        part = self.show_tab(tab)
        code = filters.get("cohort")
        if tab == PAYMENTS and code:
            chooser = self.list.cohort
            found = next(
                (n for n in range(chooser.count()) if chooser.itemText(n).split(" ", 1)[0] == code),
                -1,
            )
            if found >= 0:
                chooser.setCurrentIndex(found)  # its periods and rows are read at once
        part.table.setFocus()
        return part

    def show_tab(self, tab: int) -> Any:
        """Bring a tab forward, read it now, and return it."""
        self.tabs.setCurrentIndex(tab)
        part = self.parts()[tab]
        part.refresh()
        return part


def page(window: Shell) -> PaymentsPage:
    """The stipends feature's page (app.features.stipends)."""
    return PaymentsPage(window.ctx, window.actor)
