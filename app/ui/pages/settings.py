"""Pengaturan: tab "Umum" (the settings form) and, for admins, tab "Staf"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.domain.roles import Permission, can
from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.pages.settings_form import SettingsForm
from app.ui.shell import Shell
from app.ui.widgets import heading, scroll_area

if TYPE_CHECKING:
    from app.ui.pages.staff import StaffPage


class SettingsPage(QWidget):
    """The settings of this computer and, for admins, the staff accounts."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(12)
        layout.addWidget(heading(self.tr("Settings")))
        self.tabs = QTabWidget(self)
        self.general = SettingsForm(ctx, actor)
        # the form is the tallest thing on the page: it scrolls on a small screen
        self.tabs.addTab(scroll_area(self.general), self.tr("General"))
        self.staff: StaffPage | None = None
        if can(actor.role, Permission.STAFF_MANAGE):
            from app.ui.pages.staff import StaffPage

            self.staff = StaffPage(ctx, actor)
            self.tabs.addTab(self.staff, self.tr("Staff"))
        layout.addWidget(self.tabs, 1)

    def show_staff(self) -> bool:
        if self.staff is None:
            return False
        self.tabs.setCurrentWidget(self.staff)
        return True


def page(window: Shell) -> SettingsPage:
    """The settings feature's page (app.features.settings)."""
    return SettingsPage(window.ctx, window.actor)
