"""The first tab of Pembayaran: a cohort of this office and one of its periods (or all), who
is owed what, and what the counter does with it — recompute from the attendance, approve
the period (a supervisor, signing in on the spot where needed), pay one or several rows
against a receipt each, reprint (SALINAN), reverse a payment, print every receipt of the
cohort into one file and export the payment register (payment_files)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain import cohorts as cohort_rules
from app.domain import stipends as rules
from app.domain.roles import Permission
from app.errors import StateError
from app.services.actor import Actor
from app.services.stipend_views import EntitlementRow
from app.ui.context import AppContext
from app.ui.formats import fmt_date, fmt_rupiah
from app.ui.i18n import current_language
from app.ui.messages import show_error, show_info
from app.ui.pages.payment_files import PaymentFiles
from app.ui.pages.payment_table import EntitlementModel, TotalsBox, fit_columns
from app.ui.tasks import run_task
from app.ui.widgets import note, row_table

ALL_PERIODS = ""


def danger(button: QPushButton) -> QPushButton:
    """A button that undoes money (red), grey like any other while it cannot be used."""
    button.setObjectName("danger")
    # style.qss's #danger colour would otherwise win over its :disabled grey
    button.setStyleSheet(
        "QPushButton:disabled { color: #9aa5b0; border-color: #d5dce4; background: #f4f6f9; }"
    )
    return button


def shortcut_button(text: str, keys: str, parent: QWidget) -> QPushButton:
    """A button that its shortcut also presses; the tooltip names the keys."""
    button = QPushButton(text, parent)
    button.setAutoDefault(False)
    sequence = QKeySequence(keys)
    button.setShortcut(sequence)
    shown = sequence.toString(QKeySequence.SequenceFormat.NativeText)
    button.setToolTip(f"{text.rstrip('…')} ({shown})")
    return button


class PaymentList(QWidget):
    """Choosers, table, totals and the actions; `refresh()` re-reads the choosers and rows."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.stale = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 8, 8)
        layout.setSpacing(8)
        top = QHBoxLayout()
        # The choosers share what the buttons leave (the window may be narrower than the
        # screen); their lists open as wide as their texts.
        self.cohort = QComboBox()
        self.period = QComboBox()
        for combo, least in ((self.cohort, 200), (self.period, 150)):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
            combo.setMinimumWidth(least)
            combo.view().setMinimumWidth(340)
        cohort_label = QLabel(self.tr("Cohort"))
        cohort_label.setBuddy(self.cohort)
        period_label = QLabel(self.tr("Period"))
        period_label.setBuddy(self.period)
        top.addWidget(cohort_label)
        top.addWidget(self.cohort, 3)
        top.addSpacing(6)
        top.addWidget(period_label)
        top.addWidget(self.period, 2)
        top.addSpacing(12)
        self.compute_button = shortcut_button(self.tr("Recompute"), "Ctrl+R", self)
        self.approve_button = shortcut_button(self.tr("Approve period…"), "Ctrl+Shift+A", self)
        top.addWidget(self.compute_button)
        top.addWidget(self.approve_button)
        layout.addLayout(top)
        self.empty = note("")
        layout.addWidget(self.empty)
        self.model = EntitlementModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        row_table(self.table)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        fit_columns(self.table, self.model)
        layout.addWidget(self.table, 1)
        self.totals = TotalsBox(self)
        layout.addWidget(self.totals)
        actions = QHBoxLayout()
        self.pay_button = shortcut_button(self.tr("Pay…"), "Ctrl+B", self)
        self.pay_button.setObjectName("primary")
        self.reprint_button = shortcut_button(self.tr("Reprint"), "Ctrl+P", self)
        self.reverse_button = shortcut_button(self.tr("Reverse payment…"), "Ctrl+Shift+B", self)
        danger(self.reverse_button)
        for button in (self.pay_button, self.reprint_button, self.reverse_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.files = PaymentFiles(ctx, actor, self)
        self.print_all_button = shortcut_button(
            self.tr("Print all receipts…"), "Ctrl+Shift+P", self
        )
        self.export_button = shortcut_button(
            self.tr("Export register (XLSX)…"), "Ctrl+Shift+E", self
        )
        actions.addWidget(self.print_all_button)
        actions.addWidget(self.export_button)
        layout.addLayout(actions)

        self.cohort.currentIndexChanged.connect(lambda _i: self._cohort_changed())
        self.period.currentIndexChanged.connect(lambda _i: self.load_rows())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        self.table.activated.connect(lambda _i: self._activated())
        self.compute_button.clicked.connect(self.compute)
        self.approve_button.clicked.connect(self.approve_period)
        self.pay_button.clicked.connect(self.pay)
        self.reprint_button.clicked.connect(self.reprint)
        self.reverse_button.clicked.connect(self.reverse)
        self.print_all_button.clicked.connect(
            lambda: self.files.choose_print_all(self.cohort_id(), self.period_key(), self.code())
        )
        self.export_button.clicked.connect(
            lambda: self.files.choose_export(self.cohort_id(), self.period_key(), self.code())
        )

    # -- reading --------------------------------------------------------------------------
    def cohort_id(self) -> str:
        return str(self.cohort.currentData() or "")

    def code(self) -> str:
        return self.cohort.currentText().split(" ", 1)[0]

    def period_key(self) -> str | None:
        return str(self.period.currentData() or "") or None

    def refresh(self) -> None:
        """This office's cohorts that pay stipends (newest first), keeping the choice."""
        from app.services.cohort_lists import list_cohorts

        self.stale = False
        try:
            cohorts = [
                c
                for c in list_cohorts(self.ctx.db, mine_only=True)
                if c.status != cohort_rules.Status.PLANNED.value
            ]
        except Exception as exc:
            show_error(self, exc)
            return
        chosen = self.cohort_id()
        self.cohort.blockSignals(True)
        self.cohort.clear()
        for c in cohorts:
            status = cohort_rules.STATUS_LABELS[cohort_rules.Status(c.status)].render()
            self.cohort.addItem(f"{c.code} — {c.module}", c.id)
            self.cohort.setItemData(
                self.cohort.count() - 1,
                f"{c.module} · {status} · {fmt_date(c.start_date)} – {fmt_date(c.end_date)}",
                Qt.ItemDataRole.ToolTipRole,
            )
        self.cohort.setCurrentIndex(max(self.cohort.findData(chosen), 0))
        self.cohort.blockSignals(False)
        self._cohort_changed(keep_period=True)

    def _cohort_changed(self, keep_period: bool = False) -> None:
        from app.services.entitlements import periods_of

        chosen = self.period_key() if keep_period else None
        self.period.blockSignals(True)
        self.period.clear()
        self.period.addItem(self.tr("Every period"), ALL_PERIODS)
        if self.cohort_id():
            try:
                for p in periods_of(self.ctx.db, self.cohort_id()):
                    self.period.addItem(p.label(current_language()), p.key)
            except Exception as exc:
                show_error(self, exc)
        self.period.setCurrentIndex(max(self.period.findData(chosen or ALL_PERIODS), 0))
        self.period.blockSignals(False)
        self.load_rows()

    def load_rows(self) -> None:
        from app.services.entitlements import list_entitlements

        selected = {r.id for r in self.selected_rows()}
        current = self.table.currentIndex().row()
        rows: list[EntitlementRow] = []
        if self.cohort_id():
            try:
                rows = list_entitlements(
                    self.ctx.db, self.cohort_id(), self.period_key(), current_language()
                )
            except Exception as exc:
                show_error(self, exc)
        self.model.set_rows(rows)
        self.totals.show_rows(rows)
        if not self.cohort_id():
            self.empty.setText(self.tr("This office has no cohort with training days yet."))
        elif not rows:
            self.empty.setText(
                self.tr(
                    "No entitlements yet: Recompute (Ctrl+R) works them out from the attendance."
                )
            )
        self.empty.setVisible(not rows)
        selection = self.table.selectionModel()
        for n, r in enumerate(rows):
            if r.id in selected:
                selection.select(
                    self.model.index(n, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
        if rows and not selected:
            self.table.selectRow(min(max(current, 0), len(rows) - 1))
        self._enable()

    def selected_rows(self) -> list[EntitlementRow]:
        picked = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [r for n in picked if (r := self.model.row_at(n)) is not None]

    def select_rows(self, ids: list[str]) -> None:
        """Select the rows of these entitlements (and only them)."""
        self.table.clearSelection()
        selection = self.table.selectionModel()
        for n, r in enumerate(self.model.rows):
            if r.id in ids:
                selection.select(
                    self.model.index(n, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )

    def _enable(self) -> None:
        rows = self.selected_rows()
        has_cohort = bool(self.cohort_id())
        for button in (self.compute_button, self.approve_button):
            button.setEnabled(has_cohort)
        self.pay_button.setEnabled(bool(rows))
        self.reprint_button.setEnabled(any(r.receipts for r in rows))
        self.reverse_button.setEnabled(len(rows) == 1 and bool(rows[0].receipts))
        self.print_all_button.setEnabled(any(r.receipts for r in self.model.rows))
        self.export_button.setEnabled(bool(self.model.rows))

    def _activated(self) -> None:
        rows = self.selected_rows()
        if rows and all(r.to_pay > 0 for r in rows):
            self.pay()
        elif rows and any(r.receipts for r in rows):
            self.reprint()

    # -- actions --------------------------------------------------------------------------
    def compute(self) -> None:
        from app.services.entitlements import compute
        from app.ui.dialogs.payment_dialogs import ComputeResultDialog

        db, actor, cid = self.ctx.db, self.actor, self.cohort_id()
        if not cid:
            return

        def done(report: Any) -> None:
            self.result_dialog = ComputeResultDialog(report, self)
            self.result_dialog.open()

        self.compute_button.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self._enable()
            show_error(self, exc)

        def finished(report: Any) -> None:
            self._enable()
            done(report)

        run_task(
            lambda _p, _c: compute(db, actor, cid),
            on_done=finished,
            on_error=failed,
            write=True,
            owner=self,
        )

    def approve_period(self) -> Any:
        from app.services.entitlements import approve, period_totals
        from app.ui.dialogs.payment_dialogs import SignedActionDialog

        cid, period = self.cohort_id(), self.period_key()
        if not cid:
            return None
        try:
            t = period_totals(self.ctx.db, cid, period)
        except Exception as exc:
            show_error(self, exc)
            return None
        blocking = []
        if t.unlocked_days:
            blocking.append(
                self.tr("Attendance not approved yet: {days}.").format(
                    days=", ".join(fmt_date(d) for d in t.unlocked_days)
                )
            )
        if t.future_days:
            blocking.append(
                self.tr("Days still to come: {days}.").format(
                    days=", ".join(fmt_date(d) for d in t.future_days)
                )
            )
        if not t.count:
            blocking.append(self.tr("No entitlement is waiting for approval."))
        db = self.ctx.db
        dialog = SignedActionDialog(
            self.ctx,
            self.actor,
            Permission.STIPEND_APPROVE,
            self.tr("Approve period"),
            self.tr(
                "The supervisor approves the whole period at once: these totals, recomputed "
                "from the approved attendance."
            ),
            self.tr("Approve"),
            lambda supervisor, _reason, _choice: approve(db, supervisor, cid, period),
            facts=[
                (self.tr("Cohort"), t.cohort_code),
                (self.tr("Period"), self.period.currentText()),
                (self.tr("People"), str(t.people)),
                (self.tr("Entitlements"), str(t.count)),
                (rules.KIND_LABELS[rules.Kind.TRANSPORT].render(), fmt_rupiah(t.transport)),
                (rules.KIND_LABELS[rules.Kind.POCKET].render(), fmt_rupiah(t.pocket)),
                (self.tr("Total"), fmt_rupiah(t.total)),
            ],
            warning=" ".join(blocking),
            ready=t.count > 0 and (period is None or not (t.unlocked_days or t.future_days)),
            parent=self,
        )
        dialog.open()
        return dialog

    def pay(self) -> Any:
        from app.services.payments import NOT_APPROVED
        from app.ui.dialogs.payment_dialogs import PayDialog

        rows = self.selected_rows()
        if not rows:
            return None
        waiting = [r for r in rows if r.state == rules.State.COMPUTED.value]
        if waiting:
            show_error(self, StateError(NOT_APPROVED))
            return None
        done = [r for r in rows if r.to_pay <= 0]
        if done:
            show_info(
                self,
                self.tr("Already paid"),
                self.tr("{name}: already paid with receipt {number}; it cannot be paid again.")
                .format(name=done[0].name, number=done[0].receipt or "–"),
            )  # fmt: skip
            return None
        dialog = PayDialog(self.ctx, self.actor, rows, self)
        dialog.succeeded.connect(self._paid)
        dialog.open()
        return dialog

    def _paid(self, outcome: Any) -> None:
        numbers = [d.receipt_number for d in outcome.done]
        self.open_preview(numbers)
        if outcome.stopped is not None:
            show_error(self, outcome.stopped)

    def reprint(self) -> Any:
        numbers = [n for r in self.selected_rows() for n in r.receipts]
        return self.open_preview(numbers) if numbers else None

    def open_preview(self, numbers: list[str]) -> Any:
        from app.ui.dialogs.receipt_preview import ReceiptPreviewDialog

        title = self.tr("Receipt") if len(numbers) == 1 else self.tr("Receipts")
        dialog = ReceiptPreviewDialog(
            self.ctx, self.actor, numbers=numbers, title=title, parent=self
        )
        dialog.open()
        self.preview = dialog
        return dialog

    def reverse(self) -> Any:
        from app.services.payments import reverse
        from app.ui.dialogs.payment_dialogs import SignedActionDialog, kind_label

        rows = self.selected_rows()
        if len(rows) != 1 or not rows[0].receipts:
            return None
        r = rows[0]
        db, actor = self.ctx.db, self.actor
        dialog = SignedActionDialog(
            self.ctx,
            actor,
            Permission.PAYMENT_REVERSE,
            self.tr("Reverse payment"),
            self.tr(
                "The money came back, or never left. The receipt keeps its number and is "
                "printed BATAL; the entitlement is owed again."
            ),
            self.tr("Reverse payment"),
            lambda supervisor, reason, number: reverse(db, actor, supervisor, number, reason),
            facts=[
                (self.tr("Name"), r.name),
                (self.tr("Kind"), f"{kind_label(r.kind)} — {r.period_label}"),
                (self.tr("Paid"), fmt_rupiah(r.paid)),
            ],
            choices=list(r.receipts),
            reason=True,
            parent=self,
        )
        dialog.succeeded.connect(self._reversed)
        dialog.open()
        return dialog

    def _reversed(self, done: Any) -> None:
        text = self.tr("Receipt {number} is reversed (BATAL).").format(number=done.receipt_number)
        if done.cash_returned:
            text += " " + self.tr("Cash back in the drawer: {amount}.").format(
                amount=fmt_rupiah(done.cash_returned)
            )
        show_info(self, self.tr("Payment reversed"), text)

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
