"""A receipt (kuitansi), or another PDF of the program, shown inside the window (QtPdf), with
Cetak… (the system's print dialog), Simpan PDF… and Tutup.

Receipts: the preview is `preview_receipt` into a temporary file and records nothing; it
shows what the next print will be (the original, or SALINAN with its count). Printing or
saving is a print: `print_receipt` records it first (after its commit the PDF is written),
then the recorded PDF's pages are painted on the printer or the file is where the clerk
chose; the preview is then drawn again (SALINAN from now on). Several receipts (a payment
of several entitlements) are shown one at a time, printed together, and saved one PDF each
into a folder.

Any other PDF (the cash close, a batch of receipts already recorded): shown, printed and
copied as it is.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QCloseEvent, QImage, QPageLayout, QPageSize, QPainter, QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.forms import error_label
from app.ui.messages import error_text, report
from app.ui.tasks import run_task
from app.ui.widgets import busy_bar, note

# Pages are drawn for the printer at most this sharp: a 1200 dpi A4 page would be a
# half-gigabyte image, and a receipt's text is as readable at 300.
PRINT_DPI = 300


def paint_pdfs(printer: QPrinter, paths: Sequence[Path]) -> int:
    """Paint every page of `paths` on `printer`, each scaled to fit its page; returns how
    many pages were painted."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    pages = 0
    try:
        for path in paths:
            document = QPdfDocument()
            document.load(str(path))
            for page in range(document.pageCount()):
                if pages:
                    printer.newPage()
                _paint_page(painter, printer, document, page)
                pages += 1
            document.close()
    finally:
        painter.end()
    return pages


def _paint_page(painter: QPainter, printer: QPrinter, document: QPdfDocument, page: int) -> None:
    points = document.pagePointSize(page)
    area = painter.viewport()
    dpi = min(printer.resolution(), PRINT_DPI)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    image: QImage = document.render(page, size)
    scale = min(area.width() / max(size.width(), 1), area.height() / max(size.height(), 1))
    width, height = round(size.width() * scale), round(size.height() * scale)
    painter.drawImage(QRect(area.x(), area.y(), width, height), image)


def fit_printer(printer: QPrinter, document: QPdfDocument) -> None:
    """The printer's paper as the document's first page: A5 landscape for a receipt."""
    if document.pageCount() < 1:
        return
    points = document.pagePointSize(0)
    portrait = QSizeF(min(points.width(), points.height()), max(points.width(), points.height()))
    printer.setPageSize(
        QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    )
    landscape = points.width() > points.height()
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )


class ReceiptPreviewDialog(QDialog):
    """See the module docstring. Give `numbers` (receipts) or `document` (a PDF file).

    Signals:
        recorded(object): the receipt numbers whose print was just recorded.
    """

    recorded = Signal(object)

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
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.numbers = list(numbers)
        self.source = document
        self.index = 0
        self.shown: Path | None = None
        self._busy = False  # recording a print: the dialog stays open until it is done
        self._tasks = 0
        self._closed = False
        self._previews = 0
        self._folder = tempfile.TemporaryDirectory(
            prefix="loket-preview-", ignore_cleanup_errors=True
        )
        self.setWindowTitle(title or self.tr("Receipt"))
        self.resize(860, 600)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.caption = QLabel()
        self.caption.setObjectName("section")
        top.addWidget(self.caption, 1)
        self.previous_button = QPushButton(self.tr("◀ Previous"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        for button in (self.previous_button, self.next_button):
            button.setAutoDefault(False)
            top.addWidget(button)
            if len(self.numbers) < 2:  # hidden before shown: never a window of its own
                button.hide()
        layout.addLayout(top)
        self.hint = note(
            self.tr("Preview: nothing is recorded until the receipt is printed or saved.")
            if self.numbers
            else "",
            self,
        )
        self.hint.setVisible(bool(self.numbers))
        layout.addWidget(self.hint)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        layout.addWidget(self.view, 1)
        self.status = QLabel()
        self.status.setObjectName("saved")
        self.status.setWordWrap(True)
        self.status.setVisible(False)
        layout.addWidget(self.status)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.busy_bar = busy_bar(self)
        layout.addWidget(self.busy_bar)
        buttons = QHBoxLayout()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        self.save_button = QPushButton(self.tr("Save PDF…"))
        self.save_button.setAutoDefault(False)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("primary")
        self.print_button.setDefault(True)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        layout.addLayout(buttons)
        self.close_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.choose_save)
        self.print_button.clicked.connect(self.choose_printer)
        self.previous_button.clicked.connect(lambda: self.show_receipt(self.index - 1))
        self.next_button.clicked.connect(lambda: self.show_receipt(self.index + 1))
        self.finished.connect(lambda _r: self._clean_up())
        if self.numbers:
            self.show_receipt(0)
        elif document is not None:
            self._load(document)
            self.caption.setText(document.name)

    # -- showing ----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.print_button.setFocus()

    def show_receipt(self, index: int) -> None:
        """Preview the receipt at `index` of the batch (off the UI thread; nothing recorded)."""
        from app.services.receipt_documents import preview_receipt

        if not 0 <= index < len(self.numbers):
            return
        self.index = index
        number = self.numbers[index]
        if len(self.numbers) > 1:
            self.caption.setText(
                self.tr("Receipt {n} of {total}: {number}").format(
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
        self._run(lambda _p, _c: preview_receipt(db, actor, number, out), self._load, write=False)

    def _load(self, path: Path) -> None:
        self.document.close()
        self.document.load(str(path))
        self.shown = path
        single = self.document.pageCount() == 1  # one receipt: whole, without a scroll bar
        self.view.setPageMode(
            QPdfView.PageMode.SinglePage if single else QPdfView.PageMode.MultiPage
        )
        # the page fits in view; QPdfView still offers a few pixels of scrolling
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            if single
            else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        self.view.setVerticalScrollBarPolicy(policy)
        self.view.setHorizontalScrollBarPolicy(policy)

    # -- printing and saving ------------------------------------------------------------------
    def choose_printer(self) -> None:
        """The system's print dialog; printing starts once the clerk confirms it."""
        if self.busy():
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        fit_printer(printer, self.document)
        dialog = QPrintDialog(printer, self)
        # exec: the system's own dialog on Windows is shown only that way
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Record the prints (receipts), then paint the recorded PDFs on `printer`."""
        if self.busy():
            return
        if self.numbers:
            self._record(
                lambda paths: self._painted(printer, paths), self.numbers, Path(self._folder.name)
            )
        elif self.source is not None:
            self._painted(printer, [self.source])

    def _painted(self, printer: QPrinter, paths: Sequence[Path]) -> None:
        try:
            pages = paint_pdfs(printer, paths)
        except Exception as exc:
            self._failed(exc)
            return
        self._say(self.tr("Sent to the printer: {n} pages.").format(n=pages))

    def choose_save(self) -> None:
        if self.busy():
            return
        if len(self.numbers) > 1:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Save the receipts in"))
            if folder:
                self.save_to(Path(folder))
            return
        name = self.numbers[0] if self.numbers else (self.source.name if self.source else "")
        suggested = Path.home() / _file_name(name)
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save PDF"), str(suggested), "PDF (*.pdf)"
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, target: Path) -> None:
        """Save as PDF: a receipt to the file `target` (several: one PDF each into the folder
        `target`), recording the print; another PDF copied as it is."""
        if self.busy():
            return
        if self.numbers:
            folder = target if len(self.numbers) > 1 else None

            def saved(paths: list[Path]) -> None:
                where = str(folder) if folder is not None else str(paths[0])
                self._say(self.tr("Saved: {path}").format(path=where))

            self._record(saved, self.numbers, folder, single=target if folder is None else None)
        elif self.source is not None:
            try:
                shutil.copyfile(self.source, target)
            except OSError as exc:
                self._failed(exc)
                return
            self._say(self.tr("Saved: {path}").format(path=target))

    def _record(
        self,
        then: Any,
        numbers: Sequence[str],
        folder: Path | None,
        single: Path | None = None,
    ) -> None:
        """`print_receipt` for each number (one recorded print each, on the writer thread)
        into `folder` (or the file `single`), then `then(paths)` and a fresh preview."""
        from app.services.receipt_documents import file_name, print_receipt

        db, actor, wanted = self.ctx.db, self.actor, list(numbers)

        def work(_p: Any, _c: Any) -> list[Path]:
            paths: list[Path] = []
            for number in wanted:
                out = single if single is not None else (folder or Path()) / file_name(number)
                paths.extend(print_receipt(db, actor, number, out).paths)
            return paths

        def done(paths: list[Path]) -> None:
            self.recorded.emit(wanted)
            then(paths)
            self.show_receipt(self.index)  # the next print is a SALINAN

        self._run(work, done, write=True)

    # -- plumbing -------------------------------------------------------------------------------
    def _run(self, fn: Any, on_done: Any, *, write: bool) -> None:
        """`fn` off the UI thread; a write (recording prints) holds the dialog open until
        it is done, a preview does not (its answer is dropped once the dialog is closed)."""
        self._set_busy(True, write)

        def finished(result: Any) -> None:
            self._set_busy(False, write)
            if not self._closed:
                on_done(result)

        def failed(exc: BaseException) -> None:
            self._set_busy(False, write)
            if not self._closed:
                self._failed(exc)

        run_task(fn, on_done=finished, on_error=failed, write=write, owner=self)

    def _set_busy(self, busy: bool, write: bool) -> None:
        # The buttons stay enabled (a disabled button would lose the keyboard focus); while
        # busy they do nothing (choose_printer, choose_save), and while a print is being
        # recorded Escape waits for it.
        if write:
            self._busy = busy
        self._tasks += 1 if busy else -1
        self.busy_bar.setVisible(self._tasks > 0)
        if busy:
            self.error.setVisible(False)

    def busy(self) -> bool:
        """A preview is being drawn or a print recorded."""
        return self._tasks > 0

    def _say(self, text: str) -> None:
        self.error.setVisible(False)
        self.status.setText(text)
        self.status.setVisible(True)

    def _failed(self, exc: BaseException) -> None:
        report(exc)
        self.status.setVisible(False)
        self.error.setText(error_text(exc))
        self.error.setVisible(True)

    def reject(self) -> None:
        if not self._busy:  # a print being recorded finishes first
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:
            event.ignore()
            return
        super().closeEvent(event)

    def _clean_up(self) -> None:
        self._closed = True
        self.document.close()
        self._folder.cleanup()


def _file_name(name: str) -> str:
    """A receipt number or file name as a file name: `KW-JKT-1-2026-0007.pdf`."""
    stem = name.removesuffix(".pdf").replace("/", "-").replace("\\", "-")
    return f"{stem}.pdf"
