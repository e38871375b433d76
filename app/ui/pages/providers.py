"""Lembaga: the provider list and, in the same page, one provider's data, modules and
checklist (app.ui.pages.provider_detail)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from app.domain.roles import Permission, can
from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.pages.provider_detail import ProviderView
from app.ui.pages.provider_list import ProviderList
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


class ProvidersPage(QWidget):
    """The list, and one provider's view stacked over it."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack)
        self.list = ProviderList(ctx, can(actor.role, Permission.PROVIDER_EDIT), self)
        self.view = ProviderView(ctx, actor, self)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.view)
        self.list.new_button.clicked.connect(self.new_provider)
        self.list.table.activated.connect(self._activated)
        self.view.back.connect(self.show_list)
        ctx.data_changed.connect(self.on_data_changed)

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list)
        self.list.search.setFocus()
        if self.list.stale:
            self.list.refresh()

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


def page(window: Shell) -> ProvidersPage:
    """The providers feature's page (app.features.providers)."""
    return ProvidersPage(window.ctx, window.actor)
