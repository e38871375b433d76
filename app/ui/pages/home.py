"""Beranda: a greeting and today's figures of this office, from services.home.home_counts."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from app.domain.roles import ROLE_LABELS, Role
from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.messages import show_error
from app.ui.shell import Shell
from app.ui.widgets import Tile, heading, note, scroll_area

# Local hour at which each greeting starts (Indonesian custom: pagi, siang, sore, malam).
GREETING_HOURS = ((18, "evening"), (15, "afternoon"), (11, "midday"), (4, "morning"))


class HomePage(QWidget):
    """Greeting, date and eight tiles; refreshes when shown and when data changes."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        layout = QVBoxLayout(body)  # in a scroll area: three rows of tiles fill a 768 screen
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(8)
        self.greeting = heading("")
        self.date = QLabel("")
        self.date.setObjectName("subheading")
        layout.addWidget(self.greeting)
        layout.addWidget(self.date)
        layout.addSpacing(16)

        layout.addWidget(self._section(self.tr("Staff of this office")))
        self.staff_grid = QGridLayout()
        self.staff_grid.setSpacing(12)
        self.tiles: dict[str, Tile] = {
            "staff_active": Tile(self.tr("Active staff")),
            Role.COUNTER.value: Tile(ROLE_LABELS[Role.COUNTER].render()),
            Role.SUPERVISOR.value: Tile(ROLE_LABELS[Role.SUPERVISOR].render()),
            Role.ADMIN.value: Tile(ROLE_LABELS[Role.ADMIN].render()),
        }
        for col, tile in enumerate(self.tiles.values()):
            self.staff_grid.addWidget(tile, 0, col)
        layout.addLayout(self.staff_grid)
        layout.addSpacing(16)

        layout.addWidget(self._section(self.tr("Today on this computer")))
        self.today_grid = QGridLayout()
        self.today_grid.setSpacing(12)
        today = {
            "logins_today": Tile(self.tr("Sign-ins")),
            "failed_logins_today": Tile(self.tr("Refused sign-ins")),
            "events_today": Tile(self.tr("Recorded actions")),
            "pending_changes": Tile(self.tr("Waiting to sync")),
        }
        today["failed_logins_today"].detail.setText(
            self.tr("Wrong password, locked or inactive account")
        )
        today["events_today"].detail.setText(self.tr("Written to the audit log"))
        today["pending_changes"].detail.setText(self.tr("Sent when a connection is available"))
        for col, tile in enumerate(today.values()):
            self.today_grid.addWidget(tile, 0, col)
        self.tiles.update(today)
        layout.addLayout(self.today_grid)
        layout.addSpacing(16)
        layout.addWidget(self._section(self.tr("Training providers")))
        self.provider_grid = QGridLayout()
        self.provider_grid.setSpacing(12)
        providers = {
            "expiring": Tile(self.tr("Licence ending within 60 days")),
            "recheck_due": Tile(self.tr("Re-check overdue")),
            "fit": Tile(self.tr("Decided fit (layak)")),
            "undecided": Tile(self.tr("Not decided yet")),
        }
        for col, tile in enumerate(providers.values()):
            self.provider_grid.addWidget(tile, 0, col)
        self.tiles.update(providers)
        layout.addLayout(self.provider_grid)
        for grid in (self.staff_grid, self.today_grid, self.provider_grid):
            for col in range(4):
                grid.setColumnStretch(col, 1)
        layout.addSpacing(16)
        layout.addWidget(
            note(
                self.tr(
                    "Every action is recorded in the audit log of this computer and sent to "
                    "the central server when a connection is available. Work goes on "
                    "without a connection."
                )
            )
        )
        layout.addStretch(1)
        outer.addWidget(scroll_area(body))
        ctx.data_changed.connect(self.on_data_changed)

    def _section(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("section")
        return label

    def greeting_text(self, hour: int) -> str:
        part = next((name for start, name in GREETING_HOURS if hour >= start), "evening")
        name = self.actor.full_name or self.actor.username
        texts = {
            "morning": self.tr("Good morning, {name}"),
            "midday": self.tr("Good day, {name}"),
            "afternoon": self.tr("Good afternoon, {name}"),
            "evening": self.tr("Good evening, {name}"),
        }
        return texts[part].format(name=name)

    def refresh(self) -> None:
        from app.services.home import home_counts

        now = QDateTime.currentDateTime()
        self.greeting.setText(self.greeting_text(now.time().hour()))
        self.date.setText(QLocale().toString(now.date(), "dddd, d MMMM yyyy"))
        try:
            counts = home_counts(self.ctx.db, self.actor.office_code)
        except Exception as exc:  # the page stays usable; the box says what happened
            show_error(self, exc)
            return
        self.tiles["staff_active"].set_value(counts.staff_active)
        for role in Role:
            self.tiles[role.value].set_value(counts.staff_by_role.get(role.value, 0))
        for key in ("logins_today", "failed_logins_today", "events_today", "pending_changes"):
            self.tiles[key].set_value(getattr(counts, key))
        self._show_providers()

    def _show_providers(self) -> None:
        from app.services.home import provider_alerts

        try:
            alerts = provider_alerts(self.ctx.db)
        except Exception as exc:
            show_error(self, exc)
            return
        for key in ("expiring", "recheck_due"):
            names: list[str] = getattr(alerts, key)
            self.tiles[key].set_value(len(names))
            shown = ", ".join(names[:2]) + (" …" if len(names) > 2 else "")
            self.tiles[key].detail.setText(shown)
        self.tiles["fit"].set_value(alerts.fit)
        self.tiles["undecided"].set_value(alerts.undecided)

    def on_data_changed(self, _entities: frozenset[str]) -> None:
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()


def page(window: Shell) -> HomePage:
    """The home feature's page (app.features.home)."""
    return HomePage(window.ctx, window.actor)
