"""Peserta: the participant list (search as you type, filters, sorting) and, in the same
page, the intake form, the detail view and the edit form.

One new intake is open at a time (one draft per staff member); leaving it keeps it as a
draft that "Pendaftaran baru" and the next sign-in offer back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from app.domain.roles import Permission, can
from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.formats import fmt_time
from app.ui.messages import ask, report, show_error
from app.ui.pages.participant_list import ParticipantList
from app.ui.shell import Shell
from app.ui.tasks import run_task

# The record types this page shows (entity names, as every change announces them).
SHOWN = frozenset({"participant", "consent", "participant_document"})


class ParticipantsPage(QWidget):
    """The list, and the intake/detail/edit views stacked over it.

    Signals:
        show_requested(): bring this page to the front (a draft is resumed at sign-in).
    """

    show_requested = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.ui.intake.view import IntakeView
        from app.ui.pages.participant_detail import ParticipantDetailView

        self.ctx = ctx
        self.actor = actor
        self.intake: IntakeView | None = None
        self.editor: IntakeView | None = None
        self.detail: ParticipantDetailView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack)
        self.list = ParticipantList(ctx, can(actor.role, Permission.PARTICIPANT_IMPORT), self)
        self.stack.addWidget(self.list)
        self.list.new_button.clicked.connect(self.new_intake)
        self.list.import_button.clicked.connect(self.open_import)
        self.list.table.activated.connect(self._activated)
        ctx.data_changed.connect(self.on_data_changed)

    # --- navigation -------------------------------------------------------------------------
    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list)
        self.list.search.setFocus()
        if self.list.stale:
            self.list.refresh()

    def apply_link(self, filters: dict[str, str]) -> None:
        """From Beranda: the list, filtered as the figure was counted (ParticipantList.
        apply_link), with the keyboard in the table; an open form or record stays open
        underneath (an intake in progress is kept as it is)."""
        self.stack.setCurrentWidget(self.list)
        self.list.apply_link(filters)
        self.list.table.setFocus()

    def _show(self, widget: QWidget) -> None:
        if self.stack.indexOf(widget) < 0:
            self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)

    def _activated(self, index: QModelIndex) -> None:
        row = self.list.model.row_at(index.row())
        if row is not None:
            self.open_detail(row.id)

    def new_intake(self, offer_draft: bool = True) -> Any:
        """Open the intake form (the one in progress, if any); offer a saved draft."""
        from app.ui.intake.view import IntakeView

        if self.intake is None:
            self.intake = IntakeView(self.ctx, self.actor)
            self.intake.saved.connect(self._registered)
            self.intake.open_requested.connect(self.open_detail)
            self.intake.back.connect(self.show_list)
            if offer_draft:
                self.offer_draft(self.intake)
        self.show_requested.emit()
        self._show(self.intake)
        self.intake.focus_first()
        return self.intake

    def offer_draft(self, view: Any = None) -> None:
        """If an unfinished intake was kept, ask whether to continue it (off the UI thread)."""
        from app.services import participant_records as records

        ctx, actor = self.ctx, self.actor

        def found(draft: Any) -> None:
            if draft is None:
                return
            data, updated_at = draft
            ask(
                self.window(),
                self.tr("Unfinished registration"),
                self.tr("Continue the unfinished draft (saved {time})?").format(
                    time=fmt_time(updated_at)
                ),
                self.tr("Continue the draft"),
                self.tr("Discard it"),
                lambda: self._resume(data),
                lambda: self._discard_draft(view),
            )

        run_task(
            lambda _p, _c: records.load_draft(ctx.db, actor),
            on_done=found,
            on_error=report,
            owner=self,
        )

    def _resume(self, data: dict[str, Any]) -> None:
        view = self.new_intake(offer_draft=False)
        view.load(data.get("values", {}), data.get("documents", []))
        view.focus_first()

    def _discard_draft(self, view: Any) -> None:
        from app.services import participant_records as records

        if view is not None and view is self.intake and self.intake is not None:
            self.intake.draft.dirty = False
        ctx, actor = self.ctx, self.actor
        run_task(lambda _p, _c: records.discard_draft(ctx.db, actor), on_error=report, write=True)

    def _registered(self, participant_id: str) -> None:
        if self.intake is not None:
            self.stack.removeWidget(self.intake)
            self.intake.deleteLater()
            self.intake = None
        self.open_detail(participant_id, just_saved=True)

    def open_detail(self, participant_id: str, just_saved: bool = False) -> Any:
        from app.ui.pages.participant_detail import ParticipantDetailView

        if self.detail is not None:
            self.stack.removeWidget(self.detail)
            self.detail.deleteLater()
        self.detail = ParticipantDetailView(self.ctx, self.actor, participant_id, just_saved)
        self.detail.back.connect(self.show_list)
        self.detail.edit_requested.connect(self.edit)
        self._show(self.detail)
        self.detail.tabs.setFocus()  # the keyboard goes on here: Esc back, Tab to the buttons
        return self.detail

    def edit(self, participant_id: str) -> None:
        """Open the form on the full record (NIK and account in full: one audit event)."""
        from app.services import participant_records as records

        ctx, actor = self.ctx, self.actor

        def work(_p: object, _c: object) -> dict[str, str]:
            return records.values_for_edit(ctx.db, actor, participant_id)

        run_task(
            work,
            on_done=lambda raw: self._open_editor(participant_id, raw),
            on_error=self._failed,
            write=True,
            owner=self,
        )

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _open_editor(self, participant_id: str, raw: dict[str, str]) -> None:
        from app.ui.intake.view import IntakeView

        if self.editor is not None:
            self.stack.removeWidget(self.editor)
            self.editor.deleteLater()
        self.editor = IntakeView(self.ctx, self.actor, participant_id)
        self.editor.load(raw)
        self.editor.saved.connect(self._edited)
        self.editor.back.connect(lambda: self.open_detail(participant_id))
        self.editor.open_requested.connect(self.open_detail)
        self._show(self.editor)
        self.editor.focus_first()

    def _edited(self, participant_id: str) -> None:
        self.open_detail(participant_id)

    def open_import(self) -> Any:
        from app.ui.dialogs.participant_import import ImportDialog

        dialog = ImportDialog(self.ctx, self.actor, self.window())
        dialog.open()
        return dialog

    # --- data -------------------------------------------------------------------------------
    def on_data_changed(self, entities: frozenset[str]) -> None:
        if not entities & SHOWN:
            return
        if self.stack.currentWidget() is self.list and self.isVisible():
            self.list.refresh()
        else:
            self.list.stale = True
        if self.detail is not None:
            self.detail.reload()

    def flush(self) -> None:
        """Keep the intake draft now (sign-out, window closed)."""
        if self.intake is not None:
            self.intake.flush()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        model = self.list.model
        idle = not (model.loaded or model.fetching)
        if self.stack.currentWidget() is self.list and (idle or self.list.stale):
            QTimer.singleShot(0, self.list.refresh)


def page(window: Shell) -> ParticipantsPage:
    """The participants feature's page (app.features.participants). A draft left unfinished
    (a crash, a power cut) is offered again at once."""
    found = ParticipantsPage(window.ctx, window.actor)
    found.show_requested.connect(lambda: window.open("participants"))
    found.offer_draft()
    return found


def new_registration(window: Shell) -> None:
    """Ctrl+N from any page (app.features.participants): the registration form."""
    found = window.open("participants")
    if isinstance(found, ParticipantsPage):
        found.new_intake()
