"""Files of the Pembayaran page, written off the UI thread: every receipt of a cohort (one
period, or all) printed into one PDF with a progress bar fed by the printing itself, then
shown in the preview to send to the printer; and the payment register as XLSX.

The window stays responsive meanwhile: the work runs on the writer thread (the prints are
recorded), the progress dialog only reports it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.messages import show_error, show_info
from app.ui.tasks import Task, run_task


def _stem(code: str, period: str | None) -> str:
    return code.replace("/", "-") + (f"-{period}" if period else "")


class PaymentFiles(QObject):
    """The batch print and the register export of the page `owner`."""

    def __init__(self, ctx: AppContext, actor: Actor, owner: QWidget) -> None:
        super().__init__(owner)
        self.ctx, self.actor, self.owner = ctx, actor, owner
        self.progress: QProgressDialog | None = None
        self.task: Task | None = None
        self.steps: list[tuple[int, int]] = []  # what the printing reported, in order

    # -- every receipt into one PDF ------------------------------------------------------------
    def choose_print_all(self, cohort_id: str, period: str | None, code: str) -> None:
        if not cohort_id:
            return
        suggested = Path.home() / f"kuitansi-{_stem(code, period)}.pdf"
        path, _filter = QFileDialog.getSaveFileName(
            self.owner, self.tr("Print all receipts into"), str(suggested), "PDF (*.pdf)"
        )
        if path:
            self.print_all_to(cohort_id, period, Path(path))

    def print_all_to(self, cohort_id: str, period: str | None, out: Path) -> QProgressDialog:
        """Start printing; the progress dialog shows until the file is written."""
        from app.services.receipt_documents import print_cohort_receipts

        progress = QProgressDialog(self.owner)
        progress.setWindowTitle(self.tr("Print all receipts"))
        progress.setLabelText(self.tr("Recording the prints…"))
        progress.setCancelButton(None)  # the prints are recorded first: nothing to undo
        progress.setRange(0, 0)
        progress.setMinimumDuration(0)
        progress.setMinimumWidth(420)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.show()
        self.progress = progress
        self.steps = []
        db, actor = self.ctx.db, self.actor

        def step(done: int, total: int) -> None:
            self.steps.append((done, total))
            progress.setRange(0, total)
            progress.setValue(done)
            progress.setLabelText(
                self.tr("Receipt {done} of {total}…").format(done=done, total=total)
            )

        def finished(result: Any) -> None:
            progress.close()
            self.task = None
            self._show_batch(result)

        def failed(exc: BaseException) -> None:
            progress.close()
            self.task = None
            show_error(self.owner, exc)

        self.task = run_task(
            lambda report, _c: print_cohort_receipts(
                db, actor, cohort_id, out, one_file=True, period=period, progress=report
            ),
            on_done=finished,
            on_error=failed,
            on_progress=step,
            write=True,
            owner=self.owner,
        )
        return progress

    def _show_batch(self, printed: Any) -> None:
        from app.ui.dialogs.receipt_preview import ReceiptPreviewDialog

        (path,) = printed.paths
        title = self.tr("{n} receipts ({copies} copies)").format(
            n=len(printed.numbers), copies=printed.copies
        )
        dialog = ReceiptPreviewDialog(
            self.ctx, self.actor, document=Path(path), title=title, parent=self.owner
        )
        dialog.open()
        self.preview = dialog

    def _failed(self, exc: BaseException) -> None:
        show_error(self.owner, exc)

    # -- the payment register ----------------------------------------------------------------------
    def choose_export(self, cohort_id: str, period: str | None, code: str) -> None:
        if not cohort_id:
            return
        suggested = Path.home() / f"register-pembayaran-{_stem(code, period)}.xlsx"
        path, _filter = QFileDialog.getSaveFileName(
            self.owner, self.tr("Export the payment register"), str(suggested), "Excel (*.xlsx)"
        )
        if path:
            self.export_to(cohort_id, period, Path(path))

    def export_to(self, cohort_id: str, period: str | None, out: Path) -> None:
        from app.services.payment_register import payment_register

        db, actor = self.ctx.db, self.actor

        def done(register: Any) -> None:
            show_info(
                self.owner,
                self.tr("Payment register"),
                self.tr("{rows} lines of {code} were written to {path}.").format(
                    rows=register.rows, code=register.cohort_code, path=register.path
                ),
            )

        run_task(
            lambda _p, _c: payment_register(db, actor, cohort_id, out, period),
            on_done=done,
            on_error=self._failed,
            write=True,
            owner=self.owner,
        )
