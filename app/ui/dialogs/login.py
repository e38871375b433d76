"""The sign-in dialog: the first window on a set-up PC, so it imports nothing heavy
(not even the `Qt` namespace, see app.ui.app).

The database layer (SQLAlchemy, argon2) loads while the clerk types; the check itself runs
on the writer thread because a wrong password is written down (lock-out count, audit).
In a demo office the demo accounts are listed; clicking one fills the form.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import ROLE_LABELS, Role
from app.services.startup import StartupInfo
from app.ui.context import AppContext
from app.ui.forms import error_label, fit_window, password_edit
from app.ui.messages import error_text, report, show_error
from app.ui.tasks import run_task
from app.ui.widgets import busy_bar, demo_banner, heading, note


def role_label(role: str) -> str:
    try:
        return ROLE_LABELS[Role(role)].render()
    except ValueError:
        return role


class LoginDialog(QDialog):
    """Username and password of this office's staff.

    Signals:
        signed_in(object): the service's SignedIn (actor, must_change_password).
    """

    signed_in = Signal(object)

    def __init__(self, ctx: AppContext, info: StartupInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.info = info
        self._busy = False
        self.setObjectName("loginDialog")
        title = self.tr("Loket Vokasi — sign in")
        self.setWindowTitle(f"{title} [DEMO]" if info.is_demo else title)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        if info.is_demo:
            outer.addWidget(demo_banner(self))
        body = QVBoxLayout()
        body.setContentsMargins(28, 20, 28, 20)
        body.setSpacing(10)
        outer.addLayout(body)
        body.addWidget(heading(self.tr("Loket Vokasi")))
        place = QLabel(
            self.tr("Office {name} ({code}) · Device {device}").format(
                name=info.office_name, code=info.office_code, device=info.device_no
            )
        )
        place.setObjectName("subheading")
        body.addWidget(place)

        form = QFormLayout()
        form.setVerticalSpacing(8)
        self.username = QLineEdit()
        self.password = password_edit()
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.password)
        body.addLayout(form)
        self.error = error_label(self)
        body.addWidget(self.error)
        self.busy_bar = busy_bar(self)
        body.addWidget(self.busy_bar)

        row = QHBoxLayout()
        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.reject)
        self.login_button = QPushButton(self.tr("Sign in"))
        self.login_button.setObjectName("primary")
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.submit)
        row.addStretch(1)
        row.addWidget(self.quit_button)
        row.addWidget(self.login_button)
        body.addLayout(row)

        self.demo_table: QTableWidget | None = None
        if info.is_demo and info.demo_logins:
            body.addSpacing(6)
            body.addWidget(note(self.tr("Demo accounts — click a row to fill in the form.")))
            body.addWidget(self._demo_table())
        self.setMinimumWidth(560 if info.is_demo else 440)
        self.username.setFocus()

    def _demo_table(self) -> QTableWidget:
        logins = self.info.demo_logins
        table = QTableWidget(len(logins), 4, self)
        table.setObjectName("demoLogins")
        table.setHorizontalHeaderLabels(
            [self.tr("Username"), self.tr("Name"), self.tr("Role"), self.tr("Password")]
        )
        for row, login in enumerate(logins):
            values = (login.username, login.full_name, role_label(login.role), login.password)
            for col, value in enumerate(values):
                table.setItem(row, col, QTableWidgetItem(value))
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)  # Tab goes from password to the buttons
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        height = header.sizeHint().height() + 2
        height += sum(table.rowHeight(r) for r in range(len(logins)))
        table.setFixedHeight(height)
        table.cellClicked.connect(self.use_demo_login)
        self.demo_table = table
        return table

    def use_demo_login(self, row: int, _column: int = 0) -> None:
        """Fill the form with a demo account (a click in the demo table)."""
        login = self.info.demo_logins[row]
        self.username.setText(login.username)
        self.password.setText(login.password)
        self.login_button.setFocus()

    def submit(self) -> None:
        if self._busy:
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username:
            self._show(self.tr("Enter your username."), self.username)
            return
        if not password:
            self._show(self.tr("Enter your password."), self.password)
            return
        self.error.setVisible(False)
        self._set_busy(True)
        ctx = self.ctx

        def check(_progress: object, _cancelled: object) -> object:
            from app.services import auth

            return auth.login(ctx.db, username, password)

        run_task(check, on_done=self._done, on_error=self._failed, write=True)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_bar.setVisible(busy)
        self.login_button.setEnabled(not busy)

    def _show(self, text: str, field: QLineEdit) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
        fit_window(self)
        field.selectAll()
        field.setFocus()

    def _done(self, signed_in: object) -> None:
        self._set_busy(False)
        self.password.clear()
        self.signed_in.emit(signed_in)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        from app.errors import LoketError

        if isinstance(exc, LoketError):
            report(exc)
            field = self.username if exc.field == "username" else self.password
            self._show(error_text(exc), field)
        else:
            show_error(self, exc)

    def reject(self) -> None:
        if not self._busy:
            super().reject()
