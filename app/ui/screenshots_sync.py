"""The Sinkronisasi screens for `loket screenshots`: the page with waiting and refused changes.

The temporary demo office is made to look linked to a server by
app.sync.outbox_view.demo_link (demo only: a fake token, no request is ever sent; the
window is built with background sync off). Its last try failed, so the status bar of every
screenshot shows the offline state an office meets most often.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.ui.context import AppContext

Save = Callable[[QWidget, str, QWidget | None], None]
DEMO_SERVER = "https://sinkron.loketvokasi.example"


def link_demo(ctx: AppContext) -> None:
    """Before the main window opens, so the status bar shows the sync state from the start."""
    from app.sync.outbox_view import demo_link

    demo_link(ctx.db, DEMO_SERVER)


def render_sync(window: QWidget, save: Save) -> None:
    from app.ui.screenshots_participants import settle

    page = window.open_sync()  # type: ignore[attr-defined]
    settle()
    page.tabs.setCurrentIndex(0)
    save(window, "sync", None)
    page.tabs.setCurrentIndex(1)
    settle()
    save(window, "sync_problems", None)
    page.tabs.setCurrentIndex(0)
