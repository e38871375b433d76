"""The screen lock: after idle time, only the signed-in person's password opens it again.

Unlocking goes through `auth.login` with the same username, so wrong passwords count toward
the lock-out exactly as at sign-in, and every attempt is audited. The other way out is to
sign out.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import ROLE_LABELS
from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.forms import error_label, fit_window, password_edit
from app.ui.messages import error_text, report, show_error
from app.ui.tasks import run_task
from app.ui.widgets import busy_bar, heading, note


class LockDialog(QDialog):
    """Modal lock over the main window.

    Signals:
        unlocked(): the right password was given; the dialog has closed.
        sign_out_requested(): the user chose to sign out instead.
    """

    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self._busy = False
        self._may_close = False
        self.setObjectName("lockDialog")
        self.setWindowTitle(self.tr("Screen locked"))
        self.setModal(True)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(heading(self.tr("Screen locked")))
        who = f"{actor.full_name or actor.username} ({ROLE_LABELS[actor.role].render()})"
        layout.addWidget(
            note(
                self.tr(
                    "The screen was locked because it was not used for a while. "
                    "Enter the password of {name} to continue."
                ).format(name=who)
            )
        )
        layout.addWidget(QLabel(self.tr("Password")))
        self.password = password_edit(self)
        self.password.setAccessibleName(self.tr("Password"))
        layout.addWidget(self.password)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.busy_bar = busy_bar(self)
        layout.addWidget(self.busy_bar)
        row = QHBoxLayout()
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.sign_out_button.setAutoDefault(False)
        self.sign_out_button.clicked.connect(self._sign_out)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("primary")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)
        row.addWidget(self.sign_out_button)
        row.addStretch(1)
        row.addWidget(self.unlock_button)
        layout.addLayout(row)
        self.password.setFocus()

    def submit(self) -> None:
        if self._busy:
            return
        password = self.password.text()
        if not password:
            self._show(self.tr("Enter your password."))
            return
        from app.services import auth

        ctx, username = self.ctx, self.actor.username
        self._set_busy(True)
        run_task(
            lambda _p, _c: auth.login(ctx.db, username, password),
            on_done=self._done,
            on_error=self._failed,
            write=True,
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_bar.setVisible(busy)
        self.unlock_button.setEnabled(not busy)
        self.sign_out_button.setEnabled(not busy)

    def _show(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
        fit_window(self)
        self.password.selectAll()
        self.password.setFocus()

    def _done(self, _signed_in: object) -> None:
        self._set_busy(False)
        self._may_close = True
        self.accept()
        self.unlocked.emit()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        from app.errors import LoketError

        if isinstance(exc, LoketError):
            report(exc)
            self._show(error_text(exc))
        else:
            show_error(self, exc)

    def _sign_out(self) -> None:
        self._may_close = True
        self.accept()
        self.sign_out_requested.emit()

    def reject(self) -> None:
        """Escape does not open the lock."""

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            super().closeEvent(event)
        else:  # the window's close button does not open the lock either
            event.ignore()
