"""A page that is a list with one record's view stacked over it (Lembaga, Angkatan): the
switching back, and re-reading what a committed change touched — the list at once when it is
on screen, else when it shows again; the open record at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from app.ui.context import AppContext

LIST, VIEW = 0, 1  # the stack's pages, in the order stack_up adds them


class StackedRecordPage(QWidget):
    """Subclasses set `shown` (the record types the page shows), then call `stack_up(list,
    view)`; the list has `refresh()` and `stale`, the view `reload()`."""

    shown: frozenset[str] = frozenset()
    list: Any  # set by stack_up
    view: Any

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack)
        ctx.data_changed.connect(self.on_data_changed)

    def stack_up(self, records: Any, view: Any) -> None:
        self.list, self.view = records, view
        self.stack.addWidget(records)
        self.stack.addWidget(view)

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list)
        if self.list.stale:
            self.list.refresh()

    def on_data_changed(self, entities: frozenset[str]) -> None:
        if not self.shown & entities:
            return
        if self.stack.currentIndex() == LIST and self.isVisible():
            self.list.refresh()
        else:
            self.list.stale = True
        if self.stack.currentIndex() == VIEW:
            self.view.reload()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.stack.currentIndex() == LIST:
            QTimer.singleShot(0, self.list, self.list.refresh)
