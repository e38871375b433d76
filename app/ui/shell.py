"""What a page's factory gets from the main window (app.features.PageSpec.factory).

A protocol rather than the MainWindow class, so a page module does not import the window
that imports it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.services.actor import Actor
    from app.services.startup import StartupInfo
    from app.ui.context import AppContext
    from app.ui.sync_runner import SyncRunner


class Shell(Protocol):
    ctx: AppContext
    actor: Actor
    info: StartupInfo
    sync: SyncRunner

    def open(self, key: str) -> QWidget:
        """Show the page `key` (as the navigation would) and return it."""
        ...
