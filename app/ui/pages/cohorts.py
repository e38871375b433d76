"""Angkatan: the cohort list and, in the same page, one cohort with its people and the
attendance grid (app.ui.pages.cohort_view)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from app.domain.roles import Permission, can
from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.pages.cohort_list import CohortList
from app.ui.pages.cohort_view import CohortView
from app.ui.shell import Shell

# The record types this page shows (entity names, as every change announces them).
SHOWN = frozenset(
    {"cohort", "cohort_session", "enrollment", "attendance", "participant", "training_provider"}
)


class CohortsPage(QWidget):
    """The list, and one cohort's view stacked over it."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack)
        self.list = CohortList(ctx, can(actor.role, Permission.COHORT_EDIT), self)
        self.view = CohortView(ctx, actor, self)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.view)
        self.list.new_button.clicked.connect(self.new_cohort)
        self.list.table.activated.connect(self._activated)
        self.view.back.connect(self.show_list)
        ctx.data_changed.connect(self.on_data_changed)

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list)
        self.list.table.setFocus()
        if self.list.stale:
            self.list.refresh()

    def _activated(self, index: QModelIndex) -> None:
        row = self.list.model.row_at(index.row())
        if row is not None:
            self.open_cohort(row.id)

    def open_cohort(self, cohort_id: str, tab: int = 0) -> CohortView:
        self.view.load(cohort_id)
        self.view.tabs.setCurrentIndex(tab)
        self.stack.setCurrentWidget(self.view)
        if tab == 1:
            self.view.grid.table.setFocus()
        else:
            self.view.people.setFocus()
        return self.view

    def new_cohort(self) -> Any:
        from app.ui.dialogs.cohort_dialog import CohortDialog

        dialog = CohortDialog(self.ctx, self.actor, parent=self)
        dialog.succeeded.connect(lambda row: self.open_cohort(row.id))
        dialog.open()
        return dialog

    def on_data_changed(self, entities: frozenset[str]) -> None:
        if not SHOWN & entities:
            return
        if self.stack.currentWidget() is self.list and self.isVisible():
            self.list.refresh()
        else:
            self.list.stale = True
        if self.stack.currentWidget() is self.view:
            self.view.reload()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.stack.currentWidget() is self.list:
            QTimer.singleShot(0, self.list, self.list.refresh)


def page(window: Shell) -> CohortsPage:
    """The cohorts feature's page (app.features.cohorts)."""
    return CohortsPage(window.ctx, window.actor)
