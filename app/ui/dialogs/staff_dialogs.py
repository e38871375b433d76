"""Admin dialogs on staff accounts: a new account and a temporary password."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from app.domain.roles import ROLE_LABELS, Role
from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.dialogs.base import FormDialog, password_rule
from app.ui.tasks import TaskFn


class AddStaffDialog(FormDialog):
    """Username, full name, role and a temporary password; calls staff.add_staff.

    Signals:
        succeeded(object): the new StaffRow.
    """

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.setWindowTitle(self.tr("Add staff"))
        self.set_intro(
            self.tr(
                "The new staff member signs in with the temporary password and must then "
                "choose their own."
            )
        )
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("e.g. loket.rina"))
        self.full_name = QLineEdit()
        self.role = QComboBox()
        for role in (Role.COUNTER, Role.SUPERVISOR, Role.ADMIN):
            self.role.addItem(ROLE_LABELS[role].render(), role.value)
        self.password = QLineEdit()
        self.errors.add_row(self.form, self.tr("Username"), "username", self.username)
        self.errors.add_row(self.form, self.tr("Full name"), "full_name", self.full_name)
        self.errors.add_row(self.form, self.tr("Role"), "role", self.role)
        self.errors.add_row(
            self.form, self.tr("Temporary password"), "password", self.password, password_rule(ctx)
        )
        self.ok_button.setText(self.tr("Add staff"))

    def work(self) -> TaskFn | None:
        from app.services import staff

        ctx, actor = self.ctx, self.actor
        username, full_name = self.username.text(), self.full_name.text()
        role, password = str(self.role.currentData()), self.password.text()
        return lambda _p, _c: staff.add_staff(
            ctx.db, actor, username=username, full_name=full_name, role=role, password=password
        )


class ResetPasswordDialog(FormDialog):
    """A temporary password for one account; calls staff.reset_password.

    Signals:
        succeeded(object): None, once the password is replaced.
    """

    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        staff_id: str,
        who: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.staff_id = staff_id
        self.setWindowTitle(self.tr("Reset password"))
        self.set_intro(
            self.tr(
                "Give {name} a temporary password. They must choose their own at the next "
                "sign-in; a lock-out on the account is lifted."
            ).format(name=who)
        )
        self.password = QLineEdit()
        self.errors.add_row(
            self.form, self.tr("Temporary password"), "password", self.password, password_rule(ctx)
        )
        self.ok_button.setText(self.tr("Reset password"))

    def work(self) -> TaskFn | None:
        from app.services import staff

        ctx, actor, staff_id, password = self.ctx, self.actor, self.staff_id, self.password.text()
        return lambda _p, _c: staff.reset_password(ctx.db, actor, staff_id, password)
