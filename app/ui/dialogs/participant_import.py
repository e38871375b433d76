"""Import participants from CSV or XLSX: choose a file, map its columns, check, import.

The preview shows the first rows with a mapping box above each column (the program's guess
first). "Check" runs the import as a dry run and lists each row's problem, errors in red.
"Import" runs on the writer thread with a progress bar and can be cancelled; nothing is
written when it is cancelled or when rows have errors (unless they are skipped). Only
supervisors and admins may import (the service refuses others).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.dialogs.import_tables import PreviewTable, fill_report, report_table
from app.ui.forms import error_label
from app.ui.messages import error_text, report, show_error
from app.ui.tasks import Task, run_task
from app.ui.widgets import note

FILE_FILTER = "CSV / Excel (*.csv *.txt *.xlsx)"


class ImportDialog(QDialog):
    """See the module docstring.

    Signals:
        imported(): participants were written.
    """

    imported = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.path: Path | None = None
        self.result: Any = None
        self.task: Task | None = None
        self.setWindowTitle(self.tr("Import participants"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(1040, 640)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(
            note(
                self.tr(
                    "CSV (comma, semicolon or tab; UTF-8, UTF-16 or Windows-1252) or XLSX with "
                    "one header row. Check the column "
                    "mapping, then Check: nothing is written until you press Import, and "
                    "then all rows go in together or none."
                )
            )
        )
        row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.clicked.connect(self.choose)
        self.file_label = QLabel(self.tr("No file chosen"))
        self.file_label.setObjectName("note")
        row.addWidget(self.choose_button)
        row.addWidget(self.file_label, 1)
        layout.addLayout(row)
        self.error = error_label(self)
        layout.addWidget(self.error)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.preview = PreviewTable()
        self.report = report_table()
        self.preview.mapping_changed.connect(self._mapping_changed)
        splitter.addWidget(self.preview)
        splitter.addWidget(self.report)
        splitter.setSizes([300, 200])
        layout.addWidget(splitter, 1)
        self.summary = QLabel("")
        self.summary.setObjectName("section")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setMaximumHeight(10)
        self.progress.setTextVisible(False)
        layout.addWidget(self.progress)
        buttons = QHBoxLayout()
        self.skip = QCheckBox(self.tr("Skip rows with errors"))
        buttons.addWidget(self.skip)
        buttons.addStretch(1)
        self.report_button = QPushButton(self.tr("Save report…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.check_button = QPushButton(self.tr("Check"))
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("primary")
        for button in (
            self.report_button,
            self.close_button,
            self.check_button,
            self.import_button,
        ):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.report_button.clicked.connect(self.choose_report)
        self.close_button.clicked.connect(self.close_or_cancel)
        self.check_button.clicked.connect(lambda: self.run(dry_run=True))
        self.import_button.clicked.connect(lambda: self.run(dry_run=False))
        self._update()

    def _update(self) -> None:
        busy = self.task is not None
        loaded = self.path is not None and bool(self.preview.headers)
        self.choose_button.setEnabled(not busy)
        self.check_button.setEnabled(loaded and not busy)
        self.import_button.setEnabled(loaded and not busy and self.result is not None)
        self.report_button.setEnabled(self.result is not None and not busy)
        self.close_button.setText(self.tr("Cancel import") if busy else self.tr("Close"))
        self.progress.setVisible(busy)

    def _mapping_changed(self) -> None:
        self.result = None  # check again with the new mapping before importing
        self._update()

    # --- file -------------------------------------------------------------------------------
    def choose(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, self.tr("Choose a file"), str(Path.home()), FILE_FILTER
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        """Read the file off the UI thread and show its first rows with a mapping guess."""
        from app.services.participant_import import suggest_mapping
        from app.services.tables import read_table

        self.path, self.result = path, None
        self.file_label.setText(str(path))
        self.error.setVisible(False)
        self.summary.setText("")
        self.report.setRowCount(0)

        def done(table: Any) -> None:
            self.preview.show_table(table.headers, table.rows, suggest_mapping(table.headers))
            self.summary.setText(
                self.tr("{n} data rows. Check the column mapping, then Check.").format(
                    n=len(table.rows)
                )
            )
            self._update()

        def failed(exc: BaseException) -> None:
            self.path = None
            self._show_error(exc)

        run_task(lambda _p, _c: read_table(path), on_done=done, on_error=failed, owner=self)

    def _show_error(self, exc: BaseException) -> None:
        report(exc)
        self.error.setText(error_text(exc))
        self.error.setVisible(True)
        self._update()

    # --- check and import -----------------------------------------------------------------------
    def run(self, dry_run: bool) -> None:
        from app.services.participant_import import run_import

        if self.path is None or self.task is not None:
            return
        ctx, actor, path = self.ctx, self.actor, self.path
        mapping, skip = self.preview.mapping(), self.skip.isChecked()
        self.error.setVisible(False)
        self.progress.setRange(0, 0)

        def work(progress: Any, cancelled: Any) -> Any:
            return run_import(
                ctx.db,
                actor,
                path,
                dry_run=dry_run,
                skip_invalid=skip,
                mapping=mapping,
                progress=progress,
                cancelled=cancelled,
            )

        self.task = run_task(
            work,
            on_done=self._done,
            on_error=self._failed,
            on_progress=self._progress,
            write=not dry_run,
        )
        self._update()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self._show_error(exc)

    def _done(self, result: Any) -> None:
        self.task = None
        self.result = result
        fill_report(self.report, result.reports)
        counts = self.tr(
            "{total} rows: {ok} OK, {warnings} with warnings, {errors} with errors."
        ).format(total=result.total, ok=result.ok, warnings=result.warnings, errors=result.errors)
        if result.dry_run:
            outcome = self.tr("Check only: nothing written.")
        elif result.written:
            outcome = self.tr("{n} participants imported.").format(n=result.written)
            self.imported.emit()
        else:
            outcome = self.tr("Nothing imported: fix the rows with errors or skip them.")
        self.summary.setText(f"{counts} {outcome}")
        self._update()

    def close_or_cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
        else:
            self.accept()

    def reject(self) -> None:
        if self.task is None:
            super().reject()

    # --- report -----------------------------------------------------------------------------
    def choose_report(self) -> None:
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Save report"), str(Path.home() / "laporan-impor.csv"), "CSV (*.csv)"
        )
        if path:
            self.save_report(Path(path))

    def save_report(self, path: Path) -> None:
        from app.services.participant_import import write_report

        if self.result is None:
            return
        try:
            write_report(self.result, path)
        except OSError as exc:
            show_error(self, exc)
