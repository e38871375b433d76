"""A certificate shown inside the window, printed or saved like a receipt.

The receipt preview (app.ui.dialogs.receipt_preview) already does everything a certificate
needs — QtPdf view, Cetak… through the system's print dialog, Simpan PDF…, the dialog
held open while a print is recorded — so this only swaps the two service calls: the
preview is `preview_certificate` (nothing recorded; it shows the next print, the original
or SALINAN with its count) and Cetak…/Simpan PDF… go through `print_certificate`, which
records the print before its PDF is written. Given a PDF file instead (a batch already
recorded), it shows, prints and copies that file as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.dialogs.receipt_preview import ReceiptPreviewDialog


class CertificatePreviewDialog(ReceiptPreviewDialog):
    """Give `numbers` (issued certificates, by number) or `document` (a PDF file).

    Signals:
        recorded(object): the certificate numbers whose print was just recorded.
    """

    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        *,
        numbers: Sequence[str] = (),
        document: Path | None = None,
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ctx,
            actor,
            numbers=numbers,
            document=document,
            title=title or QCoreApplication.translate("CertificatePreviewDialog", "Certificate"),
            parent=parent,
        )
        self.resize(960, 640)  # A4 landscape: wider than a receipt
        if self.numbers:
            self.hint.setText(
                self.tr("Preview: nothing is recorded until the certificate is printed or saved.")
            )

    def show_receipt(self, index: int) -> None:
        """Preview the certificate at `index` (off the UI thread; nothing recorded)."""
        from app.services.certificate_documents import preview_certificate

        if not 0 <= index < len(self.numbers):
            return
        self.index = index
        number = self.numbers[index]
        if len(self.numbers) > 1:
            self.caption.setText(
                self.tr("Certificate {n} of {total}: {number}").format(
                    n=index + 1, total=len(self.numbers), number=number
                )
            )
        else:
            self.caption.setText(number)
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index + 1 < len(self.numbers))
        self._previews += 1
        out = Path(self._folder.name) / f"preview-{self._previews}.pdf"
        db, actor = self.ctx.db, self.actor
        self._run(
            lambda _p, _c: preview_certificate(db, actor, number, out), self._load, write=False
        )

    def choose_save(self) -> None:
        if self.busy():
            return
        if len(self.numbers) > 1:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Save the certificates in"))
            if folder:
                self.save_to(Path(folder))
            return
        from app.services.certificate_documents import file_name

        if self.numbers:
            suggested = file_name(self.numbers[0])
        else:
            suggested = self.source.name if self.source is not None else "sertifikat.pdf"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save PDF"), str(Path.home() / suggested), "PDF (*.pdf)"
        )
        if path:
            self.save_to(Path(path))

    def _record(
        self,
        then: Any,
        numbers: Sequence[str],
        folder: Path | None,
        single: Path | None = None,
    ) -> None:
        """`print_certificate` for each number (one recorded print each, on the writer
        thread) into `folder` (or the file `single`), then `then(paths)` and a fresh
        preview (the next print is a SALINAN)."""
        from app.services.certificate_documents import file_name, print_certificate

        db, actor, wanted = self.ctx.db, self.actor, list(numbers)

        def work(_p: Any, _c: Any) -> list[Path]:
            paths: list[Path] = []
            for number in wanted:
                out = single if single is not None else (folder or Path()) / file_name(number)
                paths.extend(print_certificate(db, actor, number, out).paths)
            return paths

        def done(paths: list[Path]) -> None:
            self.recorded.emit(wanted)
            then(paths)
            self.show_receipt(self.index)

        self._run(work, done, write=True)
