"""A supervisor's decision on the server, confirmed with the supervisor's own password.

The question the decision raises is the dialog's text; the password goes with the call and
the server checks it against the staff record it holds (app.server.proof), so a decision
counts only with the person's proof, not this PC's word. A refused password is written
under the field; the dialog closes only once the server has taken the decision.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from app.ui.dialogs.base import FormDialog
from app.ui.forms import password_edit
from app.ui.tasks import TaskFn


class SupervisorConfirmDialog(FormDialog):
    """Question, password, and the action's button; runs `action(password)` off the UI
    thread.

    Signals:
        succeeded(object): what `action` returned.
    """

    def __init__(
        self,
        title: str,
        question: str,
        action_label: str,
        action: Callable[[str], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.set_intro(question)
        self._action = action
        self.password = password_edit()
        self.errors.add_row(
            self.form,
            self.tr("Your password"),
            "password",
            self.password,
            self.tr("The server checks it again before the decision counts."),
        )
        self.ok_button.setText(action_label)
        self.password.setFocus()

    def work(self) -> TaskFn | None:
        password = self.password.text()
        if not password:
            self.errors.set("password", self.tr("Type your password to confirm the decision."))
            return None
        action = self._action
        return lambda _p, _c: action(password)
