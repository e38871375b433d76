"""Where the main window opens: inside the screen's available area, as it was left.

Counter PCs often have a 1366×768 screen with a taskbar of about 40 pixels, so a window of
the preferred 1280×800 would put the status bar and the sidebar's Keluar under the taskbar.
The rule: a window kept from the last session comes back at its place and size, shrunk and
moved into the available area of the screen it is on (the screen may have changed since);
without one, the window is centred at its preferred size if that fits, else maximised.

The available area comes from `available_area`, which the tests replace (the offscreen
platform has one 800×600 screen).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from app.services.window_state import WindowState

PREFERRED = QSize(1280, 800)
# Room for the frame before the window is shown (Qt knows the real frame only after): a
# Windows 10 title bar at 100 % is 31 pixels, its borders 8.
TITLE_BAR = 31
BORDER = 8


def available_area(point: QPoint | None = None) -> QRect:
    """The available geometry (screen minus taskbar) of the screen at `point`, or of the
    primary screen."""
    screen = QGuiApplication.screenAt(point) if point is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def inner_area(available: QRect) -> QRect:
    """The part of `available` the window's inside may take, its frame left around it."""
    return available.adjusted(BORDER, TITLE_BAR, -BORDER, -BORDER)


def fit(rect: QRect, available: QRect) -> QRect:
    """`rect` (the window's inside) shrunk and moved until it lies in `available`."""
    area = inner_area(available)
    width = min(rect.width(), area.width())
    height = min(rect.height(), area.height())
    x = min(max(rect.x(), area.left()), area.left() + area.width() - width)
    y = min(max(rect.y(), area.top()), area.top() + area.height() - height)
    return QRect(x, y, width, height)


def initial_placement(
    available: QRect, saved: WindowState | None, preferred: QSize = PREFERRED
) -> tuple[QRect, bool]:
    """The window's inner rectangle and whether it opens maximised."""
    if saved is not None:
        rect = QRect(saved.x, saved.y, saved.width, saved.height)
        return fit(rect, available), saved.maximized
    area = inner_area(available)
    fits = preferred.width() <= area.width() and preferred.height() <= area.height()
    size = preferred.boundedTo(area.size())
    rect = QRect(QPoint(0, 0), size)
    rect.moveCenter(area.center())
    return fit(rect, available), not fits


def place(window: QWidget, saved: WindowState | None) -> None:
    """Give `window` (not yet shown) its geometry and maximised state."""
    from PySide6.QtCore import Qt

    centre = QRect(saved.x, saved.y, saved.width, saved.height).center() if saved else None
    rect, maximized = initial_placement(available_area(centre), saved)
    window.setGeometry(rect)
    if maximized:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def current_state(window: QWidget) -> WindowState:
    """What to keep of `window` for the next session: its normal rectangle even when it is
    maximised (so "restore" goes back there)."""
    maximized = window.isMaximized()
    rect = window.normalGeometry() if maximized else window.geometry()
    if not rect.isValid():
        rect = window.geometry()
    return WindowState(rect.x(), rect.y(), rect.width(), rect.height(), maximized)
