"""Look of the program: Fusion style, a 10 pt font and resources/style.qss.

Fusion looks the same on Windows and Linux, so what the screenshots show is what the
offices see. Image URLs in a style sheet are resolved against the working directory, so
the sheet names them `@RESOURCES@/...` and the real folder is filled in here.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from app.ui.i18n import RESOURCES

log = logging.getLogger(__name__)

STYLE_SHEET = RESOURCES / "style.qss"
POINT_SIZE = 10


def apply(app: QApplication) -> None:
    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setPointSize(POINT_SIZE)
    app.setFont(font)
    try:
        sheet = STYLE_SHEET.read_text(encoding="utf-8")
        app.setStyleSheet(sheet.replace("@RESOURCES@", RESOURCES.as_posix()))
    except OSError:
        log.warning("style sheet %s not found; using the plain style", STYLE_SHEET)
