"""First run on an empty database: which office and counter this PC is, and its first admin.

One screen rather than a multi-page wizard, so every error stands next to its input and
nothing is hidden on another page. Nothing is written until the service accepts all of it.
A second button sets up a demo office for people who only want to look around.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.offices import MAX_DEVICE_NO, OFFICES
from app.ui.context import AppContext
from app.ui.forms import FieldErrors, error_label, hold_minimum_height, password_edit
from app.ui.tasks import TaskFn, run_task
from app.ui.widgets import busy_bar, heading, note


class SetupWizard(QDialog):
    """The first-run screen.

    Signals:
        completed(object): the office is set up (DeviceInfo, or DemoResult for a demo).
    """

    completed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._busy = False
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("Loket Vokasi — set up this office"))
        self.setMinimumWidth(760)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(heading(self.tr("Set up this office")))
        layout.addWidget(
            note(
                self.tr(
                    "Loket Vokasi is not set up on this computer yet. Choose the office and "
                    "the device number of this computer, then create the first administrator "
                    "account."
                )
            )
        )
        self.errors = FieldErrors(self)
        layout.addWidget(self._office_box())
        layout.addWidget(self._admin_box())
        self.errors.general = error_label(self)
        layout.addWidget(self.errors.general)
        self.busy_bar = busy_bar(self)
        layout.addWidget(self.busy_bar)

        row = QHBoxLayout()
        self.demo_button = QPushButton(self.tr("Try a demo office"))
        self.demo_button.setAutoDefault(False)
        self.demo_button.setToolTip(
            self.tr("Sets up office JKT with sample staff and data, clearly marked DEMO.")
        )
        self.demo_button.clicked.connect(self.create_demo)
        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.reject)
        self.ok_button = QPushButton(self.tr("Set up office"))
        self.ok_button.setObjectName("primary")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        row.addWidget(self.demo_button)
        row.addStretch(1)
        row.addWidget(self.quit_button)
        row.addWidget(self.ok_button)
        layout.addLayout(row)
        self.office.setFocus()  # the first field: which office this PC belongs to

    def showEvent(self, event: QShowEvent) -> None:
        """Its smallest size keeps every line readable: narrower than the office names
        and taller than its wrapped sentences need, it is not made
        (tests/ui/test_window_geometry.py)."""
        super().showEvent(event)
        hold_minimum_height(self)

    def _office_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Office and device"))
        form = QFormLayout(box)
        form.setVerticalSpacing(8)
        self.office = QComboBox()
        for office in OFFICES:
            text = self.tr("{name} ({code}) — region {region_code}, {region_name}").format(
                name=office.name,
                code=office.code,
                region_code=office.region_code,
                region_name=office.region_name,
            )
            self.office.addItem(text, office.code)
        self.office.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.device = QSpinBox()
        self.device.setRange(1, MAX_DEVICE_NO)
        self.device.setMaximumWidth(90)
        self.errors.add_row(form, self.tr("Office"), "office", self.office)
        self.errors.add_row(form, self.tr("Device number"), "device", self.device)
        form.addRow(
            "",
            note(self.tr("Each counter computer of the same office gets its own number.")),
        )
        return box

    def _admin_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("First administrator"))
        form = QFormLayout(box)
        form.setVerticalSpacing(8)
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("e.g. admin.budi"))
        self.full_name = QLineEdit()
        self.password = password_edit()
        self.confirm = password_edit()
        self.errors.add_row(form, self.tr("Username"), "username", self.username)
        self.errors.add_row(form, self.tr("Full name"), "full_name", self.full_name)
        self.errors.add_row(form, self.tr("Password"), "password", self.password)
        self.errors.add_row(form, self.tr("Repeat password"), "confirm", self.confirm)
        return box

    def submit(self) -> None:
        if self._busy:
            return
        self.errors.clear()
        if self.password.text() != self.confirm.text():
            self.errors.set("confirm", self.tr("The two passwords are not the same."))
            return
        ctx = self.ctx
        values: dict[str, Any] = {
            "office_code": str(self.office.currentData()),
            "device_no": self.device.value(),
            "admin_username": self.username.text(),
            "admin_full_name": self.full_name.text(),
            "admin_password": self.password.text(),
        }

        def set_up(progress: Any, _cancelled: Any) -> object:
            from app.services.office import initialise

            progress(0, 2)
            db = ctx.db  # creates the schema on first use
            progress(1, 2)
            return initialise(db, actor_label="setup", **values)

        self._run(set_up)

    def create_demo(self) -> None:
        if self._busy:
            return
        self.errors.clear()
        ctx = self.ctx

        def demo(progress: Any, _cancelled: Any) -> object:
            from app.services.demo import create_demo_office

            progress(0, 2)
            db = ctx.db
            progress(1, 2)
            return create_demo_office(db)

        self._run(demo)

    def _run(self, fn: TaskFn) -> None:
        self._set_busy(True)
        run_task(
            fn, on_done=self._done, on_error=self._failed, on_progress=self._progress, write=True
        )

    def _progress(self, done: int, total: int) -> None:
        self.busy_bar.setRange(0, total)
        self.busy_bar.setValue(done)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setVisible(busy)
        for button in (self.ok_button, self.demo_button, self.quit_button):
            button.setEnabled(not busy)

    def _done(self, result: object) -> None:
        self._set_busy(False)
        self.completed.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.errors.show(exc)

    def reject(self) -> None:
        if not self._busy:
            super().reject()
