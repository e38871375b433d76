"""A supervisor's personal-data actions on one participant (UU 27/2022): export everything
held on the person, or erase (anonymise) a person who withdrew consent.

Only supervisors see the buttons; the services check the role again and audit both.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QInputDialog, QPushButton, QWidget

from app.domain.roles import Permission, can
from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.messages import ask, show_error, show_info
from app.ui.tasks import run_task


class PrivacyActions(QWidget):
    """Two buttons for a supervisor; `done` runs after an erasure (to reload the view)."""

    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        participant_id: str,
        done: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.participant_id, self.done = ctx, actor, participant_id, done
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.export_button = QPushButton(self.tr("Export personal data…"))
        self.export_button.clicked.connect(self.choose_export_file)
        self.erase_button = QPushButton(self.tr("Erase personal data…"))
        self.erase_button.setObjectName("danger")
        self.erase_button.clicked.connect(self.ask_reason)
        layout.addWidget(self.export_button)
        layout.addWidget(self.erase_button)
        self.setVisible(can(actor.role, Permission.PARTICIPANT_ERASE))

    def choose_export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export personal data"),
            f"data-pribadi-{self.participant_id[-6:]}.json",
            "JSON (*.json)",
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        from app.services.participant_export import export_person

        ctx, actor, pid = self.ctx, self.actor, self.participant_id
        run_task(
            lambda _p, _c: export_person(ctx.db, actor, pid, path),
            on_done=self._exported,
            on_error=self._failed,
            write=True,
            owner=self,
        )

    def _exported(self, written: Path) -> None:
        show_info(
            self,
            self.tr("Export personal data"),
            self.tr("Everything held on this person was written to {path}.").format(path=written),
        )

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def ask_reason(self) -> None:
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Erase personal data"),
            self.tr("Reason (e.g. the person withdrew consent on this date):"),
        )
        if ok and reason.strip():
            ask(
                self,
                self.tr("Erase personal data"),
                self.tr(
                    "The name, NIK, contacts, bank account and scans of this person will "
                    "be removed for good. Payments and certificates stay. Continue?"
                ),
                self.tr("Erase"),
                self.tr("Cancel"),
                lambda: self.erase(reason.strip()),
            )

    def erase(self, reason: str) -> None:
        from app.services.personal_data import erase_person

        ctx, actor, pid = self.ctx, self.actor, self.participant_id
        run_task(
            lambda _p, _c: erase_person(ctx.db, actor, pid, reason),
            on_done=self._erased,
            on_error=self._failed,
            write=True,
            owner=self,
        )

    def _erased(self, _result: object) -> None:
        self.done()  # the lists refresh from what the erasure changed (app.ui.tasks)
