"""Printing a cohort's certificates from the Sertifikat page, off the UI thread.

`print_certificates` issues the missing certificates and records every print in one
transaction, then draws the PDFs, reporting each page; a progress dialog follows it while
the window stays usable. One file opens in the preview to send to the printer (already
recorded: printed as it is); one file per person ends with where they are."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QProgressDialog, QWidget

from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.messages import show_error, show_info
from app.ui.tasks import Task, run_task


def stem(code: str) -> str:
    return "sertifikat-" + code.replace("/", "-")


class CertificateFiles(QObject):
    """The batch print of the page `owner`; `steps` keeps what the printing reported."""

    def __init__(self, ctx: AppContext, actor: Actor, owner: QWidget) -> None:
        super().__init__(owner)
        self.ctx, self.actor, self.owner = ctx, actor, owner
        self.progress: QProgressDialog | None = None
        self.task: Task | None = None
        self.steps: list[tuple[int, int]] = []
        self.preview: Any = None
        self.options: Any = None

    def choose(
        self, cohort_id: str, code: str, selected: Sequence[str], total: int, missing: int
    ) -> Any:
        """Ask whose and how (CertificatePrintDialog), then where; then print."""
        from app.ui.dialogs.certificate_print import SELECTED, CertificatePrintDialog

        dialog = CertificatePrintDialog(code, len(selected), total, missing, self.owner)
        wanted = list(selected)

        def chosen(result: int) -> None:
            if result != QDialog.DialogCode.Accepted:
                return
            ids = wanted if dialog.which() == SELECTED else None
            self.choose_target(cohort_id, code, dialog.one_file(), ids)

        dialog.finished.connect(chosen)
        dialog.open()
        self.options = dialog
        return dialog

    def choose_target(
        self, cohort_id: str, code: str, one_file: bool, enrollment_ids: list[str] | None
    ) -> None:
        if one_file:
            path, _filter = QFileDialog.getSaveFileName(
                self.owner,
                self.tr("Print the certificates into"),
                str(Path.home() / f"{stem(code)}.pdf"),
                "PDF (*.pdf)",
            )
        else:
            path = QFileDialog.getExistingDirectory(
                self.owner, self.tr("Save one PDF per person in"), str(Path.home())
            )
        if path:
            self.print_to(cohort_id, Path(path), one_file=one_file, enrollment_ids=enrollment_ids)

    def print_to(
        self,
        cohort_id: str,
        out: Path,
        *,
        one_file: bool,
        enrollment_ids: list[str] | None = None,
    ) -> QProgressDialog:
        """Start printing; the progress dialog shows until the files are written."""
        from app.services.certificate_documents import print_certificates

        progress = QProgressDialog(self.owner)
        progress.setWindowTitle(self.tr("Print certificates"))
        progress.setLabelText(self.tr("Issuing and recording the certificates…"))
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
                self.tr("Certificate {done} of {total}…").format(done=done, total=total)
            )

        def finished(result: Any) -> None:
            progress.close()
            self.task = None
            self._show(result, out, one_file)

        def failed(exc: BaseException) -> None:
            progress.close()
            self.task = None
            show_error(self.owner, exc)

        self.task = run_task(
            lambda report, _c: print_certificates(
                db,
                actor,
                cohort_id,
                out,
                one_file=one_file,
                enrollment_ids=enrollment_ids,
                progress=report,
            ),
            on_done=finished,
            on_error=failed,
            on_progress=step,
            write=True,
            owner=self.owner,
        )
        return progress

    def _show(self, printed: Any, out: Path, one_file: bool) -> None:
        from app.ui.dialogs.certificate_preview import CertificatePreviewDialog

        summary = self.tr("{n} certificates: {issued} newly issued, {copies} copies.").format(
            n=len(printed.numbers), issued=printed.issued, copies=printed.copies
        )
        if not one_file:
            show_info(
                self.owner,
                self.tr("Certificates saved"),
                summary + " " + self.tr("One PDF each in {folder}.").format(folder=out),
            )
            return
        (path,) = printed.paths
        dialog = CertificatePreviewDialog(
            self.ctx, self.actor, document=Path(path), title=summary, parent=self.owner
        )
        dialog.open()
        self.preview = dialog
