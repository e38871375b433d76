"""Tab "Konflik" of the Sinkronisasi page: each conflict side by side, for a supervisor.

Only supervisors may choose a value (the service checks Permission.SYNC_RESOLVE); others
see the buttons disabled and a note saying whom to ask. Resolving needs the network, so it
runs off the UI thread; a refusal is written in the tab.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Permission, can
from app.services.actor import Actor
from app.services.sync_review_view import ConflictItem
from app.ui.context import AppContext
from app.ui.pages.sync_review import ReviewTab
from app.ui.pages.sync_tables import value_text
from app.ui.widgets import note


class ConflictCard(QFrame):
    """One conflict side by side: the server's value and the other PC's, a button under each."""

    def __init__(self, item: ConflictItem, allowed: bool, parent: QWidget | None = None) -> None:
        from app.ui.intake.labels import label_of_model_field

        super().__init__(parent)
        self.item = item
        self.setObjectName("conflictCard")
        grid = QGridLayout(self)
        grid.setContentsMargins(16, 12, 16, 12)
        grid.setHorizontalSpacing(24)
        self.field_label = (
            self.tr("Attendance mark")
            if item.entity == "attendance" and item.field == "mark"
            else label_of_model_field(item.field)
        )
        title = QLabel(f"{item.label} — {self.field_label}")
        title.setObjectName("conflictTitle")
        if item.reason == "locked":
            why = self.tr(
                "Marked at another computer after a supervisor approved the day: "
                "the approved mark stays until you choose."
            )
        elif item.supervised:
            why = self.tr("A NIK or account number change is always checked by a supervisor.")
        else:
            why = self.tr("Changed on two computers before they synced.")
        grid.addWidget(title, 0, 0, 1, 2)
        grid.addWidget(note(why), 1, 0, 1, 2)
        self.buttons: dict[str, QPushButton] = {}
        sides = (
            (
                "server",
                self.tr("Value on the server"),
                item.server_value,
                self.tr("Use server value"),
            ),
            (
                "device",
                self.tr("Value from the other computer"),
                item.device_value,
                self.tr("Use other computer's value"),
            ),
        )
        for column, (keep, caption, value, button_text) in enumerate(sides):
            head = QLabel(caption)
            head.setObjectName("conflictCaption")
            shown = QLabel(value_text(item.field, value))
            shown.setObjectName("conflictValue")
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            button = QPushButton(button_text)
            button.setEnabled(allowed)
            self.buttons[keep] = button
            grid.addWidget(head, 2, column)
            grid.addWidget(shown, 3, column)
            grid.addWidget(button, 4, column, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)


class ConflictsTab(ReviewTab):
    """Open conflicts of this office; a supervisor keeps one of the two values.

    Signals:
        resolved(): a conflict was decided (the page then syncs to bring the result here).
    """

    resolved = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.actor = actor
        self.allowed = can(actor.role, Permission.SYNC_RESOLVE)
        if self.allowed:
            self.note.setText(
                self.tr(
                    "Choose which value is kept. The decision reaches every computer at the "
                    "next sync."
                )
            )
        else:
            self.note.setText(
                self.tr(
                    "Only a supervisor can choose which value is kept. Ask the office supervisor."
                )
            )
            self.note.setObjectName("notice")
        self.cards: list[ConflictCard] = []
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("conflictScroll")
        self.scroll_area.setWidgetResizable(True)
        self.body = QWidget()
        self.body.setObjectName("conflictBody")
        self.column = QVBoxLayout(self.body)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(10)
        self.column.addStretch(1)
        self.scroll_area.setWidget(self.body)
        self.layout_.addWidget(self.scroll_area, 1)

    def fetch(self) -> Callable[[], list[Any]]:
        from app.services.sync_review_view import conflict_items

        db = self.ctx.db
        return lambda: list(conflict_items(db))

    def show_rows(self, rows: list[Any]) -> None:
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        for item in rows:
            card = ConflictCard(item, self.allowed)
            for keep, button in card.buttons.items():
                button.clicked.connect(lambda _c=False, i=item, k=keep: self.confirm(i, k))
            self.column.insertWidget(self.column.count() - 1, card)
            self.cards.append(card)
        self.state.setText(
            self.tr("{n} conflicts wait for a decision.").format(n=len(rows))
            if rows
            else self.tr("No conflicts: every change was merged.")
        )

    def confirm(self, item: ConflictItem, keep: str) -> None:
        """The supervisor confirms the choice with their password (the server checks it)."""
        from app.services.sync_review import resolve
        from app.ui.dialogs.supervisor_confirm import SupervisorConfirmDialog
        from app.ui.intake.labels import label_of_model_field

        value = item.server_value if keep == "server" else item.device_value
        db, actor = self.ctx.db, self.actor
        dialog = SupervisorConfirmDialog(
            self.tr("Resolve conflict"),
            self.tr("Keep {value} as {field} of {name}? The other value is set aside.").format(
                value=value_text(item.field, value),
                field=label_of_model_field(item.field),
                name=item.label,
            ),
            self.tr("Keep this value"),
            lambda password: resolve(db, actor, item.id, keep, password),
            self,
        )
        dialog.succeeded.connect(self._resolved)
        dialog.open()

    def _resolved(self, _result: object) -> None:
        self.resolved.emit()
        self.load()
