"""What every screenshot renderer works with (app.features.ShotSpec.render).

A `ShotSession` holds the temporary demo office, makes the main window (signed in as the
demo admin) on first use, saves PNGs (a dialog drawn over its dimmed main window, as on
screen) and keeps what renderers share (`memo`). A renderer that needs a sync server asks
`sync_server()`: the server itself is started by whoever runs the screenshots
(`loket screenshots`, app.cli.ui_cmds), so the window code never imports the server.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from app.ui import tasks
from app.ui.context import AppContext

# The main window as a clerk sees it on the smallest screen of the offices: maximised on
# 1366×768, less a 40-pixel taskbar and a 30-pixel title bar. Anything cut off at this
# size is cut off on that screen, and shows in the PNG. Dialogs are drawn at their own
# size (what `show()` gives them).
SCREEN_SIZE = (1366, 768)
TASKBAR_HEIGHT = 40
TITLE_BAR_HEIGHT = 30
MAIN_SIZE = (SCREEN_SIZE[0], SCREEN_SIZE[1] - TASKBAR_HEIGHT - TITLE_BAR_HEIGHT)


class SyncServer(Protocol):
    """A throw-away sync server: its address, and one-time enrolment codes."""

    url: str

    def code(self, office: str) -> str: ...


def settle() -> None:
    """Let every task finish and its answer reach the widgets."""
    for _ in range(50):
        tasks.wait_all()
        QApplication.processEvents()
        if not tasks.busy():
            break
    QApplication.processEvents()


def wait_until(done: Callable[[], bool], seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        settle()
        QApplication.processEvents()
        time.sleep(0.02)
    settle()


class ShotSession:
    """See the module docstring."""

    def __init__(
        self,
        ctx: AppContext,
        out_dir: Path,
        folder: Path,
        sync_server: Callable[[], SyncServer] | None = None,
    ) -> None:
        self.ctx = ctx
        self.out_dir = out_dir
        self.folder = folder  # a temporary folder for files renderers make
        self.written: list[Path] = []
        self._sync_server = sync_server
        self._server: SyncServer | None = None
        self._window: Any = None
        self._memo: dict[str, Any] = {}
        self._closers: list[Callable[[], None]] = []

    def save(self, name: str, widget: QWidget | None = None, over: QWidget | None = None) -> None:
        """Write `name`.png: `widget` (the main window if none), or a dialog `widget` drawn
        over `over`, dimmed."""
        shown = widget if widget is not None else self.window
        for _ in range(3):
            QApplication.processEvents()
        pixmap = _composite(over, shown) if over is not None else shown.grab()
        path = self.out_dir / f"{name}.png"
        if not pixmap.save(str(path)):
            raise OSError(f"could not write {path}")
        self.written.append(path)

    def demo_office(self) -> None:
        """The demo office, set up once (the set-up screen is drawn before it exists)."""
        if "demo" not in self._memo:
            from app.services.demo import create_demo_office

            self._memo["demo"] = create_demo_office(self.ctx.db)

    @property
    def window(self) -> Any:
        """The main window, signed in as the demo admin, background sync off."""
        if self._window is None:
            from app.services import auth
            from app.services.demo import DEMO_ADMIN, DEMO_PASSWORD

            self.demo_office()
            admin = auth.login(self.ctx.db, DEMO_ADMIN[0], DEMO_PASSWORD).actor
            self._window = self.main_window(admin)
        return self._window

    def main_window(self, actor: Any) -> Any:
        """Another main window (as another person), the same size; closed at the end."""
        from app.ui.main_window import MainWindow

        window = MainWindow(self.ctx, actor, self.ctx.startup_info(), sync_interval_ms=0)
        # Not maximised: the offscreen screen is 800×600, and the PNG must be MAIN_SIZE.
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.resize(*MAIN_SIZE)
        window.show()
        self.on_close(lambda: _close(window))
        return window

    def memo(self, key: str, make: Callable[[], Any]) -> Any:
        """What several renderers share, made once."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def sync_server(self) -> SyncServer:
        if self._server is None:
            if self._sync_server is None:
                raise RuntimeError("these screenshots need a sync server")
            self._server = self._sync_server()
        return self._server

    def on_close(self, close: Callable[[], None]) -> None:
        self._closers.append(close)

    def close(self) -> None:
        for close in reversed(self._closers):
            close()
        self._closers.clear()


def _close(window: Any) -> None:
    window.idle.stop()
    window.close()
    window.deleteLater()


def _composite(window: QWidget, dialog: QWidget) -> QPixmap:
    """The main window, dimmed, with the dialog and a plain title bar centred over it."""
    base = window.grab()
    top = dialog.grab()
    bar = TITLE_BAR_HEIGHT
    x = (base.width() - top.width()) // 2
    y = (base.height() - top.height() - bar) // 3
    painter = QPainter(base)
    painter.fillRect(base.rect(), QColor(10, 25, 40, 110))
    frame = QRect(x - 1, y - 1, top.width() + 2, top.height() + bar + 2)
    painter.fillRect(frame, QColor("#8a96a3"))
    painter.fillRect(QRect(x, y, top.width(), bar), QColor("#e4e9ef"))
    painter.setPen(QColor("#17324d"))
    painter.drawText(
        QRect(x + 12, y, top.width() - 24, bar),
        int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
        dialog.windowTitle(),
    )
    painter.drawPixmap(QPoint(x, y + bar), top)
    painter.end()
    return base
