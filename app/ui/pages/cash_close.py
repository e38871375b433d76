"""Tutup kas: today's cash at this counter — the receipts by kind and method, the first and
last number, the voided ones, the cash paid out and returned — against the opening cash
(prefilled with what was counted at the last close) and the cash the clerk counts now; the
expected cash and the difference (kurang / lebih / sesuai) follow what is typed. Tutup kas
asks a supervisor to sign (signing in on the spot where needed), then shows the PDF to
print or save. A day already closed shows its figures as they were signed, read only."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
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

from app import formats
from app.domain import stipends as rules
from app.domain.parsing import ParseError, parse_rupiah
from app.domain.roles import Permission
from app.services.actor import Actor
from app.services.stipend_views import CashDay
from app.ui.context import AppContext
from app.ui.dialogs.payment_dialogs import kind_label, short_period
from app.ui.formats import fmt_datetime, fmt_rupiah, fmt_time
from app.ui.i18n import current_language
from app.ui.messages import show_error
from app.ui.pages.payment_list import shortcut_button
from app.ui.pages.payment_table import PROBLEM
from app.ui.widgets import row_table

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
GOOD = "#1e6b3a"
READ_ONLY = "QLineEdit { background: #eef1f4; color: #34495e; }"  # as signed: not for typing


def _money_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    edit.setMaxLength(18)
    edit.setPlaceholderText("0")
    return edit


def _right_header(table: QTableWidget, *columns: int) -> None:
    """Figures' headers over the figures (right-aligned)."""
    for column in columns:
        item = table.horizontalHeaderItem(column)
        if item is not None:
            item.setTextAlignment(RIGHT)


def _amount(edit: QLineEdit) -> int | None:
    try:
        return parse_rupiah(edit.text())
    except ParseError:
        return None


class CashCloseTab(QWidget):
    """See the module docstring; `refresh()` re-reads the day."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.stale = True
        self.summary: CashDay | None = None
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self.preview: Any = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 8, 8)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("section")
        top.addWidget(self.title)
        top.addSpacing(12)
        self.state = QLabel()
        top.addWidget(self.state)
        top.addStretch(1)
        layout.addLayout(top)
        boxes = QHBoxLayout()
        boxes.setSpacing(12)
        boxes.addWidget(self._summary_box(), 3)
        boxes.addWidget(self._cash_box(), 2)
        layout.addLayout(boxes)
        self.lines = QTableWidget(0, 6, self)
        self.lines.setHorizontalHeaderLabels(
            [
                self.tr("Receipt"),
                self.tr("Time"),
                self.tr("Name"),
                self.tr("For"),
                self.tr("Method"),
                self.tr("Amount"),
            ]
        )
        row_table(self.lines)
        _right_header(self.lines, 5)
        self.lines.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.lines.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((170, 60, 190, 370, 120)):
            self.lines.setColumnWidth(column, width)
        layout.addWidget(self.lines, 1)
        self.opening.textChanged.connect(lambda _t: self.update_difference())
        self.counted.textChanged.connect(lambda _t: self.update_difference())
        self.close_button.clicked.connect(self.close_day)
        self.report_button.clicked.connect(self.show_report)

    def _summary_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Today's receipts"))
        column = QVBoxLayout(box)
        self.totals = QTableWidget(0, 4, box)
        self.totals.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Method"), self.tr("Receipts"), self.tr("Amount")]
        )
        row_table(self.totals)
        _right_header(self.totals, 2, 3)
        self.totals.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.totals.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for n, width in enumerate((150, 130, 80)):
            self.totals.setColumnWidth(n, width)
        column.addWidget(self.totals)
        self.numbers = QLabel()
        self.numbers.setWordWrap(True)
        self.voids = QLabel()
        self.voids.setWordWrap(True)
        column.addWidget(self.numbers)
        column.addWidget(self.voids)
        column.addStretch(1)
        return box

    def _cash_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Cash in the drawer"))
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(6)
        self.opening = _money_edit()
        self.counted = _money_edit()
        self.paid_out = QLabel()
        self.returned = QLabel()
        self.expected = QLabel()
        self.difference = QLabel()
        self.difference.setStyleSheet("font-size: 12pt; font-weight: 600;")
        for label in (self.paid_out, self.returned, self.expected):
            label.setAlignment(RIGHT)
        self.difference.setAlignment(RIGHT)
        opening_label = QLabel(self.tr("Opening cash"))
        opening_label.setBuddy(self.opening)
        counted_label = QLabel(self.tr("Cash counted"))
        counted_label.setBuddy(self.counted)
        form.addRow(opening_label, self.opening)
        form.addRow(self.tr("Paid out in cash"), self.paid_out)
        form.addRow(self.tr("Returned (reversals)"), self.returned)
        form.addRow(self.tr("Expected in the drawer"), self.expected)
        form.addRow(counted_label, self.counted)
        form.addRow(self.tr("Difference"), self.difference)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.report_button = QPushButton(self.tr("Cash close report…"))
        self.report_button.setAutoDefault(False)
        self.close_button = shortcut_button(self.tr("Close the cash…"), "Ctrl+Shift+T", box)
        self.close_button.setObjectName("primary")
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.close_button)
        form.addRow(buttons)
        return box

    # -- reading ------------------------------------------------------------------------------
    def day(self) -> date:
        from app.services.providers import today_of

        return today_of(self.ctx.db)

    def refresh(self) -> None:
        from app.services.cash_close import cash_day, opening_default, previous_counted

        self.stale = False
        day = self.day()
        try:
            summary = cash_day(self.ctx.db, day)
            # after a close, what was counted then; before the first, the clerk types it
            first = previous_counted(self.ctx.db, day) is None
            opening = opening_default(self.ctx.db, day)
        except Exception as exc:
            show_error(self, exc)
            return
        self.summary = summary
        self.title.setText(
            self.tr("Counter {counter} — {day}").format(
                counter=summary.counter, day=formats.long_date(day, current_language())
            )
        )
        closed = summary.closed
        if closed is not None:
            self.state.setText(
                self.tr("Closed by {by}, signed by {approver}, {when}").format(
                    by=closed.closed_by,
                    approver=closed.approved_by,
                    when=fmt_datetime(closed.closed_at),
                )
            )
            self.state.setStyleSheet(f"color: {GOOD}; font-weight: 600;")
            self.opening.setText(formats.number(closed.opening))
            self.counted.setText(formats.number(closed.counted))
        else:
            self.state.setText(self.tr("Not closed yet"))
            self.state.setStyleSheet("color: #8a5a00; font-weight: 600;")
            if not self.opening.isModified():
                self.opening.setText("" if first else formats.number(opening))
            self.opening.setPlaceholderText(self.tr("cash received this morning") if first else "0")
        for edit in (self.opening, self.counted):
            edit.setReadOnly(closed is not None)
            edit.setStyleSheet(READ_ONLY if closed is not None else "")
        self.close_button.setVisible(closed is None)
        self.report_button.setVisible(closed is not None)
        self._fill(summary)
        self.update_difference()

    def _fill(self, s: CashDay) -> None:
        methods = {m.value: label.render() for m, label in rules.METHOD_LABELS.items()}
        self.totals.setRowCount(len(s.totals) + 1)
        rows = [
            (kind_label(k), methods.get(m, m), str(n), fmt_rupiah(a)) for k, m, n, a in s.totals
        ]
        rows.append(
            ("", self.tr("Total"), str(s.receipts), fmt_rupiah(s.cash_paid + s.transfer_total))
        )
        header = self.totals.horizontalHeader().sizeHint().height()
        self.totals.setFixedHeight(
            header + len(rows) * self.totals.verticalHeader().defaultSectionSize() + 4
        )
        for n, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column >= 2:
                    item.setTextAlignment(RIGHT)
                if n == len(rows) - 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.totals.setItem(n, column, item)
        if s.first_number:
            self.numbers.setText(
                self.tr("{n} receipts: {first} – {last}").format(
                    n=s.receipts, first=s.first_number, last=s.last_number
                )
            )
        else:
            self.numbers.setText(self.tr("No receipt today."))
        self.voids.setText(
            self.tr("Void: {numbers}").format(numbers=", ".join(s.voids))
            if s.voids
            else self.tr("No void receipt.")
        )
        self.paid_out.setText(fmt_rupiah(-s.cash_paid) if s.cash_paid else fmt_rupiah(0))
        self.returned.setText(fmt_rupiah(s.cash_returned))
        self.lines.setRowCount(len(s.lines))
        for n, line in enumerate(s.lines):
            purpose = f"{kind_label(line.kind)}, {line.cohort_code} {short_period(line.period)}"
            if line.reversal:
                purpose = self.tr("Reversal: {what}").format(what=purpose)
            cells = (
                line.receipt_number + (" " + self.tr("(void)") if line.void else ""),
                fmt_time(line.paid_at),
                line.name,
                purpose,
                methods.get(line.method, line.method),
                fmt_rupiah(line.amount),
            )
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column == 5:
                    item.setTextAlignment(RIGHT)
                if line.reversal or line.void:
                    item.setForeground(QBrush(PROBLEM))
                self.lines.setItem(n, column, item)

    # -- figures as the clerk types ------------------------------------------------------------
    def expected_cash(self) -> int | None:
        """Opening cash, less what was paid out, plus what came back (None: no opening)."""
        opening = _amount(self.opening)
        if self.summary is None or opening is None:
            return None
        return opening - self.summary.cash_paid + self.summary.cash_returned

    def update_difference(self) -> None:
        expected = self.expected_cash()
        self.expected.setText("–" if expected is None else fmt_rupiah(expected))
        below = expected is not None and expected < 0
        self.expected.setStyleSheet(f"color: {PROBLEM.name()};" if below else "")
        counted = _amount(self.counted)
        if not self.opening.text().strip():
            self.difference.setText(self.tr("type the opening cash first"))
            self.difference.setStyleSheet("color: #5b6875;")
            return
        if expected is None or (counted is None and self.counted.text().strip()):
            self.difference.setText(self.tr("write whole rupiah, e.g. 1.500.000"))
            self.difference.setStyleSheet(f"color: {PROBLEM.name()};")
            return
        if counted is None:
            self.difference.setText(self.tr("count the cash and type it in"))
            self.difference.setStyleSheet("color: #5b6875;")
            return
        gap = counted - expected
        if gap < 0:
            text, colour = (
                self.tr("short by {amount}").format(amount=fmt_rupiah(-gap)),
                PROBLEM.name(),
            )
        elif gap > 0:
            text, colour = self.tr("over by {amount}").format(amount=fmt_rupiah(gap)), "#8a5a00"
        else:
            text, colour = self.tr("matches"), GOOD
        self.difference.setText(text)
        self.difference.setStyleSheet(f"color: {colour}; font-size: 12pt; font-weight: 600;")

    # -- closing ------------------------------------------------------------------------------
    def close_day(self) -> Any:
        from app.services.cash_close import close_day
        from app.ui.dialogs.payment_dialogs import SignedActionDialog

        if self.summary is None or self.summary.closed is not None:
            return None
        opening, counted = _amount(self.opening), _amount(self.counted)
        if opening is None or counted is None:
            edit = self.counted if opening is not None else self.opening
            edit.setFocus()
            self.update_difference()
            return None
        expected = opening - self.summary.cash_paid + self.summary.cash_returned
        db, actor, day = self.ctx.db, self.actor, self.summary.day
        dialog = SignedActionDialog(
            self.ctx,
            actor,
            Permission.CASH_APPROVE,
            self.tr("Close the cash"),
            self.tr(
                "After the close this counter records no more payments today. The "
                "supervisor signs the figures as they are, difference included."
            ),
            self.tr("Close the cash"),
            lambda supervisor, _r, _c: close_day(db, actor, supervisor, day, opening, counted),
            facts=[
                (self.tr("Receipts"), str(self.summary.receipts)),
                (self.tr("Opening cash"), fmt_rupiah(opening)),
                (self.tr("Expected in the drawer"), fmt_rupiah(expected)),
                (self.tr("Cash counted"), fmt_rupiah(counted)),
                (self.tr("Difference"), self.difference.text()),
            ],
            parent=self,
        )
        dialog.succeeded.connect(lambda _row: self.show_report())
        dialog.open()
        return dialog

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def show_report(self) -> None:
        """The signed cash close as a PDF, in the preview (print or save it there)."""
        from app.services.receipt_documents import cash_close_pdf
        from app.ui.dialogs.receipt_preview import ReceiptPreviewDialog
        from app.ui.tasks import run_task

        db, actor, day = self.ctx.db, self.actor, self.day()
        if self._folder is None:  # removed with the tab
            self._folder = tempfile.TemporaryDirectory(
                prefix="loket-cash-", ignore_cleanup_errors=True
            )
        folder = Path(self._folder.name)
        counter = self.summary.counter if self.summary else "loket"
        out = folder / f"tutup-kas-{counter}-{day.isoformat()}.pdf"

        def done(path: Path) -> None:
            self.preview = ReceiptPreviewDialog(
                self.ctx, actor, document=path, title=self.tr("Cash close"), parent=self
            )
            self.preview.open()

        run_task(
            lambda _p, _c: cash_close_pdf(db, actor, day, out),
            on_done=done,
            on_error=self._failed,
            owner=self,
        )
