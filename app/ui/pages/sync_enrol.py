"""The enrolment form of the Sinkronisasi page: server address and one-time code.

Shown while this PC is not linked (or its access was revoked). Enrolment is a network call,
so it runs off the UI thread; a refusal goes to the one error display in plain words.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import AppContext
from app.ui.messages import show_error
from app.ui.pages.sync_review import plain_exception
from app.ui.tasks import run_task
from app.ui.widgets import busy_bar, note


class EnrolBox(QGroupBox):
    """Link this PC to the central server with a code from the server administrator.

    Signals:
        linked(str): the server accepted the code; the server address.
    """

    linked = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("Link this computer to the central server"))
        column = QVBoxLayout(self)
        column.addWidget(
            note(
                self.tr(
                    "Ask the server administrator for a one-time code for this office, then "
                    "enter the server address and the code."
                )
            )
        )
        row = QHBoxLayout()
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://sinkron.example.go.id")
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("ABCD-EFGH-JKMN")
        self.code_edit.setMaximumWidth(200)
        self.button = QPushButton(self.tr("Link"))
        self.button.setObjectName("primary")
        self.button.setEnabled(False)
        self.button.clicked.connect(self.enrol)
        for edit in (self.url_edit, self.code_edit):
            edit.textChanged.connect(self._ready)
            edit.returnPressed.connect(self.enrol)
        row.addWidget(QLabel(self.tr("Server address")))
        row.addWidget(self.url_edit, 2)
        row.addWidget(QLabel(self.tr("One-time code")))
        row.addWidget(self.code_edit, 1)
        row.addWidget(self.button)
        column.addLayout(row)
        self.busy = busy_bar(self)
        column.addWidget(self.busy)
        self.setVisible(False)

    def _ready(self, *_args: object) -> None:
        filled = bool(self.url_edit.text().strip() and self.code_edit.text().strip())
        self.button.setEnabled(filled and not self.busy.isVisible())

    def enrol(self) -> None:
        """Send the code (network, so off the UI thread)."""
        from app.sync.client import enroll

        url, code = self.url_edit.text().strip().rstrip("/"), self.code_edit.text().strip()
        if not (url and code) or self.busy.isVisible():
            return
        db = self.ctx.db
        self.busy.setVisible(True)
        self.button.setEnabled(False)

        def work(_p: object, _c: object) -> None:
            enroll(db, url, code)  # the link row stays in the service layer

        def done(_none: object) -> None:
            self.busy.setVisible(False)
            self.code_edit.clear()
            self.linked.emit(url)

        def failed(exc: BaseException) -> None:
            self.busy.setVisible(False)
            self._ready()
            show_error(self, plain_exception(exc))

        run_task(work, on_done=done, on_error=failed, owner=self)
