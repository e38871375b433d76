"""Change a participant's status (with a reason where the rules ask for one)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.dialogs.base import FormDialog
from app.ui.tasks import TaskFn


class StatusDialog(FormDialog):
    """New status and reason; calls participant_records.set_status.

    Signals:
        succeeded(object): None, once the status is changed.
    """

    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        participant_id: str,
        name: str,
        current: str,
        parent: QWidget | None = None,
    ) -> None:
        from app.services.participant_records import STATUSES

        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.participant_id = participant_id
        self.setWindowTitle(self.tr("Change status"))
        self.set_intro(
            self.tr(
                "Change the status of {name}. A reason is required for “not eligible” and "
                "“withdrawn”; it is kept in the history."
            ).format(name=name)
        )
        self.status = QComboBox()
        for key, label in STATUSES.items():
            if key not in ("erased", "merged", current):  # set by their own actions
                self.status.addItem(label.render(), key)
        self.reason = QLineEdit()
        self.reason.setMaxLength(300)
        self.errors.add_row(self.form, self.tr("New status"), "status", self.status)
        self.errors.add_row(self.form, self.tr("Reason"), "reason", self.reason)
        self.ok_button.setText(self.tr("Change status"))

    def work(self) -> TaskFn | None:
        from app.services import participant_records as records

        ctx, actor, pid = self.ctx, self.actor, self.participant_id
        status, reason = str(self.status.currentData()), self.reason.text()
        return lambda _p, _c: records.set_status(ctx.db, actor, pid, status, reason)
