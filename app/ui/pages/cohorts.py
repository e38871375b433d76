"""Angkatan: the cohort list and, in the same page, one cohort with its people and the
attendance grid (app.ui.pages.cohort_view)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QWidget

from app.domain.roles import Permission, can
from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.pages.cohort_list import CohortList
from app.ui.pages.cohort_view import CohortView
from app.ui.pages.stacked import StackedRecordPage
from app.ui.shell import Shell

# The record types this page shows (entity names, as every change announces them).
SHOWN = frozenset(
    {"cohort", "cohort_session", "enrollment", "attendance", "participant", "training_provider"}
)


class CohortsPage(StackedRecordPage):
    """The list, and one cohort's view stacked over it."""

    shown = SHOWN
    list: CohortList
    view: CohortView

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.actor = actor
        self.stack_up(
            CohortList(ctx, can(actor.role, Permission.COHORT_EDIT), self),
            CohortView(ctx, actor, self),
        )
        self.list.new_button.clicked.connect(self.new_cohort)
        self.list.table.activated.connect(self._activated)
        self.view.back.connect(self.show_list)

    def show_list(self) -> None:
        super().show_list()
        self.list.table.setFocus()

    def apply_link(self, filters: dict[str, str]) -> None:
        """From Beranda: the list filtered as the figure was counted (CohortList.apply_link);
        a link to one cohort (`cohort`: its code) opens that cohort."""
        self.list.apply_link(filters)
        code = filters.get("cohort")
        found = next((r for r in self.list.model.rows if r.code == code), None) if code else None
        if found is not None:
            self.open_cohort(found.id)
            return
        self.stack.setCurrentWidget(self.list)
        self.list.table.setFocus()

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


def page(window: Shell) -> CohortsPage:
    """The cohorts feature's page (app.features.cohorts)."""
    return CohortsPage(window.ctx, window.actor)
