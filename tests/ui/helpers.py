"""Typing and clicking helpers shared by the window tests."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox


def type_into(qtbot: Any, edit: QLineEdit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def click(qtbot: Any, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def sign_in(qtbot: Any, dialog: Any, username: str, password: str) -> None:
    """Type into the login dialog, press Enter, wait for the answer."""
    type_into(qtbot, dialog.username, username)
    type_into(qtbot, dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog._busy, timeout=10_000)


def message_boxes() -> list[QMessageBox]:
    windows = QApplication.topLevelWidgets()
    return [w for w in windows if isinstance(w, QMessageBox) and w.isVisible()]


def wait_for_box(qtbot: Any) -> QMessageBox:
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=10_000)
    return message_boxes()[0]


def wait_for_dialog(qtbot: Any, kind: type) -> Any:
    """The visible top-level dialog of class `kind`, once it shows."""
    from PySide6.QtWidgets import QApplication

    def found() -> list[Any]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]

    qtbot.waitUntil(lambda: bool(found()), timeout=10_000)
    return found()[0]
