"""Import job vacancies from CSV or XLSX (supervisors and admins): choose the file, Check
lists each row's problem (errors in red), Import writes them all in one go — or none while a
row has an error, unless those rows are skipped. The columns are fixed (no mapping): the
agency's list of employers' vacancies already uses them."""

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
    QVBoxLayout,
    QWidget,
)

from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.dialogs.import_tables import fill_report, report_table
from app.ui.forms import error_label
from app.ui.messages import error_text, report, show_error
from app.ui.tasks import Task, run_task
from app.ui.widgets import note

FILE_FILTER = "CSV / Excel (*.csv *.txt *.xlsx)"


class VacancyImportDialog(QDialog):
    """See the module docstring.

    Signals:
        imported(int): how many vacancies were written.
    """

    imported = Signal(int)

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        from app.services.vacancy_import import COLUMNS, REQUIRED_COLUMNS

        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.path: Path | None = None
        self.result: Any = None
        self.task: Task | None = None
        self.setWindowTitle(self.tr("Import vacancies"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        columns = ", ".join(f"{c}*" if c in REQUIRED_COLUMNS else c for c in COLUMNS)
        layout.addWidget(
            note(
                self.tr(
                    "CSV or XLSX with one header row and the columns {columns} (* required; "
                    "modul: codes or names separated by |). Check first: nothing is written "
                    "until you press Import, and then all rows go in together or none."
                ).format(columns=columns)
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
        self.report = report_table()
        layout.addWidget(self.report, 1)
        self.summary = QLabel("")
        self.summary.setObjectName("section")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
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
        for button in (self.report_button, self.close_button, self.check_button,
                       self.import_button):  # fmt: skip
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.report_button.clicked.connect(self.choose_report)
        self.close_button.clicked.connect(self.close_or_wait)
        self.check_button.clicked.connect(lambda: self.run(dry_run=True))
        self.import_button.clicked.connect(lambda: self.run(dry_run=False))
        self.skip.toggled.connect(lambda _on: self._update())
        self._update()

    def _update(self) -> None:
        busy = self.task is not None
        self.choose_button.setEnabled(not busy)
        self.check_button.setEnabled(self.path is not None and not busy)
        checked = self.result is not None and self.result.dry_run
        self.import_button.setEnabled(checked and not busy)
        self.report_button.setEnabled(self.result is not None and not busy)
        self.close_button.setEnabled(not busy)
        self.progress.setVisible(busy)

    def choose(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, self.tr("Choose a file"), str(Path.home()), FILE_FILTER
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        """Take the file, then check it at once (a dry run writes nothing)."""
        self.path, self.result = path, None
        self.file_label.setText(str(path))
        self.error.setVisible(False)
        self.summary.setText("")
        self.report.setRowCount(0)
        self.run(dry_run=True)

    def run(self, dry_run: bool) -> None:
        from app.services.vacancy_import import run_vacancy_import

        if self.path is None or self.task is not None:
            return
        ctx, actor, path, skip = self.ctx, self.actor, self.path, self.skip.isChecked()
        self.error.setVisible(False)
        self.task = run_task(
            lambda _p, _c: run_vacancy_import(
                ctx.db, actor, path, dry_run=dry_run, skip_invalid=skip
            ),
            on_done=self._done,
            on_error=self._failed,
            write=not dry_run,
            owner=self,
        )
        self._update()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        report(exc)
        self.error.setText(error_text(exc))
        self.error.setVisible(True)
        self._update()

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
            outcome = self.tr("{n} vacancies imported.").format(n=result.written)
            self.imported.emit(result.written)
        else:
            outcome = self.tr("Nothing imported: fix the rows with errors or skip them.")
        self.summary.setText(f"{counts} {outcome}")
        self._update()

    def close_or_wait(self) -> None:
        if self.task is None:
            self.accept()

    def reject(self) -> None:
        if self.task is None:  # an import in flight finishes first
            super().reject()

    def choose_report(self) -> None:
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Save report"), str(Path.home() / "laporan-impor-lowongan.csv"),
            "CSV (*.csv)",
        )  # fmt: skip
        if path:
            self.save_report(Path(path))

    def save_report(self, path: Path) -> None:
        from app.services.vacancy_import import write_report

        if self.result is None:
            return
        try:
            write_report(self.result, path)
        except OSError as exc:
            show_error(self, exc)
