"""Lembaga: the provider list and, in the same page, one provider's data, modules and
checklist (app.ui.pages.provider_detail)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QWidget

from app.domain.roles import Permission, can
from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.pages.provider_detail import ProviderView
from app.ui.pages.provider_list import ProviderList
from app.ui.pages.stacked import StackedRecordPage
from app.ui.shell import Shell

# The record types this page shows (entity names, as every change announces them).
SHOWN = frozenset(
    {
        "training_provider",
        "provider_module",
        "provider_check",
        "provider_evidence",
        "provider_decision",
        "training_module",
    }
)


class ProvidersPage(StackedRecordPage):
    """The list, and one provider's view stacked over it."""

    shown = SHOWN
    list: ProviderList
    view: ProviderView

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.actor = actor
        self.stack_up(
            ProviderList(ctx, can(actor.role, Permission.PROVIDER_EDIT), self),
            ProviderView(ctx, actor, self),
        )
        self.list.new_button.clicked.connect(self.new_provider)
        self.list.table.activated.connect(self._activated)
        self.view.back.connect(self.show_list)

    def show_list(self) -> None:
        super().show_list()
        self.list.search.setFocus()

    def apply_link(self, filters: dict[str, str]) -> None:
        """From Beranda: the list filtered as the figure was counted
        (ProviderList.apply_link), with the keyboard in the table."""
        self.list.apply_link(filters)
        self.stack.setCurrentWidget(self.list)
        self.list.table.setFocus()

    def _activated(self, index: QModelIndex) -> None:
        row = self.list.model.row_at(index.row())
        if row is not None:
            self.open_provider(row.id)

    def open_provider(self, provider_id: str) -> ProviderView:
        self.view.load(provider_id)
        self.view.tabs.setCurrentIndex(0)
        self.stack.setCurrentWidget(self.view)
        self.view.back_button.setFocus()
        return self.view

    def new_provider(self) -> Any:
        from app.ui.dialogs.provider_dialogs import ProviderDialog

        dialog = ProviderDialog(self.ctx, self.actor, parent=self)
        dialog.succeeded.connect(lambda row: self.open_provider(row.id))
        dialog.open()
        return dialog


def page(window: Shell) -> ProvidersPage:
    """The providers feature's page (app.features.providers)."""
    return ProvidersPage(window.ctx, window.actor)
