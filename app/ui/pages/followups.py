"""Pemantauan: after the training, back to work (issue #13).

Four tabs: the call list of follow-ups due with the outcome form (app.ui.pages.
followup_calls), the job vacancies with matching and referrals (vacancy_list), supply and
demand per module and province (supply_demand_view) and the re-employment rates
(followup_rates_view). Alt+1…Alt+4 bring a tab forward with the keyboard in it. A tab
re-reads what a committed change touched when it is on screen, else when it shows again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.pages.followup_calls import CallList
from app.ui.pages.followup_rates_view import RatesView
from app.ui.pages.supply_demand_view import SupplyDemandView
from app.ui.pages.vacancy_list import VacancyList
from app.ui.shell import Shell
from app.ui.widgets import heading, note

CALLS, VACANCIES, SUPPLY, RATES = range(4)
# What each tab shows (entity names, as every change announces them).
SHOWN: dict[int, frozenset[str]] = {
    CALLS: frozenset({"follow_up", "participant", "cohort", "enrollment"}),
    VACANCIES: frozenset({"vacancy", "referral", "training_module"}),
    SUPPLY: frozenset(
        {"vacancy", "follow_up", "participant", "cohort", "enrollment", "training_module"}
    ),
    RATES: frozenset({"follow_up", "cohort", "enrollment", "training_provider", "training_module"}),
}


class FollowupsPage(QWidget):
    """The page; `tabs` holds `calls`, `vacancies`, `supply` and `rates`."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 14)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Follow-up")))
        top.addSpacing(16)
        top.addWidget(
            note(
                self.tr(
                    "Graduates are called 1, 3 and 6 months after their training to ask "
                    "whether they work again; vacancies from employers are offered to those "
                    "who fit."
                )
            ),
            1,
        )
        layout.addLayout(top)
        self.tabs = QTabWidget(self)
        self.calls = CallList(ctx, actor)
        self.vacancies = VacancyList(ctx, actor)
        self.supply = SupplyDemandView(ctx)
        self.rates = RatesView(ctx)
        self.views: list[Any] = [self.calls, self.vacancies, self.supply, self.rates]
        titles = (
            self.tr("Call list (Alt+1)"),
            self.tr("Vacancies (Alt+2)"),
            self.tr("Supply and demand (Alt+3)"),
            self.tr("Rates (Alt+4)"),
        )
        for view, title in zip(self.views, titles, strict=True):
            self.tabs.addTab(view, title)
        layout.addWidget(self.tabs, 1)
        for tab in range(len(self.views)):
            shortcut = QShortcut(QKeySequence(f"Alt+{tab + 1}"), self)
            shortcut.activated.connect(lambda tab=tab: self.show_tab(tab))
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())
        ctx.data_changed.connect(self.on_data_changed)

    def on_data_changed(self, entities: frozenset[str]) -> None:
        touched = False
        for tab, view in enumerate(self.views):
            if SHOWN[tab] & entities:
                view.stale = touched = True
        if touched and self.isVisible():
            self._refresh_current()

    def _refresh_current(self) -> None:
        view = self.tabs.currentWidget()
        if getattr(view, "stale", False):
            view.refresh()  # type: ignore[attr-defined]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, self._refresh_current)

    def apply_link(self, filters: dict[str, str]) -> Any:
        """From Beranda: `view` "rates" brings the rates tab (Capaian) forward; no view,
        the call list of the follow-ups due. Returns the tab."""
        return self.show_tab(RATES if filters.get("view") == "rates" else CALLS)

    def show_tab(self, tab: int) -> Any:
        """Bring a tab forward, fresh, with the keyboard in it, and return it."""
        self.tabs.setCurrentIndex(tab)
        view = self.views[tab]
        if view.stale:
            view.refresh()
        view.focus_table()
        return view


def page(window: Shell) -> FollowupsPage:
    """The follow-up feature's page (app.features.followups)."""
    return FollowupsPage(window.ctx, window.actor)
