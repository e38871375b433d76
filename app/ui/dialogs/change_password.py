"""Changing one's own password, voluntarily or forced after an admin reset."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.dialogs.base import FormDialog, password_rule
from app.ui.forms import password_edit
from app.ui.tasks import TaskFn


class ChangePasswordDialog(FormDialog):
    """Current, new and repeated new password; calls auth.change_password.

    With `forced`, the person has a temporary password and may only change it or sign out.

    Signals:
        succeeded(object): None, once the new password is stored.
    """

    def __init__(
        self, ctx: AppContext, actor: Actor, parent: QWidget | None = None, *, forced: bool = False
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.forced = forced
        self.setWindowTitle(self.tr("Change password"))
        if forced:
            self.set_intro(
                self.tr(
                    "Your password was set by an administrator. Choose your own password "
                    "before you continue."
                )
            )
        self.current = password_edit()
        self.new = password_edit()
        self.confirm = password_edit()
        self.errors.add_row(
            self.form, self.tr("Current password"), "current_password", self.current
        )
        self.errors.add_row(
            self.form, self.tr("New password"), "new_password", self.new, password_rule(ctx)
        )
        self.errors.add_row(self.form, self.tr("Repeat new password"), "confirm", self.confirm)
        self.ok_button.setText(self.tr("Change password"))
        if forced:
            self.cancel_button.setText(self.tr("Sign out"))

    def work(self) -> TaskFn | None:
        current, new = self.current.text(), self.new.text()
        if new != self.confirm.text():
            self.errors.set("confirm", self.tr("The two new passwords are not the same."))
            return None
        from app.services import auth

        ctx, actor = self.ctx, self.actor
        return lambda _progress, _cancelled: auth.change_password(ctx.db, actor, current, new)
