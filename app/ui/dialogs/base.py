"""A dialog whose main button runs one service call on the writer thread.

Every form dialog behaves the same way: errors under the inputs, a busy bar while the
service works, the buttons disabled meanwhile, and the dialog closes only on success.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import AppContext
from app.ui.forms import FieldErrors, error_label
from app.ui.tasks import TaskFn, run_task
from app.ui.widgets import busy_bar, note


def password_rule(ctx: AppContext) -> str:
    """The password rule in words, with this office's minimum length (a setting)."""
    from app.services.settings import get_settings

    n = int(get_settings(ctx.db)["min_password_length"])
    return QCoreApplication.translate(
        "FormDialog", "At least {n} characters, with letters and digits."
    ).format(n=n)


class FormDialog(QDialog):
    """Base of the form dialogs; subclasses add rows to `form` and implement `work`.

    Signals:
        succeeded(object): the service's result, emitted just before the dialog accepts.
    """

    succeeded = Signal(object)

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        self.intro = note("", self)
        self.intro.setVisible(False)
        layout.addWidget(self.intro)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setVerticalSpacing(8)
        layout.addLayout(self.form)
        self.errors = FieldErrors(self)
        self.errors.general = error_label(self)
        layout.addWidget(self.errors.general)
        self.busy_bar = busy_bar(self)
        layout.addWidget(self.busy_bar)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button = QPushButton(self.tr("Save"))
        self.ok_button.setObjectName("primary")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout.addLayout(buttons)
        self._busy = False
        self._shown = False

    def showEvent(self, event: QShowEvent) -> None:
        """The cursor starts in the first field. The buttons are made here, before a
        subclass adds its fields, so Qt would otherwise start on the main button."""
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            first = self.errors.first_input()
            if first is not None:
                first.setFocus()

    def set_intro(self, text: str) -> None:
        """A sentence above the form that says why the dialog is there."""
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def work(self) -> TaskFn | None:
        """The service call to run, or None after showing an error found here."""
        raise NotImplementedError

    def submit(self) -> None:
        if self._busy:
            return
        self.errors.clear()
        fn = self.work()
        if fn is None:
            return
        self.set_busy(True)
        run_task(fn, on_done=self._done, on_error=self._failed, write=True)

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_bar.setVisible(busy)
        self.ok_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def _done(self, result: Any) -> None:
        self.set_busy(False)
        self.succeeded.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.set_busy(False)
        self.errors.show(exc)

    def reject(self) -> None:
        if not self._busy:  # a write in flight finishes first; closing now would hide it
            super().reject()
