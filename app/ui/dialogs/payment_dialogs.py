"""Dialogs of the Pembayaran page: what a recomputation changed, paying one or several
entitlements, and a money decision a supervisor signs (approving a period, reversing a
payment, writing off an overpayment, closing the cash).

Where the signed-in person may not take the decision (a counter clerk), a supervisor signs
in on the spot, in the dialog itself: the sign-in and the decision run in one task, and the
supervisor's name goes with the decision and into the audit log. A refusal is shown under
the field it names (the reference, the reason, the username or password).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import stipends as rules
from app.domain.roles import Permission, can
from app.errors import LoketError, PermissionDenied
from app.services.actor import Actor
from app.services.stipend_views import ComputeReport, EntitlementRow, PaymentDone
from app.texts import Text
from app.ui.context import AppContext
from app.ui.dialogs.base import FormDialog
from app.ui.formats import fmt_rupiah
from app.ui.forms import password_edit
from app.ui.tasks import TaskFn
from app.ui.widgets import note, row_table

NOT_SUPERVISOR = Text(
    "{name} bukan supervisor; yang masuk di sini harus seorang supervisor.",
    "{name} is not a supervisor; a supervisor must sign in here.",
)
WARNING = QColor("#a4420c")


def kind_label(kind: str) -> str:
    return rules.KIND_LABELS[rules.Kind(kind)].render()


def short_period(key: str) -> str:
    """W3 -> "Minggu ke-3", ALL -> "Seluruh angkatan" (the full label is the tooltip)."""
    from PySide6.QtCore import QCoreApplication

    if key == rules.WHOLE:
        return QCoreApplication.translate("payments", "Whole cohort")
    return QCoreApplication.translate("payments", "Week {n}").format(n=key[1:])


def _sign_in(db: Any, username: str, password: str, permission: Permission) -> Actor:
    """A supervisor's sign-in on this PC (worker thread); refused for anyone else."""
    from app.services.auth import login

    supervisor = login(db, username, password).actor
    if not can(supervisor.role, permission):
        raise PermissionDenied(NOT_SUPERVISOR, field="username", name=supervisor.username)
    return supervisor


def _focus_main_button(dialog: FormDialog) -> None:
    """A dialog with nothing to type starts on its main button (Enter takes it)."""
    if dialog.errors.first_input() is None:
        dialog.ok_button.setFocus()


class SignedActionDialog(FormDialog):
    """Facts to read, optionally which receipt and a reason, and the supervisor's sign-in
    where the signed-in person lacks `permission`; then `action(supervisor, reason, choice)`
    off the UI thread.

    Signals:
        succeeded(object): what `action` returned.
    """

    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        permission: Permission,
        title: str,
        intro: str,
        button: str,
        action: Callable[[Actor, str, str], Any],
        *,
        facts: Sequence[tuple[str, str]] = (),
        warning: str = "",
        choices: Sequence[str] = (),
        reason: bool = False,
        ready: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.permission, self._action = ctx, actor, permission, action
        self.setWindowTitle(title)
        self.set_intro(intro)
        self.facts: dict[str, QLabel] = {}
        for label, value in facts:
            shown = QLabel(value)
            shown.setStyleSheet("font-weight: 600;")
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(label, shown)
            self.facts[label] = shown
        self.warning = QLabel(warning, self)  # a parent before setVisible: never a window
        self.warning.setObjectName("notice")
        self.warning.setWordWrap(True)
        self.warning.setVisible(bool(warning))
        self.form.addRow(self.warning)
        self.choice: QComboBox | None = None
        if len(choices) > 1:
            self.choice = QComboBox()
            for item in choices:
                self.choice.addItem(item, item)
            self.errors.add_row(self.form, self.tr("Receipt"), "choice", self.choice)
        elif choices:
            self.form.addRow(self.tr("Receipt"), QLabel(choices[0]))
        self._only_choice = choices[0] if len(choices) == 1 else ""
        self.reason: QLineEdit | None = None
        if reason:
            self.reason = QLineEdit()
            self.reason.setMaxLength(300)
            self.errors.add_row(self.form, self.tr("Reason"), "reason", self.reason)
        self.needs_supervisor = not can(actor.role, permission)
        self.username = QLineEdit()
        self.password = password_edit()
        if self.needs_supervisor:
            self.errors.add_row(
                self.form,
                self.tr("Supervisor's username"),
                "username",
                self.username,
                self.tr("A supervisor signs in here to take this decision."),
            )
            self.errors.add_row(self.form, self.tr("Password"), "password", self.password)
        self.ok_button.setText(button)
        self._ready = ready
        self.ok_button.setEnabled(ready)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        _focus_main_button(self)

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        self.ok_button.setEnabled(self._ready and not busy)

    def work(self) -> TaskFn | None:
        if self.needs_supervisor and not self.username.text().strip():
            self.errors.set("username", self.tr("Type the supervisor's username."))
            return None
        db, actor, permission, action = self.ctx.db, self.actor, self.permission, self._action
        needed, username, password = (
            self.needs_supervisor,
            self.username.text(),
            self.password.text(),
        )
        reason = self.reason.text() if self.reason is not None else ""
        choice = str(self.choice.currentData()) if self.choice is not None else self._only_choice

        def run(_p: Any, _c: Any) -> Any:
            supervisor = _sign_in(db, username, password, permission) if needed else actor
            return action(supervisor, reason, choice)

        return run


@dataclass(frozen=True)
class PayOutcome:
    """What a payment of several entitlements did: the receipts, and the refusal that
    stopped it part way (the ones before it are paid)."""

    done: tuple[PaymentDone, ...]
    stopped: LoketError | None = None


class PayDialog(FormDialog):
    """Pay the approved entitlements chosen on the page, by cash or bank transfer.

    Signals:
        succeeded(object): a PayOutcome.
    """

    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        rows: Sequence[EntitlementRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.rows = ctx, actor, list(rows)
        self.total = sum(r.to_pay for r in self.rows)
        people = len({r.participant_id for r in self.rows})
        self.setWindowTitle(self.tr("Pay"))
        if len(self.rows) == 1:
            r = self.rows[0]
            self.set_intro(
                self.tr("{kind} for {name}, {period}.").format(
                    kind=kind_label(r.kind), name=r.name, period=r.period_label
                )
            )
        else:
            self.set_intro(
                self.tr("{n} entitlements of {people} people; one receipt for each.").format(
                    n=len(self.rows), people=people
                )
            )
            self.form.addRow(self._rows_table())
        self.total_label = QLabel(fmt_rupiah(self.total))
        self.total_label.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.form.addRow(self.tr("Total"), self.total_label)
        self.method = QComboBox()
        for method, label in rules.METHOD_LABELS.items():
            self.method.addItem(label.render(), method.value)
        self.reference = QLineEdit()
        self.reference.setMaxLength(64)
        self.reference.setPlaceholderText(self.tr("as printed on the bank's transfer slip"))
        self.errors.add_row(self.form, self.tr("Method"), "method", self.method)
        self.errors.add_row(self.form, self.tr("Reference number"), "reference", self.reference)
        self.form.addRow(
            note(
                self.tr(
                    "An overpayment the person still owes is kept back from this payment; "
                    "the receipt shows it."
                )
            )
        )
        self.method.currentIndexChanged.connect(lambda _i: self._method_changed())
        self._method_changed()
        self.ok_button.setText(self.tr("Pay {amount}").format(amount=fmt_rupiah(self.total)))

    def _rows_table(self) -> QTableWidget:
        table = QTableWidget(len(self.rows), 4)
        table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Kind"), self.tr("Period"), self.tr("Amount")]
        )
        row_table(table)
        table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for n, r in enumerate(self.rows):
            values = (r.name, kind_label(r.kind), short_period(r.period), fmt_rupiah(r.to_pay))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(n, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        shown = min(6, len(self.rows))  # more scroll
        row = table.verticalHeader().defaultSectionSize()
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + shown * row + 4)
        return table

    def _method_changed(self) -> None:
        transfer = self.method.currentData() == rules.Method.TRANSFER.value
        self.reference.setEnabled(transfer)
        if not transfer:
            self.reference.clear()

    def work(self) -> TaskFn | None:
        from app.services.payments import pay

        db, actor = self.ctx.db, self.actor
        ids = [r.id for r in self.rows]
        method, reference = str(self.method.currentData()), self.reference.text()

        def run(_p: Any, _c: Any) -> PayOutcome:
            done: list[PaymentDone] = []
            for eid in ids:
                try:
                    done.append(pay(db, actor, eid, method, reference or None))
                except LoketError as exc:
                    if not done:
                        raise
                    return PayOutcome(tuple(done), exc)
            return PayOutcome(tuple(done))

        return run


class ComputeResultDialog(QDialog):
    """What a recomputation did: how many entitlements are new, changed or the same, each
    change with its old and new amount, and the paid ones that turned out too high."""

    def __init__(self, report: ComputeReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recompute"))
        self.setMinimumWidth(680)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        summary = QLabel(
            self.tr("{code}: {created} new, {changed} changed, {unchanged} unchanged.").format(
                code=report.cohort_code,
                created=report.created,
                changed=report.changed,
                unchanged=report.unchanged,
            )
        )
        summary.setObjectName("section")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        if not report.changes:
            layout.addWidget(
                note(self.tr("Every entitlement already matches the attendance: nothing changed."))
            )
        self.table = QTableWidget(len(report.changes), 6, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Kind"),
                self.tr("Period"),
                self.tr("Before"),
                self.tr("Now"),
                self.tr("Note"),
            ]
        )
        row_table(self.table)
        for n, change in enumerate(report.changes):
            values = (
                change.name,
                kind_label(change.kind),
                short_period(change.period),
                self.tr("new") if change.old is None else fmt_rupiah(change.old),
                fmt_rupiah(change.new),
                change.note,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column in (3, 4):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if change.note and column == 5:
                    item.setForeground(QBrush(WARNING))
                self.table.setItem(n, column, item)
        for column, width in enumerate((180, 120, 100, 100, 100)):
            self.table.setColumnWidth(column, width)
        self.table.setVisible(bool(report.changes))
        row = self.table.verticalHeader().defaultSectionSize()
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setMinimumHeight(header + min(8, len(report.changes)) * row + 4)
        layout.addWidget(self.table, 1)
        self.overpaid = QLabel(
            self.tr(
                "{n} paid entitlements turned out too high: the overpayment is on the "
                "Overpayments tab, to be kept back from a later payment or written off."
            ).format(n=len(report.overpaid)),
            self,
        )
        self.overpaid.setObjectName("notice")
        self.overpaid.setWordWrap(True)
        self.overpaid.setVisible(bool(report.overpaid))
        layout.addWidget(self.overpaid)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("primary")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.close_button.setFocus()
